"""Untrusted text (profile file names, criteria labels) never reaches a batch report raw."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.textsafe import safe, safe_line
from tests.conftest import EXAMPLES, ROOT, RunCli

HOSTILE = '=HYPERLINK("http://evil")|<b>&amp;\x1b[31m\u202e\x85*x*\nline'
"""A formula, Markdown and HTML, an entity, an escape sequence, a bidi override, a C1 control."""
RAW = ("\x1b", "\u202e", "\x85")


def _relabel(node: Any) -> None:
    """Every label and recommendation in a criteria tree becomes HOSTILE, in both languages."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("label", "recommendation") and isinstance(value, dict):
                node[key] = {"ja": HOSTILE + " 日本語", "en": HOSTILE}
            else:
                _relabel(value)
    elif isinstance(node, list):
        for item in node:
            _relabel(item)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """A criteria file whose labels are HOSTILE, and a folder with a profile named like it."""
    data = yaml.safe_load((ROOT / "criteria" / "kyushu-2019.yaml").read_text(encoding="utf-8"))
    _relabel(data)
    data.pop("tests", None)
    criteria = tmp_path / "hostile.yaml"
    criteria.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    towns = tmp_path / "towns"
    towns.mkdir()
    shutil.copy(EXAMPLES / "koshi.yaml", towns / "=1+1|<b>\x1b[31m\u202e.yaml")
    return criteria, towns


def run_batch(run_cli: RunCli, hostile: tuple[Path, Path], fmt: str, out: Path) -> str:
    criteria, towns = hostile
    result = run_cli(
        "batch", str(towns), "--criteria", str(criteria), "--fail-under", "100",
        "--lang", "en", "-o", f"{fmt}={out}",
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    return out.read_text(encoding="utf-8-sig")


def test_csv_cells_are_escaped_and_never_formulas(
    run_cli: RunCli, hostile: tuple[Path, Path], tmp_path: Path
) -> None:
    text = run_batch(run_cli, hostile, "csv", tmp_path / "out.csv")
    assert not any(c in text for c in RAW)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    assert rows[0]["first_gap_label"] == "'" + safe(HOSTILE)
    assert rows[0]["profile"] == safe(f"{hostile[1]}/=1+1|<b>\x1b[31m\u202e.yaml")
    for row in rows:
        assert re.fullmatch(r'="[0-9]{6}"', row.pop("code"))  # the one formula: digits only
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())


def test_markdown_escapes_every_cell_and_heading(
    run_cli: RunCli, hostile: tuple[Path, Path], tmp_path: Path
) -> None:
    text = run_batch(run_cli, hostile, "markdown", tmp_path / "out.md")
    assert not any(c in text for c in RAW)
    escaped = r'=HYPERLINK("http://evil")\|\<b\>\&amp;\\x1b\[31m\\u202e\\x85\*x\* line'
    assert escaped in text
    for line in text.splitlines():
        unescaped = line.replace("\\\\", "").replace("\\<", "").replace("\\>", "")
        assert "<" not in unescaped, line
        assert ">" not in unescaped, line
        assert "&" not in line.replace("\\&", ""), line
        if line.startswith("| "):  # a table row: eight cells, every other pipe escaped
            assert line.replace("\\|", "").count("|") == 9, line
    assert "### 1. " in text
    (heading,) = [line for line in text.splitlines() if line.startswith("### 1. ")]
    assert heading.endswith(f", {escaped})")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_reports_escape_unsafe_characters_and_keep_the_values(
    run_cli: RunCli, hostile: tuple[Path, Path], tmp_path: Path, fmt: str
) -> None:
    text = run_batch(run_cli, hostile, fmt, tmp_path / f"out.{fmt}")
    assert not any(c in text for c in RAW)
    assert "\\u001b[31m\\u202e\\u0085" in text
    assert json.dumps(HOSTILE, ensure_ascii=False)[1:-1] not in text
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            strings.append(node)

    walk(json.loads(text))
    assert any(HOSTILE in s for s in strings)


def test_the_table_and_summary_show_escapes_not_control_characters(
    run_cli: RunCli, hostile: tuple[Path, Path]
) -> None:
    criteria, towns = hostile
    result = run_cli("batch", str(towns), "--criteria", str(criteria), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert not any(c in result.stdout for c in RAW)
    label = safe_line(HOSTILE)
    lines = result.stdout.splitlines()
    assert lines[2].endswith(label)  # the first gap, whole when piped
    assert f"  kyushu-2019 · {label}: 1" in lines
