"""YAML text to plain data with positions, and validation into located diagnostics.

Knows none of our models; may import only the base modules (diagnostics, textsafe, atomic,
messages).
"""
