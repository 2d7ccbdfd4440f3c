"""``readiness diff OLD NEW``: what changed in meaning, and which towns move and why."""

from __future__ import annotations

import sys

from readiness.criteria_diff import diff_criteria
from readiness.criteria_source import read_criteria
from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.errors_cli import EXIT_BELOW_THRESHOLD, EXIT_OK
from readiness.impact import Impact, impact
from readiness.loading import load_profile
from readiness.options import LangChoice, resolve_lang
from readiness.profile import Profile

FAIL_ON = ("band-change", "score-change")


def profile_files(paths: list[str]) -> list[str]:
    """The files named (directories walked, globs expanded), sorted, each once."""
    from readiness.batch import expand_paths

    files, missing = expand_paths(paths)
    if missing:
        raise ReadinessError(d for m in missing for d in m.diagnostics)
    return files


def load_profiles(files: list[str], encoding: str | None) -> list[tuple[str, Profile]]:
    """Every profile, or one error carrying every problem in every file."""
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


def failures(result: Impact, fail_on: str | None) -> list[str]:
    if fail_on == "band-change":
        moved = [t for t in result.towns if t.band_changed]
        what = "band"
    elif fail_on == "score-change":
        moved = [t for t in result.towns if t.score_changed]
        what = "score"
    else:
        return []
    return [f"{t.profile_file}: {what} changes (--fail-on {fail_on})" for t in moved]


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
            "--fail-on", "usage", "needs --profiles: without towns nothing can change band or score"
        )
    old = read_criteria(old_ref, encoding=encoding)
    new = read_criteria(new_ref, encoding=encoding)
    diff = diff_criteria(old, new)
    towns = load_profiles(profile_files(profiles), encoding) if profiles else None
    result = impact(diff, old, new, towns) if towns is not None else None
    language = resolve_lang(lang)
    if output_format == "json":
        from readiness.reporters.diff_json import diff_to_dict
        from readiness.reporters.json_report import dumps

        sys.stdout.write(dumps(diff_to_dict(diff, (old_ref, old), (new_ref, new), result)))
    elif output_format == "markdown":
        from readiness.reporters.diff_markdown import render_markdown

        sys.stdout.write(render_markdown(diff, result, language))
    else:
        from readiness.reporters.console import make_console
        from readiness.reporters.diff_rich import print_diff

        print_diff(make_console(), diff, result, language)
    found = failures(result, fail_on) if result is not None else []
    for failure in found:
        print(f"readiness: {failure}", file=sys.stderr)
    return EXIT_BELOW_THRESHOLD if found else EXIT_OK
