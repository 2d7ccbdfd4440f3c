"""A batch as a folder of pages (``batch -o html=DIR/``): an index that ranks the towns, with
the towns per band drawn as bars, and one page per town, linked both ways.

The index sorts by any column with a few lines of inline script: no network, no library.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from readiness import __version__
from readiness.batch.run import BatchResult, Ranked
from readiness.criteria.model import Criteria
from readiness.messages import Lang
from readiness.reporters.batch.common import first_gap, gates_text
from readiness.reporters.html.env import render, text, words
from readiness.reporters.html.radar import fmt
from readiness.reporters.html.town import CriteriaInfo, render_town
from readiness.scoring.assessment import Assessment

INDEX = "index.html"


@dataclass(frozen=True)
class TownPage:
    ranked: Ranked
    assessment: Assessment
    criteria: Criteria


def page_names(pages: list[TownPage]) -> list[str]:
    """One file name per town: its code, with -2, -3... when two files share one."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for p in pages:
        code = re.sub(r"[^0-9A-Za-z_-]", "_", p.ranked.entry.code) or "town"
        seen[code] = seen.get(code, 0) + 1
        names.append(f"{code}.html" if seen[code] == 1 else f"{code}-{seen[code]}.html")
    return names


def band_bars_svg(labels: list[str], counts: list[int], title: str) -> str:
    """Horizontal bars, one per band (best first), each with its count. Escapes its text."""
    row, left, width = 26.0, 150.0, 420.0
    track = width - left - 40
    top = max(counts, default=0) or 1
    height = row * len(labels) + 8
    t = html.escape(title)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bars" role="img" '
        f'viewBox="0 0 {fmt(width)} {fmt(height)}" width="{fmt(width)}" '
        f'height="{fmt(height)}" aria-label="{t}"><title>{t}</title>'
    ]
    for i, (label, n) in enumerate(zip(labels, counts, strict=True)):
        y = 4 + row * i
        w = track * n / top
        out.append(
            f'<text class="label" x="{fmt(left - 6)}" y="{fmt(y + row * 0.65)}" '
            f'text-anchor="end">{html.escape(label)}</text>'
            f'<rect class="bar" data-count="{n}" x="{fmt(left)}" y="{fmt(y + 3)}" '
            f'width="{fmt(w)}" height="{fmt(row - 8)}"/>'
            f'<text class="count" x="{fmt(left + w + 6)}" y="{fmt(y + row * 0.65)}">{n}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def _band_charts(pages: list[TownPage], lang: Lang) -> list[dict[str, Any]]:
    sets: dict[str, Criteria] = {}
    counts: dict[tuple[str, str], int] = {}
    for p in pages:
        e = p.ranked.entry
        sets.setdefault(e.criteria_id, p.criteria)
        counts[(e.criteria_id, e.band.id)] = counts.get((e.criteria_id, e.band.id), 0) + 1
    charts = []
    for cid, criteria in sets.items():
        labels = [text(b.label, lang) for b in criteria.bands]
        n = [counts.get((cid, b.id), 0) for b in criteria.bands]
        charts.append(
            {
                "criteria": text(cid, lang),
                "svg": Markup(band_bars_svg(labels, n, text(cid, lang))),  # escapes its text
                "total": sum(n),
            }
        )
    return charts


def render_site(result: BatchResult, pages: list[TownPage], lang: Lang) -> dict[str, str]:
    """File name -> HTML text: the index, then one page per town in rank order."""
    w = words(lang)
    names = page_names(pages)
    rows = []
    for p, name in zip(pages, names, strict=True):
        r, e = p.ranked, p.ranked.entry
        town = e.municipality_en if lang == "en" and e.municipality_en else e.municipality
        gap = first_gap(e)
        rows.append(
            {
                "rank": r.rank,
                "href": name,
                "town": text(town, lang),
                "code": text(e.code, lang),
                "bureau": text(e.bureau, lang),
                "criteria": text(e.criteria_id, lang),
                "score": f"{e.score:.1f}",
                "band": text(e.band.label, lang),
                "band_rank": e.band_rank,
                "gates": text(gates_text(e, lang), lang),
                "gates_passed": e.gates_passed,
                "gates_failed": bool(e.failed_sections),
                "passed": e.passed,
                "first_gap": text(gap.label, lang) if gap else "",
                "fictional": e.fictional,
            }
        )
    failed = [
        {"path": text(f.path, lang), "problem": text(str(f.diagnostics[0]), lang)}
        for f in result.failed
        if f.diagnostics
    ]
    files = {
        INDEX: render(
            "index.html.j2",
            lang=lang,
            t=w,
            version=__version__,
            rows=rows,
            charts=_band_charts(pages, lang),
            failed=failed,
            gate_requested=result.gate.requested,
        )
    }
    for p, name in zip(pages, names, strict=True):
        info = CriteriaInfo.of(p.criteria, lang, dt.date.fromisoformat(p.assessment.as_of))
        files[name] = render_town(p.assessment, info, lang, back=INDEX)
    return files
