"""Properties of exact scoring over random valid criteria sets (500 examples each).

- The next-band plan is the fewest gaps that reach the band (brute force over every subset,
  up to 12 gaps), with ties to the most points and then to file order; applying it lifts the
  town.
- The score, the band and the plan's size do not depend on the order of sections or criteria.
- An empty diff between two sets never comes with a different score or band for any town.
"""

from __future__ import annotations

import copy
from itertools import combinations
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from readiness.criteria.diff import diff_criteria
from readiness.scoring.scorer import assess
from tests.conftest import PROPERTY
from tests.random_criteria import Oracle, build, criteria_specs, town


@st.composite
def set_and_town(draw: st.DrawFn) -> tuple[dict[str, Any], frozenset[int]]:
    spec = draw(criteria_specs())
    ks = [int(c["id"][1:]) for s in spec["sections"] for c in s["criteria"]]
    return spec, frozenset(draw(st.sets(st.sampled_from(ks))))


@PROPERTY
@given(case=set_and_town())
def test_the_plan_is_the_fewest_gaps_that_reach_the_next_band(
    case: tuple[dict[str, Any], frozenset[int]],
) -> None:
    spec, met = case
    criteria = build(spec)
    result = assess(criteria, town(met))
    oracle = Oracle.of(spec)
    assert result.band_rank == oracle.band(met)
    if result.next_band is None:
        assert result.band_rank == 0
        return
    target = result.band_rank - 1
    assert result.next_band.band.id == spec["bands"][target]["id"]
    plan = frozenset(int(g[1:]) for g in result.next_band.gaps)
    gaps = sorted(set(oracle.value) - met)
    assert plan <= set(gaps)
    if not result.next_band.reachable:
        assert oracle.band(met | set(gaps)) > target
        return
    # Applying the plan lifts the town (scored for real, from a profile).
    assert assess(criteria, town(met | plan)).band_rank <= target
    # No smaller set does; of the sets as small, none adds more, and none that adds as much
    # comes earlier in file order.
    for size in range(len(plan)):
        for chosen in combinations(gaps, size):
            assert oracle.band(met | set(chosen)) > target, chosen
    best = max(
        (oracle.units(set(chosen)), [-k for k in chosen])
        for chosen in combinations(gaps, len(plan))
        if oracle.band(met | set(chosen)) <= target
    )
    assert (oracle.units(plan), [-k for k in sorted(plan)]) == best


def _shuffled(spec: dict[str, Any], order: list[int], flip: bool) -> dict[str, Any]:
    out = copy.deepcopy(spec)
    out["sections"] = [out["sections"][i] for i in order]
    if flip:
        for section in out["sections"]:
            section["criteria"].reverse()
    return out


@PROPERTY
@given(case=set_and_town(), data=st.data())
def test_the_order_of_sections_and_criteria_never_changes_a_score(
    case: tuple[dict[str, Any], frozenset[int]], data: st.DataObject
) -> None:
    spec, met = case
    order = data.draw(st.permutations(range(len(spec["sections"]))))
    other = _shuffled(spec, order, data.draw(st.booleans()))
    before = assess(build(spec), town(met))
    after = assess(build(other), town(met))
    assert (after.score, after.band.id, after.gates_passed) == (
        before.score,
        before.band.id,
        before.gates_passed,
    )
    assert {g.id: g.adds for g in after.gaps} == {g.id: g.adds for g in before.gaps}
    if before.next_band is not None and after.next_band is not None:
        by_id = {g.id: g.adds for g in before.gaps}
        assert len(after.next_band.gaps) == len(before.next_band.gaps)
        assert sum(by_id[g] for g in after.next_band.gaps) == sum(
            by_id[g] for g in before.next_band.gaps
        )
    assert diff_criteria(build(spec), build(other)).empty


def _same_meaning(spec: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """A rewrite that means the same: orders changed, whole numbers written as floats."""
    order = data.draw(st.permutations(range(len(spec["sections"]))))
    out = _shuffled(spec, order, data.draw(st.booleans()))
    for section in out["sections"]:
        section["weight"] = float(section["weight"])
        for c in section["criteria"]:
            c["points"] = float(c["points"])
    return out


def _nudge(value: float, by: float) -> float:
    """``value`` moved by ``by``, staying within the bounds of points and weights."""
    return value + by if value + by <= 1000 else value - by


def _tweaks() -> list[tuple[str, Any]]:
    """Small changes of meaning, each one a diff must show: (what, how)."""
    return [
        ("points", lambda s: s["sections"][0]["criteria"][0].update(
            points=_nudge(s["sections"][0]["criteria"][0]["points"], 1e-7))),
        ("weight", lambda s: s["sections"][0].update(
            weight=_nudge(s["sections"][0]["weight"], 0.001))),
        ("gate", lambda s: s["sections"][0].update(
            gate=0.5 if s["sections"][0]["gate"] != 0.5 else 0.25)),
        ("band min", lambda s: s["bands"][0].update(min=s["bands"][0]["min"] - 0.004)),
        ("band gates", lambda s: s["bands"][0].update(
            requires_gates=not s["bands"][0]["requires_gates"])),
        ("band id", lambda s: s["bands"][0].update(id="renamed")),
    ]  # fmt: skip


@PROPERTY
@given(case=set_and_town(), data=st.data())
def test_an_empty_diff_never_comes_with_a_change_of_score(
    case: tuple[dict[str, Any], frozenset[int]], data: st.DataObject
) -> None:
    spec, met = case
    other = _same_meaning(spec, data)
    tweak = data.draw(st.sampled_from([None, *_tweaks()]))
    if tweak is not None:
        tweak[1](other)
    old, new = build(spec), build(other)
    diff = diff_criteria(old, new)
    assert diff.empty == (tweak is None), tweak
    if diff.empty:
        for chosen in (met, frozenset(), frozenset(Oracle.of(spec).value)):
            before, after = assess(old, town(chosen)), assess(new, town(chosen))
            assert (after.score, after.band.id) == (before.score, before.band.id)
