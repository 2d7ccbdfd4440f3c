"""Wide-area groups: a lead town and its members, scored under the lead town's bureau."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.criteria.bundled import bundled
from readiness.diagnostics import ReadinessError
from readiness.profile.loading import load_profile
from readiness.scoring.scorer import assess
from tests.conftest import RunCli

# Kanto's 2022 partnership with 日立市・常陸太田市・大子町 (codes from the municipality list).
HITACHI, HITACHIOTA, DAIGO = "082023", "082121", "083640"


def _group(run_cli: RunCli, tmp_path: Path, *codes: str, lang: str = "en") -> Path:
    out = tmp_path / "group.yaml"
    args = [a for c in codes for a in ("--code", c)]
    result = run_cli("init", *args, "--lang", lang, "--as-of", "2023-01-01", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_init_with_three_codes_writes_a_group_that_validates(
    run_cli: RunCli, tmp_path: Path
) -> None:
    out = _group(run_cli, tmp_path, HITACHI, HITACHIOTA, DAIGO)
    profile = load_profile(out)
    assert profile.municipality.code == HITACHI
    assert profile.group is not None
    assert profile.group.name == "日立市・常陸太田市・大子町"
    members = [(m.name, m.code, m.prefecture, m.served_by) for m in profile.group.members]
    assert members == [
        ("常陸太田市", HITACHIOTA, "茨城県", "kanto"),
        ("大子町", DAIGO, "茨城県", "kanto"),
    ]
    assert run_cli("validate", str(out)).exit_code == 0


@pytest.mark.parametrize("fmt", ["rich", "json", "html"])
def test_every_report_format_shows_every_member(run_cli: RunCli, tmp_path: Path, fmt: str) -> None:
    out = _group(run_cli, tmp_path, HITACHI, HITACHIOTA, DAIGO)
    result = run_cli("assess", str(out), "-c", "tohoku-2022", "--format", fmt, "--lang", "en")
    assert result.exit_code == 0
    for name, code in (("日立市", HITACHI), ("常陸太田市", HITACHIOTA), ("大子町", DAIGO)):
        assert name in result.stdout
        assert code in result.stdout
    if fmt == "json":
        group = json.loads(result.stdout)["group"]
        assert group["lead"] == HITACHI
        assert [m["code"] for m in group["members"]] == [HITACHIOTA, DAIGO]
    if fmt == "html":
        assert f'<span class="member" data-code="{DAIGO}">大子町 {DAIGO} (茨城県)</span>' in (
            result.stdout
        )


def test_batch_names_the_members(run_cli: RunCli, tmp_path: Path) -> None:
    out = _group(run_cli, tmp_path, HITACHI, HITACHIOTA, DAIGO)
    report, markdown = tmp_path / "batch.json", tmp_path / "batch.md"
    outputs = ["--output", f"json={report}", "--output", f"markdown={markdown}"]
    result = run_cli("batch", str(out), "-c", "tohoku-2022", *outputs, "--lang", "en")
    assert result.exit_code == 0
    assert "日立市 + 常陸太田市" in result.stdout  # the terminal table cuts the rest to fit
    assert "日立市 + 常陸太田市, 大子町" in markdown.read_text("utf-8")
    town = json.loads(report.read_text("utf-8"))["towns"][0]["municipality"]
    assert town["group_members"] == [
        {"name": "常陸太田市", "code": HITACHIOTA},
        {"name": "大子町", "code": DAIGO},
    ]


def test_a_member_of_another_bureau_is_cautioned(run_cli: RunCli, tmp_path: Path) -> None:
    out = _group(run_cli, tmp_path, "042021", "432164")  # 石巻市 (Tohoku) leads 合志市 (Kyushu)
    profile = load_profile(out)
    cautions = assess(bundled("tohoku-2022"), profile).cautions
    assert [c.en for c in cautions] == [
        "Group member 合志市 (熊本県) is served by the kyushu bureau, not the lead town's tohoku "
        "bureau: the group is scored under the lead town's criteria, and the kyushu bureau's "
        "conditions and priorities are not reflected."
    ]


def test_init_cautions_about_a_member_of_another_bureau(run_cli: RunCli, tmp_path: Path) -> None:
    args = ["--code", "042021", "--code", "432164", "--as-of", "2023-01-01"]
    result = run_cli("init", *args, "--lang", "en", "-o", str(tmp_path / "g.yaml"))
    assert result.exit_code == 0
    assert (
        "Caution: 合志市 (熊本県) is served by the Kyushu Bureau of Economy, Trade and Industry, "
        "not the lead town's Tohoku Bureau of Economy, Trade and Industry, whose criteria score "
        "the group.\n"
    ) in result.stderr


@pytest.mark.parametrize(
    ("members", "code", "message"),
    [
        (
            [{"name": "日立市", "code": HITACHI, "prefecture": "茨城県"}],
            "duplicate-member",
            "日立市 (082023) is already in the group: the lead town is `municipality`, and each "
            "member is listed once",
        ),
        (
            [{"name": "大子町", "code": "083641", "prefecture": "茨城県"}],
            "bad-code",
            "code 083641 fails its check digit (the last digit should be 0)",
        ),
        (
            [{"name": "常陸太田市", "code": DAIGO, "prefecture": "茨城県"}],
            "name-mismatch",
            "code 083640 is 大子町 (茨城県), not 常陸太田市",
        ),
        (
            [{"name": "大子町", "code": DAIGO, "prefecture": "茨城県", "bureau": "tohoku"}],
            "bureau-mismatch",
            "茨城県 is served by the kanto bureau, not tohoku",
        ),
    ],
)
def test_bad_members_are_refused_at_their_line(
    tmp_path: Path, members: list[dict[str, str]], code: str, message: str
) -> None:
    lines = [
        "schema_version: 1",
        "as_of: 2023-01-01",
        "municipality: {name: 日立市, code: '082023', prefecture: 茨城県}",
        "group:",
        "  members:",
    ]
    lines += [f"    - {json.dumps(m, ensure_ascii=False)}" for m in members]
    path = tmp_path / "bad.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(ReadinessError) as e:
        load_profile(path)
    [d] = e.value.diagnostics
    assert (d.line, d.code, d.message) == (6, code, message)


def test_a_group_needs_a_member(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(
        "schema_version: 1\nas_of: 2023-01-01\n"
        "municipality: {name: 日立市, code: '082023', prefecture: 茨城県}\ngroup: {members: []}\n",
        "utf-8",
    )
    with pytest.raises(ReadinessError) as e:
        load_profile(path)
    assert [(d.line, d.code) for d in e.value.diagnostics] == [(4, "bad-value")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--code", HITACHI, "--code", HITACHI], "--code: duplicate-member code 082023 is given "
         "more than once\n"),
        (["--code", HITACHI, "--name", "大子町"], "init: usage give exactly one of --code or "
         "--name\n"),
    ],
)  # fmt: skip
def test_init_refuses_a_bad_group(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli("init", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
