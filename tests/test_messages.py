"""Every word the user sees exists in both languages.

The catalogue is ``readiness.messages.CATALOGUE``: every word table, by name.  Each is checked:
both texts present, the Japanese one written in Japanese, and the same ``{placeholders}`` in
both.  The package is also searched for tables of the same shape (``{key: (ja, en)}``, named
``*WORDS``, ``*MESSAGES`` or ``*NAMES``): each must be a catalogue table, or one of the two
known to stay outside (``_OUTSIDE``), so a new table cannot escape the catalogue.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

import readiness
from readiness.messages import CATALOGUE

_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff01-\uff60]")
# Words that read the same in both languages.
_SAME = {"ID", "CSV", "JSON", "SARIF", "KPI", "#", "-"}


def _tables() -> list[tuple[str, dict[str, tuple[str, str]]]]:
    found = []
    seen: set[int] = set()
    for info in pkgutil.walk_packages(readiness.__path__, "readiness."):
        if info.name.endswith("__main__") or ".cli." in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                any(word in name for word in ("WORDS", "MESSAGES", "NAMES"))
                and isinstance(value, dict)
                and value
                and all(isinstance(k, str) for k in value)
                and all(
                    isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v)
                    for v in value.values()
                )
                and id(value) not in seen
            ):
                seen.add(id(value))
                found.append((f"{info.name}.{name}", value))
    return found


TABLES = _tables()


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


_OUTSIDE = {
    # below messages.py in the layers (a sibling), so it cannot import the catalogue
    "readiness.atomic._MESSAGES",
    # the bureaus' names: data about the domain, not words of the interface
    "readiness.profile.localgov.BUREAU_NAMES",
}


def test_every_word_table_is_in_the_catalogue() -> None:
    catalogued = {id(table) for table in CATALOGUE.values()}
    found = {name for name, table in TABLES if id(table) not in catalogued}
    assert found == _OUTSIDE
    names = {name for name, _ in TABLES}
    assert "readiness.reporters.diff_words._WORDS" in names  # the search finds module tables
    for module, name in [
        ("readiness.reporters.diff_words", "_WORDS"),
        ("readiness.criteria.explain", "_WORDS"),
        ("readiness.reporters.batch.xlsx", "_WORDS"),
        ("readiness.reporters.html.env", "WORDS"),
        ("readiness.reporters.progress_report", "WORDS"),
        ("readiness.profile.codes", "_MESSAGES"),
    ]:
        assert id(getattr(importlib.import_module(module), name)) in catalogued, module


CHECKED = [
    *((f"messages.CATALOGUE[{name!r}]", table) for name, table in CATALOGUE.items()),
    *((name, table) for name, table in TABLES if name in _OUTSIDE),
]


@pytest.mark.parametrize(("name", "table"), CHECKED, ids=[n for n, _ in CHECKED])
def test_every_key_has_both_languages(name: str, table: dict[str, tuple[str, str]]) -> None:
    for key, (ja, en) in table.items():
        if ja == en == "":
            continue  # deliberately nothing to say, in either language
        assert ja.strip(), f"{name}[{key!r}] has no Japanese"
        assert en.strip(), f"{name}[{key!r}] has no English"
        assert _JAPANESE.search(ja) or ja in _SAME or ja == en, (
            f"{name}[{key!r}] Japanese text is not Japanese: {ja!r}"
        )
        assert _fields(ja) == _fields(en), f"{name}[{key!r}] placeholders differ"
