"""The command line: options are declared here, and each command's body lives in ``commands/``.

Nothing heavy is imported at module level, so ``readiness --help`` and ``--version`` never load
pydantic or read a criteria file.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from readiness import __version__
from readiness.errors_cli import guarded
from readiness.options import LangChoice

app = typer.Typer(
    name="readiness",
    help="Assess how ready a municipality is for a partnership with its regional METI bureau.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
criteria_app = typer.Typer(help="List and show the bundled criteria sets.", no_args_is_help=True)
app.add_typer(criteria_app, name="criteria")


class AssessFormat(str, Enum):
    rich = "rich"
    json = "json"


LangOption = Annotated[
    Optional[LangChoice],  # noqa: UP045 - typer reads the annotation at run time on 3.10
    typer.Option(
        "--lang", help="Report language; defaults from the locale (ja_JP gives ja), else en."
    ),
]
EncodingOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--encoding", help="Read input files in this encoding (e.g. cp932).", metavar="NAME"
    ),
]


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


@app.command()
def assess(
    profile: Annotated[str, typer.Argument(help="The municipality profile (YAML).")],
    criteria: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--criteria", "-c", help="Bundled criteria id or file; default: the bureau's current."
        ),
    ] = None,
    lang: LangOption = None,
    output_format: Annotated[
        AssessFormat, typer.Option("--format", "-f", help="rich (terminal) or json.")
    ] = AssessFormat.rich,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--fail-under", help="Exit 1 if the score is below N (0-100).", metavar="N"),
    ] = None,
    require_band: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--require-band", help="Exit 1 if the band is below band B.", metavar="B"),
    ] = None,
    encoding: EncodingOption = None,
) -> None:
    """Assess one municipality profile and show its score, band, strategy fit and gaps.

    Exit codes: 0 assessed; 1 below --fail-under or --require-band; 2 bad input or usage.
    """
    from readiness.commands import assess as command

    raise typer.Exit(
        guarded(
            lambda: command.run(
                profile,
                criteria_ref=criteria,
                lang=lang,
                output_format=output_format.value,
                fail_under=fail_under,
                require_band=require_band,
                encoding=encoding,
            )
        )
    )


class DiffFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"


class FailOn(str, Enum):
    band_change = "band-change"
    score_change = "score-change"


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="Old criteria: bundled id, file, or REV:path (git).")],
    new: Annotated[str, typer.Argument(help="New criteria: bundled id, file, or REV:path (git).")],
    profiles: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--profiles",
            "-p",
            help="A profile, or a directory of them, to score under both; repeat for more.",
            metavar="PATH",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="rich (terminal), json or markdown.")
    ] = DiffFormat.rich,
    fail_on: Annotated[
        Optional[FailOn],  # noqa: UP045
        typer.Option("--fail-on", help="Exit 1 if any town's band or score changes (for CI)."),
    ] = None,
    lang: LangOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Show what changed in meaning between two criteria sets, and which towns move and why.

    Exit codes: 0 compared; 1 --fail-on triggered; 2 bad input or usage.
    """
    from readiness.commands import diff as command

    raise typer.Exit(
        guarded(
            lambda: command.run(
                old,
                new,
                profiles=profiles,
                output_format=output_format.value,
                fail_on=fail_on.value if fail_on is not None else None,
                lang=lang,
                encoding=encoding,
            )
        )
    )


@app.command()
def batch(
    paths: Annotated[
        list[str], typer.Argument(help="Profiles: files, directories (recursive) or globs.")
    ],
    criteria: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--criteria",
            "-c",
            help="Score all under this criteria id or file; default: each "
            "town's bureau's current set.",
        ),
    ] = None,
    lang: LangOption = None,
    output: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write a report: FORMAT=PATH, repeatable; formats json, csv, markdown, junit, "
            "sarif, github; PATH - is stdout (instead of the table).",
            metavar="FORMAT=PATH",
        ),
    ] = None,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--fail-under", help="Gate: a town fails below score N.", metavar="N"),
    ] = None,
    require_band: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--require-band", help="Gate: a town fails below band B.", metavar="B"),
    ] = None,
    annotations: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--annotations/--no-annotations",
            help="Print GitHub workflow-command annotations; default: when GITHUB_ACTIONS=true.",
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Score on N processes.", metavar="N")
    ] = 1,
    encoding: EncodingOption = None,
) -> None:
    """Score many profiles, rank the towns, and write reports for CI.

    Exit codes: 0 all scored (and every town meets the gate); 1 a town is below --fail-under or
    --require-band; 2 a file could not be read or scored, or bad usage.
    """
    from readiness.commands import batch as command

    raise typer.Exit(
        guarded(
            lambda: command.run(
                paths,
                criteria_ref=criteria,
                lang=lang,
                outputs=output,
                fail_under=fail_under,
                require_band=require_band,
                annotations=annotations,
                jobs=jobs,
                encoding=encoding,
            )
        )
    )


@criteria_app.command("list")
def criteria_list() -> None:
    """List the bundled criteria sets with their bureau, version and period."""
    from readiness.commands import criteria_list as command

    raise typer.Exit(guarded(command.run))


def main() -> None:
    app()
