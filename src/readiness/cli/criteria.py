"""``readiness criteria list`` and ``readiness criteria show ID``: the bundled criteria sets."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from readiness.cli.errors import guarded
from readiness.cli.options import LangChoice, LangOption, complete_criteria, resolve_lang
from readiness.textsafe import safe

criteria_app = typer.Typer(help="List and show the bundled criteria sets.", no_args_is_help=True)


@criteria_app.command("list")
def criteria_list(lang: LangOption = None) -> None:
    """List the bundled criteria sets with their bureau, version and period."""
    raise typer.Exit(guarded(lambda: run_list(lang)))


def run_list(lang: LangChoice | None = None) -> int:
    from rich import box
    from rich.table import Table

    from readiness.criteria.bundled import bundled_criteria
    from readiness.messages import t
    from readiness.reporters.batch.common import bureau_name
    from readiness.reporters.console import make_console
    from readiness.reporters.kinsoku import KinsokuText, print_trimmed
    from readiness.reporters.tables import fitted

    language = resolve_lang(lang)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, caption=t("current_set", language))
    table.add_column(t("criteria_id", language), no_wrap=True)
    table.add_column(t("bureau_short", language), no_wrap=True)
    table.add_column(t("version", language), no_wrap=True)
    table.add_column(t("period", language))
    table.add_column(t("source", language))
    for c in bundled_criteria():
        period = f"{c.period.start or '…'} – {c.period.end or '…'}"
        source = f"{c.sources[0].publisher} {c.sources[0].date}"
        table.add_row(
            f"{c.id} *" if c.current else c.id,
            bureau_name(c.bureau, language),
            c.version,
            KinsokuText(period),
            KinsokuText(safe(source)),
        )
    print_trimmed(make_console(), fitted(table))
    return 0


@criteria_app.command("show")
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
) -> None:
    """Show one criteria set: sources, strategies, sections, criteria and checks, bands."""
    raise typer.Exit(guarded(lambda: run_show(criteria, resolved, lang)))


def run_show(ref: str, resolved: bool, lang: LangChoice | None) -> int:
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
    from readiness.reporters.console import make_console
    from readiness.reporters.kinsoku import print_lines

    print_lines(
        make_console(), [safe(line) for line in overview_lines(criteria, resolve_lang(lang))]
    )
    return 0
