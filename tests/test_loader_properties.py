"""Properties of the loader over arbitrary input: only ReadinessError ever escapes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.criteria.loading import load_criteria_text
from readiness.diagnostics import ReadinessError
from readiness.input import yamlscalars
from readiness.input.yamlload import MAX_DEPTH, _BaseLoader, _depth_bound, decode, parse
from readiness.profile.loading import load_profile_text
from tests.conftest import EXAMPLES

# Characters that mean something to YAML, so that generated text reaches deep into the parser.
TOKENS = [
    *":-[]{}&*!|>'\"#%@`?,. \n\t\r\x1b\x85\ufeff0123456789",
    "no",
    "yes",
    "<<",
    "!!",
    "---",
    "...",
    "a",
    "石巻",
    "2024-04-01",
    "schema_version",
    "format",
    "&x",
    "*x",
]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)  # fmt: skip


def error_of(call: Callable[[], object]) -> ReadinessError | None:
    """The ReadinessError ``call`` raises, or None; any other exception fails the test."""
    try:
        call()
    except ReadinessError as e:
        return e
    return None


def load_both(text: str) -> None:
    for load in (load_profile_text, load_criteria_text):
        error = error_of(lambda: load(text, "fuzz.yaml"))  # noqa: B023 - called at once
        if error is None:
            continue
        assert error.diagnostics
        for d in error.diagnostics:
            assert d.file == "fuzz.yaml"
            assert d.code
            assert d.line is None or d.line >= 1
            assert d.column is None or (d.line is not None and d.column >= 1)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        YAMLISH,
        st.text(st.characters(codec=None, categories=["Cs", "Cc", "Lo", "Zs"]), max_size=20),
    )
)
def test_any_text_gives_a_result_or_readiness_error(text: str) -> None:
    load_both(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.sampled_from([None, "cp932", "utf-8", "latin-1"]))
def test_any_bytes_give_a_result_or_readiness_error(raw: bytes, encoding: str | None) -> None:
    error = error_of(lambda: decode(raw, "fuzz.yaml", encoding))
    if error is not None:
        assert [d.code for d in error.diagnostics] == ["bad-encoding"]
        return
    load_both(decode(raw, "fuzz.yaml", encoding))


def true_depth(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent):
            deepest = max(deepest, depth + 1)
    return deepest


@settings(max_examples=500, deadline=None)
@given(YAMLISH.filter(lambda t: "*" not in t))
def test_depth_bound_is_an_upper_bound(text: str) -> None:
    """The cheap bound that lets well-formed files skip the depth walk never underestimates."""
    try:
        depth = true_depth(text)
    except yaml.YAMLError:
        return
    assert depth <= _depth_bound(text)


@pytest.mark.parametrize(
    "text",
    [
        "".join(f"{'  ' * i}k{i}:\n" for i in range(30)) + "  " * 30 + "x\n",
        "- " * 30 + "x\n",
        "k:\n" + "".join(f"{'  ' * i}- k:\n" for i in range(15)) + "  " * 15 + "- x\n",
        "[" * 30 + "]" * 30,
        "? - - a\n: - - b\n",
    ],
)
def test_depth_bound_on_nested_structures(text: str) -> None:
    assert true_depth(text) <= _depth_bound(text)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\x85", "\u2028", "\u2029"])
def test_depth_bound_with_every_yaml_line_break(newline: str) -> None:
    text = nested(MAX_DEPTH + 10).replace("\n", newline)
    assert true_depth(text) == MAX_DEPTH + 10 <= _depth_bound(text)
    error = error_of(lambda: parse(text, "deep.yaml"))
    assert error is not None
    assert [d.code for d in error.diagnostics] == ["too-deep"]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_example_profiles_skip_the_depth_scan(path: Path) -> None:
    """Ordinary profiles are cheap: their bound is under the limit, so nothing walks them."""
    assert _depth_bound(path.read_text(encoding="utf-8")) <= MAX_DEPTH


def nested(levels: int) -> str:
    """A mapping nested so that its deepest value sits at ``levels`` (the top level is 1)."""
    return "".join(f"{'  ' * i}k:\n" for i in range(levels - 2)) + "  " * (levels - 2) + "k: x\n"


def alias_chain(links: int) -> str:
    """Shallow as written, but each alias holds the one before: deep once expanded."""
    return "a0: &a0\n- x\n" + "".join(f"a{i}: &a{i}\n- *a{i - 1}\n" for i in range(1, links))


@pytest.mark.parametrize(
    ("text", "refused_at"),
    [
        (nested(MAX_DEPTH), None),
        (nested(MAX_DEPTH) + "# an aliased file takes the other path: *\n", None),
        (nested(MAX_DEPTH + 1), (64, 127)),
        (alias_chain(MAX_DEPTH - 2), None),
        (alias_chain(MAX_DEPTH - 1), (125, 6)),  # "a62: &a62", whose aliases nest too deep
    ],
    ids=["64 levels", "64 levels, aliases", "65 levels", "alias chain 64", "alias chain 65"],
)
def test_depth_limit_is_exact(text: str, refused_at: tuple[int, int] | None) -> None:
    error = error_of(lambda: parse(text, "deep.yaml"))
    if refused_at is None:
        assert error is None
    else:
        assert error is not None
        assert [(d.line, d.column, d.code) for d in error.diagnostics] == [
            (*refused_at, "too-deep")
        ]


class _PyYamlResolver(yaml.resolver.Resolver):
    """PyYAML's own resolver, as the C loader uses it (no path resolvers)."""


