"""Read plain block YAML, the way profiles are written, without composing a node tree.

Most profiles are block mappings and lists of one-line values: ``key: value``, ``- item``,
``- key: value``, quoted text, ``[a, b]``, comments.  PyYAML's C loader composes such a file
into a tree of nodes, each with two marks, and that took a third of a batch's time per file.
This reader builds the same data from the lines in one pass, and gives up (returns None) on
anything it does not plainly understand, leaving the file to the full loader: a value over
several lines, a tab, an anchor, a tag, a flow collection over several lines or with quotes in
it, a duplicate key, a key that is not text, a document marker (``---``, ``...``), a line break
other than ``\\n``, a character that YAML refuses, nesting deeper than profiles go.

Where it gives data, the data is what the full loader gives, value for value and type for
type: tests/test_plain_block.py checks this on the YAML test suite, every bundled file, and
made-up and generated documents.  Positions are not kept; the node tree is composed from the
text only when one is asked for (``YamlDocument.tree``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from readiness.input.yamlscalars import (
    CONSTRUCTORS,
    MAX_NUMBER_CHARS,
    NOT_YET,
    RESOLVERS,
    SCALARS,
    STR_TAG,
    WILDCARD_RESOLVERS,
    remember,
    resolve,
)

_LINE = re.compile(r"^( *)([^ #\n].*)", re.MULTILINE)
"""Each line with something on it, as (indentation, the rest); blank and comment lines are
left out, as YAML leaves them out wherever this reader goes on."""

Lines = list[tuple[str, str]]
"""The lines as _LINE finds them.  An indentation is kept as its spaces: strings of spaces
compare as their lengths do, so no length is taken."""

_NON_PRINTABLE: re.Pattern[str] = yaml.reader.Reader.NON_PRINTABLE
"""The characters YAML refuses: PyYAML's own pattern, compiled when yaml is imported (a pattern
of such wide ranges takes 3 ms to compile)."""

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""The characters that give a value or key another meaning when it starts with one."""

_NOT_PLAIN_TEXT = frozenset(_INDICATORS | RESOLVERS.keys())
"""The first characters of a value that may be more than plain text: indicators, and those a
resolver looks at (digits, ``t`` of true, ``n`` of null...)."""

_MAX_DEPTH = 40
_MAX_FLOW_DEPTH = 16
"""Deeper nesting, in blocks or in brackets, is left to the full loader, which refuses it past
its own limit (yamlload.MAX_DEPTH, which the two together stay under, as a test checks)."""

_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?: |$)", re.MULTILINE)
"""A line that starts or ends a YAML document (``---``, ``...``), which a key may look like."""

_MAX_KEY_CHARS = 256
"""YAML caps a key on one line at 1,024 characters; no field's name comes near this."""

_CONSTRUCTOR = yaml.constructor.SafeConstructor()
"""Constructs numbers, true and false, null and dates, as the full loader's constructor does."""


class _NotPlainError(Exception):
    """The text uses something that only the full loader reads."""


def read_plain_block(text: str) -> dict[str, Any] | None:
    """The mapping that ``text`` holds, when it is plain block YAML; None otherwise."""
    if (
        _NON_PRINTABLE.search(text)
        # YAML allows these, and they are left to the full loader: tab, carriage return, NEL
        # and the Unicode line and paragraph separators (line breaks or white space to YAML),
        # and the byte-order mark.
        or "\t" in text
        or "\r" in text
        or "\x85" in text
        or "\u2028" in text
        or "\u2029" in text
        or "\ufeff" in text
    ):
        return None
    if WILDCARD_RESOLVERS:  # a resolver that looks at every value: none of PyYAML's does
        return None
    if ("---" in text or "..." in text) and _DOCUMENT_MARKER.search(text):
        return None
    lines: Lines = _LINE.findall(text)
    if not lines:
        return None
    try:
        data, end = _mapping(lines, 0, lines[0][0], 0)
    except (_NotPlainError, IndexError):  # IndexError: a line ends where a value had to go on
        return None
    return data if end == len(lines) else None


