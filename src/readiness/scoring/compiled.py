"""A criteria set prepared once for scoring many towns: integer units, check plans, bands.

Everything :func:`readiness.scoring.scorer.assess` needs that does not depend on the town is
worked out here, once per loaded set (cached by identity: a loaded set is never changed):

- points as integers: every criterion's points are a whole number of one unit per section,
  and every contribution to the 0-100 total a whole number of one unit per set, so sums and
  comparisons are integer arithmetic, exact, and the score is rounded once, half up;
- each check tree as a plan (:mod:`readiness.criteria.check_plans`);
- what a criterion's and a section's result hold whatever the town (labels, points, ``adds``);
- each band's lowest rounded score, whether it needs the gates, and its evidence share.

Results that depend only on which criteria a town meets (its plan to the next band, a
section's result) are the same for every town that meets the same ones, and immutable: the
set keeps them, bounded.  A section's result recurs often (a section has a few criteria); which
criteria of the whole set are met far less often (2,729 patterns in 5,000 generated towns), so
only a few hundred of those outcomes are kept: 4,096 of them were most of a batch's memory
growth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from readiness.criteria.check_plans import Plan, plan
from readiness.criteria.model import Criteria, Criterion, Section
from readiness.scoring.assessment import BandRef
from readiness.scoring.plan import Gap
from readiness.scoring.points import SCORE_DECIMALS, exact

TENTHS: int = 10**SCORE_DECIMALS

MEMO_LIMIT = 4096
"""Shared results kept per set before the memo starts again (a few MB at most)."""
OUTCOMES_LIMIT = 256
"""Outcomes of the whole set kept per set before that memo starts again (under 1 MB)."""


@dataclass(frozen=True)
class Item:
    """One criterion, ready to score."""

    criterion: Criterion
    plan: Plan
    section: int
    """The index of its section."""
    units: int
    """Its points, in its section's point units."""
    value: int
    """Score units that meeting it adds (its ``adds`` times :attr:`Compiled.units`)."""
    coverage: int
    """Its points as written in the file's binary float, in one unit for the whole set (what
    the bands' ``min_evidence`` share is worked out in)."""
    gated: bool
    """Required, in a section with a gate: the gate cannot pass without it."""
    gap: Gap
    result: dict[str, Any]
    """The fields of its :class:`~readiness.scoring.assessment.CriterionResult` that every
    town shares."""


@dataclass(frozen=True)
class Part:
    """One section, ready to score."""

    section: Section
    start: int
    stop: int
    """Its criteria are ``items[start:stop]``."""
    denominator: int
    """Point units per point."""
    possible: int
    """The section's points, in point units."""
    scale: int
    """Score units per point unit."""
    gate_need: int | None
    """The fewest point units that pass the gate (``ceil(gate * possible)``)."""
    result: dict[str, Any]
    """The fields of its :class:`~readiness.scoring.assessment.SectionResult` that every town
    shares."""


@dataclass(frozen=True)
class Level:
    """One band, ready to compare."""

    ref: BandRef
    tenths: int
    """The lowest rounded score (in tenths) that reaches it."""
    needs_gates: bool
    evidence: tuple[int, int] | None
    """``min_evidence`` as (numerator, denominator), exact as written; None when not asked."""


@dataclass(frozen=True)
class Compiled:
    criteria: Criteria
    units: int
    """Score units per point of the 0-100 total."""
    items: tuple[Item, ...]
    parts: tuple[Part, ...]
    levels: tuple[Level, ...]
    adds: tuple[int, ...]
    """Each criterion's ``value``, in file order."""
    strategies: frozenset[str]
    memo: dict[Any, Any] = field(default_factory=dict, compare=False)
    """Immutable results shared by towns that meet the same criteria (see the module doc)."""
    outcomes: dict[Any, Any] = field(default_factory=dict, compare=False)
    """The same for which criteria of the whole set are met, which recurs far less (see the
    module doc)."""

    def remember(self, key: object, value: Any) -> Any:
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[key] = value
        return value

    def remember_outcome(self, key: object, value: Any) -> Any:
        if len(self.outcomes) >= OUTCOMES_LIMIT:
            self.outcomes.clear()
        self.outcomes[key] = value
        return value


_COMPILED: dict[int, Compiled] = {}


def compiled(criteria: Criteria) -> Compiled:
    """The compiled form of ``criteria``, made once per loaded set."""
    found = _COMPILED.get(id(criteria))
    if found is not None and found.criteria is criteria:
        return found
    form = _compile(criteria)
    if len(_COMPILED) >= 64:
        _COMPILED.clear()
    _COMPILED[id(criteria)] = form
    return form


def _compile(criteria: Criteria) -> Compiled:
    sections = criteria.sections
    total_weight = sum(exact(s.weight) for s in sections)
    points = [[exact(c.points) for c in s.criteria] for s in sections]
    denominators = [math.lcm(*(p.denominator for p in ps)) for ps in points]
    units = [[int(p * d) for p in ps] for ps, d in zip(points, denominators, strict=True)]
    # A point unit of section s is worth 100 * weight_s / (total weight * possible units).
    worth = [
        100 * exact(s.weight) / (total_weight * sum(us))
        for s, us in zip(sections, units, strict=True)
    ]
    score_units = math.lcm(*(w.denominator for w in worth))
    # The evidence share counts each criterion's points as the float the file gives.
    floats = [Fraction(c.points) for s in sections for c in s.criteria]
    coverage_unit = math.lcm(*(f.denominator for f in floats))
    items: list[Item] = []
    parts: list[Part] = []
    for g, (s, us, d, w) in enumerate(zip(sections, units, denominators, worth, strict=True)):
        scale = int(w * score_units)
        possible = sum(us)
        start = len(items)
        for c, u in zip(s.criteria, us, strict=True):
            position = len(items)
            items.append(
                Item(
                    criterion=c,
                    plan=plan(c.check),
                    section=g,
                    units=u,
                    value=u * scale,
                    coverage=int(floats[position] * coverage_unit),
                    gated=c.required and s.gate is not None,
                    gap=Gap(position, g, u, u * scale),
                    result={
                        "id": c.id,
                        "section": s.id,
                        "label": c.label,
                        "official": c.official,
                        "possible": c.points,
                        "adds": Fraction(u * scale, score_units),
                        "recommendation": c.recommendation,
                        "basis": c.basis,
                        "required": c.required,
                    },
                )
            )
        parts.append(
            Part(
                section=s,
                start=start,
                stop=len(items),
                denominator=d,
                possible=possible,
                scale=scale,
                gate_need=None if s.gate is None else math.ceil(exact(s.gate) * possible),
                result={
                    "id": s.id,
                    "kind": s.kind,
                    "label": s.label,
                    "official": s.official,
                    "weight": s.weight,
                    "possible": Fraction(possible, d),
                    "gate": s.gate,
                },
            )
        )
    levels = []
    for i, b in enumerate(criteria.bands):
        wanted = None if b.min_evidence is None else Fraction(str(b.min_evidence))
        levels.append(
            Level(
                ref=BandRef(b.id, b.label, b.min),
                tenths=math.ceil(exact(b.min) * TENTHS),
                needs_gates=i == 0 or b.requires_gates,
                evidence=None if wanted is None else (wanted.numerator, wanted.denominator),
            )
        )
    return Compiled(
        criteria=criteria,
        units=score_units,
        items=tuple(items),
        parts=tuple(parts),
        levels=tuple(levels),
        adds=tuple(item.value for item in items),
        strategies=frozenset(s.id for s in criteria.strategies),
    )
