"""What a batch keeps of each town: a small summary, and only the details the reports need.

A batch over every municipality keeps one result per town until the ranking is known, so what
each result holds decides the batch's memory.  The ranked table needs a town's name, code,
score, band, gates, cautions and first gap; formats that list every gap, its place in the file
or each section's points ask for them through :class:`Keep`, and only then are they kept.

What towns have in common is kept once: a gap without its evidence is the same for every town
that misses that criterion (one shared object), and so are band references, section ids,
cautions and the messages of findings.  Evidence text is kept only for the JSON report.
"""

from __future__ import annotations

import sys
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, TypeVar

from readiness.criteria.checks import Evidence
from readiness.profile.bilingual import Text
from readiness.profile.substance import Finding
from readiness.scoring.assessment import (
    Assessment,
    BandRef,
    CriterionResult,
    GateStatus,
    GroupMember,
    NextBand,
    SectionResult,
)

if TYPE_CHECKING:
    from readiness.criteria.model import Criteria

Position = tuple[int, int]
_T = TypeVar("_T", bound=Hashable)


@dataclass(frozen=True)
class Keep:
    """What of each town the reports asked for need, beyond the ranking's summary."""

    gaps: bool = False
    """Every gap, ranked (the summary has only the first and the count)."""
    evidence: bool = False
    """Each gap's evidence: where in the profile, and what it says (JSON)."""
    positions: bool = False
    """The line and column in the file of each gap (SARIF, GitHub annotations)."""
    sections: bool = False
    """Each section's points (the workbook's per-criteria sheets)."""
    findings: bool = False
    """What the substance rules set aside, located in the file."""
    next_band: bool = False
    """The plan to the next band."""
    coverage: bool = False
    """The share of the earned points a cited source backs."""
    reading: bool = False
    """The points earned by criteria that are this project's reading."""
    seconds: bool = False
    """How long reading and scoring each file took (JUnit's ``time``)."""

    def __or__(self, other: Keep) -> Keep:
        return Keep(*(getattr(self, f.name) or getattr(other, f.name) for f in fields(Keep)))

    @property
    def details(self) -> bool:
        """Whether anything beyond the summary is kept."""
        return any(getattr(self, f.name) for f in fields(Keep))


SUMMARY = Keep()
"""Nothing beyond the summary: what the ranked table (and the HTML index, the CSV) show."""
EVERYTHING = Keep(*(True for _ in fields(Keep)))
"""All of it: a shard's report carries each town whole, for ``batch --merge``."""


class NotKeptError(LookupError):
    """A report read a detail that the run did not keep (its format did not ask for it)."""


