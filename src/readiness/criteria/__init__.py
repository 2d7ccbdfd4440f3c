"""Criteria sets: the format, check kinds, lint, extends, loading, bundled sets, diff, explain.

May import profile, input and the base modules.
"""
