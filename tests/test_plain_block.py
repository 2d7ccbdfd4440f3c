"""The plain-block reader gives the full loader's data, or leaves the file to it.

The oracle is readiness's own full loader (the C composer and the strict constructor), reached
by ``parse`` with the plain-block reader switched off.  Data are compared type for type and in
key order: ``True == 1`` and ``{"a": 1, "b": 2} == {"b": 2, "a": 1}`` in Python, not here.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from readiness.diagnostics import ReadinessError
from readiness.input import plainblock, yamlload
from readiness.input.plainblock import read_plain_block
from readiness.input.yamlload import MAX_DEPTH, parse
from tests.conftest import DATA, EXAMPLES, PROPERTY, ROOT
from tests.generated import generated_text

BUNDLED = ROOT / "src" / "readiness" / "data"


def full_load(text: str) -> Any:
    """The data as the full loader reads ``text``, or the ReadinessError it raises."""
    saved = yamlload.read_plain_block
    yamlload.read_plain_block = lambda _text: None  # type: ignore[assignment]
    try:
        return parse(text, "x.yaml", defer=True).data
    except ReadinessError as e:
        return e
    finally:
        yamlload.read_plain_block = saved


def same(a: Any, b: Any) -> bool:
    """Equal, of the same types at every depth, with keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def agrees(text: str) -> bool:
    """Whether the plain-block reader read ``text``; fails if it read it differently."""
    plain = read_plain_block(text)
    if plain is None:
        return False
    full = full_load(text)
    assert not isinstance(full, ReadinessError), (text, full)
    assert same(plain, full), (text, plain, full)
    return True


FILES = sorted(
    [
        *(DATA / "yaml-test-suite" / "cases").glob("*.yaml"),
        *EXAMPLES.glob("*.yaml"),
        *BUNDLED.rglob("*.yaml"),
    ]
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files_read_alike(path: Path) -> None:
    agrees(path.read_text(encoding="utf-8"))


def test_the_reader_is_used_where_it_should_be() -> None:
    """Without this, the reader could give up on everything and every test above would pass."""
    assert all(agrees(generated_text(seed)) for seed in range(200))
    read = {p.name for p in EXAMPLES.glob("*.yaml") if agrees(p.read_text(encoding="utf-8"))}
    assert read == {p.name for p in EXAMPLES.glob("*.yaml")}


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: 1\n", {"a": 1}),
        ("a:\n", {"a": None}),
        ("a:   \n  # note\nb: x  \n", {"a": None, "b": "x"}),
        (
            "a: yes\nb: no\nc: ~\nd: 1.5\ne: 0x1F\n",
            {"a": True, "b": False, "c": None, "d": 1.5, "e": 31},
        ),
        ("a: 1  # note: one\nb: 'x' # c\nc: # none\n", {"a": 1, "b": "x", "c": None}),
        ("a:  # below\n  b: 1\n", {"a": {"b": 1}}),
        ("l: [産業部, 企画課 政策係, 2, yes]\n", {"l": ["産業部", "企画課 政策係", 2, True]}),
        ("l: [a, b]  # two\n", {"l": ["a", "b"]}),
        ("t: ''  #\n", {"t": ""}),
        ("e: [ ]\n", {"e": []}),
        ("l: [1, [2, []], {}]\n", {"l": [1, [2, []], {}]}),
        (
            "timeline: {start: 2024-06-01, end: 2026-03-31}\n",
            {"timeline": {"start": datetime.date(2024, 6, 1), "end": datetime.date(2026, 3, 31)}},
        ),
        (
            "p:\n- {programme: x, year: 2019, firms: [やまなみ農産（架空）]}\n",
            {"p": [{"programme": "x", "year": 2019, "firms": ["やまなみ農産（架空）"]}]},
        ),
        ("k:\n- a  # c: d\n", {"k": ["a"]}),
        ("d: 2024-04-01\n", {"d": datetime.date(2024, 4, 1)}),
        ("d: 2024-13-01\n", {"d": "2024-13-01"}),  # an impossible date stays text
        ("code: '042021'\n", {"code": "042021"}),
        ("t: 'it''s'\n", {"t": "it's"}),
        ('t: "石巻"\n', {"t": "石巻"}),
        ("t: ''\n", {"t": ""}),
        ("e: []\nm: {}\n", {"e": [], "m": {}}),
        ("url: https://example.jp/a#b\n", {"url": "https://example.jp/a#b"}),
        ("t: 商工会議所と連携：年2回\n", {"t": "商工会議所と連携：年2回"}),
        ("l:\n- a\n-   b\nk: 1\n", {"l": ["a", "b"], "k": 1}),
        ("l:\n  - a\n  - - b\n", None),  # a list in a list
        (
            "issues:\n- id: a\n  evidence:\n  - x\n  title: t\n-  id: b\n   n: 2\n",
            {"issues": [{"id": "a", "evidence": ["x"], "title": "t"}, {"id": "b", "n": 2}]},
        ),
        ("  a: 1\n  b:\n    c: 2\n", {"a": 1, "b": {"c": 2}}),
    ],
)
def test_what_it_reads(text: str, data: dict[str, Any] | None) -> None:
    plain = read_plain_block(text)
    assert same(plain, data), plain
    if data is not None:
        assert agrees(text)


