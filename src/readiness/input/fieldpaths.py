"""Dotted field paths into the profile model (``will.lead_department``), checked and read.

Criteria refer to profile facts by path.  :func:`resolve` checks a path against the model's
declared fields when a criteria file loads, so a typo is an error there and then;
:func:`read` follows the same path through a profile when scoring.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Literal, Union

from pydantic import BaseModel

Loc = tuple[str | int, ...]

UNKNOWN: Final = "unknown"
"""The word a file gives for a fact it marks as not known (profiles: ``OrUnknown``)."""


@dataclass(frozen=True)
class Shape:
    """What a field can hold: scalar kinds, allowed literal values, list items, sub-model."""

    kinds: frozenset[str]
    literals: frozenset[object] = frozenset()
    model: type[BaseModel] | None = None
    item: Shape | None = None

    @property
    def is_list(self) -> bool:
        return "list" in self.kinds


class PathError(ValueError):
    pass


def shape_of(annotation: Any) -> Shape:
    """Describe a pydantic field annotation, ignoring the ``unknown`` and ``None`` markers."""
    kinds: set[str] = set()
    literals: set[object] = set()
    model: type[BaseModel] | None = None
    item: Shape | None = None
    for arm in _arms(annotation):
        origin = typing.get_origin(arm)
        if arm is type(None):
            continue
        if origin is Literal:
            values = set(typing.get_args(arm)) - {UNKNOWN}
            if values:
                kinds.add("str")
                literals |= values
        elif origin is list:
            kinds.add("list")
            item = shape_of(typing.get_args(arm)[0])
        elif isinstance(arm, type) and issubclass(arm, BaseModel):
            kinds.add("model")
            model = arm
        elif arm is bool:
            kinds.add("bool")
        elif arm in (int, float):
            kinds.add("number")
        else:
            kinds.add("str" if arm is str else getattr(arm, "__name__", "value"))
    return Shape(frozenset(kinds), frozenset(literals), model, item)


def _arms(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _arms(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [a for arg in typing.get_args(annotation) for a in _arms(arg)]
    return [annotation]


def resolve(model: type[BaseModel], path: str, within: str = "the profile") -> Shape:
    """The shape of ``path`` within ``model``; raise PathError naming the nearest field."""
    current: type[BaseModel] = model
    parts = path.split(".")
    walked: list[str] = []
    shape: Shape | None = None
    for depth, part in enumerate(parts, 1):
        fields = current.model_fields
        if part not in fields:
            where = ".".join(walked) or within
            close = difflib.get_close_matches(part, list(fields), n=1)
            hint = f": did you mean {'.'.join([*walked, close[0]])!r}?" if close else ""
            raise PathError(f"no field {part!r} in {where}{hint}")
        shape = shape_of(fields[part].annotation)
        walked.append(part)
        if depth < len(parts):
            if shape.model is None:
                raise PathError(f"{'.'.join(walked)!r} has no fields inside it")
            current = shape.model
    assert shape is not None
    return shape


class _Unknown:
    """A fact the profile marks ``unknown`` (or a fact inside one)."""

    def __repr__(self) -> str:
        return "unknown"


UNKNOWN_FACT = _Unknown()


def read(obj: object, path: str) -> object:
    """Follow ``path`` through a profile; ``UNKNOWN_FACT`` if anything on it is unknown."""
    return follow(obj, loc_of(path))


def follow(obj: object, parts: tuple[str, ...]) -> object:
    """:func:`read` of a path already split (the compiled checks split each path once)."""
    value: object = obj
    for part in parts:
        if value is None:
            return None
        if isinstance(value, str) and value == UNKNOWN:
            return UNKNOWN_FACT
        value = getattr(value, part)
    # Compare only strings: == on a pydantic model walks its fields.
    return UNKNOWN_FACT if isinstance(value, str) and value == UNKNOWN else value


@lru_cache(maxsize=4096)
def loc_of(path: str) -> tuple[str, ...]:
    """The parts of a dotted path, split once per path: every town's evidence at this place
    shares the one tuple."""
    return tuple(path.split("."))