@dataclass(frozen=True, slots=True)
class Details:
    """The details of one town that the run keeps (see :class:`Keep`)."""

    keep: Keep
    gaps: tuple[CriterionResult, ...] = ()
    where: tuple[Position, ...] = ()
    """1-based (line, column) of each gap's first evidence; (1, 1) when it has none."""
    sections: tuple[SectionResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    next_band: NextBand | None = None
    evidence_coverage: float = 0.0
    reading_points: float = 0.0
    seconds: float = field(default=0.0, compare=False)


@dataclass(frozen=True, slots=True)
class Scored:
    """One town's result, reduced to what the batch's reports need."""

    path: str
    municipality: str
    municipality_en: str | None
    code: str
    bureau: str
    fictional: bool
    criteria_id: str
    criteria_version: str
    score: float
    band: BandRef
    band_rank: int
    gates_passed: bool
    failed_sections: tuple[str, ...] = ()
    """Sections of the criteria whose own gate failed on stated facts."""
    unshown_sections: tuple[str, ...] = ()
    """Sections whose gate is not yet shown: it would pass if the unknown facts were confirmed."""
    failures: tuple[str, ...] = ()
    """Why the town misses the gate the run asked for (empty when it passes or none was asked)."""
    cautions: tuple[Text, ...] = ()
    """What ``assess`` cautions about: criteria of another bureau, a date outside their period."""
    group_members: tuple[GroupMember, ...] = ()
    """A group profile's other members (the town above leads the group)."""
    gap_count: int = 0
    first_gap: CriterionResult | None = None
    """The gap that would add most (without its evidence)."""
    section_labels: Mapping[str, Text] | None = None
    """Every section's label by id (shared by the towns of one criteria set)."""
    details: Details | None = None

    @property
    def passed(self) -> bool:
        return not self.failures

    def _kept(self, what: str) -> Details:
        d = self.details
        if d is None or not getattr(d.keep, what):
            raise NotKeptError(f"the batch did not keep the {what} of {self.path}")
        return d

    @property
    def gaps(self) -> tuple[CriterionResult, ...]:
        """Criteria not met, ranked by the points each would add; without their evidence
        unless the run keeps it (:meth:`gaps_with_evidence`)."""
        return self._kept("gaps").gaps

    def gaps_with_evidence(self) -> tuple[CriterionResult, ...]:
        return self._kept("evidence").gaps

    def located_gaps(self) -> Iterator[tuple[CriterionResult, Position]]:
        """Each gap with the line and column of its first evidence in the file."""
        where = self._kept("positions").where
        return zip(self.gaps, where, strict=True)

    @property
    def sections(self) -> tuple[SectionResult, ...]:
        return self._kept("sections").sections

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self._kept("findings").findings

    @property
    def next_band(self) -> NextBand | None:
        return self._kept("next_band").next_band

    @property
    def evidence_coverage(self) -> float:
        """The share (0-1) of the earned points whose facts a cited source backs."""
        return self._kept("coverage").evidence_coverage

    @property
    def reading_points(self) -> float:
        """Points of the score earned by criteria that are this project's reading."""
        return self._kept("reading").reading_points

    @property
    def seconds(self) -> float:
        """How long reading and scoring the file took."""
        return self._kept("seconds").seconds

    def section_label(self, section: str) -> Text | None:
        return None if self.section_labels is None else self.section_labels.get(section)


class Shared:
    """One run's objects that towns have in common, each kept once.

    Keyed by value (an object's identity only while the table holds the object), so that a
    worker process and the parent, or the shards of a merge, share the same way.
    """

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}
        self._texts: dict[tuple[str, str], Text] = {}
        self._gaps: dict[tuple[str, str, Hashable, str], CriterionResult] = {}
        self._with_evidence: dict[
            tuple[int, tuple[Evidence, ...]], tuple[CriterionResult, CriterionResult]
        ] = {}
        self._sets: dict[tuple[str, str], Mapping[str, Text]] = {}
        self._gates: dict[Hashable, GateStatus | None] = {}

    def value(self, value: _T) -> _T:
        """The one kept object equal to ``value`` (tuples of ids, positions, bands)."""
        return self._values.setdefault(value, value)  # type: ignore[no-any-return]

    def text(self, value: Text) -> Text:
        return self._texts.setdefault((value.ja, value.en), value)

    def text_of(self, ja: str, en: str) -> Text:
        """The kept text of ``ja`` and ``en``, made only the first time."""
        found = self._texts.get((ja, en))
        if found is None:
            found = self._texts[ja, en] = Text(ja=ja, en=en)
        return found

    def gap(self, criteria_id: str, r: CriterionResult) -> CriterionResult:
        """The gap ``r`` without its evidence, one object for every town that has it."""
        key = (criteria_id, r.id, _number_key(r.adds), r.status)
        found = self._gaps.get(key)
        if found is None or not _same_but_evidence(found, r):
            found = r if not r.evidence else replace(r, evidence=())
            self._gaps[key] = found
        return found

    def gap_with_evidence(self, criteria_id: str, r: CriterionResult) -> CriterionResult:
        shared = self.gap(criteria_id, r)
        if not r.evidence:
            return shared
        evidence = tuple(self.evidence(e) for e in r.evidence)
        key = (id(shared), evidence)  # the entry holds ``shared``: its id is not reused
        found = self._with_evidence.get(key)
        if found is None:
            found = self._with_evidence[key] = (shared, replace(shared, evidence=evidence))
        return found[1]

    def evidence(self, e: Evidence) -> Evidence:
        return self.value(e)

    def gate_status(self, s: SectionResult) -> GateStatus | None:
        """``s.gate_status``, worked out once for each set of figures (exact arithmetic)."""
        key = (
            s.id, s.gate, _number_key(s.earned), _number_key(s.possible),
            _number_key(s.unknown_points), bool(s.required_unmet), bool(s.required_unknown),
        )  # fmt: skip
        try:
            return self._gates[key]
        except KeyError:
            status = self._gates[key] = s.gate_status
            return status

    def section_labels(self, criteria: Criteria) -> Mapping[str, Text]:
        key = (criteria.id, criteria.version)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = {s.id: s.label for s in criteria.sections}
        return found


def _number_key(value: Any) -> Hashable:
    """Exact numbers as (numerator, denominator): hashing a Fraction costs a modular inverse."""
    numerator = getattr(value, "numerator", None)
    return value if numerator is None else (numerator, value.denominator)


