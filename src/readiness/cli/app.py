"""The typer app: the root command and its callback, and where each command is registered.

Each command lives in its own module beside this one, with its options and its body.  Command
modules import nothing heavy at module level, so ``readiness --help`` and ``--version`` never
load pydantic, PyYAML or rich.
"""

from __future__ import annotations

import importlib
from enum import Enum
from functools import cache
from typing import Annotated, Any, Optional

import typer
from typer._completion_classes import completion_init

from readiness import __version__
from readiness.cli.help_format import ReadinessCommand, ReadinessGroup

# typer registers the completion protocol its scripts speak only with add_completion=True; the
# options are ours (below), so register it here: `_READINESS_COMPLETE=complete_zsh` needs it.
completion_init()

COMMANDS: dict[str, tuple[str, str]] = {
    "assess": ("assess", "assess"),
    "validate": ("validate", "validate"),
    "diff": ("diff", "diff"),
    "batch": ("batch", "batch"),
    "progress": ("progress", "progress"),
    "verify": ("verify", "verify"),
    "schema": ("schema", "schema"),
    "init": ("init", "init"),
    "import": ("importer", "import_command"),
    "explain": ("explain", "explain"),
    "config": ("config_command", "config"),
    "cli-reference": ("reference", "cli_reference_command"),
}
"""Each command by name: its module in ``readiness.cli`` and its function, in the order
``--help`` lists them."""
GROUPS: dict[str, tuple[str, str]] = {"criteria": ("criteria", "criteria_app")}
_HIDDEN = frozenset({"cli-reference"})


def _version(value: bool) -> None:
    if value:
        typer.echo(f"readiness {__version__}")
        raise typer.Exit()


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"
    pwsh = "pwsh"


def _complete_var(ctx: typer.Context) -> tuple[str, str]:
    prog = ctx.find_root().info_name or "readiness"
    return prog, "_{}_COMPLETE".format(prog.replace("-", "_").upper())


def _show_completion(ctx: typer.Context, value: Optional[Shell]) -> None:  # noqa: UP045
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script

    prog, var = _complete_var(ctx)
    typer.echo(get_completion_script(prog_name=prog, complete_var=var, shell=value.value))
    raise typer.Exit()


def _install_completion(ctx: typer.Context, value: Optional[Shell]) -> None:  # noqa: UP045
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    prog, var = _complete_var(ctx)
    shell, path = install(shell=value.value, prog_name=prog, complete_var=var)
    typer.echo(f"{shell} completion installed in {path}; restart the shell to use it.")
    raise typer.Exit()


def _main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    show_completion: Annotated[
        Optional[Shell],  # noqa: UP045
        typer.Option(
            "--show-completion",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            metavar="SHELL",
            help="Print the completion script for SHELL: bash, zsh, fish, powershell or pwsh.",
        ),
    ] = None,
    install_completion: Annotated[
        Optional[Shell],  # noqa: UP045
        typer.Option(
            "--install-completion",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            metavar="SHELL",
            help="Install completion for SHELL in its start-up file.",
        ),
    ] = None,
) -> None:
    """Assess how ready a municipality is for a partnership with its regional METI bureau."""
    if ctx.invoked_subcommand in (None, "config"):
        return  # `readiness config` reports a bad config file itself
    from readiness.cli.config import load_config
    from readiness.cli.errors import EXIT_BAD_INPUT, print_error
    from readiness.cli.options import forget_lang
    from readiness.diagnostics import ReadinessError

    forget_lang()  # the locale's language, not one an earlier in-process run chose
    try:
        found = load_config()
    except ReadinessError as e:
        print_error(e)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if found is not None:
        ctx.default_map = found.default_map()


def _from(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"readiness.cli.{module}"), name)


def _app(names: list[str]) -> typer.Typer:
    """The root command, its callback and options, with the commands and groups ``names``
    (their modules imported only then)."""
    made = typer.Typer(
        name="readiness",
        help="Assess how ready a municipality is for a partnership with its regional METI bureau.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        add_completion=False,
        cls=ReadinessGroup,  # typer's own options ignore SHELL (they detect it): ours below
    )
    for name in (n for n in GROUPS if n in names):
        made.add_typer(_from(*GROUPS[name]), name=name)
    made.callback()(_main)
    for name in (n for n in COMMANDS if n in names):
        made.command(name, hidden=name in _HIDDEN, cls=ReadinessCommand)(_from(*COMMANDS[name]))
    return made


@cache
def whole_app() -> typer.Typer:
    """The app with every command: what ``readiness.cli.app.app`` is."""
    return _app([*GROUPS, *COMMANDS])


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # made on first use: `readiness assess` makes only its own command
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def root_command() -> Any:
    """The click command behind the app, for generating docs and walking the commands."""
    return typer.main.get_command(whole_app())


def main() -> None:
    import gc

    from readiness.cli.collector import fewer_collections

    with fewer_collections():
        try:
            _main_command()
        finally:
            gc.freeze()  # what is left is freed by the exit, without scanning it once more


def _main_command() -> None:
    import sys

    if _help_wanted(sys.argv[1:]):
        from readiness.cli.options import default_lang

        if (_lang_given(sys.argv[1:]) or default_lang()) == "ja":
            from readiness.cli.help_ja import translate

            command = root_command()
            translate(command)
            command(prog_name="readiness")
            return
    chosen = only_command(sys.argv[1]) if sys.argv[1:] else None
    (chosen or whole_app())()


def only_command(name: str) -> typer.Typer | None:
    """The app with only the command (or group) ``name``, when there is one by that name.

    typer makes the click command of every registered command, reading each function's
    signature, before it runs one (about 20 ms of ``readiness assess``), and the app of every
    command imports every command's module.  With the root's callback and options kept, a
    group of one command runs it as the whole group would; an unknown name (a typo, an option)
    goes to the whole app, which lists the others.
    """
    return _app([name]) if name in COMMANDS or name in GROUPS else None


def _lang_given(args: list[str]) -> str | None:
    """The value of ``--lang`` on the command line (``--lang ja`` or ``--lang=ja``), if any:
    help then follows it, over the locale."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def _help_wanted(args: list[str]) -> bool:
    """``--help`` asked for, or a command group given nothing to do (which prints its help)."""
    return not args or "--help" in args or args == ["criteria"]
