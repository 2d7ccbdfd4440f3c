"""Reporters turn assessments into output; the core never prints."""
