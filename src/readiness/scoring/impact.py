"""Who moves between two criteria versions: each town scored under both, and why it moved.

A town's move is its score and band under the new set against the old.  Its *drivers* are the
changed, added, removed or renamed criteria (from :mod:`readiness.criteria.diff`) whose share of
its score differs; whatever is left of the move (``reweighted``) comes from unchanged criteria
worth more or less because weights or sibling points changed.  Rank is the town's place among
the towns given (1 is the highest score; equal scores share a place).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from readiness.criteria.diff import ChangeKind, CriteriaDiff
from readiness.criteria.model import Criteria
from readiness.profile.model import Profile
from readiness.scoring.assessment import Assessment
from readiness.scoring.scorer import assess

_EPS = 1e-9
Move = Literal["up", "down", "same"]


@dataclass(frozen=True)
class Driver:
    """A changed criterion that moved a town's score."""

    id: str
    old_id: str | None
    kind: ChangeKind
    before: float
    """Points of the 0-100 total this criterion gave the town under the old set."""
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class TownImpact:
    profile_file: str
    municipality: str
    municipality_en: str | None
    code: str
    before: Assessment
    after: Assessment
    rank_before: int
    rank_after: int
    drivers: tuple[Driver, ...]
    """Largest move first, then in the new set's order."""

    @property
    def delta(self) -> float:
        return round(self.after.score - self.before.score, 9)

    @property
    def reweighted(self) -> float:
        """The part of the move not explained by changed criteria.

        Taken from the unrounded section contributions, so that rounding the scores to one
        decimal is never reported as a move of its own.
        """
        exact = _exact_score(self.after) - _exact_score(self.before)
        return round(exact - sum(d.delta for d in self.drivers), 9)

    @property
    def band_move(self) -> Move:
        # Bands are listed from the top, so a smaller rank is a higher band.
        if self.after.band_rank < self.before.band_rank:
            return "up"
        if self.after.band_rank > self.before.band_rank:
            return "down"
        return "same"

    @property
    def band_changed(self) -> bool:
        return self.before.band.id != self.after.band.id or self.band_move != "same"

    @property
    def score_changed(self) -> bool:
        return abs(self.delta) > _EPS


@dataclass(frozen=True)
class ImpactSummary:
    towns: int
    band_up: int
    band_down: int
    band_same: int
    score_up: int
    score_down: int
    score_same: int


@dataclass(frozen=True)
class Impact:
    towns: tuple[TownImpact, ...]
    """In the order the profiles were given."""

    @property
    def summary(self) -> ImpactSummary:
        moves = [t.band_move for t in self.towns]
        deltas = [t.delta for t in self.towns]
        return ImpactSummary(
            towns=len(self.towns),
            band_up=moves.count("up"),
            band_down=moves.count("down"),
            band_same=moves.count("same"),
            score_up=sum(d > _EPS for d in deltas),
            score_down=sum(d < -_EPS for d in deltas),
            score_same=sum(abs(d) <= _EPS for d in deltas),
        )


def _exact_score(a: Assessment) -> float:
    return sum(s.contribution for s in a.sections)


def _ranks(scores: Sequence[float]) -> list[int]:
    """Competition ranking: 1 for the highest score, equal scores share a place (1, 2, 2, 4)."""
    return [1 + sum(other > score + _EPS for other in scores) for score in scores]


def _contributions(a: Assessment) -> dict[str, float]:
    return {c.id: (c.adds if c.status == "met" else 0.0) for c in a.criteria}


def _drivers(diff: CriteriaDiff, before: Assessment, after: Assessment) -> tuple[Driver, ...]:
    old = _contributions(before)
    new = _contributions(after)
    order = {c.id: i for i, c in enumerate(after.criteria)}
    found: list[Driver] = []
    for change in diff.criteria:
        if change.kind == "removed":
            was, now = old.get(change.id, 0.0), 0.0
        else:
            was = old.get(change.old_id or change.id, 0.0) if change.kind != "added" else 0.0
            now = new.get(change.id, 0.0)
        if abs(now - was) > _EPS:
            found.append(Driver(change.id, change.old_id, change.kind, was, now))
    return tuple(sorted(found, key=lambda d: (-abs(d.delta), order.get(d.id, len(order)), d.id)))


def impact(
    diff: CriteriaDiff, old: Criteria, new: Criteria, profiles: Sequence[tuple[str, Profile]]
) -> Impact:
    """Score each ``(file, profile)`` under both sets; ``diff`` must be ``diff(old, new)``."""
    pairs = [
        (name, assess(old, p, profile_file=name), assess(new, p, profile_file=name))
        for name, p in profiles
    ]
    ranks_before = _ranks([b.score for _, b, _ in pairs])
    ranks_after = _ranks([a.score for _, _, a in pairs])
    towns = tuple(
        TownImpact(
            profile_file=name,
            municipality=after.municipality,
            municipality_en=after.municipality_en,
            code=after.code,
            before=before,
            after=after,
            rank_before=rb,
            rank_after=ra,
            drivers=_drivers(diff, before, after),
        )
        for (name, before, after), rb, ra in zip(pairs, ranks_before, ranks_after, strict=True)
    )
    return Impact(towns)
