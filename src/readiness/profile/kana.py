"""Find a municipality as people type its name: kanji, kana (any width), or Hepburn romaji.

Everything here is stdlib only.  ``MunicipalityIndex`` maps several normalised keys of each
municipality to its code:

* the name in kanji, with spaces removed, ヶ/ケ/ヵ/が/ガ folded and old kanji mapped to new
  (塩竈→塩釜, 檜→桧, 鹿嶋→鹿島 …), with and without the final 市/町/村/区;
* the reading, in hiragana, with and without the final し/まち/ちょう/むら/そん/く;
* the reading as romaji, with long vowels collapsed (ō, ou, oo, oh → o), ん before b/m/p as n,
  without hyphens or apostrophes, with and without -shi/-machi/-cho/-mura/-son/-ku or
  "city"/"town"/"village"/"ward".

A query is normalised the same way and looked up key by key, in that order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from readiness.profile.nfkc import nfkc

# ---------------------------------------------------------------------------------- kana


def to_hiragana(text: str) -> str:
    """NFKC (half-width katakana → full-width), then katakana → hiragana.  ー and ヶ are kept."""
    text = nfkc(text)
    return "".join(
        chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" and c not in "ヵヶ" else c for c in text
    )


def is_kana(text: str) -> bool:
    """True when ``text`` (after ``to_hiragana``) is hiragana, ー, ・ and spaces only."""
    return bool(text) and all("\u3041" <= c <= "\u309f" or c in "ー・ 　" for c in text)


# --------------------------------------------------------------------------------- romaji

_DIGRAPHS: dict[str, str] = {
    "きゃ": "kya", "きゅ": "kyu", "きょ": "kyo", "しゃ": "sha", "しゅ": "shu", "しょ": "sho",
    "ちゃ": "cha", "ちゅ": "chu", "ちょ": "cho", "にゃ": "nya", "にゅ": "nyu", "にょ": "nyo",
    "ひゃ": "hya", "ひゅ": "hyu", "ひょ": "hyo", "みゃ": "mya", "みゅ": "myu", "みょ": "myo",
    "りゃ": "rya", "りゅ": "ryu", "りょ": "ryo", "ぎゃ": "gya", "ぎゅ": "gyu", "ぎょ": "gyo",
    "じゃ": "ja", "じゅ": "ju", "じょ": "jo", "ぢゃ": "ja", "ぢゅ": "ju", "ぢょ": "jo",
    "びゃ": "bya", "びゅ": "byu", "びょ": "byo", "ぴゃ": "pya", "ぴゅ": "pyu", "ぴょ": "pyo",
    "しぇ": "she", "ちぇ": "che", "じぇ": "je", "てぃ": "ti", "でぃ": "di", "ふぁ": "fa",
    "ふぃ": "fi", "ふぇ": "fe", "ふぉ": "fo", "うぃ": "wi", "うぇ": "we", "うぉ": "wo",
    "ゔぁ": "va", "ゔぃ": "vi", "ゔぇ": "ve", "ゔぉ": "vo",
}  # fmt: skip

_MONO: dict[str, str] = dict(
    zip(
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよ"
        "らりるれろわゐゑをがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔぁぃぅぇぉゃゅょゎ",
        "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no "  # noqa: SIM905
        "ha hi fu he ho ma mi mu me mo ya yu yo ra ri ru re ro wa i e o "
        "ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po vu "
        "a i u e o ya yu yo wa".split(),
        strict=True,
    )
)


def hepburn(kana: str) -> str:
    """Modified Hepburn romaji of hiragana/katakana, long vowels spelt out (とうきょう → toukyou).

    ん is ``n`` (``n'`` before a vowel or y), っ doubles the next consonant (``tch`` before ch),
    ー repeats the previous vowel.  Characters that are not kana pass through.
    """
    text = to_hiragana(kana)
    out: list[str] = []
    i = 0
    geminate = False
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _DIGRAPHS:
            syl, i = _DIGRAPHS[pair], i + 2
        elif text[i] in _MONO:
            syl, i = _MONO[text[i]], i + 1
        elif text[i] == "ん":
            nxt = text[i + 1 : i + 2]
            syl = "n'" if nxt and nxt in "あいうえおやゆよ" else "n"
            i += 1
        elif text[i] == "っ":
            geminate, i = True, i + 1
            continue
        elif text[i] == "ー":
            prev = next((c for c in reversed("".join(out)) if c in "aiueo"), "")
            syl, i = prev, i + 1
        elif text[i] in "ヶヵ":
            syl, i = "ke", i + 1
        else:
            syl, i = text[i], i + 1
        if geminate:
            geminate = False
            if syl.startswith("ch"):
                syl = "t" + syl
            elif syl[:1] and syl[0] not in "aiueon'":
                syl = syl[0] + syl
        out.append(syl)
    return "".join(out)


_LONG = re.compile(r"o[uoh]+(?=[^aiueoy]|$)|o[uo]+|uu+")
_KUNREI = re.compile(r"sy|ty|zy|si|ti|tu|(?<![sc])hu|zi|du")
_KUNREI_TO_HEPBURN = {"sy": "sh", "ty": "ch", "zy": "j", "si": "shi", "ti": "chi", "tu": "tsu",
                      "hu": "fu", "zi": "ji", "du": "zu"}  # fmt: skip
"""Kunrei-shiki spellings read as Hepburn (none of them occurs in Hepburn output)."""
_N_BEFORE_LABIAL = re.compile(r"m(?=[bmp])")


def romaji_key(text: str, *, loose: bool = True) -> str:
    """A romaji matching key: ASCII letters, lower case, m before b/m/p as n, kunrei as Hepburn.

    With ``loose`` (the default) long vowels are collapsed too: ``Ōsaka``, ``Oosaka``, ``Ohsaka``
    and ``OSAKA`` all give ``osaka``.  ``Semboku`` and ``Senboku`` give ``senboku``;
    ``Shin'onsen`` and ``Shinonsen`` give ``shinonsen``.  A matching key, not a romanisation.
    """
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if "a" <= c <= "z")
    text = _KUNREI.sub(lambda m: _KUNREI_TO_HEPBURN[m.group(0)], text)
    text = _N_BEFORE_LABIAL.sub("n", text)
    if loose:
        text = _LONG.sub(lambda m: m.group(0)[0], text)
    return text


def is_romaji(text: str) -> bool:
    """True when ``text`` is Latin letters (macrons and other accents allowed) and punctuation."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.isascii() and any(c.isalpha() for c in plain)


# ----------------------------------------------------------------------------- kanji names

VARIANTS: dict[str, str] = {
    # old or alternative form → the form used for matching
    "竈": "釜", "檜": "桧", "澤": "沢", "邊": "辺", "邉": "辺", "龍": "竜", "嶋": "島", "嶌": "島",
    "條": "条", "鰺": "鯵", "﨑": "崎", "嵜": "崎", "髙": "高", "濱": "浜", "濵": "浜", "齋": "斎",
    "齊": "斉", "國": "国", "櫻": "桜", "廣": "広", "萬": "万", "寳": "宝", "籠": "篭", "瀨": "瀬",
    "彌": "弥", "冨": "富", "塚": "塚", "淵": "渕", "會": "会", "壽": "寿", "藏": "蔵", "來": "来",
    "眞": "真", "縣": "県", "關": "関", "禮": "礼", "驒": "騨", "當": "当", "澁": "渋", "瀧": "滝",
    "舘": "館", "槇": "槙", "栁": "柳", "德": "徳", "惠": "恵", "曾": "曽", "豐": "豊", "峯": "峰",
    "嶽": "岳", "乘": "乗", "傳": "伝", "邨": "村", "鷆": "鷏",
}  # fmt: skip
"""Old/new and variant kanji folded for name matching (both sides are folded)."""

_KE = str.maketrans({"ヶ": "ケ", "ヵ": "ケ", "が": "ケ", "ガ": "ケ", "ｹ": "ケ"})
_KANJI_SUFFIXES = ("市", "町", "村", "区")
_KANA_SUFFIXES = ("ちょう", "まち", "むら", "そん", "し", "く")
_ROMAJI_SUFFIXES = ("city", "town", "village", "ward", "shi", "machi", "cho", "mura", "son", "ku")


def name_key(name: str) -> str:
    """Kanji name key: NFKC, no spaces, ヶ/ケ/ヵ/が folded, variant kanji mapped."""
    text = "".join(nfkc(name).split())
    text = text.translate(_KE)
    return "".join(VARIANTS.get(c, c) for c in text)


def _strip_suffix(text: str, suffixes: Iterable[str]) -> str:
    for s in suffixes:
        if text.endswith(s) and len(text) > len(s) + 1:
            return text[: -len(s)]
    return text


def _with_stripped(key: str, suffixes: Iterable[str]) -> list[str]:
    stripped = _strip_suffix(key, suffixes)
    return [key] if stripped == key else [key, stripped]


def _exact(name: str) -> str:
    return "".join(nfkc(name).split())


def query_keys(query: str) -> list[tuple[str, list[str]]]:
    """(table, keys) pairs to try for ``query``, most specific first.

    Tables: ``exact`` (the name as written), ``name`` (variants folded), ``kana``, ``romaji``
    (long vowels as written) and ``loose`` (long vowels collapsed).
    """
    q = nfkc(query).strip()
    tries: list[tuple[str, list[str]]] = [
        ("exact", _with_stripped(_exact(q), _KANJI_SUFFIXES)),
        ("name", _with_stripped(name_key(q), _KANJI_SUFFIXES)),
    ]
    hira = "".join(to_hiragana(q).split())
    if is_kana(hira):
        tries.append(("kana", _with_stripped(hira, _KANA_SUFFIXES)))
    if is_romaji(q):
        words = [w for w in re.split(r"[\s\-_,.]+", q.lower()) if w]
        variants = ["".join(words)]
        if len(words) > 1 and words[-1] in _ROMAJI_SUFFIXES:
            variants.append("".join(words[:-1]))
        if q.isascii():  # a macron or circumflex says "long", which only the loose keys ignore
            tries.append(("romaji", [romaji_key(v, loose=False) for v in variants]))
        tries.append(("loose", [romaji_key(v) for v in variants]))
    return tries


# ----------------------------------------------------------------------------------- index

_Table = dict[str, set[str]]


class MunicipalityIndex:
    """Codes by normalised key.  Each table is built on first use, so a lookup by the exact
    name never pays for the kana or romaji tables."""

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """``rows``: (code, name, hiragana reading).

        A ward is "札幌市 中央区" / "さっぽろし ちゅうおうく"."""
        self._rows = tuple(rows)
        self._tables: dict[str, _Table] = {}

    def table(self, kind: str) -> _Table:
        if kind not in self._tables:
            table: _Table = {}
            for code, name, reading in self._rows:
                for key in self._keys(kind, name, reading):
                    table.setdefault(key, set()).add(code)
            self._tables[kind] = table
        return self._tables[kind]

    @staticmethod
    def _keys(kind: str, name: str, reading: str) -> set[str]:
        source = reading if kind in ("kana", "romaji", "loose") else name
        pieces = source.split()
        keys: set[str] = set()
        # the whole name ("札幌市中央区") and, for a ward, the ward alone ("中央区")
        for piece in {"".join(pieces), pieces[-1]} if pieces else set():
            if kind == "exact":
                keys.update(_with_stripped(_exact(piece), _KANJI_SUFFIXES))
            elif kind == "name":
                keys.update(_with_stripped(name_key(piece), _KANJI_SUFFIXES))
            else:
                hira = to_hiragana(piece)
                for k in _with_stripped(hira, _KANA_SUFFIXES):
                    keys.add(k if kind == "kana" else romaji_key(hepburn(k), loose=kind == "loose"))
        return keys

    def lookup(self, query: str) -> list[str]:
        """Codes matching ``query`` (sorted), from the first table and key that finds anything."""
        for kind, keys in query_keys(query):
            table = self.table(kind)
            for key in keys:
                if key in table:
                    return sorted(table[key])
        return []

    def build_all(self) -> None:
        """Build every table now (for timing, or to pay the cost up front)."""
        for kind in ("exact", "name", "kana", "romaji", "loose"):
            self.table(kind)
