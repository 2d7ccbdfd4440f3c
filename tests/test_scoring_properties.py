"""Properties of the scorer over generated profiles (hypothesis), and per-criterion tables."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness import assess, bundled_criteria
from readiness.criteria.model import Criteria
from readiness.profile.model import Profile
from readiness.scoring.points import exact, shown
from tests.profiles import MINIMAL

CRITERIA = bundled_criteria()
STRATEGY_IDS = sorted({s.id for c in CRITERIA for s in c.strategies} | {"elsewhere"})

text = st.sampled_from(["産業部", "商工課", "課長", "WG", "調査", "x"])
maybe_unknown = st.one_of(st.just("unknown"), st.none())
partner_types = st.sampled_from(
    ["chamber_of_commerce", "society_of_commerce", "industry_support_centre",
     "financial_institution", "university", "other"]
)  # fmt: skip
commitments = st.sampled_from(["signed", "agreed", "in_talks", "planned", "unknown"])


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(MINIMAL)
    will: dict[str, Any] = {}
    for key, values in {
        "requested_partnership": st.one_of(st.booleans(), maybe_unknown),
        "top_commitment": st.sampled_from(
            ["mayor", "deputy_mayor", "department_head", "none", "unknown"]
        ),
        "lead_department": st.one_of(text, maybe_unknown),
        "contact": st.one_of(text, maybe_unknown),
        "staff_fte": st.one_of(st.floats(0, 3), maybe_unknown),
        "annual_review": st.one_of(st.booleans(), maybe_unknown),
        "team": st.one_of(
            maybe_unknown,
            st.fixed_dictionaries(
                {},
                optional={
                    "departments": st.lists(text, max_size=3),
                    "cross_departmental": st.booleans(),
                },
            ),
        ),
    }.items():
        if draw(st.booleans()):
            will[key] = draw(values)
    data["will"] = will
    issues = draw(st.lists(st.lists(text, max_size=2), max_size=3))
    data["issues"] = [
        {"id": f"i{n}", "title": "課題", "evidence": ev} for n, ev in enumerate(issues)
    ]
    data["initiatives"] = [
        {
            "id": f"p{n}",
            "title": "取組",
            "addresses": draw(st.lists(st.sampled_from([f"i{k}" for k in range(len(issues))])))
            if issues
            else [],
            "actions": draw(st.lists(text, max_size=2)),
            "serves": draw(st.lists(st.sampled_from(STRATEGY_IDS), max_size=2)),
            **({"owner": "課"} if draw(st.booleans()) else {}),
            **({"town_role": "調整"} if draw(st.booleans()) else {}),
            **({"bureau_role": "助言"} if draw(st.booleans()) else {}),
        }
        for n in range(draw(st.integers(0, 3)))
    ]
    data["partners"] = [
        {"name": f"機関{n}", "type": draw(partner_types), "commitment": draw(commitments)}
        for n in range(draw(st.integers(0, 3)))
    ]
    data["record"] = {
        "programmes": [
            {"programme": p, "firms": draw(st.lists(text, max_size=1))}
            for p in draw(st.lists(st.sampled_from(["sogyo-shien", "noshoko-renkei"]), max_size=3))
        ],
        "growth_firms": draw(st.lists(text, max_size=2)),
    }
    return data


def _additions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every way of adding one fact that ``data`` does not state."""
    out = []
    full_will = {
        "requested_partnership": True, "top_commitment": "mayor", "lead_department": "産業部",
        "contact": "課長", "staff_fte": 2.0, "annual_review": True,
        "team": {"departments": ["商工課", "企画課"], "cross_departmental": True},
        "municipal_plan": "総合計画",
    }  # fmt: skip
    for key, value in full_will.items():
        if key not in data["will"]:
            added = copy.deepcopy(data)
            added["will"][key] = value
            out.append(added)
    for key, item in {
        "issues": {"id": "new-issue", "title": "新しい課題", "evidence": ["統計"]},
        "initiatives": {
            "id": "new-initiative", "title": "取組", "actions": ["行動"], "serves": STRATEGY_IDS,
            "owner": "課", "timeline": {"end": "2025-03-31"}, "kpis": [{"indicator": "件数"}],
            "town_role": "調整", "bureau_role": "助言",
        },
        "partners": {
            "name": "新しい機関", "type": "university", "commitment": "signed",
            "initiatives": [],
        },
    }.items():  # fmt: skip
        added = copy.deepcopy(data)
        added[key].append(item)
        out.append(added)
    for i in range(len(data["issues"])):
        added = copy.deepcopy(data)
        added["issues"][i]["evidence"].append("新しい根拠")
        out.append(added)
    return out


@pytest.mark.parametrize("criteria", CRITERIA, ids=lambda c: c.id)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles())
def test_score_in_range_and_gates_guard_the_top_band(
    criteria: Criteria, data: dict[str, Any]
) -> None:
    result = assess(criteria, Profile.model_validate(data))
    assert 0 <= result.score <= 100
    # the score is the sum of the contributions, rounded to one decimal
    assert shown(sum(s.contribution for s in result.sections)) == result.score
    if not result.gates_passed:
        assert result.band_rank > 0
    if result.band_rank == 0:
        assert all(s.gate_passed is not False for s in result.sections)


@pytest.mark.parametrize("criteria", CRITERIA, ids=lambda c: c.id)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles())
def test_adding_a_fact_never_lowers_the_score(criteria: Criteria, data: dict[str, Any]) -> None:
    before = assess(criteria, Profile.model_validate(data)).score
    for added in _additions(data):
        after = assess(criteria, Profile.model_validate(added)).score
        assert after >= before - 1e-9


