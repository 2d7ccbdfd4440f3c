"""Japanese line breaking (禁則処理) for terminal output, measured in terminal cells.

Rules (a subset of JIS X 4051, enough for reports):

* a line never starts with a closing bracket, a comma or full stop, ``ー``, ``・``, iteration
  marks or a small kana (``NO_START``), nor ends with an opening bracket (``NO_END``);
* a break may fall at a space, between two CJK characters, and between a CJK character and a
  Latin word; a Latin word (any run of non-space, non-CJK characters) is split only when it is
  wider than the line;
* when nothing fits, the line is made shorter (追い出し); if no legal break fits at all, the line
  runs over the width rather than break a rule (only runs of forbidden characters do that);
* continuation lines get a hanging indent; no line carries trailing spaces.

``wrap`` works on ``str``; ``wrap_text`` on ``rich.text.Text`` (styles kept), and
``KinsokuText`` is a renderable that wraps to whatever width rich gives it, so it also works
inside table cells.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

NO_START = frozenset(
    "。、，．）」』】〕〉》？！ー・：；ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ｧｨｩｪｫｯｬｭｮｰ｡､｣･"  # half-width forms
    "〙〗〟’”»›‐゠–〜～…‥"
    ")]},.;:!?%"
)
"""Characters that may not begin a line."""

NO_END = frozenset("（「『【〔〈《〘〖〝‘“«‹｢([{")
"""Characters that may not end a line."""

_SPACE = " "


def is_wide(ch: str) -> bool:
    """True for CJK characters (each its own break unit), including half-width katakana."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or "\uff61" <= ch <= "\uff9f"


def break_allowed(before: str, after: str) -> bool:
    """Whether kinsoku allows a line to end with ``before`` and the next to start with ``after``."""
    return before not in NO_END and after not in NO_START


@dataclass(frozen=True)
class _Unit:
    start: int  # index of the first character
    end: int  # index past the last non-space character
    width: int  # cells of text[start:end]


def _units(text: str) -> list[_Unit]:
    """Unbreakable units: atoms (a CJK char or a Latin word) glued where kinsoku forbids a break.

    Between consecutive units there is only whitespace (possibly none), and a break there is legal.
    """
    atoms: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == _SPACE:
            i += 1
            continue
        j = i + 1
        if not is_wide(ch):
            while j < n and text[j] != _SPACE and not is_wide(text[j]):
                j += 1
        # combining marks and variation selectors stay with their base
        while j < n and (unicodedata.combining(text[j]) or "\ufe00" <= text[j] <= "\ufe0f"):
            j += 1
        atoms.append((i, j))
        i = j
    units: list[_Unit] = []
    start = end = -1
    for a, b in atoms:
        if start >= 0 and not break_allowed(text[end - 1], text[a]):
            end = b
            continue
        if start >= 0:
            units.append(_Unit(start, end, cell_len(text[start:end])))
        start, end = a, b
    if start >= 0:
        units.append(_Unit(start, end, cell_len(text[start:end])))
    return units


def _split_long(text: str, start: int, end: int, avail: int) -> int:
    """Where to cut ``text[start:end]`` (wider than ``avail``): the farthest legal boundary
    that fits.

    Falls back to the nearest legal boundary beyond the width, or ``end`` when there is none.
    """
    best = -1
    width = 0
    for k in range(start + 1, end):
        width += cell_len(text[k - 1])
        if width > avail:
            break
        if text[k] != _SPACE and text[k - 1] != _SPACE and break_allowed(text[k - 1], text[k]):
            best = k
    if best > start:
        return best
    for k in range(start + 1, end):
        legal = text[k] != _SPACE and text[k - 1] != _SPACE and break_allowed(text[k - 1], text[k])
        if legal and cell_len(text[start:k]) > 0:
            return k
    return end


