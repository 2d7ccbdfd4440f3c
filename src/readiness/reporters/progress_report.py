"""Progress between two profiles as JSON (``readiness.progress`` 1) and as Markdown."""

from __future__ import annotations

import json
from typing import Any

from readiness.messages import Lang, table
from readiness.reporters.batch.markdown import md
from readiness.reporters.json_report import dumps
from readiness.scoring.assessment import Assessment, CriterionResult
from readiness.scoring.points import shown
from readiness.scoring.progress import FactChange, Progress
from readiness.textsafe import safe

PROGRESS_FORMAT = "readiness.progress"
PROGRESS_VERSION = 1

WORDS: dict[str, tuple[str, str]] = table("progress")


def word(key: str, lang: Lang) -> str:
    ja, en = WORDS[key]
    return ja if lang == "ja" else en


def value_text(value: Any, limit: int = 80) -> str:
    """A fact's value on one line, shortened: text as it is, lists and mappings as compact JSON."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(safe(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def band_word(p: Progress, lang: Lang) -> str:
    key = "band_up" if p.band_change > 0 else "band_down" if p.band_change < 0 else "band_same"
    return word(key, lang)


def _side(a: Assessment) -> dict[str, Any]:
    return {
        "profile": a.profile_file,
        "as_of": a.as_of,
        "score": round(a.score, 2),
        "band": {"id": a.band.id, "label": {"ja": a.band.label.ja, "en": a.band.label.en}},
        "gates_passed": a.gates_passed,
    }


def _gap(c: CriterionResult) -> dict[str, Any]:
    return {
        "id": c.id,
        "section": c.section,
        "status": c.status,
        "label": {"ja": c.label.ja, "en": c.label.en},
        "adds": shown(c.adds, 2),
    }


def _fact(f: FactChange) -> dict[str, Any]:
    return {"path": f.path, "old": f.old, "new": f.new}


def progress_to_dict(p: Progress) -> dict[str, Any]:
    return {
        "format": PROGRESS_FORMAT,
        "version": PROGRESS_VERSION,
        "municipality": {"name": p.new.municipality, "code": p.new.code},
        "criteria": {"id": p.criteria.id, "version": p.criteria.version},
        "old": _side(p.old),
        "new": _side(p.new),
        "score_change": p.score_change,
        "band_change": p.band_change,
        "gaps_closed": [_gap(c) for c in p.closed],
        "gaps_opened": [_gap(c) for c in p.opened],
        "gaps_remaining": [_gap(c) for c in p.remaining],
        "facts_stated": [_fact(f) for f in p.stated],
        "facts_changed": [_fact(f) for f in p.changed],
        "evidence_added": [{"path": f.path, "value": f.new} for f in p.evidence_added],
    }


def to_json(p: Progress) -> str:
    return dumps(progress_to_dict(p))


def to_markdown(p: Progress, lang: Lang) -> str:
    a, b = p.old, p.new
    name = b.municipality_en if lang == "en" and b.municipality_en else b.municipality
    out = [
        f"# {word('title', lang)}: {md(name)} ({md(b.code)})",
        "",
        f"{word('criteria', lang)}: {md(p.criteria.id)} ({md(p.criteria.version)})",
        "",
        f"| | {word('before', lang)} | {word('after', lang)} | {word('change', lang)} |",
        "|---|---|---|---|",
        f"| {word('as_of', lang)} | {md(a.as_of)} | {md(b.as_of)} | |",
        f"| {word('score', lang)} | {a.score:.1f} | {b.score:.1f} | {p.score_change:+.1f} |",
        f"| {word('band', lang)} | {md(a.band.label.get(lang))} | {md(b.band.label.get(lang))} "
        f"| {band_word(p, lang)} |",
    ]

    def gaps(key: str, items: tuple[CriterionResult, ...], sign: str) -> None:
        out.extend(["", f"## {word(key, lang)} ({len(items)})", ""])
        if not items:
            out.append(f"- {word('none', lang)}")
        for c in items:
            points = shown(c.adds)
            out.append(f"- {md(c.label.get(lang))} ({md(c.id)}, {sign}{points:.1f})")

    def fact_list(key: str, items: tuple[FactChange, ...]) -> None:
        out.extend(["", f"## {word(key, lang)} ({len(items)})", ""])
        if not items:
            out.append(f"- {word('none', lang)}")
        for f in items:
            before = word("not_stated", lang) if f.old is None else value_text(f.old)
            if key == "evidence":
                out.append(f"- {md(f.path)}: {md(value_text(f.new))}")
            else:
                out.append(f"- {md(f.path)}: {md(before)} → {md(value_text(f.new))}")

    gaps("closed", p.closed, "+")
    gaps("opened", p.opened, "−")
    fact_list("stated", p.stated)
    fact_list("changed", p.changed)
    fact_list("evidence", p.evidence_added)
    out.extend(["", f"{word('remaining', lang)}: {len(p.remaining)}", ""])
    return "\n".join(out)
