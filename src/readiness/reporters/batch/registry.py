"""Every batch report format by name; adding a format is adding a module and a line here."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TextIO

from readiness.batch.run import BatchResult
from readiness.batch.summary import Keep
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

NEEDS: dict[str, Keep] = {
    "json": Keep(
        gaps=True, evidence=True, findings=True, next_band=True, coverage=True, reading=True
    ),
    "csv": Keep(coverage=True),
    "markdown": Keep(gaps=True, coverage=True, reading=True),
    "junit": Keep(gaps=True, seconds=True),
    "sarif": Keep(gaps=True, positions=True, findings=True, coverage=True),
    "github": Keep(gaps=True, positions=True),
    "xlsx": Keep(sections=True),
    "html": Keep(),
}
"""What each format reads of a town beyond the ranking's summary (the table needs nothing
more): the batch keeps only what the formats asked for need (:mod:`readiness.batch.summary`)."""


def needs(names: Iterable[str]) -> Keep:
    """What the formats ``names`` need kept of each town, together."""
    keep = Keep()
    for name in names:
        keep |= NEEDS[name]
    return keep


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
