"""The JSON shape of an assessment (``readiness.assessment``, version 1; see docs/json.md)."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from readiness.criteria.checks import Evidence
from readiness.profile.bilingual import Text
from readiness.scoring.assessment import Assessment, BandRef
from readiness.scoring.points import shown
from readiness.textsafe import json_safe

ASSESSMENT_FORMAT = "readiness.assessment"
ASSESSMENT_VERSION = 1


def _text(text: Text) -> dict[str, str]:
    return {"ja": text.ja, "en": text.en}


def _band(band: BandRef) -> dict[str, Any]:
    return {"id": band.id, "label": _text(band.label), "min": band.min}


def _loc(evidence: Evidence) -> dict[str, Any]:
    return {"path": list(evidence.loc), "text": evidence.text}


def _points(value: Fraction | float) -> float:
    """Points of the total to 2 decimals, rounded half up from the exact value."""
    return shown(Fraction(value), 2)


def _group(a: Assessment) -> dict[str, Any] | None:
    if not a.group_members:
        return None
    members = [
        {"name": m.name, "name_en": m.name_en, "code": m.code, "prefecture": m.prefecture,
         "bureau": m.bureau}
        for m in a.group_members
    ]  # fmt: skip
    return {"name": a.group_name, "lead": a.code, "members": members}


def assessment_to_dict(a: Assessment) -> dict[str, Any]:
    return {
        "format": ASSESSMENT_FORMAT,
        "version": ASSESSMENT_VERSION,
        "profile": a.profile_file,
        "municipality": {
            "name": a.municipality,
            "name_en": a.municipality_en,
            "code": a.code,
            "bureau": a.bureau,
            "fictional": a.fictional,
            "as_of": a.as_of,
        },
        "group": _group(a),
        "criteria": {"id": a.criteria_id, "version": a.criteria_version},
        "score": _points(a.score),
        "band": _band(a.band),
        "gates_passed": a.gates_passed,
        "gates_not_yet_shown": [s.id for s in a.gates_not_yet_shown],
        "gates_failed": [s.id for s in a.gates_failed],
        "reading_points": _points(a.reading_points),
        "evidence_coverage": shown(a.evidence_coverage, 4),
        "evidenced_points": _points(a.evidenced_points),
        "sections": [
            {
                "id": s.id,
                "kind": s.kind,
                "label": _text(s.label),
                "earned": float(s.earned),
                "possible": float(s.possible),
                "share": shown(s.share, 4),
                "weight": s.weight,
                "contribution": _points(s.contribution),
                "gate": s.gate,
                "gate_passed": s.gate_passed,
                "gate_status": s.gate_status,
                "unknown_facts": s.unknown_facts,
                "required_unmet": list(s.required_unmet),
                "required_unknown": list(s.required_unknown),
            }
            for s in a.sections
        ],
        "criteria_results": [
            {
                "id": c.id,
                "section": c.section,
                "label": _text(c.label),
                "status": c.status,
                "basis": c.basis,
                "required": c.required,
                "evidenced": c.evidenced,
                "earned": c.earned,
                "possible": c.possible,
                "adds": _points(c.adds),
                "evidence": [_loc(e) for e in c.evidence],
            }
            for c in a.criteria
        ],
        "strategy_label": _text(a.strategy_label),
        "strategy_fit": [
            {"id": s.id, "label": _text(s.label), "initiatives": list(s.initiatives)}
            for s in a.strategy_fit
        ],
        "unserved_strategies": [s.id for s in a.unserved_strategies],
        "unmatched_strategies": list(a.unmatched_strategies),
        "gaps": [
            {
                "id": g.id,
                "section": g.section,
                "status": g.status,
                "adds": _points(g.adds),
                "label": _text(g.label),
                "recommendation": _text(g.recommendation),
                "where": [_loc(e) for e in g.evidence],
            }
            for g in a.gaps
        ],
        "cautions": [_text(c) for c in a.cautions],
        "findings": [
            {
                "path": list(f.loc),
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "message": _text(f.message),
            }
            for f in a.findings
        ],
        "next_band": None
        if a.next_band is None
        else {
            "band": _band(a.next_band.band),
            "points_needed": _points(a.next_band.points_needed),
            "gaps": list(a.next_band.gaps),
            "gates": list(a.next_band.gates),
            "reachable": a.next_band.reachable,
            "min_evidence": a.next_band.min_evidence,
        },
    }


def dumps(data: Any) -> str:
    """Stable JSON text: keys in insertion order, Japanese kept readable, newline at the end.

    Control characters and bidi overrides from the input stay escaped (``\\u001b``).
    """
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"
