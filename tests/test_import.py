"""`readiness import`: a candidate list (Excel or CSV) made into profiles, as `init` makes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import RunCli

THREE_TOWNS = [
    ["042021", "石巻市", "Ishinomaki", "2024-04-01", 140000, "はい", "mayor", "商工観光課", None,
     0.5, "はい"],
    [432164, "合志市", None, None, None, "いいえ", None, None, "商工観光課長", None, None],
    ["012025", None, None, None, None, None, "deputy_mayor", None, None, None, "no"],
]  # fmt: skip


def template(run_cli: RunCli, path: Path, lang: str = "ja") -> None:
    r = run_cli("import", "--template", str(path), "--lang", lang)
    wrote = f"{path} を書きました" if lang == "ja" else f"wrote {path}"
    assert (r.exit_code, r.stderr) == (0, f"readiness: {wrote}\n")


def fill(book: Path, rows: list[list[object]], out: Path) -> Path:
    wb = load_workbook(book)
    for row in rows:
        wb.worksheets[0].append(row)
    wb.save(out)
    return out


def test_the_template(run_cli: RunCli, tmp_path: Path) -> None:
    book = tmp_path / "t.xlsx"
    template(run_cli, book)
    wb = load_workbook(book)
    ws = wb.worksheets[0]
    assert ws.title == "候補"
    assert [c.value for c in ws[1]][:3] == ["団体コード", "団体名", "英語名"]
    assert ws.max_row == 1  # no example row: importing it as it is makes nothing
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].number_format == "@"  # a code typed in stays text
    assert wb.worksheets[1].title == "説明"
    assert load_workbook(book).worksheets[0].data_validations.dataValidation  # drop-downs
    again = run_cli("import", "--template", str(book))
    assert (again.exit_code, again.stderr) == (
        2, f"{book}: file-exists the file already exists; pass --force to replace it\n"
    )  # fmt: skip


def test_three_towns_give_three_profiles_that_validate_and_assess(
    run_cli: RunCli, tmp_path: Path
) -> None:
    book = tmp_path / "t.xlsx"
    template(run_cli, book)
    filled = fill(book, THREE_TOWNS, tmp_path / "towns.xlsx")
    out = tmp_path / "profiles"
    r = run_cli("import", str(filled), "-o", str(out), "--lang", "ja")
    assert (r.exit_code, r.stderr) == (0, f"readiness: {out} にプロファイルを3件書きました\n")
    files = sorted(p.name for p in out.iterdir())
    assert files == ["012025.yaml", "042021.yaml", "432164.yaml"]
    v = run_cli("validate", *(str(out / f) for f in files))
    assert v.exit_code == 0, v.stdout
    ishinomaki = (out / "042021.yaml").read_text(encoding="utf-8")
    # init's template, comments and all, with the row's facts and unknown for the rest
    assert "# 石巻市（宮城県）の自治体プロファイル（readiness init で作成）" in ishinomaki
    for line in [
        "as_of: 2024-04-01",
        '  name_en: "Ishinomaki"',
        "  population: 140000  # 人口（数値）",
        "  requested_partnership: true  #",
        "  top_commitment: mayor  #",
        '  lead_department: "商工観光課"  #',
        "  contact: unknown  #",
        "  staff_fte: 0.5  #",
        "issues: unknown  #",
    ]:
        assert line in ishinomaki, line
    # the code typed as a number (zero lost) and a Hokkaido code come back as text
    assert 'code: "432164"' in (out / "432164.yaml").read_text(encoding="utf-8")
    assert 'code: "012025"' in (out / "012025.yaml").read_text(encoding="utf-8")
    a = run_cli("assess", str(out / "042021.yaml"), "--format", "json")
    assert a.exit_code == 0
    result = json.loads(a.stdout)
    assert result["municipality"]["code"] == "042021"
    assert any(g["status"] == "unknown" for g in result["gaps"])


def test_a_bad_row_is_located_and_the_others_are_written(run_cli: RunCli, tmp_path: Path) -> None:
    book = tmp_path / "t.xlsx"
    template(run_cli, book, "en")
    bad = [["042022", "石巻市"]]
    filled = fill(book, [THREE_TOWNS[0], *bad, THREE_TOWNS[1]], tmp_path / "towns.xlsx")
    out = tmp_path / "p"
    r = run_cli("import", str(filled), "-o", str(out))
    assert r.exit_code == 2
    assert r.stderr == (
        f"{filled}:towns!3:1: bad-code code 042022 fails its check digit "
        "(the last digit should be 1) (cell A3)\n"
        f"readiness: wrote 2 profile(s) to {out}; 1 rows not written\n"
    )
    assert sorted(p.name for p in out.iterdir()) == ["042021.yaml", "432164.yaml"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('04202,,', "towns.csv:2:1: bad-code 04202 has 5 digits; a local government code has 6, "
                    "the last a check digit (042021) (cell A2)"),
        ('049981,,', "towns.csv:2:1: unknown-code code 049981 is not in the municipality list "
                     "(cell A2)"),
        ('042021,合志市,', "towns.csv:2:2: name-mismatch code 042021 is 石巻市 (宮城県), "
                          "not 合志市 (cell B2)"),
        ('042021,,未定', "towns.csv:2:3: placeholder will.contact: '未定' is a placeholder (a "
                        "placeholder word), which "
                        "would count as a stated fact: write unknown if it is not known yet, or "
                        "leave the field out if there is none"),
        (',石巻市,', "towns.csv:2: missing-code the row has no code"),
    ],
)  # fmt: skip
def test_csv_rows_and_their_messages(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("towns.csv").write_text(f"code,name,contact\n{row}\n", encoding="utf-8")
    r = run_cli("import", "towns.csv", "-o", "out")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == message


@pytest.mark.parametrize("code", ['="042021"', "042021", "42021"])
def test_csv_codes_in_every_form_a_spreadsheet_leaves(
    run_cli: RunCli, tmp_path: Path, code: str
) -> None:
    (tmp_path / "t.csv").write_text(f"\ufeff団体コード,時点\n{code},2024-04-01\n", encoding="utf-8")
    r = run_cli("import", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o"))
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "o" / "042021.yaml").is_file()


def test_batch_csv_reads_back_through_import(run_cli: RunCli, tmp_path: Path) -> None:
    """The batch CSV's ="042021" codes, opened as they are, make profiles again."""
    from tests.conftest import EXAMPLES

    run_cli("batch", str(EXAMPLES / "ishinomaki.yaml"), "-o", f"csv={tmp_path / 'r.csv'}")
    text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    header = text[0].split(",")
    row = text[1].split(",")
    keep = [header.index("code"), header.index("municipality")]
    (tmp_path / "t.csv").write_text(
        "code,name\n" + ",".join(row[i] for i in keep) + "\n", encoding="utf-8"
    )
    r = run_cli("import", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o"))
    assert r.exit_code == 0, r.stderr


def test_unknown_header_stops_before_writing(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("code,popluation\n042021,5\n", encoding="utf-8")
    r = run_cli("import", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o"))
    assert r.exit_code == 2
    assert r.stderr.startswith(
        f"{tmp_path / 't.csv'}:1:2: unknown-column 'popluation' is not a column of a "
        "candidate list (cell B1); known: 団体コード / code, "
    )
    assert not (tmp_path / "o").exists()


def test_existing_profiles_are_kept_without_force(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("code\n042021\n", encoding="utf-8")
    args = ("import", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o"))
    assert run_cli(*args).exit_code == 0
    again = run_cli(*args)
    assert again.exit_code == 2
    assert "file-exists" in again.stderr
    assert run_cli(*args, "--force").exit_code == 0


def test_no_list_is_a_usage_error(run_cli: RunCli) -> None:
    r = run_cli("import")
    assert (r.exit_code, r.stderr) == (
        2, "import: usage give a candidate list and -o DIR (or --template FILE)\n"
    )  # fmt: skip


def test_the_template_is_the_same_bytes_every_time(run_cli: RunCli, tmp_path: Path) -> None:
    import time

    one, two = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    template(run_cli, one)
    time.sleep(1.1)
    template(run_cli, two)
    assert one.read_bytes() == two.read_bytes()
