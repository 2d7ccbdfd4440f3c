"""``extends:``: overriding, removing and adding; missing parents and cycles are clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.criteria.bundled import bundled
from readiness.criteria.loading import load_criteria
from readiness.criteria.paths import bundled_ids
from readiness.diagnostics import ReadinessError
from readiness.profile.loading import load_profile
from readiness.scoring.scorer import assess
from tests.conftest import EXAMPLES, RunCli

HEAD = "format: 1\nextends: tohoku-2022\nid: tohoku-strict\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, body: str, head: str = HEAD) -> object:
    return load_criteria(write(tmp_path, "child.yaml", head + body))


def errors(tmp_path: Path, body: str, head: str = HEAD) -> list[str]:
    with pytest.raises(ReadinessError) as e:
        load(tmp_path, body, head)
    return [str(d) for d in e.value.diagnostics]


def test_a_bare_extension_is_its_parent_under_a_new_id(tmp_path: Path) -> None:
    parent = bundled("tohoku-2022")
    child = load_criteria(write(tmp_path, "child.yaml", HEAD))
    assert child.id == "tohoku-strict"
    assert child.extends == "tohoku-2022"
    assert child.sections == parent.sections
    assert child.strategies == parent.strategies
    assert child.bands == parent.bands
    # tests belong to the file that states them
    assert parent.tests
    assert not child.tests
    profile = load_profile(EXAMPLES / "ishinomaki.yaml")
    assert assess(child, profile).score == assess(parent, profile).score


def test_override_weight_points_check_and_band(tmp_path: Path) -> None:
    child = load_criteria(
        write(
            tmp_path,
            "child.yaml",
            HEAD
            + "sections:\n"
            + "  - id: will\n    weight: 40\n    criteria:\n"
            + "      - id: will.staff\n        points: 3\n"
            + "        check: {kind: at_least, field: will.staff_fte, min: 1}\n"
            + "bands:\n  - id: ready\n    min: 85\n",
        )
    )
    will = child.sections[0]
    assert will.weight == 40
    staff = next(c for c in will.criteria if c.id == "will.staff")
    assert staff.points == 3
    assert staff.check.model_dump()["min"] == 1
    # the label and recommendation not given are kept from the parent
    assert staff.label.en == "Staff time is set aside"
    assert [(b.id, b.min) for b in child.bands] == [
        ("ready", 85),
        ("promising", 45),
        ("not-yet", 0),
    ]
    profile = load_profile(EXAMPLES / "ishinomaki.yaml")
    assert assess(child, profile).band.id == "promising"  # 81.5 was ready at 70, not at 85


def test_remove_criteria_and_sections(tmp_path: Path) -> None:
    child = load_criteria(
        write(
            tmp_path,
            "child.yaml",
            HEAD + "remove:\n  criteria: [will.review, issues.kpi]\n  sections: [model]\n",
        )
    )
    ids = [c.id for _, c in child.all_criteria()]
    assert "will.review" not in ids
    assert "issues.kpi" not in ids
    assert [s.id for s in child.sections] == ["will", "issues", "partners"]
    assert len(ids) == len(bundled("tohoku-2022").all_criteria()) - 2 - 4


def test_add_a_criterion_a_section_a_strategy_and_a_band(tmp_path: Path) -> None:
    child = load_criteria(
        write(
            tmp_path,
            "child.yaml",
            HEAD
            + """strategies:
  - {id: tourism, label: {ja: 観光, en: Tourism}}
sections:
  - id: will
    criteria:
      - id: will.plan
        label: {ja: 総合計画に位置づけ, en: In the municipal plan}
        points: 1
        check: {kind: present, field: will.municipal_plan}
        recommendation: {ja: 総合計画に位置づけてください。, en: Put it in the municipal plan.}
  - id: extra
    kind: factor
    label: {ja: 追加, en: Extra}
    weight: 10
    criteria:
      - id: extra.growth
        label: {ja: 成長企業, en: Growth firms}
        points: 1
        check: {kind: at_least, field: record.growth_firms, min: 1}
        recommendation: {ja: 成長企業を挙げてください。, en: Name growth firms.}
bands:
  - {id: excellent, label: {ja: 優秀, en: Excellent}, min: 90}
