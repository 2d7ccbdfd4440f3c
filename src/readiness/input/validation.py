"""Validate parsed YAML against a pydantic model, every problem as a located diagnostic.

Generic over the model: the profile and criteria packages bring their own models and checks.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.input.explain_ja import explain_ja
from readiness.input.fieldpaths import Loc, shape_of
from readiness.input.yamlload import YamlDocument

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """A problem found in validated data, at a model location; the document gives its line."""

    loc: Loc
    code: str
    message: str
    message_ja: str | None = None


def no_problems(_: object) -> list[Problem]:
    return []


def validate_document(
    doc: YamlDocument,
    model: type[M],
    problems: Callable[[M], list[Problem]] = no_problems,
    raw_problems: Callable[[Any], list[Problem]] = no_problems,
) -> M:
    """Validate parsed data against ``model`` and its extra checks, or raise every problem.

    The document's own problems (duplicate keys) are reported together with the rest; so are,
    when the data does not fit the model, the checks that ``raw_problems`` can make on the
    plain data, so that one pass finds them all.
    """
    try:
        value = model.model_validate(doc.data)
    except ValidationError as e:
        raw = [locate(doc, p) for p in raw_problems(doc.data)]
        raise ReadinessError([*doc.problems, *diagnostics_from(e, doc, model), *raw]) from None
    found = [locate(doc, p) for p in problems(value)]
    if doc.problems or found:
        raise ReadinessError([*doc.problems, *found])
    return value


def locate(doc: YamlDocument, problem: Problem) -> Diagnostic:
    pos = doc.position(problem.loc)
    line, column = pos if pos else (None, None)
    return Diagnostic(doc.source, line, column, problem.code, problem.message, problem.message_ja)


_KIND_JA = {"a profile": "プロファイル", "a criteria file": "評価基準ファイル"}


def refuse_other_kind(doc: YamlDocument, wanted: str, marker: str, other: str, theirs: str) -> None:
    """One clear message for a file of the other kind, instead of one error per field."""
    data = doc.data
    if isinstance(data, dict) and theirs in data and marker not in data:
        pos = doc.key_position((theirs,))
        line, column = pos if pos else (None, None)
        raise ReadinessError(
            [
                *doc.problems,
                Diagnostic(
                    doc.source,
                    line,
                    column,
                    "wrong-kind",
                    f"expected {wanted}, but this is {other} (it has `{theirs}`, not `{marker}`)",
                    f"{_KIND_JA.get(wanted, wanted)}が必要ですが、"
                    f"これは{_KIND_JA.get(other, other)}です"
                    f"（`{marker}` ではなく `{theirs}` があります）",
                ),
            ]
        )


# Arms of ``OrUnknown`` unions appear in pydantic locations under these tags.
_UNION_TAGS = frozenset({"value", "unknown", "source-record", "source-text"})
# A criteria check is a union tagged by its ``kind``; pydantic puts the tag after ``check``
# (or after the index in a ``checks`` list).
_CHECK_TAGS = frozenset({"present", "is_true", "at_least", "one_of", "count", "all", "any"})


def clean_loc(loc: Sequence[str | int]) -> Loc:
    out: list[str | int] = []
    for part in loc:
        if part in _UNION_TAGS:
            continue
        if part in _CHECK_TAGS and out and (out[-1] == "check" or isinstance(out[-1], int)):
            continue
        out.append(part)
    return tuple(out)


def dotted(loc: Sequence[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


def model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that holds the fields at ``loc`` (list indexes are stepped through)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        shape = shape_of(field.annotation)
        current = shape.model or (shape.item.model if shape.item else None)
    return current


def diagnostics_from(
    error: ValidationError, doc: YamlDocument, model: type[BaseModel]
) -> list[Diagnostic]:
    """Every error of ``error`` as a located diagnostic, at most one per place and kind."""
    seen: set[tuple[Loc, str]] = set()
    out = []
    for err in error.errors(include_url=False):
        loc = clean_loc(err["loc"])
        if (loc, err["type"]) in seen:
            continue
        seen.add((loc, err["type"]))
        code, message = explain(err, loc, model, doc.scalar_text(loc))
        parent = model_at(model, loc[:-1])
        message_ja = (
            explain_ja(err, loc, dotted(loc), list(parent.model_fields) if parent else None)
            or f"{dotted(loc) or '最上位'} の値が正しくありません（{message}）"
        )
        if err["type"] == "extra_forbidden":
            pos = doc.key_position(loc)
        elif err["type"] == "missing":
            pos = doc.position(loc[:-1])
        else:
            pos = doc.position(loc)
        line, column = pos if pos else (None, None)
        out.append(Diagnostic(doc.source, line, column, code, message, message_ja))
    return out


_SLUG_HINT = "use lower-case letters, digits, '-' and '_', starting with a letter or digit"
_PATTERN_HINTS = {
    r"^[0-9]{6}$": "expected 6 digits in quotes, e.g. '042021'",
    r"^[a-z0-9][a-z0-9_-]*$": f"is not a valid id: {_SLUG_HINT} (e.g. 'fish-processing')",
    r"^[a-z0-9][a-z0-9_.-]*$": f"is not a valid id: {_SLUG_HINT}, or '.'",
}


def explain(err: Any, loc: Loc, model: type[BaseModel], raw: str | None = None) -> tuple[str, str]:
    """A (code, message) for one pydantic error; ``raw`` is the scalar as written, if known."""
    kind: str = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    path = dotted(loc)
    # The "value" arm of an ``OrUnknown`` union: the word unknown is also accepted there.
    or_unknown = " (or `unknown`)" if tuple(err["loc"][-1:]) == ("value",) else ""
    shown = _show(value)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        parent = model_at(model, loc[:-1])
        fields = list(parent.model_fields) if parent else []
        retired: dict[str, str] = getattr(parent, "retired_fields", {})
        if name in retired:
            where = f" in {dotted(loc[:-1])}" if len(loc) > 1 else ""
            return "retired-field", f"field {name!r}{where} is no longer read: {retired[name]}"
        close = difflib.get_close_matches(_half_width(name), fields, n=1)
        hint = f": did you mean {close[0]!r}?" if close else ""
        where = f" in {dotted(loc[:-1])}" if len(loc) > 1 else ""
        return "unknown-field", f"unknown field {name!r}{where}{hint}{_full_width_hint(name)}"
    if kind == "missing":
        return "missing-field", f"missing required field {path!r}: add it"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        if isinstance(value, str) and expected == value:  # e.g. schema_version: "1"
            return "bad-type", f"{path}: write {value} without quotes, as a number"
        return "bad-value", _not_allowed(path, value, expected, or_unknown)
    if kind == "string_type":
        octal = raw is not None and _is_octal(raw)  # the octal message already explains it
        code = path.endswith("code") and not octal
        hint = " (codes keep their leading zeros only when quoted)" if code else ""
        return "bad-type", f"{path}: expected text, {_yaml_surprise(value, raw)}{hint}"
    if "en" in ctx:  # our own validators say it in both languages (profile/jvalues.py)
        return "bad-date" if kind == "date_ja" else "bad-value", f"{path}: {ctx['en']}"
    if kind.startswith(("date", "datetime")):
        return "bad-date", f"{path}: expected a date like 2024-04-01{or_unknown}, got {shown}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        hint = _full_width_hint(value) if isinstance(value, str) else ""
        return "bad-type", f"{path}: expected a mapping of fields{or_unknown}, got {shown}{hint}"
    if kind == "union_tag_invalid":
        tag, expected = str(ctx.get("tag", "")), str(ctx.get("expected_tags", ""))
        choices = [c.strip().strip("'") for c in expected.split(",")]
        close = difflib.get_close_matches(tag, choices, n=1)
        hint = f": did you mean {close[0]!r}?" if close else ""
        return "bad-value", f"{path}: unknown kind {tag!r}{hint} (choose from {expected})"
    if kind == "union_tag_not_found":
        return "missing-field", f"{path}: missing 'kind': say which kind of check this is"
    if kind == "list_type":
        return "bad-type", f"{path}: expected a list{or_unknown}, got {shown}"
    if kind in ("bool_parsing", "bool_type"):
        return "bad-type", f"{path}: expected true or false{or_unknown}, got {shown}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "bad-type", f"{path}: expected a whole number{or_unknown}, got {shown}"
    if kind in ("float_parsing", "float_type"):
        return "bad-type", f"{path}: expected a number{or_unknown}, got {shown}"
    if kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        return "bad-value", f"{path}: must be {word} {_show(ctx[key])}, got {shown}"
    if kind == "string_too_short":
        return "bad-value", f"{path}: is empty; write the text, or leave the field out"
    if kind == "string_too_long":
        return "bad-value", f"{path}: is longer than {ctx['max_length']} characters; shorten it"
    if kind == "too_short":
        return "bad-value", f"{path}: needs at least {ctx['min_length']} item(s)"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(str(ctx.get("pattern")), f"does not match {ctx.get('pattern')}")
        return "bad-value", f"{path}: {shown} {hint}"
    if kind == "placeholder":  # raised by the profile's text type, with its own message
        return "placeholder", f"{path}: {err['msg']}"
    if kind == "value_error":  # raised by our own validators: the message is already plain
        return "bad-value", f"{path}: {ctx.get('error', err['msg'])}"
    msg = str(err["msg"])
    return "bad-value", f"{path}: {msg[0].lower()}{msg[1:]}"


_BOUNDS = {
    "greater_than": ("more than", "gt"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "less_than_equal": ("at most", "le"),
}


def _not_allowed(path: str, value: object, expected: str, or_unknown: str) -> str:
    choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
    close: list[str] = []
    if isinstance(value, str) and value:
        close = difflib.get_close_matches(value, choices, n=1)
        close = close or [c for c in choices if c.startswith(value.lower())][:1]
    hint = f": did you mean {close[0]!r}?" if close else ""
    return f"{path}: {_show(value)} is not allowed; expected {expected}{or_unknown}{hint}"


def _show(value: object) -> str:
    """A short, unambiguous rendering of a value from a file (repr escapes control characters)."""
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, float) and not isinstance(value, bool):
        return f"{value:g}"
    text = repr(value) if not isinstance(value, (dt.date, dt.datetime)) else str(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _yaml_surprise(value: object, raw: str | None) -> str:
    """Explain YAML 1.1's silent conversions, which surprise people writing plain text."""
    written = f"{raw!r}" if raw is not None else "this"
    quoted = f"'{raw}'" if raw is not None and "'" not in raw else "quotes"
    if isinstance(value, bool):
        return (
            f"but YAML reads {written} as {str(value).lower()} (yes/no/on/off/true/false "
            f"are yes-or-no values): put the text in quotes, {quoted}"
        )
    if isinstance(value, (dt.date, dt.datetime)):
        return f"but YAML reads {written} as a date: put the text in quotes, {quoted}"
    if isinstance(value, int) and raw is not None and _is_octal(raw):
        return (
            f"but YAML reads {written} as the number {value} (a leading 0 makes it octal): "
            f"put it in quotes, {quoted}"
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"but YAML reads {written} as the number {value!r}: put it in quotes, {quoted}"
    return f"got {_show(value)}"


# Characters a Japanese input method types where YAML needs their half-width forms.
_FULL_WIDTH = {"\u3000": " ", "：": ":", "－": "-", "＿": "_"}


def _half_width(text: str) -> str:
    for wide, narrow in _FULL_WIDTH.items():
        text = text.replace(wide, narrow)
    return text.strip()


def _full_width_hint(text: str) -> str:
    found = [w for w in _FULL_WIDTH if w in text]
    if not found:
        return ""
    names = ", ".join("a full-width space" if w == "\u3000" else f"full-width {w!r}" for w in found)
    return f" ({names}: type these in half-width, as YAML needs)"


def _is_octal(raw: str) -> bool:
    digits = raw.lstrip("+-").replace("_", "")
    return len(digits) > 1 and digits.startswith("0") and digits.isdigit()
