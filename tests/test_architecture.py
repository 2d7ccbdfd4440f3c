"""The architecture holds: layers as pyproject's import-linter contracts declare, and no cycles."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "readiness"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def import_cycles(package: str) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), in a stable order."""
    graph = grimp.build_graph(package)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return sorted(groups)


def test_no_module_imports_itself_through_others() -> None:
    assert import_cycles("readiness") == []


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path) -> None:
    package = tmp_path / "loopy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from loopy import b\n")
    (package / "b.py").write_text("def f() -> None:\n    from loopy import a\n")
    (package / "c.py").write_text("from loopy import a\n")
    sys.path.insert(0, str(tmp_path))
    try:
        assert import_cycles("loopy") == [["loopy.a", "loopy.b"]]
    finally:
        sys.path.remove(str(tmp_path))


def lint_imports(source_root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        cwd=source_root,
        check=False,
    )


def test_the_layers_hold() -> None:
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "broken"),
    [
        ("scoring/scorer.py", "import readiness.reporters.json_report", "Layers, top to bottom"),
        ("input/yamlload.py", "import readiness.profile.model", "Layers, top to bottom"),
        ("criteria/model.py", "import rich", "never imports rich"),
        ("batch/run.py", "import typer", "Only the CLI uses typer"),
    ],
)
def test_a_reversed_import_breaks_a_contract(
    tmp_path: Path, module: str, bad_import: str, broken: str
) -> None:
    copy = tmp_path / "src" / "readiness"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    target = copy / module
    target.write_text(target.read_text("utf-8") + f"\n{bad_import}  # noqa\n", "utf-8")
    result = lint_imports(tmp_path / "src")
    assert result.returncode == 1, result.stdout
    assert f"{broken}" in result.stdout
    assert "1 broken" in result.stdout


def test_every_subpackage_says_what_it_owns_and_may_import() -> None:
    for init in sorted(SRC.rglob("__init__.py")):
        if init.parent == SRC:
            continue
        text = init.read_text("utf-8").strip()
        assert text.startswith('"""'), f"{init} has no docstring"
        assert len(text) > 40, f"{init}: say what the package owns and what it may import"


def test_no_module_name_stands_in_for_a_folder() -> None:
    flat = sorted(
        p.name
        for p in SRC.rglob("*.py")
        if p.stem.startswith(("criteria_", "profile_", "batch_", "cli_"))
    )
    assert flat == []


def declared_layers() -> list[str]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+; CI runs 3.11
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    return [str(layer) for layer in layers]


def test_the_architecture_page_lists_the_contract_layers_in_order() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    table = page.split("<!-- layers:start -->")[1].split("<!-- layers:end -->")[0]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    documented = [" | ".join(re.findall(r"`([\w.]+)`", row)) for row in rows]
    assert documented == declared_layers()
    assert len(page.splitlines()) < 120
