"""Exact points: numbers as written, sums without rounding error, and one rounding rule.

Points, weights, gates and band minimums are read as the decimals the file gives (``0.1`` is
one tenth, not the nearest binary fraction), scores are exact rationals, and a number is
rounded once, for showing or comparing, half up (away from zero) to a fixed number of decimals.
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

SCORE_DECIMALS = 1
"""The score is shown, compared and ranked at one decimal."""


@lru_cache(maxsize=4096)
def exact(value: float) -> Fraction:
    """``value`` as the decimal it was written as (its shortest round-trip form)."""
    if isinstance(value, int):
        return Fraction(value)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return Fraction(repr(value))


def round_half_up(value: Fraction, decimals: int = SCORE_DECIMALS) -> Fraction:
    """``value`` to ``decimals`` places, an exact half rounded away from zero (6.25 -> 6.3)."""
    scale = 10**decimals
    magnitude = math.floor(abs(value) * scale + Fraction(1, 2))
    return Fraction(magnitude if value >= 0 else -magnitude, scale)


def shown(value: Fraction, decimals: int = SCORE_DECIMALS) -> float:
    """The float that shows ``value`` rounded half up (``-0.0`` shown as ``0.0``)."""
    return float(round_half_up(value, decimals)) + 0.0
