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

FILE_FORMATS: dict[str, str] = {
    "xlsx": "readiness.reporters.batch.xlsx",
}
"""Binary formats: module with ``workbook_bytes(result, lang) -> bytes``; never on stdout."""

DIRECTORY_FORMATS = frozenset({"html"})
"""Formats written as a folder of files (``html=DIR/``: an index and one page per town)."""

ALL_FORMATS = (*FORMATS, *FILE_FORMATS, *sorted(DIRECTORY_FORMATS))


class UnknownFormatError(ValueError):
    pass


def check(name: str) -> None:
    if name not in ALL_FORMATS:
        raise UnknownFormatError(f"no report format {name!r}; choose from {', '.join(ALL_FORMATS)}")


def get(name: str) -> Render:
    check(name)
    render: Render = importlib.import_module(FORMATS[name]).render
    return render


def get_bytes(name: str) -> Callable[[BatchResult, Lang], bytes]:
    check(name)
    make: Callable[[BatchResult, Lang], bytes] = importlib.import_module(
        FILE_FORMATS[name]
    ).workbook_bytes
    return make