def nested(blocks: int, brackets: int) -> str:
    """Mappings nested ``blocks`` deep by indentation, then lists ``brackets`` deep."""
    keys = "".join(" " * i + "k:\n" for i in range(blocks))
    return f"{keys}{' ' * blocks}k: {'[' * brackets}x{']' * brackets}\n"


DEEP = nested(23, 40)  # 64 levels and more, but neither part over its own limit


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "- a\n",  # not a mapping
        "a: 1\na: 2\n",  # duplicate key: the full loader reports it
        "yes: 1\n",  # a key read as true
        "1: x\n",
        "<<: x\n",
        "'a': 1\n",  # a quoted key
        "a : 1\n",
        "a: b: c\n",
        "a: b:\n",
        "a: first\n  second\n",  # a value over two lines
        "a:\n- x\n  y\n",
        "a:\n  text\n",
        "a: |\n  x\n",
        "a: >\n  x\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: ['x']\n",
        "a: [x: 1]\n",
        "a: [x?]\n",
        "a: [a,,b]\n",
        "a: [a, ]\n",
        "a: [-1]\n",
        "a: [a, b\n",
        "a: [a #c, b]\n",
        "a: 'x #y'\n",
        "a: #c\n  text\n",
        "- # c\n",
        "a: {b: 1, b: 2}\n",
        "a: {b: }\n",
        "a: {b:1}\n",
        "a: {b: 1,}\n",
        "a: {yes: 1}\n",
        "a: {b: 1} x\n",
        "a: {b: 1: 2}\n",
        "- [a]: b\n",
        "a: 'open\n  still'\n",
        "a: 'x' y\n",
        "a: '''\n",
        'a: "x\\ty"\n',
        "a: -1\n",
        "a:\n-\n  b\n",
        "a:\tb\n",
        "a: b\r\nc: d\r\n",
        "a: b\u2028c\n",
        "a: b\x85c\n",
        "\ufeffa: b\n",
        "a: b\x07\n",
        "a: =\n",
        "a: " + "1" * 40 + "\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.1\n---\na: 1\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n  - x\n  b: 1\n",
        "".join(f"{' ' * i}k{i}:\n" for i in range(60)),
        "k: " + "[" * 20 + "]" * 20 + "\n",
        # Found by review: a key that ends the document, nesting in blocks and in brackets
        # that is too deep only together, and integers that int() refuses.
        "... a: 1\n",
        "a: 1\n...  b: 2\n",
        "a:\n- b\n... c: 1\n",
        "a: 1\n--- b\n",
        DEEP,
        "a: 0x_\n",
        "a: 0b_\n",
        "a: [+0x_]\n",
    ],
)
def test_what_it_leaves_to_the_full_loader(text: str) -> None:
    assert read_plain_block(text) is None


def test_nesting_it_reads_stays_within_the_full_loaders_limit() -> None:
    deepest = nested(plainblock._MAX_DEPTH, plainblock._MAX_FLOW_DEPTH)
    assert plainblock._MAX_DEPTH + plainblock._MAX_FLOW_DEPTH + 3 <= MAX_DEPTH
    assert agrees(deepest)
    assert isinstance(full_load(DEEP), ReadinessError)


def test_a_plain_file_still_gets_positions() -> None:
    text = "municipality:\n  name: 石巻市\n  code: 42021\nissues:\n- id: a\n  title: x\n"
    doc = parse(text, "p.yaml")
    assert doc.node is None  # read without a tree
    assert doc.position(["municipality", "code"]) == (3, 9)
    assert doc.key_position(["issues", 0, "title"]) == (6, 3)
    assert doc.scalar_text(["municipality", "code"]) == "42021"
    assert doc.id_position("a", ["title"]) == (6, 10)
    assert doc.node is not None
    assert doc.text is None  # the text is let go once the tree is there


# Pieces that mean something to YAML, for lines that reach into every branch of the reader.
KEYS = ["a", "b", "id", "名前", "yes", "1", "<<", "=", "'a'", "a b", "a:b", "a #", "-a", "...",
        "---", "? a", "&x a", "a'", "a ", ""]  # fmt: skip