def _mapping(lines: Lines, i: int, indent: str, depth: int) -> tuple[Any, int]:
    """The block mapping whose keys are indented by ``indent`` from line ``i``, and the line
    after it."""
    if depth > _MAX_DEPTH:
        raise _NotPlainError
    mapping: dict[str, Any] = {}
    n = len(lines)
    while i < n:
        at, line = lines[i]
        if at != indent:
            if at < indent:
                break
            raise _NotPlainError  # deeper than the keys, but not below a key that has no value
        key, colon, value = line.partition(": ")
        if colon:
            value = value.strip(" ")
            if value[:1] == "#":
                value = ""  # "key:  # a comment"
        elif line[-1] == ":":
            key = line[:-1]
        else:
            raise _NotPlainError  # a line of text where a key goes: a value over several lines
        if key not in _TEXT_KEYS and not _is_text_key(key):
            raise _NotPlainError
        if key in mapping:
            raise _NotPlainError  # a duplicate, which the full loader reports
        i += 1
        if value:
            if (
                value[0] not in _NOT_PLAIN_TEXT
                and " #" not in value
                and ": " not in value
                and value[-1] != ":"
            ):
                mapping[key] = value  # text that no resolver reads otherwise: most values
            else:
                mapping[key] = _value(value)
            if i < n and lines[i][0] > indent:
                raise _NotPlainError  # the value goes on over the next line
            continue
        if i < n:
            at, line = lines[i]
            if at > indent:
                mapping[key], i = _block(lines, i, at, depth + 1)
                continue
            if at == indent and _is_item(line):  # a list may start at its key's column
                mapping[key], i = _sequence(lines, i, at, depth + 1)
                continue
        mapping[key] = None  # "key:" and nothing below it: null, as YAML reads it
    return mapping, i


def _sequence(lines: Lines, i: int, indent: str, depth: int) -> tuple[Any, int]:
    """The block list whose dashes are indented by ``indent`` from line ``i``, and the line
    after it."""
    if depth > _MAX_DEPTH:
        raise _NotPlainError
    items: list[Any] = []
    n = len(lines)
    while i < n:
        at, line = lines[i]
        if at != indent:
            if at < indent:
                break
            raise _NotPlainError
        if line[0] != "-":
            break  # the next key of the mapping this list belongs to
        if line[1] != " ":
            raise _NotPlainError  # "-1", "-x", or "-" alone with the item on the lines below
        item = line[2:].lstrip(" ")
        first = item[0]
        before_comment = item.split(" #", 1)[0].rstrip(" ")
        if first not in "'\"[{" and (": " in before_comment or before_comment[-1] == ":"):
            # "- key: value": a mapping whose keys start where this key starts.
            column = " " * (len(at) + len(line) - len(item))
            lines[i] = (column, item)
            value, i = _mapping(lines, i, column, depth + 1)
            items.append(value)
            continue
        item = item.rstrip(" ")
        if item[0] not in _NOT_PLAIN_TEXT and " #" not in item and item[-1] != ":":
            items.append(item)  # ": " is not in it: it would be a mapping
        else:
            items.append(_value(item))
        i += 1
        if i < n and lines[i][0] > indent:
            raise _NotPlainError  # the item goes on over the next line
    return items, i


def _block(lines: Lines, i: int, indent: str, depth: int) -> tuple[Any, int]:
    if _is_item(lines[i][1]):
        return _sequence(lines, i, indent, depth)
    return _mapping(lines, i, indent, depth)


def _is_item(line: str) -> bool:
    return line[0] == "-" and (len(line) == 1 or line[1] == " ")


_TEXT_KEYS: set[str] = set()
"""Keys already found to be plain text (files repeat the same few dozen)."""
_TEXT_KEYS_MAX = 4096


def _is_text_key(key: str) -> bool:
    """Whether ``key``, as written, is a plain key that YAML reads as text."""
    plain = (
        0 < len(key) <= _MAX_KEY_CHARS
        and key[0] not in _INDICATORS
        and key[-1] != " "
        and ":" not in key
        and " #" not in key
        and resolve(None, yaml.ScalarNode, key, (True, False)) == STR_TAG
    )
    if plain:
        if len(_TEXT_KEYS) >= _TEXT_KEYS_MAX:
            _TEXT_KEYS.clear()
        _TEXT_KEYS.add(key)
    return plain


