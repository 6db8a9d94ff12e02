"""Surveys defined in XLSForm: a public link filled on a phone, submissions, imports of
KoboToolbox/ODK exports, results with intervals. Used by the anti-rumours diagnosis and the
barometer's field observations.
"""
