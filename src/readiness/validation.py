"""Turn pydantic validation errors into located diagnostics a person can act on."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from readiness.diagnostics import Diagnostic
from readiness.fieldpaths import Loc, shape_of
from readiness.yamlload import YamlDocument

# Arms of ``OrUnknown`` unions appear in pydantic locations under these tags.
_UNION_TAGS = frozenset({"value", "unknown"})


def clean_loc(loc: Sequence[str | int]) -> Loc:
    return tuple(p for p in loc if p not in _UNION_TAGS)


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
    seen: set[tuple[Loc, str]] = set()
    out = []
    for err in error.errors(include_url=False):
        loc = clean_loc(err["loc"])
        if (loc, err["type"]) in seen:
            continue
        seen.add((loc, err["type"]))
        code, message = _explain(err, loc, model)
        if err["type"] == "extra_forbidden":
            pos = doc.key_position(loc)
        elif err["type"] == "missing":
            pos = doc.position(loc[:-1])
        else:
            pos = doc.position(loc)
        line, column = pos if pos else (None, None)
        out.append(Diagnostic(doc.source, line, column, code, message))
    return out


def _explain(err: Any, loc: Loc, model: type[BaseModel]) -> tuple[str, str]:
    kind = err["type"]
    value = err.get("input")
    path = dotted(loc)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        parent = model_at(model, loc[:-1])
        close = difflib.get_close_matches(name, list(parent.model_fields) if parent else [], n=1)
        hint = f": did you mean {close[0]!r}?" if close else ""
        where = f" in {dotted(loc[:-1])}" if len(loc) > 1 else ""
        return "unknown-field", f"unknown field {name!r}{where}{hint}"
    if kind == "missing":
        return "missing-field", f"missing required field {path!r}"
    if kind == "literal_error":
        return "bad-value", f"{path}: {value!r} is not allowed; expected {err['ctx']['expected']}"
    if kind == "string_type":
        return "bad-type", f"{path}: expected text, {_yaml_surprise(value)}"
    if kind.startswith(("date", "datetime")):
        return "bad-date", f"{path}: expected a date like 2024-04-01, got {value!r}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "bad-type", f"{path}: expected a mapping of fields, got {_kind(value)}"
    if kind == "list_type":
        return "bad-type", f"{path}: expected a list, got {_kind(value)}"
    if kind == "union_tag_invalid":
        return "bad-type", f"{path}: unexpected value {value!r}"
    msg = str(err["msg"])
    return "bad-value", f"{path}: {msg[0].lower()}{msg[1:]}"


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (str, int, float, bool)):
        return repr(value)
    return {"list": "a list", "dict": "a mapping"}.get(type(value).__name__, type(value).__name__)


def _yaml_surprise(value: object) -> str:
    """Explain YAML 1.1's silent conversions, which surprise people writing plain text."""
    if isinstance(value, bool):
        return (
            f"but YAML read this as {str(value).lower()} (yes/no/on/off/true/false are "
            "booleans): put the text in quotes"
        )
    if isinstance(value, (dt.date, dt.datetime)):
        return "but YAML read this as a date: put the text in quotes"
    if isinstance(value, (int, float)):
        return (
            f"but YAML read this as the number {value!r}: put it in quotes "
            "(codes keep their leading zeros only when quoted, e.g. '042021')"
        )
    return f"got {_kind(value)}"
