"""The gates a user asks for (``--fail-under``, ``--require-band``), checked against a result."""

from __future__ import annotations

import re
from fractions import Fraction

from readiness.criteria.model import Criteria
from readiness.diagnostics import ReadinessError
from readiness.scoring.assessment import Assessment


def threshold_failures(
    a: Assessment,
    criteria: Criteria,
    fail_under: float | None,
    require_band: str | None,
    min_evidence: float | None = None,
) -> list[str]:
    """Why ``a`` misses the thresholds the user asked for (empty when it meets them).

    ``min_evidence`` is a percentage (0-100) of the earned points that cited sources back."""
    failures = []
    if min_evidence is not None and a.evidence_coverage * 100 < Fraction(str(min_evidence)):
        failures.append(
            f"evidence coverage {float(a.evidence_coverage) * 100:.0f}% is below "
            f"--min-evidence {min_evidence:g}"
        )
    if fail_under is not None and a.score < fail_under:
        failures.append(f"score {a.score:.1f} is below --fail-under {fail_under:g}")
    if require_band is not None:
        ranks = {b.id: i for i, b in enumerate(criteria.bands)}
        if require_band not in ranks:
            raise ReadinessError.single(
                "--require-band",
                "unknown-band",
                f"{require_band!r} is not a band of {criteria.id}; choose from {', '.join(ranks)}",
                ja=f"{require_band!r} は {criteria.id} の判定にありません。"
                f"{'、'.join(ranks)} から選んでください",
            )
        if a.band_rank > ranks[require_band]:
            failures.append(f"band {a.band.id!r} is below --require-band {require_band}")
    return failures


_FAILURES_JA = (
    (re.compile(r"^evidence coverage (\S+)% is below --min-evidence (\S+)$"),
     r"出典で裏づけられた点の割合 \1% が --min-evidence \2 に届きません"),
    (re.compile(r"^score (\S+) is below --fail-under (\S+)$"),
     r"総合点 \1 が --fail-under \2 に届きません"),
    (re.compile(r"^band '(.*)' is below --require-band (\S+)$"),
     r"判定 '\1' が --require-band \2 より下です"),
)  # fmt: skip


def failure_text(failure: str, lang: str) -> str:
    """A failure of ``threshold_failures`` in ``lang``: the results keep the English (machine
    formats carry it), and Japanese reports show it through here."""
    if lang != "ja":
        return failure
    for pattern, ja in _FAILURES_JA:
        if pattern.match(failure):
            return pattern.sub(ja, failure)
    return failure
