"""The municipality profile: its model, checks, template, municipality list and programmes.

May import input and the base modules.
"""
