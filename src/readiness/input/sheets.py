"""Spreadsheets: tables written to Excel workbooks, and rows read from a workbook or a CSV.

Writing (openpyxl): a bold, frozen header row with a filter over the table, code columns as
text cells with the Text number format (so that a code typed later stays text too), and
column widths that fit Japanese text (wide characters count two).

Reading: every cell comes with where it is, so that a bad value is reported at its sheet,
row and column (a workbook) or its line and column (a CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.diagnostics import ReadinessError

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

TEXT_FORMAT = "@"
CellValue = str | int | float | bool | None


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def saved_bytes(wb: Workbook) -> bytes:
    """The saved workbook, the same bytes for the same content: openpyxl stamps the time of
    creation and of saving into docProps/core.xml and every zip entry, so both are set to one
    fixed instant (``SOURCE_DATE_EPOCH`` when set, as reproducible builds use, else 1980-01-01,
    the zip format's first date)."""
    raw = io.BytesIO()
    wb.save(raw)
    when = _fixed_instant()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(lambda m: m[1] + stamp + m[3], data)
            info = zipfile.ZipInfo(item.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            dst.writestr(info, data)
    return out.getvalue()


def _fixed_instant() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
        if moment.year >= ZIP_EPOCH[0]:
            return moment
    return dt.datetime(*ZIP_EPOCH)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a Japanese font: wide, fullwidth and ambiguous count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1 for ch in text)


def fit_columns(ws: Worksheet, *, minimum: int = 6, maximum: int = 60, pad: int = 3) -> None:
    """Each column as wide as its widest cell, within bounds (the filter arrow takes ~2)."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None and c.column is not None:
                lines = str(c.value).splitlines() or [""]
                widths[c.column] = max(widths.get(c.column, 0), *map(display_width, lines))
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(maximum, max(minimum, w + pad))


def write_table(
    ws: Worksheet,
    header: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
    *,
    text_columns: Iterable[int] = (),
) -> None:
    """A table from A1: header in bold and frozen, a filter over it all, and the 0-based
    ``text_columns`` as text cells (a code such as 042021 keeps its leading zero)."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    texts = set(text_columns)
    ws.append(list(header))
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="F1F3F6")
    for row in rows:
        ws.append([str(v) if i in texts and v is not None else v for i, v in enumerate(row)])
        for c in ws[ws.max_row]:
            if c.data_type == "f":  # openpyxl takes any str starting with "=" for a formula
                c.data_type = "s"  # text from a file is never run
    for i in texts:
        for (c,) in ws.iter_rows(min_col=i + 1, max_col=i + 1):
            c.number_format = TEXT_FORMAT
        ws.column_dimensions[get_column_letter(i + 1)].number_format = TEXT_FORMAT
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    fit_columns(ws)


def sheet_title(text: str) -> str:
    """A valid sheet title: at most 31 characters, none of ``[]:*?/\\``."""
    return "".join("_" if ch in "[]:*?/\\" else ch for ch in text)[:31] or "sheet"


@dataclass(frozen=True)
class Cell:
    value: CellValue
    where: str
    """How a message names the cell: ``towns.xlsx:候補!3:2`` or ``towns.csv:3:2``."""
    ref: str
    """The cell in A1 style, ``B3``."""


@dataclass(frozen=True)
class Row:
    number: int
    """1-based row (or line) in the sheet."""
    where: str
    """How a message names the row: ``towns.xlsx:候補!3`` or ``towns.csv:3``."""
    cells: dict[str, Cell]
    """By header text, as written in the header row (stripped)."""


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[str, Cell], ...]
    rows: tuple[Row, ...]


def _ref(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col)}{row}"


def read_table(path: str | Path, *, encoding: str | None = None) -> Table:
    """The first sheet of a workbook (``.xlsx``), or a CSV, as a header row and data rows.

    Blank rows are skipped. A file that cannot be read is a ReadinessError naming it.
    """
    name = str(path)
    if name.lower().endswith((".xlsx", ".xlsm")):
        sheet, rows = _xlsx_rows(name)
        return _table(name, rows, f"{name}:{sheet}!")
    return _table(name, _csv_rows(name, encoding), f"{name}:")


def _xlsx_rows(name: str) -> tuple[str, list[list[CellValue]]]:
    import zipfile

    from openpyxl import load_workbook

    if not Path(name).is_file():
        raise ReadinessError.single(
            name, "file-not-found", "no such file", ja="ファイルがありません"
        )
    try:
        wb = load_workbook(name, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ReadinessError.single(
            name,
            "bad-workbook",
            f"cannot read it as an Excel workbook (.xlsx): {e}",
            ja=f"Excel ブック（.xlsx）として読めません（{e}）",
        ) from None
    try:
        ws = wb.worksheets[0]
        rows = [[_plain(v) for v in r] for r in ws.iter_rows(values_only=True)]
        return ws.title, rows
    finally:
        wb.close()


def _plain(value: object) -> CellValue:
    """A cell's value as plain data; a date cell as its ISO date (``2024-04-01``)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_rows(name: str, encoding: str | None) -> list[list[CellValue]]:
    from readiness.input.yamlload import read_text

    text = read_text(Path(name), encoding)
    rows: list[list[CellValue]] = []
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")):
        rows.append(list[CellValue](row))
    return rows


def _table(name: str, rows: Iterable[Sequence[CellValue]], prefix: str) -> Table:
    header: list[tuple[str, Cell]] = []
    data: list[Row] = []
    for r, values in enumerate(rows, start=1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        cells = [Cell(v, f"{prefix}{r}:{c}", _ref(r, c)) for c, v in enumerate(values, start=1)]
        if not header:
            header = [(str(c.value or "").strip(), c) for c in cells]
            continue
        by_name = {h: cells[i] for i, (h, _) in enumerate(header) if h and i < len(cells)}
        data.append(Row(r, f"{prefix}{r}", by_name))
    if not header:
        raise ReadinessError.single(
            name, "empty-table", "has no header row", ja="見出しの行がありません"
        )
    return Table(tuple(header), tuple(data))
