"""Criteria lint on the parts of a file that are valid, when the file as a whole is not.

A criteria file with a type error somewhere still has checks, bands and recommendations that
validate on their own.  They are linted here, so that one pass of ``readiness validate``
reports a field typo together with the type errors: each item (section, criterion, check,
quote, band) is validated by itself, a stand-in set is made of the valid items, the usual lint
(:func:`readiness.criteria.lint.criteria_problems`) runs on it, and its problems are moved back
to the items' places in the file.  Only the broken items are passed over.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from readiness.criteria.checks import Check
from readiness.criteria.lint import criteria_problems, raw_criteria_problems
from readiness.criteria.model import Band, Criteria, Criterion, Quote, Section, Strategy
from readiness.input.fieldpaths import Loc
from readiness.input.validation import Problem
from readiness.profile.bilingual import Text

M = TypeVar("M", bound=BaseModel)

_STAND_IN_TEXT = {"ja": "代わり", "en": "stand-in"}
"""The recommendation of a criterion whose own one is broken; its lint is left out."""

_STAND_IN_BAND = {"id": "stand-in", "label": _STAND_IN_TEXT, "min": 0}
"""The band of a stand-in set with no valid band (the lint needs one); its lint is left out."""


@functools.cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def _valid(kind: Any, value: Any) -> Any | None:
    try:
        return _adapter(kind).validate_python(value)
    except ValidationError:
        return None


def _items(value: Any, key: str) -> list[tuple[int, Any]]:
    found = value.get(key) if isinstance(value, dict) else None
    return list(enumerate(found)) if isinstance(found, list) else []


def partial_criteria_problems(data: Any) -> list[Problem]:
    """Every lint problem of the valid parts of ``data``, at its place in the file, with the
    duplicate ids that :func:`raw_criteria_problems` finds."""
    return [*raw_criteria_problems(data), *_lint_of_parts(data)]


def _lint_of_parts(data: Any) -> list[Problem]:
    if not isinstance(data, dict):
        return []
    # Where each stand-in item is in the file: its index there, by the stand-in's index.
    section_at: list[int] = []
    criterion_at: dict[tuple[int, int], int] = {}
    quote_at: dict[tuple[int, int], int] = {}
    stand_in_recommendations: set[tuple[int, int]] = set()
    sections: list[Section] = []
    for i, raw in _items(data, "sections"):
        criteria: list[Criterion] = []
        for j, c in _items(raw, "criteria"):
            check = _valid(Check, c.get("check")) if isinstance(c, dict) else None
            if check is None:
                continue  # a broken check: its type errors are reported instead
            recommendation = _valid(Text, c.get("recommendation"))
            if recommendation is None:
                stand_in_recommendations.add((len(section_at), len(criteria)))
                recommendation = Text.model_validate(_STAND_IN_TEXT)
            ident = c.get("id")
            criterion_at[len(section_at), len(criteria)] = j
            criteria.append(
                _construct(
                    Criterion,
                    id=ident if isinstance(ident, str) else f"#{j + 1}",
                    check=check,
                    recommendation=recommendation,
                )
            )
        quotes: list[Quote] = []
        for k, q in _items(raw, "quotes"):
            quote = _valid(Quote, q)
            if quote is not None:
                quote_at[len(section_at), len(quotes)] = k
                quotes.append(quote)
        ident = raw.get("id") if isinstance(raw, dict) else None
        section_at.append(i)
        sections.append(
            _construct(
                Section,
                id=ident if isinstance(ident, str) else f"#{i + 1}",
                criteria=criteria,
                quotes=quotes,
            )
        )
    band_at: list[int] = []
    bands: list[Band] = []
    for i, raw in _items(data, "bands"):
        band = _valid(Band, raw)
        if band is not None:
            band_at.append(i)
            bands.append(band)
    raw_bands = _items(data, "bands")
    lowest_is_valid = bool(band_at) and band_at[-1] == len(raw_bands) - 1
    if not bands:
        bands = [Band.model_validate(_STAND_IN_BAND)]
    strategies = [
        _construct(Strategy, id=s["id"])
        for _, s in _items(data, "strategies")
        if isinstance(s, dict) and isinstance(s.get("id"), str)
    ]
    sources = data.get("sources")
    stand_in = _construct(
        Criteria,
        sections=sections,
        strategies=strategies,
        bands=bands,
        # The quote check counts the sources; a broken one still takes its number.
        sources=sources if isinstance(sources, list) else [],
    )
    quotes_checkable = isinstance(sources, list)

    def placed(problem: Problem) -> Problem | None:
        loc = problem.loc
        if problem.code == "duplicate-id":
            return None  # found on the plain data, with the broken items too
        if loc[:1] == ("sections",) and len(loc) >= 4:
            i, j = loc[1], loc[3]
            assert isinstance(i, int)
            assert isinstance(j, int)
            if loc[2] == "criteria":
                if problem.code == "bad-recommendation" and (i, j) in stand_in_recommendations:
                    return None
                where = (section_at[i], "criteria", criterion_at[i, j])
            elif loc[2] == "quotes" and quotes_checkable:
                where = (section_at[i], "quotes", quote_at[i, j])
            else:
                return None
            return _moved(problem, ("sections", *where, *loc[4:]))
        if loc[:1] == ("bands",) and len(loc) >= 2 and band_at:
            k = loc[1]
            assert isinstance(k, int)
            if "lowest band" in problem.message and not lowest_is_valid:
                return None  # the lowest valid band is not the lowest band of the file
            return _moved(problem, ("bands", band_at[k], *loc[2:]))
        return None

    found = (placed(p) for p in criteria_problems(stand_in))
    return [p for p in found if p is not None]


def _construct(model: type[M], **fields: Any) -> M:
    """An unchecked instance holding only what the lint reads (the parts are checked)."""
    return model.model_construct(**fields)


def _moved(problem: Problem, loc: Loc) -> Problem:
    return Problem(loc, problem.code, problem.message, problem.message_ja)
