"""Reports of results: rich terminal output, JSON, Markdown, CI formats. Imports batch and below."""
