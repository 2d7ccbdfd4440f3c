"""`assess --format html`: one self-contained page, everything from a file escaped."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, RunCli

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


class _Page(HTMLParser):
    """Every reference a page could fetch, and the text of elements by id."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: dict[str, str] = {}
        self._open: list[str] = []
        self.vertices = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for k in ("src", "href", "srcset", "data", "action", "poster"):
            if a.get(k):
                self.refs.append(str(a[k]))
        if tag in {"script", "iframe", "object", "embed", "link", "img"}:
            self.refs.append(tag)
        if tag == "circle" and "vertex" in (a.get("class") or ""):
            self.vertices += 1
        if a.get("id"):
            self._open.append(str(a["id"]))
            self.ids[str(a["id"])] = ""

    def handle_data(self, data: str) -> None:
        for i in self._open:
            self.ids[i] += data


def page(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    return p


@pytest.mark.parametrize("profile", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_example_gives_a_self_contained_page(
    run_cli: RunCli, profile: Path, lang: str
) -> None:
    r = run_cli("assess", str(profile), "--format", "html", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    html = r.stdout
    data = json.loads(run_cli("assess", str(profile), "--format", "json").stdout)
    p = page(html)
    assert p.refs == []  # no script, no link, no image: nothing to fetch
    assert "@import" not in html
    assert "url(" not in html
    assert "@font-face" not in html
    assert set(re.findall(r"https?://[^\s\"')<]+", html)) == {"http://www.w3.org/2000/svg"}
    assert f'<html lang="{lang}">' in html
    assert "@page { size: A4" in html
    assert p.vertices == len(data["sections"])
    assert f'data-score="{data["score"]:.1f}"' in html
    assert f'data-band="{data["band"]["id"]}"' in html
    assert html.count('class="gap"') == len(data["gaps"])
    assert html.count("<tr data-section=") == len(data["sections"])


def test_the_page_names_what_the_issue_asks_for(run_cli: RunCli) -> None:
    html = run_cli(
        "assess", str(EXAMPLES / "fictional-no-partners.yaml"), "--format", "html", "--lang", "en"
    ).stdout
    for heading in ("Gaps, largest first", "Plan to the next band", "Cautions"):
        assert f"<h2>{heading}</h2>" in html
    assert 'id="criteria-status" data-current="true">current<' in html
    assert '<ol id="plan">' in html
    # gaps largest first
    adds = [float(x) for x in re.findall(r'<td class="num">\+([0-9.]+)</td>', html)]
    assert adds == sorted(adds, reverse=True)
    assert adds


@pytest.mark.parametrize(
    ("example", "gates", "cell"),
    [
        ("koshi.yaml", 'data-gates="not_yet_shown">A gate is not yet shown<',
         'data-gate="not_yet_shown">≥50% ? not yet shown: 5 facts unknown<'),
        ("fictional-no-partners.yaml", 'data-gates="failed">A gate failed<',
         'data-gate="failed">≥50% ✗<'),
        ("ishinomaki.yaml", 'data-gates="passed">All gates passed<', 'data-gate="passed">≥50% ✓<'),
    ],
)  # fmt: skip
def test_a_gate_not_yet_shown_is_not_a_failed_gate(
    run_cli: RunCli, example: str, gates: str, cell: str
) -> None:
    html = run_cli("assess", str(EXAMPLES / example), "--format", "html", "--lang", "en").stdout
    assert gates in html
    assert cell in html
    assert "Points resting on this project&#39;s readings: " in html


def test_output_file_is_written_and_stdout_stays_empty(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "town.html"
    r = run_cli(
        "assess", str(EXAMPLES / "koshi.yaml"), "--format", "html", "-o", str(out), "--lang", "ja"
    )
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "合志市" in out.read_text(encoding="utf-8")


def test_output_into_a_missing_folder_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "no" / "town.html"
    r = run_cli("assess", str(EXAMPLES / "koshi.yaml"), "--format", "html", "-o", str(out))
    assert r.exit_code == 2
    assert r.stderr == f"{out}: bad-output the folder does not exist\n"


HOSTILE = "<img src=x onerror=alert(1)>"


def test_everything_from_a_file_is_escaped(run_cli: RunCli, tmp_path: Path) -> None:
    text = (EXAMPLES / "fictional-no-partners.yaml").read_text(encoding="utf-8")
    name = re.search(r"^  name: (.*)$", text, re.M)
    assert name
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(
        text.replace(name.group(0), f'  name: "{HOSTILE}\\x1b[31m"', 1), encoding="utf-8"
    )
    r = run_cli("assess", str(hostile), "--format", "html", "--lang", "ja")
    assert r.exit_code == 0, r.stderr
    assert "<img" not in r.stdout
    assert "\x1b" not in r.stdout
    assert "&lt;img src=x onerror=alert(1)&gt;\\x1b[31m" in r.stdout
    assert page(r.stdout).refs == []


def test_same_input_same_bytes(run_cli: RunCli) -> None:
    args = ("assess", str(EXAMPLES / "ishinomaki.yaml"), "--format", "html", "--lang", "ja")
    assert run_cli(*args).stdout == run_cli(*args).stdout


class _Marked(HTMLParser):
    """The evidence lists' entries: (criterion id, data-evidenced, the entry's text)."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[str, str, str]] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "span" and a.get("data-evidenced") is not None:
            self.entries.append((str(a["data-criterion"]), str(a["data-evidenced"]), ""))
            self._open = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            cid, flag, text = self.entries[-1]
            self.entries[-1] = (cid, flag, text + data)


def evidence_entries(html: str) -> list[tuple[str, str, str]]:
    parser = _Marked()
    parser.feed(html)
    return parser.entries


def paragraph(html: str, pid: str) -> str | None:
    found = re.search(rf'<(p|div) [^>]*id="{pid}"[^>]*>(.*?)</\1>', html)
    return unescape(re.sub(r"<[^>]+>", "", found[2])) if found else None


@pytest.mark.parametrize("profile", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ("Evidence from cited sources", "cited source", "no cited source")),
     ("ja", ("出典による裏づけ", "出典あり", "出典の引用なし"))],
)  # fmt: skip
def test_each_criterion_met_says_whether_a_cited_source_backs_it(
    run_cli: RunCli, profile: Path, lang: str, words: tuple[str, str, str]
) -> None:
    heading, yes, no = words
    html = run_cli("assess", str(profile), "--format", "html", "--lang", lang).stdout
    data = json.loads(run_cli("assess", str(profile), "--format", "json").stdout)
    met = [c for c in data["criteria_results"] if c["status"] == "met"]
    backed = [c for c in met if c["evidenced"]]
    unbacked = [c for c in met if not c["evidenced"]]
    assert [(i, e) for i, e, _ in evidence_entries(html)] == [
        *((c["id"], "true") for c in backed),
        *((c["id"], "false") for c in unbacked),
    ]
    for pid, word, group in (("evidenced", yes, backed), ("unevidenced", no, unbacked)):
        shown = paragraph(html, pid)
        assert (shown is None) == (not group)
        if group:
            assert shown is not None
            assert shown.startswith(f"{word}: ")
            assert group[0]["label"][lang] in shown
    assert f"<h2>{heading}</h2>" in html
    coverage = paragraph(html, "evidence-coverage")
    assert coverage is not None
    assert f"{data['evidence_coverage'] * 100:.0f}%" in coverage
    assert coverage.endswith(f" / {data['score']:.1f})")
    readings = paragraph(html, "reading-points")
    assert readings is not None
    assert readings.endswith(f"{data['reading_points']:.1f} / {data['score']:.1f}")


@pytest.mark.parametrize(
    ("lang", "coverage", "plan"),
    [
        ("en", "evidence coverage: 19% (15.8 / 81.5)",
         "Ready: evidence coverage ≥ 50%"),
        ("ja", "出典で裏づけられた点の割合: 19% (15.8 / 81.5)",
         "連携準備が整っている: 出典で裏づけられた点の割合 ≥ 50%"),
    ],
)  # fmt: skip
def test_ishinomaki_shows_its_coverage_and_what_the_top_band_asks(
    run_cli: RunCli, lang: str, coverage: str, plan: str
) -> None:
    args = ("assess", str(EXAMPLES / "ishinomaki.yaml"), "--format", "html", "--lang", lang)
    html = run_cli(*args).stdout
    assert (paragraph(html, "evidence-coverage"), paragraph(html, "next-band")) == (coverage, plan)


def test_criterion_labels_in_the_evidence_table_are_escaped(
    run_cli: RunCli, tmp_path: Path
) -> None:
    criteria = tmp_path / "mine.yaml"
    criteria.write_text(
        "format: 1\nextends: tohoku-2022\nid: mine\nsections:\n  - id: will\n    criteria:\n"
        f"      - id: will.team\n        label: {{ja: '{HOSTILE}', en: '{HOSTILE}'}}\n",
        encoding="utf-8",
    )
    args = ("assess", str(EXAMPLES / "ishinomaki.yaml"), "--criteria", str(criteria))
    r = run_cli(*args, "--format", "html", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert "<img" not in r.stdout
    entries = {i: text for i, _, text in evidence_entries(r.stdout)}
    assert entries["will.team"] == HOSTILE


def test_no_example_page_asks_for_zero_points(run_cli: RunCli, tmp_path: Path) -> None:
    """When only a gate or evidence is missing, the plan says which, never "0.0 points"."""
    for profile in sorted(EXAMPLES.glob("*.yaml")):
        for lang in ("ja", "en"):
            page = tmp_path / f"{profile.stem}-{lang}.html"
            r = run_cli("assess", str(profile), "-f", "html", "-o", str(page), "--lang", lang)
            assert r.exit_code == 0, r.stderr
            html = page.read_text("utf-8")
            assert "points needed 0.0" not in html
            assert "必要な点数 0.0" not in html
