"""``readiness explain CRITERION``: what a criterion means, where it comes from, how it is checked.

A check kind's name (``count``) explains the kind itself, from its docstring.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from readiness.cli.errors import guarded
from readiness.cli.options import LangChoice, LangOption, complete_criteria, resolve_lang
from readiness.textsafe import safe


def explain(
    criterion: Annotated[
        str, typer.Argument(help="A criterion id (e.g. will.lead), or a check kind (e.g. count).")
    ],
    criteria: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option(
            "--criteria",
            "-c",
            help="Bundled criteria id or file; default: every bundled set.",
            autocompletion=complete_criteria,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Explain a criterion: wording, source, how it is checked, a passing and a failing example."""
    raise typer.Exit(guarded(lambda: run(criterion, criteria, lang)))


def run(criterion_id: str, criteria_ref: str | None, lang: LangChoice | None) -> int:
    from readiness.criteria.bundled import bundled_criteria
    from readiness.criteria.checks import CHECK_KINDS
    from readiness.criteria.explain import explain_lines, find_criterion, kind_doc
    from readiness.criteria.source import read_criteria
    from readiness.reporters.console import make_console, settings
    from readiness.reporters.kinsoku import print_lines

    language = resolve_lang(lang)
    if criteria_ref is None and criterion_id in CHECK_KINDS:
        if not settings.quiet:  # -q: nothing but problems (an unknown id still is one)
            print_lines(make_console(), f"{criterion_id}: {kind_doc(criterion_id)}".split("\n"))
        return 0
    if criteria_ref is None:
        sets, where = bundled_criteria(), "the bundled criteria"
    else:
        sets = [read_criteria(criteria_ref)]
        where = sets[0].id
    blocks = [explain_lines(f, language) for f in find_criterion(criterion_id, sets, where)]
    text = "\n\n".join("\n".join(safe(line) for line in block) for block in blocks)
    if not settings.quiet:
        print_lines(make_console(), text.split("\n"))
    return 0
