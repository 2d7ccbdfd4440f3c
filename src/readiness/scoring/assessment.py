"""The result of assessing one profile under one criteria set: plain, immutable values."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal

from readiness.criteria.checks import Evidence, Status
from readiness.profile.bilingual import Text
from readiness.profile.substance import Finding
from readiness.scoring.points import exact


def rank_gaps(results: Iterable[CriterionResult]) -> tuple[CriterionResult, ...]:
    """Criteria not met, largest ``adds`` first; ties keep file order (``sorted`` is stable).

    ``adds`` is exact, so two gaps worth the same are equal, never apart by rounding noise.
    """
    # reverse=True keeps equal keys in their order, as sorting by -adds would, without
    # negating each exact value.
    return tuple(
        sorted((r for r in results if r.status != "met"), key=attrgetter("adds"), reverse=True)
    )


@dataclass(frozen=True)
class CriterionResult:
    id: str
    section: str
    label: Text
    official: str | None
    status: Status
    earned: float
    possible: float
    adds: Fraction
    """Points of the 0-100 total this criterion is worth (what meeting it would add), exact."""
    evidence: tuple[Evidence, ...]
    recommendation: Text
    basis: str = "reading"
    """``quoted`` (the criterion quotes its source) or ``reading`` (this project's reading)."""
    required: bool = False
    """The section's gate cannot pass unless this criterion is met."""
    evidenced: bool | None = None
    """For a met criterion: whether every fact that met it is backed by a cited source (and
    none is marked as a reading); None when the criterion is not met."""


GateStatus = Literal["passed", "not_yet_shown", "failed"]


@dataclass(frozen=True)
class SectionResult:
    id: str
    kind: str
    label: Text
    official: str | None
    weight: float
    earned: Fraction
    possible: Fraction
    gate: float | None
    contribution: Fraction
    """This section's part of the 0-100 total, exact."""
    unknown_points: Fraction = Fraction(0)
    """Points of this section's criteria whose outcome is ``unknown``."""
    unknown_facts: int = 0
    """How many facts marked ``unknown`` those criteria depend on."""
    required_unmet: tuple[str, ...] = ()
    """Required criteria (by id) that are not met because a stated fact falls short."""
    required_unknown: tuple[str, ...] = ()
    """Required criteria (by id) that are not met because a fact is ``unknown``."""

    @property
    def share(self) -> Fraction:
        return self.earned / self.possible

    @cached_property
    def gate_status(self) -> GateStatus | None:
        """``passed``; ``not_yet_shown`` when confirming the ``unknown`` facts would pass it;
        else ``failed``.  None for a section without a gate."""
        if self.gate is None:
            return None
        need = exact(self.gate) * self.possible
        if self.earned >= need and not self.required_unmet and not self.required_unknown:
            return "passed"
        if self.earned + self.unknown_points >= need and not self.required_unmet:
            return "not_yet_shown"
        return "failed"

    @property
    def gate_passed(self) -> bool | None:
        status = self.gate_status
        return None if status is None else status == "passed"


@dataclass(frozen=True)
class StrategyFit:
    id: str
    label: Text
    initiatives: tuple[str, ...]
    """Ids of the profile's initiatives that serve this strategy; empty if nothing does."""


@dataclass(frozen=True)
class BandRef:
    id: str
    label: Text
    min: float


@dataclass(frozen=True)
class NextBand:
    band: BandRef
    points_needed: float
    gaps: tuple[str, ...]
    """The fewest gaps (by id, largest first) whose closing reaches the band, gates included."""
    gates: tuple[str, ...]
    """Sections whose gate must pass for the band."""
    reachable: bool = True
    """False when no set of the town's gaps reaches the band (``gaps`` is then empty)."""
    min_evidence: float | None = None
    """The share of earned points a cited source must back for the band, if it asks one."""


@dataclass(frozen=True)
class GroupMember:
    """A member of a wide-area group other than its lead town (the assessed municipality)."""

    name: str
    name_en: str | None
    code: str
    prefecture: str
    bureau: str


@dataclass(frozen=True)
class Units:
    """The integers behind an assessment's exact figures, as the scorer worked them out, so
    that reading them needs no arithmetic on fractions (the same values, exactly)."""

    per_point: int
    """Score units per point of the 0-100 total."""
    adds: tuple[int, ...]
    """Each criterion's ``adds``, in score units (``adds == Fraction(units, per_point)``)."""
    gaps: tuple[int, ...]
    """The positions of the criteria not met, in :func:`rank_gaps` order."""


NEXT_BAND_LATER = "_next_band_later"
"""Where the scorer leaves the work that gives an assessment's ``next_band`` on first read."""


@dataclass(frozen=True)
class Assessment:
    profile_file: str | None
    municipality: str
    municipality_en: str | None
    code: str
    bureau: str
    fictional: bool
    as_of: str
    criteria_id: str
    criteria_version: str
    score: float
    """The exact score rounded half up to one decimal: the number shown and compared."""
    band: BandRef
    band_rank: int
    """Position of ``band`` among the criteria's bands, 0 being the top."""
    gates_passed: bool
    sections: tuple[SectionResult, ...]
    criteria: tuple[CriterionResult, ...]
    strategy_label: Text
    """What the criteria call their strategies (候補テーマ, 重点戦略, ...)."""
    strategy_fit: tuple[StrategyFit, ...]
    unmatched_strategies: tuple[str, ...]
    """Strategy ids named by the profile's initiatives that these criteria do not define."""
    next_band: NextBand | None
    cautions: tuple[Text, ...] = ()
    """Reasons to read the result with care: criteria of another bureau, or of another period."""
    findings: tuple[Finding, ...] = ()
    """What the substance rules set aside (too-short text, repeated entries, strategy claims
    beyond the actions), each at its place in the profile."""
    group_name: str | None = None
    group_members: tuple[GroupMember, ...] = ()
    """A group profile: the other members (the assessed municipality leads the group)."""
    _units: Units | None = field(default=None, compare=False, repr=False)
    """Set by the scorer (None when built otherwise): the properties below read it."""

    if not TYPE_CHECKING:  # to mypy, a class with __getattr__ has every attribute

        def __getattr__(self, name: str) -> Any:
            # The plan to the next band is a search, the costliest part of scoring a town,
            # and a batch's ranked table never reads it: the scorer leaves it to the first
            # read (reading it is all the same to every caller, equality and repr included).
            # Two threads may both work it out (it is pure); both get the one kept.
            found = self.__dict__
            later = found.get(NEXT_BAND_LATER) if name == "next_band" else None
            if later is None:
                if name == "next_band" and "next_band" in found:  # set by another thread
                    return found["next_band"]
                raise AttributeError(name)
            value = found.setdefault("next_band", later())
            found.pop(NEXT_BAND_LATER, None)
            return value

    def __getstate__(self) -> dict[str, Any]:
        # Pickled with the plan worked out: the work left for later is a closure.
        _ = self.next_band
        return self.__dict__

    def _met_units(self, keep: Callable[[CriterionResult], bool | None]) -> Fraction | None:
        """The sum of ``adds`` of the met criteria that ``keep``, from the integers if known."""
        units = self._units
        if units is None:
            return None
        total = sum(
            n
            for r, n in zip(self.criteria, units.adds, strict=True)
            if r.status == "met" and keep(r)
        )
        return Fraction(total, units.per_point)

    @property
    def reading_points(self) -> Fraction:
        """Points of the 0-100 score earned by criteria whose basis is this project's reading."""
        known = self._met_units(_is_reading)
        if known is not None:
            return known
        met = (r.adds for r in self.criteria if r.status == "met" and r.basis == "reading")
        return sum(met, Fraction(0))

    @property
    def evidenced_points(self) -> Fraction:
        """Points of the score earned by criteria whose facts a cited source backs."""
        known = self._met_units(_is_evidenced)
        if known is not None:
            return known
        backed = (r.adds for r in self.criteria if r.status == "met" and r.evidenced)
        return sum(backed, Fraction(0))

    @property
    def evidence_coverage(self) -> Fraction:
        """The share (0-1) of the earned points backed by a cited source; 0 when none earned."""
        earned = self._met_units(_any)
        if earned is None:
            earned = sum((r.adds for r in self.criteria if r.status == "met"), Fraction(0))
        return self.evidenced_points / earned if earned > 0 else Fraction(0)

    @property
    def gates_not_yet_shown(self) -> tuple[SectionResult, ...]:
        return tuple(s for s in self.sections if s.gate_status == "not_yet_shown")

    @property
    def gates_failed(self) -> tuple[SectionResult, ...]:
        return tuple(s for s in self.sections if s.gate_status == "failed")

    @cached_property
    def gaps(self) -> tuple[CriterionResult, ...]:
        """Criteria not met, ranked by the points each would add (then in file order)."""
        if self._units is not None:
            return tuple(self.criteria[i] for i in self._units.gaps)
        return rank_gaps(self.criteria)

    @property
    def unserved_strategies(self) -> tuple[StrategyFit, ...]:
        return tuple(s for s in self.strategy_fit if not s.initiatives)


def _is_reading(r: CriterionResult) -> bool:
    return r.basis == "reading"


def _is_evidenced(r: CriterionResult) -> bool | None:
    return r.evidenced


def _any(r: CriterionResult) -> bool:
    return True
