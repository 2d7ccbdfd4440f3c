"""Each check kind, table-driven: (check, facts, expected status)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from readiness.criteria.checks import Check
from tests.profiles import profile

CHECK = TypeAdapter(Check)

PARTNER_AGREED = {"name": "商工会議所", "type": "chamber_of_commerce", "commitment": "agreed"}
PARTNER_PLANNED = {"name": "銀行", "type": "financial_institution", "commitment": "planned"}
PARTNER_UNKNOWN = {"name": "大学", "type": "university", "commitment": "unknown"}

CASES: list[tuple[str, dict[str, Any], dict[str, Any], str]] = [
    # present
    ("present stated", {"kind": "present", "field": "will.lead_department"},
     {"will__lead_department": "産業部"}, "met"),
    ("present omitted", {"kind": "present", "field": "will.lead_department"}, {}, "unmet"),
    ("present unknown", {"kind": "present", "field": "will.lead_department"},
     {"will__lead_department": "unknown"}, "unknown"),
    ("present empty list", {"kind": "present", "field": "record.growth_firms"},
     {"record__growth_firms": []}, "unmet"),
    ("present none literal", {"kind": "present", "field": "will.top_commitment"},
     {"will__top_commitment": "none"}, "unmet"),
    ("present empty record", {"kind": "present", "field": "will.team"},
     {"will__team": {}}, "unmet"),
    ("present record with a fact", {"kind": "present", "field": "will.team"},
     {"will__team": {"kind": "WG"}}, "met"),
    ("present inside unknown", {"kind": "present", "field": "will.team.kind"},
     {"will__team": "unknown"}, "unknown"),
    # is_true
    ("is_true yes", {"kind": "is_true", "field": "will.annual_review"},
     {"will__annual_review": True}, "met"),
    ("is_true no", {"kind": "is_true", "field": "will.annual_review"},
     {"will__annual_review": False}, "unmet"),
    ("is_true unknown", {"kind": "is_true", "field": "will.annual_review"},
     {"will__annual_review": "unknown"}, "unknown"),
    ("is_true omitted", {"kind": "is_true", "field": "will.annual_review"}, {}, "unmet"),
    # at_least
    ("at_least number met", {"kind": "at_least", "field": "will.staff_fte", "min": 0.5},
     {"will__staff_fte": 0.5}, "met"),
    ("at_least number short", {"kind": "at_least", "field": "will.staff_fte", "min": 0.5},
     {"will__staff_fte": 0.2}, "unmet"),
    ("at_least list", {"kind": "at_least", "field": "record.growth_firms", "min": 2},
     {"record__growth_firms": ["A社", "B社"]}, "met"),
    ("at_least list short", {"kind": "at_least", "field": "record.growth_firms", "min": 2},
     {"record__growth_firms": ["A社"]}, "unmet"),
    ("at_least unknown", {"kind": "at_least", "field": "record.growth_firms", "min": 1},
     {"record__growth_firms": "unknown"}, "unknown"),
    # one_of
    ("one_of member", {"kind": "one_of", "field": "will.top_commitment",
                       "values": ["mayor", "deputy_mayor"]},
     {"will__top_commitment": "mayor"}, "met"),
    ("one_of other", {"kind": "one_of", "field": "will.top_commitment", "values": ["mayor"]},
     {"will__top_commitment": "section_head"}, "unmet"),
    ("one_of unknown", {"kind": "one_of", "field": "will.top_commitment", "values": ["mayor"]},
     {"will__top_commitment": "unknown"}, "unknown"),
    # count
    ("count where met", {"kind": "count", "items": "partners",
                         "where": {"commitment": {"in": ["signed", "agreed"]}}},
     {"partners": [PARTNER_PLANNED, PARTNER_AGREED]}, "met"),
    ("count where unmet", {"kind": "count", "items": "partners",
                           "where": {"commitment": {"in": ["signed", "agreed"]}}},
     {"partners": [PARTNER_PLANNED]}, "unmet"),
    ("count undecided item", {"kind": "count", "items": "partners",
                              "where": {"commitment": {"in": ["signed", "agreed"]}}},
     {"partners": [PARTNER_PLANNED, PARTNER_UNKNOWN]}, "unknown"),
    ("count min 2", {"kind": "count", "items": "partners", "min": 2},
     {"partners": [PARTNER_PLANNED]}, "unmet"),
    ("count empty list", {"kind": "count", "items": "partners"}, {"partners": []}, "unmet"),
    ("count unknown list", {"kind": "count", "items": "partners"},
     {"partners": "unknown"}, "unknown"),
    ("count equals", {"kind": "count", "items": "partners",
                      "where": {"type": {"equals": "university"}}},
     {"partners": [PARTNER_UNKNOWN]}, "met"),
    ("count min predicate", {"kind": "count", "items": "initiatives",
                             "where": {"kpis": {"min": 1}}},
     {"initiatives": [{"id": "a", "title": "A", "kpis": [{"indicator": "件数"}]}]}, "met"),
    ("count present predicate", {"kind": "count", "items": "issues",
                                 "where": {"evidence": {"present": True}}},
     {"issues": [{"id": "a", "title": "A", "evidence": []}]}, "unmet"),
    # all / any
    ("all met", {"kind": "all", "checks": [
        {"kind": "present", "field": "will.lead_department"},
        {"kind": "is_true", "field": "will.annual_review"}]},
     {"will__lead_department": "産業部", "will__annual_review": True}, "met"),
    ("all one unmet", {"kind": "all", "checks": [
        {"kind": "present", "field": "will.lead_department"},
        {"kind": "is_true", "field": "will.annual_review"}]},
     {"will__lead_department": "産業部", "will__annual_review": False}, "unmet"),
    ("all one unknown", {"kind": "all", "checks": [
        {"kind": "present", "field": "will.lead_department"},
        {"kind": "is_true", "field": "will.annual_review"}]},
     {"will__lead_department": "産業部", "will__annual_review": "unknown"}, "unknown"),
    ("any one met", {"kind": "any", "checks": [
        {"kind": "present", "field": "will.lead_department"},
        {"kind": "present", "field": "will.contact"}]},
     {"will__contact": "課長"}, "met"),
    ("any unknown", {"kind": "any", "checks": [
        {"kind": "present", "field": "will.lead_department"},
        {"kind": "present", "field": "will.contact"}]},
     {"will__contact": "unknown"}, "unknown"),
    ("any none", {"kind": "any", "checks": [
        {"kind": "present", "field": "will.lead_department"},
        {"kind": "present", "field": "will.contact"}]}, {}, "unmet"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("check", "facts", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check_status(check: dict[str, Any], facts: dict[str, Any], expected: str) -> None:
    assert CHECK.validate_python(check).evaluate(profile(**facts)).status == expected


def test_count_evidence_points_at_matching_items() -> None:
    check = CHECK.validate_python(
        {"kind": "count", "items": "partners", "where": {"commitment": {"in": ["agreed"]}}}
    )
    outcome = check.evaluate(profile(partners=[PARTNER_PLANNED, PARTNER_AGREED]))
    assert [(e.loc, e.text) for e in outcome.evidence] == [(("partners", 1), "商工会議所")]


BAD_FIELDS = [
    ({"kind": "present", "field": "will.lead_dept"},
     "no field 'lead_dept' in will: did you mean 'will.lead_department'?"),
    ({"kind": "is_true", "field": "will.lead_department"},
     "field 'will.lead_department' is not a yes/no field"),
    ({"kind": "at_least", "field": "will.contact", "min": 1},
     "field 'will.contact' is not a number or a list"),
    ({"kind": "one_of", "field": "will.top_commitment", "values": ["mayr"]},
     "value 'mayr' is not possible for 'will.top_commitment'; choose from "
     "department_head, deputy_mayor, mayor, none, section_head"),
    ({"kind": "count", "items": "will.contact"}, "field 'will.contact' is not a list of records"),
    ({"kind": "count", "items": "partners", "where": {"kind": {"present": True}}},
     "no field 'kind' in partners"),
    ({"kind": "count", "items": "initiatives", "where": {"serves": {"in": ["rx-dxx"]}}},
     "value 'rx-dxx' is not possible for 'initiatives.serves'; choose from rx-dx"),
    ({"kind": "present", "field": "will.lead_department.name"},
     "'will.lead_department' has no fields inside it"),
]  # fmt: skip


@pytest.mark.parametrize(("check", "message"), BAD_FIELDS)
def test_field_references_are_checked(check: dict[str, Any], message: str) -> None:
    from readiness.profile.model import Profile

    problems = CHECK.validate_python(check).field_problems(Profile, frozenset({"rx-dx"}))
    assert problems == [message]
