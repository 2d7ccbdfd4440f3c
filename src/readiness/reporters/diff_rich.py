"""The terminal report of a criteria diff and its impact, in Japanese or English."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from readiness.criteria.diff import CriteriaDiff, FieldChange, ItemChange, wording_diff
from readiness.messages import Lang
from readiness.messages import t as message
from readiness.reporters.diff_words import (
    driver_name,
    pair_texts,
    section_name,
    signed,
    value_text,
    w,
)
from readiness.reporters.kinsoku import KinsokuText, print_trimmed
from readiness.reporters.tables import fitted
from readiness.scoring.impact import Impact, TownImpact
from readiness.textsafe import safe, safe_line

_KIND_STYLE = {"added": "green", "removed": "red", "changed": "yellow", "renamed": "cyan"}
_MOVE_STYLE = {"up": "green", "down": "red", "same": ""}
_ARROW = {"up": " ↑", "down": " ↓", "same": ""}


def _wording(old: str, new: str) -> Text:
    out = Text()
    for op, text in wording_diff(old, new):
        if op == "same":
            out.append(safe(text))
        elif op == "removed":
            out.append("[-" + safe(text) + "-]", style="red strike")
        else:
            out.append("{+" + safe(text) + "+}", style="green bold")
    return out


def _field(kind: str, f: FieldChange, lang: Lang) -> Text:
    line = Text()
    line.append(f"    {f.field}: ", style="dim")
    if kind in ("added", "removed"):
        line.append(safe(value_text(f.new if kind == "added" else f.old, lang)))
    elif f.field == "official" and isinstance(f.old, str) and isinstance(f.new, str):
        line.append_text(_wording(f.old, f.new))
    else:
        old, new = pair_texts(f, lang)
        line.append(safe(old), style="red")
        line.append(" → ")
        line.append(safe(new), style="green")
    return line


def _item(item: ItemChange, lang: Lang) -> list[Text]:
    head = Text("  ")
    head.append(w(item.kind, lang), style=_KIND_STYLE[item.kind])
    head.append(f" {safe_line(item.id)}", style="bold")
    if item.old_id is not None:
        head.append(f" ({w('renamed_from', lang)} {safe_line(item.old_id)})")
    if item.section is not None:
        section = section_name(item, lang)
        head.append(f" ({w('in_section', lang)} {safe_line(section)})", style="dim")
    if item.label is not None:
        head.append(f" — {safe_line(item.label[lang])}")
    return [head, *(_field(item.kind, f, lang) for f in item.changes)]


def _town_name(t: TownImpact, lang: Lang) -> str:
    if lang == "en" and t.municipality_en:
        return f"{safe_line(t.municipality_en)} ({safe_line(t.municipality)})"
    return safe_line(t.municipality)


def _from_to(old: str, new: str) -> str:
    return old if old == new else f"{old} → {new}"


_MOST_DRIVERS = 5


def _movers(t: TownImpact, lang: Lang) -> Text:
    line = Text(f"  {_town_name(t, lang)}: ")
    parts = [
        f"{safe_line(driver_name(d, lang))} {signed(d.delta)}" for d in t.drivers[:_MOST_DRIVERS]
    ]
    if len(t.drivers) > _MOST_DRIVERS:
        parts.append(w("more", lang).format(n=len(t.drivers) - _MOST_DRIVERS))
    if abs(t.reweighted) >= 0.005:
        parts.append(f"{w('reweighted', lang)} {signed(t.reweighted)}")
    line.append(message("list_sep", lang).join(parts))
    return line


def _impact(impact: Impact, lang: Lang) -> list[RenderableType]:
    s = impact.summary
    counts = Text(f"{w('band_summary', lang)}: ")
    counts.append(f"{w('up', lang)} {s.band_up}", style="green")
    counts.append(", ")
    counts.append(f"{w('down', lang)} {s.band_down}", style="red")
    counts.append(f", {w('same', lang)} {s.band_same}   {w('score_summary', lang)}: ")
    counts.append(f"{w('up', lang)} {s.score_up}, {w('down', lang)} {s.score_down}, ")
    counts.append(f"{w('same', lang)} {s.score_same}   ({w('towns', lang)}: {s.towns})")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(w("town", lang))
    table.add_column(w("score", lang), justify="right", no_wrap=True)
    table.add_column(w("delta", lang), justify="right", no_wrap=True)
    table.add_column(w("band", lang))
    table.add_column(w("rank", lang), no_wrap=True)
    for t in impact.towns:
        band = _from_to(t.before.band.label.get(lang), t.after.band.label.get(lang))
        table.add_row(
            KinsokuText(_town_name(t, lang)),
            _from_to(f"{t.before.score:.1f}", f"{t.after.score:.1f}"),
            signed(t.delta),
            KinsokuText(Text(band + _ARROW[t.band_move], style=_MOVE_STYLE[t.band_move])),
            _from_to(str(t.rank_before), str(t.rank_after)),
        )
    moved = [_movers(t, lang) for t in impact.towns if t.drivers or t.score_changed]
    out: list[RenderableType] = [Text(w("impact", lang), style="bold"), counts, fitted(table)]
    if moved:
        out += [Text(w("moved_by", lang), style="bold"), *moved]
    return out


def render(diff: CriteriaDiff, impact: Impact | None, lang: Lang) -> RenderableType:
    title = Text()
    title.append(f"{w('title', lang)}: ", style="bold")
    title.append(f"{safe_line(diff.old_id)} → {safe_line(diff.new_id)}")
    parts: list[RenderableType] = [title]
    if diff.empty:
        parts.append(Text(w("no_changes", lang), style="green"))
    if diff.meta:
        parts.append(Text(w("meta", lang), style="bold"))
        for f in diff.meta:
            old, new = pair_texts(f, lang)
            line = Text()
            line.append(f"  {f.field}: ", style="dim")
            line.append(safe_line(old), style="red")
            line.append(" → ")
            line.append(safe_line(new), style="green")
            parts.append(line)
    if diff.sources:
        parts.append(Text(w("sources", lang), style="bold"))
        for s in diff.sources:
            line = Text("  ")
            line.append(w(s.kind, lang), style=_KIND_STYLE[s.kind])
            line.append(f" {safe_line(s.id)}")
            parts.append(line)
    for key in ("sections", "criteria", "strategies", "bands"):
        items: tuple[ItemChange, ...] = getattr(diff, key)
        if items:
            parts.append(Text(w(key, lang), style="bold"))
            for item in items:
                parts += _item(item, lang)
    if impact is not None and impact.towns:
        parts += [Text(), *_impact(impact, lang)]
    return Group(*(_wrapped(p) for p in parts))


def _wrapped(part: RenderableType) -> RenderableType:
    """A line of text wraps with kinsoku, continuation lines two cells in from its start."""
    if not isinstance(part, Text):
        return part
    lead = len(part.plain) - len(part.plain.lstrip(" "))
    return KinsokuText(part, indent=lead + 2)


def print_diff(console: Console, diff: CriteriaDiff, impact: Impact | None, lang: Lang) -> None:
    print_trimmed(console, render(diff, impact, lang))
