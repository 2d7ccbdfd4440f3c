"""CLI conventions: help for every command, a fresh reference, completion, locale, NO_COLOR."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from readiness.cli.app import app, root_command
from readiness.cli.options import default_lang
from readiness.cli.reference import cli_reference, missing_help, walk
from readiness.criteria.paths import bundled_ids
from tests.conftest import EXAMPLES, ROOT, RunCli

COMMANDS = list(walk(root_command()))
HIDDEN = [
    (f"readiness {name}", command)
    for name, command in root_command().commands.items()
    if command.hidden
]


def test_the_cli_reference_is_fresh() -> None:
    committed = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert committed == cli_reference(root_command()), "run: readiness cli-reference -o docs/cli.md"


def test_the_reference_names_every_command() -> None:
    names = {name for name, _ in COMMANDS}
    assert {
        "readiness assess",
        "readiness verify",
        "readiness schema",
        "readiness init",
        "readiness explain",
        "readiness criteria list",
        "readiness criteria show",
    } <= names
    reference = cli_reference(root_command())
    assert all(f"## `{name}`" in reference for name in names)


@pytest.mark.parametrize(
    ("name", "command"), COMMANDS + HIDDEN, ids=[n for n, _ in COMMANDS + HIDDEN]
)
def test_every_command_and_parameter_has_help(name: str, command: Any) -> None:
    assert missing_help(command, name) == []


def test_the_help_check_catches_what_is_missing() -> None:
    demo = typer.Typer()

    @demo.command()
    def bare(town: str, verbose: bool = False) -> None:
        pass

    @demo.command()
    def other() -> None:
        """Documented."""

    command = typer.main.get_command(demo).commands["bare"]
    assert missing_help(command, "demo bare") == [
        "demo bare has no help text",
        "demo bare: town has no help text",
        "demo bare: verbose has no help text",
    ]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o default -F _readiness_completion readiness"),
     ("zsh", "#compdef readiness"),
     ("fish", "complete --command readiness"),
     ("powershell", "Register-ArgumentCompleter -Native -CommandName readiness"),
     ("pwsh", "Register-ArgumentCompleter -Native -CommandName readiness")],
)  # fmt: skip
def test_show_completion_prints_the_script_of_the_shell_named(shell: str, marker: str) -> None:
    """Not the script of the shell that runs the tests (typer's own option detects it)."""
    result = CliRunner().invoke(app, ["--show-completion", shell], prog_name="readiness")
    assert result.exit_code == 0
    assert marker in result.stdout
    others = {"bash": "complete -o default", "zsh": "#compdef", "fish": "complete --command"}
    assert not [s for s, m in others.items() if s != shell and m in result.stdout]


def test_show_completion_needs_a_shell() -> None:
    result = CliRunner().invoke(app, ["--show-completion"], prog_name="readiness")
    assert result.exit_code == 2
    assert "Option '--show-completion' requires an argument." in result.stderr


def test_zsh_completes_at_run_time() -> None:
    env = {"_READINESS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "readiness ass"}
    result = CliRunner().invoke(app, [], env=env, prog_name="readiness")
    assert result.stdout.startswith("""_arguments '*: :(("assess":"Assess one municipality""")


@pytest.mark.parametrize(
    ("words", "prefix"),
    [
        ("readiness criteria show ", ""),
        ("readiness criteria show to", "to"),
        ("readiness assess town.yaml --criteria ky", "ky"),
        ("readiness verify k", "k"),
    ],
)
def test_criteria_ids_complete(words: str, prefix: str) -> None:
    expected = "".join(f"{i}\n" for i in bundled_ids() if i.startswith(prefix))
    assert expected
    env = {
        "_READINESS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="readiness")
    assert result.stdout == expected


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "ja_JP.eucJP"}, "ja"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "C"}, "ja"),
        ({"LC_ALL": "", "LANG": "ja"}, "ja"),
        ({"READINESS_LANG": "ja", "LANG": "C"}, "ja"),
        ({"READINESS_LANG": "en", "LANG": "ja_JP.UTF-8"}, "en"),
    ],
)
def test_language_defaults_from_the_locale(environ: dict[str, str], lang: str) -> None:
    assert default_lang(environ) == lang


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def test_no_color_turns_colour_off(run_cli: RunCli) -> None:
    profile = str(EXAMPLES / "koshi.yaml")
    coloured = run_cli("assess", profile, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert COLOUR.search(coloured.stdout), "the test needs colour to be on without NO_COLOR"
    plain = run_cli(
        "assess", profile, env={"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": "1"}
    )
    assert plain.exit_code == 0
    assert not COLOUR.search(plain.stdout)


def test_help_loads_neither_pydantic_nor_yaml_nor_rich_tables() -> None:
    code = (
        "import sys; sys.argv = ['readiness', '--help']\n"
        "from readiness.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules\n"
        "         if m.split('.')[0] in ('pydantic', 'yaml', 'jinja2', 'openpyxl')\n"
        "         or m == 'rich.table']\n"
        "print(heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stderr.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "ishinomaki.yaml"],
        ["assess", "ishinomaki.yaml", "-f", "json"],
        ["assess", "ishinomaki.yaml", "--lang", "ja"],
        ["criteria", "list"],
        ["explain", "will.lead"],
        ["validate", "koshi.yaml"],
    ],
)
def test_a_reader_that_went_away_is_no_error(args: list[str]) -> None:
    """``readiness ... | head``: exit 0 and nothing on stderr, for rich's output as for JSON
    (rich's own handling of a broken pipe exits 1)."""
    from tests.test_batch_cli import run_with_closed_stdout

    proc = run_with_closed_stdout(args, EXAMPLES)
    assert (proc.returncode, proc.stderr) == (0, b"")
