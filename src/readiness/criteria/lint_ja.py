"""Japanese for the field problems that check kinds report in English (``field_problems``).

The check kinds and ``input.fieldpaths`` word their problems once, in English; the few shapes
they take are put into Japanese here, keeping the names and values they quote.  A problem with
no shape below still gets a Japanese lead-in, so no criteria-file problem is English only.
"""

from __future__ import annotations

import re

_NEEDS = {"a yes/no field": "はい／いいえの項目", "a number or a list": "数値かリスト"}

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^no field ('.*?') in (.*?): did you mean ('.*?')\?$"),
     r"\2 に項目 \1 はありません。\3 のことですか"),
    (re.compile(r"^no field ('.*?') in the profile$"), r"プロファイルに項目 \1 はありません"),
    (re.compile(r"^no field ('.*?') in (.*)$"), r"\2 に項目 \1 はありません"),
    (re.compile(r"^('.*?') has no fields inside it$"), r"\1 の中に項目はありません"),
    (re.compile(r"^field ('.*?') names strategies, but the file defines none$"),
     r"項目 \1 は重点戦略を指しますが、このファイルに重点戦略がありません"),
    (re.compile(r"^value (.*?) is not possible for ('.*?'); choose from (.*)$"),
     r"値 \1 は \2 に取れません。次から選んでください: \3"),
    (re.compile(r"^field ('.*?') is not a list of records$"),
     r"項目 \1 は記録のリストではありません"),
    (re.compile(r"^min (\S+) counts no items: a list needs min 1 or more$"),
     r"min \1 では1件も数えません。リストには min 1 以上が必要です"),
    (re.compile(r"^min (\S+) is met by a stated 0: give a min above 0$"),
     r"min \1 は 0 と書いた事実でも満たされます。0 より大きい min にしてください"),
    (re.compile(r"^'unknown' is not a value to match: a fact stated as unknown is never met$"),
     "'unknown' は照合する値になりません。unknown と書いた事実は充足になりません"),
)  # fmt: skip


def field_problem_ja(message: str) -> str:
    """The Japanese of one check's field problem (see the module doc)."""
    m = re.match(r"^field ('.*?') is not (a yes/no field|a number or a list)$", message)
    if m:
        return f"項目 {m.group(1)} は{_NEEDS[m.group(2)]}ではありません"
    for pattern, ja in _SHAPES:
        if pattern.match(message):
            return pattern.sub(ja, message)
    return f"評価項目の判定方法に誤りがあります（{message}）"
