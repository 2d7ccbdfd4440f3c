"""Every bureau has a set: a town anywhere in Japan can be initialised and assessed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from readiness.criteria.bundled import bundled, bundled_criteria, current_for_bureau
from readiness.criteria.currency import status
from readiness.criteria.paths import CRITERIA_DIR
from readiness.profile.localgov import BUREAU_PREFECTURES, PREFECTURES, municipalities
from tests.conftest import DATA, RunCli

FIRST_OF_EACH_PREFECTURE = {
    prefecture: next(m.code for m in municipalities().values() if m.prefecture == prefecture)
    for prefecture in PREFECTURES
}


def test_the_list_covers_47_prefectures_in_nine_bureau_areas() -> None:
    assert len(FIRST_OF_EACH_PREFECTURE) == 47
    assert {c.bureau for c in bundled_criteria()} == set(BUREAU_PREFECTURES)


@pytest.mark.parametrize(
    ("prefecture", "code"), FIRST_OF_EACH_PREFECTURE.items(), ids=FIRST_OF_EACH_PREFECTURE.values()
)
def test_a_town_in_every_prefecture_can_be_initialised_and_assessed(
    run_cli: RunCli, tmp_path: Path, prefecture: str, code: str
) -> None:
    out = tmp_path / "t.yaml"
    assert run_cli("init", "--code", code, "-o", str(out), "--lang", "en").exit_code == 0
    result = run_cli("assess", str(out), "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["criteria"]["id"].startswith(f"{report['municipality']['bureau']}-")


@pytest.mark.parametrize("on", [dt.date(2026, 12, 2), dt.date(2031, 1, 1), dt.date(2015, 1, 1)])
def test_no_set_is_marked_current_past_its_end(run_cli: RunCli, on: dt.date) -> None:
    result = run_cli("criteria", "list", "--lang", "en", "--as-of", on.isoformat())
    assert result.exit_code == 0
    for c in bundled_criteria():
        row = next(line for line in result.stdout.splitlines() if line.split()[:1] == [c.id])
        assert status(c.period, on) in row.split()
        if c.period.end is not None and c.period.end < on:
            assert "current" not in row.split()
    chosen = [line.split()[0] for line in result.stdout.splitlines() if line.split()[1:2] == ["*"]]
    assert sorted(chosen) == sorted(
        x.id for b in BUREAU_PREFECTURES if (x := current_for_bureau(b, on)) is not None
    )


@pytest.mark.parametrize("criteria", bundled_criteria(), ids=lambda c: c.id)
def test_every_set_has_a_case_per_condition_that_leaves_the_top_band(criteria: object) -> None:
    from readiness.criteria.model import Criteria

    assert isinstance(criteria, Criteria)
    top = criteria.bands[0].id
    by_profile = {Path(t.profile).stem: t for t in criteria.tests if t.profile}
    assert by_profile["strong"].band == top
    for section in criteria.sections:
        if section.kind != "condition":
            continue
        case = by_profile[f"no-{section.id}"]
        assert case.band is not None
        assert case.band != top, f"{criteria.id}: no-{section.id} must leave the top band"
        assert (CRITERIA_DIR / str(case.profile)).is_file()


@pytest.mark.parametrize("criteria", bundled_criteria(), ids=lambda c: c.id)
def test_every_source_has_a_url_or_says_none_is_known(criteria: object) -> None:
    from readiness.criteria.model import Criteria

    assert isinstance(criteria, Criteria)
    for source in criteria.sources:
        assert source.url or (source.note and "URL" in source.note), (criteria.id, source.title)


def test_sets_on_the_common_conditions_say_they_are_a_synthesis() -> None:
    base = bundled("common-conditions")
    assert base.abstract
    assert base.bureau is None
    assert base.synthesis is not None
    built_on_it = [c for c in bundled_criteria() if c.synthesis is not None]
    assert {c.id for c in built_on_it} >= {"hokkaido-2024", "kanto-2022", "okinawa-common"}
    for c in built_on_it:
        for section in c.sections[:3]:
            assert [q.source for q in section.quotes] != [], (c.id, section.id)


def test_okinawa_says_that_nothing_was_found() -> None:
    okinawa = bundled("okinawa-common")
    assert okinawa.strategies == []
    assert okinawa.description is not None
    assert "No conditions for a partner municipality and no priorities were found" in (
        okinawa.description.en
    )


def test_kinki_2016_requires_the_essential_elements_verbatim() -> None:
    kinki = bundled("kinki-2016")
    required = {c.id: c.official for _, c in kinki.all_criteria() if c.required}
    assert required == {
        "will.plan-names-project": "「地方版総合戦略」等の自治体の施策の方針を規定する文書に"
        "おいて、プロジェクトの推進が明記されていること",
        "will.department-and-person": "自治体において担当部署、担当者が設定されていること",
        "partners.contribute": "人員・資源・資金等の拠出により、場合によっては一定のリスクテイクを"
        "行って、地域の産学金が主体的に参画していること",
    }
    domain = DATA / "seeds" / "DOMAIN.md"  # vendored: always there
    text = re.sub(r"\s+", "", domain.read_text("utf-8"))
    for quotation in required.values():
        assert quotation is not None
        assert re.sub(r"\s+", "", quotation) in text


def test_the_kyushu_diff_shows_the_change_of_themes_and_who_moves(run_cli: RunCli) -> None:
    from tests.conftest import EXAMPLES

    result = run_cli(
        "diff", "kyushu-2019", "kyushu-2026", "--profiles", str(EXAMPLES), "-f", "json"
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    strategies = {(s["change"], s["id"]) for s in data["changes"]["strategies"]}
    assert ("removed", "startup") in strategies
    assert ("added", "semiconductors") in strategies
    koshi = next(t for t in data["impact"]["towns"] if t["municipality"]["code"] == "432164")
    assert koshi["after"]["score"] < koshi["before"]["score"]
    assert {d["id"] for d in koshi["drivers"]} >= {"themes.fit"}  # the 2019 themes it served
