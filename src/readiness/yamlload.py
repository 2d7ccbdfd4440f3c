"""Read a YAML file safely into plain Python data, keeping node positions for error messages.

Parsing uses PyYAML's C loader where it is installed.  The composed node tree is kept beside the
data so that a later validation error can be mapped back to a line and column without parsing
again; positions are only looked up when something is wrong.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from readiness.diagnostics import ReadinessError

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused before parsing (10 MiB: a profile is a few kilobytes)."""
MAX_DEPTH = 64
"""Deeper nesting is refused; real profiles and criteria nest fewer than ten levels."""
MAX_EXPANDED_NODES = 1_000_000
"""Alias expansion beyond this many nodes is refused (the "billion laughs" file)."""

_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class YamlDocument:
    """A parsed file: its data, and the node tree that says where each value came from."""

    source: str
    data: Any
    node: yaml.Node | None

    def position(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
        """1-based (line, column) of the deepest node on ``loc``, or None if there is no tree."""
        node = self.node
        if node is None:
            return None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def key_position(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the key that names the last part of ``loc`` (for unknown fields)."""
        if not loc or self.node is None:
            return self.position(loc)
        parent_pos = self.position(loc[:-1])
        node = self.node
        for part in loc[:-1]:
            child = _child(node, part)
            if child is None:
                return parent_pos
            node = child
        if isinstance(node, yaml.MappingNode):
            for key, _value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(loc[-1]):
                    return key.start_mark.line + 1, key.start_mark.column + 1
        return parent_pos


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value  # type: ignore[no-any-return]
        return None
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return node.value[part]  # type: ignore[no-any-return]
    return None


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that refuses duplicate keys instead of keeping the last one silently."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:
                continue  # unhashable key: the base constructor reports it
            if first is not None:
                raise _DuplicateKeyError(key, first, key_node)
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


class _DuplicateKeyError(Exception):
    def __init__(self, key: object, first: yaml.Node, second: yaml.Node) -> None:
        self.key = key
        self.first = first
        self.second = second


def read_text(path: Path, encoding: str | None = None) -> str:
    """Read a file as text, refusing what is not a regular, readable, reasonably sized file."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadinessError.single(name, "file-not-found", "no such file") from None
    except OSError as e:
        raise ReadinessError.single(name, "file-unreadable", _os_reason(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadinessError.single(name, "not-a-file", "is a directory, not a YAML file")
    if not stat.S_ISREG(st.st_mode):
        raise ReadinessError.single(name, "not-a-file", "is not a regular file (FIFO or device?)")
    if st.st_size > MAX_FILE_BYTES:
        raise ReadinessError.single(
            name,
            "file-too-large",
            f"is {st.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes",
        )
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise ReadinessError.single(name, "file-unreadable", _os_reason(e)) from None
    return decode(raw, name, encoding)


def _os_reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


def decode(raw: bytes, name: str, encoding: str | None = None) -> str:
    """Decode UTF-8 (with or without a BOM), or an explicitly named encoding."""
    if encoding is not None:
        try:
            return raw.decode(encoding).removeprefix("\ufeff")
        except LookupError:
            raise ReadinessError.single(
                name, "bad-encoding", f"unknown encoding {encoding!r}"
            ) from None
        except UnicodeDecodeError as e:
            raise ReadinessError.single(
                name, "bad-encoding", f"is not valid {encoding}: byte {e.start}"
            ) from None
    raw = raw.removeprefix(_UTF8_BOM)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        hint = "save it as UTF-8"
        if _looks_like_cp932(raw):
            hint = "it looks like Shift_JIS (CP932); save it as UTF-8, or pass --encoding cp932"
        raise ReadinessError.single(name, "bad-encoding", f"is not UTF-8: {hint}", line) from None


def _looks_like_cp932(raw: bytes) -> bool:
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    # Japanese text decodes to kana or kanji; random bytes rarely do.
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def parse(text: str, source: str) -> YamlDocument:
    """Parse one YAML document whose top level is a mapping."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ReadinessError.single(source, "empty-file", "is empty: expected a YAML mapping")
        _check_shape(node, source)
        data = loader.construct_document(node)
    except _DuplicateKeyError as e:
        first = e.first.start_mark
        second = e.second.start_mark
        raise ReadinessError.single(
            source,
            "duplicate-key",
            f"duplicate key {e.key!r} (first at line {first.line + 1}); "
            "remove one: YAML would silently keep only the last",
            second.line + 1,
            second.column + 1,
        ) from None
    except yaml.MarkedYAMLError as e:
        raise _yaml_error(e, source) from None
    except yaml.YAMLError as e:
        raise ReadinessError.single(source, "yaml-syntax", str(e)) from None
    except RecursionError:
        raise ReadinessError.single(
            source, "too-deep", f"nests deeper than {MAX_DEPTH} levels"
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        mark = node.start_mark
        raise ReadinessError.single(
            source,
            "not-a-mapping",
            f"top level is a {type(data).__name__}; expected a mapping of fields",
            mark.line + 1,
            mark.column + 1,
        )
    return YamlDocument(source=source, data=data, node=node)


def _check_shape(root: yaml.Node, source: str) -> None:
    """Refuse nesting past MAX_DEPTH and alias expansion past MAX_EXPANDED_NODES.

    Sizes are memoised per node, so a file of nested aliases is measured without expanding it.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if depth > MAX_DEPTH:
            mark = node.start_mark
            raise ReadinessError.single(
                source,
                "too-deep",
                f"nests deeper than {MAX_DEPTH} levels",
                mark.line + 1,
                mark.column + 1,
            )
        if id(node) in sizes:
            continue
        children = _children(node)
        if done or not children:
            sizes[id(node)] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if sizes[id(node)] > MAX_EXPANDED_NODES:
                raise ReadinessError.single(
                    source,
                    "alias-bomb",
                    f"expands to more than {MAX_EXPANDED_NODES:,} values through aliases",
                )
            continue
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _yaml_error(e: yaml.MarkedYAMLError, source: str) -> ReadinessError:
    mark = e.problem_mark or e.context_mark
    problem = e.problem or "invalid YAML"
    code = "yaml-syntax"
    if isinstance(e, yaml.constructor.ConstructorError) and "tag" in problem:
        code = "yaml-tag"
        problem = f"{problem}; only plain YAML values are allowed"
    elif isinstance(e, yaml.composer.ComposerError) and "single document" in (e.context or ""):
        code = "multiple-documents"
        problem = "holds more than one YAML document; keep one per file"
    if e.context and code == "yaml-syntax":
        problem = f"{problem} ({e.context})"
    if mark is None:
        return ReadinessError.single(source, code, problem)
    return ReadinessError.single(source, code, problem, mark.line + 1, mark.column + 1)


def load_yaml(path: Path, encoding: str | None = None) -> YamlDocument:
    return parse(read_text(path, encoding), str(path))
