"""The fast NFKC of Japanese text is exactly ``unicodedata``'s, and the shortcuts of the
placeholder check and of Japanese values give what the long way gives."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from readiness.profile import jvalues
from readiness.profile import placeholders as ph
from readiness.profile.nfkc import _NARROW, nfkc

# Full-width and half-width forms, the ideographic space, combining marks (the voiced marks of
# kana, an acute), compatibility characters (㈱ ① ㍻ ﬁ), kana, kanji, ASCII.
JAPANESE = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            [*_NARROW, "\u3099", "\u309a", "\u0301", "゛", "゜", "㈱", "①", "㍻", "ﬁ", "İ", "K"]
        ),
        st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(codec="utf-8"),
    ),
    max_size=16,
)


@settings(max_examples=3000, deadline=None)
@given(JAPANESE)
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("wide", sorted(_NARROW))
def test_each_wide_form_is_replaced_by_its_decomposition(wide: str) -> None:
    assert _NARROW[wide] == unicodedata.normalize("NFKD", wide)
    for text in (f"中{wide}", f"{wide}\u3099", f"{wide}\u0301が", f"ｶ{wide}ﾞ"):
        assert nfkc(text) == unicodedata.normalize("NFKC", text)


def _composition_seconds() -> set[str]:
    """Every character that canonical composition can join to the character before it."""
    out = set()
    for i in range(sys.maxunicode + 1):
        d = unicodedata.decomposition(chr(i))
        if d and not d.startswith("<") and len(d.split()) == 2:
            out.add(chr(int(d.split()[1], 16)))
    return out


def test_text_in_the_plain_scripts_is_its_own_fold() -> None:
    """What placeholder_reason takes as is: each character is its own NFKC, a starter that
    combines with none before it (so text of them passes Unicode's quick check: it is in NFKC),
    has no case, is no space and no placeholder mark."""
    seconds = _composition_seconds()
    own = [chr(i) for i in range(sys.maxunicode + 1) if ph._OWN_FOLD.fullmatch(chr(i))]
    assert len(own) > 20_000
    for c in own:
        assert unicodedata.normalize("NFKC", c) == c, c
        assert unicodedata.combining(c) == 0, c
        assert c not in seconds, c
        assert c.lower() == c, c
        assert not c.isspace(), c
        assert not ph._MARK.search(c), c
    assert set(ph._TRAILING) <= ph._TAIL_ENDS


def _reference_reason(text: str) -> str | None:
    """placeholder_reason as first written: every step on every text, with unicodedata."""

    def fold(t: str) -> str:
        folded = "".join(unicodedata.normalize("NFKC", t).lower().split())
        while True:
            stripped = folded.rstrip(ph._TRAILING)
            for ending in ph._ENDINGS:
                if stripped.endswith(ending) and len(stripped) > len(ending):
                    stripped = stripped[: -len(ending)]
            if stripped == folded:
                return folded
            folded = stripped

    folded = fold(text)
    if not folded.strip(ph._DASHES):
        return "punctuation or a dash alone"
    if folded in ph.PLACEHOLDER_WORDS or fold(folded) in ph.PLACEHOLDER_WORDS:
        return "a placeholder word"
    if ph._MARKS.search(unicodedata.normalize("NFKC", text)):
        return "placeholder marks (○○, ××, xxx) standing for a name still to be written"
    if ph._UNDECIDED.match(folded):
        return "says that it is not decided yet"
    return None


PLAIN_SCRIPT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x3041, max_codepoint=0x3096),  # hiragana
        st.characters(min_codepoint=0x30A1, max_codepoint=0x30FC),  # katakana, ・, ー
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # kanji
        st.sampled_from("々、。・「」『』0123456789abcdefghijklmnopqrstuvwyz_-"),
    )
)
WORDS = st.sampled_from(
    [*sorted(ph.PLACEHOLDER_WORDS), "担当未定", "日程調整中", "担当者検討中", "ーー", "--", "○○"]
)
ENDS = st.sampled_from(["", "です", "でした。", "だ", "。", "（未定）", "、", "ー", "ｘｘｘ"])


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.tuples(PLAIN_SCRIPT, WORDS | PLAIN_SCRIPT, ENDS).map("".join),
        st.tuples(WORDS, ENDS).map("".join),
        JAPANESE,
    )
)
def test_placeholder_reason_agrees_with_the_long_way(text: str) -> None:
    assert ph.placeholder_reason(text) == _reference_reason(text)


def test_the_longest_undecided_text() -> None:
    words = re.findall(r"[^|()]+", ph._UNDECIDED.pattern.split("(", 1)[1])
    assert 4 + max(len(w.rstrip("$")) for w in words) == ph._UNDECIDED_LONGEST


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        st.dates().map(dt.date.isoformat),
        st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
        st.sampled_from(["2024-02-30", "2023-02-29", "0000-01-01", "2024-13-01", "2024-04-01"]),
    )
)
def test_an_iso_date_reads_as_the_japanese_date_reader_reads_it(text: str) -> None:
    from readiness.input.jdates import DateError, parse_date

    try:
        expected: object = parse_date(text)
    except DateError as e:
        expected = e.en
    try:
        got: object = jvalues._date(text)
    except PydanticCustomError as e:  # the error pydantic reports
        got = (e.context or {})["en"]
    assert got == expected


@pytest.mark.parametrize(
    "table",
    [jvalues.TOP_COMMITMENT_JA, jvalues.PARTNER_TYPE_JA, jvalues.COMMITMENT_JA,
     jvalues.BUREAU_JA, jvalues.BOOL_JA],
)  # fmt: skip
def test_japanese_words_read_as_after_normalising(table: dict[str, object]) -> None:
    read = jvalues._aliases(table)
    folded = {jvalues._key(k): v for k, v in table.items()}
    written = [*table, *(v for v in table.values() if isinstance(v, str))]
    for word in [*written, *(f"{w} " for w in written if isinstance(w, str)), "other", 1, None]:
        expected = folded.get(jvalues._key(word), word) if isinstance(word, str) else word
        assert read(word) == expected


def test_texts_found_plain_are_remembered_within_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness.profile import model

    monkeypatch.setattr(model, "_PLAIN_SEEN", set())
    monkeypatch.setattr(model, "_PLAIN_SEEN_MAX", 10)
    for i in range(25):
        assert model._plain_text(f"産業振興課{i}") == f"産業振興課{i}"
        assert 0 < len(model._PLAIN_SEEN) <= 10
    for _ in range(2):  # refused each time: only plain text is remembered
        with pytest.raises(PydanticCustomError):
            model._plain_text("未定です")
        assert model._plain_text("Unknown") == "unknown"
