"""The scorer as first written, kept as the reference the compiled scorer must equal.

:func:`assess` here is ``readiness.scoring.scorer.assess`` before issue 16 compiled it: each
check evaluated by its own ``evaluate`` (the readable definition), exact fractions summed, the
plan to the next band searched for every town.  Cautions and group members are unchanged and
taken from the scorer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from readiness.criteria.model import Band, Criteria, Criterion, Section
from readiness.profile.evidence import evidence_map
from readiness.profile.model import Profile
from readiness.scoring.assessment import (
    Assessment,
    BandRef,
    CriterionResult,
    NextBand,
    SectionResult,
    StrategyFit,
    rank_gaps,
)
from readiness.scoring.plan import Gap, fewest_gaps
from readiness.scoring.points import SCORE_DECIMALS, exact
from readiness.scoring.scorer import _caution_texts, _members
from tests.reference_substance import substantive

_TENTHS: int = 10**SCORE_DECIMALS


@dataclass(frozen=True)
class _ExactSection:
    section: Section
    denominator: int
    """Point units per point: every criterion's points are a whole number of units."""
    possible: int
    """The section's points, in point units."""
    scale: int
    """Score units per point unit."""
    gate_need: int | None
    """The fewest point units that pass the gate (``ceil(gate * possible)``)."""
    criteria: tuple[tuple[Criterion, int, Fraction], ...]
    """Each criterion, its points in point units, and what it adds to the 0-100 total."""


@dataclass(frozen=True)
class _Exact:
    """A criteria set in integer units, computed once per set (see ``_exact_form``)."""

    units: int
    """Score units per point of the 0-100 total."""
    sections: tuple[_ExactSection, ...]
    band_tenths: tuple[int, ...]
    """Each band's min as the lowest rounded score (in tenths) that reaches it."""


_FORMS: dict[int, tuple[Criteria, _Exact]] = {}


def _exact_form(criteria: Criteria) -> _Exact:
    """The integer form of ``criteria``, cached by identity (a loaded set is never changed)."""
    found = _FORMS.get(id(criteria))
    if found is not None and found[0] is criteria:
        return found[1]
    total_weight = sum(exact(s.weight) for s in criteria.sections)
    points = [[exact(c.points) for c in s.criteria] for s in criteria.sections]
    denominators = [math.lcm(*(p.denominator for p in ps)) for ps in points]
    units = [[int(p * d) for p in ps] for ps, d in zip(points, denominators, strict=True)]
    # A point unit of section s is worth 100 * weight_s / (total weight * possible units).
    worth = [
        100 * exact(s.weight) / (total_weight * sum(us))
        for s, us in zip(criteria.sections, units, strict=True)
    ]
    score_units = math.lcm(*(w.denominator for w in worth))
    sections = []
    for s, us, d, w in zip(criteria.sections, units, denominators, worth, strict=True):
        scale = int(w * score_units)
        possible = sum(us)
        sections.append(
            _ExactSection(
                section=s,
                denominator=d,
                possible=possible,
                scale=scale,
                gate_need=None if s.gate is None else math.ceil(exact(s.gate) * possible),
                criteria=tuple(
                    (c, u, Fraction(u * scale, score_units))
                    for c, u in zip(s.criteria, us, strict=True)
                ),
            )
        )
    form = _Exact(
        units=score_units,
        sections=tuple(sections),
        band_tenths=tuple(math.ceil(exact(b.min) * _TENTHS) for b in criteria.bands),
    )
    if len(_FORMS) >= 64:
        _FORMS.clear()
    _FORMS[id(criteria)] = (criteria, form)
    return form


