"""Checks on a criteria file beyond its types, run on every load: ids, field references, bands."""

from __future__ import annotations

from readiness.criteria.checks import AllOf, AnyOf, Check, Count
from readiness.criteria.model import Criteria
from readiness.input.fieldpaths import Loc
from readiness.input.validation import Problem
from readiness.profile.model import Profile


def criteria_problems(criteria: Criteria) -> list[Problem]:
    return [
        *_unique_ids(criteria),
        *_field_references(criteria),
        *_bands(criteria),
        *_recommendations(criteria),
    ]


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
        Problem(loc, "bad-check", f"{c.id}: {message}")
        for i, s in enumerate(criteria.sections)
        for j, c in enumerate(s.criteria)
        for loc, message in _check_problems(
            c.check, ("sections", i, "criteria", j, "check"), strategies
        )
    ]


def _check_problems(check: Check, loc: Loc, strategies: frozenset[str]) -> list[tuple[Loc, str]]:
    """Field problems of ``check`` and the checks inside it, each at the check it belongs to."""
    if isinstance(check, (AllOf, AnyOf)):
        return [
            found
            for k, inner in enumerate(check.checks)
            for found in _check_problems(inner, (*loc, "checks", k), strategies)
        ]
    at = (*loc, "items" if isinstance(check, Count) else "field")
    return [(at, message) for message in check.field_problems(Profile, strategies)]


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


def _recommendations(criteria: Criteria) -> list[Problem]:
    """Every gap is shown with its recommendation, so each must really be in both languages."""
    problems = []
    for i, s in enumerate(criteria.sections):
        for j, c in enumerate(s.criteria):
            at: Loc = ("sections", i, "criteria", j, "recommendation")
            text = c.recommendation
            if not _has_japanese(text.ja):
                problems.append(
                    Problem((*at, "ja"), "bad-recommendation",
                            f"{c.id}: the Japanese recommendation has no Japanese text")
                )  # fmt: skip
            if text.ja == text.en:
                problems.append(
                    Problem((*at, "en"), "bad-recommendation",
                            f"{c.id}: the English recommendation is the same as the Japanese; "
                            "translate it")
                )  # fmt: skip
    return problems


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)
