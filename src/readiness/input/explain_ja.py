"""Validation problems in Japanese: ``explain_ja`` says what ``validation.explain`` says.

It returns None for the problems it has no Japanese for; the English message is shown then.
Values and field names are quoted as written, so the two messages name the same things.
"""

from __future__ import annotations

import difflib
from typing import Any

from readiness.input.fieldpaths import Loc

JA_WORDS: dict[frozenset[str], dict[str, str]] = {}
"""Japanese words accepted for an enumeration, by its set of values (registered by the models
that accept them, e.g. ``profile/jvalues.py``), so that a near miss can list them."""


def register_ja_words(values: tuple[str, ...], words: dict[str, str]) -> None:
    JA_WORDS[frozenset(values)] = words


_FULL_WIDTH = {
    "\u3000": "全角スペース",
    "：": "全角の「：」",
    "－": "全角の「－」",
    "＿": "全角の「＿」",
}
_BOUNDS = {
    "greater_than": "より大きい値",
    "greater_than_equal": "以上",
    "less_than": "未満",
    "less_than_equal": "以下",
}
_BOUND_KEYS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt",
               "less_than_equal": "le"}  # fmt: skip


def _show(value: object) -> str:
    if value is None:
        return "空"
    if isinstance(value, list):
        return "リスト"
    if isinstance(value, dict):
        return "マッピング"
    if isinstance(value, float) and not isinstance(value, bool):
        return f"{value:g}"
    text = str(value)
    if isinstance(value, str):
        text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _full_width(text: str) -> str:
    found = [name for wide, name in _FULL_WIDTH.items() if wide in text]
    return f"（{'・'.join(found)}は半角で入力してください）" if found else ""


def _words(choices: list[str]) -> str:
    words = JA_WORDS.get(frozenset(choices))
    if not words:
        return ""
    listed = "、".join(words)
    return f"。日本語では {listed} も使えます"


def explain_ja(err: Any, loc: Loc, path: str, model_fields: list[str] | None) -> str | None:
    """The Japanese message for one pydantic error at ``loc`` (``path`` as dotted text);
    ``model_fields`` are the fields of the model holding ``loc``, for "did you mean"."""
    kind: str = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    or_unknown = "（または unknown）" if tuple(err["loc"][-1:]) == ("value",) else ""
    shown = _show(value)
    if "ja" in ctx:  # our own validators say it in both languages
        return f"{path}: {ctx['ja']}"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        narrow = name.replace("\u3000", " ").replace("：", ":").replace("－", "-")
        close = difflib.get_close_matches(
            narrow.replace("＿", "_").strip(), model_fields or [], n=1
        )
        hint = f"。{close[0]!r} のことでしょうか" if close else ""
        where = f"（{path.rsplit('.', 1)[0]} の中）" if len(loc) > 1 else ""
        return f"{name!r} という項目はありません{where}{hint}{_full_width(name)}"
    if kind == "missing":
        return f"必須の項目 {path!r} がありません。追加してください"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        words = list(JA_WORDS.get(frozenset(choices), {}))
        close = (
            difflib.get_close_matches(value, choices + words, n=1) if isinstance(value, str) else []
        )
        hint = f"。{close[0]!r} のことでしょうか" if close else ""
        listed = expected.replace(" or ", ", ").replace(", ", "、")
        return (
            f"{path}: {shown} は使えません。使える値は {listed}{or_unknown}{_words(choices)}{hint}"
        )
    if kind == "string_type":
        return (
            f"{path}: 文字列を書いてください（{shown} と読まれました。"
            "引用符で囲むと文字列になります）"
        )
    if kind.startswith(("date", "datetime")):
        return (
            f"{path}: 日付を書いてください（例 2024-04-01、2024/4/1、令和6年4月1日）{or_unknown}。"
            f"{shown} と読まれました"
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        hint = _full_width(value) if isinstance(value, str) else ""
        return f"{path}: 項目のマッピングを書いてください{or_unknown}。{shown} と読まれました{hint}"
    if kind == "list_type":
        return f"{path}: リストを書いてください{or_unknown}。{shown} と読まれました"
    if kind in ("bool_parsing", "bool_type"):
        return (
            f"{path}: true か false（はい・いいえ）を書いてください{or_unknown}。"
            f"{shown} と読まれました"
        )
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{path}: 整数を書いてください{or_unknown}。{shown} と読まれました"
    if kind in ("float_parsing", "float_type"):
        return f"{path}: 数値を書いてください{or_unknown}。{shown} と読まれました"
    if kind in _BOUNDS:
        return f"{path}: {_show(ctx[_BOUND_KEYS[kind]])}{_BOUNDS[kind]}にしてください（{shown}）"
    if kind == "string_too_short":
        return f"{path}: 空です。内容を書くか、項目ごと省いてください"
    if kind == "string_too_long":
        return f"{path}: {ctx['max_length']}文字を超えています。短くしてください"
    if kind == "too_short":
        return f"{path}: {ctx['min_length']}件以上必要です"
    return None
