"""The JSON shape of a criteria diff and its impact (``readiness.diff``, version 1).

See docs/diff-json.md.  Scores are rounded to 2 decimals, as in ``readiness.assessment``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from readiness.criteria.diff import CriteriaDiff, FieldChange, ItemChange
from readiness.criteria.model import Criteria
from readiness.scoring.assessment import Assessment
from readiness.scoring.impact import Impact, TownImpact
from readiness.scoring.points import shown

DIFF_FORMAT = "readiness.diff"
DIFF_VERSION = 1


def _round(value: Fraction | float) -> float:
    return shown(Fraction(value), 2)  # half up from the exact amount; never -0.0


def _field(f: FieldChange) -> dict[str, Any]:
    return {"field": f.field, "old": f.old, "new": f.new}


def _item(item: ItemChange) -> dict[str, Any]:
    out: dict[str, Any] = {"change": item.kind, "id": item.id, "old_id": item.old_id}
    if item.section is not None:
        out["section"] = item.section
    out["label"] = item.label
    out["fields"] = [_field(f) for f in item.changes]
    return out


def _set(ref: str, c: Criteria) -> dict[str, Any]:
    return {"ref": ref, "id": c.id, "bureau": c.bureau, "version": c.version}


def _state(a: Assessment, rank: int) -> dict[str, Any]:
    return {
        "score": _round(a.score),
        "band": a.band.id,
        "gates_passed": a.gates_passed,
        "rank": rank,
    }


def _town(t: TownImpact) -> dict[str, Any]:
    return {
        "profile": t.profile_file,
        "municipality": {"name": t.municipality, "name_en": t.municipality_en, "code": t.code},
        "before": _state(t.before, t.rank_before),
        "after": _state(t.after, t.rank_after),
        "delta": _round(t.delta),
        "band_move": t.band_move,
        "drivers": [
            {
                "id": d.id,
                "old_id": d.old_id,
                "change": d.kind,
                "before": _round(d.before),
                "after": _round(d.after),
                "delta": _round(d.delta),
            }
            for d in t.drivers
        ],
        "reweighted": _round(t.reweighted),
    }


def diff_to_dict(
    diff: CriteriaDiff,
    old: tuple[str, Criteria],
    new: tuple[str, Criteria],
    impact: Impact | None,
) -> dict[str, Any]:
    summary = impact.summary if impact is not None else None
    return {
        "format": DIFF_FORMAT,
        "version": DIFF_VERSION,
        "old": _set(*old),
        "new": _set(*new),
        "empty": diff.empty,
        "changes": {
            "meta": [_field(f) for f in diff.meta],
            "sources": [{"change": s.kind, "text": s.id} for s in diff.sources],
            "sections": [_item(i) for i in diff.sections],
            "criteria": [_item(i) for i in diff.criteria],
            "strategies": [_item(i) for i in diff.strategies],
            "bands": [_item(i) for i in diff.bands],
        },
        "impact": None
        if impact is None or summary is None
        else {
            "summary": {
                "towns": summary.towns,
                "band": {
                    "up": summary.band_up,
                    "down": summary.band_down,
                    "same": summary.band_same,
                },
                "score": {
                    "up": summary.score_up,
                    "down": summary.score_down,
                    "same": summary.score_same,
                },
            },
            "towns": [_town(t) for t in impact.towns],
        },
    }
