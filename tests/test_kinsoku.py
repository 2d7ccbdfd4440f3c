from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from readiness.reporters.kinsoku import (
    NO_END,
    NO_START,
    KinsokuText,
    break_allowed,
    break_spans,
    print_trimmed,
    wrap,
    wrap_text,
)

ISSUE = "will.lead 不明 、プロファイルに記入してください。"
LONG = (
    "事業承継の担い手不足が深刻で、商工会の調査では後継者が未定の事業者が6割にのぼるため、"
    "相談窓口（合同セミナー）を設けて年4回の相談会を開く。"
)

_ALPHABET = (
    "あいうかきくさしすたちつなにぬ漢字自治体経済産業局"
    "。、，．）」』】〕〉》？！ー・：；ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    "（「『【〔〈《"
    "abcdefgXYZ0123456789)],.;:!?([ -/"
    "ｱｲｳｧｯｰ"
)
texts = st.text(alphabet=_ALPHABET, min_size=0, max_size=120)


def _legal_cut_fits(body: str, avail: int) -> bool:
    """Whether ``body`` has an inner boundary legal under kinsoku whose head fits ``avail``."""
    return any(
        body[k] != " "
        and body[k - 1] != " "
        and break_allowed(body[k - 1], body[k])
        and cell_len(body[:k]) <= avail
        for k in range(1, len(body))
    )


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=6))
def test_properties(text: str, width: int, indent: int) -> None:
    lines = wrap(text, width, indent=indent)
    avail_later = max(1, width - indent)
    for n, line in enumerate(lines):
        assert not line.endswith(" ")
        body = line if n == 0 else line[indent:]
        if n > 0 and body:
            assert line.startswith(" " * indent)
            assert body[0] not in NO_START, (lines, n)
        if n < len(lines) - 1 and body:
            nxt = lines[n + 1][indent:]
            if nxt:
                assert body[-1] not in NO_END, (lines, n)
        avail = width if n == 0 else avail_later
        if cell_len(body) > avail:
            # Over-wide only when no legal break inside the line fits.
            assert not _legal_cut_fits(body, avail) or " " not in body, (lines, n)
            assert not _legal_cut_fits(body, avail), (lines, n)
    # Joining the lines (minus indentation) gives the text back, apart from spaces at breaks.
    bodies = [ln if i == 0 else ln[indent:] for i, ln in enumerate(lines)]
    assert "".join(bodies).replace(" ", "") == text.replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=1, max_value=40))
def test_spans_cover_text(text: str, width: int) -> None:
    spans = break_spans(text, width)
    pos = 0
    for a, b in spans:
        assert text[pos:a].strip(" ") == ""
        assert a <= b
        pos = b
    assert text[pos:].strip(" ") == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=30),
)
def test_words_split_only_when_too_long(words: list[str], width: int) -> None:
    lines = wrap(" ".join(words), width)
    for w in words:
        if len(w) <= width:
            assert any(w in ln.split(" ") for ln in lines)


def test_issue_example_never_starts_with_punctuation() -> None:
    for width in range(8, 60):
        for line in wrap(ISSUE, width, indent=2):
            assert line.strip()[:1] not in NO_START


def test_long_sentence_with_hanging_indent() -> None:
    lines = wrap(LONG, 20, indent=2)
    assert lines[0] == "事業承継の担い手不足"
    assert all(ln.startswith("  ") for ln in lines[1:])
    assert all(cell_len(ln) <= 20 for ln in lines)
    assert "".join(ln.strip() for ln in lines) == LONG


def test_opening_bracket_moves_down() -> None:
    # 「 may not end a line: it goes with the next character.
    assert wrap("あいう「えお」", 8) == ["あいう", "「えお」"]


def test_latin_words_and_cjk_mix() -> None:
    assert wrap("readiness assess を実行します。", 12) == ["readiness", "assess を実", "行します。"]


def test_overlong_word_is_split() -> None:
    assert wrap("a verylongwordthatdoesnotfit here", 10) == [
        "a",
        "verylongwo",
        "rdthatdoes",
        "notfit",
        "here",
    ]


def test_runs_of_forbidden_chars_overflow_rather_than_break_a_rule() -> None:
    assert wrap("あ。。。。。い", 4) == ["あ。。。。。", "い"]


def test_paragraphs_and_prefix_indent() -> None:
    assert wrap("あいうえお\nかきくけこ", 6, indent="→ ") == [
        "あいう",
        "→ えお",
        "かきく",
        "→ けこ",
    ]


def test_wrap_text_keeps_styles() -> None:
    text = Text("不明", style="yellow")
    text.append("、プロファイルに記入してください。")
    lines = wrap_text(text, 12, indent=2)
    # ファ stays together (small ァ may not start a line), so プロ ends the first line.
    assert [ln.plain for ln in lines] == [
        "不明、プロ",
        "  ファイルに",
        "  記入してく",
        "  ださい。",
    ]
    assert lines[0].spans[0].style == "yellow"


def _console(width: int) -> Console:
    return Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)


def test_renderable_inside_a_table_cell() -> None:
    for width in (40, 60, 80, 120):
        console = _console(width)
        table = Table("id", "勧告")
        table.add_row("will.lead", KinsokuText(Text(LONG), indent=1))
        print_trimmed(console, table)
        out = console.file.getvalue()  # type: ignore[attr-defined]
        for line in out.splitlines():
            assert cell_len(line) <= width
            assert not line.endswith(" ")
            cell = line.split("│")[-2].strip() if line.count("│") >= 3 else ""
            if cell:
                assert cell[0] not in NO_START


def test_print_trimmed_removes_padding() -> None:
    console = _console(40)
    table = Table("a", "b")
    table.add_row("x", "y")
    print_trimmed(console, table)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert out
    assert all(not ln.endswith(" ") for ln in out.splitlines())
