"""One town's assessment as one self-contained HTML page (``assess --format html``).

The page holds everything inline: CSS, and the radar chart as SVG; it loads nothing, so it
works offline and prints on A4 (the chart on page 1, no row cut across pages).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from markupsafe import Markup

from readiness import __version__
from readiness.criteria.currency import status
from readiness.criteria.model import Criteria
from readiness.messages import Lang
from readiness.reporters.html.env import render, text, words
from readiness.reporters.html.radar import radar_svg
from readiness.scoring.assessment import Assessment
from readiness.scoring.points import shown


@dataclass(frozen=True)
class CriteriaInfo:
    """What the page says of the criteria set beyond the assessment: its status and period,
    and the top band's level drawn on the chart."""

    title: str
    current: bool
    period: str
    top_band_min: float

    @classmethod
    def of(cls, criteria: Criteria, lang: Lang, on: dt.date) -> CriteriaInfo:
        """``current``: the set's period contains ``on``, the date the profile describes."""
        p = criteria.period
        period = f"{p.start or ''}–{p.end or ''}"
        current = status(p, on) == "current"
        return cls(text(criteria.title, lang), current, period, criteria.bands[0].min)


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _evidence(a: Assessment, lang: Lang) -> dict[str, Any]:
    """Per criterion met, whether a cited source backs its facts; the evidence coverage and the
    points resting on this project's readings (issue 10)."""
    w = words(lang)
    met = [c for c in a.criteria if c.status == "met"]
    return {
        "coverage": f"{shown(a.evidence_coverage * 100, 0):.0f}%",
        "evidenced_points": f"{shown(a.evidenced_points):.1f}",
        "reading_points": f"{shown(a.reading_points):.1f}",
        "rows": [
            {
                "id": c.id,
                "label": text(c.label, lang),
                "adds": f"{shown(c.adds):.1f}",
                "evidenced": bool(c.evidenced),
                "status": w["evidenced"] if c.evidenced else w["unevidenced"],
                "basis": w[f"basis_{c.basis}"],
            }
            for c in met
        ],
    }


def view(
    a: Assessment, info: CriteriaInfo, lang: Lang, *, back: str | None = None
) -> dict[str, Any]:
    """The template's context: every text in one language, escaped of control characters."""
    w = words(lang)
    sections = [
        {
            "id": s.id,
            "label": text(s.label, lang),
            "earned": f"{float(s.earned):g}",
            "possible": f"{float(s.possible):g}",
            "share": float(s.share),
            "share_text": _pct(shown(s.share, 2)),
            "gate": None if s.gate is None else _pct(s.gate),
            "gate_passed": s.gate_passed,
            "gate_status": s.gate_status,
            "unknown_facts": s.unknown_facts,
            "contribution": f"{shown(s.contribution):.1f}",
        }
        for s in a.sections
    ]
    band_level = info.top_band_min / 100
    chart = radar_svg(
        [text(s.label, lang) for s in a.sections],
        [float(s.share) for s in a.sections],
        gates=[s.gate for s in a.sections],
        band_level=band_level,
        band_label=w["legend_band"],
        title=w["legend_share"],
    )
    initiatives = sorted({i for s in a.strategy_fit for i in s.initiatives})
    labels = {c.id: text(c.label, lang) for c in a.criteria}
    section_labels = {s.id: text(s.label, lang) for s in a.sections}
    name, other = a.municipality, a.municipality_en
    if lang == "en" and a.municipality_en:
        name, other = a.municipality_en, a.municipality
    nb = a.next_band
    return {
        "lang": lang,
        "t": w,
        "version": __version__,
        "back": back,
        "town": {
            "name": text(name, lang),
            "other": text(other, lang) if other else None,
            "code": text(a.code, lang),
            "as_of": a.as_of,
            "fictional": a.fictional,
        },
        "group": {
            "name": text(a.group_name, lang) if a.group_name else None,
            "members": [
                {
                    "name": text(m.name, lang),
                    "code": text(m.code, lang),
                    "prefecture": text(m.prefecture, lang),
                }
                for m in a.group_members
            ],
        }
        if a.group_members
        else None,
        "criteria": {
            "id": text(a.criteria_id, lang),
            "version": text(a.criteria_version, lang),
            "title": info.title,
            "current": info.current,
            "period": info.period,
        },
        "score": f"{a.score:.1f}",
        "band": {"id": a.band.id, "label": text(a.band.label, lang), "rank": a.band_rank},
        "gates_passed": a.gates_passed,
        "gates_status": "passed"
        if a.gates_passed
        else ("failed" if a.gates_failed else "not_yet_shown"),
        "reading_points": f"{shown(a.reading_points):.1f}",
        "chart_svg": Markup(chart.svg),  # radar_svg escapes every text itself
        "band_level": _pct(band_level),
        "sections": sections,
        "strategy_label": text(a.strategy_label, lang),
        "strategies": [
            {"id": s.id, "label": text(s.label, lang), "initiatives": set(s.initiatives)}
            for s in a.strategy_fit
        ],
        "initiatives": [text(i, lang) for i in initiatives],
        "initiative_ids": initiatives,
        "unmatched": [text(s, lang) for s in a.unmatched_strategies],
        "gaps": [
            {
                "id": g.id,
                "label": text(g.label, lang),
                "status": g.status,
                "status_text": w[f"status_{g.status}"],
                "adds": f"{shown(g.adds):.1f}",
                "recommendation": text(g.recommendation, lang),
                "where": [
                    f"{'.'.join(str(p) for p in e.loc)}: {text(e.text, lang)}" for e in g.evidence
                ],
            }
            for g in a.gaps
        ],
        "any_unknown": any(g.status == "unknown" for g in a.gaps),
        "next_band": None
        if nb is None
        else {
            "label": text(nb.band.label, lang),
            # Only a missing gate or evidence, no points: say which, not "0.0 points".
            "points": f"{nb.points_needed:.1f}" if nb.points_needed > 0 else None,
            "steps": [labels.get(g, g) for g in nb.gaps],
            "min_evidence": None
            if nb.min_evidence is None or a.evidence_coverage >= Fraction(str(nb.min_evidence))
            else _pct(nb.min_evidence),
            "gates": [section_labels.get(s, s) for s in nb.gates],
        },
        "cautions": [text(c, lang) for c in a.cautions],
        "evidence_status": _evidence(a, lang),
        "profile": text(a.profile_file or "", lang),
    }


def render_town(a: Assessment, info: CriteriaInfo, lang: Lang, *, back: str | None = None) -> str:
    """The page's HTML text; ``back`` links to a batch's index when the page is part of one."""
    return render("town.html.j2", **view(a, info, lang, back=back))
