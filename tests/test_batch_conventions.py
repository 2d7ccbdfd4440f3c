"""batch carries assess's cautions into every format; SARIF levels and fingerprints; JUnit times."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from readiness.cli.batch import run_clock
from readiness.diagnostics import ReadinessError
from tests.conftest import EXAMPLES, RunCli

ISHINOMAKI = str(EXAMPLES / "ishinomaki.yaml")
KOSHI = str(EXAMPLES / "koshi.yaml")
WRONG_BUREAU = (
    "These criteria (kyushu-2019) are the kyushu bureau's; this town is served by the tohoku "
    "bureau."
)
OUT_OF_PERIOD = (
    "These criteria (kyushu-2019) ended on 2021-06-30, before the date the profile describes "
    "(2022-12-23): they may be stale; check whether the bureau has published newer conditions "
    "or priorities."
)


def batch(run_cli: RunCli, *args: str) -> str:
    result = run_cli("batch", ISHINOMAKI, KOSHI, "--criteria", "kyushu-2019", "--lang", "en", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_json_holds_the_wrong_bureau_caution(run_cli: RunCli) -> None:
    towns = {t["profile"]: t for t in json.loads(batch(run_cli, "-f", "json"))["towns"]}
    assert [c["en"] for c in towns[ISHINOMAKI]["cautions"]] == [WRONG_BUREAU, OUT_OF_PERIOD]
    assert towns[ISHINOMAKI]["cautions"][0]["ja"] == (
        "この評価基準（kyushu-2019）は九州経済産業局のものです。"
        "この自治体を所管するのは東北経済産業局です。"
    )
    assert towns[KOSHI]["cautions"] == []


def test_assess_and_batch_give_the_same_cautions(run_cli: RunCli) -> None:
    assessed = json.loads(
        run_cli("assess", ISHINOMAKI, "--criteria", "kyushu-2019", "-f", "json").stdout
    )
    towns = {t["profile"]: t for t in json.loads(batch(run_cli, "-f", "json"))["towns"]}
    assert towns[ISHINOMAKI]["cautions"] == assessed["cautions"]


def test_the_table_marks_the_town_and_lists_its_cautions(run_cli: RunCli) -> None:
    lines = batch(run_cli).splitlines()
    header = lines[0]
    assert header.split() == ["Rank", "Town", "Score", "Band", "Gates", "*", "First", "gap"]
    mark = header.index("*")
    rows = {line.split()[0]: line for line in lines[2:4]}
    assert rows["2"][mark] == "*"  # Ishinomaki, under the wrong bureau's criteria
    assert rows["1"][mark] == " "
    start = lines.index("Cautions")
    assert lines[start + 1 : start + 3] == [
        f"  2. Ishinomaki (石巻市): {WRONG_BUREAU}",
        f"  2. Ishinomaki (石巻市): {OUT_OF_PERIOD}",
    ]


def test_markdown_has_the_column_and_a_cautions_section(run_cli: RunCli) -> None:
    text = batch(run_cli, "-f", "markdown")
    assert "| Rank | Town | Bureau | Score | Band | Gates | \\* | First gap |" in text
    row = "| 2 | Ishinomaki (石巻市) | Tohoku | 50.2 | Promising | not yet shown: will | \\* |"
    assert row in text
    assert "## Cautions\n\n- 2. Ishinomaki (石巻市): These criteria (kyushu-2019)" in text
    assert f"- ⚠️ {WRONG_BUREAU}" in text


def test_csv_has_a_cautions_column(run_cli: RunCli) -> None:
    rows = list(csv.DictReader(io.StringIO(batch(run_cli, "-f", "csv").lstrip("\ufeff"))))
    by_profile = {r["profile"]: r for r in rows}
    assert by_profile[ISHINOMAKI]["cautions"] == f"{WRONG_BUREAU} / {OUT_OF_PERIOD}"
    assert by_profile[KOSHI]["cautions"] == ""


def test_sarif_has_a_warning_per_caution_with_a_fingerprint(run_cli: RunCli) -> None:
    run = json.loads(batch(run_cli, "-f", "sarif"))["runs"][0]
    cautions = [r for r in run["results"] if r["ruleId"] == "readiness/caution"]
    assert [r["message"]["text"] for r in cautions] == [
        f"Ishinomaki (石巻市): {WRONG_BUREAU}",
        f"Ishinomaki (石巻市): {OUT_OF_PERIOD}",
    ]
    assert {r["level"] for r in cautions} == {"warning"}
    prints = [r["partialFingerprints"]["readinessCaution/v1"] for r in cautions]
    assert len(set(prints)) == 2
    assert all(re.fullmatch(r"[0-9a-f]{64}", p) for p in prints)


def test_junit_carries_cautions(run_cli: RunCli) -> None:
    suite = ET.fromstring(batch(run_cli, "-f", "junit", "--fail-under", "60"))
    assert suite.findtext("system-out") == (
        f"{ISHINOMAKI}: Cautions: {WRONG_BUREAU}\n{ISHINOMAKI}: Cautions: {OUT_OF_PERIOD}"
    )
    failure = suite.find("testcase[@classname='" + ISHINOMAKI + "']/failure")
    assert failure is not None
    assert (failure.text or "").splitlines()[1:3] == [f"* {WRONG_BUREAU}", f"* {OUT_OF_PERIOD}"]


@pytest.mark.parametrize(
    ("args", "gap_results_for"),
    [([], set()),
     (["--fail-under", "80"], {ISHINOMAKI, KOSHI}),
     (["--fail-under", "60"], {ISHINOMAKI}),
     (["--sarif-level", "all"], {ISHINOMAKI, KOSHI})],
)  # fmt: skip
def test_sarif_level_chooses_whose_gaps_are_results(
    run_cli: RunCli, args: list[str], gap_results_for: set[str]
) -> None:
    run = json.loads(batch(run_cli, "-f", "sarif", *args))["runs"][0]
    gaps = [r for r in run["results"] if r["ruleId"] != "readiness/caution"]
    where = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].removeprefix("examples/")
        for r in gaps
    }
    assert where == {Path(p).name for p in gap_results_for}
    levels = {r["level"] for r in gaps}
    assert levels <= ({"note", "warning"} if "all" in args else {"warning"})


def test_sarif_fingerprints_are_stable_and_carry_no_line(run_cli: RunCli) -> None:
    one = json.loads(batch(run_cli, "-f", "sarif", "--sarif-level", "all"))["runs"][0]
    two = json.loads(batch(run_cli, "-f", "sarif", "--sarif-level", "all"))["runs"][0]
    prints = [r["partialFingerprints"] for r in one["results"]]
    assert prints == [r["partialFingerprints"] for r in two["results"]]
    assert all(p for p in prints)
    gap = next(r for r in one["results"] if r["ruleId"] == "kyushu-2019/partners.committed")
    expected = {"readinessGap/v1": "432164:kyushu-2019:partners.committed"}
    assert gap["partialFingerprints"] == expected


JUNIT_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")


def test_junit_has_a_real_timestamp_and_times(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    suite = ET.fromstring(batch(run_cli, "-f", "junit"))
    after = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    stamp = suite.get("timestamp", "")
    assert JUNIT_TIMESTAMP.fullmatch(stamp)
    assert before <= dt.datetime.fromisoformat(stamp) <= after
    times = [suite.get("time", ""), *(c.get("time", "") for c in suite.iter("testcase"))]
    assert all(re.fullmatch(r"[0-9]+\.[0-9]{3}", t) for t in times), times
    assert float(suite.get("time", "0")) > 0


def test_source_date_epoch_makes_junit_reproducible(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = batch(run_cli, "-f", "junit")
    assert first == batch(run_cli, "-f", "junit")
    suite = ET.fromstring(first)
    assert suite.get("timestamp") == "2023-11-14T22:13:20"
    assert {suite.get("time")} | {c.get("time") for c in suite.iter("testcase")} == {"0"}


@pytest.mark.parametrize("value", ["x", "-1", "1.5", "１７", "9" * 40])
def test_a_bad_source_date_epoch_is_a_located_error(value: str) -> None:
    with pytest.raises(ReadinessError) as e:
        run_clock({"SOURCE_DATE_EPOCH": value})
    (d,) = e.value.diagnostics
    assert (d.file, d.code) == ("SOURCE_DATE_EPOCH", "bad-environment")
    assert d.message.endswith("is not whole seconds since 1970-01-01 UTC (e.g. 1700000000)")


def test_dash_f_is_dash_o_format_to_stdout(run_cli: RunCli) -> None:
    assert batch(run_cli, "-f", "json") == batch(run_cli, "-o", "json=-")
    result = run_cli("batch", KOSHI, "-f", "json", "-o", "csv=-")
    assert result.exit_code == 2
    assert result.stderr == (
        "--output: bad-output only one report can go to stdout (-); got csv, json\n"
    )