SCALARS = st.one_of(
    YAMLISH,
    st.text(max_size=12),
    st.from_regex(r"[-+]?[0-9_.,:eE]{0,12}", fullmatch=True),
    st.sampled_from(["", "~", "null", "Null", "NULL", ".inf", "-.Inf", ".nan", "0x1F", "0b101",
                     "0o17", "1_000", "190:20:30", "2024-4-1", "2024-04-01T10:00:00Z", "<<",
                     "=", "y", "Yes", "OFF", "1e3", "+1.5E-3"]),
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(
    SCALARS,
    st.sampled_from([(True, False), (False, True), (False, False), (True, True)]),
    st.sampled_from([yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode]),
)
def test_fast_resolver_gives_pyyamls_tags(
    value: str, implicit: tuple[bool, bool], kind: type[yaml.Node]
) -> None:
    expected = _PyYamlResolver().resolve(kind, value, implicit)
    assert yamlscalars.resolve(None, kind, value, implicit) == expected
    assert yamlscalars.resolve(None, kind, value, implicit) == expected  # now remembered, if plain


def test_remembered_tags_stay_within_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlscalars, "_PLAIN_TAGS", {})
    monkeypatch.setattr(yamlscalars, "_PLAIN_TAGS_MAX", 8)
    for i in range(30):
        assert yamlscalars.resolve(None, yaml.ScalarNode, str(i), (True, False)).endswith("int")
        assert yamlscalars.resolve(None, yaml.ScalarNode, f"name{i}", (True, False)).endswith("str")
        assert len(yamlscalars._PLAIN_TAGS) <= 8


def strict_load(text: str) -> object:
    """The document as PyYAML's safe loader constructs it (the slow path), or its error."""
    try:
        return yaml.load(text, Loader=_BaseLoader)
    except yaml.YAMLError as e:
        return type(e)


@settings(max_examples=500, deadline=None)
@given(YAMLISH.filter(lambda t: "*" not in t))
def test_fast_construct_gives_the_safe_loaders_data(text: str) -> None:
    """Where our loader accepts a document, its data is PyYAML's, type for type."""
    try:
        data = parse(text, "fuzz.yaml").data
    except ReadinessError:
        return
    expected = strict_load(text)
    assert data == expected
    assert repr(data) == repr(expected)  # True is not 1, 1.0 is not 1


SCALARS_WRITTEN = ["1", "0o17", "017", "1_000", "2024", "yes", "No", "~", "null", "1.5", ".inf",
                   "2024-04-01", "2024-04-01 10:00:00+09:00", "1e3", "0x1F", "'1'",
                   "[1, true, 2024-04-01]", "{c: 2}"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SCALARS_WRITTEN), min_size=1, max_size=6))
def test_scalars_constructed_again_are_the_same(values: list[str]) -> None:
    """Remembered scalars give what PyYAML constructs, the first time and every time after."""
    text = "".join(f"k{i}: {value}\n" for i, value in enumerate(values))
    for _ in range(2):
        assert repr(parse(text, "again.yaml").data) == repr(strict_load(text))


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        YAMLISH,
        st.builds(
            lambda prefix, width, brackets, newline: (
                f"a: 1{newline}" + (prefix * width)[:width] + f"x{newline}" + "[" * brackets
            ),
            st.sampled_from([" ", "- ", "\t", "? ", ": ", "--- ", "-"]),
            st.integers(0, 40),
            st.integers(0, 70),
            st.sampled_from(["\n", "\r\n", "\r", "\u2028"]),
        ),
    )
)
def test_the_quick_depth_test_is_the_bound(text: str) -> None:
    from readiness.input.yamlload import _may_be_too_deep

    assert _may_be_too_deep(text) == (_depth_bound(text) > MAX_DEPTH)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_fast_construct_on_the_examples(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert repr(parse(text, path.name).data) == repr(strict_load(text))
