"""GitHub Actions workflow commands, which the runner turns into annotations on the files.

A file that could not be read gives an ``::error`` at each problem; a town below the gate asked
for gives an ``::error`` on its profile and a ``::warning`` at each of its gaps.  Towns that pass
add nothing, so a large batch does not drown the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from readiness.batch.run import BatchResult
from readiness.messages import Lang
from readiness.reporters.batch.common import gap_text, town
from readiness.textsafe import safe


def _data(text: str) -> str:
    return safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(
    kind: str, message: str, *, file: str, line: int | None, col: int | None, title: str
) -> str:
    props = [f"file={_prop(file)}"]
    if line is not None:
        props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    props.append(f"title={_prop(title)}")
    return f"::{kind} {','.join(props)}::{_data(message)}"


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    for line in lines(result, lang):
        out.write(line + "\n")


def lines(result: BatchResult, lang: Lang) -> Iterator[str]:
    for f in result.failed:
        for d in f.diagnostics:
            yield (
                command("error", d.message, file=d.file, line=d.line, col=d.column, title=d.code)
            )
    for r in result.ranked:
        e = r.entry
        if e.passed:
            continue
        title = f"{town(e, lang)}: below the gate"
        yield (command("error", "; ".join(e.failures), file=e.path, line=1, col=None, title=title))
        for gap, (line, col) in e.located_gaps():
            message = f"{gap_text(gap, lang)}: {gap.recommendation.get(lang)}"
            yield command("warning", message, file=e.path, line=line, col=col, title=gap.id)
