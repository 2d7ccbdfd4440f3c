"""Random valid criteria sets for property tests, and an independent exact oracle.

Criterion ``k`` of a generated set is met exactly when the profile has an issue with id
``c<k>``, so a profile is a set of met criteria and closing a gap is adding one issue.  The
oracle scores a set of met criteria straight from the definitions (README, "How a town is
scored"), with :class:`fractions.Fraction`, to check the scorer and the plan against.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from readiness.criteria.lint import criteria_problems
from readiness.criteria.model import Criteria
from readiness.profile.model import Profile
from tests.profiles import MINIMAL

AMOUNTS = [0.01, 0.3, 1, 1.5, 2, 2.5, 3, 7, 10, 12.5, 25, 33.3, 100, 1000]
GATES = [None, None, 0.25, 0.333, 0.5, 0.75, 1]


def _criterion(k: int, points: float) -> dict[str, Any]:
    return {
        "id": f"c{k}",
        "label": {"ja": f"基準{k}", "en": f"Criterion {k}"},
        "points": points,
        "check": {"kind": "count", "items": "issues", "where": {"id": {"equals": f"c{k}"}}},
        "recommendation": {"ja": f"課題c{k}を挙げてください。", "en": f"State issue c{k}."},
    }


@st.composite
def criteria_specs(draw: st.DrawFn, most: int = 12) -> dict[str, Any]:
    """A valid criteria file as data: 1-4 sections, at most ``most`` criteria, 2-4 bands."""
    total = draw(st.integers(1, most))
    n_sections = draw(st.integers(1, min(4, total)))
    cuts = sorted(draw(st.sets(st.integers(1, total - 1), min_size=n_sections - 1,
                               max_size=n_sections - 1))) if n_sections > 1 else []  # fmt: skip
    bounds = [0, *cuts, total]
    sections = [
        {
            "id": f"s{i}",
            "kind": "condition",
            "label": {"ja": f"条件{i}", "en": f"Section {i}"},
            "weight": draw(st.sampled_from(AMOUNTS)),
            "gate": draw(st.sampled_from(GATES)),
            "criteria": [
                _criterion(k, draw(st.sampled_from(AMOUNTS)))
                for k in range(bounds[i], bounds[i + 1])
            ],
        }
        for i in range(n_sections)
    ]
    # Band minimums with up to two decimals, so that some fall between two shown scores.
    mins = sorted(draw(st.sets(st.integers(1, 10000), min_size=1, max_size=3)), reverse=True)
    bands = [
        {
            "id": f"b{i}",
            "label": {"ja": f"段階{i}", "en": f"Band {i}"},
            "min": m / 100,
            "requires_gates": draw(st.booleans()),
        }
        for i, m in enumerate(mins)
    ]
    bands.append({"id": "lowest", "label": {"ja": "最下位", "en": "Lowest"}, "min": 0})
    return {
        "format": 1,
        "id": "random",
        "bureau": "tohoku",
        "version": "1",
        "title": {"ja": "試験", "en": "Test"},
        "sources": [{"publisher": "試験", "title": "試験", "date": "2024-04-01"}],
        "period": {"start": "2024-04-01"},
        "strategy_label": {"ja": "戦略", "en": "Strategies"},
        "sections": sections,
        "bands": bands,
    }


def build(spec: dict[str, Any]) -> Criteria:
    criteria = Criteria.model_validate(copy.deepcopy(spec))
    assert criteria_problems(criteria) == []
    return criteria


def town(met: set[int] | frozenset[int]) -> Profile:
    data = copy.deepcopy(MINIMAL)
    data["issues"] = [{"id": f"c{k}", "title": f"課題{k}"} for k in sorted(met)]
    return Profile.model_validate(data)


@dataclass(frozen=True)
class Oracle:
    """A criteria set scored by the book: exact fractions, turned into integers once."""

    unit: int
    value: dict[int, int]
    """Criterion -> score units it adds (``unit`` units per point of the 0-100 total)."""
    points: dict[int, int]
    """Criterion -> its points in units of its section's points."""
    gates: list[tuple[frozenset[int], Fraction | None, int]]
    """Each section's criteria, gate, and possible points (in its units)."""
    bands: list[tuple[Fraction, bool]]
    """Each band's min and whether it needs every gate (the top band always does)."""

    @classmethod
    def of(cls, spec: dict[str, Any]) -> Oracle:
        weight = sum(Fraction(str(s["weight"])) for s in spec["sections"])
        value: dict[int, Fraction] = {}
        points: dict[int, int] = {}
        gates = []
        for s in spec["sections"]:
            exact = {int(c["id"][1:]): Fraction(str(c["points"])) for c in s["criteria"]}
            possible = sum(exact.values())
            per = math.lcm(*(p.denominator for p in exact.values()))
            for k, p in exact.items():
                value[k] = Fraction(str(s["weight"])) / weight * 100 * p / possible
                points[k] = int(p * per)
            gate = None if s["gate"] is None else Fraction(str(s["gate"]))
            gates.append((frozenset(exact), gate, int(possible * per)))
        unit = math.lcm(*(v.denominator for v in value.values()))
        bands = [
            (Fraction(str(b["min"])), i == 0 or b.get("requires_gates", False))
            for i, b in enumerate(spec["bands"])
        ]
        return cls(unit, {k: int(v * unit) for k, v in value.items()}, points, gates, bands)

    def units(self, met: set[int] | frozenset[int]) -> int:
        return sum(self.value[k] for k in met)

    def band(self, met: set[int] | frozenset[int]) -> int:
        """The band reached: the first whose min the shown score reaches, gates permitting."""
        shown = Fraction(math.floor(Fraction(self.units(met) * 10, self.unit) + Fraction(1, 2)), 10)
        gates = all(
            gate is None or sum(self.points[k] for k in ks & met) >= gate * possible
            for ks, gate, possible in self.gates
        )
        return next(
            i
            for i, (least, needs) in enumerate(self.bands)
            if shown >= least and (gates or not needs)
        )
