"""What `readiness assess` loads, and option values taken without typer's pydantic adapters.

Start-up is most of the time of one assessment (benchmarks/startup.py); these pin what was
made lazy: each format imports only what it prints with, typer builds no ``TypeAdapter``, and a
criteria set read from the cache builds no pydantic validator.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from readiness.cli.app import root_command
from readiness.cli.coercion import PassThrough
from tests.conftest import EXAMPLES, ROOT

_REPORT = """
import json, sys
from readiness.cli.app import main
try:
    main()
except SystemExit as e:
    code = e.code
from readiness.criteria import model
print(json.dumps({"code": code, "built": model.Criteria.__pydantic_complete__,
                  "modules": sorted(sys.modules)}), file=sys.stderr)
"""

# Modules no format of `assess` needs, and those only some need.
_NEVER = (
    "typer._adapters",
    "openpyxl",
    "readiness.reporters.batch",
    *(f"readiness.cli.{m}" for m in ("batch", "diff", "validate", "criteria", "importer")),
)
_ONLY_FOR = {
    "rich.table": ("rich",),
    "rich.console": ("rich",),
    "jinja2": ("html",),
    "readiness.reporters.html": ("html",),
    "readiness.reporters.json_report": ("json",),
    "readiness.criteria.loading": (),  # the set comes from the cache
    "readiness.criteria.lint": (),
}


def _assess(fmt: str, cache: Path) -> dict[str, Any]:
    return _modules(["assess", str(EXAMPLES / "ishinomaki.yaml"), "-f", fmt], cache)


def _modules(args: list[str], cache: Path) -> dict[str, Any]:
    """The exit code and the modules loaded by ``readiness ARGS``, run in a new process."""
    env = {**os.environ, "READINESS_CACHE_DIR": str(cache)}
    argv = ["readiness", *args]
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.argv = {argv!r}\n{_REPORT}"],
        capture_output=True, text=True, check=True, cwd=ROOT, env=env,
    )  # fmt: skip
    found: dict[str, Any] = json.loads(result.stderr.splitlines()[-1])
    return found


@pytest.mark.parametrize("fmt", ["rich", "json", "html"])
def test_assess_imports_only_what_its_format_needs(fmt: str, tmp_path: Path) -> None:
    _assess(fmt, tmp_path)  # fills the cache
    run = _assess(fmt, tmp_path)
    assert run["code"] == 0
    loaded = set(run["modules"])

    def has(name: str) -> bool:
        return name in loaded or any(m.startswith(name + ".") for m in loaded)

    assert [m for m in _NEVER if has(m)] == []
    assert {m for m, formats in _ONLY_FOR.items() if has(m)} == {
        m for m, formats in _ONLY_FOR.items() if fmt in formats
    }
    assert run["built"] is False  # the cached set's models never validated anything


def _params() -> list[tuple[str, Any]]:
    found = []

    def walk(command: Any, path: str) -> None:
        for p in command.params:
            found.append((f"{path} {p.name}", p))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(root_command(), "readiness")
    return found


_PARAMS = _params()
_typer_coerces = hasattr(_PARAMS[0][1], "type_descriptor")


def _values(param: Any) -> list[Any]:
    values: list[Any] = [None, "", "x", "42", "4.5", "nan", " 7 ", "examples/koshi.yaml", True]
    # What a parameter of many values gets (and what one of one value must not take as text).
    values += [(), ("a",), ("examples/koshi.yaml", "*.yaml", "-"), ["x", "y"], (1, "a"), (None,)]
    for choice in (param.type_descriptor.choices or ()) if _typer_coerces else ():
        values += [choice, choice.value, str(choice.value).upper(), f" {choice.value}"]
    return values


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, str]:
    """The value's type and repr (``nan`` equals itself so), or the error's type and text."""
    try:
        got = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as e:  # typer's message, or what its adapter lets through
        return type(e).__name__, str(e)
    return type(got).__name__, repr(got)


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "examples"],
        ["batch", "examples/koshi.yaml", "examples/ishinomaki.yaml", "-o", "json=-"],
        ["validate", "examples/koshi.yaml", "examples/ishinomaki.yaml"],
    ],
    ids=["batch", "batch-output", "validate"],
)
def test_paths_and_outputs_are_taken_without_typers_adapters(
    args: list[str], tmp_path: Path
) -> None:
    """Texts for a list of text are typer's own result (below): its adapters, which cost a
    batch of a few files more than scoring them, are never built for them."""
    run = _modules(args, tmp_path)
    assert run["code"] == 0
    assert "typer._adapters" not in run["modules"]


@pytest.mark.skipif(not _typer_coerces, reason="this typer coerces with click types")
@pytest.mark.parametrize(("where", "param"), _PARAMS, ids=[w for w, _ in _PARAMS])
def test_values_taken_without_adapters_are_typers_own(where: str, param: Any) -> None:
    """Every parameter of every command, given values of each kind: the same value (of the
    same type) or the same error as typer's own coercion."""
    from typer._coercion import build_runtime_param

    ctx = root_command().make_context("readiness", [], resilient_parsing=True)
    for value in _values(param):
        ours = _outcome(PassThrough(param.type_descriptor), value, param, ctx)
        theirs = _outcome(build_runtime_param(param.type_descriptor), value, param, ctx)
        assert ours == theirs, (where, value)


