"""Run a criteria file's own test cases (``tests:``): does each profile get what the file expects?

The core of ``readiness verify``: it returns results and never prints.  A case passes when every
expectation it states holds; it fails when one does not; it is an error when its profile or its
expectations are bad input; it is skipped only when it names a bundled example that this
installation does not carry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    summary_ja: str = field(default="", compare=False)
    """``summary`` in Japanese."""
    failures_ja: tuple[str, ...] = field(default=(), compare=False)
    """``failures`` in Japanese, one for one."""

    def texts(self, lang: str) -> tuple[str, tuple[str, ...]]:
        """The summary and the failures in ``lang`` (``ja`` or ``en``)."""
        if lang == "ja":
            return self.summary_ja or self.summary, self.failures_ja or self.failures
        return self.summary, self.failures


def run_cases(criteria: Criteria, criteria_file: Path | None) -> list[CaseResult]:
    """Every test case of ``criteria``; paths are relative to ``criteria_file``'s folder."""
    return [_run(criteria, criteria_file, case) for case in criteria.tests]


def _run(criteria: Criteria, criteria_file: Path | None, case: CriteriaTest) -> CaseResult:
    def result(
        status: CaseStatus, summary: tuple[str, str], failures: list[tuple[str, str]] | None = None
    ) -> CaseResult:
        """``summary`` and each failure as (English, Japanese)."""
        found = failures or []
        return CaseResult(
            criteria.id, case.label, status, summary[0], tuple(f[0] for f in found),
            summary_ja=summary[1], failures_ja=tuple(f[1] for f in found),
        )  # fmt: skip

    if case.example is not None:
        if examples_dir() is None:
            return result(
                "skip", ("the bundled examples are not installed", "同梱の例が入っていません")
            )
        path = example_path(case.example)
        if path is None:
            known = ", ".join(example_names())
            return result(
                "error",
                (
                    f"no bundled example {case.example!r}; known: {known}",
                    f"同梱の例 {case.example!r} はありません（あるもの: {known}）",
                ),
            )
    else:
        assert case.profile is not None
        folder = criteria_file.parent if criteria_file else Path()
        path = folder / case.profile
    bad = _bad_expectations(criteria, case)
    if bad:
        return result("error", ("bad expectation", "期待する結果の書き方に誤り"), bad)
    try:
        profile = load_profile(path)
    except ReadinessError as e:
        return CaseResult(
            criteria.id, case.label, "error", "the profile has errors", (), tuple(e.diagnostics),
            summary_ja="プロファイルに誤りがあります",
        )  # fmt: skip
    a = assess(criteria, profile, profile_file=str(path))
    failures: list[tuple[str, str]] = []
    if case.band is not None and a.band.id != case.band:
        failures.append(
            (f"band: expected {case.band}, got {a.band.id}",
             f"判定: {case.band} のはずが {a.band.id}")
        )  # fmt: skip
    if case.score is not None and not (case.score.min - 1e-9 <= a.score <= case.score.max + 1e-9):
        failures.append(
            (f"score: expected {case.score.min:g} to {case.score.max:g}, got {a.score:.1f}",
             f"総合点: {case.score.min:g}〜{case.score.max:g} のはずが {a.score:.1f}")
        )  # fmt: skip
    if case.gaps is not None:
        got = [g.id for g in a.gaps]
        missing = [g for g in case.gaps if g not in got]
        extra = [g for g in got if g not in case.gaps]
        if missing:
            failures.append(
                (f"gaps: expected but met: {', '.join(missing)}",
                 f"不足点: 不足のはずが充足: {'、'.join(missing)}")
            )  # fmt: skip
        if extra:
            failures.append(
                (f"gaps: not expected but not met: {', '.join(extra)}",
                 f"不足点: 想定外の未充足: {'、'.join(extra)}")
            )  # fmt: skip
    summary = (
        f"score {a.score:.1f}, band {a.band.id}, {len(a.gaps)} gap(s)",
        f"総合点 {a.score:.1f}、判定 {a.band.label.get('ja')}（{a.band.id}）、"
        f"不足点 {len(a.gaps)}件",
    )
    return result("fail" if failures else "pass", summary, failures)


def _bad_expectations(criteria: Criteria, case: CriteriaTest) -> list[tuple[str, str]]:
    bands = [b.id for b in criteria.bands]
    ids = {c.id for _, c in criteria.all_criteria()}
    bad = []
    if case.band is not None and case.band not in bands:
        choose = ", ".join(bands)
        bad.append(
            (f"band {case.band!r} is not a band of {criteria.id}; choose from {choose}",
             f"{case.band!r} は {criteria.id} の判定にありません。{choose} から選んでください")
        )  # fmt: skip
    if case.score is not None and case.score.min > case.score.max:
        bad.append(
            (f"score: min {case.score.min:g} is above max {case.score.max:g}",
             f"総合点: min {case.score.min:g} が max {case.score.max:g} より大きい")
        )  # fmt: skip
    unknown = [g for g in case.gaps or [] if g not in ids]
    bad += [
        (f"gap {g!r} is not a criterion of {criteria.id}",
         f"不足点 {g!r} は {criteria.id} の評価項目ではありません")
        for g in unknown
    ]  # fmt: skip
    return bad
