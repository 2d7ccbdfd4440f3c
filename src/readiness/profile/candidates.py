"""A candidate list (one row per town, from a workbook or a CSV) made into profiles.

Each row becomes the profile ``readiness init`` writes for the town's code (the same template,
with its comments), with the row's facts written in and ``unknown`` for the rest. The header
is in Japanese or English (:data:`COLUMNS`); an empty cell is ``unknown``. A bad value is an
error at its sheet, row and column; the other rows are still made.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.input.sheets import Cell, CellValue, Row, Table, saved_bytes, write_table
from readiness.messages import Lang
from readiness.profile.localgov import check_digit, code_is_valid
from readiness.profile.template import find_municipality, render_template

Kind = Literal["code", "text", "date", "int", "number", "bool", "choice"]
TOP_COMMITMENT = ("mayor", "deputy_mayor", "department_head", "section_head", "none")
_TRUE = frozenset({"true", "yes", "y", "はい", "有", "あり", "○"})
_FALSE = frozenset({"false", "no", "n", "いいえ", "無", "なし", "×"})
_UNKNOWN = frozenset({"", "unknown", "不明"})


@dataclass(frozen=True)
class Column:
    key: str
    ja: str
    en: str
    kind: Kind
    help_ja: str
    help_en: str
    example: str

    def header(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en


_NUMBERS = "mayor / deputy_mayor / department_head / section_head / none"
COLUMNS: tuple[Column, ...] = tuple(
    Column(key, ja, en, kind, help_ja, help_en, example)  # type: ignore[arg-type]
    for key, ja, en, kind, help_ja, help_en, example in [
        ("code", "団体コード", "code", "code",
         "全国地方公共団体コード（6桁、必須。文字列として入力）",
         "local government code (6 digits, required; typed as text)", "042021"),
        ("name", "団体名", "name", "text",
         "団体名（任意。コードと照合します）", "name (optional; checked against the code)",
         "石巻市"),
        ("name_en", "英語名", "name_en", "text", "英語名（任意）", "name in English",
         "Ishinomaki"),
        ("as_of", "時点", "as_of", "date", "事実の時点（日付。空欄なら今日）",
         "the date the facts describe (empty: today)", "2024-04-01"),
        ("population", "人口", "population", "int", "人口", "population", "140000"),
        ("requested_partnership", "連携の申し出", "requested_partnership", "bool",
         "自治体から局に連携を申し出た（はい／いいえ）",
         "the town asked the bureau for closer cooperation (yes / no)", "はい"),
        ("top_commitment", "トップの関与", "top_commitment", "choice", _NUMBERS, _NUMBERS,
         "mayor"),
        ("lead_department", "担当部署", "lead_department", "text", "担当部署",
         "lead department", "産業部 商工観光課"),
        ("contact", "窓口", "contact", "text", "局との窓口となる担当者（役職でも可）",
         "contact person (a post will do)", "商工観光課長"),
        ("staff_fte", "職員（常勤換算）", "staff_fte", "number",
         "連携に充てる職員の時間（常勤換算）", "staff time, in full-time equivalents", "0.5"),
        ("annual_review", "年次の見直し", "annual_review", "bool",
         "年1回程度、局と見直しを行う（はい／いいえ）",
         "ready to review the partnership with the bureau yearly (yes / no)", "はい"),
    ]
)  # fmt: skip
"""The columns a candidate list may have, in this order in the template; only ``code`` is
required, and a header may be written in Japanese or English."""


@dataclass(frozen=True)
class Candidate:
    """One row made into a profile."""

    row: int
    code: str
    name: str
    text: str
    """The profile's YAML text, comments and all."""


@dataclass(frozen=True)
class RowError:
    row: int
    diagnostics: tuple[Diagnostic, ...]


def _bad(cell: Cell, code: str, message: str, ja: str) -> ReadinessError:
    return ReadinessError.single(
        cell.where, code, f"{message} (cell {cell.ref})", ja=f"{ja}（セル {cell.ref}）"
    )


_FORMULA_CODE = re.compile(r'^="([0-9]+)"$')


