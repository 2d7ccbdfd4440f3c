"""The one-screen terminal report of an assessment, in Japanese or English, for 80 columns.

Text from a profile or a criteria file goes through ``safe()`` into ``Text`` objects, never
into a markup string, so neither escape sequences nor ``[link=...]`` markup reach the terminal.
Free text wraps with Japanese line-breaking rules (``KinsokuText``), continuation lines indented
under their start; headings are bold, and bold is never combined with dim.
"""

from __future__ import annotations

from fractions import Fraction

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from readiness.input.validation import dotted
from readiness.messages import Lang, pick, t
from readiness.profile.localgov import BUREAU_NAMES
from readiness.profile.substance import Finding
from readiness.reporters.kinsoku import KinsokuText, print_trimmed
from readiness.reporters.tables import fitted
from readiness.scoring.assessment import Assessment, CriterionResult, SectionResult
from readiness.scoring.points import exact, shown
from readiness.textsafe import safe

_STATUS_STYLE = {"met": "green", "unmet": "red", "unknown": "yellow"}
_BAND_STYLE = ("bold green", "bold yellow", "bold red")


def _pct(value: Fraction) -> str:
    return f"{shown(value * 100, 0):.0f}%"


def _pts(value: Fraction | float) -> str:
    return f"{shown(Fraction(value)):.1f}"


def header(a: Assessment, lang: Lang) -> Text:
    name = safe(a.municipality)
    if a.municipality_en and lang == "en":
        name = f"{safe(a.municipality_en)} ({name})"
    line = Text()
    line.append(name, style="bold")
    line.append(f"  {a.code} · {t('as_of', lang)} {a.as_of}")
    if a.fictional:
        line.append(f"\n[{t('fictional', lang)}]", style="magenta")
    if a.group_members:
        line.append(f"\n{group_line(a, lang)}")
    bureau = pick(BUREAU_NAMES[a.bureau], lang) if a.bureau in BUREAU_NAMES else a.bureau
    line.append(f"\n{bureau} · {t('criteria', lang)}: {a.criteria_id}")
    return line


def group_line(a: Assessment, lang: Lang) -> str:
    """The group a town leads: its name, the lead, and every other member with its code."""
    sep = t("list_sep", lang)
    members = sep.join(f"{safe(m.name)} {m.code} ({safe(m.prefecture)})" for m in a.group_members)
    name = f" {safe(a.group_name)}" if a.group_name else ""
    lead = f"{t('group_lead', lang)}: {safe(a.municipality)} {a.code}"
    return f"{t('group', lang)}{name} ({lead}) · {t('group_members', lang)}: {members}"


def summary(a: Assessment, lang: Lang) -> Text:
    style = _BAND_STYLE[min(a.band_rank, len(_BAND_STYLE) - 1)]
    line = Text(f"{t('score', lang)} ")
    line.append(f"{a.score:.1f}", style="bold")
    line.append(" / 100   ")
    line.append(f"{t('band', lang)}: ")
    line.append(safe(a.band.label.get(lang)), style=style)
    if a.gates_passed:
        line.append(f"   ({t('gates_all', lang)})", style="green")
    elif a.gates_failed:
        line.append(f"   ({t('gates_failed', lang)})", style="red")
    else:
        line.append(f"   ({t('gates_unshown', lang)})", style="yellow")
    line.append(
        f"\n{t('reading_points', lang)}: {_pts(a.reading_points)} / {a.score:.1f}", style="dim"
    )
    line.append(
        f"\n{t('evidence_coverage', lang)}: {_pct(a.evidence_coverage)} "
        f"({_pts(a.evidenced_points)} / {a.score:.1f})",
        style="dim",
    )
    # In Japanese the criteria are named by their labels (no bare ids), in English by their ids.
    unevidenced = [
        r.label.get(lang) if lang == "ja" else r.id
        for r in a.criteria
        if r.status == "met" and not r.evidenced
    ]
    if unevidenced:
        joined = t("list_sep", lang).join(unevidenced)
        line.append(f"\n{t('unevidenced', lang)}: {joined}", style="dim")
    return line


