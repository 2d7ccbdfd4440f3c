"""Every batch report format by name; adding a format is adding a module and a line here."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from readiness.batch.run import BatchResult
from readiness.messages import Lang

Render = Callable[[BatchResult, Lang, TextIO], None]

FORMATS: dict[str, str] = {
    "json": "readiness.reporters.batch.json_report",
    "csv": "readiness.reporters.batch.csv_report",
    "markdown": "readiness.reporters.batch.markdown",
    "junit": "readiness.reporters.batch.junit",
    "sarif": "readiness.reporters.batch.sarif",
    "github": "readiness.reporters.batch.github",
}
"""Format name -> module with ``render(result, lang, out)``; imported only when used."""


class UnknownFormatError(ValueError):
    pass


def get(name: str) -> Render:
    module = FORMATS.get(name)
    if module is None:
        raise UnknownFormatError(f"no report format {name!r}; choose from {', '.join(FORMATS)}")
    render: Render = importlib.import_module(module).render
    return render
