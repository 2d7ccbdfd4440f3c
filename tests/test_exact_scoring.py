"""Issue 11's reproductions, each a test: exact scores, the minimal plan, and what is stated."""

from __future__ import annotations

import copy
import json
import math
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.criteria.bundled import bundled
from readiness.criteria.checks import substance
from readiness.criteria.diff import diff_criteria
from readiness.criteria.loading import load_criteria_text
from readiness.diagnostics import ReadinessError
from readiness.input.fieldpaths import UNKNOWN_FACT
from readiness.profile.loading import load_profile
from readiness.profile.model import Profile, Team, Timeline
from readiness.reporters.json_report import dumps
from readiness.scoring.impact import impact
from readiness.scoring.points import round_half_up, shown
from readiness.scoring.scorer import assess
from tests.conftest import EXAMPLES, PROPERTY, RunCli
from tests.profiles import MINIMAL, parse, profile

HEAD = """\
format: 1
id: exact-test
bureau: tohoku
version: "1"
title: {ja: 試験, en: Test}
sources: [{publisher: 試験, title: 試験, date: 2024-04-01}]
period: {start: 2024-04-01}
strategy_label: {ja: 戦略, en: Strategies}
"""


def criterion(cid: str, points: float, field: str) -> str:
    return f"""\
      - id: {cid}
        label: {{ja: {cid}, en: {cid}}}
        points: {points}
        check: {{kind: present, field: {field}}}
        recommendation: {{ja: 記入してください。, en: Fill it in.}}
"""


def section(sid: str, weight: float, *criteria: str) -> str:
    return (
        f"  - id: {sid}\n    kind: condition\n    label: {{ja: {sid}, en: {sid}}}\n"
        f"    weight: {weight}\n    criteria:\n" + "".join(criteria)
    )


def criteria_text(sections: list[str], bands: str) -> str:
    return HEAD + "sections:\n" + "".join(sections) + "bands:\n" + bands


TWO_BANDS = """\
  - {id: ready, label: {ja: 準備済, en: Ready}, min: 68.8}
  - {id: not-yet, label: {ja: 準備段階, en: Not yet}, min: 0}
"""

# Weights 20, 5, 5; the town earns 8 of 9, 4 of 9 and 1 of 8 points: exactly 68.75.  As floats
# the three contributions summed in file order give 68.7, and in reverse order 68.8.
ORDERED = [
    section("a", 20, criterion("a.met", 8, "will.lead_department"),
            criterion("a.gap", 1, "record.rollout")),
    section("b", 5, criterion("b.met", 4, "will.contact"),
            criterion("b.gap", 5, "will.top_commitment_evidence")),
    section("c", 5, criterion("c.met", 1, "will.municipal_plan"),
            criterion("c.gap", 7, "will.team")),
]  # fmt: skip
TOWN = {"lead_department": "産業部", "contact": "課長", "municipal_plan": "総合計画"}


def test_section_order_never_changes_the_score() -> None:
    town = profile(will=TOWN)
    forward = assess(load_criteria_text(criteria_text(ORDERED, TWO_BANDS)), town)
    backward = assess(load_criteria_text(criteria_text(ORDERED[::-1], TWO_BANDS)), town)
    assert sum(s.contribution for s in forward.sections) == Fraction("68.75")
    assert (forward.score, forward.band.id) == (backward.score, backward.band.id) == (68.8, "ready")


def test_diff_of_reordered_sections_is_empty_and_no_town_changes_band(
    run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "a.yaml").write_text(criteria_text(ORDERED, TWO_BANDS), "utf-8")
    (tmp_path / "b.yaml").write_text(criteria_text(ORDERED[::-1], TWO_BANDS), "utf-8")
    town = tmp_path / "town.yaml"
    town.write_text(
        "schema_version: 1\nas_of: 2024-04-01\n"
        "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n"
        f"will: {json.dumps(TOWN, ensure_ascii=False)}\n",
        "utf-8",
    )
    for fail_on in ("band-change", "score-change"):
        result = run_cli("diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"),
                         "-p", str(town), "--fail-on", fail_on, "-f", "json")  # fmt: skip
        data = json.loads(result.stdout)
        assert (result.exit_code, data["empty"], result.stderr) == (0, True, "")
        assert data["impact"]["towns"][0]["before"]["score"] == 68.8


