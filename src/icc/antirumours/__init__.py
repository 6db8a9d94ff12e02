"""The anti-rumours method as a city's working tool: strategy, diagnosis, rumour register, agents,
campaigns and evaluation.
"""
