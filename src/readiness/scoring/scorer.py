"""Score a profile against a criteria set: a pure, deterministic function.

Each section (condition or factor) contributes ``weight / total weight * 100`` times the share
of its criteria points earned.  A criterion earns its points only when its check is ``met``;
``unmet`` and ``unknown`` earn nothing.  The top band, and any band marked ``requires_gates``,
is reached only while every section gate passes.

Arithmetic is exact: points, weights, gates and band minimums are read as the decimals written
(:func:`readiness.scoring.points.exact`), every contribution is an integer count of one fixed
unit per criteria set, and the score is rounded once, half up, to one decimal.  That rounded
number decides the band and the thresholds: what a user reads is what was compared, and no
order of sections or criteria can change it.

The set is compiled once (:mod:`readiness.scoring.compiled`): per town, only the check plans
run and the town's own results are made; what depends only on which criteria it meets (totals,
gates, the plan to the next band, section results) is worked out once and shared.
``tests/reference_scorer.py`` keeps the scorer as first written, which this one must equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache, partial
from typing import Any, TypeVar

from readiness.criteria.model import Criteria
from readiness.profile.bilingual import Text
from readiness.profile.evidence import evidence_map
from readiness.profile.model import Profile
from readiness.profile.substance import substantive
from readiness.scoring.assessment import (
    NEXT_BAND_LATER,
    Assessment,
    CriterionResult,
    GroupMember,
    NextBand,
    SectionResult,
    StrategyFit,
    Units,
)
from readiness.scoring.compiled import TENTHS, Compiled, compiled
from readiness.scoring.plan import fewest_gaps

_T = TypeVar("_T")
_new = object.__new__
_set = object.__setattr__


def _made(cls: type[_T], fields: dict[str, Any]) -> _T:
    """An instance of the frozen dataclass ``cls`` holding ``fields`` (every field, by name).

    The generated ``__init__`` of a frozen dataclass sets each field through
    ``object.__setattr__``: with a dozen results of a dozen fields per town, that was a tenth of
    the scoring.  The instance is the same as ``cls(**fields)`` (no ``__post_init__`` runs)."""
    made = _new(cls)
    _set(made, "__dict__", fields)
    return made


@lru_cache(maxsize=65536)
def _ratio(numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)``, made once for each pair: towns share a few
    section totals, and a fraction is immutable."""
    return Fraction(numerator, denominator)


def _rounded_tenths(score_units: int, units: int) -> int:
    """``score_units / units`` in tenths, rounded half up: floor(10 x + 1/2)."""
    return (2 * TENTHS * score_units + units) // (2 * units)


def assess(criteria: Criteria, profile: Profile, *, profile_file: str | None = None) -> Assessment:
    form = compiled(criteria)
    # The criteria read the profile's substance: too-short text, repeated entries and
    # strategy claims beyond the actions are set aside, each with a finding.
    sources = evidence_map(profile)
    profile, findings = substantive(profile, form.strategies)
    backed_by = sources.evidenced if sources.cited else None
    results: list[CriterionResult] = []
    statuses: list[str] = []
    unknown_at: dict[int, set[tuple[str | int, ...]]] = {}
    earned_cover = backed_cover = 0
    seen: dict[str, Any] = {}  # shared by the plans of this profile
    for item in form.items:
        status, evidence = item.plan(profile, seen)
        if status == "met":
            # Backed when a cited source covers every fact that met it (none cited: none is).
            evidenced: bool | None = (
                not evidence if backed_by is None else all(backed_by(e.loc) for e in evidence)
            )
            earned_cover += item.coverage
            if evidenced:
                backed_cover += item.coverage
            earned = item.criterion.points
        else:
            evidenced = None
            earned = 0.0
            if status == "unknown":
                # The facts marked unknown; a list item still undecided counts as one fact.
                unknown_at.setdefault(item.section, set()).update(
                    {e.loc for e in evidence if e.text == "unknown"}
                    or {("criterion", item.criterion.id)}
                )
        statuses.append(status)
        result = _made(
            CriterionResult,
            {
                **item.result,
                "status": status,
                "earned": earned,
                "evidence": evidence,
                "evidenced": evidenced,
            },
        )
        results.append(result)
    met = tuple(s == "met" for s in statuses)
    shared = form.outcomes.get(met)
    if shared is None:
        shared = form.remember_outcome(met, _shared(form, met))
    tenths = shared.tenths
    band_index = _band_index(form, tenths, shared.gates_passed, earned_cover, backed_cover)
    municipality = profile.municipality
    bureau = municipality.served_by
    fields = {
        "profile_file": profile_file,
        "municipality": municipality.name,
        "municipality_en": municipality.name_en,
        "code": municipality.code,
        "bureau": bureau,
        "fictional": profile.fictional,
        "as_of": profile.as_of.isoformat(),
        "criteria_id": criteria.id,
        "criteria_version": criteria.version,
        "score": tenths / TENTHS,
        "band": form.levels[band_index].ref,
        "band_rank": band_index,
        "gates_passed": shared.gates_passed,
        "sections": _sections(form, statuses, shared.earned_units, unknown_at),
        "criteria": tuple(results),
        "strategy_label": criteria.strategy_label,
        "strategy_fit": _strategy_fit(form, profile),
        "unmatched_strategies": _unmatched(form, profile),
        "cautions": _cautions(form, profile, bureau),
        "findings": findings,
        "group_name": profile.group.name if profile.group else None,
        "group_members": _members(profile),
        "_units": shared.units,
    }
    next_band = shared.next_bands.get(band_index, _UNSET)
    if next_band is _UNSET:
        fields[NEXT_BAND_LATER] = partial(_shared_next_band, form, band_index, shared)
    else:
        fields["next_band"] = next_band
    return _made(Assessment, fields)


