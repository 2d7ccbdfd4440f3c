"""Impact of a criteria change on the bundled example towns, with the figures worked by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from readiness.criteria.bundled import bundled, current_for_bureau
from readiness.criteria.diff import diff_criteria
from readiness.profile.loading import load_profile
from readiness.scoring.impact import Impact, TownImpact, impact
from readiness.scoring.scorer import assess
from tests.conftest import EXAMPLES


def _impact(old_id: str, new_id: str, *towns: str) -> Impact:
    old, new = bundled(old_id), bundled(new_id)
    profiles = [(t, load_profile(EXAMPLES / f"{t}.yaml")) for t in towns]
    return impact(diff_criteria(old, new), old, new, profiles)


def close(value: float, exact: Fraction) -> bool:
    return abs(value - float(exact)) < 1e-9


def shown(value: float, exact: Fraction) -> bool:
    """Scores are rounded to one decimal by the scorer."""
    return value == round(float(exact), 1)


def exact_delta(t: TownImpact) -> float:
    return sum(s.contribution for s in t.after.sections) - sum(
        s.contribution for s in t.before.sections
    )


def test_koshi_and_ishinomaki_from_kyushu_2019_to_tohoku_2022() -> None:
    result = _impact("kyushu-2019", "tohoku-2022", "koshi", "ishinomaki")
    koshi, ishinomaki = result.towns
    # Koshi under kyushu-2019 (weights 25/25/20/20/10 of 100):
    #   will 7 of 13 points, issues 9/9, partners 5/8, selection 8/10, themes 4/4.
    assert shown(
        koshi.before.score,
        Fraction(25 * 7, 13) + 25 + Fraction(20 * 5, 8) + Fraction(20 * 8, 10) + 10,
    )
    # Under tohoku-2022 (weights 25/25/20/30): will 1/13 (annual review), issues 9/10,
    # partners 0/9 (the sources name none), model 0/11 (its initiatives serve Kyushu's themes).
    assert shown(koshi.after.score, Fraction(25, 13) + Fraction(25 * 9, 10))
    assert (koshi.before.band.id, koshi.after.band.id, koshi.band_move) == (
        "promising",
        "not-yet",
        "down",
    )
    # Ishinomaki: kyushu-2019 gives will 4/13, issues 9/9, partners 6/8, selection 0, themes 1/4;
    # tohoku-2022 gives will 7/13, issues 9/10, partners 7/9, model 11/11.
    assert shown(
        ishinomaki.before.score, Fraction(25 * 4, 13) + 25 + Fraction(20 * 6, 8) + Fraction(10, 4)
    )
    assert shown(
        ishinomaki.after.score,
        Fraction(25 * 7, 13) + Fraction(25 * 9, 10) + Fraction(20 * 7, 9) + 30,
    )
    # Above 70 under tohoku-2022, but 19% of its points rest on cited sources: the top band
    # asks half, so it stays Promising.
    assert (ishinomaki.before.band.id, ishinomaki.after.band.id) == ("promising", "promising")
    assert ishinomaki.band_move == "same"
    # Koshi ranked first before, Ishinomaki after.
    assert (koshi.rank_before, koshi.rank_after) == (1, 2)
    assert (ishinomaki.rank_before, ishinomaki.rank_after) == (2, 1)
    summary = result.summary
    assert (summary.band_up, summary.band_down, summary.band_same) == (0, 1, 1)
    assert (summary.score_up, summary.score_down, summary.score_same) == (1, 1, 0)


def test_drivers_name_the_changed_criteria_that_moved_a_town() -> None:
    (ishinomaki,) = _impact("kyushu-2019", "tohoku-2022", "ishinomaki").towns
    drivers = {d.id: (d.kind, d.before, d.after) for d in ishinomaki.drivers}
    # The new model section is worth 30; strategy fit is 4 of its 11 points.
    kind, before, after = drivers["model.strategy-fit"]
    assert kind == "added"
    assert before == 0
    assert close(after, Fraction(30 * 4, 11))
    # Kyushu's bureau-role criterion (1 of the themes' 4 points, weight 10) is gone.
    kind, before, after = drivers["themes.bureau-role"]
    assert (kind, after) == ("removed", 0)
    assert close(before, Fraction(10, 4))
    # will.team is met under both and changed its points (2 -> 3 of 13).
    kind, before, after = drivers["will.team"]
    assert kind == "changed"
    assert close(before, Fraction(25 * 2, 13))
    assert close(after, Fraction(25 * 3, 13))
    # will.lead changed only its check and is met under both at 2 of 13: it did not move the town.
    assert "will.lead" not in drivers
    # Drivers and reweighting account for the whole move; largest first.
    explained = sum(d.delta for d in ishinomaki.drivers) + ishinomaki.reweighted
    assert abs(explained - exact_delta(ishinomaki)) < 1e-9
    assert abs(ishinomaki.drivers[0].delta) == max(abs(d.delta) for d in ishinomaki.drivers)


def test_drivers_and_reweighting_sum_to_the_move() -> None:
    for t in _impact("kyushu-2019", "tohoku-2022", "koshi", "ishinomaki").towns:
        assert abs(sum(d.delta for d in t.drivers) + t.reweighted - exact_delta(t)) < 1e-9


def test_tohoku_strategies_of_2022_lift_the_towns_written_for_them() -> None:
    towns = ("fictional-no-partners", "ishinomaki", "fictional-off-strategy")
    result = _impact("tohoku-2019", "tohoku-2022", *towns)
    minato, ishinomaki, aoba = result.towns
    # Minato's initiatives serve rx-people and rx-dx: no 2019 pillar.  Under 2022 it gains the
    # two strategy criteria of the model section: 4 + 2 of its 11 points, weight 30 of 100.
    assert close(exact_delta(minato), Fraction(30 * 6, 11))
    assert minato.delta == round(80.0 - 63.6, 1)  # the scores as shown
    assert [(d.id, d.kind) for d in minato.drivers] == [
        ("model.strategy-fit", "changed"),
        ("model.strategy-concrete", "changed"),
    ]
    assert close(minato.drivers[0].delta, Fraction(30 * 4, 11))
    assert minato.reweighted == 0
    assert minato.band_move == "same"  # a failing gate keeps it out of the top band either way
    # Ishinomaki serves `reconstruction` under both: no move.  Aoba serves no strategy of either.
    assert (ishinomaki.delta, ishinomaki.drivers, ishinomaki.after.band.id) == (0, (), "promising")
    assert (aoba.delta, aoba.drivers) == (0, ())
    # Ranks among the three, by the rule batch uses (band first, then score): all Promising
    # (Ishinomaki lacks the top band's evidence coverage), so by score: Aoba 83.6 (a failed
    # gate), Ishinomaki 81.5, then Minato, 63.6 then 80.0.
    assert [(t.rank_before, t.rank_after) for t in result.towns] == [(3, 3), (2, 2), (1, 1)]


def test_diff_and_batch_rank_alike() -> None:
    """The one ranking rule (scoring/ranking.py): the same towns in the same order."""
    from readiness.batch.run import CriteriaChooser, Gate, collect, score_files

    towns = ("fictional-no-partners", "ishinomaki", "fictional-off-strategy")
    result = _impact("tohoku-2022", "tohoku-2022", *towns)
    paths = [str(EXAMPLES / f"{t}.yaml") for t in towns]
    batch = collect(score_files(paths, CriteriaChooser(bundled("tohoku-2022"))), Gate())
    by_code = {r.entry.code: r.rank for r in batch.ranked}
    assert [t.rank_after for t in result.towns] == [by_code[t.code] for t in result.towns]


def test_equal_scores_share_a_rank() -> None:
    result = _impact("kyushu-2019", "kyushu-2019", "koshi", "koshi", "ishinomaki")
    assert [t.rank_before for t in result.towns] == [1, 1, 3]
    assert all(not t.score_changed and not t.band_changed for t in result.towns)


@pytest.mark.parametrize(
    ("town", "bureau", "rank"), [("koshi", "kyushu", 1), ("ishinomaki", "tohoku", 1)]
)
def test_the_real_towns_under_their_current_sets(town: str, bureau: str, rank: int) -> None:
    # Koshi is one band down: its lead department and team are unknown, so condition 1 is
    # not yet shown; Ishinomaki too, for its evidence coverage, 19% where the top band asks
    # 50% (see test_examples for why that is all that holds them back).
    profile = load_profile(EXAMPLES / f"{town}.yaml")
    current = current_for_bureau(bureau, profile.as_of)
    assert current is not None
    result = assess(current, profile)
    assert result.band_rank == rank
