"""``readiness verify [CRITERIA...]``: run criteria files' test cases and report like a test runner.

Exit codes: 0 every case passed; 1 an expectation failed; 2 bad input (a criteria file or a
case's profile has errors, or there was nothing to verify).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from readiness.cli.errors import EXIT_BAD_INPUT, EXIT_BELOW_THRESHOLD, EXIT_OK, guarded
from readiness.cli.options import complete_criteria, message_lang
from readiness.diagnostics import ReadinessError
from readiness.messages import t
from readiness.textsafe import safe, safe_line

if TYPE_CHECKING:
    from readiness.scoring.verify import CaseResult

_MARK = {"pass": "PASS ", "fail": "FAIL ", "error": "ERROR", "skip": "SKIP "}


def verify(
    criteria: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer reads the annotation at run time on 3.10
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
    raise typer.Exit(guarded(lambda: run(criteria or [])))


def run(refs: list[str]) -> int:
    from readiness.criteria.loading import load_criteria
    from readiness.criteria.paths import bundled_ids, bundled_path
    from readiness.criteria.source import read_criteria
    from readiness.reporters.console import settings
    from readiness.scoring.verify import run_cases

    quiet = settings.quiet  # -q: only the failing cases and the errors, no summary
    lang = message_lang()

    def word(key: str) -> str:
        return t(f"verify_{key}", lang)

    targets = refs or bundled_ids()
    results: list[CaseResult] = []
    broken = 0
    for ref in targets:
        bundled_file = bundled_path(ref)
        path = bundled_file or Path(ref)
        try:
            if bundled_file is None and not ("/" in ref or "." in ref):
                read_criteria(ref)  # not a file name: the error suggests a bundled id
            criteria = load_criteria(path)
        except ReadinessError as e:
            broken += 1
            print(f"{safe_line(ref)}: ERROR {word('cannot_load')}")
            for d in e.diagnostics:
                print(f"    {safe_line(d.text(lang))}")
            continue
        cases = run_cases(criteria, path)
        shown = [c for c in cases if c.status in ("fail", "error")] if quiet else cases
        if shown or not quiet:
            print(f"{criteria.id} ({word('bundled') if bundled_file else safe_line(ref)})")
        if not cases and not quiet:
            print(f"  {word('no_cases')}")
        for case in shown:
            summary, failures = case.texts(lang)
            print(f"  {_MARK[case.status]} {safe_line(case.name)}: {safe_line(summary)}")
            for line in (*failures, *(d.text(lang) for d in case.diagnostics)):
                print(f"         {safe(line)}")
        results += cases
    counts = {s: sum(r.status == s for r in results) for s in _MARK}
    if not quiet:
        print(
            word("counts").format(
                passed=counts["pass"], failed=counts["fail"], errors=counts["error"] + broken,
                skipped=counts["skip"], files=len(targets),
            )
        )  # fmt: skip
    if broken or counts["error"]:
        return EXIT_BAD_INPUT
    if counts["fail"]:
        return EXIT_BELOW_THRESHOLD
    if not results:
        print(f"readiness: {word('nothing')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