""",
        )
    )
    assert child.sections[0].criteria[-1].id == "will.plan"
    assert child.sections[-1].id == "extra"
    assert child.strategies[-1].id == "tourism"
    assert [b.id for b in child.bands] == ["excellent", "ready", "promising", "not-yet"]


def test_a_chain_of_files(tmp_path: Path) -> None:
    write(tmp_path, "middle.yaml", HEAD + "remove: {criteria: [will.review]}\n")
    grandchild = load_criteria(
        write(tmp_path, "top.yaml", "format: 1\nextends: middle.yaml\nid: top\nversion: x\n")
    )
    assert grandchild.extends == "middle.yaml"
    assert grandchild.version == "x"
    assert "will.review" not in [c.id for _, c in grandchild.all_criteria()]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "format: 1\nextends: tohoku-2099\nid: x\n",
            "child.yaml:2:10: missing-parent extends 'tohoku-2099': no bundled criteria with "
            f"this id and no such file (bundled: {', '.join(bundled_ids())})",
        ),
        (
            "format: 1\nid: x\nextends: nowhere/parent.yaml\n",
            "child.yaml:3:10: missing-parent extends 'nowhere/parent.yaml': no bundled criteria "
            f"with this id and no such file (bundled: {', '.join(bundled_ids())})",
        ),
        (
            "format: 1\nextends: child.yaml\nid: x\n",
            "child.yaml:2:10: extends-cycle extends 'child.yaml' makes a cycle: "
            "child.yaml -> child.yaml",
        ),
    ],
    ids=["unknown id", "missing file", "extends itself"],
)
def test_missing_parents_and_self_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, head: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReadinessError) as e:
        load_criteria(write(Path(), "child.yaml", head))
    assert [str(d) for d in e.value.diagnostics] == [expected]


def test_a_cycle_through_two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(Path(), "a.yaml", "format: 1\nextends: b.yaml\nid: a\n")
    write(Path(), "b.yaml", "format: 1\nextends: a.yaml\nid: b\n")
    with pytest.raises(ReadinessError) as e:
        load_criteria(Path("a.yaml"))
    assert [str(d) for d in e.value.diagnostics] == [
        "b.yaml:2:10: extends-cycle extends 'a.yaml' makes a cycle: a.yaml -> b.yaml -> a.yaml"
    ]


def test_removing_what_the_parent_lacks_is_located(tmp_path: Path) -> None:
    assert errors(tmp_path, "remove:\n  criteria: [will.review, will.reviw]\n") == [
        f"{tmp_path / 'child.yaml'}:5:27: unknown-id cannot remove criterion 'will.reviw': "
        "tohoku-2022 has no such criterion"
    ]


def test_the_extension_itself_is_validated_with_positions(tmp_path: Path) -> None:
    assert errors(tmp_path, "sections:\n  - id: will\n    wieght: 40\n") == [
        f"{tmp_path / 'child.yaml'}:6:5: unknown-field unknown field 'wieght' in "
        "sections[0]: did you mean 'weight'?"
    ]


def test_problems_of_the_merged_set_name_the_parent(tmp_path: Path) -> None:
    """A problem of an item the child writes is at the child's line."""
    body = "sections:\n  - id: will\n    criteria:\n      - id: will.new\n        points: 1\n"
    found = errors(tmp_path, body)
    at = f"{tmp_path / 'child.yaml'}:7:9: missing-field after merging with tohoku-2022: "
    assert at in found[0]
    assert "label" in "".join(found)


def test_removing_a_strategy_still_used_by_a_check_is_an_error(tmp_path: Path) -> None:
    found = errors(tmp_path, "remove:\n  strategies: [rx-dx]\n")
    assert found
    assert all(": bad-check after merging with tohoku-2022: model." in f for f in found)
    assert "'rx-dx' is not possible" in found[0]


def at(body: str, needle: str, occurrence: int = 1) -> str:
    """``line:column`` of the n-th ``needle`` in the child file (HEAD + body)."""
    text = HEAD + body
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return f"{text.count(chr(10), 0, index) + 1}:{index - text.rfind(chr(10), 0, index)}"


def test_removing_every_criterion_of_a_section_is_an_error(tmp_path: Path) -> None:
    """At the child's remove: entry that emptied the section, not at the parent's section."""
    ids = [c.id for c in bundled("tohoku-2022").sections[3].criteria]
    body = f"remove:\n  criteria: [{', '.join(ids)}]\n"
    assert errors(tmp_path, body) == [
        f"{tmp_path / 'child.yaml'}:{at(body, ids[-1])}: bad-value after merging with "
        "tohoku-2022: sections[3].criteria: needs at least 1 item(s)"
    ]


