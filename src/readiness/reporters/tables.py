"""Tables that fit the width without cutting a word: ``fitted(table)``.

When a table is wider than the terminal, rich narrows its widest columns first, below the
width of their longest word (``2019-09-2|5``, ``selection.host-capacit|y``).  ``fitted``
measures each column instead: every column gets at least its widest unbreakable unit
(``KinsokuText`` cells measure by kinsoku units; ``no_wrap`` columns keep their whole width),
short columns stay whole when they can, and the room left makes the other columns as even as
their bounds allow.  Only
when even the minimums do not fit is the table left to rich's own narrowing.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table

SHORT = 26
"""Columns at most this wide (with padding) are kept whole when the table can afford it."""


class _Fitted:
    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        avail = options.max_width - table._extra_width
        ranges = [table._measure_column(console, options, c) for c in table.columns]
        least = [
            r.maximum if c.no_wrap else r.minimum
            for r, c in zip(ranges, table.columns, strict=True)
        ]
        most = [r.maximum for r in ranges]
        if sum(most) > avail >= sum(least):
            # Short columns (a period, a band) stay whole when the others can still fit.
            for i in sorted(range(len(most)), key=most.__getitem__):
                if most[i] <= SHORT and sum(least) - least[i] + most[i] <= avail:
                    least[i] = most[i]
            for column, width in zip(table.columns, _share(least, most, avail), strict=True):
                column.width = width - table._get_padding_width(column._index)
        yield table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)


def _share(least: list[int], most: list[int], avail: int) -> list[int]:
    """Widths between ``least`` and ``most`` summing to at most ``avail`` (which lies between
    their sums), as even as the bounds allow: the widest level ``L`` such that every column
    at ``clamp(L, least, most)`` fits, then a cell more for some of the columns still growing."""

    def at(level: int) -> list[int]:
        return [min(max(level, n), m) for n, m in zip(least, most, strict=True)]

    level = 0
    while sum(at(level + 1)) <= avail and level < max(most):
        level += 1
    widths = at(level)
    left = avail - sum(widths)
    for i, (n, m) in enumerate(zip(least, most, strict=True)):
        if left and n <= level < m:
            widths[i] += 1
            left -= 1
    return widths


def fitted(table: Table) -> _Fitted:
    """``table``, with column widths chosen so that no word is cut when it can be avoided."""
    return _Fitted(table)
