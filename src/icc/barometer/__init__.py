"""The social trust barometer: posts, field observations and sensing series turned into a trust
score per place and period.
"""