def break_spans(
    text: str, width: int, *, indent: int = 0, first_indent: int = 0
) -> list[tuple[int, int]]:
    """Split one paragraph (no newlines) into lines; each line is ``text[start:end]``.

    Line 1 has ``width - first_indent`` cells, later lines ``width - indent`` (at least 1).
    Between one span's end and the next span's start there is only whitespace, and no span
    ends with a space.
    """
    if "\n" in text:
        raise ValueError("break_spans takes one paragraph; split on newlines first")
    spans: list[tuple[int, int]] = []
    units = _units(text)
    if not units:
        return [(0, 0)]
    first_avail = max(1, width - first_indent)
    later_avail = max(1, width - indent)
    # Leading spaces of the paragraph are kept on the first line.
    line_start = 0
    line_end = -1  # -1: nothing on the current line yet
    avail = first_avail
    line_width = 0  # cells of text[line_start:line_end]
    idx = 0
    pending: _Unit | None = None
    while idx < len(units) or pending is not None:
        unit = pending if pending is not None else units[idx]
        if pending is None:
            idx += 1
        pending = None
        if line_end < 0:
            candidate = cell_len(text[line_start : unit.start]) + unit.width
        else:
            candidate = line_width + (unit.start - line_end) + unit.width  # gaps are spaces
        if candidate <= avail:
            line_end, line_width = unit.end, candidate
            continue
        if line_end >= 0:
            # close the line, retry the unit on a fresh line
            spans.append((line_start, line_end))
            line_start, line_end, avail = unit.start, -1, later_avail
            pending = unit
            continue
        # an empty line and a unit wider than it: cut the unit
        lead = cell_len(text[line_start : unit.start])
        cut = _split_long(text, unit.start, unit.end, max(1, avail - lead))
        if cut >= unit.end:
            spans.append((line_start, unit.end))
            line_start, line_end, avail = -1, -1, later_avail
            if idx < len(units):
                line_start = units[idx].start
            continue
        spans.append((line_start, cut))
        rest = cut
        while rest < unit.end and text[rest] == _SPACE:
            rest += 1
        line_start, line_end, avail = rest, -1, later_avail
        pending = _Unit(rest, unit.end, cell_len(text[rest : unit.end]))
    if line_end >= 0:
        spans.append((line_start, line_end))
    return spans


def wrap(
    text: str, width: int, *, indent: int | str = 0, first_indent: int | str = ""
) -> list[str]:
    """Wrap ``text`` (newlines start new paragraphs) into lines of at most ``width`` cells.

    ``indent`` (cells, or a literal prefix) goes before every continuation line, ``first_indent``
    before the first line of each paragraph.
    """
    prefix = " " * indent if isinstance(indent, int) else indent
    first = " " * first_indent if isinstance(first_indent, int) else first_indent
    out: list[str] = []
    for para in text.replace("\t", " ").split("\n"):
        spans = break_spans(para, width, indent=cell_len(prefix), first_indent=cell_len(first))
        for n, (a, b) in enumerate(spans):
            out.append(((first if n == 0 else prefix) + para[a:b]).rstrip(" "))
    return out


def wrap_text(text: Text, width: int, *, indent: int = 0, first_indent: int = 0) -> list[Text]:
    """Like ``wrap`` for a rich ``Text``: styles survive, indentation is unstyled."""
    plain = text.plain.replace("\t", " ")
    lines: list[Text] = []
    offset = 0
    for para in plain.split("\n"):
        for n, (a, b) in enumerate(
            break_spans(para, width, indent=indent, first_indent=first_indent)
        ):
            line = Text(" " * (first_indent if n == 0 else indent), end="")
            piece = text[offset + a : offset + b]
            piece.rstrip()
            line.append_text(piece)
            lines.append(line)
        offset += len(para) + 1
    return lines


def min_width(text: str) -> int:
    """Cells of the widest unbreakable unit (a glued CJK run or a Latin word) in ``text``."""
    return max((u.width for p in text.split("\n") for u in _units(p)), default=0)


class KinsokuText:
    """A renderable ``Text`` that wraps with kinsoku rules at the width rich offers.

    Use it instead of a ``Text`` in ``Group``s and table cells::

        table.add_row(KinsokuText(Text(label)), KinsokuText(Text(advice), indent=2))
    """

    def __init__(self, text: Text | str, *, indent: int = 0) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap_text(self.text, options.max_width, indent=self.indent):
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        widest = max((cell_len(p) for p in plain.split("\n")), default=0)
        return Measurement(min(min_width(plain), widest), widest).clamp(max_width=options.max_width)


def print_trimmed(console: Console, renderable: RenderableType) -> None:
    """Print ``renderable`` without trailing spaces (for piped output).

    rich pads table cells (and the last column) with spaces; this renders to lines, drops the
    trailing spaces that have no background colour, and prints each line without re-wrapping.
    """
    for line in console.render_lines(renderable, pad=False, new_lines=False):
        segments = [s for s in line if not s.control]
        while segments:
            last = segments[-1]
            if last.style is not None and last.style.bgcolor is not None:
                break
            trimmed = last.text.rstrip(" ")
            if trimmed:
                segments[-1] = Segment(trimmed, last.style)
                break
            segments.pop()
        console.print(
            Text.assemble(*((s.text, s.style or "") for s in segments)),
            soft_wrap=True,
            overflow="ignore",
            crop=False,
        )


def print_lines(console: Console, lines: list[str]) -> None:
    """Print plain lines; on a terminal each wraps to its width with kinsoku rules.

    A continuation line starts two cells in from its line's own indentation.  Output that is
    not a terminal keeps every line whole, so that YAML examples can be copied and lines
    grepped.
    """
    if not console.is_terminal:
        console.file.write("".join(line + "\n" for line in lines))
        return
    for line in lines:
        lead = len(line) - len(line.lstrip(" "))
        print_trimmed(console, KinsokuText(Text(line), indent=lead + 2))
