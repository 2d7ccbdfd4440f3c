"""A criteria diff and its impact as GitHub-flavoured Markdown, for a pull-request comment."""

from __future__ import annotations

import re

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
from readiness.scoring.impact import Impact, TownImpact
from readiness.textsafe import safe_line

_SPECIAL = re.compile(r"([\\`*_~<>\[\]|#])")
_ARROW = {"up": " ↑", "down": " ↓", "same": ""}


def md(text: str) -> str:
    """One line of untrusted text, with Markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", safe_line(text))


def code(text: str) -> str:
    return "`" + safe_line(text).replace("`", "'") + "`"


def _wording(old: str, new: str) -> str:
    parts = []
    for op, text in wording_diff(old, new):
        if op == "same":
            parts.append(md(text))
        elif op == "removed":
            parts.append(f"~~{md(text)}~~")
        else:
            parts.append(f"**{md(text)}**")
    return "".join(parts)


def _field_line(kind: str, f: FieldChange, lang: Lang) -> str:
    if kind == "added":
        shown = code(str(f.new)) if f.field == "check" else md(value_text(f.new, lang))
        return f"  - {f.field}: {shown}"
    if kind == "removed":
        shown = code(str(f.old)) if f.field == "check" else md(value_text(f.old, lang))
        return f"  - {f.field}: {shown}"
    if f.field == "check":
        return f"  - {f.field}: {code(str(f.old))} → {code(str(f.new))}"
    if isinstance(f.old, str) and isinstance(f.new, str) and f.field == "official":
        return f"  - {f.field}: {_wording(f.old, f.new)}"
    old, new = pair_texts(f, lang)
    return f"  - {f.field}: {md(old)} → {md(new)}"


def _item_lines(item: ItemChange, lang: Lang) -> list[str]:
    head = f"- {w(item.kind, lang)} {code(item.id)}"
    if item.old_id is not None:
        head += f" ({w('renamed_from', lang)} {code(item.old_id)})"
    if item.section is not None:
        section = section_name(item, lang)
        head += f" ({w('in_section', lang)} {md(section) if lang == 'ja' else code(section)})"
    if item.label is not None:
        head += f" — {md(item.label[lang])}"
    return [head, *(_field_line(item.kind, f, lang) for f in item.changes)]


def _cell(text: str) -> str:
    return md(text)


def _town_name(t: TownImpact, lang: Lang) -> str:
    if lang == "en" and t.municipality_en:
        return f"{t.municipality_en} ({t.municipality})"
    return t.municipality


def _movers(t: TownImpact, lang: Lang) -> str:
    parts = []
    for d in t.drivers:
        name = md(driver_name(d, lang)) if lang == "ja" else code(d.id)
        if d.old_id is not None:
            name += f" ({w('renamed_from', lang)} {code(d.old_id)})"
        parts.append(f"{name} {signed(d.delta)}")
    if abs(t.reweighted) >= 0.005:
        parts.append(f"{w('reweighted', lang)} {signed(t.reweighted)}")
    return message("list_sep", lang).join(parts) or "—"


def _from_to(old: str, new: str) -> str:
    return old if old == new else f"{old} → {new}"


def _impact_lines(impact: Impact, lang: Lang) -> list[str]:
    s = impact.summary
    counts = (
        f"{w('band_summary', lang)}: {w('up', lang)} {s.band_up}, {w('down', lang)} {s.band_down}, "
        f"{w('same', lang)} {s.band_same} · {w('score_summary', lang)}: {w('up', lang)} "
        f"{s.score_up}, {w('down', lang)} {s.score_down}, {w('same', lang)} {s.score_same} "
        f"({w('towns', lang)}: {s.towns})"
    )
    lines = [f"### {w('impact', lang)}", "", counts, ""]
    headers = ("town", "score", "delta", "band", "rank", "moved_by")
    lines.append("| " + " | ".join(w(h, lang) for h in headers) + " |")
    lines.append("| --- | ---: | ---: | --- | --- | --- |")
    for t in impact.towns:
        band = _from_to(t.before.band.label.get(lang), t.after.band.label.get(lang))
        row = (
            _cell(_town_name(t, lang)),
            _from_to(f"{t.before.score:.1f}", f"{t.after.score:.1f}"),
            signed(t.delta),
            _cell(band) + _ARROW[t.band_move],
            _from_to(str(t.rank_before), str(t.rank_after)),
            _movers(t, lang),
        )
        lines.append("| " + " | ".join(row) + " |")
    return lines


def render_markdown(diff: CriteriaDiff, impact: Impact | None, lang: Lang) -> str:
    lines = [f"## {w('title', lang)}: {code(diff.old_id)} → {code(diff.new_id)}", ""]
    if diff.empty:
        lines += [w("no_changes", lang), ""]
    if diff.meta:
        lines += [f"### {w('meta', lang)}", ""]
        lines.append(f"| {w('field', lang)} | {w('old', lang)} | {w('new', lang)} |")
        lines.append("| --- | --- | --- |")
        for f in diff.meta:
            old, new = pair_texts(f, lang)
            lines.append(f"| {f.field} | {_cell(old)} | {_cell(new)} |")
        lines.append("")
    if diff.sources:
        lines += [f"### {w('sources', lang)}", ""]
        lines += [f"- {w(s.kind, lang)}: {md(s.id)}" for s in diff.sources]
        lines.append("")
    for key in ("sections", "criteria", "strategies", "bands"):
        items: tuple[ItemChange, ...] = getattr(diff, key)
        if items:
            lines += [f"### {w(key, lang)}", ""]
            for item in items:
                lines += _item_lines(item, lang)
            lines.append("")
    if impact is not None and impact.towns:
        lines += [*_impact_lines(impact, lang), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
