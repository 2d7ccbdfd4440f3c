"""Every problem the core reports has a Japanese message, and real commands print it.

The first test reads the source: each ``ReadinessError.single(...)`` passes ``ja=``, each
``Diagnostic(...)`` its sixth field (``message_ja``) and each ``Problem(...)`` its fourth.  A
new message written in English only fails here (the checker is itself tested on snippets).
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import readiness
from readiness.cli.app import app

SRC = Path(readiness.__file__).parent
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Positional arguments up to and including the Japanese message, and its keyword name.
_NEEDS = {"Diagnostic": (6, "message_ja"), "Problem": (4, "message_ja")}


def english_only(source: str) -> list[int]:
    """Lines where a problem is made without its Japanese message."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        keywords = {k.arg for k in node.keywords}
        starred = any(isinstance(a, ast.Starred) for a in node.args) or None in keywords
        if name.endswith("ReadinessError.single"):
            if "ja" not in keywords and not starred:
                found.append(node.lineno)
        elif name in _NEEDS:
            count, keyword = _NEEDS[name]
            if len(node.args) < count and keyword not in keywords and not starred:
                found.append(node.lineno)
    return found


@pytest.mark.parametrize(
    ("snippet", "flagged"),
    [
        ('ReadinessError.single("f", "code", "message")', [1]),
        ('ReadinessError.single("f", "code", "message", ja="日本語")', []),
        ('Diagnostic("f", 1, 2, "code", "message")', [1]),
        ('Diagnostic("f", 1, 2, "code", "message", "日本語")', []),
        ('Diagnostic("f", 1, 2, "code", "message", message_ja=ja)', []),
        ("Diagnostic(*row)", []),
        ('x = 1\nProblem(("a",), "code", "message")', [2]),
        ('Problem(("a",), "code", "message", "日本語")', []),
    ],
)
def test_the_checker_finds_english_only_problems(snippet: str, flagged: list[int]) -> None:
    assert english_only(snippet) == flagged


def test_every_problem_is_made_with_japanese() -> None:
    missing = [
        f"{path.relative_to(SRC.parent)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        for line in english_only(path.read_text(encoding="utf-8"))
    ]
    assert missing == []


@pytest.fixture
def ja_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for var in ("READINESS_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    return {"LANG": "ja_JP.UTF-8", "READINESS_LANG": "", "LC_ALL": "", "LC_MESSAGES": ""}


def _run(args: list[str], env: dict[str, str], tmp_path: Path) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(tmp_path)  # no config file from the repository
    try:
        result = CliRunner().invoke(app, args, env=env)
    finally:
        os.chdir(cwd)
    return result.exit_code, result.output


def _files(tmp_path: Path) -> dict[str, Path]:
    crit = tmp_path / "crit.yaml"
    text = (SRC / "data" / "criteria" / "common-conditions.yaml").read_text(encoding="utf-8")
    last = "  - {id: not-yet, label: {ja: 準備段階, en: Not yet}, min: 0}"
    assert last in text
    crit.write_text(
        text.replace(last, f"{last}\n  - {{id: ready, label: {{ja: 再, en: again}}, min: 5}}"),
        encoding="utf-8",
    )
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- a\n", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    return {"crit": crit}


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["validate", "empty.yaml"], 2, "empty.yaml: empty-file 空です"),
        (["validate", "list.yaml"], 2, "list.yaml:1:1: not-a-mapping 最上位がリストです"),
        (
            ["validate", "dir"],
            2,
            "dir: no-yaml-files .yaml・.yml のファイルが1つもないフォルダです",
        ),
        (["assess", "dir"], 2, "dir: not-a-file フォルダです。YAML ファイルを指定してください"),
        (["validate", "--encoding", "nope", "empty.yaml"], 2, "文字コード 'nope' は知りません"),
        (
            ["batch", "-o", "junit", "empty.yaml"],
            2,
            "--output: bad-output 'junit': 形式=パス の形で",
        ),
        (
            ["batch", "-o", "nope=x", "empty.yaml"],
            2,
            "--output: bad-output 報告の形式 'nope' はありません",
        ),
        (["batch", "-o", "html=-", "empty.yaml"], 2, "html は標準出力（-）に書けません"),
        (["batch", "--shard", "3/2", "empty.yaml"], 2, "--shard: bad-shard '3/2': K/N"),
        (
            ["batch", "--merge", "--shard", "1/2", "x.json"],
            2,
            "--shard と --merge は一緒に使えません",
        ),
        (
            ["diff", "a", "b", "--fail-on", "band-change"],
            2,
            "--fail-on: usage --profiles が必要です",
        ),
        (["import"], 2, "候補リストと -o DIR"),
    ],
)
def test_real_commands_speak_japanese_under_a_japanese_locale(
    ja_env: dict[str, str], tmp_path: Path, args: list[str], code: int, expected: str
) -> None:
    _files(tmp_path)
    exit_code, err = _run(args, ja_env, tmp_path)
    assert expected in err
    assert exit_code == code


def test_criteria_lint_speaks_japanese(ja_env: dict[str, str], tmp_path: Path) -> None:
    files = _files(tmp_path)
    exit_code, err = _run(["validate", str(files["crit"])], ja_env, tmp_path)
    assert exit_code == 2
    lines = [line for line in err.splitlines() if "bad-bands" in line or "duplicate-id" in line]
    assert lines
    assert all(_JAPANESE.search(line.split(" ", 2)[2]) for line in lines)


def test_verify_speaks_japanese(ja_env: dict[str, str], tmp_path: Path) -> None:
    exit_code, out = _run(["verify", "kyushu-2019"], ja_env, tmp_path)
    assert exit_code == 0
    lines = out.splitlines()
    assert lines[0] == "kyushu-2019 (同梱)"
    assert re.fullmatch(r"  PASS  .+: 総合点 \d+\.\d、判定 .+（[a-z-]+）、不足点 \d+件", lines[1])
    assert re.fullmatch(r"成功 \d+、失敗 0、エラー 0、スキップ 0（評価基準ファイル 1）", lines[-1])


def test_verify_failures_in_japanese(ja_env: dict[str, str], tmp_path: Path) -> None:
    text = (SRC / "data" / "criteria" / "common-conditions.yaml").read_text(encoding="utf-8")
    case = "  - {name: strong town, profile: tests/okinawa-common/strong.yaml, band: ready}"
    assert case in text
    crit = tmp_path / "c.yaml"
    crit.write_text(
        text.replace(case, case.replace("band: ready", "band: nope")).replace(
            "tests/okinawa-common", str(SRC / "data" / "criteria" / "tests" / "okinawa-common")
        ),
        encoding="utf-8",
    )
    exit_code, out = _run(["verify", str(crit)], ja_env, tmp_path)
    assert "ERROR strong town: 期待する結果の書き方に誤り" in out
    assert (
        "'nope' は common-conditions の判定にありません。"
        "ready, promising, not-yet から選んでください" in out
    )
    assert exit_code == 2


def test_japanese_report_names_unevidenced_criteria_by_label(
    ja_env: dict[str, str], tmp_path: Path
) -> None:
    from readiness.criteria.bundled import bundled

    example = SRC.parent.parent / "examples" / "ishinomaki.yaml"
    exit_code, out = _run(["assess", str(example)], {**ja_env, "COLUMNS": "400"}, tmp_path)
    assert exit_code == 0
    line = next(x for x in out.splitlines() if x.startswith("出典の引用がない充足項目: "))
    names = line.split(": ", 1)[1].split("、")
    labels = {c.label.ja: c.id for _, c in bundled("tohoku-2022").all_criteria()}
    assert len(names) > 1
    assert set(names) <= set(labels)


def test_gate_failures_in_japanese(ja_env: dict[str, str], tmp_path: Path) -> None:
    example = str(SRC.parent.parent / "examples" / "koshi.yaml")
    args = ["assess", example, "-q", "--fail-under", "99", "--require-band", "ready"]
    exit_code, out = _run([*args, "--min-evidence", "90"], ja_env, tmp_path)
    assert exit_code == 1
    assert out.splitlines() == [
        "readiness: 出典で裏づけられた点の割合 39% が --min-evidence 90 に届きません",
        "readiness: 総合点 77.0 が --fail-under 99 に届きません",
        "readiness: 判定 'promising' が --require-band ready より下です",
    ]


@pytest.mark.parametrize(
    "failure",
    [
        "evidence coverage 5% is below --min-evidence 50",
        "score 12.5 is below --fail-under 60",
        "band 'not-yet' is below --require-band ready",
    ],
)
def test_every_gate_failure_shape_has_japanese(failure: str) -> None:
    from readiness.scoring.thresholds import failure_text

    assert failure_text(failure, "en") == failure
    assert _JAPANESE.search(failure_text(failure, "ja"))


@pytest.mark.parametrize(
    ("old", "new", "japanese"),
    [
        ("{kind: present, field: will.lead_department}",
         "{kind: present, field: will.lead_departmen}",
         "will に項目 'lead_departmen' はありません。'will.lead_department' のことですか"),
        ("{kind: is_true, field: will.requested_partnership}",
         "{kind: is_true, field: will.contact}",
         "項目 'will.contact' ははい／いいえの項目ではありません"),
        ("values: [mayor, deputy_mayor]", "values: [mayor, king]",
         "値 'king' は 'will.top_commitment' に取れません。次から選んでください: "),
    ],
)  # fmt: skip
def test_check_field_problems_in_japanese(
    ja_env: dict[str, str], tmp_path: Path, old: str, new: str, japanese: str
) -> None:
    text = (SRC / "data" / "criteria" / "common-conditions.yaml").read_text(encoding="utf-8")
    assert old in text
    crit = tmp_path / "c.yaml"
    crit.write_text(text.replace(old, new, 1), encoding="utf-8")
    exit_code, out = _run(["validate", str(crit)], ja_env, tmp_path)
    assert exit_code == 2
    assert japanese in out
    assert "bad-check" in out
