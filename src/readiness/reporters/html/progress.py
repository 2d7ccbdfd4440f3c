"""Progress between two profiles as one self-contained HTML page."""

from __future__ import annotations

from typing import Any

from readiness import __version__
from readiness.messages import Lang
from readiness.reporters.html.env import render, text
from readiness.reporters.progress_report import WORDS, band_word, value_text
from readiness.scoring.assessment import CriterionResult
from readiness.scoring.points import shown
from readiness.scoring.progress import FactChange, Progress


def _gap(c: CriterionResult, lang: Lang) -> dict[str, Any]:
    points = shown(c.adds)
    return {"id": c.id, "label": text(c.label, lang), "points": f"{points:.1f}"}


def _fact(f: FactChange, lang: Lang) -> dict[str, Any]:
    not_stated = WORDS["not_stated"][0 if lang == "ja" else 1]
    return {
        "path": f.path,
        "old": not_stated if f.old is None else value_text(f.old, 200),
        "new": value_text(f.new, 200),
    }


def render_progress(p: Progress, lang: Lang) -> str:
    a, b = p.old, p.new
    name = b.municipality_en if lang == "en" and b.municipality_en else b.municipality
    return render(
        "progress.html.j2",
        lang=lang,
        t={k: v[0] if lang == "ja" else v[1] for k, v in WORDS.items()},
        version=__version__,
        town=text(name, lang),
        code=text(b.code, lang),
        criteria=text(f"{p.criteria.id} ({p.criteria.version})", lang),
        before={"as_of": a.as_of, "score": f"{a.score:.1f}", "band": text(a.band.label, lang)},
        after={"as_of": b.as_of, "score": f"{b.score:.1f}", "band": text(b.band.label, lang)},
        score_change=f"{p.score_change:+.1f}",
        band_change=band_word(p, lang),
        direction=(p.band_change > 0) - (p.band_change < 0),
        closed=[_gap(c, lang) for c in p.closed],
        opened=[_gap(c, lang) for c in p.opened],
        remaining=len(p.remaining),
        stated=[_fact(f, lang) for f in p.stated],
        changed=[_fact(f, lang) for f in p.changed],
        evidence=[_fact(f, lang) for f in p.evidence_added],
    )
