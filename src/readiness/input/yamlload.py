"""Read a YAML file safely into plain Python data, keeping node positions for error messages.

A file in plain block YAML, as most profiles are, is read by ``plainblock`` without a node
tree; the tree is composed from its text only when a position is asked for.  Any other file is
parsed with PyYAML's C loader where it is installed, and the composed node tree is kept beside
the data so that a later validation error can be mapped back to a line and column without
parsing again.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.input.plainblock import read_plain_block
from readiness.input.yamlscalars import (
    CONSTRUCTORS,
    MAP_TAG,
    MAX_NUMBER_CHARS,
    MERGE_TAG,
    NOT_YET,
    SCALARS,
    SEQ_TAG,
    STR_TAG,
    YAML_TAG,
    remember,
    resolve,
)
from readiness.input.yamlscalars import BaseLoader as _BaseLoader

MAX_FILE_BYTES = 1024 * 1024
"""Files larger than this are refused before parsing (1 MiB: a profile or a criteria file is
a few to a few tens of kilobytes).  Parsing time grows with the number of values, and 1 MiB of
one-line values takes about a second, so the limit also bounds the time a file can cost."""
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
    problems: tuple[Diagnostic, ...] = ()
    """Problems kept for the caller to report with its own (see ``parse(defer=True)``)."""
    text: str | None = None
    """The text to compose ``node`` from when first asked, if the data was read without it."""

    def tree(self) -> yaml.Node | None:
        """The node tree, composed now if the data was read without one."""
        if self.node is None and self.text is not None:
            self.node = _compose(self.text)
            self.text = None
        return self.node

    def position(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
        """1-based (line, column) of the deepest node on ``loc``, or None if there is no tree."""
        node = self.tree()
        if node is None:
            return None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def scalar_text(self, loc: Sequence[str | int]) -> str | None:
        """The scalar at ``loc`` exactly as written (``042021``, ``no``), or None."""
        node = self.tree()
        for part in loc:
            node = _child(node, part) if node is not None else None
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def id_position(self, ident: str, rest: Sequence[str | int]) -> tuple[int, int] | None:
        """Where the mapping with ``id: ident`` is written (then ``rest`` below it), wherever it
        is in the file; None when no mapping has that id."""
        tree = self.tree()
        found = _with_id(tree, ident) if tree is not None else None
        if found is None:
            return None
        node = found
        for part in rest:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    def key_position(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the key that names the last part of ``loc`` (for unknown fields)."""
        node = self.tree()
        if not loc or node is None:
            return self.position(loc)
        parent_pos = self.position(loc[:-1])
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


def _with_id(node: yaml.Node, ident: str) -> yaml.Node | None:
    """The first mapping below ``node`` (itself included) whose ``id`` is ``ident``."""
    stack = [node]
    while stack:
        here = stack.pop()
        if isinstance(here, yaml.MappingNode):
            value = _child(here, "id")
            if isinstance(value, yaml.ScalarNode) and value.value == ident:
                return here
            stack.extend(reversed([v for _, v in here.value]))
        elif isinstance(here, yaml.SequenceNode):
            stack.extend(reversed(here.value))
    return None


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
    """Safe loader that collects duplicate keys instead of keeping the last one silently, and
    refuses keys that are not text (``yes:`` would be the key True, ``1:`` the number 1).

    Keys are compared only when a mapping comes out shorter than its list of keys, so an
    ordinary file pays one pass over its keys per mapping.
    """

    duplicates: list[tuple[object, yaml.Node, yaml.Node]]
    bad_keys: list[yaml.Node]
    source_name: str

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        explicit = []
        merges = 0
        bad = len(self.bad_keys)
        for key, _value in node.value:
            if key.tag == STR_TAG:
                explicit.append(key)
            elif key.tag == MERGE_TAG:
                merges += 1
            else:
                self.bad_keys.append(key)
        if len(self.bad_keys) > bad:
            # The file will be refused; leave such keys out so that the rest is still checked.
            node.value = [(k, v) for k, v in node.value if k.tag in (STR_TAG, MERGE_TAG)]
        mapping: dict[Hashable, Any] = super().construct_mapping(node, deep=deep)
        if merges or len(mapping) < len(explicit):
            self._find_duplicates(explicit)
        return mapping

    def _find_duplicates(self, keys: list[yaml.Node]) -> None:
        seen: dict[Any, yaml.Node] = {}
        for key_node in keys:
            key = self.construct_object(key_node, deep=True)
            first = seen.setdefault(key, key_node)
            if first is not key_node:
                self.duplicates.append((key, first, key_node))


