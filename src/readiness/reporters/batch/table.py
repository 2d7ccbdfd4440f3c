"""The ranked table and band summary that ``readiness batch`` prints on stdout.

One line per town, so that ten thousand towns print in a blink and stay greppable; columns are
measured in terminal cells (Japanese characters take two).  The columns fit the width
(``COLUMNS``, else the terminal's, else 80): narrow widths drop the bureau column and cut long
cells (``layout``).  On a terminal the first gap is also cut to the width, and the bands are
coloured as ``--color``, ``NO_COLOR`` and ``FORCE_COLOR`` say (``reporters/console.py``); piped
output keeps the first gap whole.  Text from the profiles and criteria is shown with control
characters escaped, on one line.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import TextIO

from rich.cells import cell_len, set_cell_size

from readiness.batch.run import BatchResult
from readiness.messages import Lang, t
from readiness.reporters.batch.common import HEADER_KEYS, caution_lines, ranked_cells, town
from readiness.reporters.console import colour_wanted
from readiness.textsafe import safe_line

TOWN_MAX = 30
"""Cells at most for the town column; longer names are cut with an ellipsis."""
_BAND_COLOUR = ("\x1b[1;32m", "\x1b[1;33m", "\x1b[1;31m")
_RESET = "\x1b[0m"
MARKS = ("✓", "✗")
"""After the band when a gate was asked for: passed, failed."""


def fit(text: str, width: int) -> str:
    """``text`` padded or cut (with an ellipsis) to exactly ``width`` cells."""
    cells = cell_len(text)
    if cells <= width:
        return text + " " * (width - cells)
    if width <= 0:
        return ""
    cut = set_cell_size(text, width - 1)
    if cut.endswith(" ") and not text[: len(cut)].endswith(" "):
        cut = cut[:-1]  # a wide character did not fit: pad after the ellipsis instead
    return set_cell_size(cut + "…", width)


_SEP = 2
GAP_WANTED = 20
"""Cells the first-gap column should keep; narrower columns give way to it first."""
GAP_LEAST = 10
_TOWN, _BUREAU, _BAND, _GATES, _GAP = 1, 2, 4, 5, 7


def layout(header: list[str], rows: list[list[str]], width: int) -> list[int | None]:
    """Widths of the columns before the first gap (None: dropped) so that the line fits
    ``width`` cells with room for the first gap.  Narrow terminals first lose the bureau
    column, then long gates, town and band cells are cut, each never below its heading."""
    widths: list[int | None] = [
        max(cell_len(row[i]) for row in [header, *rows]) for i in range(_GAP)
    ]
    widths[_TOWN] = min(widths[_TOWN] or 0, TOWN_MAX)

    def used() -> int:
        return sum(w + _SEP for w in widths if w is not None)

    def cap(i: int, most: int) -> None:
        w = widths[i]
        if w is not None:
            widths[i] = min(w, max(most, cell_len(header[i])))

    def drop_bureau() -> None:
        widths[_BUREAU] = None

    steps: list[Callable[[], None]] = [
        drop_bureau,
        lambda: cap(_GATES, 12),
        lambda: cap(_TOWN, 20),
        lambda: cap(_BAND, 14),
        lambda: cap(_TOWN, 12),
        lambda: cap(_GATES, 4),
        lambda: cap(_BAND, 10),
    ]
    for step in steps:
        if used() + GAP_WANTED <= width:
            break
        step()
    return widths


def write_table(out: TextIO, result: BatchResult, lang: Lang) -> None:
    terminal = out.isatty()
    width = _width()
    colour = colour_wanted(terminal)
    header = [t(k, lang) for k in HEADER_KEYS]
    # Rows are kept until the widths are known: equal cells (scores, bands, gates) are one
    # string, so that ten thousand rows hold little more than their town names.
    same: dict[str, str] = {}
    rows = [
        [same.setdefault(cell, cell) for cell in ranked_cells(r, result, lang, safe_line, MARKS)]
        for r in result.ranked
    ]
    widths = layout(header, rows, width) if rows else []
    fixed = sum(w + _SEP for w in widths if w is not None)
    last = max(GAP_LEAST, width - fixed)
    right = {0, 3}
    # Bands, gates, bureaus and marks repeat from town to town: each is fitted once (cutting
    # Japanese text to a width is slow).  Town names rarely repeat and are not kept.
    fitted: dict[tuple[str, int], str] = {}

    def fit_cell(i: int, cell: str, w: int) -> str:
        if i in right:
            return " " * (w - cell_len(cell)) + cell
        if i == _TOWN:
            return fit(cell, w)
        found = fitted.get((cell, w))
        if found is None:
            found = fitted[cell, w] = fit(cell, w)
        return found

    def line(cells: list[str], band_rank: int | None = None) -> str:
        parts = []
        for i, cell in enumerate(cells[:_GAP]):
            w = widths[i]
            if w is None:
                continue
            text = fit_cell(i, cell, w)
            if i == _BAND and colour and band_rank is not None:
                text = _BAND_COLOUR[min(band_rank, 2)] + text + _RESET
            parts.append(text)
        gap = cells[_GAP]
        if terminal and cell_len(gap) > last:
            gap = fit(gap, last)
        return (" " * _SEP).join([*parts, gap]).rstrip() + "\n"

    if rows:
        out.write(line(header))
        out.write(
            "-"
            * min(width, fixed + max(cell_len(header[_GAP]), *(cell_len(r[_GAP]) for r in rows)))
            + "\n"
        )
        for r, row in zip(result.ranked, rows, strict=True):
            out.write(line(row, r.entry.band_rank))
        out.write("\n")
    cautions = caution_lines(result, lang)
    if cautions:
        out.write(t("cautions", lang) + "\n")
        for r, caution in cautions:
            out.write(f"  {r.rank}. {safe_line(town(r.entry, lang))}: {safe_line(caution)}\n")
        out.write("\n")
    out.write(summary(result, lang))


def summary(result: BatchResult, lang: Lang) -> str:
    lines = [t("towns_per_band", lang)]
    for criteria_id, band, n in result.band_counts():
        lines.append(f"  {safe_line(criteria_id)} · {safe_line(band.label.get(lang))}: {n}")
    last = f"{t('towns_scored', lang)}: {len(result.ranked)} · "
    last += f"{t('files_bad', lang)}: {len(result.failed)}"
    if result.gate.requested:
        last += f" · {t('below_gate', lang)}: {result.gate_failures}"
    lines.append(last)
    return "\n".join(lines) + "\n"


def _width() -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size((80, 24)).columns
