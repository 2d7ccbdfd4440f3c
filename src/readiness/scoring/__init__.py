"""Scoring a profile under a criteria set: the scorer, its result, thresholds, verify, impact.

May import criteria, profile, input and the base modules.
"""
