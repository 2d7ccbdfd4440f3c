"""What a plain YAML scalar is read as: PyYAML's implicit resolvers and constructors, with memos.

Both readers use these, the loader that composes a node tree (yamlload) and the reader of plain
block YAML (plainblock), so that ``yes``, ``2024-04-01`` or ``042021`` mean the same in both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

YAML_TAG = "tag:yaml.org,2002:"
STR_TAG = f"{YAML_TAG}str"
SEQ_TAG = f"{YAML_TAG}seq"
MAP_TAG = f"{YAML_TAG}map"
MERGE_TAG = f"{YAML_TAG}merge"


def _implicit_resolvers() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """PyYAML's implicit resolvers by first character, each list with the wildcard ones added."""
    table: dict[str | None, list[tuple[str, re.Pattern[str]]]] = BaseLoader.yaml_implicit_resolvers
    wildcard = tuple(table.get(None, []))
    return {first: (*found, *wildcard) for first, found in table.items() if first is not None}


RESOLVERS = _implicit_resolvers()
WILDCARD_RESOLVERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    BaseLoader.yaml_implicit_resolvers.get(None, [])
)

_PLAIN_TAGS: dict[str, str] = {}
"""The tag of each plain scalar that a resolver had to look at (keys, true, numbers): files
repeat the same keys, which are then resolved by one look-up instead of up to three regular
expressions.  Emptied when full, so that its size stays bounded."""
_PLAIN_TAGS_MAX = 4096


def resolve(_loader: object, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
    """PyYAML's ``Resolver.resolve`` for a loader without path resolvers (ours has none).

    The C composer calls this for every node; the original builds a new list of candidate
    resolvers each time.  tests/test_loader_properties.py checks the two agree.
    """
    if kind is yaml.ScalarNode:
        if implicit[0]:
            resolvers = RESOLVERS.get(value[:1], WILDCARD_RESOLVERS)
            if not resolvers:  # text in Japanese, most text: no resolver starts so
                return STR_TAG
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = next((t for t, regexp in resolvers if regexp.match(value)), STR_TAG)
                if len(_PLAIN_TAGS) >= _PLAIN_TAGS_MAX:
                    _PLAIN_TAGS.clear()
                _PLAIN_TAGS[value] = tag
            return tag
        return STR_TAG
    return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG


def _timestamp_or_text(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> object:
    """A date, or for an impossible one (2024-13-01) its text, which validation then reports."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


Construct = Callable[..., Any]

CONSTRUCTORS: dict[str | None, Construct] = {
    tag: construct
    for tag, construct in BaseLoader.yaml_constructors.items()
    # Sets, ordered maps, pairs and binary are standard YAML 1.1 but mean nothing in our files,
    # and a set would come out in a different order on each run: they are refused like any
    # other tag.
    if tag not in {f"{YAML_TAG}{name}" for name in ("set", "omap", "pairs", "binary")}
}
CONSTRUCTORS[f"{YAML_TAG}timestamp"] = _timestamp_or_text
"""The constructor of each tag a file may use (yamlload bounds the length of integers)."""

MAX_NUMBER_CHARS = 32
"""No number in a profile or criteria file needs more characters; longer ones are refused before
conversion (Python refuses integers of over 4,300 digits, and converting them costs time)."""

SCALARS: dict[str, dict[str, Any]] = {
    f"{YAML_TAG}{name}": {} for name in ("int", "float", "bool", "null", "timestamp")
}
"""The values already constructed from each scalar as written, by tag: true, false, years and
small numbers recur in every file, and each is otherwise a call through PyYAML's constructor
(all are immutable: numbers, true and false, None, dates).  Each is emptied when full."""
SCALARS_MAX = 1024
NOT_YET: Any = object()


def remember(known: dict[str, Any], text: str, value: Any) -> None:
    """Keep ``value`` as what ``text`` is read as, in one of the SCALARS tables."""
    if len(known) >= SCALARS_MAX:
        known.clear()
    known[text] = value
