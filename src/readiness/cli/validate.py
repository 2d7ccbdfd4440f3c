"""``readiness validate PATH...``: check profiles and criteria files, reporting every problem.

Directories are walked and globs expanded, as in ``readiness batch``; the work is done by
:mod:`readiness.batch.validate` and reported by :mod:`readiness.reporters.validation`.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from readiness.cli.errors import EXIT_BAD_INPUT, EXIT_OK, guarded
from readiness.cli.options import (
    EncodingOption,
    LangChoice,
    LangOption,
    StdinFilenameOption,
    read_stdin,
    resolve_lang,
)

if TYPE_CHECKING:
    from readiness.batch.validate import Kind


class ValidateFormat(str, Enum):
    human = "human"
    json = "json"
    github = "github"


class ValidateKind(str, Enum):
    auto = "auto"
    profile = "profile"
    criteria = "criteria"


def validate(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Profiles and criteria files (YAML); - reads standard input.", metavar="FILE"
        ),
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
    lang: LangOption = None,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Check profiles and criteria files and report every problem in every file.

    Exit codes: 0 every file is valid; 2 a file has a problem (or bad usage).
    """
    chosen = None if kind is ValidateKind.auto else kind.value
    raise typer.Exit(
        guarded(
            lambda: run(
                files,
                kind=chosen,
                output_format=output_format.value,
                encoding=encoding,
                lang=lang,
                stdin_filename=stdin_filename,
            )
        )
    )


def run(
    files: list[str],
    *,
    kind: Kind | None = None,
    output_format: str = "human",
    encoding: str | None = None,
    lang: LangChoice | None = None,
    stdin_filename: str | None = None,
) -> int:
    from readiness.batch.validate import StdinText, validate_files
    from readiness.reporters.validation import FORMATTERS

    language = resolve_lang(lang)
    stdin = StdinText(*read_stdin(stdin_filename, encoding)) if "-" in files else None
    results = validate_files(files, kind, encoding, stdin)
    if output_format == "human":
        from readiness.reporters.console import make_console, settings
        from readiness.reporters.kinsoku import print_lines
        from readiness.reporters.validation import format_human

        lines = format_human(results, language).splitlines()
        if settings.quiet:  # only the problems, without the per-file lines and the summary
            lines = [d.text(language) for r in results for d in r.diagnostics]
        print_lines(make_console(), lines)  # wrapped on a terminal only
    else:
        sys.stdout.write(FORMATTERS[output_format](results))
    return EXIT_OK if all(r.ok for r in results) else EXIT_BAD_INPUT
