"""`readiness progress OLD NEW`: gaps closed and opened, facts stated, evidence added."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from readiness.scoring.progress import FactChange, facts
from tests.conftest import EXAMPLES, RunCli

NEW = EXAMPLES / "fictional-no-partners.yaml"
EDITS = [
    ("  top_commitment: mayor", "  top_commitment: unknown"),
    ("  staff_fte: 1.5", "  staff_fte: unknown"),
    ("  annual_review: true", "  annual_review: false"),
]
CLOSED = ["will.top-commitment", "will.staff", "will.review"]


def older(path: Path) -> Path:
    text = NEW.read_text(encoding="utf-8")
    for now, before in EDITS:
        assert now in text
        text = text.replace(now, before, 1)
    text = re.sub(r"^sources: .*$", "sources: []", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["rich", "json", "markdown", "html"])
def test_every_format_shows_the_gaps_closed(run_cli: RunCli, tmp_path: Path, fmt: str) -> None:
    old = older(tmp_path / "old.yaml")
    r = run_cli("progress", str(old), str(NEW), "-f", fmt, "--lang", "en")
    assert (r.exit_code, r.stderr) == (0, "")
    for gap in CLOSED:
        assert gap in r.stdout
    assert "Gaps closed (3)" in r.stdout or fmt == "json"
    assert "+9.6" in r.stdout or fmt == "json"


def test_json_shape(run_cli: RunCli, tmp_path: Path) -> None:
    old = older(tmp_path / "old.yaml")
    data = json.loads(run_cli("progress", str(old), str(NEW), "-f", "json").stdout)
    assert (data["format"], data["version"]) == ("readiness.progress", 1)
    assert (data["old"]["score"], data["new"]["score"], data["score_change"]) == (70.4, 80.0, 9.6)
    assert data["band_change"] == 0
    assert [g["id"] for g in data["gaps_closed"]] == CLOSED
    assert sum(g["adds"] for g in data["gaps_closed"]) == pytest.approx(9.6, abs=0.05)
    assert data["gaps_opened"] == []
    assert data["facts_stated"] == [
        {"path": "will.top_commitment", "old": "unknown", "new": "mayor"},
        {"path": "will.staff_fte", "old": "unknown", "new": 1.5},
    ]
    assert data["facts_changed"] == [{"path": "will.annual_review", "old": False, "new": True}]
    assert data["evidence_added"] == [
        {"path": "sources", "value": "架空の例（実在の自治体ではありません）"}
    ]


def test_backwards_the_gaps_open(run_cli: RunCli, tmp_path: Path) -> None:
    old = older(tmp_path / "old.yaml")
    data = json.loads(run_cli("progress", str(NEW), str(old), "-f", "json").stdout)
    assert [g["id"] for g in data["gaps_opened"]] == CLOSED
    assert data["gaps_closed"] == []
    assert data["score_change"] == -9.6


def test_a_profile_against_itself_has_no_progress(run_cli: RunCli) -> None:
    data = json.loads(run_cli("progress", str(NEW), str(NEW), "-f", "json").stdout)
    assert data["score_change"] == 0
    for key in ("gaps_closed", "gaps_opened", "facts_stated", "facts_changed", "evidence_added"):
        assert data[key] == [], key


def test_rev_path_reads_git_history(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    older(tmp_path / "town.yaml")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            check=True, capture_output=True,
        )  # fmt: skip

    git("init", "-q")
    git("add", "town.yaml")
    git("commit", "-q", "-m", "before")
    (tmp_path / "town.yaml").write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")
    r = run_cli("progress", "HEAD:town.yaml", "town.yaml", "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["old"]["profile"] == "HEAD:town.yaml"
    assert [g["id"] for g in data["gaps_closed"]] == CLOSED
    bad = run_cli("progress", "HEAD~5:town.yaml", "town.yaml")
    assert bad.exit_code == 2


def test_two_towns_are_refused(run_cli: RunCli) -> None:
    r = run_cli("progress", str(EXAMPLES / "koshi.yaml"), str(NEW))
    assert r.exit_code == 2
    assert r.stderr == (
        f"{NEW}: other-town is みなと町 (049981), but {EXAMPLES / 'koshi.yaml'} is 合志市 "
        "(432164): progress compares two versions of one town's profile\n"
    )


def test_html_is_self_contained_and_escaped(run_cli: RunCli, tmp_path: Path) -> None:
    old = older(tmp_path / "old.yaml")
    text = NEW.read_text(encoding="utf-8").replace(
        "sources: [架空の例（実在の自治体ではありません）]", 'sources: ["<script>x</script>"]'
    )
    new = tmp_path / "new.yaml"
    new.write_text(text, encoding="utf-8")
    out = tmp_path / "p.html"
    r = run_cli("progress", str(old), str(new), "-f", "html", "-o", str(out), "--lang", "ja")
    assert (r.exit_code, r.stdout) == (0, "")
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "url(" not in html
    assert "解消した不足点 (3)" in html


@pytest.mark.parametrize(
    ("old", "new", "stated", "changed", "evidence"),
    [
        ({"a": "unknown"}, {"a": 1}, [("a", "unknown", 1)], [], []),
        ({}, {"a": {"b": True}}, [("a.b", None, True)], [], []),
        ({"a": 1}, {"a": "unknown"}, [], [("a", 1, "unknown")], []),
        ({"a": [1]}, {"a": [1, 2]}, [], [("a", [1], [1, 2])], []),
        ({"sources": ["x"]}, {"sources": ["x", "y"]}, [], [], [("sources", None, "y")]),
        (
            {"issues": [{"id": "s", "evidence": ["e1"]}]},
            {"issues": [{"id": "s", "evidence": ["e1", "e2"]}]},
            [],
            [
                (
                    "issues",
                    [{"id": "s", "evidence": ["e1"]}],
                    [{"id": "s", "evidence": ["e1", "e2"]}],
                )
            ],
            [("issues[s].evidence", None, "e2")],
        ),
        (
            {"will": {"top_commitment_evidence": None}},
            {"will": {"top_commitment_evidence": "記者会見"}},
            [],
            [],
            [("will.top_commitment_evidence", None, "記者会見")],
        ),
    ],
)
def test_facts(
    old: dict[str, object],
    new: dict[str, object],
    stated: list[tuple[str, object, object]],
    changed: list[tuple[str, object, object]],
    evidence: list[tuple[str, object, object]],
) -> None:
    got = facts(old, new)
    assert got == (
        tuple(FactChange(*x) for x in stated),
        tuple(FactChange(*x) for x in changed),
        tuple(FactChange(*x) for x in evidence),
    )
