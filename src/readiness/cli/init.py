"""``readiness init``: a commented profile template, pre-filled from the municipality list."""

from __future__ import annotations

import datetime as dt
import sys
from datetime import datetime
from typing import Annotated, Optional

import typer

from readiness.cli.errors import guarded
from readiness.cli.options import LangChoice, OutputOption, resolve_lang


def init(
    code: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option(
            "--code",
            help="Local government code, e.g. 042021; 04202 (no check digit) is completed.",
            metavar="CODE",
        ),
    ] = None,
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--name",
            help="Municipality name: 石巻市, 東京都府中市, いしのまき, イシノマキ or Ishinomaki.",
            metavar="NAME",
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
    raise typer.Exit(
        guarded(
            lambda: run(
                code=code,
                name=name,
                lang=lang,
                output=output,
                force=force,
                as_of=as_of.date() if as_of else None,
            )
        )
    )


def run(
    *,
    code: str | None,
    name: str | None,
    lang: LangChoice | None,
    output: str | None,
    force: bool,
    as_of: dt.date | None,
) -> int:
    from readiness.atomic import write_text
    from readiness.profile.template import find_town, render_template

    language = resolve_lang(lang)
    town, completed = find_town(code=code, name=name)
    if completed is not None and completed.completion != "as_given":
        # Say what was filled in, so that a code typed short is checked by a person too.
        note = f"{code} → {town.code} {town.name}（{completed.note(language)}）"
        if language == "en":
            note = f"{code} → {town.code} {town.name} ({completed.note(language)})"
        print(f"readiness: {note}", file=sys.stderr)
    text = render_template(town, language, as_of or dt.date.today())
    if output in (None, "-"):  # "-" is standard output, as in batch
        sys.stdout.write(text)
    else:
        write_text(output, text, overwrite=force)
        if language == "ja":
            done = f"{output} に{town.name}（{town.prefecture}、{town.code}）の"
            done += "プロファイルを書きました"
        else:
            done = f"wrote {output} for {town.name} ({town.prefecture}, {town.code})"
        print(f"readiness: {done}", file=sys.stderr)
    return 0
