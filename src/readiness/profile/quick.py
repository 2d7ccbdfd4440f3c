"""A quicker validator of the same model for the usual file: its ``unknown`` unions try the value
first, instead of asking a Python function which arm to take.

``OrUnknown[X]`` picks its arm with a callable discriminator, so that a bad value gets the error
of X alone (see :mod:`readiness.profile.model`); that is one call into Python per field that
takes ``unknown``, about a quarter of the time it takes to validate a profile.  Tried in order,
X and then the word give the same result on every file that validates: where the discriminator
picks the word, X refuses it (no X takes ``unknown`` or 不明), and where it picks X, X is tried
first.  A file that does not validate is validated again by the model's own validator, whose
errors are what they always were.  tests/test_quick_validation.py checks both on mutated
profiles.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaValidator


def value_first(schema: Any, discriminator: Callable[[Any], str]) -> Any:
    """``schema`` with each union tagged by ``discriminator`` (arms "value" and "unknown") made
    a union tried in that order."""
    if isinstance(schema, dict):
        if schema.get("type") == "tagged-union" and schema.get("discriminator") is discriminator:
            choices = schema["choices"]
            union = {
                "type": "union",
                "choices": [
                    value_first(choices["value"], discriminator),
                    value_first(choices["unknown"], discriminator),
                ],
                "mode": "left_to_right",
            }
            return union | {k: schema[k] for k in ("ref", "metadata") if k in schema}
        return {k: value_first(v, discriminator) for k, v in schema.items()}
    if isinstance(schema, list):
        return [value_first(v, discriminator) for v in schema]
    return schema


AFTER = 50
"""Files validated by the model's own validator before the quick one is built: building it
takes about as long as validating 50 profiles, which a single ``assess`` would not win back."""
_asked: dict[type[BaseModel], int] = {}


def quick_validator(
    model: type[BaseModel], discriminator: Callable[[Any], str]
) -> SchemaValidator | None:
    """The quick validator of ``model``, or None while fewer than AFTER files were asked for."""
    asked = _asked[model] = _asked.get(model, 0) + 1
    return _built(model, discriminator) if asked > AFTER else None


@cache
def _built(model: type[BaseModel], discriminator: Callable[[Any], str]) -> SchemaValidator:
    schema = value_first(model.__pydantic_core_schema__, discriminator)
    # pydantic-core takes a model's own validator, already built, for each model it meets in a
    # schema whose class says it is complete: the nested models would then keep their
    # discriminators.  Their classes say otherwise while this one is built.
    classes = _model_classes(schema)
    for cls in classes:
        cls.__pydantic_complete__ = False
    try:
        return SchemaValidator(schema)
    finally:
        for cls in classes:
            cls.__pydantic_complete__ = True


def _model_classes(schema: Any) -> list[type[BaseModel]]:
    found: dict[type[BaseModel], None] = {}
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == "model":
                found[node["cls"]] = None
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return [cls for cls in found if cls.__dict__.get("__pydantic_complete__") is True]
