"""``--color auto|always|never`` with NO_COLOR and FORCE_COLOR, and ``-q/--quiet``, on every
command, decided by us whatever rich's version."""

from __future__ import annotations

import pytest

from readiness.cli.app import root_command
from readiness.cli.reference import walk
from readiness.reporters import console
from tests.conftest import EXAMPLES, RunCli

KOSHI = str(EXAMPLES / "koshi.yaml")
ESC = "\x1b["


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.mark.parametrize(
    ("flag", "env", "mode"),
    [(None, {}, "auto"),
     (None, {"NO_COLOR": "1"}, "never"),
     (None, {"NO_COLOR": ""}, "auto"),  # empty is unset (no-color.org)
     (None, {"FORCE_COLOR": "1"}, "always"),
     (None, {"FORCE_COLOR": ""}, "auto"),
     (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, "never"),
     ("always", {"NO_COLOR": "1"}, "always"),  # the flag wins
     ("never", {"FORCE_COLOR": "1"}, "never"),
     ("auto", {"FORCE_COLOR": "1"}, "auto")],
)  # fmt: skip
def test_colour_mode(flag: str | None, env: dict[str, str], mode: str) -> None:
    console.reset()
    console.settings.color = flag  # type: ignore[assignment]
    try:
        assert console.color_mode(env) == mode
    finally:
        console.reset()


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [(["--color", "always"], {}, True),
     (["--color", "never"], {"FORCE_COLOR": "1"}, False),
     ([], {"FORCE_COLOR": "1"}, True),
     ([], {}, False)],  # piped: not a terminal
)  # fmt: skip
@pytest.mark.parametrize("command", ["assess", "batch"])
def test_colour_of_the_report_and_the_batch_table(
    run_cli: RunCli, command: str, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    result = run_cli(command, KOSHI, *args, env=env)
    assert result.exit_code == 0, result.stderr
    assert (ESC in result.stdout) is coloured


def test_every_command_takes_color_and_quiet() -> None:
    for name, command in walk(root_command()):
        if getattr(command, "commands", None):
            continue
        names = {o for p in command.params for o in p.opts}
        assert {"--color", "--quiet", "-q"} <= names, name


@pytest.mark.parametrize(
    ("args", "stdout"),
    [(["assess", KOSHI, "-q"], ""),
     (["batch", KOSHI, "-q"], ""),
     (["validate", KOSHI, str(EXAMPLES / "ishinomaki.yaml"), "-q"], "")],
)  # fmt: skip
def test_quiet_prints_nothing_when_all_is_well(
    run_cli: RunCli, args: list[str], stdout: str
) -> None:
    result = run_cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, stdout, "")


def test_quiet_validate_prints_only_the_problems(run_cli: RunCli, tmp_path: object) -> None:
    text = (
        (EXAMPLES / "koshi.yaml")
        .read_text("utf-8")
        .replace("  name_en: Koshi\n", "  name_en: Koshi\n  nme: x\n")
    )
    result = run_cli("validate", "-", KOSHI, "-q", input=text)
    assert result.exit_code == 2
    assert result.stdout == (
        "<stdin>:9:3: unknown-field unknown field 'nme' in municipality: did you mean 'name'?\n"
    )


def test_quiet_keeps_the_gate_message_and_the_exit_code(run_cli: RunCli) -> None:
    result = run_cli("batch", KOSHI, "-q", "--fail-under", "90")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "readiness: 1 of 1 towns are below the gate\n"


def test_quiet_keeps_the_report_asked_for(run_cli: RunCli) -> None:
    result = run_cli("batch", KOSHI, "-q", "-f", "json")
    assert result.stdout.startswith("{")
