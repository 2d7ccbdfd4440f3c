"""Dates as Japanese offices write them: 2024/4/1, 2024年4月1日, 令和6年4月1日, R6.4.1, 令和元年.

``parse_date`` returns a ``datetime.date`` or raises ``DateError``, whose ``ja`` and ``en``
messages quote the text as written.  Full-width digits and letters, the one-character era
signs (㋿ ㍻ ㍼) and spaces are normalised with NFKC first.

Accepted forms (M and D may have one or two digits, except where noted):

* ``YYYY-MM-DD`` (ISO, two digits), ``YYYY-M-D``, ``YYYY/M/D``, ``YYYY.M.D``;
* ``YYYY年M月D日``; ``YYYYMMDD``;
* ``<era>N年M月D日`` with era 令和/平成/昭和/大正, N a number or 元;
* ``<era letter>N.M.D``, ``<era letter>N/M/D``, ``<era letter>N-M-D`` with R/H/S/T (either case),
  or the era's first kanji (令/平/昭/大), N a number or 元.

Era years are checked against the era's first and last day: 平成31年4月30日 is valid, 平成31年5月1日
is not (it is 令和元年5月1日); 令和元年4月30日 is not.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Era:
    kanji: str
    letter: str
    en: str
    first: dt.date
    last: dt.date | None  # None: the current era


ERAS: tuple[Era, ...] = (
    Era("令和", "R", "Reiwa", dt.date(2019, 5, 1), None),
    Era("平成", "H", "Heisei", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("昭和", "S", "Showa", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    Era("大正", "T", "Taisho", dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
)
_BY_NAME = {e.kanji: e for e in ERAS} | {e.kanji[0]: e for e in ERAS} | {e.letter: e for e in ERAS}


class DateError(ValueError):
    """A date that could not be read; ``ja`` and ``en`` say why, quoting the input."""

    def __init__(self, text: str, ja: str, en: str) -> None:
        super().__init__(en)
        self.text = text
        self.ja = ja
        self.en = en

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


_N = r"(\d{1,2})"
_WESTERN = re.compile(
    rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}})|(\d{{4}})年{_N}月{_N}日|(\d{{4}})(\d\d)(\d\d)"
)
_ERA = re.compile(
    r"(令和|平成|昭和|大正|[令平昭大RHST])"
    r"(?:(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日|(\d{1,2}|元)([-/.])(\d{1,2})\6(\d{1,2}))"
)
_FORMS_JA = "2024-04-01、2024/4/1、2024年4月1日、令和6年4月1日、R6.4.1"
_FORMS_EN = "2024-04-01, 2024/4/1, 2024年4月1日, 令和6年4月1日 or R6.4.1"


def _normalise(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    t = "".join(t.split())
    return t.upper() if t.isascii() else re.sub(r"^[rhst](?=[\d元])", lambda m: m[0].upper(), t)


def _ja(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _make(text: str, y: int, m: int, d: int) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise DateError(
            text,
            f"「{text}」は存在しない日付です（{y}年{m}月{d}日）。",
            f"{text!r} is not a real date ({y}-{m:02d}-{d:02d} does not exist).",
        ) from None


def parse_date(text: str) -> dt.date:
    """The date ``text`` stands for; raises ``DateError`` with Japanese and English messages."""
    t = _normalise(text)
    if (w := _WESTERN.fullmatch(t)) is not None:
        if w[1] is not None:
            return _make(text, int(w[1]), int(w[3]), int(w[4]))
        if w[5] is not None:
            return _make(text, int(w[5]), int(w[6]), int(w[7]))
        return _make(text, int(w[8]), int(w[9]), int(w[10]))
    if (e := _ERA.fullmatch(t)) is not None:
        era = _BY_NAME[e[1]]
        year_s, month_s, day_s = (e[2], e[3], e[4]) if e[2] is not None else (e[5], e[7], e[8])
        year = 1 if year_s == "元" else int(year_s)
        if year < 1:
            raise DateError(
                text,
                f"「{text}」: {era.kanji}0年はありません（元年または1年から数えます）。",
                f"{text!r}: there is no year 0 of {era.en} ({era.kanji}); it starts at 1 (元年).",
            )
        date = _make(text, era.first.year + year - 1, int(month_s), int(day_s))
        if date < era.first or (era.last is not None and date > era.last):
            span_ja = f"{_ja(era.first)}〜" + (_ja(era.last) if era.last else "")
            span_en = f"{era.first.isoformat()} to " + (era.last.isoformat() if era.last else "now")
            right = next(
                (x for x in ERAS if x.first <= date and (x.last is None or date <= x.last)), None
            )
            hint_ja = hint_en = ""
            if right is not None:
                n = date.year - right.first.year + 1
                year_ja = "元" if n == 1 else str(n)
                hint_ja = f"{right.kanji}{year_ja}年{date.month}月{date.day}日のことでしょうか。"
                hint_en = f" Did you mean {right.kanji}{year_ja}年{date.month}月{date.day}日?"
            raise DateError(
                text,
                f"「{text}」は{era.kanji}の期間（{span_ja}）の外です。{hint_ja}",
                f"{text!r} is outside the {era.en} era ({era.kanji}, {span_en}).{hint_en}",
            )
        return date
    raise DateError(
        text,
        f"「{text}」は日付として読めません。例: {_FORMS_JA}",
        f"{text!r} is not a date; write it as {_FORMS_EN}.",
    )
