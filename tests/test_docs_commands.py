"""Every shell command in a block the docs mark as runnable runs, so the docs cannot drift.

A block is marked by the HTML comment ``<!-- runnable: ... -->`` on the line before its fence.
Each command runs with bash in a folder holding copies of the examples (``examples/``,
``profiles/``, ``extra/town.yaml``, ``town.yaml``) and the criteria, with this Python's
``readiness`` first on PATH; it must exit 0, or 1 where the docs say it gates (exit 1 below a
threshold): never 2 (usage or input) or 3 (internal error).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MARKER = re.compile(r"<!-- runnable:[^>]*-->\n```(?:sh|bash)\n(.*?)```", re.DOTALL)


def blocks(text: str) -> list[list[str]]:
    """The commands of each marked block: continued lines joined, comments dropped."""
    found = []
    for block in MARKER.findall(text):
        joined = block.replace("\\\n", " ")
        lines = [re.sub(r"\s+#.*$", "", line).strip() for line in joined.splitlines()]
        found.append([c for c in lines if c and not c.startswith("#")])
    return found


CASES = [
    pytest.param(block, id=f"{doc.name}:{i}")
    for doc in DOCS
    for i, block in enumerate(blocks(doc.read_text("utf-8")), start=1)
]


def test_the_docs_mark_commands_to_run() -> None:
    assert {p.id.split(":")[0] for p in CASES} >= {"README.md", "ci.md"}
    assert sum(len(p.values[0]) for p in CASES) >= 15  # type: ignore[arg-type]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copytree(EXAMPLES, tmp_path / "profiles")
    shutil.copytree(ROOT / "src" / "readiness" / "data" / "criteria", tmp_path / "criteria")
    (tmp_path / "extra").mkdir()
    shutil.copy(EXAMPLES / "koshi.yaml", tmp_path / "extra" / "town.yaml")
    shutil.copy(EXAMPLES / "koshi.yaml", tmp_path / "town.yaml")
    return tmp_path


@pytest.mark.parametrize("block", CASES)
def test_every_documented_command_runs(workdir: Path, block: list[str]) -> None:
    """The commands of a block run in order, in one folder (a later one may need an earlier)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("GITHUB_ACTIONS", None)
    failed = []
    for command in block:
        proc = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=workdir, env=env, capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
        gates = "--require-band" in command or "--fail-under" in command
        if proc.returncode not in ((0, 1) if gates else (0,)) or "Traceback" in proc.stderr:
            failed.append(f"{command}: exit {proc.returncode}: {proc.stderr.strip()}")
    assert failed == []