def parse_code(cell: Cell) -> str:
    """A code as a spreadsheet gives it back: "042021", '="042021"' (our CSV), or the number
    42021 (or 42021.0, or the text 42021) that a spreadsheet made of 042021: the lost zero is
    put back when the check digit then holds."""
    v = cell.value
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int) and not isinstance(v, bool):
        text = f"{v:06d}"
    else:
        text = str(v or "").strip()
        m = _FORMULA_CODE.match(text)
        text = m.group(1) if m else text
    if re.fullmatch(r"[1-9][0-9]{4}", text) and code_is_valid("0" + text):
        text = "0" + text  # a spreadsheet read 042021 as a number, then saved it as 42021
    if re.fullmatch(r"[0-9]{5}", text):
        raise _bad(
            cell, "bad-code",
            f"{text} has 5 digits; a local government code has 6, the last a check digit "
            f"({text}{check_digit(text)})",
            f"{text} は5桁です。団体コードは6桁で、最後が検査数字です（{text}{check_digit(text)}）",
        )  # fmt: skip
    if not re.fullmatch(r"[0-9]{6}", text):
        raise _bad(cell, "bad-code", f"{v!r} is not a local government code (6 digits)",
                   f"{v!r} は団体コード（6桁）ではありません")  # fmt: skip
    if not code_is_valid(text):
        raise _bad(
            cell, "bad-code",
            f"code {text} fails its check digit (the last digit should be "
            f"{check_digit(text[:5])})",
            f"団体コード {text} の検査数字が合いません"
            f"（最後の桁は {check_digit(text[:5])} のはず）",
        )  # fmt: skip
    return text


def _yaml(value: CellValue, column: Column, cell: Cell) -> str | None:
    """The YAML text of a cell's value for its column, or None for unknown."""
    if value is None or (isinstance(value, str) and value.strip().lower() in _UNKNOWN):
        return None
    text = value.strip() if isinstance(value, str) else value
    kind = column.kind
    if kind == "text":
        return json.dumps(str(text), ensure_ascii=False)
    if kind == "bool":
        if isinstance(text, bool):
            return "true" if text else "false"
        word = str(text).lower()
        if word in _TRUE or word in _FALSE:
            return "true" if word in _TRUE else "false"
        raise _bad(cell, "bad-value", f"{column.key}: {value!r} is not yes or no (はい／いいえ)",
                   f"{column.key}: {value!r} は はい／いいえ（yes／no）ではありません")  # fmt: skip
    if kind == "choice":
        if str(text) in TOP_COMMITMENT:
            return str(text)
        raise _bad(
            cell, "bad-value", f"{column.key}: {value!r} is not one of {', '.join(TOP_COMMITMENT)}",
            f"{column.key}: {value!r} は {'、'.join(TOP_COMMITMENT)} のいずれでもありません",
        )  # fmt: skip
    if kind == "date":
        try:
            return dt.date.fromisoformat(str(text)).isoformat()
        except ValueError:
            raise _bad(
                cell,
                "bad-value",
                f"{column.key}: {value!r} is not a date (YYYY-MM-DD)",
                f"{column.key}: {value!r} は日付（YYYY-MM-DD）ではありません",
            ) from None
    try:
        number = float(str(text).replace(",", "")) if not isinstance(text, bool) else -1.0
    except ValueError:
        number = -1.0
    if not math.isfinite(number) or number < 0 or (kind == "int" and not number.is_integer()):
        what = "a whole number" if kind == "int" else "a number"
        what_ja = "整数" if kind == "int" else "数値"
        raise _bad(cell, "bad-value", f"{column.key}: {value!r} is not {what}",
                   f"{column.key}: {value!r} は{what_ja}ではありません")  # fmt: skip
    return str(int(number)) if kind == "int" else f"{number:g}"


def columns_of(table: Table) -> dict[str, str]:
    """Column key -> the header text used in ``table``; an unknown or repeated header, or no
    code column, is an error at its cell (nothing is made from a list read wrongly)."""
    by_header = {h: c for c in COLUMNS for h in (c.ja, c.en, c.en.replace("_", " "))}
    found: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for header, cell in table.header:
        if not header:
            continue
        column = by_header.get(header) or by_header.get(header.lower())
        if column is None:
            known = ", ".join(f"{c.ja} / {c.en}" for c in COLUMNS)
            problems.append(Diagnostic(cell.where, None, None, "unknown-column",
                                       f"{header!r} is not a column of a candidate list "
                                       f"(cell {cell.ref}); known: {known}",
                                       f"{header!r} は候補リストの列ではありません"
                                       f"（セル {cell.ref}）。使える列: {known}"))  # fmt: skip
        elif column.key in found:
            problems.append(Diagnostic(cell.where, None, None, "duplicate-column",
                                       f"{header!r} repeats the {column.key} column "
                                       f"(cell {cell.ref})",
                                       f"{header!r} は {column.key} の列の重複です"
                                       f"（セル {cell.ref}）"))  # fmt: skip
        else:
            found[column.key] = header
    if "code" not in found and not problems:
        first = table.header[0][1]
        problems.append(Diagnostic(first.where.rsplit("!", 1)[0].rsplit(":", 2)[0], None, None,
                                   "missing-column", "no code column (団体コード or code) in "
                                   "the header row",
                                   "見出しの行に団体コードの列（団体コード または code）が"
                                   "ありません"))  # fmt: skip
    if problems:
        raise ReadinessError(problems)
    return found


