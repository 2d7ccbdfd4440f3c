"""Words and values every batch report shows the same way."""

from __future__ import annotations

from readiness.assessment import CriterionResult
from readiness.batch import Scored
from readiness.messages import Lang, t


def town(entry: Scored, lang: Lang) -> str:
    """The town's name, with its English name in English reports."""
    if lang == "en" and entry.municipality_en:
        return f"{entry.municipality_en} ({entry.municipality})"
    return entry.municipality


def score(value: float) -> str:
    return f"{value:.1f}"


def gates_text(entry: Scored, lang: Lang) -> str:
    """The criteria's own section gates: all passed, or the sections that failed."""
    if entry.gates_passed:
        return t("gate_passed", lang)
    return f"{t('gate_failed', lang)}: {', '.join(entry.failed_sections)}"


def first_gap(entry: Scored) -> CriterionResult | None:
    return entry.gaps[0] if entry.gaps else None


def gap_text(gap: CriterionResult, lang: Lang) -> str:
    """One line naming a gap: its label, id, status and what closing it would add."""
    status = t(f"status_{gap.status}", lang)
    return f"{gap.label.get(lang)} ({gap.id}, {status}, +{gap.adds:.1f})"


def gap_location(entry: Scored, gap: CriterionResult) -> tuple[int, int]:
    """Where the gap lies in the profile: the first evidence's position, else the top."""
    if not gap.evidence:
        return (1, 1)
    return entry.position(gap.evidence[0].loc)
