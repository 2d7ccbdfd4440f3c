"""The rich console every human-facing report prints to."""

from __future__ import annotations

from rich.console import Console


def make_console() -> Console:
    # rich already turns colour off for NO_COLOR and for output that is not a terminal;
    # highlighting is off so that numbers in free text are never restyled.
    return Console(highlight=False, emoji=False)
