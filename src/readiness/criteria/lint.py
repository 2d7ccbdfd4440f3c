"""Checks on a criteria file beyond its types, run on every load: ids, field references, bands.

Some checks protect the promises scores make: the lowest band takes every town, so it cannot
require gates; an ``at_least`` bound of 0 would be met by a fact stated as none.  Points and
weights (0.01 to 1000) and the number of bands (at least two) are bounded by the model itself.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from readiness.criteria.checks import AllOf, AnyOf, AtLeast, Check, Count
from readiness.criteria.lint_ja import field_problem_ja
from readiness.criteria.model import Criteria
from readiness.input.fieldpaths import UNKNOWN, Loc, resolve
from readiness.input.validation import Problem
from readiness.profile.model import Profile


def criteria_problems(criteria: Criteria) -> list[Problem]:
    return [
        *_unique_ids(criteria),
        *_field_references(criteria),
        *_bands(criteria),
        *_bounds(criteria),
        *_recommendations(criteria),
        *_quote_sources(criteria),
    ]


def _quote_sources(criteria: Criteria) -> list[Problem]:
    count = len(criteria.sources)
    return [
        Problem(("sections", i, "quotes", j, "source"), "bad-reference",
                f"quote cites source {q.source}, but the set has {count} source(s), "
                f"numbered from 0 to {count - 1}",
                f"引用が出典 {q.source} を挙げていますが、出典は{count}件"
                f"（0 から {count - 1} の番号）です")
        for i, s in enumerate(criteria.sections)
        for j, q in enumerate(s.quotes)
        if q.source >= count
    ]  # fmt: skip


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
    return _duplicates(groups)


def raw_criteria_problems(data: Any) -> list[Problem]:
    """The checks that need no valid model, made on the plain data of a file whose types are
    wrong somewhere: duplicate ids (so one pass reports them with the type errors)."""

    def items(value: Any, key: str) -> list[tuple[int, Any]]:
        found = value.get(key) if isinstance(value, dict) else None
        return (
            [(i, x) for i, x in enumerate(found) if isinstance(x, dict)]
            if isinstance(found, list)
            else []
        )

    def ids(pairs: list[tuple[Loc, Any]]) -> list[tuple[Loc, str]]:
        return [(loc, v) for loc, v in pairs if isinstance(v, str)]

    sections = items(data, "sections")
    groups: list[tuple[str, list[tuple[Loc, str]]]] = [
        ("section", ids([(("sections", i, "id"), s.get("id")) for i, s in sections])),
        (
            "criterion",
            ids(
                [
                    (("sections", i, "criteria", j, "id"), c.get("id"))
                    for i, s in sections
                    for j, c in items(s, "criteria")
                ]
            ),
        ),
        (
            "strategy",
            ids([(("strategies", i, "id"), s.get("id")) for i, s in items(data, "strategies")]),
        ),
        ("band", ids([(("bands", i, "id"), b.get("id")) for i, b in items(data, "bands")])),
    ]
    return _duplicates(groups)


_WHAT_JA = {
    "section": "条件・観点",
    "criterion": "評価項目",
    "strategy": "重点戦略",
    "band": "判定",
}


def _duplicates(groups: list[tuple[str, list[tuple[Loc, str]]]]) -> list[Problem]:
    problems = []
    for what, items in groups:
        first: dict[str, Loc] = {}
        for loc, ident in items:
            if ident in first:
                problems.append(
                    Problem(
                        loc,
                        "duplicate-id",
                        f"{what} id {ident!r} is already used",
                        f"{_WHAT_JA[what]}の id {ident!r} はすでに使われています",
                    )
                )
            first.setdefault(ident, loc)
    return problems


def _field_references(criteria: Criteria) -> list[Problem]:
    strategies = frozenset(s.id for s in criteria.strategies)
    return [
        Problem(loc, "bad-check", f"{c.id}: {message}", f"{c.id}: {field_problem_ja(message)}")
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
                f"{bands[i - 1].id!r} above it (min {bands[i - 1].min:g})",
                f"判定 {b.id!r}（min {b.min:g}）の min は、上の {bands[i - 1].id!r}"
                f"（min {bands[i - 1].min:g}）より小さくしてください")
        for i, b in enumerate(bands)
        if i > 0 and b.min >= bands[i - 1].min
    ]  # fmt: skip
    if bands[-1].requires_gates:
        problems.append(
            Problem(("bands", len(bands) - 1, "requires_gates"), "bad-bands",
                    f"the lowest band {bands[-1].id!r} cannot require gates: it is the band of "
                    "every town that reaches no other",
                    f"最下位の判定 {bands[-1].id!r} は足切りを条件にできません。"
                    "ほかの判定に届かないすべての自治体の判定だからです")
        )  # fmt: skip
    if bands[-1].min != 0:
        problems.append(
            Problem(("bands", len(bands) - 1, "min"), "bad-bands",
                    f"the lowest band {bands[-1].id!r} must start at 0, so every score has a band",
                    f"最下位の判定 {bands[-1].id!r} は 0 から始めてください（どの点数にも判定が"
                    "付くように）")
        )  # fmt: skip
    return problems


def _bounds(criteria: Criteria) -> list[Problem]:
    return [
        Problem(loc, "bad-check", f"{c.id}: {message}", f"{c.id}: {field_problem_ja(message)}")
        for i, s in enumerate(criteria.sections)
        for j, c in enumerate(s.criteria)
        for loc, message in _check_bounds(c.check, ("sections", i, "criteria", j, "check"))
    ]


def _check_bounds(check: Check, loc: Loc) -> list[tuple[Loc, str]]:
    """``at_least`` and ``count`` minimums that a fact stated as none would meet, and
    ``unknown`` given as a value to match (it is never a stated fact)."""
    if isinstance(check, (AllOf, AnyOf)):
        return [
            found
            for k, inner in enumerate(check.checks)
            for found in _check_bounds(inner, (*loc, "checks", k))
        ]
    found: list[tuple[Loc, str]] = []
    if isinstance(check, AtLeast):
        found += _minimum(Profile, check.field, check.min, (*loc, "min"))
    if isinstance(check, Count):
        for path, predicate in check.where.items():
            at: Loc = (*loc, "where", path)
            if predicate.min is not None:
                try:
                    item = resolve(Profile, check.items).item
                except ValueError:
                    item = None  # reported by the field references
                if item is not None and item.model is not None:
                    found += _minimum(item.model, path, predicate.min, (*at, "min"))
            matched = [*(predicate.in_ or []), predicate.equals]
            if UNKNOWN in matched:
                found.append((at, _UNKNOWN_VALUE))
    values = getattr(check, "values", None) or []
    if UNKNOWN in values:
        found.append(((*loc, "values"), _UNKNOWN_VALUE))
    return found


_UNKNOWN_VALUE = "'unknown' is not a value to match: a fact stated as unknown is never met"


def _minimum(model: type[BaseModel], path: str, minimum: float, loc: Loc) -> list[tuple[Loc, str]]:
    try:
        is_list = resolve(model, path).is_list
    except ValueError:
        return []  # reported by the field references
    if is_list and minimum < 1:
        return [(loc, f"min {minimum:g} counts no items: a list needs min 1 or more")]
    if not is_list and minimum <= 0:
        return [(loc, f"min {minimum:g} is met by a stated 0: give a min above 0")]
    return []


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
                            f"{c.id}: the Japanese recommendation has no Japanese text",
                            f"{c.id}: 日本語の推奨（ja）に日本語がありません")
                )  # fmt: skip
            if text.ja == text.en:
                problems.append(
                    Problem((*at, "en"), "bad-recommendation",
                            f"{c.id}: the English recommendation is the same as the Japanese; "
                            "translate it",
                            f"{c.id}: 英語の推奨（en）が日本語と同じです。訳してください")
                )  # fmt: skip
    return problems


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)