def _same_but_evidence(a: CriterionResult, b: CriterionResult) -> bool:
    """Whether two results of one id, status and worth differ only in their evidence: from the
    same criterion (its own label and advice), with the same points earned."""
    return (
        a.label is b.label
        and a.recommendation is b.recommendation
        and a.section == b.section
        and a.earned == b.earned
        and a.evidenced == b.evidenced
    )


def first_gap(a: Assessment) -> tuple[CriterionResult | None, int]:
    """The gap that would add most (the first in file order among equals) and how many gaps
    there are: ``a.gaps[0]`` and ``len(a.gaps)`` without ranking them all."""
    first: CriterionResult | None = None
    count = 0
    for r in a.criteria:
        if r.status != "met":
            count += 1
            if first is None or r.adds > first.adds:
                first = r
    return first, count


class Summariser:
    """Summaries of one run's towns: what ``keep`` asks for, sharing what towns have in common."""

    def __init__(self, keep: Keep = SUMMARY, shared: Shared | None = None) -> None:
        self.keep = keep
        self.shared = shared or Shared()
        self._details = keep.details

    def __call__(
        self,
        a: Assessment,
        criteria: Criteria,
        failures: tuple[str, ...] = (),
        *,
        where: tuple[Position, ...] = (),
        seconds: float = 0.0,
        findings: tuple[Finding, ...] | None = None,
    ) -> Scored:
        """The summary of ``a``; ``where`` places each gap in the file and ``findings`` are
        the assessment's located (both only when kept)."""
        keep, shared = self.keep, self.shared
        cid = a.criteria_id
        if keep.gaps:
            gaps = a.gaps
            first, count = (gaps[0] if gaps else None), len(gaps)
        else:
            first, count = first_gap(a)
        failed: tuple[str, ...] = ()
        unshown: tuple[str, ...] = ()
        if not a.gates_passed:  # else every section's gate passed: no need to work them out
            gates = [(s.id, shared.gate_status(s)) for s in a.sections]
            failed = shared.value(tuple(i for i, status in gates if status == "failed"))
            unshown = shared.value(tuple(i for i, status in gates if status == "not_yet_shown"))
        return Scored(
            path=a.profile_file or "",
            municipality=sys.intern(a.municipality),
            municipality_en=None if a.municipality_en is None else sys.intern(a.municipality_en),
            code=sys.intern(a.code),
            bureau=sys.intern(a.bureau),
            fictional=a.fictional,
            criteria_id=cid,
            criteria_version=a.criteria_version,
            score=shared.value(a.score),  # a tenth from 0 to 100: towns share them
            band=shared.value(a.band),
            band_rank=a.band_rank,
            gates_passed=a.gates_passed,
            failed_sections=failed,
            unshown_sections=unshown,
            failures=shared.value(tuple(sys.intern(f) for f in failures)) if failures else (),
            cautions=tuple(shared.text(c) for c in a.cautions) if a.cautions else (),
            group_members=a.group_members,
            gap_count=count,
            first_gap=None if first is None else shared.gap(cid, first),
            section_labels=shared.section_labels(criteria),
            details=self.details(a, where, findings, seconds) if self._details else None,
        )

    def details(
        self,
        a: Assessment,
        where: tuple[Position, ...],
        findings: tuple[Finding, ...] | None,
        seconds: float,
    ) -> Details:
        keep, shared = self.keep, self.shared
        cid = a.criteria_id
        gaps: tuple[CriterionResult, ...] = ()
        if keep.evidence:
            gaps = tuple(shared.gap_with_evidence(cid, g) for g in a.gaps)
        elif keep.gaps:
            gaps = tuple(shared.gap(cid, g) for g in a.gaps)
        nb = a.next_band if keep.next_band else None
        if nb is not None:
            nb = replace(
                nb, band=shared.value(nb.band), gaps=shared.value(nb.gaps),
                gates=shared.value(nb.gates),
            )  # fmt: skip
        return Details(
            keep=keep,
            gaps=gaps,
            where=tuple(shared.value(p) for p in where) if keep.positions else (),
            sections=a.sections if keep.sections else (),
            findings=tuple(
                replace(f, message=shared.text(f.message))
                for f in (a.findings if findings is None else findings)
            ) if keep.findings else (),
            next_band=nb,
            evidence_coverage=float(a.evidence_coverage) if keep.coverage else 0.0,
            reading_points=float(a.reading_points) if keep.reading else 0.0,
            seconds=seconds if keep.seconds else 0.0,
        )  # fmt: skip
