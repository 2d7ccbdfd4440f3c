"""The guides in docs/: generated parts fresh, examples that really load, both languages."""

from __future__ import annotations

import re

import pytest

from readiness.criteria.checks import CHECK_KINDS
from readiness.criteria.explain import check_kinds_markdown, kind_doc
from readiness.criteria.loading import load_criteria_text
from tests.conftest import ROOT

DOCS = ROOT / "docs"
AUTHORING = (DOCS / "criteria-authoring.md").read_text("utf-8")


def test_the_check_kinds_section_is_fresh() -> None:
    found = re.search(r"<!-- check-kinds:start -->\n(.*?)<!-- check-kinds:end -->", AUTHORING, re.S)
    assert found is not None
    assert found[1] == check_kinds_markdown(), "run: python scripts/update_docs.py"


@pytest.mark.parametrize("kind", CHECK_KINDS)
def test_every_check_kind_documents_a_pass_and_a_fail(kind: str) -> None:
    lines = kind_doc(kind).splitlines()
    assert lines[0].endswith(".")
    assert any(line.startswith("PASS  ") for line in lines), kind
    assert any(line.startswith("FAIL  ") for line in lines), kind
    assert f"### `{kind}`" in AUTHORING


def test_the_extends_example_in_the_guide_loads() -> None:
    section = AUTHORING.split("## Extending another file", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    criteria = load_criteria_text(block[1], "criteria-authoring.md")
    assert criteria.id == "tohoku-2022-strict"
    will = criteria.sections[0]
    assert will.weight == 40
    assert [c.id for c in will.criteria][-1] == "will.plan"
    assert "will.review" not in [c.id for c in will.criteria]
    assert criteria.bands[0].min == 80


@pytest.mark.parametrize("name", ["profile-guide.en.md", "profile-guide.ja.md"])
def test_the_profile_guides_cover_every_part_of_a_profile(name: str) -> None:
    text = (DOCS / name).read_text("utf-8")
    for part in ("will", "issues", "initiatives", "partners", "record", "unknown", "sources"):
        assert f"`{part}" in text, f"{name} does not mention {part}"
    for command in ("readiness init", "readiness schema profile", "readiness assess"):
        assert command in text
