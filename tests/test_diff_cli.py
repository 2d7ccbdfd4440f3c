"""``readiness diff`` end to end: real files in, exact reports and exit codes out."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.criteria.paths import bundled_ids as _bundled_ids
from tests.conftest import EXAMPLES, RunCli
from tests.test_criteria_diff import BASE

BUNDLED_IDS = ", ".join(_bundled_ids())

TOWN_A = """\
schema_version: 1
as_of: 2024-04-01
municipality: {name: 石巻市, name_en: Town A, code: "042021", prefecture: 宮城県}
will:
  team: {kind: WG}
issues:
  - {id: sales, title: 販路の縮小}
"""
TOWN_B = """\
schema_version: 1
as_of: 2024-04-01
municipality: {name: 東通村, name_en: Town B, code: "024244", prefecture: 青森県}
will:
  lead_department: 商工観光課
issues:
  - {id: fishery, title: 漁業の担い手不足}
"""


def revised() -> dict[str, Any]:
    """BASE with one change of each kind the markdown test shows."""
    data = copy.deepcopy(BASE)
    data["version"] = "2021"
    will = data["sections"][0]
    will["official"] = "組織として対応する意思があり、体制があること"
    will["gate"] = 0.25
    will["criteria"][0]["points"] = 3
    data["strategies"][1]["id"] = "green"
    data["bands"][0]["min"] = 60
    return data


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(BASE, allow_unicode=True), encoding="utf-8")
    new.write_text(yaml.safe_dump(revised(), allow_unicode=True), encoding="utf-8")
    town_a, town_b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    town_a.write_text(TOWN_A, encoding="utf-8")
    town_b.write_text(TOWN_B, encoding="utf-8")
    return old, new, town_a, town_b


# Worked by hand; reports round to one decimal.
# Sections will (weight 50: will.team 2 points, will.lead 1) and issues
# (weight 50: issues.stated 3).  Town A meets will.team and issues.stated: before 50*2/3 + 50 =
# 83.33, after 50*3/4 + 50 = 87.50, ready both.  Town B meets will.lead and issues.stated: before
# 50*1/3 + 50 = 66.67, below 70 and the will gate (1/3 < 0.5) fails: not yet; after 50*1/4 + 50
# = 62.50, at least the new 60, and the will gate (1/4 >= 0.25) passes: ready.  B's move comes
# from will.lead being worth less (it did not change itself): reweighting.
EXPECTED_MARKDOWN = """\
## Criteria diff: `test-2020` → `test-2020`

### Set

| field | old | new |
| --- | --- | --- |
| version | 2020 | 2021 |

### Conditions and factors

- changed `will` — Will
  - official: 組織として対応する意思があり**、体制があること**
  - gate: 0.5 → 0.25

### Criteria

- changed `will.team` (in `will`) — will.team en
  - points: 2 → 3

### Strategies and themes

- renamed `green` (was `gx`) — GX

### Bands

- changed `ready` — Ready
  - min: 70 → 60

### Impact on towns

Band: up 1, down 0, unchanged 1 · Score: up 1, down 1, unchanged 0 (towns: 2)

