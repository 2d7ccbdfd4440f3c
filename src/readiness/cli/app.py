"""The typer app: the root command and its callback, and where each command is registered.

Each command lives in its own module beside this one, with its options and its body.  Command
modules import nothing heavy at module level, so ``readiness --help`` and ``--version`` never
load pydantic, PyYAML or rich.
"""

from __future__ import annotations

import copy
from enum import Enum
from typing import Annotated, Any, Optional

import typer
from typer._completion_classes import completion_init

from readiness import __version__
from readiness.cli import (
    assess,
    batch,
    config_command,
    criteria,
    diff,
    explain,
    importer,
    init,
    progress,
    reference,
    schema,
    validate,
    verify,
)
from readiness.cli.help_format import ReadinessCommand, ReadinessGroup

# typer registers the completion protocol its scripts speak only with add_completion=True; the
# options are ours (below), so register it here: `_READINESS_COMPLETE=complete_zsh` needs it.
completion_init()

app = typer.Typer(
    name="readiness",
    help="Assess how ready a municipality is for a partnership with its regional METI bureau.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
    cls=ReadinessGroup,  # typer's own options ignore SHELL (they detect it): ours below
)
app.add_typer(criteria.criteria_app, name="criteria")


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


@app.callback()
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


# In the order --help lists them.
app.command(cls=ReadinessCommand)(assess.assess)
app.command(cls=ReadinessCommand)(validate.validate)
app.command(cls=ReadinessCommand)(diff.diff)
app.command(cls=ReadinessCommand)(batch.batch)
app.command(cls=ReadinessCommand)(progress.progress)
app.command(cls=ReadinessCommand)(verify.verify)
app.command(cls=ReadinessCommand)(schema.schema)
app.command(cls=ReadinessCommand)(init.init)
app.command("import", cls=ReadinessCommand)(importer.import_command)
app.command(cls=ReadinessCommand)(explain.explain)
app.command("config", cls=ReadinessCommand)(config_command.config)
app.command("cli-reference", hidden=True, cls=ReadinessCommand)(reference.cli_reference_command)


def root_command() -> Any:
    """The click command behind the app, for generating docs and walking the commands."""
    return typer.main.get_command(app)


def main() -> None:
    import gc

    # Start-up makes tens of thousands of objects that live as long as the process (pydantic's
    # schemas and validators, typer's commands): collecting the young generation every 700
    # allocations meanwhile, and the whole heap once more at exit, cost about a tenth of
    # `readiness assess` (benchmarks/README.md).  Cycles are still collected, every 100,000
    # allocations, as `batch` has long done while scoring (cli/batch.py).
    gc.set_threshold(100_000, 50, 1000)
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
    (chosen or app)()


def _name(info: Any) -> str:
    """A registered command's name, as typer gives it (``import_command`` is named)."""
    return str(info.name or info.callback.__name__.lower().replace("_", "-"))


def only_command(name: str) -> typer.Typer | None:
    """The app with only the command (or group) ``name``, when there is one by that name.

    typer makes the click command of every registered command, reading each function's
    signature, before it runs one: about 20 ms of ``readiness assess``.  With the root's
    callback and options kept, a group of one command runs it as the whole group would;
    an unknown name (a typo, an option) goes to the whole app, which lists the others.
    """
    commands = [c for c in app.registered_commands if _name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if len(commands) + len(groups) != 1:
        return None
    only = copy.copy(app)
    only.registered_commands = commands
    only.registered_groups = groups
    return only


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
