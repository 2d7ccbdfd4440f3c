"""Values as people write them in Japanese: a profile and its English-valued twin are the same."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from readiness.criteria.bundled import bundled_criteria
from readiness.profile.jvalues import (
    BOOL_JA,
    COMMITMENT_JA,
    PARTNER_TYPE_JA,
    TOP_COMMITMENT_JA,
    programme_id,
)
from readiness.profile.loading import load_profile, load_profile_text
from readiness.profile.programmes import catalogue
from readiness.scoring.scorer import assess
from tests.conftest import EXAMPLES, RunCli

PROFILES = sorted(EXAMPLES.glob("*.yaml"))


def _first_word(table: dict[str, str], value: str) -> str:
    return next(k for k, v in table.items() if v == value)


def _wareki(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    if d >= dt.date(2019, 5, 1):
        n = d.year - 2018
        return f"令和{'元' if n == 1 else n}年{d.month}月{d.day}日"
    return f"平成{d.year - 1988}年{d.month}月{d.day}日"


def japanese_twin(text: str) -> str:
    """The same profile with every enumerated value and date written the Japanese way."""
    names = {p.id: p.name.ja for p in catalogue().values()}
    text = re.sub(r"(?m)^as_of: (\S+)$", lambda m: f"as_of: {_wareki(m[1])}", text)
    text = re.sub(r"(start|end|by|date): (\d{4})-(\d\d)-(\d\d)", r"\1: \2/\3/\4", text)
    text = re.sub(
        r"(requested_partnership|annual_review|cross_departmental): (true|false)",
        lambda m: f"{m[1]}: {'はい' if m[2] == 'true' else 'いいえ'}",
        text,
    )
    text = re.sub(
        r"top_commitment: (mayor|deputy_mayor|department_head|section_head|unknown)\b",
        lambda m: (
            "top_commitment: "
            + ("不明" if m[1] == "unknown" else _first_word(TOP_COMMITMENT_JA, m[1]))
        ),
        text,
    )
    text = re.sub(
        r"(?m)^(\s+)type: (\w+)$",
        lambda m: f"{m[1]}type: {_first_word(PARTNER_TYPE_JA, m[2])}",
        text,
    )
    text = re.sub(
        r"commitment: (signed|agreed|in_talks|planned)\b",
        lambda m: f"commitment: {_first_word(COMMITMENT_JA, m[1])}",
        text,
    )
    return re.sub(r"programme: ([a-z-]+)", lambda m: f"programme: {names.get(m[1], m[1])}", text)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_a_japanese_twin_is_the_same_profile(path: Path) -> None:
    english = path.read_text(encoding="utf-8")
    japanese = japanese_twin(english)
    assert japanese != english
    twin = load_profile_text(japanese, f"{path.stem}-ja.yaml")
    original = load_profile(path)
    assert twin == original
    for criteria in bundled_criteria():
        assert assess(criteria, twin).score == assess(criteria, original).score


_ISSUE = """\
schema_version: 1
as_of: 令和4年12月23日
municipality: {name: 石巻市, code: "042021", prefecture: 宮城県}
will:
  requested_partnership: はい
  top_commitment: 市長
partners:
  - name: 石巻商工会議所
    type: 商工会議所
    commitment: 協議中
record:
  programmes:
    - programme: 創業支援
