"""Evidence: sources with ids, citations and readings; coverage; the top band's minimum
coverage; and the --min-evidence gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness import assess, load_criteria, load_profile
from readiness.diagnostics import ReadinessError
from readiness.profile.evidence import parse_path, resolve
from readiness.profile.loading import load_profile_text
from tests.conftest import EXAMPLES, RunCli

KYUSHU = load_criteria("kyushu-2019")
SOURCE = {"id": "doc", "title": "九州経済産業局の資料", "date": "2019-11-05"}


def _koshi(**top: Any) -> dict[str, Any]:
    data = yaml.safe_load((EXAMPLES / "koshi.yaml").read_text(encoding="utf-8"))
    data.pop("citations", None)
    data.pop("readings", None)
    data.update(top)
    return data


def _text(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_plain_text_sources_still_load_and_are_unevidenced() -> None:
    data = _koshi(sources=["九州経済産業局 資料 2019-11-05"])
    result = assess(KYUSHU, load_profile_text(_text(data), "k.yaml"))
    assert result.evidence_coverage == 0.0
    assert all(c.evidenced is False for c in result.criteria if c.status == "met")
    assert all(c.evidenced is None for c in result.criteria if c.status != "met")


def test_a_cited_fact_is_evidenced_and_a_reading_is_not() -> None:
    data = _koshi(
        sources=[SOURCE],
        citations={"will": ["doc"], "record.programmes": ["doc"]},
        readings=["will.requested_partnership"],
    )
    result = assess(KYUSHU, load_profile_text(_text(data), "k.yaml"))
    status = {c.id: c.evidenced for c in result.criteria if c.status == "met"}
    assert status["will.review"] is True  # will.annual_review, under the cited `will`
    assert status["will.request"] is False  # cited, but marked as a reading
    assert status["selection.policy-use"] is True
    assert status["issues.stated"] is False  # nothing cites the issues
    met = sum(c.adds for c in result.criteria if c.status == "met")
    cited = sum(c.adds for c in result.criteria if c.evidenced)
    assert result.evidence_coverage == pytest.approx(cited / met)
    assert 0 < result.evidence_coverage < 1


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ({"citations": {"will": ["nope"]}},
         "k.yaml:{line}:{col}: bad-citation no source with id 'nope' (sources with ids: doc)"),
        ({"citations": {"issues.nothing": ["doc"]}},
         "k.yaml:{line}:{col}: bad-citation 'issues.nothing' names no fact of this profile"),
        ({"readings": ["will.lead"]},
         "k.yaml:{line}:{col}: bad-reading 'will.lead' names no fact"),
        ({"sources": [{"id": "x", "title": "資料"}]},
         "k.yaml:{line}:{col}: bad-value sources[0]: source 'x': give its date or its url"),
    ],
)  # fmt: skip
def test_bad_citations_are_located(top: dict[str, Any], expected: str) -> None:
    data = _koshi(sources=[SOURCE], **top) if "sources" not in top else _koshi(**top)
    text = _text(data)
    with pytest.raises(ReadinessError) as e:
        load_profile_text(text, "k.yaml")
    (d,) = e.value.diagnostics
    assert d.line is not None
    assert str(d).startswith(expected.format(line=d.line, col=d.column))


@pytest.mark.parametrize(
    ("path", "loc"),
    [
        ("will.annual_review", ("will", "annual_review")),
        ("issues.agri-commerce", ("issues", 1)),
        ("issues[1].title", ("issues", 1, "title")),
        ("record.programmes[2]", ("record", "programmes", 2)),
        ("issues.nothing", None),
        ("will..x", None),
        ("record.programmes[99]", None),
    ],
)
def test_citation_paths(path: str, loc: tuple[object, ...] | None) -> None:
    profile = load_profile(EXAMPLES / "koshi.yaml")
    assert resolve(profile, path) == loc
    assert (parse_path(path) is None) == (path == "will..x")


def test_the_top_band_can_require_evidence(tmp_path: Path) -> None:
    from readiness.criteria.extends import criteria_to_data

    data = criteria_to_data(load_criteria("tohoku-2022"))
    data["bands"][0]["min_evidence"] = 0.99
    data.pop("tests", None)
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    strict = load_criteria(path)
    ishinomaki = load_profile(EXAMPLES / "ishinomaki.yaml")
    result = assess(strict, ishinomaki)
    assert result.score >= 70
    assert result.evidence_coverage < 0.99
    assert result.band.id == "promising"
    assert result.next_band is not None
    assert result.next_band.min_evidence == 0.99


@pytest.mark.parametrize("command", ["assess", "batch"])
def test_min_evidence_gate(command: str, run_cli: RunCli) -> None:
    path = str(EXAMPLES / "fictional-no-partners.yaml")
    ok = run_cli(command, path, "--min-evidence", "0")
    assert ok.exit_code == 0
    low = run_cli(command, path, "--min-evidence", "100", "-f" if command == "assess" else "-o",
                  "json" if command == "assess" else "json=-")  # fmt: skip
    assert low.exit_code == 1
    assert "is below --min-evidence 100" in low.stderr or "--min-evidence 100" in low.stdout
    data = json.loads(low.stdout)
    if command == "batch":
        assert data["gate"]["min_evidence"] == 100
        assert data["towns"][0]["evidence_coverage"] == 0.0
    else:
        assert data["evidence_coverage"] == 0.0
