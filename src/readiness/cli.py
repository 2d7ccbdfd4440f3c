"""The command line: options are declared here, and each command's body lives in ``commands/``.

Nothing heavy is imported at module level, so ``readiness --help`` and ``--version`` never load
pydantic or read a criteria file.
"""

from __future__ import annotations

import sys
from datetime import datetime
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
    add_completion=True,
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

# The gates shared by assess and batch: exit 1 when a town is below them.
FailUnderOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option(
        "--fail-under",
        help="Gate: exit 1 if a town's score is below N (0-100).",
        metavar="N",
        min=0,
        max=100,
    ),
]
RequireBandOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--require-band", help="Gate: exit 1 if a town's band is below band B.", metavar="B"
    ),
]


def complete_criteria(incomplete: str) -> list[str]:
    """Bundled criteria ids for shell completion (read from the folder: nothing heavy loads)."""
    from importlib.resources import files

    folder = files("readiness").joinpath("criteria")
    ids = sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))
    return [i for i in ids if i.startswith(incomplete)]


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
            "--criteria",
            "-c",
            help="Bundled criteria id or file; default: the bureau's current.",
            autocompletion=complete_criteria,
        ),
    ] = None,
    lang: LangOption = None,
    output_format: Annotated[
        AssessFormat, typer.Option("--format", "-f", help="rich (terminal) or json.")
    ] = AssessFormat.rich,
    fail_under: FailUnderOption = None,
    require_band: RequireBandOption = None,
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


class ValidateFormat(str, Enum):
    human = "human"
    json = "json"
    github = "github"


class ValidateKind(str, Enum):
    auto = "auto"
    profile = "profile"
    criteria = "criteria"


@app.command()
def validate(
    files: Annotated[
        list[str], typer.Argument(help="Profiles and criteria files (YAML).", metavar="FILE")
    ],
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format", "-f", help="human (file:line:col: code message), json, or github."
        ),
    ] = ValidateFormat.human,
    kind: Annotated[
        ValidateKind,
        typer.Option("--kind", help="Check every file as this kind; auto tells them apart."),
    ] = ValidateKind.auto,
    encoding: EncodingOption = None,
) -> None:
    """Check profiles and criteria files and report every problem in every file.

    Exit codes: 0 every file is valid; 2 a file has a problem (or bad usage).
    """
    from readiness.commands import validate as command

    chosen = None if kind is ValidateKind.auto else kind.value
    raise typer.Exit(
        guarded(
            lambda: command.run(
                files,
                kind=chosen,
                output_format=output_format.value,
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
        list[str],
        typer.Argument(help="Profiles: files, directories (recursive) or globs.", metavar="PATH"),
    ],
    criteria: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--criteria",
            "-c",
            help="Score all under this criteria id or file; default: each "
            "town's bureau's current set.",
            autocompletion=complete_criteria,
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
    fail_under: FailUnderOption = None,
    require_band: RequireBandOption = None,
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


@app.command()
def verify(
    criteria: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(
            help="Criteria ids or files; default: every bundled set.",
            metavar="CRITERIA",
            autocompletion=complete_criteria,
        ),
    ] = None,
) -> None:
    """Run the test cases (tests:) of criteria files and report like a test runner.

    Exit codes: 0 every case passed; 1 an expectation failed; 2 bad input.
    """
    from readiness.commands import verify as command

    raise typer.Exit(guarded(lambda: command.run(criteria or [])))


class SchemaChoice(str, Enum):
    profile = "profile"
    criteria = "criteria"


OutputOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--output", "-o", help="Write to FILE (atomically) instead of stdout.", metavar="FILE"
    ),
]


@app.command()
def schema(
    name: Annotated[
        SchemaChoice,
        typer.Argument(help="Which schema: profile or criteria.", metavar="NAME"),
    ],
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of profiles or criteria files, for editors that check YAML.

    Start a file with "# yaml-language-server: $schema=profile.schema.json" to use it.
    """
    from readiness.commands import schema as command

    raise typer.Exit(guarded(lambda: command.run(name.value, output)))


@app.command()
def init(
    code: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--code", help="6-digit local government code, e.g. 042021.", metavar="CODE"),
    ] = None,
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--name", help="Municipality name, e.g. 石巻市 or 東京都府中市.", metavar="NAME"
        ),
    ] = None,
    lang: Annotated[
        Optional[LangChoice],  # noqa: UP045
        typer.Option("--lang", help="Language of the comments; defaults from the locale."),
    ] = None,
    output: OutputOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it already exists.")
    ] = False,
    as_of: Annotated[
        Optional[datetime],  # noqa: UP045
        typer.Option(
            "--as-of",
            help="Date the profile describes; default: today.",
            formats=["%Y-%m-%d"],
            metavar="DATE",
        ),
    ] = None,
) -> None:
    """Write a commented profile template for one municipality, facts to fill in as unknown.

    Name, kana, prefecture, code and bureau come from the bundled municipality list. An
    ambiguous name lists the codes to choose from. FILE is never replaced without --force.
    """
    from readiness.commands import init as command

    raise typer.Exit(
        guarded(
            lambda: command.run(
                code=code,
                name=name,
                lang=lang,
                output=output,
                force=force,
                as_of=as_of.date() if as_of else None,
            )
        )
    )


@criteria_app.command("show")
def criteria_show(
    criteria: Annotated[
        str,
        typer.Argument(
            help="Bundled criteria id or criteria file.", autocompletion=complete_criteria
        ),
    ],
    resolved: Annotated[
        bool,
        typer.Option(
            "--resolved", help="Print the whole set as YAML, merged with what it extends."
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Show one criteria set: sources, strategies, sections, criteria and checks, bands."""
    from readiness.commands import criteria_show as command

    raise typer.Exit(guarded(lambda: command.run(criteria, resolved, lang)))


@app.command()
def explain(
    criterion: Annotated[
        str, typer.Argument(help="A criterion id (e.g. will.lead), or a check kind (e.g. count).")
    ],
    criteria: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--criteria",
            "-c",
            help="Bundled criteria id or file; default: every bundled set.",
            autocompletion=complete_criteria,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Explain a criterion: wording, source, how it is checked, a passing and a failing example."""
    from readiness.commands import explain as command

    raise typer.Exit(guarded(lambda: command.run(criterion, criteria, lang)))


@app.command("cli-reference", hidden=True)
def cli_reference(output: OutputOption = None) -> None:
    """Write the command-line reference (docs/cli.md) in Markdown, generated from this app."""
    from readiness.cli_reference import cli_reference as render

    def run() -> int:
        from readiness.atomic import write_text

        text = render()
        if output is None:
            sys.stdout.write(text)
        else:
            write_text(output, text)
        return 0

    raise typer.Exit(guarded(run))


def main() -> None:
    app()
