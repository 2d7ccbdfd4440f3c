"""The typer app: the root command and its callback, and where each command is registered.

Each command lives in its own module beside this one, with its options and its body.  Command
modules import nothing heavy at module level, so ``readiness --help`` and ``--version`` never
load pydantic, PyYAML or rich.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from readiness import __version__
from readiness.cli import (
    assess,
    batch,
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

app = typer.Typer(
    name="readiness",
    help="Assess how ready a municipality is for a partnership with its regional METI bureau.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
)
app.add_typer(criteria.criteria_app, name="criteria")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"readiness {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Assess how ready a municipality is for a partnership with its regional METI bureau."""


# In the order --help lists them.
app.command()(assess.assess)
app.command()(validate.validate)
app.command()(diff.diff)
app.command()(batch.batch)
app.command()(progress.progress)
app.command()(verify.verify)
app.command()(schema.schema)
app.command()(init.init)
app.command("import")(importer.import_command)
app.command()(explain.explain)
app.command("cli-reference", hidden=True)(reference.cli_reference_command)


def root_command() -> Any:
    """The click command behind the app, for generating docs and walking the commands."""
    return typer.main.get_command(app)


def main() -> None:
    import sys

    if _help_wanted(sys.argv[1:]):
        from readiness.cli.options import default_lang

        if default_lang() == "ja":
            from readiness.cli.help_ja import translate

            command = root_command()
            translate(command)
            command(prog_name="readiness")
            return
    app()


def _help_wanted(args: list[str]) -> bool:
    """``--help`` asked for, or a command group given nothing to do (which prints its help)."""
    return not args or "--help" in args or args == ["criteria"]
