"""Declarative checks over profile facts, and the three-valued outcome of each.

A check is data (a ``kind`` and its options), never code.  Every kind is monotone: adding a
fact to a profile can turn a check from unmet or unknown to met, never the other way, so adding
a fact never lowers a score.

Outcomes are ``met``, ``unmet`` or ``unknown``.  ``unknown`` means the check is not met and the
profile marks a fact it depends on as ``unknown``: the town should find out, not necessarily act.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from readiness.input.fieldpaths import (
    UNKNOWN,
    UNKNOWN_FACT,
    Loc,
    PathError,
    Shape,
    loc_of,
    read,
    resolve,
)

Status = Literal["met", "unmet", "unknown"]

STRATEGY_FIELD = "initiatives.serves"
"""The one profile field whose values are the criteria's own strategy ids."""


@dataclass(frozen=True)
class Evidence:
    """A fact that satisfied a check, or the place a missing fact belongs."""

    loc: Loc
    text: str


@dataclass(frozen=True)
class Outcome:
    status: Status
    evidence: tuple[Evidence, ...] = ()
    """For a met check, the facts that satisfied it; otherwise where the gap lies."""


class _Check(BaseModel):
    # Built on first validation (see criteria/model.py's _Model); which also resolves `Check`.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        raise NotImplementedError

    def evaluate(self, profile: BaseModel) -> Outcome:
        raise NotImplementedError


Substance = Literal["stated", "unknown", "empty"]


def substance(value: object) -> Substance:
    """Whether ``value`` states a fact: the one definition every check kind uses.

    A value is *stated* only if it has substance at some depth: a list or a sub-record is
    stated when one of its items or fields is.  Otherwise it is *unknown* when ``unknown``
    appears in it (a fact to find out), and *empty* when nothing does (a definite none).

    ==============================================  =========
    value                                           substance
    ==============================================  =========
    ``産業部``, ``0``, ``false``, a date              stated
    ``unknown``                                     unknown
    omitted, ``null``, ``""``, ``none``, ``[]``       empty
    ``[unknown, unknown]``                          unknown
    ``[unknown, 産業部]``                            stated
    ``{kind: unknown}``                             unknown
    ``{departments: []}``, ``{kind: null}``, ``{}``  empty
    ==============================================  =========
    """
    if value is UNKNOWN_FACT:
        return "unknown"
    if isinstance(value, str):
        if value == UNKNOWN:
            return "unknown"
        return "empty" if value in ("", "none") else "stated"
    if value is None:
        return "empty"
    if isinstance(value, (list, tuple)):
        return _most(value)
    if isinstance(value, BaseModel):
        # The instance dict holds the fields: getattr on a missing pydantic attribute is slow.
        return _most(value.__dict__.values())
    return "stated"


def _most(values: Iterable[object]) -> Substance:
    found: Substance = "empty"
    for value in values:
        kind = substance(value)
        if kind == "stated":
            return "stated"
        if kind == "unknown":
            found = "unknown"
    return found


_STATUS: dict[Substance, Status] = {"stated": "met", "unknown": "unknown", "empty": "unmet"}


def _stated_items(items: list[object]) -> tuple[list[object], int]:
    """The items of a list that state a fact, and how many are ``unknown``."""
    stated: list[object] = []
    unknown = 0
    for item in items:
        kind = substance(item)
        if kind == "stated":
            stated.append(item)
        elif kind == "unknown":
            unknown += 1
    return stated, unknown


