"""Checks on a criteria file beyond its types, run on every load: ids, field references, bands."""

from __future__ import annotations

from readiness.criteria_model import Criteria
from readiness.fieldpaths import Loc
from readiness.profile import Profile
from readiness.profile_checks import Problem


def criteria_problems(criteria: Criteria) -> list[Problem]:
    return [*_unique_ids(criteria), *_field_references(criteria), *_bands(criteria)]


def _unique_ids(criteria: Criteria) -> list[Problem]:
    groups: list[tuple[str, list[tuple[Loc, str]]]] = [
        ("section", [(("sections", i, "id"), s.id) for i, s in enumerate(criteria.sections)]),
        (
            "criterion",
            [
                (("sections", i, "criteria", j, "id"), c.id)
                for i, s in enumerate(criteria.sections)
                for j, c in enumerate(s.criteria)
            ],
        ),
        ("strategy", [(("strategies", i, "id"), s.id) for i, s in enumerate(criteria.strategies)]),
        ("band", [(("bands", i, "id"), b.id) for i, b in enumerate(criteria.bands)]),
    ]
    problems = []
    for what, items in groups:
        first: dict[str, Loc] = {}
        for loc, ident in items:
            if ident in first:
                problems.append(
                    Problem(loc, "duplicate-id", f"{what} id {ident!r} is already used")
                )
            first.setdefault(ident, loc)
    return problems


def _field_references(criteria: Criteria) -> list[Problem]:
    strategies = frozenset(s.id for s in criteria.strategies)
    return [
        Problem(("sections", i, "criteria", j, "check"), "bad-check", f"{c.id}: {message}")
        for i, s in enumerate(criteria.sections)
        for j, c in enumerate(s.criteria)
        for message in c.check.field_problems(Profile, strategies)
    ]


def _bands(criteria: Criteria) -> list[Problem]:
    bands = criteria.bands
    problems = [
        Problem(("bands", i, "min"), "bad-bands",
                f"band {b.id!r} (min {b.min:g}) must have a lower min than "
                f"{bands[i - 1].id!r} above it (min {bands[i - 1].min:g})")
        for i, b in enumerate(bands)
        if i > 0 and b.min >= bands[i - 1].min
    ]  # fmt: skip
    if bands[-1].min != 0:
        problems.append(
            Problem(("bands", len(bands) - 1, "min"), "bad-bands",
                    f"the lowest band {bands[-1].id!r} must start at 0, so every score has a band")
        )  # fmt: skip
    return problems