"""


def test_the_issue_example_validates_and_scores_like_its_english_twin(
    run_cli: RunCli, tmp_path: Path
) -> None:
    ja = tmp_path / "ja.yaml"
    ja.write_text(_ISSUE, encoding="utf-8")
    en = tmp_path / "en.yaml"
    en.write_text(
        _ISSUE.replace("令和4年12月23日", "2022-12-23").replace("はい", "true")
        .replace("市長", "mayor").replace("type: 商工会議所", "type: chamber_of_commerce")
        .replace("協議中", "in_talks").replace("創業支援", "sogyo-shien"),
        encoding="utf-8",
    )  # fmt: skip
    result = run_cli("validate", str(ja))
    assert (result.exit_code, result.stdout) == (
        0,
        f"{ja}: ok (profile)\n1 file(s) checked, 0 with problems\n",
    )
    scores = [
        run_cli("assess", str(p), "--format", "json", "--criteria", "tohoku-2022").stdout
        for p in (ja, en)
    ]
    assert scores[0].replace(str(ja), str(en)) == scores[1]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("創業支援", "sogyo-shien"),
        ("創業支援等事業計画", "sogyo-shien"),
        ("農商工等連携事業計画", "noshoko-renkei"),
        ("sogyo-shien", "sogyo-shien"),
    ],
)
def test_programmes_by_their_japanese_name(typed: str, expected: str) -> None:
    assert programme_id(typed) == expected


@pytest.mark.parametrize("typed", ["支援", "地域", "創業", "地域資", "経済産業"])
def test_a_japanese_name_that_names_no_one_programme_is_kept_as_written(typed: str) -> None:
    # An open list: it is then a programme the catalogue lacks, which needs a law or a note
    # (tests/test_open_programmes.py).
    assert programme_id(typed) == typed


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "as_of",
            "平成31年5月1日",
            "平成の期間（1989年1月8日〜2019年4月30日）の外です。令和元年5月1日",
        ),
        ("as_of", "2024/13/01", "存在しない日付です"),
    ],
)
def test_date_mistakes_quote_the_date_as_written(
    run_cli: RunCli, tmp_path: Path, field: str, value: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(_ISSUE.replace("令和4年12月23日", value), encoding="utf-8")
    result = run_cli("validate", str(bad), env={"READINESS_LANG": "ja"})
    assert result.exit_code == 2
    assert f"bad.yaml:2:8: bad-date {field}: 「{value}」" in result.stdout
    assert message in result.stdout


def test_every_bool_word_is_read() -> None:
    assert set(BOOL_JA.values()) == {True, False}


def test_validate_speaks_japanese_under_a_japanese_locale(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (EXAMPLES / "koshi.yaml").read_text(encoding="utf-8")
    bad.write_text(
        text.replace("  top_commitment: unknown", "  top_comitment: unknown")
        .replace("requested_partnership: true", "requested_partnership: maybe"),
        encoding="utf-8",
    )  # fmt: skip
    result = run_cli("validate", str(bad), env={"LC_ALL": "", "LANG": "ja_JP.UTF-8"})
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{bad}:14:26: bad-type will.requested_partnership: true か false（はい・いいえ）を"
        "書いてください（または unknown）。'maybe' と読まれました",
        f"{bad}:15:3: unknown-field 'top_comitment' という項目はありません（will の中）。"
        "'top_commitment' のことでしょうか",
        f"{bad}: 問題 2件（プロファイル）",
        "1ファイルを確認、問題のあるファイル 1",
    ]
    english = run_cli("validate", str(bad), "--lang", "en", env={"LANG": "ja_JP.UTF-8"})
    assert "unknown field 'top_comitment' in will: did you mean 'top_commitment'?" in english.stdout


def test_a_near_miss_lists_the_values_in_japanese(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(_ISSUE.replace("top_commitment: 市長", "top_commitment: 知事"), "utf-8")
    result = run_cli("validate", str(bad), "--lang", "ja")
    assert (
        "will.top_commitment: '知事' は使えません。使える値は 'mayor'、'deputy_mayor'、"
        "'department_head'、'section_head'、'none'（または unknown）。日本語では 市長、町長、"
    ) in result.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_ISSUE.replace("will:", "will:\n\twhat: x"), "5:1: yaml-syntax ここにタブがあります"),
        (_ISSUE + "as_of: 2024-04-01\n",
         "duplicate-key 項目 'as_of' が2回あります（2行目と14行目）"),
        (_ISSUE.replace('"042021"', '"042022"'),
         "コード 042022 の検査数字が合いません（最後の桁は 1 のはずです）"),
        (_ISSUE.replace("name: 石巻市,", "name: 仙台市,"),
         "コード 042021 は石巻市（宮城県）で、仙台市ではありません"),
        (_ISSUE.replace("創業支援", "創業"),
         "制度 '創業' はカタログにありません。カタログにない制度は、根拠法（law）か備考（note）を"
         "書けば実績として数えます"),
        (_ISSUE.replace("name: 石巻商工会議所", "name: 未定"),
         "'未定' は仮の記入で、事実を書いたものとして扱われてしまいます"),
        ("", "empty-file 空です"),
    ],
    ids=["tab", "duplicate", "check digit", "name", "programme", "placeholder", "empty"],
)  # fmt: skip
def test_file_problems_in_japanese(
    run_cli: RunCli, tmp_path: Path, text: str, expected: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(bad), "--lang", "ja")
    assert result.exit_code == 2
    assert expected in result.stdout


def test_a_shift_jis_file_is_explained_in_japanese(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "sjis.yaml"
    bad.write_bytes(_ISSUE.encode("cp932"))
    result = run_cli("assess", str(bad), "--lang", "ja")
    assert (result.exit_code, result.stderr) == (
        2,
        f"{bad}:2: bad-encoding UTF-8 ではありません。Shift_JIS（CP932）のようです（日本語版 "
        "Windows の Excel やメモ帳の既定）。UTF-8 で保存し直すか、--encoding cp932 を"
        "付けてください\n",
    )


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_editors_accept_the_japanese_twin(path: Path) -> None:
    """The JSON Schema lists the Japanese words, so an editor does not flag them."""
    import jsonschema
    import yaml

    from readiness.criteria.json_schemas import schema

    data = yaml.safe_load(japanese_twin(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, schema("profile"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["explain", "will.laed"], "will.laed: unknown-criterion この id の評価項目は同梱の"
         "評価基準にありません。will.lead、will.team、will.staff のことでしょうか"),
        (["assess", str(EXAMPLES / "koshi.yaml"), "-c", "tohoku-2099"],
         "tohoku-2099: unknown-criteria 同梱の評価基準のid、ファイル、REV:path のいずれでも"
         "ありません。'tohoku-2019' のことでしょうか。同梱のid: "),
        (["assess", "/no/such.yaml"], "/no/such.yaml: file-not-found ファイルがありません"),
    ],
    ids=["criterion", "criteria", "file"],
)  # fmt: skip
def test_command_errors_in_japanese(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli(*args, "--lang", "ja")
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
