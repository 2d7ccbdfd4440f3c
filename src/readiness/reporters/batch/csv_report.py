"""One CSV row per town (and per bad file), UTF-8 with a BOM so that Excel reads Japanese."""

from __future__ import annotations

import csv
from typing import TextIO

from readiness.batch.run import BatchResult
from readiness.messages import Lang
from readiness.reporters.batch.common import first_gap
from readiness.textsafe import safe

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "rank",
    "municipality",
    "name_en",
    "code",
    "bureau",
    "criteria",
    "score",
    "band",
    "gates_passed",
    "passed",
    "gaps",
    "first_gap",
    "first_gap_label",
    "profile",
    "error",
)


def cell(value: object) -> str:
    """A cell safe to open: control characters escaped, and text a spreadsheet would take for
    a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first) kept as text by a quote."""
    text = safe(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in result.ranked:
        e = r.entry
        gap = first_gap(e)
        writer.writerow(
            cell(value)
            for value in [
                r.rank,
                e.municipality,
                e.municipality_en or "",
                e.code,
                e.bureau,
                e.criteria_id,
                f"{e.score:.2f}",
                e.band.id,
                str(e.gates_passed).lower(),
                str(e.passed).lower(),
                len(e.gaps),
                gap.id if gap else "",
                gap.label.get(lang) if gap else "",
                e.path,
                "",
            ]
        )
    for f in result.failed:
        first = f.diagnostics[0] if f.diagnostics else None
        blank = [""] * 9
        writer.writerow(cell(v) for v in [*blank, "false", "", "", "", f.path, first or ""])
