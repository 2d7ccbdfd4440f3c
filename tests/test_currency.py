"""Which set is current is decided by dates: status, the set chosen per bureau, the caution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.criteria.bundled import bundled, current_for_bureau
from readiness.criteria.currency import set_for_date, status
from readiness.criteria.model import Criteria, Period
from readiness.profile.loading import load_profile
from readiness.scoring.scorer import assess
from tests.conftest import EXAMPLES, RunCli

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "on", "expected"),
    [
        (D(2022, 4, 1), D(2025, 3, 31), D(2022, 4, 1), "current"),  # the first day
        (D(2022, 4, 1), D(2025, 3, 31), D(2025, 3, 31), "current"),  # the last day
        (D(2022, 4, 1), D(2025, 3, 31), D(2025, 4, 1), "expired"),
        (D(2022, 4, 1), D(2025, 3, 31), D(2022, 3, 31), "future"),
        (D(2016, 9, 7), None, D(2100, 1, 1), "current"),  # no end: never expires
        (None, D(2020, 1, 1), D(1990, 1, 1), "current"),  # no start: never future
        (None, None, D(2026, 12, 2), "current"),
    ],
)
def test_status_of_a_period(start: D | None, end: D | None, on: D, expected: str) -> None:
    assert status(Period(start=start, end=end), on) == expected


def _set(ident: str, start: D | None, end: D | None) -> Criteria:
    return bundled("tohoku-2022").model_copy(
        update={"id": ident, "version": ident, "period": Period(start=start, end=end)}
    )


OPEN = _set("open", D(2016, 9, 7), None)
Y2025 = _set("y2025", D(2025, 1, 1), D(2025, 12, 31))
Y2022 = _set("y2022", D(2022, 1, 1), D(2022, 12, 31))
LATER = _set("later", D(2030, 1, 1), D(2030, 12, 31))


@pytest.mark.parametrize(
    ("sets", "on", "expected"),
    [
        ([Y2022, Y2025], D(2025, 6, 1), "y2025"),  # the one whose period contains the date
        ([Y2022, Y2025], D(2022, 6, 1), "y2022"),
        ([Y2022, Y2025], D(2026, 12, 2), "y2025"),  # none: the newest, the one that ended last
        ([Y2022, Y2025], D(2023, 6, 1), "y2022"),  # between two: the one that ended last
        ([Y2022, Y2025], D(2020, 1, 1), "y2022"),  # all in the future: the one starting first
        ([OPEN, Y2025], D(2025, 6, 1), "y2025"),  # both current: the one that started last
        ([OPEN, Y2025], D(2026, 12, 2), "open"),  # an open end stays current
        ([Y2025, LATER], D(2026, 12, 2), "y2025"),  # expired beats future
        ([], D(2026, 12, 2), None),
    ],
)
def test_the_set_for_a_date(sets: list[Criteria], on: D, expected: str | None) -> None:
    chosen = set_for_date(sets, on)
    assert (chosen.id if chosen else None) == expected


@given(st.dates(), st.permutations([OPEN, Y2025, Y2022, LATER]))
def test_the_choice_does_not_depend_on_order_and_prefers_a_current_set(
    on: D, sets: list[Criteria]
) -> None:
    chosen = set_for_date(sets, on)
    assert chosen is not None
    assert chosen == set_for_date(list(reversed(sets)), on)
    if any(status(c.period, on) == "current" for c in sets):
        assert status(chosen.period, on) == "current"


def test_tohoku_by_date() -> None:
    assert current_for_bureau("tohoku", D(2020, 1, 1)) == bundled("tohoku-2019")
    assert current_for_bureau("tohoku", D(2023, 1, 1)) == bundled("tohoku-2022")
    assert current_for_bureau("tohoku", D(2026, 12, 2)) == bundled("tohoku-2022")  # newest


def test_a_stale_set_is_cautioned_with_its_end_date(tmp_path: Path) -> None:
    text = (EXAMPLES / "ishinomaki.yaml").read_text("utf-8")
    path = tmp_path / "later.yaml"
    path.write_text(text.replace("as_of: 2022-12-23", "as_of: 2026-12-02"), "utf-8")
    profile = load_profile(path)
    criteria = current_for_bureau("tohoku", profile.as_of)
    assert criteria == bundled("tohoku-2022")
    cautions = assess(criteria, profile).cautions
    assert [c.en for c in cautions] == [
        "These criteria (tohoku-2022) ended on 2025-03-31, before the date the profile "
        "describes (2026-12-02): they may be stale; check whether the bureau has published "
        "newer conditions or priorities."
    ]
    assert cautions[0].ja == (
        "この評価基準（tohoku-2022）の対象期間は2025-03-31に終わっています（プロファイルの時点は"
        "2026-12-02）。局がその後に新しい条件や重点を公表していないか確かめてください。"
    )


def test_criteria_list_gives_the_status_on_a_date(run_cli: RunCli) -> None:
    result = run_cli("criteria", "list", "--lang", "en", "--as-of", "2023-01-01")
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if "-20" in line}
    assert rows["tohoku-2022"][:2] == ["tohoku-2022", "*"]
    assert "current" in rows["tohoku-2022"]
    assert "expired" in rows["tohoku-2019"]
    assert "status on 2023-01-01;" in result.stdout
    early = run_cli("criteria", "list", "--lang", "en", "--as-of", "2020-01-01").stdout
    assert any(line.split()[:1] == ["tohoku-2022"] and "future" in line.split()
               for line in early.splitlines())  # fmt: skip


def test_criteria_list_refuses_a_bad_date(run_cli: RunCli) -> None:
    result = run_cli("criteria", "list", "--as-of", "2023-13-01")
    assert result.exit_code == 2
    assert "2023-13-01" in result.stderr


def test_a_retired_current_flag_says_what_replaced_it(tmp_path: Path, run_cli: RunCli) -> None:
    path = tmp_path / "old.yaml"
    path.write_text("format: 1\nextends: tohoku-2022\nid: old\ncurrent: true\n", "utf-8")
    result = run_cli("validate", str(path))
    assert result.exit_code == 2
    assert (
        f"{path}:4:1: retired-field field 'current' is no longer read: a set is current while "
        "its period contains the date; remove the line"
    ) in result.stdout
