"""``readiness explain`` and ``criteria show``: words, examples that are true, the merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from readiness.criteria.bundled import bundled, bundled_criteria
from readiness.criteria.check_examples import as_profile, examples_for
from readiness.criteria.checks import CHECK_KINDS, Check
from readiness.criteria.explain import kind_doc, kind_summary
from readiness.criteria.loading import load_criteria, load_criteria_text
from readiness.criteria.paths import bundled_ids
from tests.conftest import EXAMPLES, RunCli

CHECK: TypeAdapter[Any] = TypeAdapter(Check)
ALL = [(c.id, x) for c in bundled_criteria() for _, x in c.all_criteria()]

EXTRA_CHECKS: list[dict[str, Any]] = [
    {"kind": "present", "field": "record.programmes"},
    {"kind": "present", "field": "will.top_commitment"},
    {"kind": "at_least", "field": "record.growth_firms", "min": 3},
    {"kind": "at_least", "field": "municipality.population", "min": 10000},
    {"kind": "one_of", "field": "will.top_commitment", "values": ["none"]},
    {"kind": "count", "items": "record.programmes", "min": 2},
    {"kind": "count", "items": "partners", "where": {"type": {"equals": "university"}}, "min": 2},
    {"kind": "count", "items": "initiatives", "where": {"kpis": {"min": 2}}},
    {"kind": "count", "items": "initiatives", "where": {"timeline.start": {"present": True}}},
    {"kind": "all", "checks": [
        {"kind": "is_true", "field": "will.annual_review"},
        {"kind": "count", "items": "partners", "min": 1},
    ]},
    {"kind": "any", "checks": [
        {"kind": "all", "checks": [{"kind": "present", "field": "will.contact"}]},
        {"kind": "at_least", "field": "will.staff_fte", "min": 2},
    ]},
]  # fmt: skip


def assert_examples_are_true(check: Any) -> None:
    examples = examples_for(check)
    assert examples.passing is not None
    passing = as_profile(examples.passing)
    failing = as_profile(examples.failing)
    assert passing is not None
    assert failing is not None
    assert check.evaluate(passing).status == "met"
    assert check.evaluate(failing).status == "unmet"


@pytest.mark.parametrize(("criteria_id", "criterion"), ALL, ids=[f"{c}:{x.id}" for c, x in ALL])
def test_every_bundled_criterion_has_a_true_passing_and_failing_example(
    criteria_id: str, criterion: Any
) -> None:
    assert_examples_are_true(criterion.check)


@pytest.mark.parametrize("kind", CHECK_KINDS)
def test_every_check_kind_has_a_summary_in_both_languages(kind: str) -> None:
    assert kind_summary(kind, "en") == kind_doc(kind).splitlines()[0]
    assert kind_summary(kind, "ja")


@pytest.mark.parametrize("check", EXTRA_CHECKS, ids=lambda c: str(c)[:60])
def test_examples_for_other_checks_are_true(check: dict[str, Any]) -> None:
    assert_examples_are_true(CHECK.validate_python(check))


def test_a_check_no_profile_can_meet_has_no_passing_example() -> None:
    # one_of over a list of records compares records with text: never met
    check = CHECK.validate_python({"kind": "one_of", "field": "initiatives", "values": ["x"]})
    examples = examples_for(check)
    assert examples.passing is None
    assert examples.failing == {}


EXPLAIN_STAFF = """\
will.staff  Staff time is set aside
Criteria: tohoku-2022 (Tohoku METI Bureau partnership model (mid-term policy FY2022-2024), \
"motivated municipality")
Section: will 1. Will as an organisation, and a structure (condition, weight 25, gate 50%)
Points: 1 of the section's 13; worth 1.9 of the 100-point total
Derived from (source wording): 一緒に取り組む体制
Basis: reading (this project's interpretation)
The section's wording: 組織として対応する意思があり、\
課題の解決に向けて、一緒に取り組む体制があること
Source: 東北経済産業局「石巻市と東北経済産業局との包括連携協定の締結について」2022-12-23 \
(URL none known; the project has the document as seed 004_a00f4fc9b318b0ba.txt)
How it is checked:
  will.staff_fte is at least 0.5
  [at_least] A number, or the length of a list, is at least min.
Recommendation: Set aside at least half a full-time post for the partnership.
A passing example:
  will:
    staff_fte: 0.5
A failing example:
  will:
    staff_fte: 0.25
"""


def test_explain_a_criterion(run_cli: RunCli) -> None:
    result = run_cli("explain", "will.staff", "-c", "tohoku-2022", "--lang", "en")
    assert (result.exit_code, result.stdout, result.stderr) == (0, EXPLAIN_STAFF, "")


def test_explain_in_japanese(run_cli: RunCli) -> None:
    result = run_cli("explain", "partners.in-initiative", "-c", "tohoku-2022", "--lang", "ja")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "partners.in-initiative  関係機関が具体的な取組に参加"
    assert "配点: 3点（この条件の9点中）、総合点100点のうち6.7点分" in lines
    assert "  partners のうち、initiatives が記載されているものが 1 件以上" in lines
    assert "  [count] where をすべて満たす要素が min 個以上" in lines
    assert "推奨: 各関係機関がどの取組に参加するかを明記してください。" in lines
    assert "根拠の種類: 引用（出典がこの事実を述べている）" in lines
    assert "必須（満たさないと条件の足切りを通過しない）" in lines
    assert lines.index("充足する例:") < lines.index("充足しない例:")


def test_an_id_in_both_bundled_sets_is_explained_for_each(run_cli: RunCli) -> None:
    result = run_cli("explain", "will.lead", "--lang", "en")
    assert result.exit_code == 0
    blocks = result.stdout.split("\n\n")
    having = [
        c.id for c in bundled_criteria() if "will.lead" in {x.id for _, x in c.all_criteria()}
    ]
    assert len(having) >= 2
    assert [b.splitlines()[1].split(" ")[1] for b in blocks] == having


def test_explain_a_check_kind_from_its_docstring(run_cli: RunCli) -> None:
    result = run_cli("explain", "is_true")
    assert result.exit_code == 0
    assert result.stdout == (
        "is_true: A yes/no fact is yes.\n\n"
        "PASS  {kind: is_true, field: will.annual_review} with annual_review: true\n"
        "FAIL  the same with annual_review: false\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["will.staf", "-c", "tohoku-2022"],
            "will.staf: unknown-criterion no criterion with this id in tohoku-2022; "
            "did you mean will.staff, will.team, will.lead?",
        ),
        (
            ["will.staff", "-c", "kyushu-2019"],
            "will.staff: unknown-criterion no criterion with this id in kyushu-2019; "
            "did you mean will.team, will.request, will.lead?",
        ),
        (
            ["will.staff", "-c", "kyushu-2020"],
            "kyushu-2020: unknown-criteria not a bundled id, a file or REV:path; did you mean "
            f"'kyushu-2026'? bundled ids: {', '.join(bundled_ids())}",
        ),
    ],
    ids=["near miss", "not in this set", "unknown set"],
)
def test_unknown_names_are_bad_input(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli("explain", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_criteria_show_at_a_glance(run_cli: RunCli) -> None:
    result = run_cli("criteria", "show", "tohoku-2022", "--lang", "en", "--as-of", "2025-03-31")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "tohoku-2022  Tohoku METI Bureau partnership model (mid-term policy FY2022-2024), "
        '"motivated municipality"',
        "tohoku · version 2022 · period 2022-04-01 – 2025-03-31 · current (2025-03-31)",
        "Sources:",
    ]
    assert "    will.cross-department  [2 pt]  Run across departments" in lines
    assert "          - will.team.departments has at least 2 item(s)" in lines
    assert lines[-4:] == [
        "  ready  ≥ 70  Ready (evidence coverage at least 50%)",
        "  promising  ≥ 45  Promising",
        "  not-yet  ≥ 0  Not yet",
        "Tests: 9 (readiness verify tohoku-2022)",
    ]


@pytest.mark.parametrize("criteria_id", ["kyushu-2019", "tohoku-2022"])
def test_resolved_output_loads_back_as_the_same_set(run_cli: RunCli, criteria_id: str) -> None:
    result = run_cli("criteria", "show", criteria_id, "--resolved")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"# {criteria_id}: resolved\nformat: 1\n")
    assert load_criteria_text(result.stdout) == bundled(criteria_id)


def test_resolved_shows_the_merge_of_an_extending_file(run_cli: RunCli, tmp_path: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text(
        "format: 1\nextends: tohoku-2022\nid: strict\n"
        "remove: {criteria: [will.review]}\n"
        "sections: [{id: will, weight: 40}]\n",
        "utf-8",
    )
    result = run_cli("criteria", "show", str(child), "--resolved")
    assert result.exit_code == 0
    assert result.stdout.startswith("# strict: resolved (extends tohoku-2022, merged)\n")
    assert "will.review" not in result.stdout
    assert "extends:" not in result.stdout
    standalone = load_criteria_text(result.stdout)
    merged = load_criteria(child)
    assert standalone == merged.model_copy(update={"extends": None})
    assert standalone.sections[0].weight == 40


def test_resolved_names_test_profiles_so_the_saved_file_verifies(
    run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "towns").mkdir()
    (tmp_path / "towns" / "ishinomaki.yaml").write_text(
        (EXAMPLES / "ishinomaki.yaml").read_text("utf-8"), "utf-8"
    )
    child = tmp_path / "child.yaml"
    child.write_text(
        "format: 1\nextends: tohoku-2022\nid: strict\n"
        "tests: [{profile: towns/ishinomaki.yaml, band: promising}]\n",
        "utf-8",
    )
    result = run_cli("criteria", "show", str(child), "--resolved")
    saved = tmp_path / "elsewhere" / "resolved.yaml"
    saved.parent.mkdir()
    saved.write_text(result.stdout, "utf-8")
    verified = run_cli("verify", str(saved))
    assert verified.exit_code == 0, verified.stdout
    assert verified.stdout.splitlines()[-1] == (
        "1 passed, 0 failed, 0 errors, 0 skipped in 1 criteria file(s)"
    )