def _number(value: float) -> str:
    """A number as written: ``2``, ``0.5``, ``0.5000004`` (never rounded for display)."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def _at_least(value: object, minimum: float) -> tuple[Status, str]:
    """A number, or the count of the stated items of a list, against ``minimum``."""
    if isinstance(value, list):
        stated, unknown = _stated_items(value)
        have = len(stated)
        if have >= minimum:
            return "met", f"{have}"
        shown = f"{have} < {_number(minimum)}"
        if have + unknown >= minimum:
            return "unknown", f"{shown} ({unknown} unknown)"
        return "unmet", shown
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value >= minimum:
            return "met", _number(value)
        return "unmet", f"{_number(value)} < {_number(minimum)}"
    return "unmet", "not stated"


def _one_of(value: object, values: Sequence[object]) -> tuple[Status, str]:
    """A value, or any stated item of a list, among ``values``."""
    if isinstance(value, list):
        stated, unknown = _stated_items(value)
        hits = [v for v in stated if v in values]
        if hits:
            return "met", ", ".join(map(str, hits))
        return ("unknown" if unknown else "unmet"), ", ".join(map(str, stated)) or "not stated"
    if value in values:
        return "met", str(value)
    return "unmet", "not stated" if value is None else str(value)


def _describe(value: object) -> str:
    if isinstance(value, BaseModel):
        # The instance dict holds the fields: getattr on a missing pydantic attribute is slow.
        fields = value.__dict__
        for name in ("name", "title", "id", "indicator", "programme", "what", "kind"):
            label = fields.get(name)
            if isinstance(label, str):
                return label
        return type(value).__name__
    if isinstance(value, list):
        return f"{len(_stated_items(value)[0])} item(s)"
    return str(value)


def _field_check(
    model: type[BaseModel], path: str, ok: Callable[[Shape], bool], need: str
) -> list[str]:
    try:
        shape = resolve(model, path)
    except PathError as e:
        return [str(e)]
    return [] if ok(shape) else [f"field {path!r} is not {need}"]


class Present(_Check):
    """The fact is stated: not omitted, not ``unknown``, not empty, not ``none``.

    PASS  ``{kind: present, field: will.lead_department}`` with ``lead_department: 産業部``
    FAIL  the same with ``lead_department`` omitted (or ``unknown``: outcome unknown)
    """

    kind: Literal["present"]
    field: str

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        return _field_check(model, self.field, lambda s: True, "")

    def evaluate(self, profile: BaseModel) -> Outcome:
        value = read(profile, self.field)
        loc = loc_of(self.field)
        status = _STATUS[substance(value)]
        shown = {"met": _describe(value), "unknown": "unknown", "unmet": "not stated"}[status]
        return Outcome(status, (Evidence(loc, shown),))


class IsTrue(_Check):
    """A yes/no fact is yes.

    PASS  ``{kind: is_true, field: will.annual_review}`` with ``annual_review: true``
    FAIL  the same with ``annual_review: false``
    """

    kind: Literal["is_true"]
    field: str

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        return _field_check(model, self.field, lambda s: "bool" in s.kinds, "a yes/no field")

    def evaluate(self, profile: BaseModel) -> Outcome:
        value = read(profile, self.field)
        loc = loc_of(self.field)
        if value is UNKNOWN_FACT:
            return Outcome("unknown", (Evidence(loc, "unknown"),))
        if value is True:
            return Outcome("met", (Evidence(loc, "yes"),))
        return Outcome("unmet", (Evidence(loc, "no" if value is False else "not stated"),))


class AtLeast(_Check):
    """A number, or the length of a list, is at least ``min``.

    PASS  ``{kind: at_least, field: will.staff_fte, min: 1}`` with ``staff_fte: 1.5``
    FAIL  the same with ``staff_fte: 0.2``
    """

    kind: Literal["at_least"]
    field: str
    min: float

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        return _field_check(
            model, self.field, lambda s: bool(s.kinds & {"number", "list"}), "a number or a list"
        )

    def evaluate(self, profile: BaseModel) -> Outcome:
        value = read(profile, self.field)
        loc = loc_of(self.field)
        if value is UNKNOWN_FACT:
            return Outcome("unknown", (Evidence(loc, "unknown"),))
        status, shown = _at_least(value, self.min)
        return Outcome(status, (Evidence(loc, shown),))


class OneOf(_Check):
    """A fact takes one of the listed values (for a list: any element does).

    PASS  ``{kind: one_of, field: will.top_commitment, values: [mayor, deputy_mayor]}``
          with ``top_commitment: mayor``
    FAIL  the same with ``top_commitment: section_head``
    """

    kind: Literal["one_of"]
    field: str
    values: list[str | int | bool] = Field(min_length=1)

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        try:
            shape = resolve(model, self.field)
        except PathError as e:
            return [str(e)]
        return _value_problems(self.field, shape, self.values, strategies)

    def evaluate(self, profile: BaseModel) -> Outcome:
        value = read(profile, self.field)
        loc = loc_of(self.field)
        if value is UNKNOWN_FACT:
            return Outcome("unknown", (Evidence(loc, "unknown"),))
        status, shown = _one_of(value, self.values)
        return Outcome(status, (Evidence(loc, shown),))


def _value_problems(
    path: str, shape: Shape, values: Sequence[object], strategies: frozenset[str]
) -> list[str]:
    allowed: frozenset[object] = shape.literals
    if path == STRATEGY_FIELD:
        allowed = frozenset(strategies)
        if not allowed:
            return [f"field {path!r} names strategies, but the file defines none"]
    elif shape.item is not None:
        allowed = shape.item.literals
    if not allowed:
        return []
    choices = ", ".join(sorted(map(str, allowed)))
    return [
        f"value {v!r} is not possible for {path!r}; choose from {choices}"
        for v in values
        if v not in allowed
    ]


class Predicate(BaseModel):
    """A test on one field of a list item; exactly one option is given."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        defer_build=True,
        json_schema_extra={"minProperties": 1, "maxProperties": 1},
    )

    present: Literal[True] | None = None
    equals: str | int | float | bool | None = None
    in_: list[str | int | bool] | None = Field(None, alias="in")
    min: float | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "Predicate":
        given = [k for k in ("present", "equals", "in_", "min") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of: present, equals, in, min")
        return self

    def test(self, value: object) -> Status:
        if value is UNKNOWN_FACT:
            return "unknown"
        if self.present:
            return _STATUS[substance(value)]
        if self.equals is not None:
            return "met" if _is_equal(value, self.equals) else "unmet"
        if self.in_ is not None:
            return _one_of(value, self.in_)[0]
        assert self.min is not None
        return _at_least(value, self.min)[0]


def _is_equal(value: object, expected: object) -> bool:
    # ``True == 1`` in Python; a yes/no fact equals only a yes/no value.
    return isinstance(value, bool) == isinstance(expected, bool) and value == expected


class Count(_Check):
    """At least ``min`` items of a list satisfy every ``where`` test.

    PASS  ``{kind: count, items: partners, where: {commitment: {in: [signed, agreed]}}, min: 1}``
          with one partner whose ``commitment: agreed``
    FAIL  the same when every partner is ``planned``
    """

    kind: Literal["count"]
    items: str
    where: dict[str, Predicate] = Field(default_factory=dict)
    min: int = Field(1, ge=1)

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        try:
            shape = resolve(model, self.items)
        except PathError as e:
            return [str(e)]
        if shape.item is None or shape.item.model is None:
            return [f"field {self.items!r} is not a list of records"]
        problems = []
        for path, predicate in self.where.items():
            full = f"{self.items}.{path}"
            try:
                sub = resolve(shape.item.model, path, within=self.items)
            except PathError as e:
                problems.append(str(e))
                continue
            values: list[object] = list(predicate.in_ or [])
            if predicate.equals is not None:
                values.append(predicate.equals)
            problems += _value_problems(full, sub, values, strategies)
        return problems

    def evaluate(self, profile: BaseModel) -> Outcome:
        items = read(profile, self.items)
        loc = loc_of(self.items)
        if items is UNKNOWN_FACT:
            return Outcome("unknown", (Evidence(loc, "unknown"),))
        matched: list[Evidence] = []
        undecided = False
        for index, item in enumerate(items if isinstance(items, list) else []):
            kind = substance(item)
            if kind != "stated":
                undecided = undecided or kind == "unknown"
                continue
            results = [p.test(read(item, path)) for path, p in self.where.items()]
            if all(r == "met" for r in results):
                matched.append(Evidence((*loc, index), _describe(item)))
            elif "unmet" not in results:
                undecided = True
        if len(matched) >= self.min:
            return Outcome("met", tuple(matched))
        status: Status = "unknown" if undecided else "unmet"
        have = f"{len(matched)} of {self.min} needed"
        return Outcome(status, (Evidence(loc, have), *matched))


class AllOf(_Check):
    """Every listed check is met.

    PASS  ``{kind: all, checks: [{kind: present, field: will.lead_department},
          {kind: present, field: will.team}]}`` with both a lead department and a team
    FAIL  the same with a lead department but no team
    """

    kind: Literal["all"]
    checks: list["Check"] = Field(min_length=1)

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        return [p for c in self.checks for p in c.field_problems(model, strategies)]

    def evaluate(self, profile: BaseModel) -> Outcome:
        outcomes = [c.evaluate(profile) for c in self.checks]
        statuses = {o.status for o in outcomes}
        status: Status = (
            "unmet" if "unmet" in statuses else ("unknown" if "unknown" in statuses else "met")
        )
        if status == "met":
            return Outcome("met", tuple(e for o in outcomes for e in o.evidence))
        return Outcome(status, tuple(e for o in outcomes if o.status != "met" for e in o.evidence))


class AnyOf(_Check):
    """At least one listed check is met.

    PASS  ``{kind: any, checks: [{kind: present, field: will.lead_department},
          {kind: present, field: will.contact}]}`` with a contact but no lead department
    FAIL  the same with neither
    """

    kind: Literal["any"]
    checks: list["Check"] = Field(min_length=1)

    def field_problems(self, model: type[BaseModel], strategies: frozenset[str]) -> list[str]:
        return [p for c in self.checks for p in c.field_problems(model, strategies)]

    def evaluate(self, profile: BaseModel) -> Outcome:
        outcomes = [c.evaluate(profile) for c in self.checks]
        for outcome in outcomes:
            if outcome.status == "met":
                return outcome
        status: Status = "unknown" if any(o.status == "unknown" for o in outcomes) else "unmet"
        return Outcome(status, tuple(e for o in outcomes for e in o.evidence))


Check = Annotated[
    Union[Present, IsTrue, AtLeast, OneOf, Count, AllOf, AnyOf],  # noqa: UP007
    Field(discriminator="kind"),
]

CHECK_KINDS: dict[str, type[_Check]] = {
    "present": Present,
    "is_true": IsTrue,
    "at_least": AtLeast,
    "one_of": OneOf,
    "count": Count,
    "all": AllOf,
    "any": AnyOf,
}
"""Every check kind by name; each class docstring is its documentation."""
