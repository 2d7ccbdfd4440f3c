"""Local government codes and the bundled municipality list, checked against shared data."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.profile import localgov
from readiness.profile.localgov import (
    BUREAU_PREFECTURES,
    bureau_of,
    check_digit,
    code_is_valid,
    find_by_name,
    municipalities,
    municipality,
)
from tests.conftest import data_path


def _rows(name: str) -> list[dict[str, str]]:
    with data_path("localgovjp", name).open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def test_bundled_list_is_the_shared_list() -> None:
    rows = _rows("localgovjp-utf8.csv")
    assert len(rows) == len(municipalities()) == 1916
    for row in rows:
        m = municipalities()[row["lgcode"]]
        assert (m.name, m.prefecture, m.kana) == (row["city"], row["pref"], row["citykana"])


def test_every_listed_code_has_a_valid_check_digit() -> None:
    codes = [row["lgcode"] for row in _rows("localgovjp-utf8.csv")]
    assert all(code_is_valid(code) for code in codes)
    assert all(int(c[5]) == check_digit(c[:5]) for c in codes)


@pytest.mark.parametrize(
    ("code", "valid"),
    [("042021", True), ("432164", True), ("042022", False), ("42021", False), ("04202a", False),
     ("０４２０２１", False)],
)  # fmt: skip
def test_code_is_valid(code: str, valid: bool) -> None:
    assert code_is_valid(code) is valid


def test_every_prefecture_has_exactly_one_bureau() -> None:
    prefectures = [row["pref"] for row in _rows("prefjp-utf8.csv")]
    assert len(prefectures) == 47
    assert sorted(p for ps in BUREAU_PREFECTURES.values() for p in ps) == sorted(prefectures)


@pytest.mark.parametrize(
    ("prefecture", "bureau"),
    [("宮城県", "tohoku"), ("熊本県", "kyushu"), ("新潟県", "kanto"), ("福井県", "kinki"),
     ("沖縄県", "okinawa"), ("北海道", "hokkaido"), ("宮城", None)],
)  # fmt: skip
def test_bureau_of(prefecture: str, bureau: str | None) -> None:
    assert bureau_of(prefecture) == bureau


def test_ambiguous_name() -> None:
    assert [(m.code, m.prefecture) for m in find_by_name("府中市")] == [
        ("132063", "東京都"),
        ("342084", "広島県"),
    ]


REAL_PARTNERS = [
    # DOMAIN.md, "Real partnerships": code, name, bureau
    ("432164", "合志市", "kyushu"),
    ("042021", "石巻市", "tohoku"),
    ("024244", "東通村", "tohoku"),
    ("152021", "長岡市", "kanto"),
    ("202029", "松本市", "kanto"),
    ("294268", "広陵町", "kinki"),
    ("282154", "三木市", "kinki"),
]


@pytest.mark.parametrize(("code", "name", "bureau"), REAL_PARTNERS)
def test_real_partner_towns(code: str, name: str, bureau: str) -> None:
    m = municipalities()[code]
    assert (m.name, m.bureau) == (name, bureau)


def _looked_up_before_the_list_is_built(codes: list[str]) -> list[object]:
    municipalities.cache_clear()
    try:
        found = []
        for c in codes:
            localgov._lone_lookups = 0
            found.append(municipality(c))
            if c.isascii() and c.isdigit():  # anything else goes to the whole list
                assert municipalities.cache_info().currsize == 0
            municipalities.cache_clear()
        return found
    finally:
        municipalities.cache_clear()


def test_a_batch_builds_the_list_once_after_a_few_towns() -> None:
    """One town is read alone; from the ninth on the whole list is built (no scan per town)."""
    municipalities.cache_clear()
    localgov._lone_lookups = 0
    try:
        codes = list(municipalities())[:12]
        municipalities.cache_clear()
        built = []
        for c in codes:
            municipality(c)
            built.append(municipalities.cache_info().currsize)
        assert built == [0] * 8 + [1] * 4
    finally:
        municipalities.cache_clear()


def test_one_town_looked_up_is_the_listed_town() -> None:
    """Every listed code (and the quoted phrase of 庄原市), read alone from the file."""
    listed = municipalities()
    assert _looked_up_before_the_list_is_built(list(listed)) == list(listed.values())
    assert municipality("342106") == listed["342106"]  # from the built list


@given(st.text(alphabet='0123456789,\n"a', max_size=8))
def test_any_code_read_alone_is_what_the_list_says(code: str) -> None:
    alone = _looked_up_before_the_list_is_built([code])
    assert alone == [municipalities().get(code)]
