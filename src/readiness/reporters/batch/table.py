"""The ranked table and band summary that ``readiness batch`` prints on the terminal."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from readiness.batch import BatchResult
from readiness.messages import Lang, t
from readiness.reporters.batch.common import first_gap, gates_text, score, town
from readiness.textsafe import safe

_BAND_STYLE = ("bold green", "bold yellow", "bold red")


def ranking_table(result: BatchResult, lang: Lang) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(t("rank", lang), justify="right", no_wrap=True)
    table.add_column(t("town", lang), overflow="fold", ratio=2)
    table.add_column(t("bureau_col", lang), no_wrap=True)
    table.add_column(t("score", lang), justify="right", no_wrap=True)
    table.add_column(t("band", lang), overflow="fold", ratio=1)
    table.add_column(t("gates", lang), overflow="fold", ratio=1)
    table.add_column(t("first_gap", lang), overflow="fold", ratio=2)
    for r in result.ranked:
        e = r.entry
        band = Text(e.band.label.get(lang), style=_BAND_STYLE[min(e.band_rank, 2)])
        if result.gate.requested:
            band.append(" ✓" if e.passed else " ✗", style="green" if e.passed else "red")
        gap = first_gap(e)
        table.add_row(
            str(r.rank),
            safe(town(e, lang)),
            e.bureau,
            score(e.score),
            band,
            Text(gates_text(e, lang), style="" if e.gates_passed else "red"),
            gap.label.get(lang) if gap else "-",
        )
    return table


def summary(result: BatchResult, lang: Lang) -> Text:
    out = Text(t("towns_per_band", lang), style="bold")
    for criteria_id, band, n in result.band_counts():
        out.append(f"\n  {criteria_id} · {band.label.get(lang)}: {n}")
    out.append(f"\n{t('towns_scored', lang)}: {len(result.ranked)}")
    out.append(f" · {t('files_bad', lang)}: {len(result.failed)}")
    if result.gate.requested:
        out.append(f" · {t('below_gate', lang)}: {result.gate_failures}")
    return out


def render(result: BatchResult, lang: Lang) -> RenderableType:
    return Group(ranking_table(result, lang), summary(result, lang))


def print_batch(console: Console, result: BatchResult, lang: Lang) -> None:
    console.print(render(result, lang))
