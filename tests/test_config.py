"""The config file: found upward, overridden by flags, every problem located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, RunCli

KOSHI = str(EXAMPLES / "koshi.yaml")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a sub-folder to run in (the config is found upward)."""
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def criteria_of(run_cli: RunCli, *args: str) -> str:
    result = run_cli("assess", KOSHI, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["criteria"]["id"])


@pytest.mark.parametrize(
    ("name", "text"),
    [(".readiness.yaml", "criteria: tohoku-2022\n"),
     ("pyproject.toml", '[tool.readiness]\ncriteria = "tohoku-2022"\n')],
)  # fmt: skip
def test_the_config_sets_the_default_criteria(
    project: Path, run_cli: RunCli, name: str, text: str
) -> None:
    assert criteria_of(run_cli) == "kyushu-2019"  # Koshi's bureau's current set
    (project / name).write_text(text, "utf-8")
    assert criteria_of(run_cli) == "tohoku-2022"
    assert criteria_of(run_cli, "--criteria", "kyushu-2019") == "kyushu-2019"  # the flag wins


def test_yaml_wins_over_pyproject_in_the_same_folder(project: Path, run_cli: RunCli) -> None:
    (project / "pyproject.toml").write_text('[tool.readiness]\ncriteria = "kyushu-2019"\n')
    (project / ".readiness.yaml").write_text("criteria: tohoku-2022\n")
    assert criteria_of(run_cli) == "tohoku-2022"


def test_a_pyproject_without_the_table_is_passed_over(project: Path, run_cli: RunCli) -> None:
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / ".readiness.yaml").write_text("criteria: tohoku-2022\n")
    assert criteria_of(run_cli) == "tohoku-2022"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [(".readiness.yaml", "lang: ja\ncritera: tohoku-2022\n",
      "../.readiness.yaml:2:1: unknown-field unknown field 'critera': did you mean 'criteria'?"),
     (".readiness.yaml", "fail_under: 120\n",
      "../.readiness.yaml:1:13: bad-value fail_under: must be at most 100, got 120"),
     ("pyproject.toml", '[tool.readiness]\nlang = "ja"\nlangs = "en"\n',
      "../pyproject.toml:3:1: unknown-field unknown field 'langs': did you mean 'lang'?"),
     ("pyproject.toml", '[tool.readiness]\noutputs = ["json"]\n',
      "../pyproject.toml:2:1: bad-value outputs: 'json': expected FORMAT=PATH, e.g. "
      "junit=reports/junit.xml")],
)  # fmt: skip
def test_a_bad_config_is_a_located_error(
    project: Path, run_cli: RunCli, name: str, text: str, expected: str
) -> None:
    (project / name).write_text(text, "utf-8")
    result = run_cli("assess", KOSHI)
    assert result.exit_code == 2
    assert result.stderr == expected + "\n"
    shown = run_cli("config")
    assert (shown.exit_code, shown.stderr) == (2, expected + "\n")


def test_config_shows_the_file_and_its_settings(project: Path, run_cli: RunCli) -> None:
    (project / ".readiness.yaml").write_text(
        "criteria: tohoku-2022\nfail_under: 60\npaths: [towns]\n", "utf-8"
    )
    result = run_cli("config")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "# ../.readiness.yaml\ncriteria: 'tohoku-2022'\nfail_under: 60.0\npaths:\n  - 'towns'\n"
    )


def test_config_says_when_there_is_none(project: Path, run_cli: RunCli) -> None:
    result = run_cli("config")
    assert result.exit_code == 0
    assert result.stdout.startswith("no config file: none of .readiness.yaml, or pyproject.toml")


def test_batch_takes_paths_and_outputs_from_the_config(project: Path, run_cli: RunCli) -> None:
    (project / "towns").mkdir()
    (project / "reports").mkdir()
    (project / "towns" / "koshi.yaml").write_text(Path(KOSHI).read_text("utf-8"), "utf-8")
    (project / ".readiness.yaml").write_text(
        'paths: [towns]\noutputs: ["json=reports/towns.json"]\nfail_under: 90\n', "utf-8"
    )
    result = run_cli("batch", "-q")
    assert result.exit_code == 1  # the config's gate
    towns = json.loads((project / "reports" / "towns.json").read_text("utf-8"))["towns"]
    assert [t["profile"] for t in towns] == ["../towns/koshi.yaml"]


def test_batch_without_paths_says_so(project: Path, run_cli: RunCli) -> None:
    result = run_cli("batch")
    assert result.exit_code == 2
    assert result.stderr.startswith("PATH: missing-paths give the profiles to score")


def test_the_readme_example_is_a_valid_config(project: Path, run_cli: RunCli) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    example = readme.split("```yaml\n# .readiness.yaml\n", 1)[1].split("```", 1)[0]
    (project / ".readiness.yaml").write_text(example, "utf-8")
    result = run_cli("config")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "criteria: 'tohoku-2022'" in result.stdout


def test_the_config_sets_the_evidence_gate(project: Path, run_cli: RunCli) -> None:
    assert run_cli("assess", KOSHI, "-q").exit_code == 0
    (project / ".readiness.yaml").write_text("min_evidence: 100\n", "utf-8")
    result = run_cli("assess", KOSHI, "-q")
    assert result.exit_code == 1, result.stderr
    assert run_cli("assess", KOSHI, "-q", "--min-evidence", "0").exit_code == 0


def test_config_says_when_there_is_none_in_japanese(project: Path, run_cli: RunCli) -> None:
    result = run_cli("config", env={"READINESS_LANG": "ja"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"設定ファイルなし：{Path.cwd()} とその上のフォルダに .readiness.yaml も"
        "[tool.readiness] のある pyproject.toml もありません\n"
    )


def test_config_problems_are_located_in_japanese(project: Path, run_cli: RunCli) -> None:
    (project / ".readiness.yaml").write_text("criteria: tohoku-2022\ncolour: red\n", "utf-8")
    result = run_cli("config", env={"READINESS_LANG": "ja"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr == "../.readiness.yaml:2:1: unknown-field 'colour' という項目はありません\n"
    )
