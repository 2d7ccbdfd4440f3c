"""The batch as an Excel workbook: a ranking sheet, then one sheet per criteria set with each
town's section points. Codes are text cells, headers frozen, filters on, widths fit Japanese."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readiness.batch.run import BatchResult
from readiness.batch.summary import Scored
from readiness.input.sheets import CellValue, saved_bytes, sheet_title, write_table
from readiness.messages import Lang, t, table
from readiness.reporters.batch.common import first_gap, gates_text
from readiness.scoring.points import shown
from readiness.textsafe import safe

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_WORDS: dict[str, tuple[str, str]] = table("xlsx")


def _w(key: str, lang: Lang) -> str:
    ja, en = _WORDS[key]
    return ja if lang == "ja" else en


def text(value: str) -> str:
    """Text from a file, control characters escaped (write_table keeps a leading '=' as text)."""
    return safe(value)


def workbook_bytes(result: BatchResult, lang: Lang) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_title(_w("ranking", lang))
    header = [
        t("rank", lang),
        _w("code", lang),
        t("town", lang),
        _w("name_en", lang),
        t("bureau_col", lang),
        t("criteria", lang),
        t("score", lang),
        t("band", lang),
        t("gates", lang),
        _w("passed", lang),
        _w("gaps", lang),
        t("first_gap", lang),
        _w("profile", lang),
    ]
    rows: list[list[CellValue]] = []
    for r in result.ranked:
        e = r.entry
        gap = first_gap(e)
        rows.append(
            [
                r.rank,
                e.code,
                text(e.municipality),
                text(e.municipality_en or ""),
                text(e.bureau),
                text(e.criteria_id),
                round(e.score, 1),
                text(e.band.label.get(lang)),
                text(gates_text(e, lang)),
                e.passed,
                e.gap_count,
                text(gap.label.get(lang)) if gap else "",
                text(e.path),
            ]
        )
    write_table(ws, header, rows, text_columns=[1])
    by_criteria: dict[str, list[Scored]] = {}
    for r in result.ranked:
        by_criteria.setdefault(r.entry.criteria_id, []).append(r.entry)
    for criteria_id, towns in by_criteria.items():
        _sections_sheet(wb.create_sheet(sheet_title(text(criteria_id))), towns, lang)
    if result.failed:
        errors = wb.create_sheet(sheet_title(_w("errors", lang)))
        write_table(
            errors,
            [_w("profile", lang), _w("problem", lang)],
            [[text(f.path), text(str(d))] for f in result.failed for d in f.diagnostics],
        )
    return saved_bytes(wb)


def _sections_sheet(ws: Worksheet, towns: list[Scored], lang: Lang) -> None:
    sections = towns[0].sections
    header = [_w("code", lang), t("town", lang), t("score", lang)]
    for s in sections:
        label = text(s.label.get(lang))
        header += [f"{label} ({t('points', lang)})", f"{label} ({_w('share', lang)})"]
    rows: list[list[CellValue]] = []
    for e in towns:
        row: list[CellValue] = [e.code, text(e.municipality), round(e.score, 1)]
        for s in e.sections:
            row += [float(s.earned), shown(s.share, 4)]
        rows.append(row)
    write_table(ws, header, rows, text_columns=[0])
    share_columns = range(5, 3 + 2 * len(sections) + 1, 2)
    for col in share_columns:
        for (c,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            c.number_format = "0%"