_StrictLoader.yaml_constructors = dict(CONSTRUCTORS)

if not _BaseLoader.yaml_path_resolvers:  # as in every PyYAML loader unless a user adds some
    _StrictLoader.resolve = resolve
    # The composer tells the resolver each step down and up the tree, for path resolvers only;
    # without any, these do nothing, and builtins that take the same arguments do it in C:
    # ``slice(parent, index)`` and ``tuple()`` are made and dropped.
    _StrictLoader.descend_resolver = slice
    _StrictLoader.ascend_resolver = tuple


class _UnusualError(Exception):
    """The fast constructor met what only the strict loader handles (see _construct)."""


def _construct(loader: _StrictLoader, root: yaml.Node) -> Any:
    """The data of ``root``, built in one pass when the document is plain.

    A plain document has text keys, each once per mapping, and only the standard scalar types,
    lists and mappings: then the values are exactly what the strict loader would construct,
    at a fraction of its cost.  Anything else (a duplicate key, a key that is not text, a merge
    key ``<<``, any other tag) makes this give up, and the strict loader constructs the same
    untouched node tree, reporting what it finds as before.  Documents with aliases never come
    here: the strict loader shares the objects an alias names.
    """
    try:
        return _build(root, loader)
    except _UnusualError:
        return loader.construct_document(root)


def _bounded_int(loader: _StrictLoader, node: yaml.ScalarNode) -> object:
    if len(node.value) > MAX_NUMBER_CHARS:
        mark = node.start_mark
        raise ReadinessError.single(
            loader.source_name,
            "number-too-large",
            f"a number of {len(node.value):,} characters; no field takes more than "
            f"{MAX_NUMBER_CHARS}",
            mark.line + 1,
            mark.column + 1,
            ja=f"{len(node.value):,}文字の数値です。どの項目も{MAX_NUMBER_CHARS}文字を超える数値は"
            "取りません",
        )
    try:
        return loader.construct_yaml_int(node)
    except ValueError:  # "0x_" matches YAML 1.1's integer pattern, but int() refuses it
        mark = node.start_mark
        raise ReadinessError.single(
            loader.source_name,
            "bad-number",
            f"{node.value!r} reads as a number in YAML, but is not one; if it is text, put it "
            f"in quotes: '{node.value}'",
            mark.line + 1,
            mark.column + 1,
            ja=f"{node.value!r} は YAML では数値として読まれますが、数値になっていません。"
            f"文字列なら '{node.value}' のように引用符で囲んでください",
        ) from None


_StrictLoader.yaml_constructors[f"{YAML_TAG}int"] = _bounded_int


def _scalar(node: yaml.Node, loader: _StrictLoader) -> Any:
    known = SCALARS.get(node.tag)
    if known is None:
        raise _UnusualError
    value = known.get(node.value, NOT_YET)
    if value is NOT_YET:
        value = _StrictLoader.yaml_constructors[node.tag](loader, node)
        remember(known, node.value, value)
    return value