def _value(text: str) -> Any:
    """The value written as ``text`` on one line (never empty, no spaces around it)."""
    if " #" in text:  # a comment after the value
        # Cut at the first " #" even in quotes: a quoted text that held it is left unclosed,
        # which _indicated refuses.
        text = text[: text.index(" #")].rstrip(" ")
    first = text[0]
    if first in _INDICATORS:
        return _indicated(text)
    if ": " in text or text[-1] == ":":
        raise _NotPlainError  # a second key on the line, or a key with no value
    tag = resolve(None, yaml.ScalarNode, text, (True, False))
    if tag == STR_TAG:
        return text
    known = SCALARS.get(tag)
    if known is None or len(text) > MAX_NUMBER_CHARS:
        raise _NotPlainError  # "<<", "=", or a number the full loader refuses as too long
    value = known.get(text, NOT_YET)
    if value is NOT_YET:
        try:
            value = CONSTRUCTORS[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, text))
        except ValueError:  # "0x_": an integer to YAML 1.1's pattern, not to int()
            raise _NotPlainError from None
        remember(known, text, value)
    return value


def _indicated(text: str) -> Any:
    """A value that starts with an indicator: a one-line quoted text without escapes, or a
    one-line flow collection of plain values."""
    first = text[0]
    if first in "[{":
        return _flow(text)
    inner = text[1:-1]
    if len(text) >= 2 and text[-1] == first:
        if first == "'":
            if "'" not in inner:
                return inner
            if "'" not in inner.replace("''", ""):
                return inner.replace("''", "'")
        elif first == '"' and '"' not in inner and "\\" not in inner:
            return inner
    raise _NotPlainError


_FLOW_TOKEN = re.compile(r"[\[\]{},]|[^\[\]{}, ][^\[\]{},]*")
"""A bracket, a comma, or the text up to the next one; the spaces between them are skipped."""
_FLOW_REFUSED = re.compile(r"['\"#?&*!|>%@`]")
"""What makes a flow collection more than plain values: quotes, a comment, a complex key,
an anchor, an alias, a tag, and the indicators reserved or meaningless there."""


def _flow(text: str) -> Any:
    """A flow collection on one line: ``[a, b]``, ``{start: 2024-04-01, end: x}``, nested."""
    if _FLOW_REFUSED.search(text):
        raise _NotPlainError
    tokens = _FLOW_TOKEN.findall(text)
    value, end = _flow_node(tokens, 0, 0)
    if end != len(tokens):
        raise _NotPlainError  # something after the closing bracket
    return value


def _flow_node(tokens: list[str], i: int, depth: int) -> tuple[Any, int]:
    """The flow value that starts at ``tokens[i]``, and the index after it."""
    if depth > _MAX_FLOW_DEPTH:
        raise _NotPlainError
    token = tokens[i]
    if token == "[":
        items: list[Any] = []
        if tokens[i + 1] == "]":
            return items, i + 2
        while True:
            item, i = _flow_node(tokens, i + 1, depth + 1)
            items.append(item)
            if tokens[i] == "]":
                return items, i + 1
            if tokens[i] != ",":
                raise _NotPlainError
    if token == "{":
        mapping: dict[str, Any] = {}
        if tokens[i + 1] == "}":
            return mapping, i + 2
        while True:
            key, colon, rest = tokens[i + 1].partition(": ")
            key = key.strip(" ")
            rest = rest.strip(" ")
            if not colon or key in mapping or not _is_text_key(key) or ":" in rest:
                raise _NotPlainError
            if rest:
                mapping[key], i = _value(rest), i + 2
            elif tokens[i + 2] in ("[", "{"):
                mapping[key], i = _flow_node(tokens, i + 2, depth + 1)
            else:
                raise _NotPlainError  # "{a: }": null, left to the full loader
            if tokens[i] == "}":
                return mapping, i + 1
            if tokens[i] != ",":
                raise _NotPlainError
    token = token.strip(" ")
    if not token or ":" in token:  # an empty item, or a one-pair mapping ("[a: 1]")
        raise _NotPlainError
    return _value(token), i + 1