@pytest.mark.parametrize(
    ("body", "needle", "expected"),
    [("remove:\n  sections: [will, issues, partners, model]\n", "model",
      "bad-value after merging with tohoku-2022: sections: needs at least 1 item(s)"),
     ("remove:\n  bands: [not-yet, ready]\n", "ready",
      "bad-value after merging with tohoku-2022: bands: needs at least 2 item(s)"),
     ("remove:\n  bands: [not-yet]\n", "not-yet",
      "bad-bands after merging with tohoku-2022: the lowest band 'promising' must start at 0, "
      "so every score has a band"),
     ("remove:\n  strategies: [rx-dx]\n", "rx-dx", "bad-check after merging with tohoku-2022: "),
     ("bands:\n  - id: promising\n    min: 80\n", "80",
      "bad-bands after merging with tohoku-2022: band 'promising' (min 80) must have a lower min "
      "than 'ready' above it (min 70)"),
     ("bands:\n  - id: not-yet\n    requires_gates: true\n", "true",
      "bad-bands after merging with tohoku-2022: the lowest band 'not-yet' cannot require gates: "
      "it is the band of every town that reaches no other")],
    ids=["every section removed", "one band left", "lowest band removed",
         "strategy in use removed", "band overridden above the one above", "lowest band gated"],
)  # fmt: skip
def test_what_the_child_breaks_is_at_the_childs_line(
    tmp_path: Path, body: str, needle: str, expected: str
) -> None:
    found = errors(tmp_path, body)
    assert found
    assert all(
        f.startswith(f"{tmp_path / 'child.yaml'}:{at(body, needle)}: {expected}") for f in found
    )


def test_assess_accepts_an_extending_file(run_cli: RunCli, tmp_path: Path) -> None:
    child = write(tmp_path, "child.yaml", HEAD + "bands:\n  - id: ready\n    min: 85\n")
    result = run_cli(
        "assess", str(EXAMPLES / "ishinomaki.yaml"), "--criteria", str(child), "-f", "json"
    )
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["criteria"] == {"id": "tohoku-strict", "version": "2022"}
    assert report["band"]["id"] == "promising"


REMOVABLE = [c.id for s in bundled("tohoku-2022").sections for c in s.criteria[1:]]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(removed=st.lists(st.sampled_from(REMOVABLE), unique=True))
def test_removing_any_criteria_leaves_exactly_the_rest(tmp_path: Path, removed: list[str]) -> None:
    # every section keeps its first criterion, so the merged set is always valid
    body = f"remove:\n  criteria: [{', '.join(removed)}]\n" if removed else ""
    child = load_criteria(write(tmp_path, "child.yaml", HEAD + body))
    parent_ids = [c.id for _, c in bundled("tohoku-2022").all_criteria()]
    assert [c.id for _, c in child.all_criteria()] == [i for i in parent_ids if i not in removed]
    result = assess(child, load_profile(EXAMPLES / "ishinomaki.yaml"))
    assert 0 <= result.score <= 100


def test_diff_shows_what_an_extension_changes(run_cli: RunCli, tmp_path: Path) -> None:
    child = write(
        tmp_path,
        "child.yaml",
        HEAD + "sections: [{id: will, weight: 40}]\nremove: {criteria: [will.review]}\n",
    )
    result = run_cli("diff", "tohoku-2022", str(child))
    assert result.exit_code == 0
    assert "  changed will — 1. Will as an organisation, and a structure\n" in result.stdout
    assert "    weight: 25 → 40\n" in result.stdout
    assert "  removed will.review (in will) — " in result.stdout


def test_an_override_cannot_reorder_the_parents_bands(tmp_path: Path) -> None:
    """At the child's override that lowered the band above, not at the inherited band."""
    body = "bands:\n  - {id: ready, label: {ja: 準備完了, en: Ready}, min: 40}\n"
    assert errors(tmp_path, body) == [
        f"{tmp_path / 'child.yaml'}:{at(body, '40')}: bad-bands after merging with "
        "tohoku-2022: band 'promising' (min 45) must have a lower min than 'ready' above it "
        "(min 40)"
    ]


def test_a_new_band_takes_its_place_by_min(tmp_path: Path) -> None:
    body = "bands:\n  - {id: excellent, label: {ja: 優良, en: Excellent}, min: 90}\n"
    child = load(tmp_path, body)
    assert [b.id for b in child.bands] == ["excellent", "ready", "promising", "not-yet"]  # type: ignore[attr-defined]
