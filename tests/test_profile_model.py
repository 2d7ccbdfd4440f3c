"""The profile model: unknown versus no, identity checks, references, programme catalogue."""

from __future__ import annotations

from typing import Any

import pytest

from readiness import ReadinessError, assess, load_criteria
from readiness.profile.loading import load_profile_text
from tests.profiles import profile


def _yaml(body: str) -> str:
    return (
        "schema_version: 1\nas_of: 2024-04-01\n"
        "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n" + body
    )


PROBLEMS = [
    ("prefecture mismatch",
     "schema_version: 1\nas_of: 2024-04-01\n"
     "municipality: {name: 石巻市, code: '042021', prefecture: 岩手県}\n",
     "test.yaml:3:55: name-mismatch 石巻市 (code 042021) is in 宮城県, not 岩手県"),
    ("unknown prefecture",
     "schema_version: 1\nas_of: 2024-04-01\n"
     "municipality: {name: 石巻市, code: '042021', prefecture: 宮城}\n",
     "test.yaml:3:55: bad-prefecture unknown prefecture '宮城'; write it in full, e.g. 宮城県"),
    ("bureau mismatch",
     "schema_version: 1\nas_of: 2024-04-01\n"
     "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県, bureau: kyushu}\n",
     "test.yaml:3:68: bureau-mismatch 宮城県 is served by the tohoku bureau, not kyushu"),
    ("code not in list",
     "schema_version: 1\nas_of: 2024-04-01\n"
     "municipality: {name: 石巻市, code: '049981', prefecture: 宮城県}\n",
     "test.yaml:3:33: unknown-code code 049981 is not in the municipality list"),
    ("bad issue reference",
     _yaml("initiatives:\n  - {id: a, title: A, addresses: [nope]}\n"),
     "test.yaml:5:35: bad-reference initiative 'a' addresses no issue with id 'nope'"),
    ("bad initiative reference",
     _yaml("partners:\n  - {name: 商工会, type: society_of_commerce, commitment: agreed, "
           "initiatives: [x]}\n"),
     "test.yaml:5:78: bad-reference partner '商工会' joins no initiative with id 'x'"),
    ("duplicate issue id",
     _yaml("issues:\n  - {id: a, title: A}\n  - {id: a, title: B}\n"),
     "test.yaml:6:10: duplicate-id issue id 'a' is used twice"),
    ("programme not in the catalogue, without a law or a note",
     _yaml("record:\n  programmes:\n    - {programme: furusato}\n"),
     "test.yaml:6:19: uncatalogued-programme 'furusato' is not in the programme catalogue "
     "(did you mean furusato-meibutsu, Declaration of local products (furusato meibutsu)?): a "
     "programme the catalogue lacks counts when its entry gives its `law` or a `note`"),
    ("yes read as boolean",
     _yaml("will:\n  lead_department: no\n"),
     "test.yaml:5:20: bad-type will.lead_department: expected text, but YAML reads 'no' as "
     "false (yes/no/on/off/true/false are yes-or-no values): put the text in quotes, 'no'"),
    ("bad enum",
     _yaml("will:\n  top_commitment: boss\n"),
     "test.yaml:5:19: bad-value will.top_commitment: 'boss' is not allowed; expected "
     "'mayor', 'deputy_mayor', 'department_head', 'section_head' or 'none' (or `unknown`)"),
    ("bad date",
     "schema_version: 1\nas_of: April 2024\n"
     "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n",
     "test.yaml:2:8: bad-date as_of: 'April 2024' is not a date; write it as 2024-04-01, "
     "2024/4/1, 2024年4月1日, 令和6年4月1日 or R6.4.1."),
    ("missing field",
     "schema_version: 1\nmunicipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n",
     "test.yaml:1:1: missing-field missing required field 'as_of': add it"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_profile_problems_are_located(text: str, message: str) -> None:
    with pytest.raises(ReadinessError) as caught:
        load_profile_text(text, "test.yaml")
    assert [str(d) for d in caught.value.diagnostics] == [message]


def test_all_problems_reported_at_once() -> None:
    text = _yaml("will:\n  top_commitment: boss\n  lead_dept: 産業部\nissues: [{id: A}]\n")
    with pytest.raises(ReadinessError) as caught:
        load_profile_text(text, "test.yaml")
    assert [(d.line, d.column, d.code) for d in caught.value.diagnostics] == [
        (5, 19, "bad-value"),
        (6, 3, "unknown-field"),
        (7, 10, "missing-field"),
        (7, 15, "bad-value"),
    ]


def test_fictional_towns_skip_the_list_but_not_the_check_digit() -> None:
    text = (
        "schema_version: 1\nfictional: true\nas_of: 2024-04-01\n"
        "municipality: {name: みなと町, code: '049982', prefecture: 宮城県}\n"
    )
    with pytest.raises(ReadinessError, match="fails its check digit"):
        load_profile_text(text, "test.yaml")
    assert load_profile_text(text.replace("049982", "049981"), "t.yaml").fictional


UNKNOWN_VS_NO: list[tuple[str, dict[str, Any], str]] = [
    ("unknown", {"will__annual_review": "unknown"}, "unknown"),
    ("no", {"will__annual_review": False}, "unmet"),
    ("omitted", {}, "unmet"),
    ("yes", {"will__annual_review": True}, "met"),
]


@pytest.mark.parametrize(
    ("facts", "status"), [c[1:] for c in UNKNOWN_VS_NO], ids=[c[0] for c in UNKNOWN_VS_NO]
)
def test_unknown_is_not_no(facts: dict[str, Any], status: str) -> None:
    result = assess(load_criteria("kyushu-2019"), profile(**facts))
    review = {c.id: c for c in result.criteria}["will.review"]
    assert review.status == status
    assert review.earned == (review.possible if status == "met" else 0)
