"""SARIF 2.1.0: each gap a result located at the line of the profile it concerns.

Code-scanning pages then annotate the profile itself.  By default (``--sarif-level
below-gate``) only the gaps of towns below the gate asked for become results, as ``warning``s,
so that passing towns do not flood code scanning; with ``all`` every town's gaps do, a passing
town's as ``note``s.  A town's cautions (criteria of another bureau, a date outside their
period) are ``warning``s on its first line, whatever the level; a file that could not be read
gives ``error`` results at the place of each problem.  Paths are relative to the working
directory (``%SRCROOT%``).

Every result carries ``partialFingerprints`` built from what identifies it, never from a line
number, so code scanning tracks one alert across runs: ``readinessGap/v1`` (town code,
criteria id, gap id), ``readinessCaution/v1`` (town code, criteria id, caution) and
``readinessInput/v1`` (file, problem code).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from readiness import __version__
from readiness.batch.run import BatchResult, Failed, SarifLevel
from readiness.batch.summary import Scored
from readiness.messages import Lang, t
from readiness.profile.bilingual import Text
from readiness.profile.substance import Finding
from readiness.reporters.batch.common import gap_text, town
from readiness.reporters.batch.jsontext import write_json
from readiness.scoring.assessment import CriterionResult
from readiness.scoring.points import shown

SUBSTANCE_RULES = {
    "too-short": Text(ja="短すぎて意味を持たない記載", en="Text too short to carry meaning"),
    "duplicate": Text(ja="重複した記載（一度だけ数える）", en="A repeated entry (counted once)"),
    "too-many-strategies": Text(
        ja="行動の数を超える戦略への適合の主張", en="More strategies claimed than actions"
    ),
    "near-catalogue": Text(
        ja="カタログの施策名に近い、カタログにない施策（書かれたとおりに数える）",
        en="A programme outside the catalogue, named close to one in it (counted as written)",
    ),
}

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def uri(path: str) -> str:
    """A relative, forward-slashed, percent-encoded URI for a path under the working directory,
    else an absolute ``file:`` URI."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    # Percent-encoded as a URI must be: ``#``, ``?``, ``%``, spaces and non-ASCII characters
    # would otherwise cut or change the path; a name that is not UTF-8 keeps its own bytes.
    return quote(p.as_posix(), safe="/", errors="surrogateescape")


def _location(file_uri: str, line: int | None, column: int | None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": line or 1}
    if column:
        region["startColumn"] = column
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file_uri}
            if file_uri.startswith("file:")
            else {"uri": file_uri, "uriBaseId": "%SRCROOT%"},
            "region": region,
        }
    }


def _gap_result(
    e: Scored,
    file_uri: str,
    located: tuple[CriterionResult, tuple[int, int]],
    lang: Lang,
    rule_index: int,
) -> dict[str, Any]:
    gap, (line, column) = located
    text = f"{town(e, lang)}: {gap_text(gap, lang)}. {gap.recommendation.get(lang)}"
    return {
        "ruleId": rule_id(e, gap),
        "ruleIndex": rule_index,
        "level": "note" if e.passed else "warning",
        "message": {"text": text},
        "locations": [_location(file_uri, line, column)],
        "partialFingerprints": {"readinessGap/v1": f"{e.code}:{e.criteria_id}:{gap.id}"},
        "properties": {
            "status": gap.status,
            "adds": shown(gap.adds, 2),
            "score": e.score,
            "evidence_coverage": round(e.evidence_coverage, 4),
        },
    }


def _finding_result(e: Scored, file_uri: str, f: Finding, lang: Lang, rule_index: int) -> Any:
    return {
        "ruleId": f"substance/{f.code}",
        "ruleIndex": rule_index,
        "level": "warning",
        "message": {"text": f"{town(e, lang)}: {f.message.get(lang)}"},
        "locations": [_location(file_uri, f.line, f.column)],
        "properties": {"path": [str(p) for p in f.loc]},
    }


