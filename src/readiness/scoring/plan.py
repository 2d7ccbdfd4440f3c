"""The fewest gaps that lift a town one band: an exact search, with its guarantee.

Given the town's gaps, the chosen set is the smallest whose closing

- adds at least ``need`` score units (all values are integers in one fixed unit, so the sum is
  exact and the band is decided by the same rounded score that assessing would give), and
- brings every gated section the band needs to its gate (``gate_needs``, in point units),
  and includes every gap in ``mandatory`` (the required criteria of those sections);

ties are broken by the most units gained, then by file order (the set whose gaps come earliest).
``None`` means that no set of the gaps reaches the band.

Why an exact search is affordable: within one section every gap's value is its points times the
same factor, so among the sets that take ``c`` gaps of a section the ones with the most points
are best for both the score and the gate.  The search is therefore over how many gaps to take
from each section (at most a few dozen criteria in a handful of sections), smallest total first,
with a bound that stops a branch as soon as even its largest remaining gaps cannot reach
``need``.  The property tests compare it with brute force over every subset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True)
class Gap:
    index: int
    """Position in file order."""
    group: int
    """The section the gap belongs to."""
    weight: int
    """Points, in the section's point units (what counts for its gate)."""
    value: int
    """Score units that closing the gap adds."""


@dataclass
class _Best:
    value: int = -1
    chosen: tuple[int, ...] = ()


def fewest_gaps(
    gaps: Sequence[Gap],
    need: int,
    gate_needs: dict[int, int],
    mandatory: frozenset[int] | set[int] = frozenset(),
) -> tuple[int, ...] | None:
    """The file indices of the chosen gaps (ascending), or ``None`` if none suffice."""
    if mandatory:
        # Every plan holds them: take them first, and search the rest for what is left.
        taken = [gap for gap in gaps if gap.index in mandatory]
        left = dict(gate_needs)
        for gap in taken:
            if gap.group in left:
                left[gap.group] -= gap.weight
        rest = fewest_gaps(
            [gap for gap in gaps if gap.index not in mandatory],
            need - sum(gap.value for gap in taken),
            left,
        )
        return None if rest is None else tuple(sorted({*rest, *(gap.index for gap in taken)}))
    groups: dict[int, list[Gap]] = {}
    for gap in gaps:
        groups.setdefault(gap.group, []).append(gap)
    for group in gate_needs:
        groups.setdefault(group, [])
    order = sorted(groups)
    # Within a group, largest first; equal points keep file order.
    ranked = [sorted(groups[g], key=lambda x: (-x.weight, x.index)) for g in order]
    values = [[0, *accumulate(x.value for x in r)] for r in ranked]
    lows: list[int] = []
    for g, r in zip(order, ranked, strict=True):
        weights = [0, *accumulate(x.weight for x in r)]
        wanted = gate_needs.get(g, 0)
        low = next((c for c, w in enumerate(weights) if w >= wanted), None)
        if low is None:
            return None
        lows.append(low)
    if sum(values[i][len(r)] for i, r in enumerate(ranked)) < need:
        return None
    # The largest values of the groups from i on, merged: a bound on what r more picks can add.
    tails = [
        sorted((x.value for r in ranked[i:] for x in r), reverse=True) for i in range(len(ranked))
    ]
    tail_sums = [[0, *accumulate(t)] for t in tails]

    def search(i: int, left: int, value: int, counts: list[int], best: _Best) -> None:
        if i == len(ranked):
            if left == 0 and value >= need and value >= best.value:
                chosen = tuple(
                    sorted(x.index for r, c in zip(ranked, counts, strict=True) for x in r[:c])
                )
                if value > best.value or chosen < best.chosen:
                    best.value, best.chosen = value, chosen
            return
        bound = value + tail_sums[i][min(left, len(tails[i]))]
        if bound < need or bound < best.value:
            return
        rest_low = sum(lows[i + 1 :])
        for c in range(lows[i], min(len(ranked[i]), left - rest_low) + 1):
            counts.append(c)
            search(i + 1, left - c, value + values[i][c], counts, best)
            counts.pop()

    for total in range(sum(lows), len(gaps) + 1):
        best = _Best()
        search(0, total, 0, [], best)
        if best.value >= 0:
            return best.chosen
    return None
