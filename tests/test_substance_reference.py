"""The substance rules equal the rules as first written (``tests/reference_substance.py``).

``readiness.profile.substance`` reads each model class's fields once, judges a text only as far
as it must (a key only for an entry with siblings, no normalisation for text that opens with
two different plain letters) and copies nothing that does not change.  Here the cleaned profile
(every field and every field set, at every depth), the findings and their order, and whether
the profile came back as it was, must equal the reference's: on profiles of the batch
benchmark's generator (``benchmarks/generate.py``), and on the same with texts made short,
odd or repeated, entries repeated in another spelling, strategies over-claimed, empty records
and programmes named outside the catalogue.
"""

from __future__ import annotations

import copy
import sys
import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from readiness import bundled_criteria
from readiness.profile import placeholders, substance
from readiness.profile.model import (
    Initiative,
    Issue,
    Kpi,
    Partner,
    Profile,
    ProgrammeUse,
    Record,
    Team,
    Timeline,
    Will,
)
from readiness.profile.placeholders import placeholder_reason, plainly_meaningful, too_short
from readiness.profile.substance import substantive
from tests.generated import generated
from tests.reference_substance import substantive as reference

STRATEGIES = [frozenset(s.id for s in c.strategies) for c in bundled_criteria()]


def same_model(a: object, b: object) -> None:
    """Equal, and, at every depth, the same fields set (pydantic's ``==`` ignores those)."""
    assert a == b
    assert type(a) is type(b)
    if isinstance(a, BaseModel):
        assert isinstance(b, BaseModel)
        assert a.model_fields_set == b.model_fields_set
        for name in type(a).model_fields:
            same_model(getattr(a, name), getattr(b, name))
    elif isinstance(a, list):
        assert isinstance(b, list)
        for x, y in zip(a, b, strict=True):
            same_model(x, y)


def check(data: dict[str, Any]) -> None:
    profile = Profile.model_validate(data)
    for strategies in (frozenset(), *STRATEGIES):
        for _ in range(2):  # the second time, the memos answer
            cleaned, findings = substantive(profile, strategies)
            expected, expected_findings = reference(profile, strategies)
            assert findings == expected_findings
            same_model(cleaned, expected)
            assert (cleaned is profile) == (expected is profile)


@pytest.mark.parametrize("seed", range(200))
def test_generated_profiles_read_as_the_reference_reads_them(seed: int) -> None:
    check(generated(seed))


# -- mutated profiles ----------------------------------------------------------------------

# Characters where a shortcut could go wrong: NFKC joins (a voiced mark, half-width or
# combining), full-width and upper-case letters that fold onto others, letters that lower case
# expands, the long-vowel mark (a letter), ``_`` and ``-`` (not letters), punctuation.
TRICKY = list("aAbｂＢxX1１一二ーｰ々〇かがゕｶﾞﾟ\u3099\u0301eé_-・。、（(「 　ΣσςİiﬁⅰⅡ가각\u11a8")
TRICKY_TEXTS = [
    "a", "ab", "Ab", "aA", "ＡＢ", "ab-", "a-a", "_a", "a_b", "・a・", "ー課", "課ー", "課",
    "が", "がかﾞ", "がか\u3099", "かﾞが", "ぱは\u309a", "Σσ", "ﬁfi", "ⅰⅰ", "İi", "12", "１２",
    "11", "商工会", "商工会。", "ＩＴ", "it", "IT", "i t", "合志 食品", "合志　食品", "合志食品",
    "unknown", "Unknown",
]  # fmt: skip
texts = st.one_of(
    st.sampled_from(TRICKY_TEXTS), st.text(alphabet=st.sampled_from(TRICKY), max_size=5)
).filter(lambda t: bool(t.strip()) and placeholder_reason(t.strip()) is None)

# Keys whose text is an id or a fixed word: left as generated, so that the profile loads.
FIXED = substance._NOT_PROSE | {"schema_version", "as_of", "municipality", "sources", "year"}


