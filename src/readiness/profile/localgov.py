"""Japan's local government codes (JIS X 0402) and the bundled municipality list.

The list (``data/localgovjp.csv``, CC0, from code4fukui/localgovjp) is read on first use only.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from readiness.profile.kana import MunicipalityIndex

BUREAU_PREFECTURES: dict[str, tuple[str, ...]] = {
    "hokkaido": ("北海道",),
    "tohoku": ("青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県"),
    "kanto": (
        "茨城県",
        "栃木県",
        "群馬県",
        "埼玉県",
        "千葉県",
        "東京都",
        "神奈川県",
        "新潟県",
        "山梨県",
        "長野県",
        "静岡県",
    ),
    "chubu": ("富山県", "石川県", "岐阜県", "愛知県", "三重県"),
    "kinki": ("福井県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県"),
    "chugoku": ("鳥取県", "島根県", "岡山県", "広島県", "山口県"),
    "shikoku": ("徳島県", "香川県", "愛媛県", "高知県"),
    "kyushu": ("福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県"),
    "okinawa": ("沖縄県",),
}
"""Which regional bureau (経済産業局) covers which prefecture."""

BUREAU_NAMES: dict[str, tuple[str, str]] = {
    "hokkaido": ("北海道経済産業局", "Hokkaido Bureau of Economy, Trade and Industry"),
    "tohoku": ("東北経済産業局", "Tohoku Bureau of Economy, Trade and Industry"),
    "kanto": ("関東経済産業局", "Kanto Bureau of Economy, Trade and Industry"),
    "chubu": ("中部経済産業局", "Chubu Bureau of Economy, Trade and Industry"),
    "kinki": ("近畿経済産業局", "Kinki Bureau of Economy, Trade and Industry"),
    "chugoku": ("中国経済産業局", "Chugoku Bureau of Economy, Trade and Industry"),
    "shikoku": ("四国経済産業局", "Shikoku Bureau of Economy, Trade and Industry"),
    "kyushu": ("九州経済産業局", "Kyushu Bureau of Economy, Trade and Industry"),
    "okinawa": ("沖縄総合事務局 経済産業部", "Okinawa General Bureau, Economy and Industry Dept."),
}
"""Each bureau's name in Japanese and English."""

BUREAUS = tuple(BUREAU_PREFECTURES)
PREFECTURES = tuple(p for ps in BUREAU_PREFECTURES.values() for p in ps)


def bureau_of(prefecture: str) -> str | None:
    for bureau, prefectures in BUREAU_PREFECTURES.items():
        if prefecture in prefectures:
            return bureau
    return None


def check_digit(first_five: str) -> int:
    """Check digit of a local government code: (11 - sum(w*d) % 11) % 10, weights 6..2."""
    s = sum(w * int(d) for w, d in zip((6, 5, 4, 3, 2), first_five, strict=True))
    return (11 - s % 11) % 10


def code_is_valid(code: str) -> bool:
    return (
        len(code) == 6
        and code.isascii()
        and code.isdigit()
        and int(code[5]) == check_digit(code[:5])
    )


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    kana: str
    prefecture: str

    @property
    def bureau(self) -> str:
        return bureau_of(self.prefecture) or ""


@cache
def _list_text() -> str:
    return resources.files("readiness").joinpath("data/localgovjp.csv").read_text("utf-8-sig")


def _of(row: dict[str, str]) -> Municipality:
    return Municipality(row["lgcode"], row["city"], row["citykana"], row["pref"])


@cache
def municipalities() -> dict[str, Municipality]:
    """All bundled municipalities and wards, by 6-digit code."""
    return {row["lgcode"]: _of(row) for row in csv.DictReader(io.StringIO(_list_text()))}


_LONE_LOOKUPS_BEFORE_BUILDING = 8
_lone_lookups = 0


def municipality(code: str) -> Municipality | None:
    """``municipalities().get(code)``, without reading the 1,900 rows into objects when the
    list has not been built: one profile needs one town (about 12 ms of ``assess``).

    The code is the last column, so its row is the last line ending in ``,CODE``; that line
    is read by the same ``csv.DictReader`` under the same header.  Each such look-up scans the
    list's text, so from the ninth town on (a batch) the whole list is built once instead.
    """
    global _lone_lookups  # noqa: PLW0603 - a per-process count, like the caches above
    _lone_lookups += 1
    if (
        _lone_lookups > _LONE_LOOKUPS_BEFORE_BUILDING
        or municipalities.cache_info().currsize
        or not (code.isascii() and code.isdigit())
    ):
        return municipalities().get(code)
    text = _list_text()
    end = len(text) if text.endswith(f",{code}") else text.rfind(f",{code}\n") + 1 + len(code)
    if end == len(code):  # rfind found nothing
        return None
    start = text.rfind("\n", 0, end) + 1
    header = text[: text.index("\n") + 1]
    row = next(csv.DictReader(io.StringIO(header + text[start:end])), None)
    return _of(row) if row is not None and row["lgcode"] == code else None


def find_by_name(name: str) -> list[Municipality]:
    return [m for m in municipalities().values() if m.name == name]


@cache
def municipality_index() -> MunicipalityIndex:
    """Codes by name as people type it: kanji and its variants, kana, romaji (``kana.py``)."""
    return MunicipalityIndex((m.code, m.name, m.kana) for m in municipalities().values())