def _build(node: yaml.Node, loader: _StrictLoader) -> Any:
    """The plain data of ``node`` (see :func:`_construct`).

    A module-level function, not a closure: a closure that calls itself is a reference cycle,
    which would keep each file's loader and node tree alive until the cyclic collector runs.
    """
    cls = node.__class__
    if cls is yaml.ScalarNode:
        return node.value if node.tag == STR_TAG else _scalar(node, loader)
    if cls is yaml.MappingNode and node.tag == MAP_TAG:
        pairs = node.value
        mapping = {}
        for key, value in pairs:
            if key.__class__ is not yaml.ScalarNode or key.tag != STR_TAG:
                raise _UnusualError
            # Text, most values, is taken here rather than by one more call.
            if value.__class__ is yaml.ScalarNode and value.tag == STR_TAG:
                mapping[key.value] = value.value
            else:
                mapping[key.value] = _build(value, loader)
        if len(mapping) != len(pairs):
            raise _UnusualError
        return mapping
    if cls is yaml.SequenceNode and node.tag == SEQ_TAG:
        return [
            item.value
            if item.__class__ is yaml.ScalarNode and item.tag == STR_TAG
            else _build(item, loader)
            for item in node.value
        ]
    raise _UnusualError


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """Read a file as text, refusing what is not a regular, readable, reasonably sized file.

    ``path`` may be text: a batch reads thousands of files, and making a ``Path`` of each
    name costs more than the ``os.stat`` it is for."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadinessError.single(
            name, "file-not-found", "no such file", ja="ファイルがありません"
        ) from None
    except OSError as e:
        raise _unreadable(name, e) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadinessError.single(
            name, "not-a-file", "is a directory, not a YAML file",
            ja="フォルダです。YAML ファイルを指定してください",
        )  # fmt: skip
    if not stat.S_ISREG(st.st_mode):
        raise ReadinessError.single(
            name, "not-a-file", "is not a regular file (FIFO or device?)",
            ja="通常のファイルではありません（FIFO やデバイス？）",
        )  # fmt: skip
    if st.st_size > MAX_FILE_BYTES:
        raise _too_large(name, st.st_size)
    try:
        with open(path, "rb") as f:
            # Read what stat promised plus one byte; only a file that grew meanwhile (or a
            # /proc file, whose size reads 0) needs the rest, and never more than the limit.
            raw = f.read(st.st_size + 1)
            if len(raw) > st.st_size:
                raw += f.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as e:
        raise _unreadable(name, e) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(name, len(raw))
    return decode(raw, name, encoding)


STDIN = "-"
"""The path that means standard input, as in ruff, yamllint and check-jsonschema."""
STDIN_NAME = "<stdin>"
"""How diagnostics name standard input unless ``--stdin-filename`` names it."""


def read_stream(stream: BinaryIO, name: str = STDIN_NAME, encoding: str | None = None) -> str:
    """Read text from an open binary stream (standard input), with a file's size limit."""
    try:
        raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise _unreadable(name, e) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ReadinessError.single(
            name,
            "file-too-large",
            f"is over {MAX_FILE_BYTES:,} bytes (1 MiB), far more than any profile or "
            "criteria file needs",
            ja=f"{MAX_FILE_BYTES:,}バイト（1 MiB）を超えています。プロファイルや評価基準の"
            "ファイルには十分すぎる大きさです",
        )
    return decode(raw, name, encoding)


def _too_large(name: str, size: int) -> ReadinessError:
    return ReadinessError.single(
        name,
        "file-too-large",
        f"is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes (1 MiB), "
        "far more than any profile or criteria file needs",
        ja=f"{size:,}バイトあります。上限は{MAX_FILE_BYTES:,}バイト（1 MiB）で、"
        "プロファイルや評価基準のファイルには十分すぎる大きさです",
    )


