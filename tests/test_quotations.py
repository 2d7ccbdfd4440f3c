"""Honest criteria: every ``official`` text is a verbatim quotation of its source.

The sources of ``kyushu-2019`` and ``tohoku-2022`` are in ``tests/data/seeds/``: each set's first
source is the seed whose heading is that source's title.  ``tohoku-2019`` quotes a news article
that is not among the seeds, so its quotations cannot be checked here (its criteria are all
readings, which the last test checks).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.criteria.model import Criteria
from readiness.criteria.source import read_criteria
from tests.conftest import data_path
from tests.quotations import is_verbatim, normalise

SEED_OF = {"kyushu-2019": "000_096f43c0375ff48f.txt", "tohoku-2022": "004_a00f4fc9b318b0ba.txt"}
# Sets whose quotations come from tests/data/seeds/DOMAIN.md (Kinki's standard model is there), or
# that inherit a seed's quotations through `extends:`.
QUOTED_ELSEWHERE = {"kinki-2016": None, "kinki-2025": None, "kyushu-2026": "kyushu-2019"}
CRITERIA_DIR = Path(__file__).resolve().parent.parent / "src" / "readiness" / "data" / "criteria"


def _set(set_id: str) -> Criteria:
    return read_criteria(set_id)


def _seed(set_id: str) -> str:
    return data_path("seeds", SEED_OF[set_id]).read_text(encoding="utf-8")


def _officials(set_id: str) -> list[tuple[str, str]]:
    c = _set(set_id)
    found = [(f"strategy {s.id}", s.official) for s in c.strategies]
    for section in c.sections:
        found.append((f"section {section.id}", section.official))
        found += [(x.id, x.official) for x in section.criteria]
    return [(where, text) for where, text in found if text is not None]


CASES = [
    pytest.param(set_id, where, text, id=f"{set_id}:{where}")
    for set_id in SEED_OF
    for where, text in _officials(set_id)
]


@pytest.mark.parametrize(("set_id", "where", "text"), CASES)
def test_official_is_verbatim_in_its_source(set_id: str, where: str, text: str) -> None:
    assert is_verbatim(text, _seed(set_id)), f"{set_id} {where}: not verbatim: {text}"


@pytest.mark.parametrize("set_id", SEED_OF)
def test_the_seed_is_the_sets_first_source(set_id: str) -> None:
    source = _set(set_id).sources[0]
    seed = _seed(set_id)
    assert is_verbatim(source.title, seed)


def test_every_section_of_the_checked_sets_quotes_its_condition() -> None:
    for set_id in SEED_OF:
        for section in _set(set_id).sections:
            assert section.official is not None, (set_id, section.id)


@pytest.mark.parametrize("path", sorted(CRITERIA_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_criterion_states_its_basis(path: Path) -> None:
    """The default (reading) is for users' files; the bundled sets say it every time."""
    c = read_criteria(str(path))
    for section in c.sections:
        for criterion in section.criteria:
            assert "basis" in criterion.model_fields_set, criterion.id
            if criterion.basis == "quoted":
                assert c.id in SEED_OF or c.id in QUOTED_ELSEWHERE, (
                    f"{criterion.id}: quoted, but {c.id}'s source is no seed"
                )


@pytest.mark.parametrize("set_id", QUOTED_ELSEWHERE)
def test_quotations_of_the_other_sets_are_verbatim(set_id: str) -> None:
    parent = QUOTED_ELSEWHERE[set_id]
    domain = data_path("seeds", "DOMAIN.md")
    texts = [_seed(parent)] if parent else [domain.read_text(encoding="utf-8")]
    for where, text in _officials(set_id):
        assert any(is_verbatim(text, t) for t in texts), f"{set_id} {where}: not verbatim: {text}"


@pytest.mark.parametrize("path", sorted(CRITERIA_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_section_quote_is_verbatim(path: Path) -> None:
    """`quotes:` (both bureaus' wordings of a common condition) are verbatim in a seed or in
    DOMAIN.md, and cite a source whose publisher is the bureau quoted."""
    c = read_criteria(str(path))
    seed_of_publisher = {
        read_criteria(set_id).sources[0].publisher: _seed(set_id) for set_id in SEED_OF
    }
    for section in c.sections:
        for q in section.quotes:
            cited = c.sources[q.source]
            assert cited.publisher in seed_of_publisher, (c.id, section.id, cited.publisher)
            seed = seed_of_publisher[cited.publisher]
            assert is_verbatim(q.text, seed), f"{c.id} {section.id}: not in its source: {q.text}"


SEED = (
    "経済産業分野（特に商工分野）での市の悩みは\n課題を具体化　していること。"
    "**両組織の体制**が (\\*) 想定"
)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("経済産業分野(特に商工分野)での市の悩みは課題", True),  # NFKC: （ is (
        ("悩みは課題を具体化していること", True),  # a line break and U+3000 are ignored
        ("両組織の体制が(*)想定", True),  # Markdown ** and \* are conversion artefacts
        ("悩み・課題", False),  # a different character is a different quotation
        ("悩みや課題", False),
        ("**", False),  # markup alone is nothing
        ("", False),  # empty matches nothing
        ("   ", False),
    ],
)
def test_is_verbatim(quote: str, expected: bool) -> None:
    assert is_verbatim(quote, SEED) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A （ B ）\n", "A(B)"),
        ("\\*x", "*x"),  # an escaped star is kept
        ("\\*\\*x", "**x"),  # escaped stars are never markup
        ("**強調**", "強調"),
        ("再工ネ", "再工ネ"),  # the kanji 工 stays; no forgiving of OCR errors
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected
