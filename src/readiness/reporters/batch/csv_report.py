"""One CSV row per town (and per bad file), UTF-8 with a BOM so that Excel reads Japanese.

The municipality code is written as the unquoted formula ``="042021"``: opened with their
default settings, Excel and LibreOffice read a plain ``042021``, and even a quoted
``"042021"``, as the number 42021, losing the leading zero of every Hokkaido and Tohoku code.
The formula shows as the text 042021. A program reading the CSV sees ``="042021"``;
``readiness import`` accepts that form.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
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
    "group_members",
    "code",
    "bureau",
    "criteria",
    "score",
    "band",
    "gates_passed",
    "failed_sections",
    "unshown_sections",
    "evidence_coverage",
    "passed",
    "gaps",
    "first_gap",
    "first_gap_label",
    "cautions",
    "profile",
    "error",
)

COLUMNS_JA = {
    "rank": "順位",
    "municipality": "自治体",
    "name_en": "英語名",
    "group_members": "広域連携の構成自治体",
    "code": "団体コード",
    "bureau": "経済産業局",
    "criteria": "評価基準",
    "score": "総合点",
    "band": "判定",
    "gates_passed": "足切り達成",
    "failed_sections": "足切り未達の条件",
    "unshown_sections": "未確認の条件",
    "evidence_coverage": "出典で裏づけられた点の割合",
    "passed": "基準を満たす",
    "gaps": "不足点の数",
    "first_gap": "最大の不足点",
    "first_gap_label": "最大の不足点の内容",
    "cautions": "注意事項",
    "profile": "プロファイル",
    "error": "エラー",
}
"""The header of a Japanese report (``--lang ja``); the columns and values are the same."""


def header(lang: Lang) -> list[str]:
    return [COLUMNS_JA[c] for c in COLUMNS] if lang == "ja" else list(COLUMNS)


def cell(value: object) -> str:
    """A cell safe to open: control characters escaped, and text a spreadsheet would take for
    a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first) kept as text by a quote."""
    text = safe(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


_CODE = COLUMNS.index("code")
_DIGITS = re.compile(r"[0-9]+")


def code_cell(code: str) -> str:
    """The code as a formula spreadsheets show as text (digits only; anything else as a cell)."""
    return f'="{code}"' if _DIGITS.fullmatch(code) else cell(code)


def _field(text: str) -> str:
    """One field as the csv module quotes it (only when it must)."""
    if not text:
        return ""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([text])
    return buffer.getvalue()


def _line(cells: Iterable[str], code: str) -> str:
    """One row whose code field is written as it is: the csv module would quote the formula,
    doubling its quotes, and LibreOffice shows a quoted field literally when quoted fields are
    read as text."""
    fields = [_field(c) for c in cells]
    fields[_CODE] = code_cell(code)
    return ",".join(fields) + "\r\n"


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header(lang))
    for r in result.ranked:
        e = r.entry
        gap = first_gap(e)
        values = [
            r.rank,
            e.municipality,
            e.municipality_en or "",
            " ".join(f"{m.name}:{m.code}" for m in e.group_members),
            e.code,
            e.bureau,
            e.criteria_id,
            f"{e.score:.2f}",
            e.band.id,
            str(e.gates_passed).lower(),
            " ".join(e.failed_sections),
            " ".join(e.unshown_sections),
            f"{e.evidence_coverage:.2f}",
            str(e.passed).lower(),
            e.gap_count,
            gap.id if gap else "",
            gap.label.get(lang) if gap else "",
            " / ".join(c.get(lang) for c in e.cautions),
            e.path,
            "",
        ]
        out.write(_line([cell(v) for v in values], e.code))
    for f in result.failed:
        first = f.diagnostics[0] if f.diagnostics else None
        blank = [""] * COLUMNS.index("passed")
        error = first.text(lang) if first else ""
        writer.writerow(cell(v) for v in [*blank, "false", "", "", "", "", f.path, error])
