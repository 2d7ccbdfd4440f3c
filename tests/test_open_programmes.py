"""An open programme list (issue 10, part 6): a METI programme the catalogue lacks is accepted by
name, with its law or a note, and counts as policy use; the catalogue helps with spelling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness import assess, bundled_criteria
from readiness.profile.jvalues import programme_id
from readiness.profile.model import Profile
from readiness.profile.programmes import near_miss
from tests.conftest import RunCli

KYUSHU = next(c for c in bundled_criteria() if c.id == "kyushu-2019")
HEAD = (
    "schema_version: 1\nas_of: 2020-06-01\n"
    "municipality: {name: 合志市, code: '432164', prefecture: 熊本県}\n"
)
MONOZUKURI = {
    "programme": "ものづくり補助金",
    "law": "ものづくり・商業・サービス生産性向上促進補助金",
    "year": 2020,
}


def _profile(programmes: list[dict[str, Any]]) -> Profile:
    data = yaml.safe_load(HEAD)
    data["record"] = {"programmes": programmes}
    return Profile.model_validate(data)


def _met(profile: Profile, criterion: str) -> bool:
    result = assess(KYUSHU, profile)
    return next(r for r in result.criteria if r.id == criterion).status == "met"


def test_a_true_programme_not_in_the_catalogue_validates_and_counts() -> None:
    profile = _profile([MONOZUKURI])
    assert profile.record.programmes[0].programme == "ものづくり補助金"  # type: ignore[index]
    assert _met(profile, "selection.policy-use")
    assert not _met(_profile([]), "selection.policy-use")
    assert assess(KYUSHU, profile).score > assess(KYUSHU, _profile([])).score


def test_three_programmes_in_or_out_of_the_catalogue_are_several() -> None:
    uses = [MONOZUKURI, {"programme": "sogyo-shien"},
            {"programme": "事業再構築補助金", "note": "2021年度、市内3社が採択"}]  # fmt: skip
    assert _met(_profile(uses), "selection.policy-use-depth")
    assert not _met(_profile(uses[:2]), "selection.policy-use-depth")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sogyo-shien", "sogyo-shien"),
        ("創業支援等事業計画", "sogyo-shien"),
        ("創業支援", "sogyo-shien"),
        ("創業 支援等事業計画", "sogyo-shien"),
        ("start-up support plan (by the municipality)", "sogyo-shien"),
        ("農商工等連携事業計画", "noshoko-renkei"),
        ("ものづくり補助金", "ものづくり補助金"),
        ("地域", "地域"),  # names no one programme: kept as written
        ("furusato", "furusato"),
    ],
)
def test_catalogue_names_become_ids_and_other_names_stay(typed: str, expected: str) -> None:
    assert programme_id(typed) == expected


@pytest.mark.parametrize(
    ("typed", "near"),
    [
        ("sogyo-shein", "sogyo-shien"),
        ("創業支援等事業計書", "sogyo-shien"),
        ("furusato", "furusato-meibutsu"),
        ("地域経済牽引事業", "chiiki-keizai-kenin"),
        ("ものづくり補助金", None),
        ("事業再構築補助金", None),
        ("IT導入補助金", None),
    ],
)
def test_near_misses(typed: str, near: str | None) -> None:
    found = near_miss(typed)
    assert (found.id if found else None) == near


def _validate(run_cli: RunCli, tmp_path: Path, entry: str) -> tuple[int, str]:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + f"record:\n  programmes:\n    - {entry}\n", encoding="utf-8")
    result = run_cli("validate", str(path), "--lang", "en")
    return result.exit_code, result.stdout.splitlines()[0].replace(f"{tmp_path}/", "")


@pytest.mark.parametrize(
    ("entry", "code", "first_line"),
    [
        (
            "{programme: ものづくり補助金, law: ものづくり補助金の交付要綱}",
            0,
            "p.yaml: ok (profile)",
        ),
        ("{programme: 事業再構築補助金, note: 2021年度に市内3社が採択}", 0, "p.yaml: ok (profile)"),
        ("{programme: 創業支援, year: 2020}", 0, "p.yaml: ok (profile)"),
        (
            "{programme: 事業再構築補助金}",
            2,
            "p.yaml:6:19: uncatalogued-programme '事業再構築補助金' is not in the programme "
            "catalogue: a programme the catalogue lacks counts when its entry gives its `law` "
            "or a `note`",
        ),
        (
            "{programme: sogyo-shein}",
            2,
            "p.yaml:6:19: uncatalogued-programme 'sogyo-shein' is not in the programme catalogue"
            " (did you mean sogyo-shien, Start-up support plan (by the municipality)?): a "
            "programme the catalogue lacks counts when its entry gives its `law` or a `note`",
        ),
        (
            "{programme: unknown, law: 何かの法律}",
            2,
            "p.yaml:6:19: uncatalogued-programme a programme use needs the programme's name: "
            "leave the entry out if it is not known which programme was used",
        ),
        (
            "{programme: 検討中, law: 何かの法律}",
            2,
            "p.yaml:6:19: placeholder record.programmes[0].programme: '検討中' is a placeholder",
        ),
    ],
)
def test_validate(run_cli: RunCli, tmp_path: Path, entry: str, code: int, first_line: str) -> None:
    exit_code, line = _validate(run_cli, tmp_path, entry)
    assert exit_code == code
    assert line.startswith(first_line)


def test_a_near_miss_with_a_law_counts_and_gets_a_did_you_mean() -> None:
    profile = _profile([{"programme": "創業支援等事業計書", "law": "産業競争力強化法"}])
    result = assess(KYUSHU, profile)
    assert _met(profile, "selection.policy-use")
    [finding] = [f for f in result.findings if f.code == "near-catalogue"]
    assert finding.loc == ("record", "programmes", 0, "programme")
    assert "did you mean sogyo-shien" in finding.message.en
    assert "sogyo-shien（創業支援等事業計画）のことですか" in finding.message.ja


@pytest.mark.parametrize(
    ("uses", "counted"),
    [
        ([{"programme": "ab", "law": "法律"}], 1),  # two letters: a name, if a short one
        ([{"programme": "a", "law": "some law"}], 0),  # too short: left out
        ([MONOZUKURI] * 30, 1),  # repeated: counts once
        ([MONOZUKURI, {**MONOZUKURI, "programme": "ものづくり 補助金"}], 1),
    ],
)
def test_uncatalogued_names_follow_the_substance_rules(
    uses: list[dict[str, Any]], counted: int
) -> None:
    from readiness.profile.substance import substantive

    cleaned, _ = substantive(_profile(uses))
    assert len(cleaned.record.programmes) == counted  # type: ignore[arg-type]


def test_a_near_miss_is_a_sarif_warning(run_cli: RunCli, tmp_path: Path) -> None:
    import json

    town = tmp_path / "town.yaml"
    town.write_text(
        HEAD
        + "record:\n  programmes:\n    - {programme: 創業支援等事業計書, law: 産業競争力強化法}\n",
        encoding="utf-8",
    )
    sarif = tmp_path / "out.sarif"
    result = run_cli("batch", str(town), "--criteria", "kyushu-2019", "-o", f"sarif={sarif}")
    assert result.exit_code == 0, result.stderr
    run = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]
    rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert "substance/near-catalogue" in rules
    (near,) = [r for r in run["results"] if r["ruleId"] == "substance/near-catalogue"]
    region = near["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (6, 19)
