"""``readiness criteria list``: the bundled criteria sets."""

from __future__ import annotations

from rich import box
from rich.table import Table

from readiness.bundled import bundled_criteria
from readiness.reporters.console import make_console


def run() -> int:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, caption="* the bureau's current set")
    table.add_column("id", no_wrap=True)
    table.add_column("bureau", no_wrap=True)
    table.add_column("version", no_wrap=True)
    table.add_column("period", no_wrap=True)
    table.add_column("source", overflow="fold")
    for c in bundled_criteria():
        period = f"{c.period.start or '…'} – {c.period.end or '…'}"
        source = f"{c.sources[0].publisher} {c.sources[0].date}"
        table.add_row(f"{c.id} *" if c.current else c.id, c.bureau, c.version, period, source)
    make_console().print(table)
    return 0
