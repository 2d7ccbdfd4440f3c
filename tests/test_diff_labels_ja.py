"""A Japanese diff names sections and criteria by their labels, never by a bare id."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from readiness.cli.app import app
from readiness.criteria.bundled import bundled

OLD, NEW = "kyushu-2019", "kyushu-2026"


def _ids() -> set[str]:
    return {
        x.id
        for c in (bundled(OLD), bundled(NEW))
        for x in (*c.sections, *(k for s in c.sections for k in s.criteria))
    }


@pytest.mark.parametrize("output_format", ["rich", "markdown"])
def test_japanese_diff_shows_section_labels(output_format: str) -> None:
    r = CliRunner().invoke(
        app,
        ["diff", OLD, NEW, "--profiles", "examples", "--lang", "ja", "--format", output_format],
        env={"COLUMNS": "200"},
    )
    assert r.exit_code == 0, r.output
    text = r.stdout
    assert "(条件・観点 局の重点（2026）との適合)" in text
    shown = re.findall(r"\(条件・観点 ([^)]*?)\)", text)
    assert shown
    assert not set(shown) & _ids()
    # the towns' movers: labels, joined the Japanese way
    assert "取組が候補テーマに該当する -7.5、局に期待する役割が明確 -2.5" in text
    assert "themes.fit" not in text.split("変化の要因")[-1]


def test_english_diff_keeps_the_ids() -> None:
    r = CliRunner().invoke(
        app, ["diff", OLD, NEW, "--profiles", "examples", "--lang", "en"], env={"COLUMNS": "200"}
    )
    assert r.exit_code == 0, r.output
    assert "(in priorities)" in r.stdout
    assert "themes.fit -7.5, themes.bureau-role -2.5" in r.stdout
