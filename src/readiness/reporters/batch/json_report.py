"""The JSON shape of a batch (``readiness.batch``, version 1; schemas/batch-result.schema.json)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, TextIO

from readiness.batch.run import BatchResult, Failed, Ranked
from readiness.messages import Lang
from readiness.reporters.batch.jsontext import write_json
from readiness.scoring.points import shown

BATCH_FORMAT = "readiness.batch"
BATCH_VERSION = 1


def _points(value: Fraction | float) -> float:
    """Points of the total to 2 decimals, rounded half up from the exact value."""
    return shown(Fraction(value), 2)


def _town(r: Ranked) -> dict[str, Any]:
    e = r.entry
    return {
        "rank": r.rank,
        "profile": e.path,
        "municipality": {
            "name": e.municipality,
            "name_en": e.municipality_en,
            "code": e.code,
            "bureau": e.bureau,
            "fictional": e.fictional,
            "group_members": [{"name": m.name, "code": m.code} for m in e.group_members],
        },
        "criteria": {"id": e.criteria_id, "version": e.criteria_version},
        "score": _points(e.score),
        "band": {"id": e.band.id, "label": {"ja": e.band.label.ja, "en": e.band.label.en}},
        "gates_passed": e.gates_passed,
        "failed_sections": list(e.failed_sections),
        "unshown_sections": list(e.unshown_sections),
        "evidence_coverage": round(e.evidence_coverage, 4),
        "reading_points": _points(e.reading_points),
        "passed": e.passed,
        "failures": list(e.failures),
        "cautions": [{"ja": c.ja, "en": c.en} for c in e.cautions],
        "gaps": [
            {
                "id": g.id,
                "section": g.section,
                "status": g.status,
                "adds": _points(g.adds),
                "label": {"ja": g.label.ja, "en": g.label.en},
                "recommendation": {"ja": g.recommendation.ja, "en": g.recommendation.en},
                "where": [{"path": list(ev.loc), "text": ev.text} for ev in g.evidence],
            }
            for g in e.gaps_with_evidence()
        ],
        "findings": [
            {
                "path": list(f.loc),
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "message": {"ja": f.message.ja, "en": f.message.en},
            }
            for f in e.findings
        ],
        "next_band": None
        if e.next_band is None
        else {
            "band": e.next_band.band.id,
            "points_needed": _points(e.next_band.points_needed),
            "gaps": list(e.next_band.gaps),
        },
    }


def _error(f: Failed) -> dict[str, Any]:
    return {
        "profile": f.path,
        "diagnostics": [
            {
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "code": d.code,
                "message": d.message,
            }
            for d in f.diagnostics
        ],
    }


def batch_to_dict(result: BatchResult) -> dict[str, Any]:
    report = {
        "format": BATCH_FORMAT,
        "version": BATCH_VERSION,
        "gate": {
            "fail_under": result.gate.fail_under,
            "require_band": result.gate.require_band,
            "min_evidence": result.gate.min_evidence,
        },
        "summary": {
            "towns": len(result.ranked),
            "errors": len(result.failed),
            "below_gate": result.gate_failures,
            "bands": [
                {"criteria": criteria_id, "band": band.id, "towns": n}
                for criteria_id, band, n in result.band_counts()
            ],
        },
        "towns": (_town(r) for r in result.ranked),
        "errors": [_error(f) for f in result.failed],
    }
    if result.shard is not None:
        return _with_merge_data(report, result)
    return report


def _with_merge_data(report: dict[str, Any], result: BatchResult) -> dict[str, Any]:
    """A shard's report: which shard, and each result exactly, for ``batch --merge``."""
    from readiness.batch.merge import MERGE_KEY, SHARD_KEY, error_data, town_data

    assert result.shard is not None
    report[SHARD_KEY] = {"index": result.shard.index, "count": result.shard.count}
    report["towns"] = ({**_town(r), MERGE_KEY: town_data(r.entry)} for r in result.ranked)
    report["errors"] = [{**_error(f), MERGE_KEY: error_data(f)} for f in result.failed]
    return report


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    """The same JSON in either language (it carries both); one town per line."""
    write_json(batch_to_dict(result), out, depth=2)