_UNSET = object()


def _shared_next_band(form: Compiled, band_index: int, shared: _Shared) -> NextBand | None:
    """The plan to the next band from ``band_index``, worked out once for every town that
    shares ``shared``."""
    found = shared.next_bands.get(band_index, _UNSET)
    if found is _UNSET:
        found = shared.next_bands[band_index] = _next_band(form, band_index, shared)
    return found  # type: ignore[return-value]


@dataclass
class _Shared:
    """What every town that meets the same criteria shares."""

    met: tuple[bool, ...]
    total: int
    """The score in score units."""
    tenths: int
    earned_units: tuple[int, ...]
    """Each section's points, in its point units."""
    gates_passed: bool
    """Every gate passes: its share of points reached, and its required criteria met."""
    units: Units
    next_bands: dict[int, NextBand | None]
    """The plan to the next band, by the band reached (which also depends on evidence)."""


def _shared(form: Compiled, met: tuple[bool, ...]) -> _Shared:
    items = form.items
    earned_units = []
    total = 0
    gates = True
    for part in form.parts:
        span = range(part.start, part.stop)
        earned = sum(items[i].units for i in span if met[i])
        earned_units.append(earned)
        total += earned * part.scale
        if part.gate_need is not None and (
            earned < part.gate_need or any(items[i].gated and not met[i] for i in span)
        ):
            gates = False
    # Largest value first; reverse=True keeps equal values in file order, as rank_gaps does.
    gaps = sorted((i for i, m in enumerate(met) if not m), key=form.adds.__getitem__, reverse=True)
    return _Shared(
        met=met,
        total=total,
        tenths=_rounded_tenths(total, form.units),
        earned_units=tuple(earned_units),
        gates_passed=gates,
        units=Units(form.units, form.adds, tuple(gaps)),
        next_bands={},
    )


def _sections(
    form: Compiled,
    statuses: list[str],
    earned_units: tuple[int, ...],
    unknown_at: dict[int, set[tuple[str | int, ...]]],
) -> tuple[SectionResult, ...]:
    """Each section's result, shared by the towns whose criteria there have the same statuses
    (and as many facts unknown): far more of them than meet the same criteria overall."""
    sections = []
    for g, part in enumerate(form.parts):
        own = tuple(statuses[part.start : part.stop])
        unknown_facts = len(unknown_at.get(g, ()))
        key = ("section", g, own, unknown_facts)
        section = form.memo.get(key)
        if section is None:
            section = form.remember(key, _section(form, g, own, earned_units[g], unknown_facts))
        sections.append(section)
    return tuple(sections)