def _os_reason(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


def _unreadable(name: str, e: OSError) -> ReadinessError:
    reason = _os_reason(e)
    return ReadinessError.single(name, "file-unreadable", reason, ja=f"読み込めません（{reason}）")


def decode(raw: bytes, name: str, encoding: str | None = None) -> str:
    """Decode UTF-8 (with or without a BOM), UTF-16 with a BOM, or an explicitly named encoding.

    Never guesses: a file that is not UTF-8 is refused with a hint, so no mojibake is shown.
    """
    if encoding is not None:
        return _decode_as(raw, name, encoding)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(raw, name, "utf-16")  # Windows "Unicode"; the BOM gives the order
    raw = raw.removeprefix(_UTF8_BOM)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        hint = "save it as UTF-8 (in Excel: CSV UTF-8; in an editor: Save As, encoding UTF-8)"
        hint_ja = (
            "UTF-8 で保存し直してください（Excel では「CSV UTF-8」、エディタでは"
            "「名前を付けて保存」で文字コード UTF-8）"
        )
        if _looks_like_cp932(raw):
            hint = (
                "it looks like Shift_JIS (CP932), as Excel and Notepad on Japanese Windows "
                "save by default; save it as UTF-8, or pass --encoding cp932"
            )
            hint_ja = (
                "Shift_JIS（CP932）のようです（日本語版 Windows の Excel やメモ帳の既定）。"
                "UTF-8 で保存し直すか、--encoding cp932 を付けてください"
            )
        raise ReadinessError.single(
            name, "bad-encoding", f"is not UTF-8: {hint}", line,
            ja=f"UTF-8 ではありません。{hint_ja}",
        ) from None  # fmt: skip


def _decode_as(raw: bytes, name: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ReadinessError.single(
            name,
            "bad-encoding",
            f"unknown encoding {encoding!r}; try utf-8 or cp932",
            ja=f"文字コード {encoding!r} は知りません。utf-8 か cp932 を試してください",
        ) from None
    if not _is_utf8_name(encoding) and not raw.isascii() and _is_utf8(raw):
        # Decoding UTF-8 as, say, CP932 would "succeed" and show mojibake: refuse instead.
        raise ReadinessError.single(
            name,
            "bad-encoding",
            f"is already UTF-8, not {encoding}: leave out --encoding",
            ja=f"{encoding} ではなく UTF-8 のファイルです。--encoding を外してください",
        )
    try:
        return raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise ReadinessError.single(
            name, "bad-encoding", f"is not valid {encoding} (byte {e.start})", line,
            ja=f"{encoding} として読めません（{e.start}バイト目）",
        ) from None  # fmt: skip


def _is_utf8_name(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_cp932(raw: bytes) -> bool:
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    # Japanese text decodes to kana or kanji; random bytes rarely do.
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def parse(text: str, source: str, *, defer: bool = False, tree: bool = False) -> YamlDocument:
    """Parse one YAML document whose top level is a mapping, or raise every problem found.

    With ``defer``, duplicate keys do not raise but go into ``problems``, so that a caller
    which validates the data next can report them together with what it finds.  With
    ``tree``, the node tree is composed now, as a caller that will look up positions in most
    files wants: reading plain lines first would be work thrown away.
    """
    if not tree:
        data = read_plain_block(text)
        if data is not None:
            return YamlDocument(source=source, data=data, node=None, text=text)
    try:
        loader = _StrictLoader(text)  # the pure-Python reader checks characters here
    except yaml.reader.ReaderError as e:
        raise _reader_error(e, source, text) from None
    except UnicodeEncodeError as e:  # a lone surrogate, possible only in text given by API
        line, column = _line_col(text, e.start)
        raise ReadinessError.single(
            source, "bad-character", "a lone surrogate (invalid Unicode text)", line, column,
            ja="対になっていないサロゲート文字です（Unicode として不正な文字）",
        ) from None  # fmt: skip
    loader.duplicates = []
    loader.bad_keys = []
    loader.source_name = source
    try:
        if _may_be_too_deep(text):
            _check_depth(text, source)  # before composing, whose recursion is then bounded
        node = loader.get_single_node()
        if node is None:
            raise ReadinessError.single(
                source, "empty-file", "is empty: expected a YAML mapping",
                ja="空です。YAML のマッピング（項目: 値）を書いてください",
            )  # fmt: skip
        if "*" in text:  # only a file with aliases can expand beyond its own size
            _check_aliases(node, source)
            data = loader.construct_document(node)
        else:
            data = _construct(loader, node)
    except yaml.MarkedYAMLError as e:
        raise _yaml_error(e, source, text) from None
    except yaml.reader.ReaderError as e:
        raise _reader_error(e, source, text) from None
    except yaml.YAMLError as e:
        raise ReadinessError.single(
            source, "yaml-syntax", str(e), ja=f"YAML の書き方に誤りがあります（{e}）"
        ) from None
    except RecursionError:  # only the pure-Python loader recurses, and _check_depth ran first
        raise ReadinessError.single(
            source,
            "too-deep",
            f"nests deeper than {MAX_DEPTH} levels",
            ja=f"入れ子が{MAX_DEPTH}段より深くなっています",
        ) from None
    finally:
        loader.dispose()
    duplicates = tuple(_duplicate(source, *d) for d in loader.duplicates)
    if loader.bad_keys:
        raise ReadinessError([*duplicates, *(_bad_key(source, k) for k in loader.bad_keys)])
    if duplicates and not defer:
        raise ReadinessError(duplicates)
    if data is None:
        mark = node.start_mark
        raise ReadinessError.single(
            source,
            "empty-file",
            "is empty: expected a YAML mapping",
            mark.line + 1,
            mark.column + 1,
            ja="空です。YAML のマッピング（「項目: 値」の行）が必要です",
        )
    if not isinstance(data, dict):
        mark = node.start_mark
        raise ReadinessError.single(
            source,
            "not-a-mapping",
            f"the top level is {_kind_of(data)}; expected a mapping of fields "
            "(lines like `schema_version: 1`)",
            mark.line + 1,
            mark.column + 1,
            ja=f"最上位が{_kind_of_ja(data)}です。項目のマッピング"
            "（`schema_version: 1` のような行）が必要です",
        )
    return YamlDocument(source=source, data=data, node=node, problems=duplicates)


def _compose(text: str) -> yaml.Node | None:
    """The node tree of a text that ``read_plain_block`` has read (so it composes cleanly)."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def _reader_error(e: yaml.reader.ReaderError, source: str, text: str) -> ReadinessError:
    position = e.position
    if _BaseLoader is not yaml.SafeLoader:  # libyaml counts UTF-8 bytes, not characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    line, column = _line_col(text, position)
    code = ord(e.character) if isinstance(e.character, str) else e.character
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ReadinessError.single(
        source,
        "bad-character",
        f"character U+{code:04X} is not allowed in YAML; delete it, or write it as {escape} "
        'inside double quotes ("...")',
        line,
        column,
        ja=f'文字 U+{code:04X} は YAML で使えません。消すか、二重引用符（"..."）の中に'
        f" {escape} と書いてください",
    )


def _kind_of_ja(data: object) -> str:
    return "リスト" if isinstance(data, list) else f"単独の値（{type(data).__name__}）"


def _kind_of(data: object) -> str:
    if isinstance(data, list):
        return "a list"
    return f"a single value ({type(data).__name__})"


def _duplicate(source: str, key: object, first: yaml.Node, second: yaml.Node) -> Diagnostic:
    a, b = first.start_mark, second.start_mark
    return Diagnostic(
        source,
        b.line + 1,
        b.column + 1,
        "duplicate-key",
        f"duplicate key {key!r} (first at line {a.line + 1}, again at line {b.line + 1}); "
        "remove one: YAML would silently keep only the last",
        f"項目 {key!r} が2回あります（{a.line + 1}行目と{b.line + 1}行目）。"
        "YAML は黙って後のものだけを残すので、どちらかを消してください",
    )


def _bad_key(source: str, key: yaml.Node) -> Diagnostic:
    mark = key.start_mark
    read_as = {
        "int": "a number",
        "float": "a number",
        "bool": "true or false",
        "null": "nothing (null)",
        "timestamp": "a date",
    }.get(key.tag.replace(YAML_TAG, ""))
    read_as_ja = {"a number": "数値", "true or false": "真偽値", "nothing (null)": "空（null）",
                  "a date": "日付"}.get(read_as or "")  # fmt: skip
    if not isinstance(key, yaml.ScalarNode):
        message = "a key must be plain text, not a list or a mapping"
        ja = "項目名は文字列にしてください（リストやマッピングは使えません）"
    elif read_as is None:
        tag = key.tag.replace(YAML_TAG, "!!")
        message = f"key {key.value!r} is tagged {tag}; keys are text"
        ja = f"項目名 {key.value!r} に {tag} が付いています。項目名は文字列です"
    else:
        message = (
            f"key {key.value!r} is read as {read_as}, not as text: put it in quotes, '{key.value}'"
        )
        ja = (
            f"項目名 {key.value!r} が文字列ではなく{read_as_ja}として読まれます。"
            f"'{key.value}' のように引用符で囲んでください"
        )
    return Diagnostic(source, mark.line + 1, mark.column + 1, "bad-key", message, ja)


def _line_col(text: str, position: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


# Block indicators at the start of a line; each block level starts at least one column to the
# right of its parent, except a list that is a mapping's value, so columns bound block depth.
_LINE_PREFIX = re.compile(r"^[ \t]*(?:(?:[-?:]|---)[ \t]+)*", re.MULTILINE)
_OTHER_BREAK_CHARS = ("\r", "\x85", "\u2028", "\u2029")
_OTHER_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def _depth_bound(text: str) -> int:
    """A cheap upper bound on how deep ``text`` nests (aliases aside: see _check_aliases)."""
    if not text:
        return 0
    if any(c in text for c in _OTHER_BREAK_CHARS):  # YAML breaks lines at these too
        text = _OTHER_BREAKS.sub("\n", text)
    widest = max(map(len, _LINE_PREFIX.findall(text)))
    return 2 * (widest + 1) + 1 + text.count("[") + text.count("{")


def _may_be_too_deep(text: str) -> bool:
    """``_depth_bound(text) > MAX_DEPTH``, without listing every line's indicators when no line
    starts with as many of them as that would take (the usual file: a few fast scans)."""
    brackets = text.count("[") + text.count("{")
    # The bound is 2 * (widest + 1) + 1 + brackets: over MAX_DEPTH only from this width on.
    width = (MAX_DEPTH - 3 - brackets) // 2 + 1
    if 0 < width <= _WIDEST_CHECKED and not any(c in text for c in _OTHER_BREAK_CHARS):
        # A line's prefix (_LINE_PREFIX) is made of these characters only.
        first, later = _wide_prefix(width)
        if first.match(text) is None and later.search(text) is None:
            return False
    return _depth_bound(text) > MAX_DEPTH


_WIDEST_CHECKED = (MAX_DEPTH - 3) // 2 + 1


@lru_cache(maxsize=_WIDEST_CHECKED)
def _wide_prefix(width: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A first line, and a later line, that start with ``width`` indicator characters (a
    search that looks for a line break first is much faster than one for each start of line)."""
    return re.compile(rf"[ \t?:-]{{{width}}}"), re.compile(rf"\n[ \t?:-]{{{width}}}")


def _check_depth(text: str, source: str) -> None:
    """Refuse nesting past MAX_DEPTH from the event stream, which is parsed without recursion."""
    depth = 0  # of the collection being read; the top-level node is at depth 1
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            level = depth
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            continue
        elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            level = depth + 1
        else:
            continue
        if level > MAX_DEPTH:
            raise _too_deep(source, event.start_mark)


def _too_deep(source: str, mark: Any) -> ReadinessError:
    return ReadinessError.single(
        source,
        "too-deep",
        f"nests deeper than {MAX_DEPTH} levels; profiles and criteria need far fewer",
        mark.line + 1,
        mark.column + 1,
        ja=f"入れ子が{MAX_DEPTH}段より深くなっています。プロファイルや評価基準はずっと浅くて足ります",
    )


def _check_aliases(root: yaml.Node, source: str) -> None:
    """Refuse alias expansion past MAX_EXPANDED_NODES, and nesting past MAX_DEPTH through aliases.

    Sizes are memoised per node, so a file of nested aliases is measured without expanding it.
    """
    sizes: dict[int, int] = {}
    # (node, depth, children done, the top-level entry it was reached from)
    stack: list[tuple[yaml.Node, int, bool, yaml.Node]] = [(root, 1, False, root)]
    while stack:
        node, depth, done, entry = stack.pop()
        if depth > MAX_DEPTH:
            # Reached through an alias, the deepest node can lie before the entry that nests
            # it: then the entry is the place to fix.
            before = node.start_mark.index < entry.start_mark.index
            raise _too_deep(source, (entry if before else node).start_mark)
        if id(node) in sizes:
            continue
        children = _children(node)
        if done or not children:
            size = sizes[id(node)] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if size > MAX_EXPANDED_NODES:
                mark = node.start_mark
                raise ReadinessError.single(
                    source,
                    "alias-bomb",
                    f"aliases (*name) here expand to more than {MAX_EXPANDED_NODES:,} values; "
                    "write the values out, or use fewer aliases",
                    mark.line + 1,
                    mark.column + 1,
                    ja=f"ここの別名（*name）を展開すると{MAX_EXPANDED_NODES:,}個を超える値に"
                    "なります。値をそのまま書くか、別名を減らしてください",
                )
            continue
        stack.append((node, depth, True, entry))
        stack.extend((c, depth + 1, False, c if depth == 1 else entry) for c in children)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _yaml_error(e: yaml.MarkedYAMLError, source: str, text: str) -> ReadinessError:
    mark = e.problem_mark or e.context_mark
    problem = e.problem or "invalid YAML"
    code = "yaml-syntax"
    if isinstance(e, yaml.constructor.ConstructorError) and "tag" in problem:
        code = "yaml-tag"
        tag = problem.rsplit(" ", 1)[-1].strip("'").replace(YAML_TAG, "!!")
        problem = (
            f"tag {tag!r} is not allowed; only plain YAML values (text, numbers, true/false, "
            "dates, lists, mappings) can be used"
        )
    elif isinstance(e, yaml.constructor.ConstructorError) and "unhashable" in problem:
        code = "bad-key"
        problem = "a key must be plain text, not a list or a mapping"
    elif isinstance(e, yaml.composer.ComposerError) and "single document" in (e.context or ""):
        code = "multiple-documents"
        problem = "holds more than one YAML document (a second `---`); keep one per file"
    elif isinstance(e, yaml.scanner.ScannerError) and "nesting depth" in problem:
        code = "too-deep"
        problem = f"nests deeper than {MAX_DEPTH} levels; profiles and criteria need far fewer"
    elif mark is not None and text[mark.index : mark.index + 1] == "\t":
        problem = "a tab here: YAML indents with spaces only; replace the tab with spaces"
    elif e.context:
        problem = f"{problem} ({e.context})"
    ja = None
    if code == "yaml-syntax":
        tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        ja = (
            "ここにタブがあります。YAML の字下げは半角スペースだけです。"
            "タブをスペースにしてください"
            if tab
            else f"YAML の書き方に誤りがあります（{problem}）"
        )
        problem = f"invalid YAML: {problem}"
    elif code == "multiple-documents":
        ja = "YAML の文書が2つ以上あります（2つ目の `---`）。1ファイルに1つにしてください"
    else:
        ja = (
            f"入れ子が{MAX_DEPTH}段より深くなっています。"
            "プロファイルや評価基準はずっと浅くて足ります"
        )
    if mark is None:
        return ReadinessError.single(source, code, problem, ja=ja)
    return ReadinessError.single(source, code, problem, mark.line + 1, mark.column + 1, ja=ja)


def load_yaml(
    path: str | Path, encoding: str | None = None, *, defer: bool = False, tree: bool = False
) -> YamlDocument:
    return parse(read_text(path, encoding), str(path), defer=defer, tree=tree)
