"""A passing and a failing example profile for any check, built from the check itself.

``readiness explain`` shows them.  Each example is the smallest set of facts (on top of a
minimal profile) that meets the check, or that just misses it; both are validated as real
profiles and evaluated before they are returned, so an example never says what is not true.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from readiness.criteria.checks import (
    AllOf,
    AnyOf,
    AtLeast,
    Count,
    IsTrue,
    OneOf,
    Predicate,
    Present,
)
from readiness.input.fieldpaths import Shape, resolve, shape_of
from readiness.profile.checks import profile_problems
from readiness.profile.model import Profile

Facts = dict[str, Any]

BASE: Facts = {
    "schema_version": 1,
    "as_of": "2024-04-01",
    "municipality": {"name": "石巻市", "code": "042021", "prefecture": "宮城県"},
}
"""Every example is this minimal profile plus its facts."""


@dataclass(frozen=True)
class CheckExamples:
    passing: Facts | None
    """Facts that meet the check, or None if none could be built."""
    failing: Facts
    """Facts that miss it (possibly none at all: the minimal profile)."""


def examples_for(check: Any) -> CheckExamples:
    passing = next((f for f in _passing(check) if _status(check, f) == "met"), None)
    failing = next((f for f in _failing(check) if _status(check, f) == "unmet"), {})
    return CheckExamples(passing, failing)


def as_profile(facts: Facts) -> Profile | None:
    """The example as a validated profile, or None when the facts do not make a valid one."""
    data = _merge(copy.deepcopy(BASE), copy.deepcopy(facts))
    _fix_references(data)
    try:
        profile = Profile.model_validate(data)
    except ValidationError:
        return None
    return None if profile_problems(profile) else profile


def with_references(facts: Facts) -> Facts:
    """The facts as shown: with the issues and initiatives that their references need."""
    data = copy.deepcopy(facts)
    _fix_references(data)
    return data


def _status(check: Any, facts: Facts) -> str | None:
    profile = as_profile(facts)
    return None if profile is None else str(check.evaluate(profile).status)


# --- passing -------------------------------------------------------------------------------


def _passing(check: Any) -> list[Facts]:
    if isinstance(check, Present):
        return [_at(check.field, _sample(_shape(check.field)))]
    if isinstance(check, IsTrue):
        return [_at(check.field, True)]
    if isinstance(check, AtLeast):
        return [_at(check.field, _amount(_shape(check.field), check.min))]
    if isinstance(check, OneOf):
        shape = _shape(check.field)
        value = check.values[0]
        return [_at(check.field, [value] if shape.is_list else value)]
    if isinstance(check, Count):
        item = _item_shape(check.items)
        items = [_count_item(item, check.where, i) for i in range(check.min)]
        return [_at(check.items, items)]
    if isinstance(check, AllOf):
        merged: Facts = {}
        for sub in check.checks:
            options = _passing(sub)
            if not options:
                return []
            merged = _combine(merged, copy.deepcopy(options[0]))
        return [merged]
    if isinstance(check, AnyOf):
        return [f for sub in check.checks for f in _passing(sub)]
    return []


def _count_item(item: Shape, where: dict[str, Predicate], index: int) -> Any:
    value = _sample(item, index)
    for path, predicate in where.items():
        assert item.model is not None
        sub = resolve(item.model, path)
        _set(value, path, _satisfying(sub, predicate))
    return value


def _satisfying(shape: Shape, predicate: Predicate) -> Any:
    if predicate.present:
        return _sample(shape)
    if predicate.equals is not None:
        return predicate.equals
    if predicate.in_ is not None:
        return [predicate.in_[0]] if shape.is_list else predicate.in_[0]
    return _amount(shape, predicate.min or 0)


# --- failing -------------------------------------------------------------------------------


def _failing(check: Any) -> list[Facts]:
    """Near misses first; the minimal profile (nothing stated) last."""
    near: list[Facts] = []
    if isinstance(check, IsTrue):
        near.append(_at(check.field, False))
    elif isinstance(check, AtLeast):
        shape = _shape(check.field)
        below = _below(shape, check.min)
        if below is not None:
            near.append(_at(check.field, below))
    elif isinstance(check, OneOf):
        other = _other_value(_shape(check.field), check.values)
        if other is not None:
            near.append(_at(check.field, other))
    elif isinstance(check, Count):
        item = _item_shape(check.items)
        if check.where:
            missing = [_count_item_missing(item, check.where, i) for i in range(check.min)]
            near.append(_at(check.items, missing))
        near.append(_at(check.items, [_sample(item, i) for i in range(check.min - 1)]))
    elif isinstance(check, AllOf):
        # every part met but the last
        passing = [_passing(sub) for sub in check.checks[:-1]]
        if all(passing):
            merged: Facts = {}
            for options in passing:
                merged = _merge(merged, copy.deepcopy(options[0]))
            near += [_merge(copy.deepcopy(merged), f) for f in _failing(check.checks[-1])]
    elif isinstance(check, AnyOf):
        merged = {}
        for sub in check.checks:
            options = _failing(sub)
            merged = _merge(merged, copy.deepcopy(options[0]))
        near.append(merged)
    return [*near, {}]


def _count_item_missing(item: Shape, where: dict[str, Predicate], index: int) -> Any:
    """An item that meets every ``where`` test but the first."""
    value = _count_item(item, where, index)
    assert item.model is not None
    path, predicate = next(iter(where.items()))
    sub = resolve(item.model, path)
    miss: Any = None
    if predicate.in_ is not None or predicate.equals is not None:
        wanted = predicate.in_ if predicate.in_ is not None else [predicate.equals]
        miss = _other_value(sub, wanted)
    elif predicate.min is not None:
        miss = _below(sub, predicate.min)
    if miss is None:
        _unset(value, path)
    else:
        _set(value, path, miss)
    return value


def _below(shape: Shape, minimum: float) -> Any:
    if shape.is_list:
        return _amount(shape, minimum - 1) if minimum >= 1 else None
    if minimum <= 0:
        return None
    return minimum - 1 if minimum >= 1 else minimum / 2


def _other_value(shape: Shape, values: list[Any]) -> Any:
    literals = shape.item.literals if shape.is_list and shape.item else shape.literals
    others = sorted(str(v) for v in literals if v not in values and v != "none")
    if shape.is_list and shape.item and not literals and "str" in shape.item.kinds:
        others = ["another"]
    if not others:
        return None
    return [others[0]] if shape.is_list else others[0]


# --- sample values -------------------------------------------------------------------------


def _shape(path: str) -> Shape:
    return resolve(Profile, path)


def _item_shape(path: str) -> Shape:
    shape = _shape(path)
    assert shape.item is not None
    return shape.item


def _amount(shape: Shape, amount: float) -> Any:
    if shape.is_list:
        assert shape.item is not None
        return [_sample(shape.item, i) for i in range(int(amount))]
    return amount


def _sample(shape: Shape, index: int = 0) -> Any:
    """A stated, valid value of this shape (records get their required fields only)."""
    if shape.model is not None:
        return _sample_model(shape.model, index)
    if shape.is_list:
        return [_sample(shape.item, index)] if shape.item else []
    if "bool" in shape.kinds:
        return True
    if "number" in shape.kinds:
        return 1
    if shape.literals:
        return sorted(str(v) for v in shape.literals if v != "none")[0]
    if "date" in shape.kinds:
        return "2024-04-01"
    return f"example-{index + 1}"  # a bare "example" is a placeholder


def _sample_model(model: type[BaseModel], index: int) -> Facts:
    """The required fields; for a record with none, its first field (``{}`` reads oddly)."""
    fields = list(model.model_fields.items())
    required = [(n, f) for n, f in fields if f.is_required()] or fields[:1]
    out: Facts = {}
    for name, field in required:
        if model.__name__ == "ProgrammeUse" and name == "programme":
            from readiness.profile.programmes import catalogue

            out[name] = sorted(catalogue())[0]
        else:
            out[name] = _sample(shape_of(field.annotation), index)
    return out


# --- facts as nested data ------------------------------------------------------------------


def _at(path: str, value: Any) -> Facts:
    facts: Facts = {}
    _set(facts, path, value)
    return facts


def _set(data: Facts, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def _unset(data: Facts, path: str) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node.get(part, {})
    node.pop(last, None)


def _combine(base: Any, extra: Any) -> Any:
    """Like ``_merge``, but list items are kept side by side: parts of ``all`` that count
    different items of one list (a bank and a firm among the partners) each keep theirs."""
    if isinstance(base, dict) and isinstance(extra, dict):
        for key, value in extra.items():
            base[key] = _combine(base[key], value) if key in base else value
        return base
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def _merge(base: Any, extra: Any) -> Any:
    """Deep merge: mappings key by key, lists item by item (an item is one record)."""
    if isinstance(base, dict) and isinstance(extra, dict):
        for key, value in extra.items():
            base[key] = _merge(base[key], value) if key in base else value
        return base
    if isinstance(base, list) and isinstance(extra, list):
        merged = [_merge(a, b) for a, b in zip(base, extra, strict=False)]
        longer = base if len(base) > len(extra) else extra
        return merged + longer[len(merged) :]
    return extra


def _fix_references(data: Facts) -> None:
    """Add the issues and initiatives that initiatives and partners refer to."""
    for items, refs_key, target in (
        ("partners", "initiatives", "initiatives"),
        ("initiatives", "addresses", "issues"),
    ):
        listed = data.get(items)
        if not isinstance(listed, list):
            continue
        wanted = [r for item in listed if isinstance(item, dict) for r in item.get(refs_key) or []]
        existing = data.get(target)
        if not wanted or existing == "unknown":
            continue
        have = existing if isinstance(existing, list) else []
        ids = {x.get("id") for x in have if isinstance(x, dict)}
        for ref in wanted:
            if ref not in ids:
                have.append({"id": ref, "title": ref})
                ids.add(ref)
        data[target] = have
