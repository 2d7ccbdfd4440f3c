"""The ranked table and band summary that ``readiness batch`` prints on stdout.

One line per town, so that ten thousand towns print in a blink and stay greppable; columns are
measured in terminal cells (Japanese characters take two).  Long town names are cut; on a
terminal the first gap is also cut to the width, and the bands are coloured (never with
``NO_COLOR``).  Piped output keeps every line whole, whatever the width.  Text from the
profiles and criteria is shown with control characters escaped, on one line.
"""

from __future__ import annotations

import os
import shutil
from typing import TextIO

from rich.cells import cell_len, set_cell_size

from readiness.batch.run import BatchResult
from readiness.messages import Lang, t
from readiness.reporters.batch.common import ranked_cells
from readiness.textsafe import safe_line

TOWN_MAX = 30
"""Cells at most for the town column; longer names are cut with an ellipsis."""
_BAND_COLOUR = ("\x1b[1;32m", "\x1b[1;33m", "\x1b[1;31m")
_RESET = "\x1b[0m"


def fit(text: str, width: int) -> str:
    """``text`` padded or cut (with an ellipsis) to exactly ``width`` cells."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""


def write_table(out: TextIO, result: BatchResult, lang: Lang) -> None:
    terminal = out.isatty()
    width = _width()
    colour = terminal and "NO_COLOR" not in os.environ
    header = [t(k, lang) for k in ("rank", "town", "bureau_col", "score", "band", "gates")]
    header.append(t("first_gap", lang))
    rows = [ranked_cells(r, result, lang, safe_line, ("✓", "✗")) for r in result.ranked]
    widths = [max(cell_len(row[i]) for row in [header, *rows]) for i in range(6)]
    widths[1] = min(widths[1], TOWN_MAX)
    last = max(10, width - sum(widths) - 2 * 6)
    right = {0, 3}

    def line(cells: list[str], band_rank: int | None = None) -> str:
        parts = []
        for i, cell in enumerate(cells[:6]):
            text = fit(cell, widths[i])
            if i in right:
                text = " " * (widths[i] - cell_len(cell)) + cell
            if i == 4 and colour and band_rank is not None:
                text = _BAND_COLOUR[min(band_rank, 2)] + text + _RESET
            parts.append(text)
        gap = cells[6] if not terminal or cell_len(cells[6]) <= last else fit(cells[6], last)
        return "  ".join([*parts, gap]).rstrip() + "\n"

    if rows:
        out.write(line(header))
        out.write("-" * (sum(widths) + 2 * 6 + min(last, max(map(cell_len, header[6:])))) + "\n")
        for r, row in zip(result.ranked, rows, strict=True):
            out.write(line(row, r.entry.band_rank))
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
