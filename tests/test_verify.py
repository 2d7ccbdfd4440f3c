"""``readiness verify``: criteria files' own test cases, reported like a test runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.criteria.bundled import bundled
from readiness.criteria.paths import bundled_ids
from readiness.profile import examples as example_profiles
from tests.conftest import EXAMPLES, RunCli

BUNDLED_REPORT = """\
kyushu-2019 (bundled)
  PASS  koshi: score 77.0, band promising, 6 gap(s)
  PASS  fictional-vague-issues: score 83.3, band promising, 3 gap(s)
  PASS  strong town: score 96.0, band ready, 1 gap(s)
  PASS  no will facts (condition 1): score 70.8, band promising, 7 gap(s)
  PASS  no issues (condition 2): score 71.0, band promising, 5 gap(s)
  PASS  no partners (condition 3): score 76.0, band promising, 5 gap(s)
tohoku-2022 (bundled)
  PASS  ishinomaki: score 81.5, band promising, 6 gap(s)
  PASS  fictional-no-partners: score 80.0, band promising, 4 gap(s)
  PASS  fictional-no-structure: score 75.3, band promising, 7 gap(s)
  PASS  fictional-off-strategy: score 83.6, band promising, 2 gap(s)
  PASS  koshi (a Kyushu town, judged by Tohoku's stricter wording): score 24.4, \
band not-yet, 15 gap(s)
  PASS  strong town: score 100.0, band ready, 0 gap(s)
  PASS  no will facts (condition 1): score 69.5, band promising, 8 gap(s)
  PASS  no issues (condition 2): score 82.5, band promising, 3 gap(s)
  PASS  no partners (condition 3): score 80.0, band promising, 4 gap(s)
15 passed, 0 failed, 0 errors, 0 skipped in 2 criteria file(s)
"""


def test_the_bundled_criteria_pass_their_own_cases(run_cli: RunCli) -> None:
    result = run_cli("verify", "kyushu-2019", "tohoku-2022")
    assert (result.exit_code, result.stdout, result.stderr) == (0, BUNDLED_REPORT, "")


def test_verify_runs_every_bundled_set_by_default(run_cli: RunCli) -> None:
    result = run_cli("verify")
    assert result.exit_code == 0
    headers = [line for line in result.stdout.splitlines() if line.endswith(" (bundled)")]
    assert headers == [f"{i} (bundled)" for i in bundled_ids()]
    assert " 0 failed, 0 errors, 0 skipped in " in result.stdout.splitlines()[-1]


@pytest.mark.parametrize("criteria_id", bundled_ids())
def test_every_bundled_set_carries_test_cases(criteria_id: str) -> None:
    # The bundled criteria are tested by their own cases (issue 6); a new set needs some too.
    assert bundled(criteria_id).tests


def test_one_bundled_set_by_id(run_cli: RunCli) -> None:
    result = run_cli("verify", "kyushu-2019")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "kyushu-2019 (bundled)"
    assert result.stdout.splitlines()[-1] == (
        "6 passed, 0 failed, 0 errors, 0 skipped in 1 criteria file(s)"
    )


def criteria_with_tests(folder: Path, tests: str) -> Path:
    path = folder / "mine.yaml"
    path.write_text(f"format: 1\nextends: tohoku-2022\nid: mine\ntests:\n{tests}", "utf-8")
    return path


def test_a_wrong_expectation_fails_with_a_clear_report(run_cli: RunCli, tmp_path: Path) -> None:
    path = criteria_with_tests(
        tmp_path,
        "  - example: fictional-no-partners\n"
        "    band: ready\n"
        "    score: {min: 85, max: 100}\n"
        "    gaps: [partners.named-type, will.lead]\n"
        "  - example: ishinomaki\n"
        "    band: promising\n",
    )
    result = run_cli("verify", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"mine ({path})\n"
        "  FAIL  fictional-no-partners: score 80.0, band promising, 4 gap(s)\n"
        "         band: expected ready, got promising\n"
        "         score: expected 85 to 100, got 80.0\n"
        "         gaps: expected but met: will.lead\n"
        "         gaps: not expected but not met: partners.in-initiative, partners.committed, "
        "partners.breadth\n"
        "  PASS  ishinomaki: score 81.5, band promising, 6 gap(s)\n"
        "1 passed, 1 failed, 0 errors, 0 skipped in 1 criteria file(s)\n"
    )


def test_profile_paths_are_relative_to_the_criteria_file(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "towns").mkdir()
    (tmp_path / "towns" / "town.yaml").write_bytes((EXAMPLES / "ishinomaki.yaml").read_bytes())
    path = criteria_with_tests(
        tmp_path, "  - name: our town\n    profile: towns/town.yaml\n    band: promising\n"
    )
    monkeypatch.chdir(EXAMPLES)
    result = run_cli("verify", str(path))
    assert result.exit_code == 0
    assert "  PASS  our town: score 81.5, band promising, 6 gap(s)\n" in result.stdout


@pytest.mark.parametrize(
    ("tests", "lines"),
    [
        (
            "  - example: ishinomaki\n    band: excellent\n",
            [
                "  ERROR ishinomaki: bad expectation",
                "         band 'excellent' is not a band of mine; choose from ready, promising, "
                "not-yet",
            ],
        ),
        (
            "  - example: ishinomaki\n    gaps: [will.nothing]\n",
            [
                "  ERROR ishinomaki: bad expectation",
                "         gap 'will.nothing' is not a criterion of mine",
            ],
        ),
        (
            "  - example: ishinomak\n    band: ready\n",
            [
                "  ERROR ishinomak: no bundled example 'ishinomak'; known: fictional-no-partners, "
                "fictional-no-structure, fictional-off-strategy, fictional-vague-issues, "
                "ishinomaki, koshi",
            ],
        ),
    ],
    ids=["unknown band", "unknown gap", "unknown example"],
)
def test_bad_expectations_are_bad_input(
    run_cli: RunCli, tmp_path: Path, tests: str, lines: list[str]
) -> None:
    result = run_cli("verify", str(criteria_with_tests(tmp_path, tests)))
    assert result.exit_code == 2
    assert result.stdout.splitlines()[1:-1] == lines


def test_a_missing_or_broken_profile_is_bad_input(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("schema_version: 1\nas_of: 2024-04-01\n", "utf-8")
    path = criteria_with_tests(
        tmp_path,
        "  - profile: broken.yaml\n    band: ready\n  - profile: gone.yaml\n    band: ready\n",
    )
    result = run_cli("verify", str(path))
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[1] == "  ERROR broken.yaml: the profile has errors"
    assert lines[2].endswith(
        "broken.yaml:1:1: missing-field missing required field 'municipality': add it"
    )
    assert lines[3] == "  ERROR gone.yaml: the profile has errors"
    assert "gone.yaml" in lines[4]
    assert lines[-1] == "0 passed, 0 failed, 2 errors, 0 skipped in 1 criteria file(s)"


def test_a_broken_criteria_file_is_reported_and_the_others_still_run(
    run_cli: RunCli, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nextends: tohoku-2022\nid: Bad\n", "utf-8")
    result = run_cli("verify", str(bad), "kyushu-2019")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == f"{bad}: ERROR cannot load these criteria"
    assert lines[1].startswith(f"    {bad}:3:5: bad-value id: ")
    assert lines[2] == "kyushu-2019 (bundled)"
    assert lines[-1] == "6 passed, 0 failed, 1 errors, 0 skipped in 2 criteria file(s)"


def test_nothing_to_verify_is_not_a_pass(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "none.yaml"
    path.write_text("format: 1\nextends: tohoku-2022\nid: none\n", "utf-8")
    result = run_cli("verify", str(path))
    assert result.exit_code == 2
    assert result.stdout == (
        f"none ({path})\n  no test cases\n"
        "0 passed, 0 failed, 0 errors, 0 skipped in 1 criteria file(s)\n"
    )
    assert result.stderr == "readiness: nothing to verify: no test cases ran\n"


def test_cases_on_bundled_examples_skip_when_the_examples_are_not_installed(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(example_profiles, "_PACKAGE", Path("/nonexistent/readiness"))
    result = run_cli("verify", "kyushu-2019")
    assert result.exit_code == 0
    assert result.stdout == (
        "kyushu-2019 (bundled)\n"
        "  SKIP  koshi: the bundled examples are not installed\n"
        "  SKIP  fictional-vague-issues: the bundled examples are not installed\n"
        "  PASS  strong town: score 96.0, band ready, 1 gap(s)\n"
        "  PASS  no will facts (condition 1): score 70.8, band promising, 7 gap(s)\n"
        "  PASS  no issues (condition 2): score 71.0, band promising, 5 gap(s)\n"
        "  PASS  no partners (condition 3): score 76.0, band promising, 5 gap(s)\n"
        "4 passed, 0 failed, 0 errors, 2 skipped in 1 criteria file(s)\n"
    )


def test_an_unknown_id_lists_the_bundled_ones(run_cli: RunCli) -> None:
    result = run_cli("verify", "kyushu-2020")
    assert result.exit_code == 2
    assert result.stdout == (
        "kyushu-2020: ERROR cannot load these criteria\n"
        "    kyushu-2020: unknown-criteria not a bundled id, a file or REV:path; did you mean "
        f"'kyushu-2026'? bundled ids: {', '.join(bundled_ids())}\n"
        "0 passed, 0 failed, 1 errors, 0 skipped in 1 criteria file(s)\n"
    )
