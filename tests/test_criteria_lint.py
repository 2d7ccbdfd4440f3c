"""Criteria lint, run on every load: each mistake in a copy of a bundled file, exactly located."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.criteria.paths import CRITERIA_DIR
from tests.conftest import RunCli

TOHOKU = (CRITERIA_DIR / "tohoku-2022.yaml").read_text(encoding="utf-8")


def position(text: str, needle: str, occurrence: int = 1) -> str:
    """``line:column`` (1-based) of the start of ``needle``'s n-th occurrence."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return f"{line}:{index - text.rfind(chr(10), 0, index)}"


# (id, text to replace, replacement, where the problem is (needle in the edited file, which
# occurrence), code and message)
CASES: list[tuple[str, str, str, tuple[str, int], str]] = [
    ("duplicate criterion id", "id: will.lead\n", "id: will.top-commitment\n",
     ("will.top-commitment", 2),
     "duplicate-id criterion id 'will.top-commitment' is already used"),
    ("duplicate band id", "id: promising", "id: ready", ("ready", 2),
     "duplicate-id band id 'ready' is already used"),
    ("unknown field", "field: will.lead_department}", "field: will.lead_dept}",
     ("will.lead_dept", 1),
     "bad-check will.lead: no field 'lead_dept' in will: did you mean 'will.lead_department'?"),
    ("unknown field inside any", "field: will.team.cross_departmental",
     "field: will.team.crossdepartmental", ("will.team.crossdepartmental", 1),
     "bad-check will.team: no field 'crossdepartmental' in will.team: did you mean "
     "'will.team.cross_departmental'?"),
    ("impossible value", "values: [mayor, deputy_mayor]", "values: [mayor, boss]",
     ("will.top_commitment", 1),
     "bad-check will.top-commitment: value 'boss' is not possible for 'will.top_commitment'; "
     "choose from department_head, deputy_mayor, mayor, none, section_head"),
    ("points below 0.01", "points: 3\n        check: {kind: one_of",
     "points: 0\n        check: {kind: one_of", ("0\n", 1),
     "bad-value sections[0].criteria[0].points: must be at least 0.01, got 0"),
    ("points too small to score", "points: 3\n        check: {kind: one_of",
     "points: 1e-320\n        check: {kind: one_of", ("1e-320", 1),
     "bad-value sections[0].criteria[0].points: must be at least 0.01, got '1e-320'"),
    ("points too large to score", "points: 3\n        check: {kind: one_of",
     "points: 1e308\n        check: {kind: one_of", ("1e308", 1),
     "bad-value sections[0].criteria[0].points: must be at most 1000, got '1e308'"),
    ("points not a number", "points: 3\n        check: {kind: one_of",
     "points: .nan\n        check: {kind: one_of", (".nan", 1),
     "bad-value sections[0].criteria[0].points: input should be a finite number"),
    ("weight not positive", "weight: 25", "weight: -5", ("-5", 1),
     "bad-value sections[0].weight: must be at least 0.01, got -5"),
    ("weight too large", "weight: 25", "weight: 1001", ("1001", 1),
     "bad-value sections[0].weight: must be at most 1000, got 1001"),
    ("one band only",
     "  - id: ready\n    label: {ja: 連携準備が整っている, en: Ready}\n    min: 70\n"
     '    # Half the earned points must rest on cited sources (docs/criteria-authoring.md, '
     '"Evidence").\n    min_evidence: 0.5\n'
     "  - id: promising\n    label: {ja: 有望, en: Promising}\n    min: 45\n", "",
     ("- id: not-yet", 1), "bad-value bands: needs at least 2 item(s)"),
    ("lowest band requires gates", "label: {ja: 準備段階, en: Not yet}\n    min: 0",
     "label: {ja: 準備段階, en: Not yet}\n    min: 0\n    requires_gates: true",
     ("true\n# Test", 1),
     "bad-bands the lowest band 'not-yet' cannot require gates: it is the band of every town "
     "that reaches no other"),
    ("at_least a list with min 0", "field: will.team.departments, min: 2}",
     "field: will.team.departments, min: 0}", ("0}", 1),
     "bad-check will.cross-department: min 0 counts no items: a list needs min 1 or more"),
    ("at_least a number with min 0", "field: will.staff_fte, min: 0.5}",
     "field: will.staff_fte, min: 0}", ("0}", 1),
     "bad-check will.staff: min 0 is met by a stated 0: give a min above 0"),
    ("unknown as a value", "{kind: present, field: will.lead_department}",
     "{kind: one_of, field: will.lead_department, values: [unknown]}", ("[unknown]", 1),
     "bad-check will.lead: 'unknown' is not a value to match: a fact stated as "
     "unknown is never met"),
    ("gate out of range", "gate: 0.5", "gate: 1.5", ("1.5", 1),
     "bad-value sections[0].gate: must be at most 1, got 1.5"),
    ("bands out of order", "min: 45", "min: 75", ("75", 1),
     "bad-bands band 'promising' (min 75) must have a lower min than 'ready' above it (min 70)"),
    ("bands not reaching 0", "label: {ja: 準備段階, en: Not yet}\n    min: 0",
     "label: {ja: 準備段階, en: Not yet}\n    min: 10", ("10\n", 1),
     "bad-bands the lowest band 'not-yet' must start at 0, so every score has a band"),
    ("band above 100", "min: 70", "min: 120", ("120", 1),
     "bad-value bands[0].min: must be at most 100, got 120"),
    ("recommendation without English",
     "\n          en: Decide which department leads the partnership.", "",
     ("ja: 連携を主導する", 1),
     "missing-field missing required field 'sections[0].criteria[1].recommendation.en': add it"),
    ("Japanese recommendation not in Japanese", "ja: 連携を主導する担当部署を決めてください。",
     "ja: Decide which department leads.", ("Decide which department leads.", 1),
     "bad-recommendation will.lead: the Japanese recommendation has no Japanese text"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "where", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_criteria_mistake_is_located(
    old: str,
    new: str,
    where: tuple[str, int],
    expected: str,
    *,
    tmp_path: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert old in TOHOKU
    edited = TOHOKU.replace(old, new, 1)
    (tmp_path / "c.yaml").write_text(edited, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    located = f"c.yaml:{position(edited, *where)}: {expected}"
    result = run_cli("validate", "c.yaml")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (2, located)
    assert result.stdout.splitlines()[1] == "c.yaml: 1 problem (criteria)"
    # The same lint runs whenever criteria load, e.g. for assess.
    assessed = run_cli("assess", str(Path(__file__).parent.parent / "examples" / "koshi.yaml"),
                       "--criteria", "c.yaml")  # fmt: skip
    assert (assessed.exit_code, assessed.stderr) == (2, located + "\n")


def test_bundled_criteria_are_clean(run_cli: RunCli) -> None:
    files = sorted(str(p) for p in CRITERIA_DIR.glob("*.yaml"))
    result = run_cli("validate", *files)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.splitlines()[:-1] == [f"{f}: ok (criteria)" for f in files]


def test_validate_reports_types_unknown_fields_and_ids_in_one_pass(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """A type error does not hide the other problems: one run shows them all."""
    from readiness.criteria.paths import bundled_path

    source = bundled_path("kyushu-2019")
    assert source is not None
    text = source.read_text("utf-8")
    text = text.replace("points: ", "points: x", 1)
    text = text.replace("- id: will.lead", "- id: will.request", 1)
    text = text.replace("recommendation:", "recomendation:", 1)
    broken = tmp_path / "c.yaml"
    broken.write_text(text, "utf-8")
    result = run_cli("validate", str(broken))
    assert result.exit_code == 2
    codes = [line.split(" ")[1] for line in result.stdout.splitlines() if line.count(":") >= 3]
    assert sorted(set(codes)) == ["bad-type", "duplicate-id", "missing-field", "unknown-field"]


def test_a_field_typo_shows_with_three_type_errors(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One pass reports them all: the lint runs on every item that validates by itself."""
    edited = TOHOKU
    for old, new in [
        ("weight: 25", "weight: -5"),  # the section of the typo: its other items still lint
        ("points: 3\n        check: {kind: one_of", "points: x\n        check: {kind: one_of"),
        ("min: 70", "min: 120"),
        ("field: will.lead_department}", "field: will.lead_dept}"),
    ]:
        assert old in edited
        edited = edited.replace(old, new, 1)
    (tmp_path / "c.yaml").write_text(edited, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "c.yaml")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"c.yaml:{position(edited, '-5')}: bad-value sections[0].weight: must be at least "
        "0.01, got -5",
        f"c.yaml:{position(edited, 'x' + chr(10) + '        check')}: bad-type "
        "sections[0].criteria[0].points: expected a number, got 'x'",
        f"c.yaml:{position(edited, 'will.lead_dept')}: bad-check will.lead: no field "
        "'lead_dept' in will: did you mean 'will.lead_department'?",
        f"c.yaml:{position(edited, '120')}: bad-value bands[0].min: must be at most 100, got 120",
        "c.yaml: 4 problems (criteria)",
        "1 file(s) checked, 1 with problems",
    ]


LINT_CASES = [
    c for c in CASES if c[4].split(" ")[0] in {"bad-check", "bad-bands", "bad-recommendation"}
]


@pytest.mark.parametrize(
    ("old", "new", "where", "expected"),
    [c[1:] for c in LINT_CASES],
    ids=[c[0] for c in LINT_CASES],
)
def test_lint_shows_beside_a_type_error(
    old: str,
    new: str,
    where: tuple[str, int],
    expected: str,
    *,
    tmp_path: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every lint problem of the table above, with a type error elsewhere in the file."""
    edited = TOHOKU.replace(old, new, 1).replace('version: "2022"', "version: [2022]", 1)
    (tmp_path / "c.yaml").write_text(edited, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "c.yaml")
    lines = result.stdout.splitlines()
    assert result.exit_code == 2
    assert f"c.yaml:{position(edited, *where)}: {expected}" in lines
    assert lines[-2] == "c.yaml: 2 problems (criteria)"


@pytest.mark.parametrize(
    ("old", "new"), [c[1:3] for c in LINT_CASES], ids=[c[0] for c in LINT_CASES]
)
def test_the_lint_of_parts_equals_the_lint_of_a_valid_set(old: str, new: str) -> None:
    """On a file whose types are right, linting item by item finds what the whole-set lint
    finds, at the same places: the stand-in set moves nothing."""
    import yaml

    from readiness.criteria.lint import criteria_problems
    from readiness.criteria.lint_parts import partial_criteria_problems
    from readiness.criteria.model import Criteria

    data = yaml.safe_load(TOHOKU.replace(old, new, 1))
    whole = criteria_problems(Criteria.model_validate(data))
    assert whole
    assert partial_criteria_problems(data) == whole
