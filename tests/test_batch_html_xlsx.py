"""`batch -o xlsx=FILE` (codes as text, one row per town) and `batch -o html=DIR/`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.batch_data import make_tree
from tests.conftest import EXAMPLES, RunCli

N_EXAMPLES = len(list(EXAMPLES.glob("*.yaml")))


def batch_json(run_cli: RunCli, *args: str) -> dict[str, object]:
    out = run_cli("batch", *args, "-o", "json=-").stdout
    data: dict[str, object] = json.loads(out)
    return data


def test_xlsx_codes_are_text_one_row_per_town(run_cli: RunCli, tmp_path: Path) -> None:
    book = tmp_path / "r.xlsx"
    r = run_cli("batch", str(EXAMPLES), "-o", f"xlsx={book}", "--lang", "ja")
    assert r.exit_code == 0, r.stderr
    wb = load_workbook(book)
    ranking = wb.worksheets[0]
    assert ranking.title == "順位"
    header = [c.value for c in ranking[1]]
    assert header[:3] == ["順位", "団体コード", "自治体"]
    codes = [(c.value, c.data_type) for (c,) in ranking.iter_rows(min_row=2, min_col=2, max_col=2)]
    assert len(codes) == N_EXAMPLES
    assert ("042021", "s") in codes
    assert all(t == "s" and re.fullmatch(r"[0-9]{6}", str(v)) for v, t in codes)
    assert ranking.freeze_panes == "A2"
    assert ranking.auto_filter.ref == f"A1:M{N_EXAMPLES + 1}"
    assert ranking["B2"].number_format == "@"
    # widths fit Japanese: the town column is wider than its longest name in wide characters
    assert ranking.column_dimensions["C"].width >= 2 * len("はるかぜ村")
    # one sheet per criteria set, with each town's section points and shares
    assert [ws.title for ws in wb.worksheets[1:]] == ["tohoku-2022", "kyushu-2019"]
    tohoku = wb["tohoku-2022"]
    assert tohoku["A2"].data_type == "s"
    assert tohoku.max_row - 1 == 4
    assert "①組織としての意思と体制 (得点)" in [c.value for c in tohoku[1]]


def test_xlsx_text_from_a_file_is_never_a_formula(run_cli: RunCli, tmp_path: Path) -> None:
    text = (EXAMPLES / "fictional-no-partners.yaml").read_text(encoding="utf-8")
    (tmp_path / "t.yaml").write_text(
        text.replace("name_en: Minato", 'name_en: "=HYPERLINK(\\"http://evil\\")"'),
        encoding="utf-8",
    )
    book = tmp_path / "r.xlsx"
    assert run_cli("batch", str(tmp_path / "t.yaml"), "-o", f"xlsx={book}").exit_code == 0
    cell = load_workbook(book).worksheets[0]["D2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://evil")', "s")


def test_xlsx_lists_bad_files_on_their_own_sheet(run_cli: RunCli, tmp_path: Path) -> None:
    root = make_tree(tmp_path / "towns")
    book = tmp_path / "r.xlsx"
    r = run_cli("batch", str(root), "-o", f"xlsx={book}", "--lang", "en")
    assert r.exit_code == 2
    wb = load_workbook(book)
    assert wb.worksheets[0].max_row == 4  # header + 3 towns
    errors = wb["errors"]
    assert errors.max_row == 5
    assert any("yaml-syntax" in str(c.value) for (c,) in errors.iter_rows(min_col=2, max_col=2))


@pytest.mark.parametrize(
    ("spec", "stderr"),
    [
        ("xlsx=-", "--output: bad-output xlsx cannot go to stdout (-); give a file or folder\n"),
        ("html=-", "--output: bad-output html cannot go to stdout (-); give a file or folder\n"),
        ("html=no/such/dir/", "no/such/dir/: bad-output the folder above it does not exist\n"),
    ],
)
def test_bad_outputs_are_refused_before_scoring(
    run_cli: RunCli, spec: str, stderr: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    r = run_cli("batch", str(EXAMPLES), "-o", spec)
    assert (r.exit_code, r.stderr) == (2, stderr)


def test_html_refuses_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    f = tmp_path / "f"
    f.write_text("x", encoding="utf-8")
    r = run_cli("batch", str(EXAMPLES), "-o", f"html={f}")
    assert (r.exit_code, r.stderr) == (2, f"{f}: bad-output is a file; give a folder (html=DIR/)\n")


def test_html_site_index_and_one_linked_page_per_town(run_cli: RunCli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    r = run_cli("batch", str(EXAMPLES), "-o", f"html={site}/", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    index = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">', index)
    assert len(links) == N_EXAMPLES
    assert sorted(links) == sorted(p.name for p in site.iterdir() if p.name != "index.html")
    assert "042021.html" in links
    town = (site / "042021.html").read_text(encoding="utf-8")
    assert '<a href="index.html">' in town
    assert "Ishinomaki" in town
    # band counts per criteria set, one bar per band, zero bands included
    counts = re.findall(r'data-count="(\d+)"', index)
    assert sum(map(int, counts)) == N_EXAMPLES
    assert len(counts) == 6  # two sets of three bands
    # nothing fetched from a network: the one script is inline
    assert "<script src" not in index
    assert set(re.findall(r"https?://[^\s\"')<]+", index)) == {"http://www.w3.org/2000/svg"}


def test_html_escapes_file_names_and_names(run_cli: RunCli, tmp_path: Path) -> None:
    text = (EXAMPLES / "fictional-no-partners.yaml").read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "t.yaml").write_text(
        text.replace("name_en: Minato", 'name_en: "<script>alert(1)</script>"'),
        encoding="utf-8",
    )
    r = run_cli("batch", str(tmp_path / "in"), "-o", f"html={tmp_path / 'site'}", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    for page in (tmp_path / "site").iterdir():
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_xlsx_is_the_same_on_two_processes(run_cli: RunCli, tmp_path: Path) -> None:
    def cells(book: Path) -> list[list[object]]:
        wb = load_workbook(book)
        return [[c.value for c in row] for ws in wb.worksheets for row in ws.iter_rows()]

    one, two = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    assert run_cli("batch", str(EXAMPLES), "-o", f"xlsx={one}").exit_code == 0
    assert run_cli("batch", str(EXAMPLES), "-j", "2", "-o", f"xlsx={two}").exit_code == 0
    assert cells(one) == cells(two)


@pytest.mark.parametrize("epoch", [None, "1700000000"])
def test_xlsx_is_byte_identical_run_after_run(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str | None
) -> None:
    """openpyxl stamps the time into the file: two runs a second apart still give one output."""
    import time
    import zipfile

    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    one, two = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    assert run_cli("batch", str(EXAMPLES), "-o", f"xlsx={one}").exit_code == 0
    time.sleep(1.1)
    assert run_cli("batch", str(EXAMPLES), "-o", f"xlsx={two}").exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    core = zipfile.ZipFile(one).read("docProps/core.xml").decode()
    stamp = "2023-11-14T22:13:20Z" if epoch else "1980-01-01T00:00:00Z"
    assert core.count(stamp) == 2  # created and modified
    assert load_workbook(one).worksheets[0]["B2"].data_type == "s"
