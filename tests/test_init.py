"""``readiness init``: templates pre-filled from the municipality list, that load and assess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from readiness.criteria.bundled import bundled, current_for_bureau
from readiness.profile.loading import load_profile
from readiness.scoring.scorer import assess
from tests.conftest import RunCli

REAL_TOWNS = [
    ("042021", "石巻市", "宮城県", "tohoku", "いしのまきし"),
    ("432164", "合志市", "熊本県", "kyushu", "こうしし"),
    ("011002", "札幌市", "北海道", "hokkaido", "さっぽろし"),
    ("041017", "仙台市 青葉区", "宮城県", "tohoku", "せんだいし あおばく"),
    ("132063", "府中市", "東京都", "kanto", "ふちゅうし"),
    ("472018", "那覇市", "沖縄県", "okinawa", "なはし"),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("town", REAL_TOWNS, ids=[t[0] for t in REAL_TOWNS])
def test_templates_for_real_codes_load_and_assess(
    run_cli: RunCli, tmp_path: Path, lang: str, town: tuple[str, str, str, str, str]
) -> None:
    code, name, prefecture, bureau, kana = town
    out = tmp_path / "town.yaml"
    result = run_cli(
        "init", "--code", code, "--lang", lang, "-o", str(out), "--as-of", "2025-04-01"
    )
    assert result.exit_code == 0
    wrote = {
        "ja": f"readiness: {out} に{name}（{prefecture}、{code}）のプロファイルを書きました",
        "en": f"readiness: wrote {out} for {name} ({prefecture}, {code})",
    }
    assert result.stderr.splitlines()[0] == wrote[lang]
    text = out.read_text("utf-8")
    assert f'  name: "{name}"  # {kana}\n' in text
    profile = load_profile(out)
    m = profile.municipality
    assert (m.name, m.code, m.prefecture, m.bureau) == (name, code, prefecture, bureau)
    assert str(profile.as_of) == "2025-04-01"
    criteria = current_for_bureau(bureau, profile.as_of) or bundled("tohoku-2022")
    result_ = assess(criteria, profile)
    assert result_.score == 0
    assert {c.status for c in result_.criteria} == {"unknown"}  # to find out, not missing
    # every fact the template leaves open is unknown, not a "no"
    data = yaml.safe_load(text)
    assert set(data["will"].values()) == {"unknown"}
    assert (data["issues"], data["initiatives"], data["partners"]) == ("unknown",) * 3


def test_a_template_assesses_from_the_cli(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "koshi.yaml"
    assert run_cli("init", "--name", "合志市", "-o", str(out)).exit_code == 0
    result = run_cli("assess", str(out), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    current = current_for_bureau("kyushu")
    assert current is not None
    assert (report["criteria"]["id"], report["score"]) == (current.id, 0.0)
    assert report["band"]["id"] == current.bands[-1].id


def test_stdout_when_no_file_is_given_and_comments_follow_the_language(run_cli: RunCli) -> None:
    ja = run_cli("init", "--code", "042021", "--lang", "ja", "--as-of", "2025-04-01")
    en = run_cli("init", "--code", "042021", "--lang", "en", "--as-of", "2025-04-01")
    assert ja.exit_code == en.exit_code == 0
    assert ja.stdout.startswith("# 石巻市（宮城県）の自治体プロファイル（readiness init で作成）\n")
    assert en.stdout.startswith("# Profile of 石巻市 (宮城県), made by readiness init.\n")
    assert "  bureau: tohoku  # 東北経済産業局\n" in ja.stdout
    assert "  bureau: tohoku  # Tohoku Bureau of Economy, Trade and Industry\n" in en.stdout
    assert yaml.safe_load(ja.stdout) == yaml.safe_load(en.stdout)


def test_language_defaults_from_the_locale(run_cli: RunCli) -> None:
    result = run_cli("init", "--code", "042021", env={"LC_ALL": "", "LANG": "ja_JP.UTF-8"})
    assert result.stdout.startswith("# 石巻市（宮城県）")
    result = run_cli("init", "--code", "042021", env={"LC_ALL": "C", "LANG": "ja_JP.UTF-8"})
    assert result.stdout.startswith("# Profile of 石巻市")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--name", "府中市"],
            "--name: ambiguous-name 府中市 is the name of 2 municipalities; choose one with "
            "--code: 132063 府中市 (東京都); 342084 府中市 (広島県)",
        ),
        (
            ["--name", "いしのまぎ"],
            "--name: unknown-name no municipality named いしのまぎ in the list; nearest: "
            "石巻市 (宮城県); 信濃町 (長野県); 糸島市 (福岡県); いの町 (高知県)",
        ),
        (
            ["--name", "Ishinomakki"],
            "--name: unknown-name no municipality named Ishinomakki in the list",
        ),
        (
            ["--code", "042022"],
            "--code: bad-code '042022' is not a local government code (6 digits with a check "
            "digit, e.g. 042021, or the first 5); with the right check digit it would be 042021",
        ),
        (
            ["--code", "049999"],
            "--code: unknown-code code 049999 is not in the municipality list",
        ),
        (
            ["--code", "11100"],
            "--code: ambiguous-code 11100 may be read as 2 codes; give all 6 digits: "
            "111007 さいたま市 (埼玉県); 011100 札幌市 清田区 (北海道)",
        ),
        (
            ["--code", "042021", "--name", "石巻市"],
            "init: usage give exactly one of --code or --name",
        ),
        ([], "init: usage give exactly one of --code or --name"),
    ],
    ids=[
        "ambiguous",
        "nearest",
        "no match",
        "check digit",
        "not listed",
        "ambiguous code",
        "both",
        "neither",
    ],
)
def test_bad_choices_are_explained(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli("init", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


NEXT_JA = (
    "評価基準: tohoku-2022（東北経済産業局）、2023-01-01時点で現行。\n次に実行:\n"
    "  readiness criteria show tohoku-2022  # 評価の内容を見る\n"
    "  readiness validate FILE  # 事実を記入してから確かめる\n"
    "  readiness assess FILE  # 点数・判定・不足点\n"
)


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (["--name", "いしのまきし"], ""),
        (["--name", "イシノマキ"], ""),
        (["--name", "ｲｼﾉﾏｷｼ"], ""),
        (["--name", "ishinomaki"], ""),
        (["--name", "Ishinomaki-shi"], ""),
        (["--name", "石巻"], ""),
        (["--name", "宮城県いしのまき"], ""),
        (["--code", "04202"], "readiness: 04202 → 042021 石巻市（検査数字を補いました）\n"),
        (["--code", "42021"], "readiness: 42021 → 042021 石巻市（先頭の0を補いました）\n"),
        (["--code", "4202"], "readiness: 4202 → 042021 石巻市（先頭の0と検査数字を補いました）\n"),
        (["--code", "０４２０２１"], ""),
    ],
)
def test_towns_as_people_type_them(run_cli: RunCli, args: list[str], note: str) -> None:
    result = run_cli("init", *args, "--lang", "ja", "--as-of", "2023-01-01")
    assert (result.exit_code, result.stderr) == (0, note + NEXT_JA)
    assert '  code: "042021"' in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--name", "府中市"],
            "--name: ambiguous-name 府中市 という自治体は2つあります。--code で選んでください: "
            "132063 府中市 (東京都); 342084 府中市 (広島県)",
        ),
        (
            ["--code", "042022"],
            "--code: bad-code '042022' は地方公共団体コードではありません（検査数字を含む6桁、"
            "例 042021、または先頭の5桁）。検査数字を正しくすると 042021 です",
        ),
        ([], "init: usage --code と --name のどちらか一方を指定してください"),
    ],
)
def test_refusals_in_japanese(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli("init", *args, "--lang", "ja")
    assert (result.exit_code, result.stderr) == (2, message + "\n")
    result = run_cli("init", *args, env={"LC_ALL": "", "LANG": "ja_JP.UTF-8"})
    assert (result.exit_code, result.stderr) == (2, message + "\n")


def test_a_name_with_its_prefecture_is_not_ambiguous(run_cli: RunCli) -> None:
    result = run_cli("init", "--name", "広島県府中市")
    assert result.exit_code == 0
    assert '  code: "342084"' in result.stdout


def test_never_overwrites_without_force(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "town.yaml"
    out.write_text("my work\n", "utf-8")
    result = run_cli("init", "--code", "042021", "-o", str(out))
    assert (result.exit_code, result.stderr) == (
        2,
        f"{out}: file-exists the file already exists; pass --force to replace it\n",
    )
    assert out.read_text("utf-8") == "my work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["town.yaml"]  # no temporary left
    result = run_cli("init", "--code", "042021", "-o", str(out), "--force")
    assert result.exit_code == 0
    assert load_profile(out).municipality.code == "042021"


def test_a_missing_folder_is_bad_input(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "no" / "town.yaml"
    result = run_cli("init", "--code", "042021", "-o", str(out))
    assert (result.exit_code, result.stderr) == (
        2,
        f"{out}: bad-output the folder does not exist\n",
    )


def test_a_dash_is_standard_output(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("init", "--code", "042021", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Profile of 石巻市 (宮城県)")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Scored under tohoku-2022 (Tohoku Bureau of Economy, Trade and Industry), current "
            "on 2023-01-01.\nNext:\n"
            "  readiness criteria show tohoku-2022  # what the town is judged on\n"
            "  readiness validate FILE  # check it once facts are filled in\n"
            "  readiness assess FILE  # score, band and gaps\n",
        ),
        (
            "ja",
            "評価基準: tohoku-2022（東北経済産業局）、2023-01-01時点で現行。\n次に実行:\n"
            "  readiness criteria show tohoku-2022  # 評価の内容を見る\n"
            "  readiness validate FILE  # 事実を記入してから確かめる\n"
            "  readiness assess FILE  # 点数・判定・不足点\n",
        ),
    ],
)
def test_init_says_what_comes_next(run_cli: RunCli, lang: str, expected: str) -> None:
    result = run_cli("init", "--code", "042021", "--lang", lang, "--as-of", "2023-01-01")
    assert result.exit_code == 0
    assert result.stderr == expected


def test_init_names_a_stale_set_and_its_end(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "my town.yaml"
    result = run_cli("init", "--code", "042021", "--lang", "en", "--as-of", "2026-12-02",
                     "-o", str(out))  # fmt: skip
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1:] == [
        "Scored under tohoku-2022 (Tohoku Bureau of Economy, Trade and Industry), ended "
        "2025-03-31: the bureau's newest, may be stale.",
        "Next:",
        "  readiness criteria show tohoku-2022  # what the town is judged on",
        f"  readiness validate '{out}'  # check it once facts are filled in",
        f"  readiness assess '{out}'  # score, band and gaps",
    ]
