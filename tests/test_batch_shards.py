"""``batch --shard K/N`` and ``batch --merge``: the merge of every shard is the single run."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.batch_data import make_tree
from tests.conftest import EXAMPLES, ROOT, RunCli

FORMATS = ("json", "csv", "markdown", "junit", "sarif", "github", "xlsx", "html")


def outputs(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    return [f"--output={name}={folder / name}{'/' if name == 'html' else ''}" for name in FORMATS]


def contents(path: Path) -> dict[str, bytes]:
    """Every file of a report; a workbook's parts but its creation time."""
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*"))}
    if path.name == "xlsx":
        with zipfile.ZipFile(path) as book:
            return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}
    return {"": path.read_bytes()}


def same_reports(a: Path, b: Path) -> None:
    for name in FORMATS:
        assert contents(a / name) == contents(b / name), name


def with_findings(path: Path) -> None:
    """A profile whose repeated partners the scoring sets aside, each a located finding."""
    data = yaml.safe_load((EXAMPLES / "ishinomaki.yaml").read_text(encoding="utf-8"))
    data["partners"] = [data["partners"][0]] * 3
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def run_shards(run_cli: RunCli, folder: Path, count: int, *args: str) -> list[str]:
    reports = []
    for index in range(1, count + 1):
        report = folder / f"shard{index}.json"
        result = run_cli("batch", *args, "--shard", f"{index}/{count}", "-o", f"json={report}")
        assert result.exit_code in (0, 1, 2), result.stderr
        reports.append(str(report))
    return reports


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports are compared byte for byte: JUnit's timestamp and times are real otherwise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.mark.parametrize("count", [1, 2, 3, 5])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_merge_of_the_shards_is_the_single_run(
    tmp_path: Path, run_cli: RunCli, count: int, lang: str
) -> None:
    towns = make_tree(tmp_path / "towns")
    with_findings(towns / "repeated.yaml")
    args = [str(towns), str(EXAMPLES), str(tmp_path / "none-*.yaml"), "--lang", lang]
    single = run_cli("batch", *args, *outputs(tmp_path / "single"))
    reports = run_shards(run_cli, tmp_path, count, *args)
    merged = run_cli("batch", "--merge", *reversed(reports), "--lang", lang,
                     *outputs(tmp_path / "merged"))  # fmt: skip
    assert (merged.exit_code, merged.stdout, merged.stderr) == (
        single.exit_code,
        single.stdout,
        single.stderr,
    )
    assert single.exit_code == 2  # bad files and a glob that matches nothing are in the run
    assert '"code": "duplicate"' in (tmp_path / "single" / "json").read_text(encoding="utf-8")
    same_reports(tmp_path / "merged", tmp_path / "single")


def test_merge_keeps_the_gate_and_a_criteria_file(tmp_path: Path, run_cli: RunCli) -> None:
    criteria = tmp_path / "mine.yaml"
    criteria.write_text("format: 1\nextends: tohoku-2022\nid: mine\nversion: x\n", encoding="utf-8")
    args = [str(EXAMPLES), "--criteria", str(criteria), "--require-band", "ready"]
    single = run_cli("batch", *args, *outputs(tmp_path / "single"))
    reports = run_shards(run_cli, tmp_path, 2, *args)
    merged = run_cli(
        "batch", "--merge", *reports, "--criteria", str(criteria), *outputs(tmp_path / "merged")
    )
    assert (merged.exit_code, merged.stdout, merged.stderr) == (
        single.exit_code,
        single.stdout,
        single.stderr,
    )
    assert single.exit_code == 1
    same_reports(tmp_path / "merged", tmp_path / "single")


