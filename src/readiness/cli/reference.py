"""The command-line reference (``docs/cli.md``), generated from the typer app itself.

``readiness cli-reference -o docs/cli.md`` writes it; a test fails when the file is stale or when
a command or one of its parameters has no help text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import typer

from readiness.cli.errors import guarded
from readiness.cli.help_format import is_option, usage_pieces, value_name
from readiness.cli.options import OutputOption

HEADER = """\
# Command-line reference

<!-- Generated from the app by `readiness cli-reference -o docs/cli.md`; do not edit by hand.
     tests/test_cli_conventions.py fails when this file is stale. -->

Every command takes `--help`. Exit codes: 0 ok; 1 below a threshold you asked for (or, for
`verify`, an expectation that failed); 2 bad input or usage; 3 an internal error.
`--lang` defaults from the locale (`ja_JP.UTF-8` gives Japanese), colour follows `NO_COLOR`,
and `readiness --install-completion SHELL` installs shell completion (bash, zsh, fish, powershell).
"""


def walk(command: Any, path: tuple[str, ...] = ("readiness",)) -> Iterator[tuple[str, Any]]:
    """Every visible command and group, depth first, with its full name."""
    yield " ".join(path), command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        if not sub.hidden:
            yield from walk(sub, (*path, name))


def visible_params(command: Any) -> list[Any]:
    return [p for p in command.params if p.name != "help" and not getattr(p, "hidden", False)]


def missing_help(command: Any, name: str) -> list[str]:
    """What lacks help text in ``command`` itself: the command, or any of its parameters."""
    missing = [] if (command.help or "").strip() else [f"{name} has no help text"]
    missing += [
        f"{name}: {p.name} has no help text"
        for p in visible_params(command)
        if not (p.help or "").strip()
    ]
    return missing


def cli_reference_command(ctx: typer.Context, output: OutputOption = None) -> None:
    """Write the command-line reference (docs/cli.md) in Markdown, generated from this app."""

    def run() -> int:
        from readiness.atomic import write_text

        text = cli_reference(ctx.find_root().command)
        if output is None:
            sys.stdout.write(text)
        else:
            write_text(output, text)
        return 0

    raise typer.Exit(guarded(run))


def cli_reference(root: Any) -> str:
    """The reference of the click command ``root`` and every visible command below it."""
    out = [HEADER]
    for name, command in walk(root):
        out.append(f"\n## `{name}`\n\n")
        out.append(f"```\n{name} {_usage(command)}".rstrip() + "\n```\n\n")
        out.append(_help(command).strip() + "\n")
        subs = {n: c for n, c in getattr(command, "commands", {}).items() if not c.hidden}
        if subs:
            out.append("\n| command | what it does |\n|---|---|\n")
            for sub_name, sub in sorted(subs.items()):
                first = _help(sub).strip().splitlines()[0]
                out.append(f"| `{sub_name}` | {_cell(first)} |\n")
        params = visible_params(command)
        if params:
            out.append("\n| argument or option | help | default |\n|---|---|---|\n")
            for p in params:
                out.append(f"| {_names(p)} | {_cell(p.help or '')} | {_default(p)} |\n")
    return "".join(out)


def _help(command: Any) -> str:
    return str(command.help or "")


def _usage(command: Any) -> str:
    return " ".join(usage_pieces(command.params, bool(getattr(command, "commands", None))))


def _names(param: Any) -> str:
    if not is_option(param):
        return f"`{value_name(param)}`"
    names = [*param.opts, *param.secondary_opts]
    shown = " / ".join(f"`{n}`" for n in names)
    if param.is_flag:
        return shown
    return f"{shown} {value_name(param)}"


def _default(param: Any) -> str:
    default = param.default
    if default is None or default is False or default in ((), []):
        return ""
    value = getattr(default, "value", default)
    return f"`{value}`"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
