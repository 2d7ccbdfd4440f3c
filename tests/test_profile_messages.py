"""Profile mistakes and the exact located message for each: what is wrong and what to do."""

from __future__ import annotations

import pytest

from readiness.diagnostics import ReadinessError
from readiness.profile.loading import load_profile_text

HEAD = (
    'schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: 石巻市\n  code: "042021"\n'
    "  prefecture: 宮城県\n"
)

# (id, lines after HEAD, expected diagnostics)
CASES: list[tuple[str, str, list[str]]] = [
    ("misspelt top-level field", "parters: []\n",
     ["p.yaml:7:1: unknown-field unknown field 'parters': did you mean 'partners'?"]),
    ("misspelt nested field", "will:\n  lead_departmnt: 産業部\n",
     ["p.yaml:8:3: unknown-field unknown field 'lead_departmnt' in will: did you mean "
      "'lead_department'?"]),
    ("value close to a choice", "will:\n  top_commitment: mayer\n",
     ["p.yaml:8:19: bad-value will.top_commitment: 'mayer' is not allowed; expected 'mayor', "
      "'deputy_mayor', 'department_head', 'section_head' or 'none' (or `unknown`): did you mean "
      "'mayor'?"]),
    ("number expected", "will: {staff_fte: x}\n",
     ["p.yaml:7:19: bad-type will.staff_fte: expected a number (or `unknown`), got 'x'"]),
    ("negative number", "will:\n  staff_fte: -0.5\n",
     ["p.yaml:8:14: bad-value will.staff_fte: must be at least 0, got -0.5"]),
    ("text where a list belongs", "sources: 市の資料\n",
     ["p.yaml:7:10: bad-type sources: expected a list, got '市の資料'"]),
    ("list where unknown is allowed", "partners: none\n",
     ["p.yaml:7:11: bad-type partners: expected a list (or `unknown`), got 'none'"]),
    ("empty text", 'notes: ""\n',
     ["p.yaml:7:8: bad-value notes: is empty; write the text, or leave the field out"]),
    ("bad id", "issues:\n  - {id: Fish Processing, title: 人手不足}\n",
     ["p.yaml:8:10: bad-value issues[0].id: 'Fish Processing' is not a valid id: use lower-case "
      "letters, digits, '-' and '_', starting with a letter or digit (e.g. 'fish-processing')"]),
    ("missing required field in a list item", "partners:\n  - {name: 商工会議所, type: other}\n",
     ["p.yaml:8:5: missing-field missing required field 'partners[0].commitment': add it"]),
    ("the minimal profile is valid", "", []),
    ("every problem at once, in file order",
     "will:\n  annual_review: maybe\nnotes: no\nparters: 1\n",
     ["p.yaml:8:18: bad-type will.annual_review: expected true or false (or `unknown`), got "
      "'maybe'",
      "p.yaml:9:8: bad-type notes: expected text, but YAML reads 'no' as false "
      "(yes/no/on/off/true/false are yes-or-no values): put the text in quotes, 'no'",
      "p.yaml:10:1: unknown-field unknown field 'parters': did you mean 'partners'?"]),
    ("semantic check after the types pass", "initiatives:\n  - {id: a, title: x, addresses: [b]}\n",
     ["p.yaml:8:35: bad-reference initiative 'a' addresses no issue with id 'b'"]),
]  # fmt: skip


@pytest.mark.parametrize(("tail", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_message(tail: str, expected: list[str]) -> None:
    text = HEAD + tail
    if not expected:
        load_profile_text(text, "p.yaml")
        return
    with pytest.raises(ReadinessError) as caught:
        load_profile_text(text, "p.yaml")
    assert [str(d) for d in caught.value.diagnostics] == expected


def test_unquoted_code_without_leading_zero() -> None:
    text = (
        HEAD.replace('"042021"', "432164").replace("石巻市", "合志市").replace("宮城県", "熊本県")
    )
    with pytest.raises(ReadinessError) as caught:
        load_profile_text(text, "p.yaml")
    assert [str(d) for d in caught.value.diagnostics] == [
        "p.yaml:5:9: bad-type municipality.code: expected text, but YAML reads '432164' as the "
        "number 432164: put it in quotes, '432164' (codes keep their leading zeros only when "
        "quoted)"
    ]
