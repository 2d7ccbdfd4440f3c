"""Reports of ``readiness validate``: human lines, versioned JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Callable

from readiness.batch.validate import FileResult
from readiness.messages import Lang, t
from readiness.textsafe import github_data, github_property, json_safe, safe_line

VALIDATION_FORMAT = "readiness.validation"
VALIDATION_VERSION = 1


def format_human(results: list[FileResult], lang: Lang = "en") -> str:
    lines = []
    for r in results:
        kind = t(f"kind_{r.kind}", lang) if r.kind else t("kind_unknown", lang)
        what = f"（{kind}）" if lang == "ja" else f" ({kind})"
        if r.ok:
            lines.append(f"{r.file}: {t('file_ok', lang)}{what}")
            continue
        lines += [d.text(lang) for d in r.diagnostics]
        count = len(r.diagnostics)
        problems = t("problem" if count == 1 else "problems", lang).format(n=count)
        lines.append(f"{r.file}: {problems}{what}")
    bad = sum(not r.ok for r in results)
    lines.append(t("files_checked", lang).format(n=len(results), bad=bad))
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
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


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


FORMATTERS: dict[str, Callable[[list[FileResult]], str]] = {  # machine formats: English
    "human": format_human,
    "json": format_json,
    "github": format_github,
}
