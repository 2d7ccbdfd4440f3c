"""``readiness config``: which config file is in force here, and what it sets."""

from __future__ import annotations

import sys

import typer

from readiness.cli.errors import guarded


def config() -> None:
    """Show the config file in force (.readiness.yaml, or [tool.readiness] in pyproject.toml,
    the first found from here upward) and the defaults it sets; flags override them.

    Keys: criteria, lang, encoding, fail_under, require_band, min_evidence, paths (batch),
    outputs (batch, FORMAT=PATH), sarif_level.  Exit codes: 0 shown; 2 the file has a problem.
    """
    raise typer.Exit(guarded(run))


def run() -> int:
    from readiness.cli.config import load_config, show
    from readiness.cli.options import resolve_lang
    from readiness.reporters.console import settings

    language = resolve_lang(None)  # the locale's: a bad file is reported in it too
    config = load_config()
    if not settings.quiet:  # -q: only a problem with the file
        sys.stdout.write(show(config, language))
    return 0
