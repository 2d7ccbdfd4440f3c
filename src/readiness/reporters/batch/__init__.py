"""Batch reports, one module per format, registered by name in :mod:`.registry`."""
