"""The score is rounded once, to the one decimal every report shows, and that number decides."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from readiness.criteria.loading import load_criteria_text
from readiness.scoring.scorer import assess
from tests.conftest import RunCli
from tests.profiles import profile

CRITERIA = """\
format: 1
id: rounding-test
bureau: tohoku
version: "1"
title: {ja: 丸めの試験, en: Rounding test}
sources: [{publisher: 試験, title: 試験, date: 2024-04-01}]
period: {start: 2024-04-01}
strategy_label: {ja: 戦略, en: Strategies}
sections:
  - id: will
    kind: condition
    label: {ja: 意思, en: Will}
    weight: 100
    criteria:
      - id: will.lead
        label: {ja: 担当部署, en: Lead department}
        points: 69.97
        check: {kind: present, field: will.lead_department}
        recommendation: {ja: 担当部署を決めてください。, en: Name a lead department.}
      - id: will.contact
        label: {ja: 窓口, en: Contact}
        points: 30.03
        check: {kind: present, field: will.contact}
        recommendation: {ja: 窓口を決めてください。, en: Name a contact.}
bands:
  - {id: ready, label: {ja: 準備済, en: Ready}, min: 70}
  - {id: not-yet, label: {ja: 準備段階, en: Not yet}, min: 0}
"""


def test_a_score_shown_as_70_is_in_the_band_that_starts_at_70() -> None:
    result = assess(load_criteria_text(CRITERIA), profile(will__lead_department="産業部"))
    assert result.sections[0].contribution == Fraction("69.97")  # exact: 69.97 of 100 points
    assert (result.score, result.band.id, result.next_band) == (70.0, "ready", None)


def test_fail_under_compares_the_score_shown(run_cli: RunCli, tmp_path: Path) -> None:
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(CRITERIA, "utf-8")
    town = tmp_path / "town.yaml"
    town.write_text(
        "schema_version: 1\nas_of: 2024-04-01\n"
        "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n"
        "will: {lead_department: 産業部}\n",
        "utf-8",
    )
    result = run_cli("assess", str(town), "-c", str(criteria), "--fail-under", "70", "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert '"score": 70.0,' in result.stdout
