"""``readiness diff OLD NEW``: what changed in meaning, and which towns move and why."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from readiness.cli.errors import EXIT_BELOW_THRESHOLD, EXIT_OK, guarded
from readiness.cli.options import EncodingOption, LangChoice, LangOption, resolve_lang
from readiness.diagnostics import Diagnostic, ReadinessError

if TYPE_CHECKING:
    from readiness.profile.model import Profile
    from readiness.scoring.impact import Impact


class DiffFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"


class FailOn(str, Enum):
    band_change = "band-change"
    score_change = "score-change"


def diff(
    old: Annotated[str, typer.Argument(help="Old criteria: bundled id, file, or REV:path (git).")],
    new: Annotated[str, typer.Argument(help="New criteria: bundled id, file, or REV:path (git).")],
    profiles: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer reads the annotation at run time on 3.10
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
    raise typer.Exit(
        guarded(
            lambda: run(
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


def profile_files(paths: list[str]) -> list[str]:
    """The files named (directories walked, globs expanded), sorted, each once."""
    from readiness.batch.run import expand_paths

    files, missing = expand_paths(paths)
    if missing:
        raise ReadinessError(d for m in missing for d in m.diagnostics)
    return files


def load_profiles(files: list[str], encoding: str | None) -> list[tuple[str, Profile]]:
    """Every profile, or one error carrying every problem in every file."""
    from readiness.profile.loading import load_profile

    loaded: list[tuple[str, Profile]] = []
    problems: list[Diagnostic] = []
    for name in files:
        try:
            loaded.append((name, load_profile(name, encoding=encoding)))
        except ReadinessError as e:
            problems += e.diagnostics
    if problems:
        raise ReadinessError(problems)
    return loaded


def failures(result: Impact, fail_on: str | None, lang: str = "en") -> list[str]:
    if fail_on == "band-change":
        moved = [t for t in result.towns if t.band_changed]
        what = "判定が変わります" if lang == "ja" else "band changes"
    elif fail_on == "score-change":
        moved = [t for t in result.towns if t.score_changed]
        what = "総合点が変わります" if lang == "ja" else "score changes"
    else:
        return []
    return [f"{t.profile_file}: {what} (--fail-on {fail_on})" for t in moved]


def run(
    old_ref: str,
    new_ref: str,
    *,
    profiles: list[str] | None = None,
    output_format: str = "rich",
    fail_on: str | None = None,
    lang: LangChoice | None = None,
    encoding: str | None = None,
) -> int:
    if fail_on is not None and not profiles:
        raise ReadinessError.single(
            "--fail-on",
            "usage",
            "needs --profiles: without towns nothing can change band or score",
            ja="--profiles が必要です。自治体がなければ判定も点数も変わりません",
        )
    from readiness.criteria.diff import diff_criteria
    from readiness.criteria.source import read_criteria
    from readiness.scoring.impact import impact

    language = resolve_lang(lang)  # first: errors while reading speak it too
    old = read_criteria(old_ref, encoding=encoding)
    new = read_criteria(new_ref, encoding=encoding)
    changes = diff_criteria(old, new)
    towns = load_profiles(profile_files(profiles), encoding) if profiles else None
    result = impact(changes, old, new, towns) if towns is not None else None
    if output_format == "json":
        from readiness.reporters.diff_json import diff_to_dict
        from readiness.reporters.json_report import dumps

        sys.stdout.write(dumps(diff_to_dict(changes, (old_ref, old), (new_ref, new), result)))
    elif output_format == "markdown":
        from readiness.reporters.diff_markdown import render_markdown

        sys.stdout.write(render_markdown(changes, result, language))
    else:
        from readiness.reporters.console import make_console, settings
        from readiness.reporters.diff_rich import print_diff

        if not settings.quiet:  # -q: the exit code and the problems only
            print_diff(make_console(), changes, result, language)
    found = failures(result, fail_on, language) if result is not None else []
    for failure in found:
        print(f"readiness: {failure}", file=sys.stderr)
    return EXIT_BELOW_THRESHOLD if found else EXIT_OK