@lru_cache(maxsize=65536)
def _ratio(numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)``, made once for each pair: towns share a few
    section totals, and a fraction is immutable."""
    return Fraction(numerator, denominator)


def _rounded_tenths(score_units: int, units: int) -> int:
    """``score_units / units`` in tenths, rounded half up: floor(10 x + 1/2)."""
    return (2 * _TENTHS * score_units + units) // (2 * units)


def assess(criteria: Criteria, profile: Profile, *, profile_file: str | None = None) -> Assessment:
    # The criteria read the profile's substance: too-short text, repeated entries and
    # strategy claims beyond the actions are set aside, each with a finding.
    sources = evidence_map(profile)
    profile, findings = substantive(profile, frozenset(s.id for s in criteria.strategies))
    form = _exact_form(criteria)
    sections: list[SectionResult] = []
    results: list[CriterionResult] = []
    earned_units: list[int] = []
    total = 0
    gates_passed = True
    for part in form.sections:
        section = part.section
        earned = unknown_units = 0
        unknown_facts: set[tuple[str | int, ...]] = set()
        required_unmet: list[str] = []
        required_unknown: list[str] = []
        for criterion, points, adds in part.criteria:
            outcome = criterion.check.evaluate(profile)
            met = outcome.status == "met"
            if met:
                earned += points
            elif outcome.status == "unknown":
                unknown_units += points
                # The facts marked unknown; a list item still undecided counts as one fact.
                unknown_facts |= {e.loc for e in outcome.evidence if e.text == "unknown"} or {
                    ("criterion", criterion.id)
                }
            if criterion.required and not met:
                (required_unknown if outcome.status == "unknown" else required_unmet).append(
                    criterion.id
                )
            results.append(
                CriterionResult(
                    id=criterion.id,
                    section=section.id,
                    label=criterion.label,
                    official=criterion.official,
                    status=outcome.status,
                    earned=criterion.points if met else 0.0,
                    possible=criterion.points,
                    adds=adds,
                    evidence=outcome.evidence,
                    recommendation=criterion.recommendation,
                    basis=criterion.basis,
                    required=criterion.required,
                    evidenced=None
                    if outcome.status != "met"
                    else all(sources.evidenced(e.loc) for e in outcome.evidence),
                )
            )
        total += earned * part.scale
        earned_units.append(earned)
        if part.gate_need is not None and (
            earned < part.gate_need or required_unmet or required_unknown
        ):
            gates_passed = False
        sections.append(
            SectionResult(
                id=section.id,
                kind=section.kind,
                label=section.label,
                official=section.official,
                weight=section.weight,
                earned=_ratio(earned, part.denominator),
                possible=_ratio(part.possible, part.denominator),
                gate=section.gate,
                contribution=_ratio(earned * part.scale, form.units),
                unknown_points=_ratio(unknown_units, part.denominator),
                unknown_facts=len(unknown_facts),
                required_unmet=tuple(required_unmet),
                required_unknown=tuple(required_unknown),
            )
        )
    tenths = _rounded_tenths(total, form.units)
    coverage = _coverage(results)
    band_index = _band_index(criteria.bands, form.band_tenths, tenths, gates_passed, coverage)
    municipality = profile.municipality
    return Assessment(
        profile_file=profile_file,
        municipality=municipality.name,
        municipality_en=municipality.name_en,
        code=municipality.code,
        bureau=municipality.served_by,
        fictional=profile.fictional,
        as_of=profile.as_of.isoformat(),
        criteria_id=criteria.id,
        criteria_version=criteria.version,
        score=tenths / _TENTHS,
        band=_ref(criteria.bands[band_index]),
        band_rank=band_index,
        gates_passed=gates_passed,
        sections=tuple(sections),
        criteria=tuple(results),
        strategy_label=criteria.strategy_label,
        strategy_fit=_strategy_fit(criteria, profile),
        unmatched_strategies=_unmatched(criteria, profile),
        next_band=_next_band(
            bands=criteria.bands,
            form=form,
            index=band_index,
            total=total,
            earned_units=earned_units,
            results=results,
        ),
        cautions=_caution_texts(criteria, profile, profile.municipality.served_by),
        findings=findings,
        group_name=profile.group.name if profile.group else None,
        group_members=_members(profile),
    )


def _ref(band: Band) -> BandRef:
    return BandRef(band.id, band.label, band.min)


def _needs_gates(bands: list[Band], index: int) -> bool:
    return index == 0 or bands[index].requires_gates


def _coverage(results: list[CriterionResult]) -> Fraction:
    """The share of earned points whose facts a cited source backs (exact; 0 if none)."""
    earned = sum((Fraction(r.possible) for r in results if r.status == "met"), Fraction(0))
    backed = sum((Fraction(r.possible) for r in results if r.evidenced), Fraction(0))
    return backed / earned if earned else Fraction(0)


def _band_index(
    bands: list[Band], mins: tuple[int, ...], tenths: int, gates_passed: bool, coverage: Fraction
) -> int:
    for index, least in enumerate(mins):
        wanted = bands[index].min_evidence
        evidenced = wanted is None or coverage >= Fraction(str(wanted))
        if tenths >= least and (gates_passed or not _needs_gates(bands, index)) and evidenced:
            return index
    return len(bands) - 1


def _next_band(
    *,
    bands: list[Band],
    form: _Exact,
    index: int,
    total: int,
    earned_units: list[int],
    results: list[CriterionResult],
) -> NextBand | None:
    """The fewest gaps that lift the town one band (see :mod:`readiness.scoring.plan`).

    The town reaches the next band when its score reaches that band's min with the gates the
    band needs, or reaches a band above it that needs no gate: both ways are searched and the
    better plan (fewest gaps, then most points, then file order) is given.
    """
    if index == 0:
        return None
    target = index - 1
    units = form.units

    def need(band: int) -> int:
        # The fewest score units whose rounded total reaches the band: floor(10 x + 1/2) >= min.
        least = form.band_tenths[band]
        return -((units - 2 * least * units) // (2 * _TENTHS)) - total

    gaps: list[Gap] = []
    required: dict[int, list[int]] = {}
    position = 0
    for g, part in enumerate(form.sections):
        for criterion, points, _ in part.criteria:
            if results[position].status != "met":
                gaps.append(Gap(position, g, points, points * part.scale))
                if criterion.required and part.gate_need is not None:
                    required.setdefault(g, []).append(position)
            position += 1
    # A gate the band needs: enough points, and every required criterion of the section met.
    gate_needs: dict[int, int] = {}
    mandatory: set[int] = set()
    if _needs_gates(bands, target):
        for g, (part, earned) in enumerate(zip(form.sections, earned_units, strict=True)):
            if part.gate_need is not None and (earned < part.gate_need or g in required):
                gate_needs[g] = part.gate_need - earned
                mandatory |= set(required.get(g, ()))
    value = {gap.index: gap.value for gap in gaps}
    plans = [(fewest_gaps(gaps, need(target), gate_needs, mandatory), tuple(sorted(gate_needs)))]
    if gate_needs:
        free = next((j for j in range(target - 1, 0, -1) if not _needs_gates(bands, j)), None)
        if free is not None:
            plans.append((fewest_gaps(gaps, need(free), {}), ()))
    found = [(chosen, gates) for chosen, gates in plans if chosen is not None]
    chosen, gates = min(
        found, key=lambda p: (len(p[0]), -sum(value[i] for i in p[0]), p[0]), default=(None, ())
    )
    ids = set() if chosen is None else {results[i].id for i in chosen}
    tenths = _rounded_tenths(total, units)
    return NextBand(
        band=_ref(bands[target]),
        points_needed=max(0, form.band_tenths[target] - tenths) / _TENTHS,
        gaps=tuple(r.id for r in rank_gaps(results) if r.id in ids),  # in gap order
        gates=tuple(form.sections[g].section.id for g in gates),
        reachable=chosen is not None,
        min_evidence=bands[target].min_evidence,
    )


def _initiatives(profile: Profile) -> list[tuple[str, list[str]]]:
    if not isinstance(profile.initiatives, list):
        return []
    return [(i.id, i.serves) for i in profile.initiatives]


def _strategy_fit(criteria: Criteria, profile: Profile) -> tuple[StrategyFit, ...]:
    initiatives = _initiatives(profile)
    return tuple(
        StrategyFit(s.id, s.label, tuple(i for i, serves in initiatives if s.id in serves))
        for s in criteria.strategies
    )


def _unmatched(criteria: Criteria, profile: Profile) -> tuple[str, ...]:
    known = {s.id for s in criteria.strategies}
    named = {s for _, serves in _initiatives(profile) for s in serves}
    return tuple(sorted(named - known))