_GATE_STYLE = {"passed": "green", "not_yet_shown": "yellow", "failed": "red"}
_GATE_WORD = {"passed": "gate_passed", "not_yet_shown": "gate_unshown", "failed": "gate_failed"}


def gate_text(s: SectionResult, lang: Lang) -> Text:
    """The table cell: ``≥50% passed``, ``≥50% not yet shown`` or ``≥50% failed``."""
    status = s.gate_status
    if status is None or s.gate is None:
        return Text("-")
    gate = _pct(exact(s.gate))
    return Text(f"≥{gate} {t(_GATE_WORD[status], lang)}", style=_GATE_STYLE[status])


def gate_note(s: SectionResult, lang: Lang) -> Text | None:
    """Why a gate has not passed: ``not yet shown: 2 facts unknown``, or the required
    criteria that a stated fact leaves unmet."""
    status = s.gate_status
    if status not in ("not_yet_shown", "failed"):
        return None
    sep = "：" if lang == "ja" else ": "
    out = Text(f"  {safe(s.label.get(lang))}{sep}", style=_GATE_STYLE[status])
    if status == "not_yet_shown":
        count = f"{s.unknown_facts}{t('unknown_facts', lang)}"
        if lang == "en":
            count = f"{s.unknown_facts} {t('unknown_facts', lang)}"
        out.append(f"{t('gate_unshown', lang)}{sep}{count}")
    else:
        out.append(t("gate_failed", lang))
        if s.required_unmet:
            out.append(f" ({t('required_missing', lang)}{sep}{', '.join(s.required_unmet)})")
    return out


def sections_table(a: Assessment, lang: Lang) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    table.add_column(t("section", lang), overflow="fold", ratio=1)
    table.add_column(t("points", lang), justify="right", no_wrap=True)
    table.add_column(t("gate", lang), justify="right", no_wrap=True)
    table.add_column(t("score", lang), justify="right", no_wrap=True)
    total_weight = sum(exact(x.weight) for x in a.sections)
    for s in a.sections:
        table.add_row(
            KinsokuText(safe(s.label.get(lang))),
            f"{float(s.earned):g}/{float(s.possible):g} ({_pct(s.share)})",
            gate_text(s, lang),
            f"{_pts(s.contribution)}/{_pts(exact(s.weight) / total_weight * 100)}",
        )
    return table


def strategy_lines(a: Assessment, lang: Lang) -> Group:
    lines: list[RenderableType] = [Text(a.strategy_label.get(lang), style="bold")]
    for fit in a.strategy_fit:
        line = Text("  ")
        line.append("✓ " if fit.initiatives else "· ", style="green" if fit.initiatives else "dim")
        line.append(safe(fit.label.get(lang)))
        served = ", ".join(safe(i) for i in fit.initiatives) or t("nothing_serves", lang)
        line.append(f": {served}", style="" if fit.initiatives else "dim")
        lines.append(KinsokuText(line, indent=4))
    if a.unmatched_strategies:
        line = Text()
        line.append(f"  {t('unmatched', lang)}: ", style="yellow")
        line.append(", ".join(safe(s) for s in a.unmatched_strategies))
        lines.append(KinsokuText(line, indent=4))
    return Group(*lines)


def gaps_table(gaps: tuple[CriterionResult, ...], lang: Lang) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_lines=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("adds", lang), justify="right", no_wrap=True)
    table.add_column(t("gap", lang), ratio=2)
    table.add_column(t("recommendation", lang), ratio=3)
    for rank, gap in enumerate(gaps, 1):
        label = Text(safe(gap.label.get(lang)))
        label.append("\n")
        label.append(t(f"status_{gap.status}", lang), style=_STATUS_STYLE[gap.status])
        label.append(f" {gap.id}", style="dim")
        if gap.required:
            label.append(f" · {t('required', lang)}", style="bold")
        recommendation = KinsokuText(safe(gap.recommendation.get(lang)))
        table.add_row(str(rank), f"+{_pts(gap.adds)}", KinsokuText(label), recommendation)
    return table