@pytest.mark.parametrize("criteria", CRITERIA, ids=lambda c: c.id)
@settings(max_examples=30, deadline=None)
@given(data=profiles())
def test_next_band_plan_reaches_the_next_band(criteria: Criteria, data: dict[str, Any]) -> None:
    result = assess(criteria, Profile.model_validate(data))
    if result.next_band is None:
        return
    by_id = {c.id: c for c in result.criteria}
    planned = [by_id[g] for g in result.next_band.gaps]
    assert all(c.status != "met" for c in planned)
    reached = sum(s.contribution for s in result.sections) + sum(c.adds for c in planned)
    assert shown(reached) >= result.next_band.band.min  # exact, rounded once as reports show
    for section in result.sections:
        if section.id in result.next_band.gates:
            earned = section.earned + sum(c.possible for c in planned if c.section == section.id)
            assert earned >= exact(section.gate or 0) * section.possible


def _complete_profile() -> Profile:
    """A profile that states every fact the bundled criteria look for."""
    data = copy.deepcopy(MINIMAL)
    data["will"] = {
        "requested_partnership": True, "top_commitment": "mayor", "lead_department": "産業部",
        "contact": "課長", "staff_fte": 2.0, "annual_review": True, "municipal_plan": "総合計画",
        "team": {"departments": ["商工課", "企画課"], "cross_departmental": True},
    }  # fmt: skip
    data["issues"] = [
        {"id": "a", "title": "課題A", "evidence": ["統計"]},
        {"id": "b", "title": "課題B", "evidence": ["声"]},
    ]
    data["initiatives"] = [
        {
            "id": "x", "title": "取組", "addresses": ["a"],
            "actions": [f"行動{i}" for i in range(len(STRATEGY_IDS))],  # one per strategy
            "serves": [s for s in STRATEGY_IDS if s != "elsewhere"], "owner": "商工課",
            "timeline": {"end": "2025-03-31"}, "kpis": [{"indicator": "件数"}],
            "town_role": "調整", "bureau_role": "助言",
        }
    ]  # fmt: skip
    data["partners"] = [
        {"name": "商工会", "type": "society_of_commerce", "commitment": "signed",
         "initiatives": ["x"]},
        {"name": "銀行", "type": "financial_institution", "commitment": "agreed",
         "contribution": "融資枠"},
        {"name": "支援センター", "type": "industry_support_centre", "commitment": "agreed",
         "contribution": "専門家の派遣"},
        {"name": "中核企業A社", "type": "core_firm", "commitment": "agreed",
         "contribution": "設備の開放"},
        {"name": "大学", "type": "university", "commitment": "in_talks"},
    ]  # fmt: skip
    # Kinki's standard model and Kyushu's 2026 set read plans, a promotion body, a vision.
    data["plans"] = [
        {"kind": "sogo_senryaku", "title": "総合戦略", "names_project": True},
        {"kind": "cluster_plan", "title": "地域クラスター計画"},
    ]
    data["promotion_body"] = {
        "kind": "協議会", "responsible": "協議会",
        "members": [{"name": "市", "sector": "government", "role": "事務局"},
                    {"name": "銀行", "sector": "finance", "role": "資金"}],
    }  # fmt: skip
    data["vision"] = "夢のある将来像"
    data["structural_issues"] = ["後継者不足"]
    data["record"] = {
        "programmes": [
            {"programme": p, "firms": ["A社"]}
            for p in ("sogyo-shien", "noshoko-renkei", "chiiki-keizai-kenin")
        ],
        "bureau_cooperation": [{"what": "説明会の共催"}],
        "growth_firms": ["A社"],
        "rollout": "近隣町へ展開",
    }
    # One cited document states it all: the top bands ask that cited sources back half the points.
    data["sources"] = [{"id": "plan", "title": "産業振興計画", "date": "2024-04-01"}]
    data["citations"] = {k: ["plan"] for k in CITED}
    return Profile.model_validate(data)


CITED = ("will", "issues", "initiatives", "partners", "plans", "promotion_body", "vision",
         "structural_issues", "record")  # fmt: skip


PER_CRITERION = [(c, s.id, k.id) for c in CRITERIA for s, k in c.all_criteria()]


@pytest.mark.parametrize(
    ("criteria", "section", "criterion"),
    PER_CRITERION,
    ids=[f"{c.id}:{k}" for c, _, k in PER_CRITERION],
)
def test_each_criterion_is_met_by_a_complete_profile_and_not_by_an_empty_one(
    criteria: Criteria, section: str, criterion: str
) -> None:
    full = {c.id: c for c in assess(criteria, _complete_profile()).criteria}[criterion]
    empty = {c.id: c for c in assess(criteria, Profile.model_validate(MINIMAL)).criteria}[criterion]
    assert (full.status, full.earned, full.section) == ("met", full.possible, section)
    assert (empty.status, empty.earned) == ("unmet", 0)
    assert full.evidence, "a met criterion names the facts that satisfied it"


@pytest.mark.parametrize("criteria", CRITERIA, ids=lambda c: c.id)
def test_complete_profile_scores_100_and_empty_scores_0(criteria: Criteria) -> None:
    full = assess(criteria, _complete_profile())
    assert (full.score, full.band_rank, full.gaps, full.evidence_coverage) == (100, 0, (), 1)
    uncited = assess(criteria, _complete_profile().model_copy(update={"citations": {}}))
    assert (uncited.score, uncited.band_rank, uncited.evidence_coverage) == (100, 1, 0)
    empty = assess(criteria, Profile.model_validate(MINIMAL))
    assert (empty.score, empty.band.id) == (0, criteria.bands[-1].id)
    assert empty.next_band is not None
