"""docs/ci.md and .pre-commit-hooks.yaml: the workflow parses and its batch command runs."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

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
    assert all(s["if"] == "${{ !cancelled() }}" for s in after_batch)


def test_the_workflow_batch_command_works(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = workflow()["jobs"]["score"]["steps"]  # type: ignore[index]
    script = next(s["run"] for s in steps if "readiness batch" in s.get("run", ""))
    line = next(x for x in script.splitlines() if x.startswith("readiness batch"))
    args = shlex.split(line)[1:]
    shutil.copytree(EXAMPLES, tmp_path / "profiles")
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    reports = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert reports == ["junit.xml", "ranking.csv", "readiness.sarif", "results.json", "summary.md"]


def test_pre_commit_hooks_name_readiness_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"]: h["entry"].split()[:2] for h in hooks} == {
        "readiness-validate": ["readiness", "validate"],
        "readiness-batch": ["readiness", "batch"],
    }
    assert all(h["language"] == "python" for h in hooks)