def next_band_text(a: Assessment, lang: Lang) -> RenderableType:
    """What the next band needs: points (when any are missing), the gates by name, the gaps."""
    nb = a.next_band
    if nb is None:
        return Text(t("top_band", lang), style="green")
    out = Text()
    out.append(f"{t('next_band', lang)} ({safe(nb.band.label.get(lang))})", style="bold")
    needs: list[str] = []
    if nb.points_needed > 0.05:
        needs.append(f"{t('next_band_points', lang)} {_pts(nb.points_needed)}")
    if nb.gates:
        sections = {s.id: s for s in a.sections}
        names = [safe(sections[g].label.get(lang)) if g in sections else g for g in nb.gates]
        needs.append(f"{t('next_band_gates', lang)}: {t('list_sep', lang).join(names)}")
    if nb.min_evidence is not None and a.evidence_coverage < Fraction(str(nb.min_evidence)):
        needs.append(f"{t('evidence_coverage', lang)} ≥ {_pct(Fraction(str(nb.min_evidence)))}")
    out.append(": ")
    out.append(t("sentence_sep", lang).join(needs))
    parts: list[RenderableType] = [KinsokuText(out, indent=2)]
    if not nb.reachable:
        parts.append(KinsokuText(Text(f"  → {t('next_band_unreachable', lang)}"), indent=4))
    criteria = {c.id: c for c in a.criteria}
    for gap_id in nb.gaps:
        line = Text("  → ")
        if gap_id in criteria:
            line.append(safe(criteria[gap_id].label.get(lang)))
            line.append(f" {gap_id}", style="dim")
        else:
            line.append(gap_id)
        parts.append(KinsokuText(line, indent=4))
    return Group(*parts)


def render(a: Assessment, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = [
        KinsokuText(header(a, lang), indent=2),
        *(
            KinsokuText(Text(f"! {safe(c.get(lang))}", style="yellow"), indent=2)
            for c in a.cautions
        ),
        Text(),
        KinsokuText(summary(a, lang), indent=2),
        fitted(sections_table(a, lang)),
        *(KinsokuText(n, indent=4) for s in a.sections if (n := gate_note(s, lang)) is not None),
    ]
    if a.strategy_fit:
        parts += [strategy_lines(a, lang), Text()]
    gaps = a.gaps
    parts.append(Text(t("gaps", lang), style="bold"))
    parts.append(fitted(gaps_table(gaps, lang)) if gaps else Text(t("no_gaps", lang)))
    if any(g.status == "unknown" for g in gaps):
        parts.append(KinsokuText(Text(t("unknown_note", lang), style="yellow")))
    parts.append(next_band_text(a, lang))
    if a.findings:
        parts += [Text(), Text(t("findings", lang), style="bold")]
        parts += [KinsokuText(finding_line(a, f, lang), indent=4) for f in a.findings]
    return Group(*parts)


def finding_line(a: Assessment, f: Finding, lang: Lang) -> Text:
    """``koshi.yaml:12:7: duplicate partners[3]: the same entry as partners[0]: it counts once``"""
    where = safe(a.profile_file or "")
    if f.line is not None:
        where += f":{f.line}:{f.column}"
    out = Text(f"  {where}: " if where else "  ", style="dim")
    out.append(f.code, style="yellow")
    out.append(f" {dotted(f.loc)}: {safe(f.message.get(lang))}")
    return out


def print_assessment(console: Console, a: Assessment, lang: Lang) -> None:
    print_trimmed(console, render(a, lang))