VALUES = ["", "x", "石巻市", "a b", "'q'", "'it''s'", "''", "'''", "'a", '"d"', '"a\\"b"', "[]",
          "{}", "[a]", "yes", "No", "~", "null", "1", "-1", "0o17", "1_000", ".5", "1e3",
          "2024-04-01", "2024-13-01", "2024-04-01 10:00:00", "12:30", "a # c", "a#c", "a: b",
          "a:", "&x a", "*x", "!!str a", "|", ">-", "#c", "-", "- a", "?", "a\tb", "a\u2028b",
          "\ufeffx", "x\x85", "=", "<<", "9" * 40, " x ", "http://a/b", "[a, 1]", "[a,]", "[ ]",
          "[a: 1]", "[[a], {}]", "{a: 1, b: [x, y]}", "{a: }", "{a:1}", "{a: b: c}", "{'a': 1}",
          "[a #b]", "[-1]", "{a: [1}", "[a] x"]  # fmt: skip
LINE = st.tuples(
    st.integers(0, 6),  # indentation
    st.sampled_from(["", "", "- ", "-  ", "- - ", "-"]),
    st.one_of(st.none(), st.sampled_from(KEYS)),
    st.sampled_from([": ", ":", ":  ", " : "]),
    st.sampled_from(VALUES),
    st.sampled_from(["", "", " ", "  # c"]),
).map(lambda p: " " * p[0] + p[1] + (p[4] if p[2] is None else p[2] + p[3] + p[4]) + p[5])
DOCUMENT = st.tuples(
    st.lists(st.one_of(LINE, st.just(""), st.just("# c")), min_size=1, max_size=12),
    st.sampled_from(["\n", "\n", "\r\n"]),
).map(lambda p: p[1].join(p[0]) + p[1])


@PROPERTY
@given(DOCUMENT)
@example("a:\n- b: 1\n  c:\n  - d\n- e\nf: 'g'\n")
def test_made_up_lines_read_alike(text: str) -> None:
    agrees(text)


PLAIN_KEYS = ["a", "b", "c", "d", "e", "id", "名前", "title_en", "x y", "k-1", "k.2"]
PLAIN_VALUES = ["x", "石巻市", "a b", "1", "yes", "2024-04-01", "[a, b]", "'q'", "{s: 1}"]
# Mostly plain pieces, so that about a fifth of the documents are read, and the rest are not.
VALUE = st.sampled_from(PLAIN_VALUES * 8 + VALUES)
KEY_TEXT = st.sampled_from(PLAIN_KEYS * 12 + KEYS)
COMMENT = st.sampled_from(["", "", "  # c", " #: c", "#c"])


@st.composite
def block_document(draw: st.DrawFn) -> str:
    """A block mapping, nested, with risky keys, values and comments in well-formed places."""

    def mapping(indent: int, depth: int) -> list[str]:
        lines = []
        for key in draw(st.lists(KEY_TEXT, min_size=1, max_size=4, unique=draw(st.booleans()))):
            kind = draw(st.sampled_from(["scalar", "scalar", "mapping", "list"]))
            if depth > 2 or kind == "scalar":
                lines.append(f"{' ' * indent}{key}: {draw(VALUE)}{draw(COMMENT)}")
            elif kind == "mapping":
                lines.append(f"{' ' * indent}{key}:{draw(COMMENT)}")
                lines += mapping(indent + draw(st.integers(1, 3)), depth + 1)
            else:
                lines.append(f"{' ' * indent}{key}:")
                lines += sequence(indent + draw(st.sampled_from([0, 2])), depth + 1)
        return lines

    def sequence(indent: int, depth: int) -> list[str]:
        lines = []
        for _ in range(draw(st.integers(1, 3))):
            if depth > 2 or draw(st.booleans()):
                lines.append(f"{' ' * indent}- {draw(VALUE)}{draw(COMMENT)}")
            else:
                gap = draw(st.integers(1, 3))
                item = mapping(indent + 1 + gap, depth + 1)
                item[0] = f"{' ' * indent}-{' ' * gap}{item[0].lstrip(' ')}"
                lines += item
        return lines

    return "\n".join(mapping(0, 0)) + "\n"


@PROPERTY
@given(block_document())
def test_made_up_documents_read_alike(text: str) -> None:
    agrees(text)


SCALAR = st.one_of(
    st.text(alphabet=st.sampled_from("aZ0 :#-'\"石巻\u3000.\t"), max_size=8),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.dates(),
    st.floats(allow_nan=False, allow_infinity=False),
)
KEY = st.text(alphabet=st.sampled_from("ak_石:# -'"), min_size=1, max_size=5)
DATA_TREE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEY, inner, max_size=4)),
    max_leaves=20,
)


@PROPERTY
@given(st.dictionaries(KEY, DATA_TREE, min_size=1, max_size=5), st.integers(2, 4))
def test_dumped_data_reads_alike(data: dict[str, Any], indent: int) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, indent=indent)
    if agrees(text):
        assert same(read_plain_block(text), full_load(text))


def test_a_caller_that_wants_positions_gets_the_tree_at_once() -> None:
    text = "a:\n  b: [1, 2]\n"
    doc = parse(text, "p.yaml", tree=True)
    assert doc.node is not None
    assert doc.text is None
    assert same(doc.data, read_plain_block(text))
    assert doc.position(["a", "b", 1]) == (2, 10)
