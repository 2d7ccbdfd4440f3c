"""Check trees turned into plain functions once per criteria set, for scoring many towns.

:meth:`~readiness.criteria.checks._Check.evaluate` is the definition of each kind, written to be
read.  :func:`plan` gives a function with the same outcome for every profile, built once per
check: field paths split and their readers chosen once, predicates tested until one fails,
``any`` stopped at its first met check, descriptions made only for the facts that are shown,
a list read once for all the checks that count its items, and every evidence that does not
change from town to town (``no``, ``not stated``, ``0 of 1 needed``) made once and shared.
``tests/test_compiled_scoring.py`` checks ``Outcome(*plan(c)(p, {})) == c.evaluate(p)`` on
the bundled checks, nested at random, and generated profiles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel

from readiness.criteria.checks import (
    AllOf,
    AnyOf,
    AtLeast,
    Count,
    Evidence,
    IsTrue,
    OneOf,
    Predicate,
    Present,
    Status,
    _at_least,
    _Check,
    _describe,
    _is_equal,
    _one_of,
    _stated_items,
    substance,
)
from readiness.input.fieldpaths import UNKNOWN, UNKNOWN_FACT, Loc, follow, loc_of

Result = tuple[Status, tuple[Evidence, ...]]
"""An :class:`~readiness.criteria.checks.Outcome` as a plain pair (status, evidence)."""
Plan = Callable[[BaseModel, dict[str, Any]], Result]
"""``plan(profile, seen)``: ``seen`` is an empty dict per profile, which the plans of one
profile share (what a list's items state, read once for every check that counts them)."""
Reader = Callable[[object], object]
Test = Callable[[object], Status]

_STATUS: dict[str, Status] = {"stated": "met", "unknown": "unknown", "empty": "unmet"}


def plan(check: _Check) -> Plan:
    """A function giving ``check.evaluate(profile)`` (as a pair) for any profile."""
    if isinstance(check, Present):
        return _present(check.field)
    if isinstance(check, IsTrue):
        return _is_true(check.field)
    if isinstance(check, AtLeast):
        return _valued(check.field, lambda value: _at_least(value, check.min))
    if isinstance(check, OneOf):
        return _valued(check.field, lambda value: _one_of(value, check.values))
    if isinstance(check, Count):
        return _count(check)
    if isinstance(check, AllOf):
        return _all([plan(c) for c in check.checks])
    if isinstance(check, AnyOf):
        return _any([plan(c) for c in check.checks])
    raise TypeError(f"no plan for check kind {type(check).__name__}")


def reader(path: str) -> Reader:
    """:func:`readiness.input.fieldpaths.read` of ``path``, with the path split once."""
    parts = loc_of(path)

    def read(obj: object) -> object:
        return follow(obj, parts)

    if len(parts) == 2:
        first, second = parts

        def read_two(obj: object) -> object:
            # A field of a record of the profile (``will.contact``), without the loop.
            if obj is None or isinstance(obj, str):
                return read(obj)
            record = getattr(obj, first)
            if record is None or isinstance(record, str):
                return read(obj)
            value = getattr(record, second)
            return UNKNOWN_FACT if isinstance(value, str) and value == UNKNOWN else value

        return read_two
    if len(parts) != 1:
        return read
    (name,) = parts

    def read_one(obj: object) -> object:
        # A single field of a record that is there: the common case, without the loop.
        if obj is None or isinstance(obj, str):
            return read(obj)
        value = getattr(obj, name)
        return UNKNOWN_FACT if isinstance(value, str) and value == UNKNOWN else value

    return read_one


def _unknown_at(loc: Loc) -> Result:
    return ("unknown", (Evidence(loc, "unknown"),))


def _present(field: str) -> Plan:
    read, loc = reader(field), loc_of(field)
    unknown = _unknown_at(loc)
    unmet: Result = ("unmet", (Evidence(loc, "not stated"),))

    def present(profile: BaseModel, seen: dict[str, Any]) -> Result:
        value = read(profile)
        status = _STATUS[substance(value)]
        if status == "met":
            return ("met", (Evidence(loc, _describe(value)),))
        return unknown if status == "unknown" else unmet

    return present


def _is_true(field: str) -> Plan:
    read, loc = reader(field), loc_of(field)
    unknown = _unknown_at(loc)
    yes: Result = ("met", (Evidence(loc, "yes"),))
    no: Result = ("unmet", (Evidence(loc, "no"),))
    unstated: Result = ("unmet", (Evidence(loc, "not stated"),))

    def is_true(profile: BaseModel, seen: dict[str, Any]) -> Result:
        value = read(profile)
        if value is UNKNOWN_FACT:
            return unknown
        if value is True:
            return yes
        return no if value is False else unstated

    return is_true


def _valued(field: str, judge: Callable[[object], tuple[Status, str]]) -> Plan:
    read, loc = reader(field), loc_of(field)
    unknown = _unknown_at(loc)
    results: dict[tuple[Status, str], Result] = {}

    def valued(profile: BaseModel, seen: dict[str, Any]) -> Result:
        value = read(profile)
        if value is UNKNOWN_FACT:
            return unknown
        found = judge(value)
        result = results.get(found)
        if result is None:
            # The same few texts (a count, a value) recur from town to town: made once each.
            result = (found[0], (Evidence(loc, found[1]),))
            if len(results) < _KEEP:
                results[found] = result
        return result

    return valued


_KEEP = 256
"""Outcomes a plan keeps to share (texts beyond them are made for each town)."""


def _test(predicate: Predicate) -> Test:
    """``predicate.test``, with the option chosen once and no text made for the outcome."""
    if predicate.present:
        return lambda value: "unknown" if value is UNKNOWN_FACT else _STATUS[substance(value)]
    if predicate.equals is not None:
        expected = predicate.equals
        return lambda value: (
            "unknown"
            if value is UNKNOWN_FACT
            else ("met" if _is_equal(value, expected) else "unmet")
        )
    if predicate.in_ is not None:
        return _among(predicate.in_)
    minimum = predicate.min
    assert minimum is not None
    return lambda value: "unknown" if value is UNKNOWN_FACT else _at_least(value, minimum)[0]


def _among(values: Sequence[object]) -> Test:
    """The status of :func:`readiness.criteria.checks._one_of`, without its text."""

    def among(value: object) -> Status:
        if value is UNKNOWN_FACT:
            return "unknown"
        if isinstance(value, list):
            stated, unknown = _stated_items(value)
            if any(v in values for v in stated):
                return "met"
            return "unknown" if unknown else "unmet"
        return "met" if value in values else "unmet"

    return among


def _kind(item: object) -> str:
    """:func:`substance` of a list item, answered at the first field that states a fact (a
    record's first field, an id or a name, nearly always does)."""
    if isinstance(item, BaseModel):
        for value in item.__dict__.values():
            if isinstance(value, str) and value not in _NOT_STATED:
                return "stated"
    return substance(item)


_NOT_STATED = frozenset({UNKNOWN, "", "none"})


def _labelled(item: object) -> str:
    """:func:`readiness.criteria.checks._describe` of a list item, its label fields looked up
    once per record class."""
    if not isinstance(item, BaseModel):
        return _describe(item)
    cls = type(item)
    names = _LABELS.get(cls)
    if names is None:
        names = _LABELS[cls] = tuple(n for n in _LABEL_ORDER if n in cls.model_fields)
    fields = item.__dict__
    for name in names:
        label = fields.get(name)
        if isinstance(label, str):
            return label
    return _describe(item)


_LABEL_ORDER = ("name", "title", "id", "indicator", "programme", "what", "kind")
_LABELS: dict[type[BaseModel], tuple[str, ...]] = {}


def _count(check: Count) -> Plan:
    path = check.items
    read, loc = reader(path), loc_of(path)
    unknown = _unknown_at(loc)
    tests = [(reader(field), _test(p)) for field, p in check.where.items()]
    least = check.min
    shortfalls: dict[int, Evidence] = {}  # fewer than ``least``: a few, made once each

    def count(profile: BaseModel, seen: dict[str, Any]) -> Result:
        entries = seen.get(path)
        if entries is None:
            items = read(profile)
            if items is UNKNOWN_FACT:
                return unknown
            entries = seen[path] = _Entries(loc, items if isinstance(items, list) else [])
        matched: list[Evidence] = []
        undecided = entries.unknown
        for index in entries.stated:
            item = entries.items[index]
            # Met when every test is met; undecided when none is unmet: stop at the first unmet.
            open_ = False
            for read_field, test in tests:
                found = test(read_field(item))
                if found == "unmet":
                    break
                if found == "unknown":
                    open_ = True
            else:
                if open_:
                    undecided = True
                else:
                    matched.append(entries.evidence(index))
        if len(matched) >= least:
            return ("met", tuple(matched))
        status: Status = "unknown" if undecided else "unmet"
        have = shortfalls.get(len(matched))
        if have is None:
            have = shortfalls[len(matched)] = Evidence(loc, f"{len(matched)} of {least} needed")
        return (status, (have, *matched))

    return count


class _Entries:
    """A list of one profile as every check that counts it reads it: which items state a
    fact, whether one is ``unknown``, and each item's evidence, made once."""

    def __init__(self, loc: Loc, items: list[object]) -> None:
        self.loc = loc
        self.items = items
        self.stated: list[int] = []
        self.unknown = False
        for index, item in enumerate(items):
            kind = _kind(item)
            if kind == "stated":
                self.stated.append(index)
            elif kind == "unknown":
                self.unknown = True
        self._evidence: dict[int, Evidence] = {}

    def evidence(self, index: int) -> Evidence:
        found = self._evidence.get(index)
        if found is None:
            found = self._evidence[index] = Evidence(
                (*self.loc, index), _labelled(self.items[index])
            )
        return found


def _all(plans: list[Plan]) -> Plan:
    def all_of(profile: BaseModel, seen: dict[str, Any]) -> Result:
        outcomes = [p(profile, seen) for p in plans]
        statuses = {o[0] for o in outcomes}
        if "unmet" in statuses or "unknown" in statuses:
            status: Status = "unmet" if "unmet" in statuses else "unknown"
            return (status, tuple(e for o in outcomes if o[0] != "met" for e in o[1]))
        return ("met", tuple(e for o in outcomes for e in o[1]))

    return all_of


def _any(plans: list[Plan]) -> Plan:
    def any_of(profile: BaseModel, seen: dict[str, Any]) -> Result:
        outcomes = []
        for p in plans:
            outcome = p(profile, seen)
            if outcome[0] == "met":
                return outcome
            outcomes.append(outcome)
        status: Status = "unknown" if any(o[0] == "unknown" for o in outcomes) else "unmet"
        return (status, tuple(e for o in outcomes for e in o[1]))

    return any_of