def test_gaps_worth_the_same_keep_file_order() -> None:
    # a.one and b.three are both worth 25/9 of the total (and a.two, b.six 50/9); as floats
    # the b criteria came out larger and were ranked first.
    text = criteria_text(
        [
            section("a", 1, criterion("a.one", 1, "will.lead_department"),
                    criterion("a.two", 2, "will.contact")),
            section("b", 1, criterion("b.three", 3, "will.municipal_plan"),
                    criterion("b.six", 6, "record.rollout")),
            section("c", 10, criterion("c.ten", 10, "will.team")),
        ],
        TWO_BANDS,
    )  # fmt: skip
    result = assess(load_criteria_text(text), profile())
    assert [g.id for g in result.gaps] == ["c.ten", "a.two", "b.six", "a.one", "b.three"]
    assert result.gaps[3].adds == result.gaps[4].adds == Fraction(25, 9)


# One section of 100 points: 69.95 (shown 70.0) plus 11.3 is exactly 81.25, shown 81.3.
HALVES = criteria_text(
    [section("will", 100,
             criterion("will.lead", 69.95, "will.lead_department"),
             criterion("will.contact", 11.3, "will.contact"),
             criterion("will.plan", 6.25, "will.municipal_plan"),
             criterion("will.team", 6.25, "will.team"),
             criterion("will.rollout", 6.25, "record.rollout"))],
    """\
  - {id: ready, label: {ja: 準備済, en: Ready}, min: 81.3}
  - {id: promising, label: {ja: 有望, en: Promising}, min: 70}
  - {id: not-yet, label: {ja: 準備段階, en: Not yet}, min: 0}
""",
)  # fmt: skip


def test_applying_the_plan_reaches_a_band_that_starts_at_a_half() -> None:
    criteria = load_criteria_text(HALVES)
    before = assess(criteria, profile(will__lead_department="産業部"))
    assert (before.score, before.band.id) == (70.0, "promising")
    assert before.next_band is not None
    assert before.next_band.gaps == ("will.contact",)
    after = assess(criteria, profile(will__lead_department="産業部", will__contact="課長"))
    assert (after.score, after.band.id) == (81.3, "ready")


def test_exact_halves_round_up() -> None:
    criteria = load_criteria_text(HALVES)
    result = assess(criteria, profile())
    plan = {g.id: g.adds for g in result.gaps}["will.plan"]
    assert (plan, shown(plan)) == (Fraction("6.25"), 6.3)
    assert [shown(Fraction(x)) for x in ("0.05", "-0.05", "6.249", "81.25")] == [
        0.1, -0.1, 6.2, 81.3
    ]  # fmt: skip
    assert round_half_up(Fraction("6.25"), 0) == 6
    assert '"adds": 6.25' in dumps({"adds": shown(plan, 2)})


KOSHI_LIKE = """\
schema_version: 1
as_of: 2020-04-01
municipality: {name: 合志市, code: "432164", prefecture: 熊本県}
will: {top_commitment: mayor, lead_department: 商工振興課, annual_review: true}
issues:
  - {id: jobs, title: 若者の雇用の場が少ない}
  - {id: successors, title: 事業承継が進まない}
initiatives:
  - {id: startup-support, title: 創業支援, serves: [startup], bureau_role: 勉強会の講師}
record: {rollout: 近隣の町へ展開できる}
"""


def test_kyushu_plan_is_one_gap_when_one_reaches_the_band() -> None:
    # 36.6 shown; closing issues.evidence adds 25/3 and gives exactly 44.983..., shown 45.0.
    # Adding 25/3 to the shown 36.6 gave 44.93 and a needless second gap.
    criteria = bundled("kyushu-2019")
    town = parse(KOSHI_LIKE)
    result = assess(criteria, town)
    assert (result.score, result.band.id) == (36.6, "not-yet")
    assert result.next_band is not None
    assert result.next_band.gaps == ("issues.evidence",)
    data = copy.deepcopy(town.model_dump(mode="json", exclude_defaults=True))
    data["issues"][0]["evidence"] = ["統計"]
    after = assess(criteria, Profile.model_validate(data))
    assert (after.score, after.band.id) == (45.0, "promising")


