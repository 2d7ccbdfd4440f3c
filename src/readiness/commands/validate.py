"""``readiness validate PATH...``: check profiles and criteria files, reporting every problem.

Directories are walked and globs expanded, as in ``readiness batch``.
Each file is told apart by its top-level keys (``schema_version`` for a profile, ``format`` for
a criteria file) unless ``--kind`` says which it is.  One bad file never stops the others.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.errors_cli import EXIT_BAD_INPUT, EXIT_OK
from readiness.textsafe import github_data, github_property, json_safe, safe_line
from readiness.yamlload import YamlDocument, load_yaml

Kind = Literal["profile", "criteria"]
KINDS: tuple[Kind, ...] = ("profile", "criteria")

VALIDATION_FORMAT = "readiness.validation"
VALIDATION_VERSION = 1


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
    from readiness.criteria_model import Criteria
    from readiness.profile import Profile

    keys = {str(k) for k in data}
    profile_score = len(keys & set(Profile.model_fields))
    criteria_score = len(keys & set(Criteria.model_fields))
    return "criteria" if criteria_score > profile_score else "profile"


def check_file(file: str, kind: Kind | None = None, encoding: str | None = None) -> FileResult:
    """Validate one file; every problem found ends up in the result, nothing is raised."""
    from readiness.loading import criteria_from_document, profile_from_document

    result = FileResult(file, kind)
    validators: dict[Kind, Callable[[YamlDocument], object]] = {
        "profile": profile_from_document,
        "criteria": criteria_from_document,
    }
    try:
        doc = load_yaml(Path(file), encoding, defer=True)
        result.kind = kind or kind_of(doc.data)
        validators[result.kind](doc)
    except ReadinessError as e:
        result.diagnostics = e.diagnostics
    return result


def run(
    files: list[str],
    *,
    kind: Kind | None = None,
    output_format: str = "human",
    encoding: str | None = None,
) -> int:
    from readiness.batch import expand_paths

    # Directories and globs name their YAML files, as in ``batch``; files keep the order given.
    results: list[FileResult] = []
    seen: set[str] = set()
    for arg in files:
        expanded, missing = expand_paths([arg])
        results += [FileResult(m.path, None, list(m.diagnostics)) for m in missing]
        for f in expanded:
            if f not in seen:
                seen.add(f)
                results.append(check_file(f, kind, encoding))
    sys.stdout.write(FORMATTERS[output_format](results))
    return EXIT_OK if all(r.ok for r in results) else EXIT_BAD_INPUT


def format_human(results: list[FileResult]) -> str:
    lines = []
    for r in results:
        what = r.kind or "kind unknown"
        if r.ok:
            lines.append(f"{r.file}: ok ({what})")
            continue
        lines += [str(d) for d in r.diagnostics]
        count = len(r.diagnostics)
        lines.append(f"{r.file}: {count} problem{'s' if count != 1 else ''} ({what})")
    bad = sum(not r.ok for r in results)
    lines.append(f"{len(results)} file(s) checked, {bad} with problems")
    return "".join(safe_line(line) + "\n" for line in lines)


def format_json(results: list[FileResult]) -> str:
    data = {
        "format": VALIDATION_FORMAT,
        "version": VALIDATION_VERSION,
        "ok": all(r.ok for r in results),
        "files": [
            {
                "file": r.file,
                "kind": r.kind,
                "ok": r.ok,
                "problems": [
                    {"line": d.line, "column": d.column, "code": d.code, "message": d.message}
                    for d in r.diagnostics
                ],
            }
            for r in results
        ],
    }
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def format_github(results: list[FileResult]) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line."""
    lines = []
    for r in results:
        for d in r.diagnostics:
            props = [f"file={github_property(d.file)}"]
            if d.line is not None:
                props.append(f"line={d.line}")
                if d.column is not None:
                    props.append(f"col={d.column}")
            props.append(f"title={github_property(f'readiness {d.code}')}")
            lines.append(f"::error {','.join(props)}::{github_data(d.message)}")
    return "".join(line + "\n" for line in lines)


FORMATTERS: dict[str, Callable[[list[FileResult]], str]] = {
    "human": format_human,
    "json": format_json,
    "github": format_github,
}