def _texts_in(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to the prose texts of a generated profile."""
    if isinstance(node, dict):
        return [p for k, v in node.items() if k not in FIXED for p in _texts_in(v, (*path, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _texts_in(v, (*path, i))]
    return [path] if isinstance(node, str) and node != "unknown" else []


def _lists_in(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to the non-empty lists of a generated profile."""
    if isinstance(node, dict):
        return [p for k, v in node.items() if k not in FIXED for p in _lists_in(v, (*path, k))]
    if isinstance(node, list):
        inner = [p for i, v in enumerate(node) for p in _lists_in(v, (*path, i))]
        return [path, *inner] if node else inner
    return []


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _respell(text: str) -> str:
    """The same entry in another spelling: full width, spaces, a trailing full stop."""
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return f" {wide[:1]} {wide[1:]}。"


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = generated(draw(st.integers(0, 10_000)))
    rng = draw(st.randoms(use_true_random=False))
    paths = _texts_in(data)
    for _ in range(draw(st.integers(0, 4)) if paths else 0):
        path = rng.choice(paths)
        _at(data, path[:-1])[path[-1]] = draw(texts)
    for _ in range(draw(st.integers(0, 3))):
        lists = _lists_in(data)  # again: an item put in a list moves the paths after it
        if not lists:
            break
        items = _at(data, rng.choice(lists))
        item = copy.deepcopy(rng.choice(items))
        if isinstance(item, str) and draw(st.booleans()):
            item = _respell(item)
        items.insert(rng.randint(0, len(items)), item)
    for initiative in data.get("initiatives", []):
        if draw(st.booleans()):
            initiative["serves"] = draw(
                st.lists(st.sampled_from(sorted(set().union(*STRATEGIES))), max_size=6)
            )
        if draw(st.booleans()):
            initiative["timeline"] = draw(st.sampled_from([{"start": None}, {}, None, "unknown"]))
    programmes = data["record"]["programmes"]
    names = st.sampled_from(["sogyo-shie", "a", "ab", "地域の独自制度", "ＡＢ"])
    for name in draw(st.lists(names, max_size=3)):
        programmes.insert(rng.randint(0, len(programmes)), {"programme": name, "firms": ["a"]})
    if draw(st.booleans()):
        data["will"]["team"] = {
            "kind": draw(texts),
            "departments": draw(st.lists(texts, max_size=3)),
        }
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_mutated_profiles_read_as_the_reference_reads_them(data: dict[str, Any]) -> None:
    check(data)


def test_mutations_reach_every_rule() -> None:
    """The mutated profiles above meet every finding the rules give."""
    codes: set[str] = set()

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=mutated())
    def collect(data: dict[str, Any]) -> None:
        for strategies in STRATEGIES:
            codes.update(f.code for f in substantive(Profile.model_validate(data), strategies)[1])

    collect()
    assert codes == {"too-short", "duplicate", "near-catalogue", "too-many-strategies"}


# -- what is read of each record -------------------------------------------------------------


def test_fields_that_hold_no_prose_are_not_read() -> None:
    """Dates, numbers and yes-or-no never hold text to judge (but ``unknown``, which is never
    too short): they are left out once per class."""
    skipped = {
        cls.__name__: sorted(
            set(cls.model_fields) - substance._NOT_PROSE - set(substance._prose_fields(cls))
        )
        for cls in (Will, Team, Issue, Initiative, Timeline, Kpi, Partner, Record, ProgrammeUse)
    }
    assert skipped == {
        "Will": ["annual_review", "requested_partnership", "staff_fte"],
        "Team": ["cross_departmental"],
        "Issue": [],
        "Initiative": [],
        "Timeline": ["end", "start"],
        "Kpi": ["by"],
        "Partner": [],
        "Record": [],
        "ProgrammeUse": ["year"],
    }
    assert not too_short("unknown")


# -- the shortcut for plainly meaningful text -------------------------------------------------


def _class_members(chars: str) -> list[str]:
    import re

    pattern = re.compile(f"[{chars}]")
    return [chr(i) for i in range(sys.maxunicode + 1) if pattern.fullmatch(chr(i))]


def _second_halves() -> set[str]:
    """Characters that NFC may join to the character before them: the second of a canonical
    pair, and Hangul vowels and final consonants."""
    halves = {chr(c) for c in (*range(0x1161, 0x1176), *range(0x11A8, 0x11C3))}
    for i in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(i)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            halves.add(chr(int(parts[1], 16)))
    return halves


def test_plain_letters_stay_as_they_are_wherever_they_stand() -> None:
    """Each plain letter is a letter or a number that NFKC and lower case leave alone, and
    each character allowed after two of them starts, once decomposed, with a character that
    nothing joins to what comes before: so the two open :func:`letters`."""
    halves = _second_halves()
    letters = _class_members(placeholders.PLAIN_LETTERS)
    following = _class_members(placeholders.PLAIN_NEXT)
    assert set(letters) <= set(following)
    for c in letters:
        assert unicodedata.category(c)[0] in "LN", c
        assert unicodedata.normalize("NFKC", c) == c == c.lower(), c
    for c in following:
        first = unicodedata.normalize("NFKD", c)[0]
        assert unicodedata.combining(first) == 0, c
        assert first not in halves, c
        assert c not in halves, c


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8")), max_size=6)
)
def test_plainly_meaningful_text_is_never_too_short(text: str) -> None:
    if plainly_meaningful(text):
        assert not too_short(text)


@pytest.mark.parametrize(
    ("text", "plain"),
    [("商工", True), ("ab", True), ("ab-", True), ("産業（", True), ("aa", False),
     ("ーー課", False), ("Ab", False), ("_ab", False), ("がかﾞ", False), ("がか\u3099", False),
     ("ab\u0301", False), ("一二\u11a8", False)],
)  # fmt: skip
def test_plainly_meaningful(text: str, plain: bool) -> None:
    assert plainly_meaningful(text) is plain