| Town | Score | Change | Band | Rank | Moved by |
| --- | ---: | ---: | --- | --- | --- |
| Town A (石巻市) | 83.3 → 87.5 | +4.2 | Ready | 1 | `will.team` +4.2 |
| Town B (東通村) | 66.7 → 62.5 | -4.2 | Not yet → Ready ↑ | 2 | reweighting -4.2 |
"""


def test_markdown_report_exact(run_cli: RunCli, pair: tuple[Path, Path, Path, Path]) -> None:
    old, new, a, b = pair
    args = ["diff", str(old), str(new), "-p", str(a), "-p", str(b), "-f", "markdown"]
    result = run_cli(*args, "--lang", "en")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == EXPECTED_MARKDOWN


def test_markdown_in_japanese(run_cli: RunCli, pair: tuple[Path, Path, Path, Path]) -> None:
    old, new, a, b = pair
    args = ["diff", str(old), str(new), "-p", str(a), "-p", str(b), "-f", "markdown"]
    result = run_cli(*args, "--lang", "ja")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "## 評価基準の差分: `test-2020` → `test-2020`"
    assert "- ID変更 `green` (旧ID `gx`) — GX" in result.stdout
    assert "| 東通村 | 66.7 → 62.5 | -4.2 | 準備段階 → 準備済 ↑ | 2 | 配点の再配分 -4.2 |" in (
        result.stdout
    )


def test_json_shape(run_cli: RunCli, pair: tuple[Path, Path, Path, Path]) -> None:
    old, new, a, b = pair
    result = run_cli("diff", str(old), str(new), "-p", str(a), "-p", str(b), "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["format"], data["version"], data["empty"]) == ("readiness.diff", 1, False)
    assert data["old"] == {
        "ref": str(old),
        "id": "test-2020",
        "bureau": "tohoku",
        "version": "2020",
    }
    assert data["changes"]["strategies"] == [
        {
            "change": "renamed",
            "id": "green",
            "old_id": "gx",
            "label": {"ja": "GX", "en": "GX"},
            "fields": [],
        }
    ]
    assert data["impact"]["summary"] == {
        "towns": 2,
        "band": {"up": 1, "down": 0, "same": 1},
        "score": {"up": 1, "down": 1, "same": 0},
    }
    town_b = data["impact"]["towns"][1]
    assert town_b["before"] == {"score": 66.7, "band": "not-yet", "gates_passed": False, "rank": 2}
    assert town_b["after"] == {"score": 62.5, "band": "ready", "gates_passed": True, "rank": 2}
    assert (town_b["delta"], town_b["band_move"], town_b["drivers"]) == (-4.2, "up", [])
    assert town_b["reweighted"] == -4.17  # from the unrounded contributions


def test_output_is_deterministic(run_cli: RunCli) -> None:
    args = ("diff", "kyushu-2019", "tohoku-2022", "-p", str(EXAMPLES), "-f", "json")
    assert run_cli(*args).stdout == run_cli(*args).stdout


@pytest.mark.parametrize(
    ("fail_on", "code", "stderr"),
    [
        (None, 0, ""),
        ("score-change", 1, "{a}: score changes (--fail-on score-change)\n"
                            "{b}: score changes (--fail-on score-change)\n"),
        ("band-change", 1, "{b}: band changes (--fail-on band-change)\n"),
    ],
)  # fmt: skip
def test_fail_on(
    run_cli: RunCli,
    pair: tuple[Path, Path, Path, Path],
    fail_on: str | None,
    code: int,
    stderr: str,
) -> None:
    old, new, a, b = pair
    args = ["diff", str(old), str(new), "-p", str(a), "-p", str(b), "-f", "json"]
    if fail_on:
        args += ["--fail-on", fail_on]
    result = run_cli(*args)
    assert result.exit_code == code
    expected = "".join(f"readiness: {line}\n" for line in stderr.format(a=a, b=b).splitlines())
    assert result.stderr == expected


def test_fail_on_holds_when_nothing_moves(run_cli: RunCli) -> None:
    result = run_cli(
        "diff", "tohoku-2022", "tohoku-2022", "-p", str(EXAMPLES), "--fail-on", "score-change"
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert "No change in meaning." in result.stdout


def test_fail_on_without_profiles_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("diff", "kyushu-2019", "tohoku-2022", "--fail-on", "band-change")
    assert result.exit_code == 2
    assert result.stderr == (
        "--fail-on: usage needs --profiles: without towns nothing can change band or score\n"
    )


def test_identical_sets_give_an_empty_diff(run_cli: RunCli) -> None:
    result = run_cli("diff", "tohoku-2022", "tohoku-2022", "-f", "markdown", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == (
        "## Criteria diff: `tohoku-2022` → `tohoku-2022`\n\nNo change in meaning.\n"
    )


def test_kyushu_against_tohoku_in_the_terminal(run_cli: RunCli) -> None:
    result = run_cli("diff", "kyushu-2019", "tohoku-2022", "-p", str(EXAMPLES), "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    assert "changed will — 1. Will as an organisation, and a structure" in out
    assert "[-んでいけ-]{+む体制があ+}ること" in out
    assert "Koshi (合志市)" in out


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("nowhere", "nowhere: unknown-criteria not a bundled id, a file or REV:path; "
                    f"bundled ids: {BUNDLED_IDS}\n"),
        ("missing.yaml", "missing.yaml: file-not-found no such file\n"),
    ],
)  # fmt: skip
def test_bad_criteria_refs(run_cli: RunCli, ref: str, expected: str) -> None:
    result = run_cli("diff", ref, "tohoku-2022")
    assert (result.exit_code, result.stderr) == (2, expected)


def test_every_bad_profile_is_reported(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nas_of: 2024-04-01\nparters: []\n", encoding="utf-8")
    result = run_cli(
        "diff", "kyushu-2019", "tohoku-2022", "-p", str(bad), "-p", str(tmp_path / "x.yaml")
    )
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{bad}:3:1: unknown-field") for line in lines), lines
    assert f"{tmp_path / 'x.yaml'}: file-not-found no such file" in lines


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose criteria.yaml is BASE at the first commit, revised at the second."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    path = repo / "criteria.yaml"
    path.write_text(yaml.safe_dump(BASE, allow_unicode=True), encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    path.write_text(yaml.safe_dump(revised(), allow_unicode=True), encoding="utf-8")
    _git(repo, "commit", "-qam", "second")
    monkeypatch.chdir(repo)
    return repo


def test_rev_path_reads_from_git(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("diff", "HEAD~1:criteria.yaml", "HEAD:criteria.yaml", "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["old"]["ref"] == "HEAD~1:criteria.yaml"
    assert data["old"]["version"] == "2020"
    assert data["new"]["version"] == "2021"
    assert [s["id"] for s in data["changes"]["strategies"]] == ["green"]


def test_rev_path_against_the_working_file(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("diff", "HEAD:criteria.yaml", "criteria.yaml", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["empty"] is True


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("nope:criteria.yaml",
         "nope:criteria.yaml: bad-revision no revision 'nope' in this repository"),
        ("HEAD:absent.yaml",
         "HEAD:absent.yaml: not-in-revision no file 'absent.yaml' in revision 'HEAD'"),
    ],
)  # fmt: skip
def test_rev_path_errors(run_cli: RunCli, repo: Path, ref: str, expected: str) -> None:
    result = run_cli("diff", ref, "HEAD:criteria.yaml")
    assert (result.exit_code, result.stderr) == (2, expected + "\n")


def test_rev_path_with_bad_yaml_names_the_revision(run_cli: RunCli, repo: Path) -> None:
    (repo / "criteria.yaml").write_text("format: 1\nformat: 2\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "broken")
    result = run_cli("diff", "HEAD:criteria.yaml", "HEAD~1:criteria.yaml")
    assert result.exit_code == 2
    assert all(line.startswith("HEAD:criteria.yaml:") for line in result.stderr.splitlines())
    assert (
        "HEAD:criteria.yaml:2:1: duplicate-key duplicate key 'format' (first at line 1, again "
        "at line 2); remove one: YAML would silently keep only the last\n"
    ) in result.stderr


def test_rev_path_outside_a_repository(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run_cli("diff", "HEAD:criteria.yaml", "tohoku-2022")
    assert result.exit_code == 2
    assert result.stderr == (
        f"HEAD:criteria.yaml: not-a-git-repo the current directory {outside} "
        "is not in a git repository\n"
    )


def test_criteria_list_shows_the_second_tohoku_set(run_cli: RunCli) -> None:
    result = run_cli("criteria", "list")
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()]
    ids = [row[0] for row in rows if row[0] in ("kyushu-2019", "tohoku-2019", "tohoku-2022")]
    assert ids == ["kyushu-2019", "tohoku-2019", "tohoku-2022"]
    tohoku_2019 = next(row for row in rows if row[0] == "tohoku-2019")
    assert tohoku_2019[1:3] == ["Tohoku", "2019-04-01"]


def test_rev_path_through_a_symlinked_folder(run_cli: RunCli, repo: Path) -> None:
    # The project's own criteria/ is a symbolic link; git show does not follow links.
    (repo / "real").mkdir()
    (repo / "criteria.yaml").rename(repo / "real" / "criteria.yaml")
    (repo / "linked").symlink_to("real")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "move behind a link")
    result = run_cli("diff", "HEAD:linked/criteria.yaml", "linked/criteria.yaml", "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["empty"] is True


def test_a_profile_named_twice_counts_once(run_cli: RunCli) -> None:
    ishinomaki = str(EXAMPLES / "ishinomaki.yaml")
    result = run_cli(
        "diff", "tohoku-2019", "tohoku-2022", "-p", ishinomaki, "-p", ishinomaki,
        "-p", str(EXAMPLES), "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["impact"]["summary"]["towns"] == len(list(EXAMPLES.glob("*.yaml")))
