"""Required criteria, the basis of each criterion, and "not yet shown" versus a failed gate."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from readiness import assess, load_criteria, load_profile
from readiness.criteria.model import Criteria
from readiness.diagnostics import ReadinessError
from readiness.profile.model import Profile
from tests.conftest import EXAMPLES
from tests.profiles import with_facts

KYUSHU = load_criteria("kyushu-2019")


def _koshi(**facts: Any) -> Profile:
    data = yaml.safe_load((EXAMPLES / "koshi.yaml").read_text(encoding="utf-8"))
    return Profile.model_validate(with_facts(data, **facts))


def _will(profile: Profile, criteria: Criteria = KYUSHU) -> Any:
    return next(s for s in assess(criteria, profile).sections if s.id == "will")


# Condition 1 with the request, the annual review and earlier contact (7 of 13 points, over
# its 50% gate), but no structure: each way of saying "no structure" fails the gate.
NO_STRUCTURE = [
    pytest.param({}, id="nothing said"),
    pytest.param({"will__team": {"cross_departmental": False}}, id="cross_departmental false"),
    pytest.param({"will__team": {"departments": []}}, id="no departments"),
    pytest.param({"will__team": {"departments": [], "members": []}}, id="empty team"),
]


@pytest.mark.parametrize("facts", NO_STRUCTURE)
def test_kyushu_condition_1_without_lead_or_team_fails_its_gate(facts: dict[str, Any]) -> None:
    profile = _koshi(will={"requested_partnership": True, "annual_review": True,
                           "top_commitment": "none", **_nested(facts)})  # fmt: skip
    will = _will(profile)
    assert will.share >= 0.5  # enough points: only the required criterion holds it back
    assert (will.gate_status, will.required_unmet) == ("failed", ("will.lead",))
    result = assess(KYUSHU, profile)
    assert result.band.id != "ready"
    assert [s.id for s in result.gates_failed] == ["will"]


def _nested(facts: dict[str, Any]) -> dict[str, Any]:
    return {k.removeprefix("will__"): v for k, v in facts.items()}


@pytest.mark.parametrize(
    "structure",
    [
        {"lead_department": "商工振興課"},
        {"team": {"departments": ["商工振興課", "農政課"]}},
        {"team": {"members": ["商工振興課の職員"]}},
        {"team": {"cross_departmental": True}},
    ],
)
def test_a_lead_department_or_a_team_is_a_structure(structure: dict[str, Any]) -> None:
    profile = _koshi(will={"requested_partnership": True, "annual_review": True, **structure})
    assert _will(profile).gate_status == "passed"


def test_unknown_structure_is_not_yet_shown_not_failed() -> None:
    koshi = load_profile(EXAMPLES / "koshi.yaml")
    will = _will(koshi)
    assert will.gate_status == "not_yet_shown"
    assert will.required_unknown == ("will.lead",)
    assert will.unknown_facts == 5
    result = assess(KYUSHU, koshi)
    assert ([s.id for s in result.gates_not_yet_shown], result.gates_failed) == (["will"], ())


@pytest.mark.parametrize(
    ("earned", "unknown", "required_unmet", "required_unknown", "status"),
    [
        (5, 0, (), (), "passed"),
        (4, 0, (), (), "failed"),
        (4, 1, (), (), "not_yet_shown"),  # confirming the unknown fact would pass it
        (3, 1, (), (), "failed"),  # even then it would not
        (8, 0, ("x",), (), "failed"),  # a required criterion a stated fact leaves unmet
        (8, 0, (), ("x",), "not_yet_shown"),  # a required criterion that is unknown
        (8, 2, ("x",), ("y",), "failed"),
    ],
)
def test_gate_status(
    earned: float,
    unknown: float,
    required_unmet: tuple[str, ...],
    required_unknown: tuple[str, ...],
    status: str,
) -> None:
    from readiness.profile.bilingual import Text
    from readiness.scoring.assessment import SectionResult

    section = SectionResult(
        "s", "condition", Text(ja="s", en="s"), None, 1, earned, 10, 0.5, 0,
        unknown_points=unknown, unknown_facts=int(unknown),
        required_unmet=required_unmet, required_unknown=required_unknown,
    )  # fmt: skip
    assert section.gate_status == status
    assert section.gate_passed is (status == "passed")


def _criteria_data() -> dict[str, Any]:
    from readiness.criteria.extends import criteria_to_data

    return copy.deepcopy(criteria_to_data(KYUSHU))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["sections"][0]["criteria"][0].update(basis="quoted", official=None),
            "basis: quoted needs the quotation in `official`",
        ),
        (
            lambda d: d["sections"][3]["criteria"][0].update(required=True),
            "section 'selection' has required criteria but no gate; give it a gate",
        ),
        (
            lambda d: d["sections"][0]["criteria"][0].update(basis="verbatim"),
            "basis: 'verbatim' is not allowed; expected 'quoted' or 'reading'",
        ),
    ],
)
def test_basis_and_required_are_checked(edit: Any, message: str, tmp_path: Any) -> None:
    data = _criteria_data()
    edit(data)
    data["sections"][0]["criteria"][0] = {
        k: v for k, v in data["sections"][0]["criteria"][0].items() if v is not None
    }
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ReadinessError) as e:
        load_criteria(path)
    assert message in str(e.value)


def test_reading_points_are_the_points_earned_by_readings() -> None:
    result = assess(KYUSHU, load_profile(EXAMPLES / "koshi.yaml"))
    readings = [c for c in result.criteria if c.status == "met" and c.basis == "reading"]
    assert readings
    assert result.reading_points == pytest.approx(sum(c.adds for c in readings))
    assert 0 < result.reading_points < result.score
