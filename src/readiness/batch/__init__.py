"""Many profiles in one run: expanding paths, scoring each file, ranking; never prints.

May import scoring, criteria, profile, input and the base modules.
"""
