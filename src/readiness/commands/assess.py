"""``readiness assess PROFILE``: score one profile and report it."""

from __future__ import annotations

import sys

from readiness.assessment import Assessment
from readiness.bundled import criteria_for_profile
from readiness.criteria_model import Criteria
from readiness.criteria_source import read_criteria
from readiness.diagnostics import ReadinessError
from readiness.errors_cli import EXIT_BELOW_THRESHOLD, EXIT_OK
from readiness.loading import load_profile
from readiness.options import LangChoice, resolve_lang
from readiness.profile import Profile
from readiness.scorer import assess


def choose_criteria(
    ref: str | None, profile: Profile, profile_file: str, encoding: str | None = None
) -> Criteria:
    if ref is None:
        return criteria_for_profile(profile, profile_file)
    return read_criteria(ref, encoding=encoding)


def threshold_failures(
    a: Assessment, criteria: Criteria, fail_under: float | None, require_band: str | None
) -> list[str]:
    """Why ``a`` misses the thresholds the user asked for (empty when it meets them)."""
    failures = []
    if fail_under is not None and a.score < fail_under:
        failures.append(f"score {a.score:.1f} is below --fail-under {fail_under:g}")
    if require_band is not None:
        ranks = {b.id: i for i, b in enumerate(criteria.bands)}
        if require_band not in ranks:
            raise ReadinessError.single(
                "--require-band",
                "unknown-band",
                f"{require_band!r} is not a band of {criteria.id}; choose from {', '.join(ranks)}",
            )
        if a.band_rank > ranks[require_band]:
            failures.append(f"band {a.band.id!r} is below --require-band {require_band}")
    return failures


def run(
    profile_file: str,
    *,
    criteria_ref: str | None = None,
    lang: LangChoice | None = None,
    output_format: str = "rich",
    fail_under: float | None = None,
    require_band: str | None = None,
    encoding: str | None = None,
) -> int:
    profile = load_profile(profile_file, encoding=encoding)
    criteria = choose_criteria(criteria_ref, profile, profile_file, encoding)
    result = assess(criteria, profile, profile_file=profile_file)
    failures = threshold_failures(result, criteria, fail_under, require_band)
    if output_format == "json":
        from readiness.reporters.json_report import assessment_to_dict, dumps

        sys.stdout.write(dumps(assessment_to_dict(result)))
    else:
        from readiness.reporters.console import make_console
        from readiness.reporters.rich_report import print_assessment

        print_assessment(make_console(), result, resolve_lang(lang))
    for failure in failures:
        print(f"readiness: {failure}", file=sys.stderr)
    return EXIT_BELOW_THRESHOLD if failures else EXIT_OK
