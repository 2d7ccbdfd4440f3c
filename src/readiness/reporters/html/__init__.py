"""HTML reports: one self-contained page per town (inline CSS and SVG), and a batch site.

Pages are rendered by Jinja2 with autoescaping forced on (the templates are named ``*.html.j2``,
which ``select_autoescape(["html"])`` would not escape), so every text from a profile or a
criteria file is escaped; the only markup inserted as it is is the chart SVG that
:mod:`readiness.reporters.html.radar` builds, escaping its own text.
"""
