"""Load a municipality profile from a file or text: parse, validate, check."""

from __future__ import annotations

from pathlib import Path

from readiness.input.validation import refuse_other_kind, validate_document
from readiness.input.yamlload import YamlDocument, load_yaml, parse
from readiness.profile.checks import profile_problems, raw_profile_problems
from readiness.profile.model import Profile


def profile_from_document(doc: YamlDocument) -> Profile:
    refuse_other_kind(doc, "a profile", "schema_version", "a criteria file", "format")
    return validate_document(doc, Profile, profile_problems, raw_profile_problems)


def load_profile(path: str | Path, *, encoding: str | None = None) -> Profile:
    """Read, validate and check a municipality profile; raise ReadinessError on any problem."""
    return profile_from_document(load_yaml(Path(path), encoding, defer=True))


def load_profile_with_document(
    path: str | Path, *, encoding: str | None = None
) -> tuple[Profile, YamlDocument]:
    """The profile, and the parsed file that gives the line and column of each of its facts."""
    doc = load_yaml(Path(path), encoding, defer=True)
    return profile_from_document(doc), doc


def load_profile_text(text: str, source: str = "<profile>") -> Profile:
    return profile_from_document(parse(text, source, defer=True))