def test_a_command_builds_no_adapter_for_the_values_it_is_given(tmp_path: Path) -> None:
    """A bad choice still gets typer's own message (its adapter, built then)."""
    bad = subprocess.run(
        [sys.executable, "-m", "readiness", "assess", str(EXAMPLES / "koshi.yaml"), "-f", "xml"],
        capture_output=True, text=True, check=False, cwd=ROOT,
        env={**os.environ, "READINESS_CACHE_DIR": str(tmp_path)},
    )  # fmt: skip
    assert bad.returncode == 2
    assert "'xml' is not one of 'rich', 'json', 'html'" in bad.stderr


_KOSHI = str(EXAMPLES / "koshi.yaml")
_ARGS = [
    ["assess", _KOSHI],
    ["assess", _KOSHI, "-f", "json", "--lang", "ja", "--fail-under", "99"],
    ["assess", _KOSHI, "-f", "xml"],
    ["assess", _KOSHI, "--fail-under", "many"],
    ["assess", "--bogus"],
    ["assess"],
    ["validate", _KOSHI, "--format", "github"],
    ["criteria", "list", "--as-of", "2020-01-01"],
    ["criteria", "lsit"],
    ["criteria"],
    ["diff", "kyushu-2019", "tohoku-2022", "-q"],
    ["explain", "present"],
    ["import"],
    ["config"],
    ["cli-reference", "--bogus"],
]


@pytest.mark.parametrize("args", _ARGS, ids=[" ".join(a[:3]) for a in _ARGS])
def test_the_app_of_one_command_runs_it_as_the_whole_app(args: list[str]) -> None:
    from typer.testing import CliRunner

    from readiness.cli.app import app, only_command

    only = only_command(args[0])
    assert only is not None
    assert only.registered_commands != app.registered_commands
    env = {"COLUMNS": "80", "READINESS_LANG": "en"}
    whole = CliRunner().invoke(app, args, env=env)
    alone = CliRunner().invoke(only, args, env=env)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        whole.exit_code, whole.stdout, whole.stderr
    )  # fmt: skip


def test_every_command_can_run_alone_and_a_typo_goes_to_the_whole_app() -> None:
    from readiness.cli.app import only_command

    names = list(root_command().commands)
    assert all(only_command(n) is not None for n in names)
    for name in ["asess", "--version", "-q", "", "assess ", "Assess"]:
        assert only_command(name) is None