def _error_results(f: Failed, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {
            "ruleId": d.code,
            "ruleIndex": rule_index[d.code],
            "level": "error",
            "message": {"text": d.message},
            "locations": [_location(uri(d.file), d.line, d.column)],
            "partialFingerprints": {"readinessInput/v1": _digest(d.file, d.code, d.message)},
        }
        for d in f.diagnostics
    ]


CAUTION_RULE = "readiness/caution"


def _caution_results(e: Scored, lang: Lang, rule_index: int) -> list[dict[str, Any]]:
    return [
        {
            "ruleId": CAUTION_RULE,
            "ruleIndex": rule_index,
            "level": "warning",
            "message": {"text": f"{town(e, lang)}: {c.get(lang)}"},
            "locations": [_location(uri(e.path), 1, 1)],
            "partialFingerprints": {"readinessCaution/v1": _digest(e.code, e.criteria_id, c.en)},
        }
        for c in e.cautions
    ]


def _digest(*parts: str) -> str:
    """A stable fingerprint of ``parts`` (SHA-256, hex): the same on every run and machine."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def reported(e: Scored, level: SarifLevel) -> bool:
    """Whether a town's gaps become results at this level."""
    return level == "all" or not e.passed


def rule_id(e: Scored, gap: CriterionResult) -> str:
    """A gap's rule, named by its criteria set: sets may use one id for different criteria."""
    return f"{e.criteria_id}/{gap.id}"


def _rules(result: BatchResult, lang: Lang) -> list[dict[str, Any]]:
    gaps: dict[str, CriterionResult] = {}
    for r in result.ranked:
        if not reported(r.entry, result.run.sarif_level):
            continue
        for gap in r.entry.gaps:
            gaps.setdefault(rule_id(r.entry, gap), gap)
    rules = [
        {
            "id": rule,
            "name": rule,
            "shortDescription": {"text": gaps[rule].label.get(lang)},
            "help": {"text": gaps[rule].recommendation.get(lang)},
            "defaultConfiguration": {"level": "warning"},
        }
        for rule in sorted(gaps)
    ]
    rules += [
        {
            "id": f"substance/{code}",
            "name": f"substance/{code}",
            "shortDescription": {"text": SUBSTANCE_RULES[code].get(lang)},
            "defaultConfiguration": {"level": "warning"},
        }
        for code in sorted({f.code for r in result.ranked for f in r.entry.findings})
    ]
    if any(r.entry.cautions for r in result.ranked):
        rules.append(
            {
                "id": CAUTION_RULE,
                "name": CAUTION_RULE,
                "shortDescription": {"text": t("cautions", lang)},
                "defaultConfiguration": {"level": "warning"},
            }
        )
    codes = sorted({d.code for f in result.failed for d in f.diagnostics})
    rules += [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": f"Input problem: {code}"},
            "defaultConfiguration": {"level": "error"},
        }
        for code in codes
        if code not in gaps
    ]
    return rules


def sarif_log(result: BatchResult, lang: Lang) -> dict[str, Any]:
    rules = _rules(result, lang)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "readiness",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": _results(result, lang, index),
            }
        ],
    }


def _results(result: BatchResult, lang: Lang, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    for f in result.failed:
        yield from _error_results(f, index)
    for r in result.ranked:
        file_uri = uri(r.entry.path)
        if r.entry.cautions:
            yield from _caution_results(r.entry, lang, index[CAUTION_RULE])
        for finding in r.entry.findings:
            rule = index[f"substance/{finding.code}"]
            yield _finding_result(r.entry, file_uri, finding, lang, rule)
        if reported(r.entry, result.run.sarif_level):
            for located in r.entry.located_gaps():
                rule = index[rule_id(r.entry, located[0])]
                yield _gap_result(r.entry, file_uri, located, lang, rule)


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    """One result per line; results are written as they are made."""
    write_json(sarif_log(result, lang), out, depth=4)
