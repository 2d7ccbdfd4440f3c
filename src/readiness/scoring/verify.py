"""Run a criteria file's own test cases (``tests:``): does each profile get what the file expects?

The core of ``readiness verify``: it returns results and never prints.  A case passes when every
expectation it states holds; it fails when one does not; it is an error when its profile or its
expectations are bad input; it is skipped only when it names a bundled example that this
installation does not carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from readiness.criteria.model import Criteria, CriteriaTest
from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.profile.examples import example_names, example_path, examples_dir
from readiness.profile.loading import load_profile
from readiness.scoring.scorer import assess

CaseStatus = Literal["pass", "fail", "error", "skip"]


@dataclass(frozen=True)
class CaseResult:
    criteria_id: str
    name: str
    status: CaseStatus
    summary: str
    """What the assessment gave (score and band), or why the case could not run."""
    failures: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


def run_cases(criteria: Criteria, criteria_file: Path | None) -> list[CaseResult]:
    """Every test case of ``criteria``; paths are relative to ``criteria_file``'s folder."""
    return [_run(criteria, criteria_file, case) for case in criteria.tests]


def _run(criteria: Criteria, criteria_file: Path | None, case: CriteriaTest) -> CaseResult:
    def result(status: CaseStatus, summary: str, failures: tuple[str, ...] = ()) -> CaseResult:
        return CaseResult(criteria.id, case.label, status, summary, failures)

    if case.example is not None:
        if examples_dir() is None:
            return result("skip", "the bundled examples are not installed")
        path = example_path(case.example)
        if path is None:
            known = ", ".join(example_names())
            return result("error", f"no bundled example {case.example!r}; known: {known}")
    else:
        assert case.profile is not None
        folder = criteria_file.parent if criteria_file else Path()
        path = folder / case.profile
    bad = _bad_expectations(criteria, case)
    if bad:
        return result("error", "bad expectation", failures=tuple(bad))
    try:
        profile = load_profile(path)
    except ReadinessError as e:
        return CaseResult(
            criteria.id, case.label, "error", "the profile has errors", (), tuple(e.diagnostics)
        )
    a = assess(criteria, profile, profile_file=str(path))
    failures: list[str] = []
    if case.band is not None and a.band.id != case.band:
        failures.append(f"band: expected {case.band}, got {a.band.id}")
    if case.score is not None and not (case.score.min - 1e-9 <= a.score <= case.score.max + 1e-9):
        failures.append(
            f"score: expected {case.score.min:g} to {case.score.max:g}, got {a.score:.1f}"
        )
    if case.gaps is not None:
        got = [g.id for g in a.gaps]
        missing = [g for g in case.gaps if g not in got]
        extra = [g for g in got if g not in case.gaps]
        if missing:
            failures.append(f"gaps: expected but met: {', '.join(missing)}")
        if extra:
            failures.append(f"gaps: not expected but not met: {', '.join(extra)}")
    summary = f"score {a.score:.1f}, band {a.band.id}, {len(a.gaps)} gap(s)"
    return result("fail" if failures else "pass", summary, failures=tuple(failures))


def _bad_expectations(criteria: Criteria, case: CriteriaTest) -> list[str]:
    bands = [b.id for b in criteria.bands]
    ids = {c.id for _, c in criteria.all_criteria()}
    bad = []
    if case.band is not None and case.band not in bands:
        choose = ", ".join(bands)
        bad.append(f"band {case.band!r} is not a band of {criteria.id}; choose from {choose}")
    if case.score is not None and case.score.min > case.score.max:
        bad.append(f"score: min {case.score.min:g} is above max {case.score.max:g}")
    unknown = [g for g in case.gaps or [] if g not in ids]
    bad += [f"gap {g!r} is not a criterion of {criteria.id}" for g in unknown]
    return bad
