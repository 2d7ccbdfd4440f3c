from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.input.jdates import ERAS, DateError, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-01", dt.date(2024, 4, 1)), ("2024/04/01", dt.date(2024, 4, 1)),
        ("2024/4/1", dt.date(2024, 4, 1)), ("2024.4.1", dt.date(2024, 4, 1)),
        ("20240401", dt.date(2024, 4, 1)), ("2024年4月1日", dt.date(2024, 4, 1)),
        ("２０２４年４月１日", dt.date(2024, 4, 1)), ("２０２４／０４／０１", dt.date(2024, 4, 1)),
        ("令和6年4月1日", dt.date(2024, 4, 1)), ("令和４年１２月２３日", dt.date(2022, 12, 23)),
        ("令和 4年 12月 23日", dt.date(2022, 12, 23)), ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成31年4月30日", dt.date(2019, 4, 30)), ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)), ("昭和50年10月1日", dt.date(1975, 10, 1)),
        ("R6.4.1", dt.date(2024, 4, 1)), ("r6/4/1", dt.date(2024, 4, 1)),
        ("H31.4.30", dt.date(2019, 4, 30)), ("S64.1.7", dt.date(1989, 1, 7)),
        ("R元.5.1", dt.date(2019, 5, 1)), ("令6.4.1", dt.date(2024, 4, 1)),
        ("Ｒ６．４．１", dt.date(2024, 4, 1)), ("㋿6年4月1日", dt.date(2024, 4, 1)),
        ("㍻31年4月30日", dt.date(2019, 4, 30)),
    ],
)  # fmt: skip
def test_parses(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "ja_part", "en_part"),
    [
        ("平成31年5月1日", "令和元年5月1日のことでしょうか", "Did you mean 令和元年5月1日"),
        ("令和元年4月30日", "平成31年4月30日のことでしょうか", "outside the Reiwa era"),
        ("昭和64年1月8日", "平成元年1月8日", "Showa"),
        ("H32.1.1", "令和2年1月1日", "Heisei"),
        ("令和0年1月1日", "元年", "no year 0"),
        ("2024/2/30", "存在しない日付", "not a real date"),
        ("2024-04/01", "日付として読めません", "is not a date"),
        ("April 1, 2024", "日付として読めません", "is not a date"),
        ("", "日付として読めません", "is not a date"),
    ],
)  # fmt: skip
def test_errors(text: str, ja_part: str, en_part: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert ja_part in info.value.ja
    assert en_part in info.value.en
    assert f"「{text}」" in info.value.ja  # the original is quoted
    assert info.value.message("en") == str(info.value)


@given(st.dates(min_value=dt.date(1926, 12, 25), max_value=dt.date(2099, 12, 31)))
def test_every_date_round_trips_through_its_era(date: dt.date) -> None:
    era = next(e for e in ERAS if e.first <= date and (e.last is None or date <= e.last))
    year = date.year - era.first.year + 1
    text = f"{era.kanji}{'元' if year == 1 else year}年{date.month}月{date.day}日"
    assert parse_date(text) == date
    assert parse_date(f"{era.letter}{year}.{date.month}.{date.day}") == date
    assert parse_date(f"{date.year}/{date.month}/{date.day}") == date
