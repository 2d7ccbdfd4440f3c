"""Progress between two profiles in the terminal."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from readiness.messages import Lang
from readiness.reporters.kinsoku import KinsokuText
from readiness.reporters.progress_report import band_word, value_text, word
from readiness.scoring.assessment import CriterionResult
from readiness.scoring.points import shown
from readiness.scoring.progress import FactChange, Progress
from readiness.textsafe import safe


def render(p: Progress, lang: Lang) -> RenderableType:
    a, b = p.old, p.new
    name = b.municipality_en if lang == "en" and b.municipality_en else b.municipality
    head = Text()
    head.append(f"{word('title', lang)}: ", style="bold")
    head.append(f"{safe(name)} ({safe(b.code)}) · {word('criteria', lang)} {safe(p.criteria.id)}")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("")
    table.add_column(word("before", lang), overflow="fold")
    table.add_column(word("after", lang), overflow="fold")
    table.add_column(word("change", lang), overflow="fold")
    style = "green" if p.score_change > 0 else "red" if p.score_change < 0 else ""
    table.add_row(word("as_of", lang), safe(a.as_of), safe(b.as_of), "")
    table.add_row(
        word("score", lang), f"{a.score:.1f}", f"{b.score:.1f}",
        Text(f"{p.score_change:+.1f}", style=style),
    )  # fmt: skip
    table.add_row(
        word("band", lang), safe(a.band.label.get(lang)), safe(b.band.label.get(lang)),
        Text(band_word(p, lang), style="green" if p.band_change > 0 else
             "red" if p.band_change < 0 else ""),
    )  # fmt: skip
    parts: list[RenderableType] = [KinsokuText(head, indent=2), table]
    parts += _gaps(word("closed", lang), p.closed, "+", "green", lang)
    parts += _gaps(word("opened", lang), p.opened, "−", "red", lang)
    parts += _facts(word("stated", lang), p.stated, lang, arrow=True)
    parts += _facts(word("changed", lang), p.changed, lang, arrow=True)
    parts += _facts(word("evidence", lang), p.evidence_added, lang, arrow=False)
    parts.append(Text(f"{word('remaining', lang)}: {len(p.remaining)}"))
    return Group(*parts)


def _gaps(
    title: str, items: tuple[CriterionResult, ...], sign: str, style: str, lang: Lang
) -> list[RenderableType]:
    out: list[RenderableType] = [Text(f"{title} ({len(items)})", style="bold")]
    for c in items:
        line = Text()
        line.append(f"  {sign}{shown(c.adds):.1f} ", style=style)
        line.append(safe(c.label.get(lang)))
        line.append(f" {c.id}", style="dim")
        out.append(KinsokuText(line, indent=4))
    return [*out, Text()]


def _facts(
    title: str, items: tuple[FactChange, ...], lang: Lang, *, arrow: bool
) -> list[RenderableType]:
    out: list[RenderableType] = [Text(f"{title} ({len(items)})", style="bold")]
    for f in items:
        line = Text()
        line.append(f"  {safe(f.path)}: ", style="cyan")
        if arrow:
            before = word("not_stated", lang) if f.old is None else value_text(f.old, 40)
            line.append(f"{before} → ", style="dim")
        line.append(value_text(f.new))
        out.append(KinsokuText(line, indent=4))
    return [*out, Text()]