def test_json_never_holds_a_non_finite_number() -> None:
    for value in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError, match="not JSON compliant"):
            dumps({"score": value})


# --- what is stated ---------------------------------------------------------------------------

SUBSTANCE: list[tuple[str, object, str]] = [
    ("text", "産業部", "stated"),
    ("zero", 0, "stated"),
    ("false", False, "stated"),
    ("unknown word", "unknown", "unknown"),
    ("unknown fact", UNKNOWN_FACT, "unknown"),
    ("omitted", None, "empty"),
    ("empty text", "", "empty"),
    ("none", "none", "empty"),
    ("empty list", [], "empty"),
    ("list of unknowns", ["unknown", "unknown"], "unknown"),
    ("list with one fact", ["unknown", "産業部"], "stated"),
    ("record of unknown", Team(kind="unknown"), "unknown"),
    ("record with empty list", Team(departments=[]), "empty"),
    ("record with null", Team(kind=None), "empty"),
    ("record of nothing", Team(), "empty"),
    ("timeline without dates", Timeline(start=None), "empty"),
    ("list of empty records", [Team(), Team()], "empty"),
    ("list of an unknown record", [Team(), Team(cross_departmental="unknown")], "unknown"),
    ("deep fact", [Team(departments=["unknown", "商工課"])], "stated"),
]


@pytest.mark.parametrize(("value", "expected"), [c[1:] for c in SUBSTANCE],
                         ids=[c[0] for c in SUBSTANCE])  # fmt: skip
def test_substance(value: object, expected: str) -> None:
    assert substance(value) == expected