def _section(
    form: Compiled, g: int, own: tuple[str, ...], earned: int, unknown_facts: int
) -> SectionResult:
    """Section ``g``'s result, ``own`` being the statuses of its criteria."""
    part = form.parts[g]
    items = form.items[part.start : part.stop]
    unknown = sum(item.units for item, s in zip(items, own, strict=True) if s == "unknown")
    required = [
        (item.criterion.id, s)
        for item, s in zip(items, own, strict=True)
        if item.criterion.required and s != "met"
    ]
    return _made(
        SectionResult,
        {
            **part.result,
            "earned": _ratio(earned, part.denominator),
            "contribution": _ratio(earned * part.scale, form.units),
            "unknown_points": _ratio(unknown, part.denominator),
            "unknown_facts": unknown_facts,
            "required_unmet": tuple(i for i, s in required if s != "unknown"),
            "required_unknown": tuple(i for i, s in required if s == "unknown"),
        },
    )


def _members(profile: Profile) -> tuple[GroupMember, ...]:
    if profile.group is None:
        return ()
    return tuple(
        GroupMember(m.name, m.name_en, m.code, m.prefecture, m.served_by)
        for m in profile.group.members
    )


def _bureau_ja(bureau: str) -> str:
    """A bureau's Japanese name (東北経済産業局), not its id, for Japanese text."""
    from readiness.profile.localgov import BUREAU_NAMES

    return BUREAU_NAMES[bureau][0] if bureau in BUREAU_NAMES else f"{bureau}局"


def _cautions(form: Compiled, profile: Profile, bureau: str) -> tuple[Text, ...]:
    """What to read with care, the same for every town of one bureau, date and group."""
    members = profile.group.members if profile.group else ()
    key = (
        "cautions",
        bureau,
        profile.as_of,
        tuple((m.name, m.prefecture, m.served_by) for m in members),
    )
    found = form.memo.get(key)
    if found is None:
        found = form.remember(key, _caution_texts(form.criteria, profile, bureau))
    return found  # type: ignore[no-any-return]


def _caution_texts(criteria: Criteria, profile: Profile, bureau: str) -> tuple[Text, ...]:
    found = []
    if criteria.synthesis is not None:
        found.append(criteria.synthesis)
    if criteria.bureau is None:
        found.append(
            Text(
                ja=f"この評価基準（{criteria.id}）は他の評価基準の土台で、どの局のものでもありません。",
                en=f"These criteria ({criteria.id}) are a base for other sets, no bureau's.",
            )
        )
    elif criteria.bureau != bureau:
        found.append(
            Text(
                ja=f"この評価基準（{criteria.id}）は{_bureau_ja(criteria.bureau)}のものです。"
                f"この自治体を所管するのは{_bureau_ja(bureau)}です。",
                en=f"These criteria ({criteria.id}) are the {criteria.bureau} bureau's; "
                f"this town is served by the {bureau} bureau.",
            )
        )
    for member in profile.group.members if profile.group else ():
        if member.served_by != bureau:
            found.append(
                Text(
                    ja=f"グループの{member.name}（{member.prefecture}）を所管するのは"
                    f"{_bureau_ja(member.served_by)}で、代表の自治体を所管する"
                    f"{_bureau_ja(bureau)}ではありません。"
                    "グループは代表の自治体の局の評価基準で評価され、"
                    f"{_bureau_ja(member.served_by)}の条件や重点は反映されていません。",
                    en=f"Group member {member.name} ({member.prefecture}) is served by the "
                    f"{member.served_by} bureau, not the lead town's {bureau} bureau: the group "
                    f"is scored under the lead town's criteria, and the {member.served_by} "
                    "bureau's conditions and priorities are not reflected.",
                )
            )
    as_of, period = profile.as_of, criteria.period
    if period.end and as_of > period.end:
        found.append(
            Text(
                ja=f"この評価基準（{criteria.id}）の対象期間は{period.end}に終わっています"
                f"（プロファイルの時点は{as_of}）。局がその後に新しい条件や重点を公表して"
                "いないか確かめてください。",
                en=f"These criteria ({criteria.id}) ended on {period.end}, before the date the "
                f"profile describes ({as_of}): they may be stale; check whether the bureau has "
                "published newer conditions or priorities.",
            )
        )
    elif period.start and as_of < period.start:
        span = f"{period.start} – {period.end or '…'}"
        found.append(
            Text(
                ja=f"プロファイルの時点（{as_of}）は評価基準の対象期間（{span}）より前です。",
                en=f"The profile describes {as_of}, before the criteria's period ({span}).",
            )
        )
    return tuple(found)


def _band_index(form: Compiled, tenths: int, gates_passed: bool, earned: int, backed: int) -> int:
    """The first band whose min the rounded score reaches, with the gates it needs and the
    share of earned points a cited source backs (``backed / earned``, 0 when none earned)."""
    for index, level in enumerate(form.levels):
        if tenths < level.tenths or (level.needs_gates and not gates_passed):
            continue
        if level.evidence is not None:
            numerator, denominator = level.evidence
            share_reached = backed * denominator >= numerator * earned if earned else numerator <= 0
            if not share_reached:
                continue
        return index
    return len(form.levels) - 1


def _next_band(form: Compiled, index: int, shared: _Shared) -> NextBand | None:
    """The fewest gaps that lift the town one band (see :mod:`readiness.scoring.plan`).

    The town reaches the next band when its score reaches that band's min with the gates the
    band needs, or reaches a band above it that needs no gate: both ways are searched and the
    better plan (fewest gaps, then most points, then file order) is given.
    """
    if index == 0:
        return None
    target = index - 1
    units = form.units
    levels = form.levels
    total, earned_units, met = shared.total, shared.earned_units, shared.met

    def need(band: int) -> int:
        # The fewest score units whose rounded total reaches the band: floor(10 x + 1/2) >= min.
        least = levels[band].tenths
        return -((units - 2 * least * units) // (2 * TENTHS)) - total

    items = form.items
    gaps = [item.gap for item, m in zip(items, met, strict=True) if not m]
    required: dict[int, list[int]] = {}
    for gap in gaps:
        if items[gap.index].gated:
            required.setdefault(gap.group, []).append(gap.index)
    # A gate the band needs: enough points, and every required criterion of the section met.
    gate_needs: dict[int, int] = {}
    mandatory: set[int] = set()
    if levels[target].needs_gates:
        for g, (part, earned) in enumerate(zip(form.parts, earned_units, strict=True)):
            if part.gate_need is not None and (earned < part.gate_need or g in required):
                gate_needs[g] = part.gate_need - earned
                mandatory |= set(required.get(g, ()))
    value = {gap.index: gap.value for gap in gaps}
    plans = [(fewest_gaps(gaps, need(target), gate_needs, mandatory), tuple(sorted(gate_needs)))]
    if gate_needs:
        free = next((j for j in range(target - 1, 0, -1) if not levels[j].needs_gates), None)
        if free is not None:
            plans.append((fewest_gaps(gaps, need(free), {}), ()))
    found = [(chosen, gates) for chosen, gates in plans if chosen is not None]
    chosen, gates = min(
        found, key=lambda p: (len(p[0]), -sum(value[i] for i in p[0]), p[0]), default=(None, ())
    )
    ids = set() if chosen is None else {items[i].criterion.id for i in chosen}
    ranked = (items[i].criterion.id for i in shared.units.gaps)  # in gap order
    band = form.criteria.bands[target]
    return NextBand(
        band=levels[target].ref,
        points_needed=max(0, levels[target].tenths - shared.tenths) / TENTHS,
        gaps=tuple(i for i in ranked if i in ids),
        gates=tuple(form.parts[g].section.id for g in gates),
        reachable=chosen is not None,
        min_evidence=band.min_evidence,
    )


def _strategy_fit(form: Compiled, profile: Profile) -> tuple[StrategyFit, ...]:
    strategies = form.criteria.strategies
    if not strategies:
        return ()
    initiatives = profile.initiatives if isinstance(profile.initiatives, list) else ()
    fits = []
    for k, s in enumerate(strategies):
        serving = tuple(i.id for i in initiatives if s.id in i.serves)
        key = ("fit", k, serving)
        fit = form.memo.get(key)
        if fit is None:
            fit = form.remember(key, StrategyFit(s.id, s.label, serving))
        fits.append(fit)
    return tuple(fits)


def _unmatched(form: Compiled, profile: Profile) -> tuple[str, ...]:
    if not isinstance(profile.initiatives, list):
        return ()
    named = {s for i in profile.initiatives for s in i.serves}
    return tuple(sorted(named - form.strategies))
