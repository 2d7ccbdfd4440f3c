"""Load profiles and criteria from files: parse, validate, check; every problem as a Diagnostic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from readiness.criteria_lint import criteria_problems
from readiness.criteria_model import Criteria
from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.profile import Profile
from readiness.profile_checks import Problem, profile_problems
from readiness.validation import diagnostics_from
from readiness.yamlload import YamlDocument, load_yaml, parse

M = TypeVar("M", bound=BaseModel)


def validate_document(
    doc: YamlDocument, model: type[M], problems: Callable[[M], list[Problem]]
) -> M:
    """Validate parsed data against ``model`` and its extra checks, or raise every problem.

    The document's own problems (duplicate keys) are reported together with the rest.
    """
    try:
        value = model.model_validate(doc.data)
    except ValidationError as e:
        raise ReadinessError([*doc.problems, *diagnostics_from(e, doc, model)]) from None
    found = [_locate(doc, p) for p in problems(value)]
    if doc.problems or found:
        raise ReadinessError([*doc.problems, *found])
    return value


def _locate(doc: YamlDocument, problem: Problem) -> Diagnostic:
    pos = doc.position(problem.loc)
    line, column = pos if pos else (None, None)
    return Diagnostic(doc.source, line, column, problem.code, problem.message)


def profile_from_document(doc: YamlDocument) -> Profile:
    _refuse_other_kind(doc, "a profile", "schema_version", "a criteria file", "format")
    return validate_document(doc, Profile, profile_problems)


def criteria_from_document(doc: YamlDocument) -> Criteria:
    _refuse_other_kind(doc, "a criteria file", "format", "a profile", "schema_version")
    if isinstance(doc.data, dict) and "extends" in doc.data:
        from readiness.criteria_extends import resolve_extension

        return resolve_extension(doc)
    return validate_document(doc, Criteria, criteria_problems)


def _refuse_other_kind(
    doc: YamlDocument, wanted: str, marker: str, other: str, theirs: str
) -> None:
    """One clear message for a file of the other kind, instead of one error per field."""
    data = doc.data
    if isinstance(data, dict) and theirs in data and marker not in data:
        pos = doc.key_position((theirs,))
        line, column = pos if pos else (None, None)
        raise ReadinessError(
            [
                *doc.problems,
                Diagnostic(
                    doc.source,
                    line,
                    column,
                    "wrong-kind",
                    f"expected {wanted}, but this is {other} (it has `{theirs}`, not `{marker}`)",
                ),
            ]
        )


def load_profile(path: str | Path, *, encoding: str | None = None) -> Profile:
    """Read, validate and check a municipality profile; raise ReadinessError on any problem."""
    return profile_from_document(load_yaml(Path(path), encoding, defer=True))


def load_profile_text(text: str, source: str = "<profile>") -> Profile:
    return profile_from_document(parse(text, source, defer=True))


def load_criteria(ref: str | Path, *, encoding: str | None = None) -> Criteria:
    """Load criteria by bundled id (``tohoku-2022``) or from a file path."""
    from readiness.bundled import bundled_path

    path = bundled_path(str(ref)) if isinstance(ref, str) else None
    return criteria_from_document(load_yaml(path or Path(ref), encoding, defer=True))


def load_criteria_text(text: str, source: str = "<criteria>") -> Criteria:
    return criteria_from_document(parse(text, source, defer=True))
