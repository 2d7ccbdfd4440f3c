"""Who moves between two criteria versions: each town scored under both, and why it moved.

A town's move is its score and band under the new set against the old.  Its *drivers* are the
changed, added, removed or renamed criteria (from :mod:`readiness.criteria.diff`) whose share of
its score differs; whatever is left of the move (``reweighted``) comes from unchanged criteria
worth more or less because weights or sibling points changed.  Rank is the town's place among
the towns given (1 is the highest score; equal scores share a place).

Bands are compared by meaning, not by position: a town stays in the same band when its band
keeps its id (or was renamed, see :mod:`readiness.criteria.diff`), and otherwise moves up or
down by the bands' minimums.  So a band added above the town's is no move, and a rename is no
band change.  All amounts are exact; scores compare as shown (one decimal).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from readiness.criteria.diff import ChangeKind, CriteriaDiff
from readiness.criteria.model import Criteria
from readiness.profile.model import Profile
from readiness.scoring.assessment import Assessment
from readiness.scoring.points import exact
from readiness.scoring.ranking import competition_ranks, standing
from readiness.scoring.scorer import assess

_ZERO = Fraction(0)
Move = Literal["up", "down", "same"]


@dataclass(frozen=True)
class Driver:
    """A changed criterion that moved a town's score."""

    id: str
    old_id: str | None
    kind: ChangeKind
    before: Fraction
    """Points of the 0-100 total this criterion gave the town under the old set (exact)."""
    after: Fraction
    label: dict[str, str] | None = field(default=None, compare=False)
    """The criterion's label, ``{"ja": ..., "en": ...}``."""

    @property
    def delta(self) -> Fraction:
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
    band_move: Move
    """``same`` when the town's band is the same band (same id, or renamed); else up or down
    by the bands' minimums."""

    @property
    def delta(self) -> float:
        """The move of the score as shown (one decimal)."""
        return (_tenths(self.after.score) - _tenths(self.before.score)) / 10

    @property
    def reweighted(self) -> Fraction:
        """The part of the move not explained by changed criteria.

        Taken from the exact section contributions, so that rounding the scores to one
        decimal is never reported as a move of its own.
        """
        moved = _exact_score(self.after) - _exact_score(self.before)
        return moved - sum((d.delta for d in self.drivers), _ZERO)

    @property
    def band_changed(self) -> bool:
        return self.band_move != "same"

    @property
    def score_changed(self) -> bool:
        return self.after.score != self.before.score


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
            score_up=sum(d > 0 for d in deltas),
            score_down=sum(d < 0 for d in deltas),
            score_same=sum(d == 0 for d in deltas),
        )


def _tenths(score: float) -> int:
    """A score as shown, in tenths: scores subtract without float noise (78.8 - 78.7 is 0.1)."""
    return round(score * 10)


def _exact_score(a: Assessment) -> Fraction:
    return sum((s.contribution for s in a.sections), _ZERO)


def _contributions(a: Assessment) -> dict[str, Fraction]:
    return {c.id: (c.adds if c.status == "met" else _ZERO) for c in a.criteria}


def _drivers(diff: CriteriaDiff, before: Assessment, after: Assessment) -> tuple[Driver, ...]:
    old = _contributions(before)
    new = _contributions(after)
    order = {c.id: i for i, c in enumerate(after.criteria)}
    found: list[Driver] = []
    for change in diff.criteria:
        if change.kind == "removed":
            was, now = old.get(change.id, _ZERO), _ZERO
        else:
            was = old.get(change.old_id or change.id, _ZERO) if change.kind != "added" else _ZERO
            now = new.get(change.id, _ZERO)
        if now != was:
            found.append(Driver(change.id, change.old_id, change.kind, was, now, change.label))
    return tuple(sorted(found, key=lambda d: (-abs(d.delta), order.get(d.id, len(order)), d.id)))


def _band_move(before: Assessment, after: Assessment, renamed: dict[str, str]) -> Move:
    """Whether the town's band moved, by meaning (see the module's docstring)."""
    if renamed.get(before.band.id, before.band.id) == after.band.id:
        return "same"
    low, high = exact(before.band.min), exact(after.band.min)
    return "up" if high > low else "down" if high < low else "same"


def impact(
    diff: CriteriaDiff, old: Criteria, new: Criteria, profiles: Sequence[tuple[str, Profile]]
) -> Impact:
    """Score each ``(file, profile)`` under both sets; ``diff`` must be ``diff(old, new)``."""
    pairs = [
        (name, assess(old, p, profile_file=name), assess(new, p, profile_file=name))
        for name, p in profiles
    ]
    renamed = {b.old_id: b.id for b in diff.bands if b.old_id is not None}
    ranks_before = competition_ranks([standing(b.band_rank, b.score) for _, b, _ in pairs])
    ranks_after = competition_ranks([standing(a.band_rank, a.score) for _, _, a in pairs])
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
            band_move=_band_move(before, after, renamed),
        )
        for (name, before, after), rb, ra in zip(pairs, ranks_before, ranks_after, strict=True)
    )
    return Impact(towns)