def test_a_shard_report_is_the_report_plus_merge_data(tmp_path: Path, run_cli: RunCli) -> None:
    (report,) = run_shards(run_cli, tmp_path, 1, str(EXAMPLES))
    shard = json.loads(Path(report).read_text(encoding="utf-8"))
    plain = json.loads(run_cli("batch", str(EXAMPLES), "-o", "json=-").stdout)
    schema = json.loads((ROOT / "schemas" / "batch-result.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(shard)
    assert shard.pop("shard") == {"index": 1, "count": 1}
    for town in shard["towns"]:
        assert town.pop("merge")
    assert shard == plain


def shard_report(folder: Path, name: str, **changes: object) -> str:
    report = {
        "format": "readiness.batch",
        "version": 1,
        "gate": {"fail_under": None, "require_band": None},
        "summary": {},
        "towns": [],
        "errors": [],
        "shard": {"index": 1, "count": 2},
        **changes,
    }
    path = folder / name
    path.write_text(json.dumps(report), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        (
            [{"shard": {"index": 1, "count": 2}}],
            "{a}: missing-shard shard 2 of 2 is missing: give every shard's report",
        ),
        (
            [{}, {}],
            "{b}: bad-shard-report is shard 1 of 2 again ({a})",
        ),
        (
            [{}, {"shard": {"index": 2, "count": 3}}],
            "{b}: bad-shard-report is shard 2 of 3, the others of 2",
        ),
        (
            [{}, {"shard": {"index": 2, "count": 2}, "gate": {"fail_under": 50,
                                                            "require_band": None}}],
            "{b}: bad-shard-report was run with another --fail-under or --require-band",
        ),
        (
            [{"shard": None}],
            "{a}: bad-shard-report is not a shard's report: write it with batch --shard K/N "
            "-o json=FILE",
        ),
        ([{"version": 2}], "{a}: bad-shard-report is version 2 of the report; expected 1"),
        ([{"format": "x"}], "{a}: bad-shard-report is not the JSON report of readiness batch"),
        (
            [{"shard": {"index": 1, "count": 1}, "towns": [{"rank": 1}]}],
            "{a}: bad-shard-report a town or an error lacks its merge data",
        ),
    ],
)  # fmt: skip
def test_bad_shard_reports_are_refused(
    tmp_path: Path, run_cli: RunCli, reports: list[dict[str, object]], expected: str
) -> None:
    paths = [shard_report(tmp_path, name, **r) for name, r in zip("ab", reports, strict=False)]
    result = run_cli("batch", "--merge", *paths)
    assert result.exit_code == 2
    names = dict(zip("ab", paths, strict=False))
    assert result.stderr == expected.format(**names) + "\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "{a}:1:2: bad-shard-report is not JSON: Expecting property name enclosed in "
              "double quotes"),
        ("[1]", "{a}: bad-shard-report is not the JSON report of readiness batch"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_report(
    tmp_path: Path, run_cli: RunCli, text: str, expected: str
) -> None:
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    result = run_cli("batch", "--merge", str(path))
    assert (result.exit_code, result.stderr) == (2, expected.format(a=path) + "\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--shard", "1/2"], "--merge: bad-usage --shard and --merge do not go together; "
                             "merge every shard"),
        (["--fail-under", "50"], "--merge: bad-usage the gate comes from the shards' reports: "
                                 "give --fail-under and --require-band to the shard runs"),
    ],
)  # fmt: skip
def test_merge_refuses_what_the_shards_decide(
    tmp_path: Path, run_cli: RunCli, args: list[str], expected: str
) -> None:
    path = shard_report(tmp_path, "a.json")
    result = run_cli("batch", "--merge", path, *args)
    assert (result.exit_code, result.stderr) == (2, expected + "\n")


def test_merge_data_round_trips() -> None:
    from fractions import Fraction

    from readiness.batch.merge import decode, encode
    from readiness.profile.bilingual import Text

    value = (
        "a", 1, 2.5, None, True, Fraction(1, 3), [("x", 0)], {("a", 1): (2, 3)},
        Text(ja="日本語", en="English"), (), [], "\ud800\x1b",
    )  # fmt: skip
    back = decode(json.loads(json.dumps(encode(value))))
    assert back == value
    assert [type(v) for v in back] == [type(v) for v in value]


def test_merge_data_refuses_what_it_cannot_keep() -> None:
    import datetime as dt

    from readiness.batch.merge import encode

    with pytest.raises(TypeError, match="cannot keep a date"):
        encode((dt.date(2024, 4, 1),))
