"""``readiness criteria list``: the bundled criteria sets."""

from __future__ import annotations

from rich import box
from rich.table import Table

from readiness.bundled import bundled_criteria
from readiness.reporters.console import make_console


def run() -> int:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("id", "bureau", "version", "period", "current", "source"):
        table.add_column(column, overflow="fold")
    for c in bundled_criteria():
        period = f"{c.period.start or '…'} – {c.period.end or '…'}"
        source = f"{c.sources[0].publisher} {c.sources[0].date}"
        table.add_row(c.id, c.bureau, c.version, period, "yes" if c.current else "", source)
    make_console().print(table)
    return 0
