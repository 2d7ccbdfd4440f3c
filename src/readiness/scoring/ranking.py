"""The one ranking rule, for ``batch`` and ``diff --profiles`` alike.

Towns are ranked by band, best first, then by score as reports show it (two decimals),
highest first; towns with the same band and shown score share a place (1, 2, 2, 4).  The band
comes first because a failed gate keeps a town out of the top band whatever its score: a town
that is ready outranks one that scores higher but misses a condition.  (``batch`` then lists
towns that share a place by municipality code and file, so that its output is stable.)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

Standing = tuple[int, float]


def standing(band_rank: int, score: float) -> Standing:
    """What a town is ranked by: smaller is better (band index from the top, minus the score)."""
    return (band_rank, -round(score, 2))


def competition_ranks(standings: Sequence[Standing]) -> list[int]:
    """1 for the best; equal standings share a place and the next is skipped (1, 2, 2, 4).

    A town's place is one more than the number of towns strictly better: found by bisecting
    the sorted standings, so ranking 10,000 towns costs a sort, not 100 million comparisons.
    """
    ordered = sorted(standings)
    return [1 + bisect_left(ordered, mine) for mine in standings]
