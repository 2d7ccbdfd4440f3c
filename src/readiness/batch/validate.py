"""Validate many profiles and criteria files: each file's problems as a value, never raised.

Each file is told apart by its top-level keys (``schema_version`` for a profile, ``format`` for
a criteria file) unless the caller says which it is.  One bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from readiness.batch.run import expand_paths
from readiness.criteria.loading import criteria_from_document
from readiness.criteria.model import Criteria
from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.input.yamlload import STDIN, YamlDocument, load_yaml, parse
from readiness.profile.loading import profile_from_document
from readiness.profile.model import Profile

Kind = Literal["profile", "criteria"]
KINDS: tuple[Kind, ...] = ("profile", "criteria")


@dataclass
class FileResult:
    file: str
    kind: Kind | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def kind_of(data: dict[Any, Any]) -> Kind:
    """A profile or a criteria file, by the marker key, else by which model's fields it uses."""
    if "schema_version" in data and "format" not in data:
        return "profile"
    if "format" in data and "schema_version" not in data:
        return "criteria"
    keys = {str(k) for k in data}
    profile_score = len(keys & set(Profile.model_fields))
    criteria_score = len(keys & set(Criteria.model_fields))
    return "criteria" if criteria_score > profile_score else "profile"


@dataclass(frozen=True)
class StdinText:
    """What standard input held (``-`` among the paths), read by the CLI, and its name."""

    name: str
    text: str


def check_file(
    file: str,
    kind: Kind | None = None,
    encoding: str | None = None,
    *,
    text: str | None = None,
) -> FileResult:
    """Validate one file (or ``text`` named ``file``); every problem found ends up in the
    result, nothing is raised."""
    result = FileResult(file, kind)
    validators: dict[Kind, Callable[[YamlDocument], object]] = {
        "profile": profile_from_document,
        "criteria": criteria_from_document,
    }
    try:
        if text is None:
            doc = load_yaml(Path(file), encoding, defer=True)
        else:
            doc = parse(text, file, defer=True)
        result.kind = kind or kind_of(doc.data)
        validators[result.kind](doc)
    except ReadinessError as e:
        result.diagnostics = e.diagnostics
    return result


def validate_files(
    paths: list[str],
    kind: Kind | None = None,
    encoding: str | None = None,
    stdin: StdinText | None = None,
) -> list[FileResult]:
    """Every file named (directories walked, globs expanded, as in ``batch``), in the order
    given and each once, with its problems; a file that cannot be read is a result too.
    ``-`` is ``stdin``, when given."""
    results: list[FileResult] = []
    seen: set[str] = set()
    for arg in paths:
        if arg == STDIN and stdin is not None:
            results.append(check_file(stdin.name, kind, text=stdin.text))
            continue
        expanded, missing = expand_paths([arg])
        results += [FileResult(m.path, None, list(m.diagnostics)) for m in missing]
        for f in expanded:
            if f not in seen:
                seen.add(f)
                results.append(check_file(f, kind, encoding))
    return results