def make_profile(
    row: Row,
    columns: dict[str, str],
    lang: Lang,
    today: dt.date,
    validate: Callable[[str, str], object],
) -> Candidate:
    """One row's profile text: ``init``'s template for the row's code with its facts written
    in. ``validate(text, source)`` checks the result as a profile (raising ReadinessError)."""
    cells = {key: row.cells.get(header) for key, header in columns.items()}
    code_cell = cells.get("code")
    if code_cell is None or code_cell.value in (None, ""):
        raise ReadinessError.single(
            row.where, "missing-code", "the row has no code", ja="この行に団体コードがありません"
        )
    problems: list[Diagnostic] = []
    town = None
    try:
        code = parse_code(code_cell)
        town = find_municipality(code=code)
    except ReadinessError as e:
        d = e.diagnostics[0]
        problems += _bad(code_cell, d.code, d.message.split(" (cell ")[0],
                         (d.message_ja or d.message).split("（セル ")[0]).diagnostics  # fmt: skip
    values: dict[str, str] = {}
    for column in COLUMNS[1:]:
        cell = cells.get(column.key)
        if cell is None:
            continue
        try:
            value = _yaml(cell.value, column, cell)
        except ReadinessError as e:
            problems += e.diagnostics
            continue
        if value is not None:
            values[column.key] = value
    name_cell = cells.get("name")
    if "name" in values and name_cell is not None and town is not None:
        given = "".join(json.loads(values.pop("name")).split())
        if given not in {town.name, town.prefecture + town.name}:
            problems += _bad(name_cell, "name-mismatch",
                             f"code {code} is {town.name} ({town.prefecture}), not {given}",
                             f"団体コード {code} は{town.prefecture}{town.name}で、"
                             f"{given}ではありません"
                             ).diagnostics  # fmt: skip
    if problems or town is None:
        raise ReadinessError(problems)
    as_of = dt.date.fromisoformat(values.pop("as_of")) if "as_of" in values else today
    text = render_template(town, lang, as_of)
    lines: dict[str, int] = {}
    for key, value in values.items():
        text, line = _fill(text, key, value)
        lines[key] = line
    try:
        validate(text, row.where)
    except ReadinessError as e:
        located = []
        for d in e.diagnostics:
            at = next((k for k, n in lines.items() if n == d.line), None)
            cell = cells.get(at) if at else None
            where = cell.where if cell else row.where
            located.append(Diagnostic(where, None, None, d.code, d.message, d.message_ja))
        raise ReadinessError(located) from None
    return Candidate(row.number, town.code, town.name, text)


def _fill(text: str, key: str, value: str) -> tuple[str, int]:
    """The template with ``key: unknown`` (or the commented ``# name_en:``) set to ``value``,
    its comment kept; and the 1-based line it is on."""
    pattern = re.compile(rf"^(\s*)(?:# )?{key}: (?:unknown|[^#\n]*?)(\s+#.*)?$", re.M)
    m = pattern.search(text)
    assert m is not None, key  # every column names a line of the template
    comment = (m.group(2) or "") if key != "name_en" else ""
    line = text.count("\n", 0, m.start()) + 1
    return text[: m.start()] + f"{m.group(1)}{key}: {value}{comment}" + text[m.end() :], line


def read_candidates(
    table: Table, lang: Lang, today: dt.date, validate: Callable[[str, str], object]
) -> tuple[list[Candidate], list[RowError]]:
    """Every row made into a profile, or the problems that stop it; a bad row never stops the
    others."""
    columns = columns_of(table)
    made: list[Candidate] = []
    bad: list[RowError] = []
    for row in table.rows:
        try:
            made.append(make_profile(row, columns, lang, today, validate))
        except ReadinessError as e:
            bad.append(RowError(row.number, tuple(e.diagnostics)))
    return made, bad


def template_workbook(lang: Lang) -> bytes:
    """An empty candidate list to fill in: the header row (code column as text, yes/no and
    choice columns with drop-downs), and a second sheet explaining each column."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "候補" if lang == "ja" else "towns"
    write_table(ws, [c.header(lang) for c in COLUMNS], [], text_columns=[0])
    for i, column in enumerate(COLUMNS, start=1):
        choices = {"bool": "はい,いいえ" if lang == "ja" else "yes,no",
                   "choice": ",".join(TOP_COMMITMENT)}.get(column.kind)  # fmt: skip
        if choices:
            dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
            ws.add_data_validation(dv)
            letter = get_column_letter(i)
            dv.add(f"{letter}2:{letter}1000")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}1"
    help_sheet = wb.create_sheet("説明" if lang == "ja" else "help")
    write_table(
        help_sheet,
        ["列（日本語）", "column (English)", "説明", "meaning", "例 / example"],
        [[c.ja, c.en, c.help_ja, c.help_en, c.example] for c in COLUMNS],
        text_columns=[4],
    )
    return saved_bytes(wb)
