from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.profile.kana import (
    MunicipalityIndex,
    hepburn,
    is_kana,
    name_key,
    romaji_key,
    to_hiragana,
)
from readiness.profile.localgov import municipalities


def _rows() -> list[tuple[str, str, str]]:
    return [(m.code, m.name, m.kana) for m in municipalities().values()]


@pytest.fixture(scope="module")
def index() -> MunicipalityIndex:
    return MunicipalityIndex(_rows())


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    return {code: name for code, name, _ in _rows()}


@pytest.mark.parametrize(
    "query",
    ["石巻市", "石巻", "いしのまきし", "イシノマキシ", "ｲｼﾉﾏｷｼ", "いしのまき", "イシノマキ",
     "Ishinomaki", "ishinomaki-shi", "ISHINOMAKI SHI", "Ishinomaki City", "Ｉｓｈｉｎｏｍａｋｉ",
     " 石巻市 "],
)  # fmt: skip
def test_ishinomaki(index: MunicipalityIndex, query: str) -> None:
    assert index.lookup(query) == ["042021"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ｹｾﾝﾇﾏｼ", ["気仙沼市"]),
        ("塩釜市", ["塩竈市"]), ("塩竈", ["塩竈市"]), ("しおがま", ["塩竈市"]),
        ("Shiogama", ["塩竈市"]),
        ("竜ケ崎市", ["龍ケ崎市"]), ("龍ヶ崎市", ["龍ケ崎市"]), ("竜が崎", ["龍ケ崎市"]),
        ("Ryūgasaki", ["龍ケ崎市"]), ("Ryuugasaki", ["龍ケ崎市"]), ("Ryugasaki", ["龍ケ崎市"]),
        ("桧原村", ["檜原村"]), ("鯵ケ沢町", ["鰺ヶ沢町"]), ("五条市", ["五條市"]),
        ("鶴ケ島市", ["鶴ヶ島市"]), ("鶴が島", ["鶴ヶ島市"]),
        # 鹿嶋市 (Ibaraki) and 鹿島市 (Saga) both exist: the name as written wins.
        ("鹿嶋市", ["鹿嶋市"]), ("鹿島市", ["鹿島市"]),
        ("Nihommatsu", ["二本松市"]), ("Nihonmatsu", ["二本松市"]), ("Semboku", ["仙北市"]),
        ("Shin'onsen", ["新温泉町"]), ("Shinonsen-cho", ["新温泉町"]),
        ("Oono", ["大野市", "大野町"]),
        ("Ohno", ["大野市", "大野町", "小野市", "小野町"]),  # passport "oh" may be おお or おう
        ("いの", ["いの町"]), ("いの町", ["いの町"]),
        ("さっぽろし ちゅうおうく", ["札幌市 中央区"]), ("札幌市中央区", ["札幌市 中央区"]),
        ("Sinzyo", ["新庄市", "新庄村"]),
    ],
)  # fmt: skip
def test_lookup(
    index: MunicipalityIndex, names: dict[str, str], query: str, expected: list[str]
) -> None:
    assert sorted(names[c] for c in index.lookup(query)) == sorted(expected)


def test_ambiguous_and_unknown(index: MunicipalityIndex) -> None:
    assert len(index.lookup("中央区")) > 3
    assert len(index.lookup("Ono")) >= 2  # 小野 and 大野 spelt without macrons
    assert index.lookup("存在しない町") == []
    assert index.lookup("") == []


def test_every_municipality_is_found_by_its_own_keys(
    index: MunicipalityIndex, names: dict[str, str]
) -> None:
    for code, name, reading in _rows():
        assert code in index.lookup(name)
        assert code in index.lookup(reading)
        assert code in index.lookup(hepburn(reading.replace(" ", "")))


@pytest.mark.parametrize(
    ("kana", "romaji"),
    [("いしのまき", "ishinomaki"), ("とうきょう", "toukyou"), ("しんばし", "shinbashi"),
     ("ほんやま", "hon'yama"), ("がっこう", "gakkou"), ("まっちゃ", "matcha"),
     ("ろっかしょ", "rokkasho"), ("ラーメン", "raamen"), ("ちゅうおうく", "chuuouku"),
     ("ふじ", "fuji"), ("づ", "zu"), ("ゔぁ", "va")],
)  # fmt: skip
def test_hepburn(kana: str, romaji: str) -> None:
    assert hepburn(kana) == romaji


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tōkyō", "Tokyo"), ("Toukyou", "TOKYO"), ("Oosaka", "Ōsaka"), ("Ohsaka", "osaka"),
     ("Gumma", "Gunma"), ("Semboku", "Senboku"), ("Hon'yama", "honyama"),
     ("Sinzyuku", "Shinjuku"), ("Tutiura", "Tsuchiura"), ("Huji", "Fuji")],
)  # fmt: skip
def test_romaji_key_equivalences(a: str, b: str) -> None:
    assert romaji_key(a) == romaji_key(b)


def test_romaji_key_keeps_distinctions() -> None:
    assert romaji_key("shu") == "shu"  # not read as kunrei "hu"
    assert romaji_key("chuu") == "chu"
    assert romaji_key("Ohara") == "ohara"  # oh before a vowel is o + ha


def test_name_key_folds() -> None:
    assert name_key("塩竈市") == name_key("塩釜市")
    assert name_key("龍ヶ崎市") == name_key("竜ケ崎市") == name_key("竜が崎市")
    assert name_key("札幌市 中央区") == name_key("札幌市中央区")


hiragana = st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3094), min_size=1)


@given(hiragana)
def test_katakana_round_trip(text: str) -> None:
    katakana = "".join(chr(ord(c) + 0x60) for c in text)
    assert to_hiragana(katakana) == text
    assert is_kana(text)


@given(hiragana)
def test_romaji_is_ascii(text: str) -> None:
    assert romaji_key(hepburn(text)).isascii()
