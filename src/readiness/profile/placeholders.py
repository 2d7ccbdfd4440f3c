"""Text that says nothing: placeholders, and text too short to carry meaning.

A placeholder is refused when a profile loads (it would otherwise count as a stated fact); text
that is too short is accepted but earns nothing (see :mod:`readiness.profile.substance`).

Both are judged on the *folded* text: Unicode NFKC (so ``ＴＢＤ`` is ``TBD``), lower case,
whitespace removed, and trailing punctuation and a polite ending (です, でした, である) stripped,
so that ``未定です。`` and ``なし。`` are ``未定`` and ``なし``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from readiness.profile.nfkc import nfkc

_ENDINGS = ("です", "でした", "である", "だ")
_TRAILING = "。、．，.,!！?？:：;；・…‥"
_DASHES = "-ー―─—–~〜"

# Words people type for "not known yet", "none" or "fill in here", after folding.
PLACEHOLDER_WORDS = frozenset(
    {"未定", "不明", "不詳", "なし", "無し", "該当なし", "特になし", "未記入", "未入力", "未設定",
     "検討中", "調整中", "協議中", "予定", "準備中", "確認中", "後日", "追って", "記入例", "例",
     "サンプル", "ダミー", "テスト", "ほげ", "hoge", "tbd", "tba", "tbc", "n/a", "na", "none",
     "null", "nil", "todo", "fixme", "xxx", "example", "sample", "dummy", "test", "foo",
     "lorem", "loremipsum"}
)  # fmt: skip

# A short subject followed by "undecided": 担当未定, 時期未定, 日程調整中, 担当者検討中.
_UNDECIDED = re.compile(r"^.{0,4}(未定|検討中|調整中|協議中|確認中)$")
# Marks that stand for a name still to be written: ○○市, 〇〇課, ××商工会, ＊＊, □□.
_MARKS = re.compile(r"[○〇◯●◎×✕✖＊*□■△▲]{2,}|[xX]{3,}")
# Any one of those marks: one pass over the text, where _MARKS tries each place in turn.
_MARK = re.compile(r"[○〇◯●◎×✕✖＊*□■△▲xX]")
# Text written only in these (kanji, kana, Japanese brackets and commas, lower-case ASCII letters
# but x, digits) is its own NFKC and its own fold, save for what folding strips from its end,
# and holds no mark: tests/test_substance.py checks each character.  Most text is so written.
_OWN_FOLD = re.compile(r"[ぁ-ゖァ-ヺー一-鿿々、。・「」『』0-9a-wyz_\-]+")
_UNDECIDED_LONGEST = 7
"""The longest text _UNDECIDED matches: four letters, then 検討中 (folded text has no line
break for ``$`` to stop before)."""

# The last letters of what folding strips from the end: text that ends otherwise (most text)
# is folded without trying each ending.
_TAIL_ENDS = frozenset(_TRAILING) | {ending[-1] for ending in _ENDINGS}

MIN_LENGTH = 2
"""Fewer letters than this (after folding, punctuation left out) carry no meaning."""


def fold(text: str) -> str:
    """NFKC, lower case, no whitespace, no trailing punctuation or polite ending."""
    return _fold_nfkc(nfkc(text))


def _fold_nfkc(normalized: str) -> str:
    """:func:`fold` of text already in NFKC."""
    folded = "".join(normalized.lower().split())
    if folded[-1:] not in _TAIL_ENDS:  # most text: nothing at the end to strip
        return folded
    while True:
        stripped = folded.rstrip(_TRAILING)
        for ending in _ENDINGS:
            if stripped.endswith(ending) and len(stripped) > len(ending):
                stripped = stripped[: -len(ending)]
        if stripped == folded:
            return folded
        folded = stripped


def placeholder_reason(text: str) -> str | None:
    """Why ``text`` is a placeholder, or None if it is not one."""
    if _OWN_FOLD.fullmatch(text) and text[-1] not in _TAIL_ENDS:
        normalized = folded = again = text
    else:
        normalized = nfkc(text)
        folded = _fold_nfkc(normalized)
        again = _fold_again(folded)
    if not folded.strip(_DASHES):
        return "punctuation or a dash alone"
    if folded in PLACEHOLDER_WORDS or again in PLACEHOLDER_WORDS:
        return "a placeholder word"
    if _MARK.search(normalized) and _MARKS.search(normalized):
        return "placeholder marks (○○, ××, xxx) standing for a name still to be written"
    if len(folded) <= _UNDECIDED_LONGEST and _UNDECIDED.match(folded):
        return "says that it is not decided yet"
    return None


def _fold_again(folded: str) -> str:
    """``fold(folded)``: the text itself unless NFKC or lower case still change it (folding
    leaves no whitespace, and stops where no punctuation or ending is left to strip)."""
    if folded.isascii() or (unicodedata.is_normalized("NFKC", folded) and folded.lower() == folded):
        return folded
    return fold(folded)


# Every character but a letter or a number (Unicode categories L and N): in Python's ``re``,
# ``\w`` is a letter, a number or ``_``.  tests/test_substance.py checks this on every character.
_NOT_LETTERS = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def letters(text: str) -> str:
    """The letters, digits and ideographs of ``text`` (NFKC), without spaces or punctuation."""
    return _NOT_LETTERS.sub("", nfkc(text).lower())


def too_short(text: str) -> bool:
    """Fewer than :data:`MIN_LENGTH` letters, or one letter repeated (``aaa``, ``ーーー``)."""
    core = letters(text)
    return len(core) < MIN_LENGTH or len(set(core)) == 1


# Letters that NFKC and lower case leave as they are, wherever they stand: kana, kanji, 々, ー,
# lower-case ASCII letters and digits.  Then characters that NFKC never joins to the character
# before them (no combining mark, nor the second half of any composition).  tests/test_substance.py
# checks both on every character of each class.
PLAIN_LETTERS = "ぁ-ゖァ-ヺー一-鿿々a-z0-9"
PLAIN_NEXT = PLAIN_LETTERS + r"\x20-\x7e、。・「」『』（）"  # printable ASCII, Japanese punctuation
_TWO_PLAIN = re.compile(f"[{PLAIN_LETTERS}]{{2}}(?:[{PLAIN_NEXT}]|\\Z)")


def plainly_meaningful(text: str) -> bool:
    """True only if ``text`` is not :func:`too_short`, at the cost of its first three characters
    (False says nothing).  Two different plain letters first, followed by nothing or by a
    character that NFKC cannot join to them, are the first two letters of :func:`letters`: two
    different letters."""
    return _TWO_PLAIN.match(text) is not None and text[0] != text[1]


def same_key(text: str) -> str:
    """The key under which two texts are the same entry: NFKC, lower case, letters only."""
    return letters(text) or fold(text)
