"""``readiness criteria list`` and ``readiness criteria show ID``: the bundled criteria sets."""

from __future__ import annotations

import datetime as dt
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from readiness.cli.errors import guarded
from readiness.cli.help_format import ReadinessCommand, ReadinessGroup
from readiness.cli.options import LangChoice, LangOption, complete_criteria, resolve_lang
from readiness.textsafe import safe

AsOfOption = Annotated[
    Optional[datetime],  # noqa: UP045 - typer reads the annotation at run time on 3.10
    typer.Option(
        "--as-of",
        help="Give the status (current, expired, future) on this date; default: today.",
        formats=["%Y-%m-%d"],
        metavar="DATE",
    ),
]

criteria_app = typer.Typer(
    help="List and show the bundled criteria sets.", no_args_is_help=True, cls=ReadinessGroup
)


@criteria_app.command("list", cls=ReadinessCommand)
def criteria_list(
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """List the bundled criteria sets: bureau, period, status on a date, and newest source.

    A set is current while its period contains the date, expired after it, future before it.
    The set marked * is the one each bureau's towns are scored under on that date: the current
    one, or the newest when none is current (assess then cautions that it may be stale).
    """
    raise typer.Exit(guarded(lambda: run_list(lang, as_of.date() if as_of else None)))


def run_list(lang: LangChoice | None = None, as_of: dt.date | None = None) -> int:
    from rich import box
    from rich.table import Table

    from readiness.criteria.bundled import bundled_criteria, current_for_bureau
    from readiness.criteria.currency import period_text, status
    from readiness.messages import t
    from readiness.profile.localgov import BUREAU_NAMES
    from readiness.reporters.batch.common import bureau_name
    from readiness.reporters.console import make_console, settings
    from readiness.reporters.kinsoku import KinsokuText, print_trimmed
    from readiness.reporters.tables import fitted

    if settings.quiet:  # -q: only problems, and listing the bundled sets has none
        return 0
    language = resolve_lang(lang)
    on = as_of or dt.date.today()
    sets = bundled_criteria()
    bureaus = {c.bureau or "" for c in sets}
    chosen = {getattr(current_for_bureau(b, on), "id", None) for b in bureaus}
    caption = t("chosen_set", language).format(date=on)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, caption=caption)
    table.add_column(t("criteria_id", language), no_wrap=True)
    table.add_column(t("bureau_short", language), no_wrap=True)
    table.add_column(t("period", language), no_wrap=True)
    table.add_column(t("set_status", language), no_wrap=True)
    table.add_column(t("source", language))
    for c in sets:
        period = period_text(c.period, language)
        # The bureau's own newest source (a base's sources come first in the sets built on it).
        own = [x for x in c.sources if x.publisher == BUREAU_NAMES.get(c.bureau or "", ("",))[0]]
        newest = max(own or c.sources, key=lambda x: str(x.date))
        source = f"{newest.publisher} {newest.date}"
        table.add_row(
            f"{c.id} *" if c.id in chosen else c.id,
            bureau_name(c.bureau or "", language),
            period,
            t(f"period_{status(c.period, on)}", language),
            KinsokuText(safe(source)),
        )
    print_trimmed(make_console(), fitted(table))
    return 0


@criteria_app.command("show", cls=ReadinessCommand)
def criteria_show(
    criteria: Annotated[
        str,
        typer.Argument(
            help="Bundled criteria id or criteria file.", autocompletion=complete_criteria
        ),
    ],
    resolved: Annotated[
        bool,
        typer.Option(
            "--resolved", help="Print the whole set as YAML, merged with what it extends."
        ),
    ] = False,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Show one criteria set: sources, status, strategies, sections, criteria and checks, bands."""
    on = as_of.date() if as_of else None
    raise typer.Exit(guarded(lambda: run_show(criteria, resolved, lang, on)))


def run_show(ref: str, resolved: bool, lang: LangChoice | None, on: dt.date | None = None) -> int:
    import yaml

    from readiness.criteria.explain import overview_lines
    from readiness.criteria.extends import criteria_to_data
    from readiness.criteria.source import read_criteria

    criteria = read_criteria(ref)
    if resolved:
        header = f"# {criteria.id}: resolved"
        if criteria.extends:
            header += f" (extends {criteria.extends}, merged)"
        data = criteria_to_data(criteria)
        data.pop("extends", None)  # the merged set stands alone
        # Test profiles are named relative to the criteria file; the resolved text may be saved
        # anywhere, so name them absolutely.
        base = Path(ref).parent if Path(ref).is_file() else None
        for case in data.get("tests") or []:
            if base is not None and case.get("profile"):
                case["profile"] = str((base / case["profile"]).resolve())
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        sys.stdout.write(safe(f"{header}\n{text}"))
        return 0
    from readiness.reporters.console import make_console, settings
    from readiness.reporters.kinsoku import print_lines

    if settings.quiet:  # -q: the set was read (a bad one is an error); nothing else to say
        return 0
    print_lines(
        make_console(),
        [
            safe(line)
            for line in overview_lines(criteria, resolve_lang(lang), on or dt.date.today())
        ],
    )
    return 0
