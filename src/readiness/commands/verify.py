"""``readiness verify [CRITERIA...]``: run criteria files' test cases and report like a test runner.

Exit codes: 0 every case passed; 1 an expectation failed; 2 bad input (a criteria file or a
case's profile has errors, or there was nothing to verify).
"""

from __future__ import annotations

import sys
from pathlib import Path

from readiness.bundled import bundled_ids, bundled_path
from readiness.criteria_source import read_criteria
from readiness.criteria_verify import CaseResult, run_cases
from readiness.diagnostics import ReadinessError
from readiness.errors_cli import EXIT_BAD_INPUT, EXIT_BELOW_THRESHOLD, EXIT_OK
from readiness.loading import load_criteria
from readiness.textsafe import safe, safe_line

_MARK = {"pass": "PASS ", "fail": "FAIL ", "error": "ERROR", "skip": "SKIP "}


def run(refs: list[str]) -> int:
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
            print(f"{safe_line(ref)}: ERROR cannot load these criteria")
            for d in e.diagnostics:
                print(f"    {safe_line(str(d))}")
            continue
        cases = run_cases(criteria, path)
        print(f"{criteria.id} ({'bundled' if bundled_file else safe_line(ref)})")
        if not cases:
            print("  no test cases")
        for case in cases:
            print(f"  {_MARK[case.status]} {safe_line(case.name)}: {safe_line(case.summary)}")
            for line in (*case.failures, *(str(d) for d in case.diagnostics)):
                print(f"         {safe(line)}")
        results += cases
    counts = {s: sum(r.status == s for r in results) for s in _MARK}
    print(
        f"{counts['pass']} passed, {counts['fail']} failed, {counts['error'] + broken} errors, "
        f"{counts['skip']} skipped in {len(targets)} criteria file(s)"
    )
    if broken or counts["error"]:
        return EXIT_BAD_INPUT
    if counts["fail"]:
        return EXIT_BELOW_THRESHOLD
    if not results:
        print("readiness: nothing to verify: no test cases ran", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
