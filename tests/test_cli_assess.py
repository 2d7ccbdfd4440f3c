"""`readiness assess` end to end: exit codes, messages, JSON shape, the Japanese report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len

from readiness.criteria.bundled import bundled_criteria
from readiness.criteria.paths import bundled_ids as _bundled_ids
from tests.conftest import EXAMPLES, ROOT, RunCli

BUNDLED_IDS = ", ".join(_bundled_ids())

KOSHI = str(EXAMPLES / "koshi.yaml")
ISHINOMAKI = str(EXAMPLES / "ishinomaki.yaml")
NO_PARTNERS = str(EXAMPLES / "fictional-no-partners.yaml")

EXIT_CODES = [
    ([ISHINOMAKI], 0),
    ([KOSHI, "--criteria", "kyushu-2019"], 0),
    ([ISHINOMAKI, "--criteria", str(ROOT / "criteria" / "tohoku-2022.yaml")], 0),
    ([ISHINOMAKI, "--fail-under", "81"], 0),
    ([ISHINOMAKI, "--fail-under", "90"], 1),
    ([ISHINOMAKI, "--fail-under", "150"], 2),
    ([ISHINOMAKI, "--fail-under", "-1"], 2),
    ([ISHINOMAKI, "--require-band", "promising"], 0),
    ([ISHINOMAKI, "--require-band", "ready"], 1),  # 19% evidenced; the top band asks 50%
    ([NO_PARTNERS, "--require-band", "promising"], 0),
    ([NO_PARTNERS, "--require-band", "ready"], 1),
    ([NO_PARTNERS, "--require-band", "excellent"], 2),
    ([ISHINOMAKI, "--criteria", "tohoku-1999"], 2),
    ([ISHINOMAKI, "--format", "xml"], 2),
    (["missing.yaml"], 2),
    ([], 2),
]


@pytest.mark.parametrize(("args", "code"), EXIT_CODES)
def test_exit_codes(run_cli: RunCli, args: list[str], code: int) -> None:
    assert run_cli("assess", *args).exit_code == code


def test_threshold_failure_says_why(run_cli: RunCli) -> None:
    result = run_cli("assess", NO_PARTNERS, "--require-band", "ready", "--fail-under", "90")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "readiness: score 80.0 is below --fail-under 90",
        "readiness: band 'promising' is below --require-band ready",
    ]


def test_unknown_band_lists_the_bands(run_cli: RunCli) -> None:
    result = run_cli("assess", NO_PARTNERS, "--require-band", "excellent")
    assert result.stderr == (
        "--require-band: unknown-band 'excellent' is not a band of tohoku-2022; "
        "choose from ready, promising, not-yet\n"
    )


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "town.yaml"
    path.write_text(text, "utf-8")
    return str(path)


BAD_INPUT = [
    ("missing file", None, "{path}: file-not-found no such file\n"),
    (
        "yaml syntax",
        "schema_version: 1\nmunicipality: [1\n",
        "{path}:3:1: yaml-syntax invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence)\n",
    ),
    (
        "misspelt field",
        (EXAMPLES / "ishinomaki.yaml").read_text("utf-8").replace("partners:", "parters:"),
        "{path}:86:1: unknown-field unknown field 'parters': did you mean 'partners'?\n",
    ),
    (
        "unquoted code",
        "schema_version: 1\nas_of: 2024-04-01\n"
        "municipality: {name: 石巻市, code: 042021, prefecture: 宮城県}\n",
        "{path}:3:33: bad-type municipality.code: expected text, but YAML reads '042021' as "
        "the number 17425 (a leading 0 makes it octal): put it in quotes, '042021'\n",
    ),
    (
        "wrong check digit",
        "schema_version: 1\nas_of: 2024-04-01\n"
        "municipality: {name: 石巻市, code: '042022', prefecture: 宮城県}\n",
        "{path}:3:33: bad-code code 042022 fails its check digit (the last digit should be 1)\n",
    ),
    (
        "name does not match code",
        "schema_version: 1\nas_of: 2024-04-01\n"
        "municipality: {name: 合志市, code: '042021', prefecture: 宮城県}\n",
        "{path}:3:22: name-mismatch code 042021 is 石巻市 (宮城県), not 合志市\n",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_is_one_clear_line_and_exit_2(
    run_cli: RunCli, tmp_path: Path, text: str | None, expected: str
) -> None:
    path = str(tmp_path / "missing.yaml") if text is None else _write(tmp_path, text)
    result = run_cli("assess", path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == expected.format(path=path)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_json_output_matches_its_schema(run_cli: RunCli, example: Path) -> None:
    result = run_cli("assess", str(example), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas" / "assessment.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert (data["format"], data["version"]) == ("readiness.assessment", 1)
    assert result.stdout == run_cli("assess", str(example), "--format", "json").stdout


def test_json_gaps_are_ranked_and_located(run_cli: RunCli) -> None:
    data = json.loads(run_cli("assess", NO_PARTNERS, "--format", "json").stdout)
    assert [(g["id"], g["adds"]) for g in data["gaps"]] == [
        ("partners.named-type", 6.67),
        ("partners.in-initiative", 6.67),
        ("partners.committed", 4.44),
        ("partners.breadth", 2.22),
    ]
    assert data["gaps"][0]["where"] == [{"path": ["partners"], "text": "0 of 1 needed"}]
    assert data["next_band"] == {
        "band": {"id": "ready", "label": {"ja": "連携準備が整っている", "en": "Ready"}, "min": 70},
        "points_needed": 0,
        "gaps": ["partners.named-type", "partners.in-initiative"],
        "gates": ["partners"],
        "reachable": True,
        "min_evidence": 0.5,
    }


def test_japanese_report_aligns_in_80_columns(run_cli: RunCli) -> None:
    result = run_cli("assess", KOSHI, "--lang", "ja")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "合志市  432164 · 時点 2019-11-05",
        "九州経済産業局 · 評価基準: kyushu-2019",
    ]
    assert "総合点 77.0 / 100   判定: 有望   (足切りの達成が未確認の条件あり)" in lines
    assert "うち本プロジェクトの解釈に基づく点数: 45.4 / 77.0" in lines
    assert "  ①組織としての意思と協働：未確認：5件の事実が不明" in lines
    assert all(cell_len(line) <= 80 for line in lines)
    table = [line for line in lines if line.startswith((" ①", " ②"))]
    assert table == [
        " ①組織としての意思と協働   7/13 (54%)   ≥50% 未確認   13.5/25.0",
        " ②商工分野の課題の具体化   9/9 (100%)     ≥50% 達成   25.0/25.0",
    ]
    assert "候補テーマ" in lines
    assert "  · ものづくり・中小企業支援施策: 該当する取組なし" in lines


def test_english_report_names_the_gate_and_the_next_band(run_cli: RunCli) -> None:
    result = run_cli("assess", NO_PARTNERS, "--lang", "en")
    out = result.stdout
    assert out.splitlines()[:3] == [
        "Minato (みなと町)  049981 · as of 2024-04-01",
        "[fictional town (example)]",
        "Tohoku Bureau of Economy, Trade and Industry · Criteria: tohoku-2022",
    ]
    assert "Score 80.0 / 100   Band: Promising   (a gate failed)" in out
    assert (
        " 3. Local partners drawn in                  0/9 (0%)   ≥50% failed    0.0/20.0\n" in out
    )
    # A gate and evidence are missing: the report names them and asks for no points (not "0.0").
    assert (
        "To reach the next band (Ready): gates to pass: 3. Local partners drawn in;\n"
        "  evidence coverage ≥ 50%\n" in out
    )
    assert "points needed" not in out
    assert all(cell_len(line) <= 80 for line in out.splitlines())


def test_lang_defaults_from_the_locale(run_cli: RunCli) -> None:
    ja = run_cli("assess", KOSHI, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ja_JP.UTF-8"})
    en = run_cli("assess", KOSHI, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"})
    assert "総合点" in ja.stdout
    assert "Score" in en.stdout


def test_no_color_when_piped() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "assess", ISHINOMAKI],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout


# Only the top level: `assess --help` loads pydantic through typer's own parameter coercion.
@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_import_neither_pydantic_nor_criteria(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from readiness.cli.app import app\n"
        "try:\n"
        f"    app({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in sys.modules if m.startswith(('pydantic', 'yaml'))]\n"
        "loaded += [m for m in sys.modules if m.startswith('readiness.criteria.bundled')]\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.splitlines()[-1] == "LOADED []"


def test_version(run_cli: RunCli) -> None:
    from readiness import __version__

    result = run_cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"readiness {__version__}\n")


def test_criteria_list(run_cli: RunCli) -> None:
    result = run_cli("criteria", "list", "--as-of", "2020-01-01", "--lang", "en")
    assert result.exit_code == 0
    rows = {
        line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[3:] if line.strip()
    }
    assert {c.id for c in bundled_criteria()} <= set(rows)
    assert rows["kyushu-2019"][:6] == ["*", "Kyushu", "2019-09-25", "–", "2021-06-30", "current"]
    assert rows["kyushu-2019"][6].startswith("九州経済産業")  # the source, wrapped to fit
    ja = run_cli("criteria", "list", "--lang", "ja", "--as-of", "2023-01-01").stdout
    assert ja.splitlines()[1].split() == ["評価基準ID", "経産局", "期間", "状態", "出典"]
    assert "九州     2019-09-25 – 2021-06-30   期間終了" in ja
    assert ja.rstrip().endswith(
        "状態は2023-01-01時点。* は各局の自治体に使う評価基準（現行がなければ最新）"
    )
    assert rows["tohoku-2022"][:5] == ["Tohoku", "2022-04-01", "–", "2025-03-31", "future"]


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("Tohoku-2022", "Tohoku-2022: unknown-criteria not a bundled id, a file or REV:path; "
         f"did you mean 'tohoku-2022'? bundled ids: {BUNDLED_IDS}\n"),
        ("tohoku-2022.yaml", "tohoku-2022.yaml: file-not-found no such file; did you mean the "
         "bundled set 'tohoku-2022'?\n"),
    ],
)  # fmt: skip
def test_near_miss_criteria_names(run_cli: RunCli, ref: str, expected: str) -> None:
    result = run_cli("assess", ISHINOMAKI, "--criteria", ref)
    assert (result.exit_code, result.stderr) == (2, expected)
