"""The JSON Schemas: fresh, and used by an independent validator (jsonschema) on real files."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from readiness.criteria.json_schemas import SCHEMA_NAMES, SchemaName, render, schema
from readiness.criteria.loading import load_criteria_text
from readiness.diagnostics import ReadinessError
from readiness.profile.loading import load_profile_text
from tests.conftest import EXAMPLES, ROOT, RunCli

SCHEMAS = ROOT / "schemas"
CRITERIA_FILES = sorted((ROOT / "src" / "readiness" / "data" / "criteria").glob("*.yaml"))
TOHOKU = ROOT / "src" / "readiness" / "data" / "criteria" / "tohoku-2022.yaml"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def as_editor_sees(path: Path) -> Any:
    """YAML data as a YAML 1.2 editor reads it: dates stay text."""
    data = yaml.safe_load(path.read_text("utf-8"))
    return json.loads(json.dumps(data, default=str))


def validator(name: SchemaName) -> Any:
    """The validator the schema's own ``$schema`` names (draft 7, as editors implement it)."""
    committed = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(committed)
    assert cls is jsonschema.Draft7Validator
    cls.check_schema(committed)
    return cls(committed)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_committed_schema_is_fresh(name: SchemaName) -> None:
    committed = (SCHEMAS / f"{name}.schema.json").read_text("utf-8")
    assert committed == render(name), f"run: readiness schema {name} -o schemas/{name}.schema.json"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_command_prints_and_writes_the_same(
    run_cli: RunCli, tmp_path: Path, name: SchemaName
) -> None:
    printed = run_cli("schema", name)
    assert printed.exit_code == 0
    assert printed.stdout == render(name)
    out = tmp_path / "s.json"
    assert run_cli("schema", name, "-o", str(out)).exit_code == 0
    assert out.read_text("utf-8") == render(name)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_is_valid_and_names_the_schema(path: Path) -> None:
    assert path.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/profile.schema.json\n"
    )
    assert list(validator("profile").iter_errors(as_editor_sees(path))) == []


@pytest.mark.parametrize("path", CRITERIA_FILES, ids=lambda p: p.name)
def test_every_bundled_criteria_file_is_valid_and_names_the_schema(path: Path) -> None:
    assert path.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../../../schemas/criteria.schema.json\n"
    )
    assert list(validator("criteria").iter_errors(as_editor_sees(path))) == []


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    *parents, last = path.split(".")
    node: Any = out
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is _DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return out


_DELETE = object()

BROKEN_PROFILES = [
    ("unknown field", "will.parters", []),
    ("code as a number", "municipality.code", 42021),
    ("code too short", "municipality.code", "04202"),
    ("bad bureau", "municipality.bureau", "tokyo"),
    ("missing as_of", "as_of", _DELETE),
    ("missing name", "municipality.name", _DELETE),
    ("bad top commitment", "will.top_commitment", "governor"),
    ("yes/no as text", "will.annual_review", "yes please"),
    ("partner type", "partners.0.type", "bank"),
    ("partner without commitment", "partners.0.commitment", _DELETE),
    ("issue id with capitals", "issues.0.id", "Bustle"),
    ("negative staff", "will.staff_fte", -1),
    ("unknown misspelt", "issues", "unknwon"),
    ("schema version", "schema_version", 2),
]


@pytest.mark.parametrize(
    ("what", "path", "value"), BROKEN_PROFILES, ids=[c[0] for c in BROKEN_PROFILES]
)
def test_schema_rejects_broken_profiles_as_the_loader_does(
    what: str, path: str, value: Any
) -> None:
    data = _set(as_editor_sees(EXAMPLES / "ishinomaki.yaml"), path, value)
    assert list(validator("profile").iter_errors(data)), what
    with pytest.raises(ReadinessError):
        load_profile_text(yaml.safe_dump(data, allow_unicode=True), "broken.yaml")


BROKEN_CRITERIA = [
    ("unknown top-level field", "sectons", []),
    ("unknown check kind", "sections.0.criteria.0.check", {"kind": "maybe", "field": "will.team"}),
    ("check without field", "sections.0.criteria.1.check", {"kind": "present"}),
    ("zero weight", "sections.0.weight", 0),
    ("gate above 1", "sections.0.gate", 1.5),
    ("section kind", "sections.0.kind", "bonus"),
    ("label in one language", "sections.0.label", {"ja": "意思"}),
    ("missing bands", "bands", _DELETE),
    ("band above 100", "bands.0.min", 120),
    ("test without expectation", "tests", [{"example": "ishinomaki"}]),
    ("format 2", "format", 2),
    (
        "test naming two profiles",
        "tests",
        [{"example": "koshi", "profile": "a.yaml", "band": "ready"}],
    ),
    (
        "predicate with two tests",
        "sections.1.criteria.1.check.where.evidence",
        {"present": True, "min": 1},
    ),
    ("empty predicate", "sections.1.criteria.1.check.where.evidence", {}),
]


@pytest.mark.parametrize(
    ("what", "path", "value"), BROKEN_CRITERIA, ids=[c[0] for c in BROKEN_CRITERIA]
)
def test_schema_rejects_broken_criteria_as_the_loader_does(
    what: str, path: str, value: Any
) -> None:
    data = _set(as_editor_sees(TOHOKU), path, value)
    errors = list(validator("criteria").iter_errors(data))
    assert errors, what
    with pytest.raises(ReadinessError):
        load_criteria_text(yaml.safe_dump(data, allow_unicode=True), "broken.yaml")


EXTENSION = {
    "format": 1,
    "extends": "tohoku-2022",
    "id": "tohoku-strict",
    "sections": [{"id": "will", "weight": 40}],
    "remove": {"criteria": ["will.review"]},
}


def test_schema_accepts_an_extending_file_and_checks_its_parts() -> None:
    v = validator("criteria")
    assert list(v.iter_errors(EXTENSION)) == []
    assert list(v.iter_errors({**EXTENSION, "remove": {"criterias": ["x"]}}))
    assert list(v.iter_errors({**EXTENSION, "sections": [{"weight": 40}]}))  # no id
    # Without extends, the same file is an incomplete criteria set.
    assert list(v.iter_errors({k: x for k, x in EXTENSION.items() if k != "extends"}))


def test_every_profile_field_is_described_in_english_and_japanese() -> None:
    s = schema("profile")
    models = {"Profile": s, **s["$defs"]}
    for model, body in models.items():
        assert JAPANESE.search(body["description"]), model
        for field, prop in body["properties"].items():
            assert JAPANESE.search(prop.get("description", "")), f"{model}.{field}"


def test_every_criteria_field_is_described_in_japanese() -> None:
    for model, body in schema("criteria")["$defs"].items():
        for field, prop in body.get("properties", {}).items():
            assert JAPANESE.search(prop.get("description", "")), f"{model}.{field}"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_no_reference_has_siblings_that_draft_7_would_ignore(name: SchemaName) -> None:
    def walk(node: Any) -> list[dict[str, Any]]:
        if isinstance(node, list):
            return [n for item in node for n in walk(item)]
        if not isinstance(node, dict):
            return []
        here = [node] if "$ref" in node and len(node) > 1 else []
        return here + [n for value in node.values() for n in walk(value)]

    assert walk(json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))) == []
