"""``readiness import LIST -o DIR``: a candidate list (Excel or CSV) made into profiles."""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Annotated, Optional

import typer

from readiness.cli.errors import EXIT_BAD_INPUT, EXIT_OK, guarded, print_error
from readiness.cli.options import EncodingOption, LangChoice, resolve_lang
from readiness.diagnostics import ReadinessError


def import_command(
    candidates: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Argument(
            help="The candidate list: an Excel workbook (.xlsx) or a CSV file.", metavar="LIST"
        ),
    ] = None,
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output", "-o", help="Folder for the profiles (made if missing).", metavar="DIR"
        ),
    ] = None,
    template: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--template", help="Write an empty candidate list to fill in (.xlsx).", metavar="FILE"
        ),
    ] = None,
    lang: Annotated[
        Optional[LangChoice],  # noqa: UP045
        typer.Option(
            "--lang",
            help="Language of the comments and the template's header; defaults from the locale.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace profiles that exist.")] = False,
    encoding: EncodingOption = None,
) -> None:
    """Make one profile per row of a candidate list, as `init` would, with the row's facts.

    The header may be Japanese or English (see `--template`); only the code column is required,
    and an empty cell is unknown. A bad row is reported at its sheet, row and column, and the
    other rows are still written, as DIR/CODE.yaml. Exit codes: 0 every row written; 2 a row or
    the file was bad, or bad usage.
    """
    raise typer.Exit(
        guarded(
            lambda: run(
                candidates,
                output=output,
                template=template,
                lang=lang,
                force=force,
                encoding=encoding,
            )
        )
    )


def run(
    candidates: str | None,
    *,
    output: str | None,
    template: str | None,
    lang: LangChoice | None,
    force: bool = False,
    encoding: str | None = None,
) -> int:
    from readiness.reporters.console import settings

    language = resolve_lang(lang)
    if template is not None:
        from readiness.atomic import write_bytes
        from readiness.profile.candidates import template_workbook

        if os.path.exists(template) and not force:
            raise ReadinessError.single(
                template,
                "file-exists",
                "the file already exists; pass --force to replace it",
                ja="ファイルがすでにあります。置き換えるには --force を付けてください",
            )
        write_bytes(template, template_workbook(language))
        wrote = f"{template} を書きました" if language == "ja" else f"wrote {template}"
        if not settings.quiet:
            print(f"readiness: {wrote}", file=sys.stderr)
        if candidates is None:
            return EXIT_OK
    if candidates is None or output is None:
        raise ReadinessError.single(
            "import",
            "usage",
            "give a candidate list and -o DIR (or --template FILE)",
            ja="候補リストと -o DIR（または --template FILE）を指定してください",
        )
    from readiness.atomic import write_text
    from readiness.input.sheets import read_table
    from readiness.profile.candidates import read_candidates
    from readiness.profile.loading import load_profile_text

    table = read_table(candidates, encoding=encoding)
    made, bad = read_candidates(table, language, dt.date.today(), load_profile_text)
    if made:
        try:
            os.makedirs(output, exist_ok=True)
        except OSError as e:
            reason = e.strerror or str(e)
            raise ReadinessError.single(
                output, "write-failed", reason, ja=f"フォルダを作れませんでした（{reason}）"
            ) from None
    written = 0
    failed = len(bad)
    problems = [(b.row, ReadinessError(b.diagnostics)) for b in bad]
    for c in made:
        path = os.path.join(output, f"{c.code}.yaml")
        try:
            write_text(path, c.text, overwrite=force)
            written += 1
        except ReadinessError as e:
            problems.append((c.row, e))
            failed += 1
    for _, error in sorted(problems, key=lambda p: p[0]):
        print_error(error)
    if language == "ja":
        summary = f"{output} にプロファイルを{written}件書きました" + (
            f"。{failed}行は書いていません" if failed else ""
        )
    else:
        summary = f"wrote {written} profile(s) to {output}" + (
            f"; {failed} rows not written" if failed else ""
        )
    if not settings.quiet or failed:  # -q: the count only when rows were not written
        print(f"readiness: {summary}", file=sys.stderr)
    return EXIT_BAD_INPUT if failed else EXIT_OK
