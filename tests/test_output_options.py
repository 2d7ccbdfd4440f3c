"""``--color auto|always|never`` with NO_COLOR and FORCE_COLOR, and ``-q/--quiet``, on every
command, decided by us whatever rich's version."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize(
    ("args", "code"),
    [(["diff", "kyushu-2019", "tohoku-2022"], 0),
     (["verify", "kyushu-2019"], 0),
     (["explain", "will.lead", "--criteria", "kyushu-2019"], 0),
     (["explain", "count"], 0),
     (["criteria", "list"], 0),
     (["criteria", "show", "kyushu-2019"], 0),
     (["progress", KOSHI, KOSHI], 0),
     (["config"], 0)],
)  # fmt: skip
def test_quiet_prints_only_problems(run_cli: RunCli, args: list[str], code: int) -> None:
    """Each command's report is left out; the exit code still says what happened."""
    loud = run_cli(*args)
    assert loud.exit_code == code, loud.stderr
    assert loud.stdout != ""
    result = run_cli(*args, "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", "")


@pytest.mark.parametrize(
    "args",
    [["explain", "no.such", "--criteria", "kyushu-2019"],
     ["criteria", "show", "no-such-set"],
     ["progress", KOSHI, str(EXAMPLES / "ishinomaki.yaml")]],
)  # fmt: skip
def test_quiet_keeps_the_problems(run_cli: RunCli, args: list[str]) -> None:
    loud, quiet = run_cli(*args), run_cli(*args, "-q")
    assert loud.exit_code == quiet.exit_code == 2
    assert quiet.stderr == loud.stderr != ""


def test_quiet_keeps_the_formats_asked_for(run_cli: RunCli, tmp_path: object) -> None:
    diff = run_cli("diff", "kyushu-2019", "tohoku-2022", "-q", "-f", "json")
    assert diff.stdout.startswith("{")
    progress = run_cli("progress", KOSHI, KOSHI, "-q", "-f", "markdown")
    assert progress.stdout.startswith("#")
    shown = run_cli("criteria", "show", "kyushu-2019", "--resolved", "-q")
    assert shown.stdout.startswith("# kyushu-2019: resolved")
    schema = run_cli("schema", "profile", "-q")  # the schema is the product: it is printed
    assert (schema.exit_code, schema.stdout[:1], schema.stderr) == (0, "{", "")


def test_quiet_verify_prints_only_the_failing_cases(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "format: 1\nextends: tohoku-2022\nid: mine\ntests:\n"
        "  - example: fictional-no-partners\n    band: ready\n"
        "  - example: ishinomaki\n    band: promising\n",
        "utf-8",
    )
    result = run_cli("verify", str(path), "-q")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        f"mine ({path})\n"
        "  FAIL  fictional-no-partners: score 80.0, band promising, 4 gap(s)\n"
        "         band: expected ready, got promising\n"
    )


def test_quiet_init_leaves_out_the_next_steps(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "koshi.yaml"
    loud = run_cli("init", "--code", "432164", "-o", str(tmp_path / "a.yaml"), "--lang", "en")
    assert loud.exit_code == 0
    assert loud.stderr != ""
    result = run_cli("init", "--code", "432164", "-o", str(out), "--lang", "en", "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert out.read_text("utf-8") == (tmp_path / "a.yaml").read_text("utf-8")


def test_quiet_import_says_nothing_when_every_row_is_written(
    run_cli: RunCli, tmp_path: Path
) -> None:
    rows = tmp_path / "list.csv"
    rows.write_text("code\n432164\n", "utf-8")
    result = run_cli("import", str(rows), "-o", str(tmp_path / "out"), "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "out" / "432164.yaml").is_file()
    template = run_cli("import", "--template", str(tmp_path / "t.xlsx"), "-q")
    assert (template.exit_code, template.stdout, template.stderr) == (0, "", "")
    assert (tmp_path / "t.xlsx").is_file()
