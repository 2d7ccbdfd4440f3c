"""Mistakes people make when typing YAML by hand, especially with a Japanese input method."""

from __future__ import annotations

import pytest

from readiness import ReadinessError
from readiness.criteria.loading import load_criteria_text
from readiness.profile.loading import load_profile_text
from tests.conftest import ROOT

HEAD = (
    "schema_version: 1\nas_of: 2024-04-01\n"
    "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n"
)

PROFILE_CASES = [
    ("quoted schema version", HEAD.replace("schema_version: 1", 'schema_version: "1"'),
     "t.yaml:1:17: bad-type schema_version: write 1 without quotes, as a number"),
    ("full-width colon", HEAD + "will:\n  lead_department：産業部\n",
     "t.yaml:5:3: bad-type will: expected a mapping of fields, got 'lead_department：産業部' "
     "(full-width '：': type these in half-width, as YAML needs)"),
    ("full-width space", HEAD + "will:\n\u3000lead_department: 産業部\n",
     "t.yaml:5:1: unknown-field unknown field '\\u3000lead_department' (a full-width space: "
     "type these in half-width, as YAML needs)"),
    ("placeholder word", HEAD + "will:\n  lead_department: 未定\n",
     "t.yaml:5:20: placeholder will.lead_department: '未定' is a placeholder (a placeholder "
     "word), which would count "
     "as a stated fact: write unknown if it is not known yet, or leave the field out if there "
     "is none"),
    ("placeholder in a list", HEAD + "issues:\n  - {id: a, title: A, evidence: [N/A]}\n",
     "t.yaml:5:34: placeholder issues[0].evidence[0]: 'N/A' is a placeholder (a placeholder "
     "word), which would count "
     "as a stated fact: write unknown if it is not known yet, or leave the field out if there "
     "is none"),
    ("number where text", HEAD + "issues:\n  - {id: a, title: 2024}\n",
     "t.yaml:5:20: bad-type issues[0].title: expected text, but YAML reads '2024' as the "
     "number 2024: put it in quotes, '2024'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PROFILE_CASES], ids=[c[0] for c in PROFILE_CASES]
)
def test_profile_typing_mistakes(text: str, expected: str) -> None:
    with pytest.raises(ReadinessError) as caught:
        load_profile_text(text, "t.yaml")
    assert str(caught.value.diagnostics[-1]) == expected


TOHOKU = (ROOT / "criteria" / "tohoku-2022.yaml").read_text("utf-8")

CRITERIA_CASES = [
    ("misspelt check kind", TOHOKU.replace("kind: is_true", "kind: is_ture", 1),
     "c.yaml:91:15: bad-value sections[0].criteria[2].check.checks[2]: unknown kind 'is_ture': "
     "did you mean 'is_true'? (choose from 'present', 'is_true', 'at_least', 'one_of', "
     "'count', 'all', 'any')"),
    ("missing check kind",
     TOHOKU.replace("check: {kind: present, field: will.lead_department}",
                    "check: {field: will.lead_department}", 1),
     "c.yaml:74:16: missing-field sections[0].criteria[1].check: missing 'kind': say which "
     "kind of check this is"),
    ("period ends before it starts", TOHOKU.replace("end: 2025-03-31", "end: 2020-03-31", 1),
     "c.yaml:20:3: bad-value period: the period ends (2020-03-31) before it "
     "starts (2022-04-01)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CRITERIA_CASES], ids=[c[0] for c in CRITERIA_CASES]
)
def test_criteria_typing_mistakes(text: str, expected: str) -> None:
    with pytest.raises(ReadinessError) as caught:
        load_criteria_text(text, "c.yaml")
    assert [str(d) for d in caught.value.diagnostics] == [expected]


@pytest.mark.parametrize("word", ["unknown", "Unknown", "UNKNOWN", " unknown "])
def test_unknown_in_any_case(word: str) -> None:
    profile = load_profile_text(
        HEAD + f"will:\n  annual_review: '{word}'\n  lead_department: '{word}'\n", "t.yaml"
    )
    assert (profile.will.annual_review, profile.will.lead_department) == ("unknown", "unknown")
