"""Score a profile against a criteria set: a pure, deterministic function.

Each section (condition or factor) contributes ``weight / total weight * 100`` times the share
of its criteria points earned.  A criterion earns its points only when its check is ``met``;
``unmet`` and ``unknown`` earn nothing.  The top band, and any band marked ``requires_gates``,
is reached only while every section gate passes.

The score is rounded to one decimal, the precision every report shows, and that rounded
number decides the band and the thresholds: what a user reads is what was compared.
"""

from __future__ import annotations

from readiness.criteria.model import Band, Criteria
from readiness.profile.bilingual import Text
from readiness.profile.model import Profile
from readiness.profile.substance import substantive
from readiness.scoring.assessment import (
    Assessment,
    BandRef,
    CriterionResult,
    GroupMember,
    NextBand,
    SectionResult,
    StrategyFit,
    rank_gaps,
)

_EPS = 1e-9
SCORE_DECIMALS = 1


def assess(criteria: Criteria, profile: Profile, *, profile_file: str | None = None) -> Assessment:
    # The criteria read the profile's substance: too-short text, repeated entries and
    # strategy claims beyond the actions are set aside, each with a finding.
    profile, findings = substantive(profile, frozenset(s.id for s in criteria.strategies))
    total_weight = sum(s.weight for s in criteria.sections)
    sections: list[SectionResult] = []
    results: list[CriterionResult] = []
    for section in criteria.sections:
        possible = sum(c.points for c in section.criteria)
        scale = section.weight / total_weight * 100 / possible
        earned = unknown_points = 0.0
        unknown_facts: set[tuple[str | int, ...]] = set()
        required_unmet: list[str] = []
        required_unknown: list[str] = []
        for criterion in section.criteria:
            outcome = criterion.check.evaluate(profile)
            got = criterion.points if outcome.status == "met" else 0.0
            earned += got
            if outcome.status == "unknown":
                unknown_points += criterion.points
                # The facts marked unknown; a list item still undecided counts as one fact.
                unknown_facts |= {e.loc for e in outcome.evidence if e.text == "unknown"} or {
                    ("criterion", criterion.id)
                }
            if criterion.required and outcome.status != "met":
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
                    earned=got,
                    possible=criterion.points,
                    adds=criterion.points * scale,
                    evidence=outcome.evidence,
                    recommendation=criterion.recommendation,
                    basis=criterion.basis,
                    required=criterion.required,
                )
            )
        sections.append(
            SectionResult(
                id=section.id,
                kind=section.kind,
                label=section.label,
                official=section.official,
                weight=section.weight,
                earned=earned,
                possible=possible,
                gate=section.gate,
                contribution=earned * scale,
                unknown_points=unknown_points,
                unknown_facts=len(unknown_facts),
                required_unmet=tuple(required_unmet),
                required_unknown=tuple(required_unknown),
            )
        )
    # Rounding away float noise keeps reports identical however the sum is ordered.
    score = round(sum(s.contribution for s in sections), SCORE_DECIMALS)
    gates_passed = all(s.gate_passed is not False for s in sections)
    band_index = _band_index(criteria.bands, score, gates_passed)
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
        score=score,
        band=_ref(criteria.bands[band_index]),
        band_rank=band_index,
        gates_passed=gates_passed,
        sections=tuple(sections),
        criteria=tuple(results),
        strategy_label=criteria.strategy_label,
        strategy_fit=_strategy_fit(criteria, profile),
        unmatched_strategies=_unmatched(criteria, profile),
        next_band=_next_band(criteria.bands, band_index, score, sections, results),
        cautions=_cautions(criteria, profile),
        findings=findings,
        group_name=profile.group.name if profile.group else None,
        group_members=_members(profile),
    )


def _members(profile: Profile) -> tuple[GroupMember, ...]:
    if profile.group is None:
        return ()
    return tuple(
        GroupMember(m.name, m.name_en, m.code, m.prefecture, m.served_by)
        for m in profile.group.members
    )


def _cautions(criteria: Criteria, profile: Profile) -> tuple[Text, ...]:
    bureau = profile.municipality.served_by
    found = []
    if criteria.bureau != bureau:
        found.append(
            Text(
                ja=f"この評価基準（{criteria.id}）は{criteria.bureau}局のものです。"
                f"この自治体を所管するのは{bureau}局です。",
                en=f"These criteria ({criteria.id}) are the {criteria.bureau} bureau's; "
                f"this town is served by the {bureau} bureau.",
            )
        )
    for member in profile.group.members if profile.group else ():
        if member.served_by != bureau:
            found.append(
                Text(
                    ja=f"グループの{member.name}（{member.prefecture}）を所管するのは"
                    f"{member.served_by}局で、代表の自治体を所管する{bureau}局ではありません。"
                    "グループは代表の自治体の局の評価基準で評価され、"
                    f"{member.served_by}局の条件や重点は反映されていません。",
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


def _ref(band: Band) -> BandRef:
    return BandRef(band.id, band.label, band.min)


def _needs_gates(bands: list[Band], index: int) -> bool:
    return index == 0 or bands[index].requires_gates


def _band_index(bands: list[Band], score: float, gates_passed: bool) -> int:
    for index, band in enumerate(bands):
        if score + _EPS >= band.min and (gates_passed or not _needs_gates(bands, index)):
            return index
    return len(bands) - 1


def _next_band(
    bands: list[Band],
    index: int,
    score: float,
    sections: list[SectionResult],
    results: list[CriterionResult],
) -> NextBand | None:
    """The fewest gaps, largest first, that would lift the town one band."""
    if index == 0:
        return None
    target = index - 1
    band = bands[target]
    open_ = rank_gaps(results)
    chosen: list[CriterionResult] = []
    gates: list[str] = []
    if _needs_gates(bands, target):
        for section in sections:
            if section.gate_passed is not False:
                continue
            gates.append(section.id)
            earned = section.earned
            for r in open_:  # the section's required criteria first, then the largest gaps
                if r.section == section.id and r.required:
                    chosen.append(r)
                    earned += r.possible
            for r in open_:
                if earned + _EPS >= section.gate * section.possible:  # type: ignore[operator]
                    break
                if r.section == section.id and r not in chosen:
                    chosen.append(r)
                    earned += r.possible
    reached = score + sum(r.adds for r in chosen)
    for r in open_:
        if reached + _EPS >= band.min:
            break
        if r not in chosen:
            chosen.append(r)
            reached += r.adds
    return NextBand(
        band=_ref(band),
        points_needed=max(0.0, round(band.min - score, SCORE_DECIMALS)),
        gaps=tuple(r.id for r in open_ if r in chosen),  # in gap order
        gates=tuple(gates),
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