# (facts, criteria set, criterion, status): unknown or empty at any depth earns nothing.
NOTHING_EARNED: list[tuple[str, dict[str, Any], str, str, str]] = [
    ("team of unknown kind and members",
     {"will": {"team": {"kind": "unknown", "members": ["unknown"]}}}, "tohoku-2022",
     "will.team", "unknown"),
    ("departments all unknown", {"will": {"team": {"departments": ["unknown", "unknown"]}}},
     "tohoku-2022", "will.team", "unknown"),
    ("evidence unknown", {"issues": [{"id": "a", "title": "課題", "evidence": ["unknown"]}]},
     "tohoku-2022", "issues.evidence", "unknown"),
    ("actions unknown", {"issues": [{"id": "a", "title": "課題"}], "initiatives": [
        {"id": "x", "title": "取組", "addresses": ["a"], "actions": ["unknown"]}]},
     "tohoku-2022", "issues.concrete-initiative", "unknown"),
    ("firms unknown", {"record": {"programmes": [{"programme": "sogyo-shien",
                                                  "firms": ["unknown"]}]}},
     "kyushu-2019", "partners.engaged", "unknown"),
    ("team with no departments", {"will": {"team": {"departments": []}}}, "tohoku-2022",
     "will.team", "unmet"),
    ("team with null kind", {"will": {"team": {"kind": None}}}, "tohoku-2022", "will.team",
     "unmet"),
    ("timeline without a start", {"initiatives": [
        {"id": "x", "title": "取組", "owner": "課", "timeline": {"start": None}}]},
     "tohoku-2022", "issues.owner-timeline", "unmet"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("facts", "criteria_id", "criterion", "status"),
    [c[1:] for c in NOTHING_EARNED],
    ids=[c[0] for c in NOTHING_EARNED],
)
def test_unknown_or_empty_at_any_depth_earns_nothing(
    facts: dict[str, Any], criteria_id: str, criterion: str, status: str
) -> None:
    data = {**copy.deepcopy(MINIMAL), **facts}
    result = assess(bundled(criteria_id), Profile.model_validate(data))
    found = {c.id: c for c in result.criteria}[criterion]
    assert (found.status, found.earned) == (status, 0)


def test_a_partner_joining_initiatives_that_are_unknown_is_refused() -> None:
    text = (
        "schema_version: 1\nas_of: 2024-04-01\n"
        "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n"
        "initiatives: unknown\n"
        "partners:\n  - {name: 商工会, type: society_of_commerce, commitment: signed, "
        "initiatives: [tbd]}\n"
    )
    with pytest.raises(ReadinessError) as caught:
        parse(text)
    assert [str(d) for d in caught.value.diagnostics] == [
        "test.yaml:6:78: bad-reference partner '商工会' joins no initiative with id 'tbd' "
        "(initiatives are unknown: state the initiatives it refers to, or remove the reference)"
    ]


# Slots where a profile may say ``unknown``: (where, the value, how to leave it out).
@st.composite
def unknown_somewhere(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """The same town twice: with ``unknown`` at random depths, and with those facts left out."""
    said: dict[str, Any] = copy.deepcopy(MINIMAL)
    left: dict[str, Any] = copy.deepcopy(MINIMAL)

    def maybe(target: tuple[dict[str, Any], dict[str, Any]], key: str, value: Any) -> None:
        """Set ``key`` to ``value`` in both, or to unknown in one and nothing in the other."""
        choice = draw(st.sampled_from(["value", "unknown", "absent"]))
        if choice == "value":
            target[0][key] = copy.deepcopy(value)
            target[1][key] = copy.deepcopy(value)
        elif choice == "unknown":
            target[0][key] = "unknown"

    def items(values: list[str]) -> tuple[list[str], list[str]]:
        extra = draw(st.integers(0, 2))
        return [*values, *["unknown"] * extra], list(values)

    will: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
    for key, value in [("requested_partnership", True), ("top_commitment", "mayor"),
                       ("lead_department", "産業部"), ("contact", "課長"), ("staff_fte", 1.0),
                       ("annual_review", True), ("municipal_plan", "総合計画")]:  # fmt: skip
        maybe(will, key, value)
    team_choice = draw(st.sampled_from(["record", "unknown", "absent"]))
    if team_choice == "record":
        team: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
        maybe(team, "kind", "WG")
        maybe(team, "cross_departmental", True)
        departments = draw(st.lists(st.sampled_from(["商工課", "企画課"]), max_size=2))
        team[0]["departments"], team[1]["departments"] = items(departments)
        will[0]["team"], will[1]["team"] = team
    elif team_choice == "unknown":
        will[0]["team"] = "unknown"
    said["will"], left["will"] = will
    top: tuple[dict[str, Any], dict[str, Any]] = (said, left)
    if draw(st.booleans()):
        issues = [{"id": f"i{n}", "title": "課題"} for n in range(draw(st.integers(0, 2)))]
        pairs = [items(draw(st.lists(st.just("統計"), max_size=1))) for _ in issues]
        said["issues"] = [{**i, "evidence": p[0]} for i, p in zip(issues, pairs, strict=True)]
        left["issues"] = [{**i, "evidence": p[1]} for i, p in zip(issues, pairs, strict=True)]
    else:
        maybe(top, "issues", [])
    initiatives = ([], [])
    for n in range(draw(st.integers(0, 2))):
        one: tuple[dict[str, Any], dict[str, Any]] = (
            {"id": f"p{n}", "title": "取組"}, {"id": f"p{n}", "title": "取組"})  # fmt: skip
        for key, value in [("owner", "課"), ("timeline", {"end": "2025-03-31"}),
                           ("kpis", [{"indicator": "件数"}]), ("bureau_role", "助言"),
                           ("town_role", "調整")]:  # fmt: skip
            maybe(one, key, value)
        one[0]["actions"], one[1]["actions"] = items(draw(st.lists(st.just("行動"), max_size=1)))
        one[0]["serves"], one[1]["serves"] = items(
            draw(st.lists(st.sampled_from(["startup", "rx-dx"]), max_size=1))
        )
        initiatives[0].append(one[0])
        initiatives[1].append(one[1])
    said["initiatives"], left["initiatives"] = initiatives
    partners = ([], [])
    for n in range(draw(st.integers(0, 2))):
        base = {"name": f"機関{n}", "type": "university", "commitment": "agreed"}
        partner: tuple[dict[str, Any], dict[str, Any]] = (dict(base), dict(base))
        maybe(partner, "role", "研究")
        partners[0].append(partner[0])
        partners[1].append(partner[1])
    said["partners"], left["partners"] = partners
    record: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
    firms = items(draw(st.lists(st.just("A社"), max_size=1)))
    maybe(record, "programmes", [{"programme": "sogyo-shien", "firms": firms[1]}])
    if record[0].get("programmes") not in (None, "unknown"):
        record[0]["programmes"] = [{"programme": "sogyo-shien", "firms": firms[0]}]
    maybe(record, "bureau_cooperation", [{"what": "説明会"}])
    maybe(record, "rollout", "近隣へ")
    record[0]["growth_firms"], record[1]["growth_firms"] = items(
        draw(st.lists(st.just("B社"), max_size=1))
    )
    said["record"], left["record"] = record
    return said, left


@PROPERTY
@given(pair=unknown_somewhere())
def test_unknown_at_any_depth_scores_as_if_left_out(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    said, left = (Profile.model_validate(p) for p in pair)
    for criteria_id in ("kyushu-2019", "tohoku-2022"):
        criteria = bundled(criteria_id)
        with_unknown, without = assess(criteria, said), assess(criteria, left)
        assert with_unknown.score == without.score
        met = {c.id for c in with_unknown.criteria if c.status == "met"}
        assert met == {c.id for c in without.criteria if c.status == "met"}


# --- diff by meaning --------------------------------------------------------------------------


def test_reordered_values_are_no_change_and_a_tiny_min_change_is_shown() -> None:
    old = bundled("tohoku-2022")
    data = old.model_dump(mode="json", by_alias=True)
    will = data["sections"][0]["criteria"]
    will[0]["check"]["values"].reverse()
    assert diff_criteria(old, type(old).model_validate(data)).empty
    staff = next(c for c in will if c["id"] == "will.staff")
    staff["check"]["min"] = 0.5000004
    changed = diff_criteria(old, type(old).model_validate(data)).criteria
    assert [(c.id, [(f.field, f.old, f.new) for f in c.changes]) for c in changed] == [
        ("will.staff", [("check", "{kind: at_least, field: will.staff_fte, min: 0.5}",
                         "{kind: at_least, field: will.staff_fte, min: 0.5000004}")])
    ]  # fmt: skip


def _with_bands(edit: Any) -> Any:
    old = bundled("tohoku-2022")
    data = old.model_dump(mode="json", by_alias=True)
    edit(data["bands"])
    return old, type(old).model_validate(data)


def test_a_band_added_above_moves_no_town_down() -> None:
    excellent = {"id": "excellent", "label": {"ja": "優秀", "en": "Excellent"}, "min": 90}
    old, new = _with_bands(lambda b: b.insert(0, excellent))
    diff = diff_criteria(old, new)
    assert [(b.kind, b.id) for b in diff.bands] == [("added", "excellent")]
    town = load_profile(EXAMPLES / "ishinomaki.yaml")
    moved = impact(diff, old, new, [("ishinomaki.yaml", town)]).towns[0]
    assert (moved.before.band.id, moved.after.band.id) == ("promising", "promising")
    assert (moved.band_move, moved.band_changed) == ("same", False)


def test_a_band_renamed_with_the_same_min_is_one_rename_and_no_band_change(
    run_cli: RunCli, tmp_path: Path
) -> None:
    old, new = _with_bands(
        lambda b: b[0].update(id="prepared", label={"ja": "準備完了", "en": "Prepared"})
    )
    diff = diff_criteria(old, new)
    assert [(b.kind, b.id, b.old_id, [f.field for f in b.changes]) for b in diff.bands] == [
        ("renamed", "prepared", "ready", ["label"])
    ]
    assert diff.meta == ()
    (tmp_path / "new.yaml").write_text(
        json.dumps(new.model_dump(mode="json", by_alias=True, exclude_none=True)), "utf-8"
    )
    town = str(EXAMPLES / "ishinomaki.yaml")
    new_file = str(tmp_path / "new.yaml")
    result = run_cli("diff", "tohoku-2022", new_file, "-p", town, "--fail-on", "band-change")
    assert (result.exit_code, result.stderr) == (0, "")


def test_explain_shows_what_a_criterion_adds_as_reports_do() -> None:
    from readiness.criteria.explain import worth

    criteria = load_criteria_text(HALVES)
    section = criteria.sections[0]
    plan = next(c for c in section.criteria if c.id == "will.plan")
    assert worth(criteria, section, plan) == 6.3  # 6.25 exactly, half up (not 6.2)
