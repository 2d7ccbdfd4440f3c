"""Every word the user sees exists in both languages.

The catalogue is ``readiness.messages``; a few modules keep their own table of the same shape
(``{key: (ja, en)}``, named ``*WORDS``, ``*MESSAGES`` or ``*NAMES``).  Every such table in the
package is found and checked: both texts
present, the Japanese one written in Japanese, and the same ``{placeholders}`` in both.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

import readiness

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


def test_the_catalogue_is_found() -> None:
    names = {name for name, _ in TABLES}
    assert "readiness.messages._MESSAGES" in names
    assert "readiness.reporters.diff_words._WORDS" in names


@pytest.mark.parametrize(("name", "table"), TABLES, ids=[n for n, _ in TABLES])
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
