"""Load a criteria set from a bundled id, a file or text: parse, validate, merge, lint."""

from __future__ import annotations

from pathlib import Path

from readiness.criteria.extends import CriteriaExtension, is_extension, merged, parent_document
from readiness.criteria.lint import criteria_problems
from readiness.criteria.lint_parts import partial_criteria_problems
from readiness.criteria.model import Criteria
from readiness.criteria.paths import bundled_path
from readiness.input.validation import refuse_other_kind, validate_document
from readiness.input.yamlload import YamlDocument, load_yaml, parse


def criteria_from_document(
    doc: YamlDocument, chain: tuple[str, ...] = (), read: list[tuple[str, str]] | None = None
) -> Criteria:
    """The checked criteria set of ``doc``, merged with its parents when it ``extends:`` one.

    ``chain`` holds the files already being loaded, so that a loop of ``extends:`` is refused;
    ``read`` gets each parent's path as opened and its text (what a cached set depends on).
    """
    refuse_other_kind(doc, "a criteria file", "format", "a profile", "schema_version")
    if not is_extension(doc.data):
        return validate_document(doc, Criteria, criteria_problems, partial_criteria_problems)
    extension = validate_document(doc, CriteriaExtension)
    parent_doc, here = parent_document(extension.extends, doc, chain, read)
    return merged(doc, criteria_from_document(parent_doc, here, read), extension, parent_doc)


def load_criteria(ref: str | Path, *, encoding: str | None = None) -> Criteria:
    """Load criteria by bundled id (``tohoku-2022``) or from a file path."""
    path = bundled_path(str(ref)) if isinstance(ref, str) else None
    return criteria_from_document(load_yaml(path or Path(ref), encoding, defer=True))


def load_criteria_text(text: str, source: str = "<criteria>") -> Criteria:
    return criteria_from_document(parse(text, source, defer=True))
