"""``readiness progress OLD NEW``: what changed for one town between two versions of its profile."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from readiness.cli.errors import EXIT_OK, guarded
from readiness.cli.options import (
    EncodingOption,
    LangChoice,
    LangOption,
    OutputOption,
    complete_criteria,
    resolve_lang,
)


class ProgressFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"


def progress(
    old: Annotated[str, typer.Argument(help="The earlier profile: a file or REV:path (git).")],
    new: Annotated[str, typer.Argument(help="The newer profile: a file or REV:path (git).")],
    criteria: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option(
            "--criteria",
            "-c",
            help="Score both under this criteria id or file; default: the newer profile's "
            "bureau's current set.",
            autocompletion=complete_criteria,
        ),
    ] = None,
    lang: LangOption = None,
    output_format: Annotated[
        ProgressFormat,
        typer.Option("--format", "-f", help="rich (terminal), json, markdown or html."),
    ] = ProgressFormat.rich,
    output: OutputOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Show the progress between two profiles of one town: score and band before and after,
    gaps closed and opened, facts stated since, and evidence added.

    Both are scored under the same criteria. `HEAD~3:towns/ishinomaki.yaml` reads a profile as
    git had it. Exit codes: 0 compared; 2 bad input or usage.
    """
    raise typer.Exit(
        guarded(
            lambda: run(
                old,
                new,
                criteria_ref=criteria,
                lang=lang,
                output_format=output_format.value,
                output=output,
                encoding=encoding,
            )
        )
    )


def run(
    old: str,
    new: str,
    *,
    criteria_ref: str | None = None,
    lang: LangChoice | None = None,
    output_format: str = "rich",
    output: str | None = None,
    encoding: str | None = None,
) -> int:
    from readiness.criteria.source import choose_criteria
    from readiness.diagnostics import ReadinessError
    from readiness.scoring.progress import compare, read_profile

    language = resolve_lang(lang)
    before = read_profile(old, encoding=encoding)
    after = read_profile(new, encoding=encoding)
    if before.municipality.code != after.municipality.code:
        raise ReadinessError.single(
            new,
            "other-town",
            f"is {after.municipality.name} ({after.municipality.code}), but {old} is "
            f"{before.municipality.name} ({before.municipality.code}): progress compares two "
            "versions of one town's profile",
            ja=f"{after.municipality.name}（{after.municipality.code}）ですが、{old} は"
            f"{before.municipality.name}（{before.municipality.code}）です。progress は同じ自治体の"
            "2つの版のプロファイルを比べます",
        )
    criteria = choose_criteria(criteria_ref, after, new, encoding)
    result = compare(before, after, criteria, old, new)
    if output_format == "rich":
        import io

        from rich.console import Console

        from readiness.reporters.kinsoku import print_trimmed
        from readiness.reporters.progress_rich import render

        if output is None:
            from readiness.reporters.console import make_console, settings

            if not settings.quiet:  # -q: the report only when a file is asked for
                print_trimmed(make_console(), render(result, language))
            return EXIT_OK
        buffer = io.StringIO()
        print_trimmed(Console(file=buffer, highlight=False, emoji=False), render(result, language))
        text = buffer.getvalue()
    elif output_format == "json":
        from readiness.reporters.progress_report import to_json

        text = to_json(result)
    elif output_format == "markdown":
        from readiness.reporters.progress_report import to_markdown

        text = to_markdown(result, language)
    else:
        from readiness.reporters.html.progress import render_progress

        text = render_progress(result, language)
    if output is None:
        sys.stdout.write(text)
    else:
        from readiness.atomic import write_text

        write_text(output, text)
    return EXIT_OK
