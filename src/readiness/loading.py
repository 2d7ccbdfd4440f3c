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
    """Validate parsed data against ``model`` and its extra checks, or raise every problem."""
    try:
        value = model.model_validate(doc.data)
    except ValidationError as e:
        raise ReadinessError(diagnostics_from(e, doc, model)) from None
    found = problems(value)
    if found:
        raise ReadinessError(_locate(doc, p) for p in found)
    return value


def _locate(doc: YamlDocument, problem: Problem) -> Diagnostic:
    pos = doc.position(problem.loc)
    line, column = pos if pos else (None, None)
    return Diagnostic(doc.source, line, column, problem.code, problem.message)


def profile_from_document(doc: YamlDocument) -> Profile:
    return validate_document(doc, Profile, profile_problems)


def criteria_from_document(doc: YamlDocument) -> Criteria:
    if isinstance(doc.data, dict) and "extends" in doc.data:
        from readiness.criteria_extends import resolve_extension

        return resolve_extension(doc)
    return validate_document(doc, Criteria, criteria_problems)


def load_profile(path: str | Path, *, encoding: str | None = None) -> Profile:
    """Read, validate and check a municipality profile; raise ReadinessError on any problem."""
    return profile_from_document(load_yaml(Path(path), encoding))


def load_profile_text(text: str, source: str = "<profile>") -> Profile:
    return profile_from_document(parse(text, source))


def load_criteria(ref: str | Path, *, encoding: str | None = None) -> Criteria:
    """Load criteria by bundled id (``tohoku-2022``) or from a file path."""
    from readiness.bundled import bundled_path

    path = bundled_path(str(ref)) if isinstance(ref, str) else None
    return criteria_from_document(load_yaml(path or Path(ref), encoding))


def load_criteria_text(text: str, source: str = "<criteria>") -> Criteria:
    return criteria_from_document(parse(text, source))
