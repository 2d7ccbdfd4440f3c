"""``readiness assess PROFILE``: score one profile and report it."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from readiness.cli.errors import EXIT_BELOW_THRESHOLD, EXIT_OK, guarded
from readiness.cli.options import (
    EncodingOption,
    FailUnderOption,
    LangChoice,
    LangOption,
    MinEvidenceOption,
    OutputOption,
    RequireBandOption,
    StdinFilenameOption,
    check_fail_under,
    check_min_evidence,
    complete_criteria,
    read_stdin,
    resolve_lang,
)


class AssessFormat(str, Enum):
    rich = "rich"
    json = "json"
    html = "html"


def assess(
    profile: Annotated[
        str,
        typer.Argument(help="The municipality profile (YAML); - reads standard input."),
    ],
    criteria: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option(
            "--criteria",
            "-c",
            help="Bundled criteria id or file; default: the bureau's set current on the "
            "profile's as_of date.",
            autocompletion=complete_criteria,
        ),
    ] = None,
    lang: LangOption = None,
    output_format: Annotated[
        AssessFormat,
        typer.Option(
            "--format", "-f", help="rich (terminal), json, or html (one self-contained page)."
        ),
    ] = AssessFormat.rich,
    output: OutputOption = None,
    fail_under: FailUnderOption = None,
    require_band: RequireBandOption = None,
    min_evidence: MinEvidenceOption = None,
    encoding: EncodingOption = None,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Assess one municipality profile and show its score, band, strategy fit and gaps.

    Exit codes: 0 assessed; 1 below --fail-under, --require-band or --min-evidence; 2 bad
    input or usage.
    A section gate that is not yet shown (it would pass if the facts marked unknown were
    confirmed) keeps the top band out of reach as a failed gate does; the report says which.
    """
    raise typer.Exit(
        guarded(
            lambda: run(
                profile,
                criteria_ref=criteria,
                lang=lang,
                output_format=output_format.value,
                fail_under=fail_under,
                require_band=require_band,
                min_evidence=min_evidence,
                encoding=encoding,
                output=output,
                stdin_filename=stdin_filename,
            )
        )
    )


def run(
    profile_file: str,
    *,
    criteria_ref: str | None = None,
    lang: LangChoice | None = None,
    output_format: str = "rich",
    fail_under: float | None = None,
    require_band: str | None = None,
    min_evidence: float | None = None,
    encoding: str | None = None,
    output: str | None = None,
    stdin_filename: str | None = None,
) -> int:
    from dataclasses import replace

    from readiness.criteria.source import choose_criteria
    from readiness.profile.loading import load_profile_with_document
    from readiness.profile.substance import locate_findings
    from readiness.scoring.scorer import assess as score
    from readiness.scoring.thresholds import threshold_failures

    language = resolve_lang(lang)  # first: errors while reading speak it too
    check_fail_under(fail_under)
    check_min_evidence(min_evidence)
    if profile_file == "-":
        from readiness.input.yamlload import parse
        from readiness.profile.loading import profile_from_document

        profile_file, text = read_stdin(stdin_filename, encoding)
        doc = parse(text, profile_file, defer=True)
        profile = profile_from_document(doc)
    else:
        profile, doc = load_profile_with_document(profile_file, encoding=encoding)
    criteria = choose_criteria(criteria_ref, profile, profile_file, encoding)
    result = score(criteria, profile, profile_file=profile_file)
    result = replace(result, findings=locate_findings(result.findings, doc.position))
    failures = threshold_failures(result, criteria, fail_under, require_band, min_evidence)
    if output_format in ("json", "html"):
        if output_format == "json":
            from readiness.reporters.json_report import assessment_to_dict, dumps

            report = dumps(assessment_to_dict(result))
        else:
            from readiness.reporters.html.town import CriteriaInfo, render_town

            report = render_town(
                result, CriteriaInfo.of(criteria, language, profile.as_of), language
            )
        if output is None:
            sys.stdout.write(report)
        else:
            from readiness.atomic import write_text

            write_text(output, report)
    elif output is not None:
        import io

        from rich.console import Console

        from readiness.atomic import write_text
        from readiness.reporters.rich_report import print_assessment

        buffer = io.StringIO()
        print_assessment(Console(file=buffer, highlight=False, emoji=False), result, language)
        write_text(output, buffer.getvalue())
    else:
        from readiness.reporters.console import make_console, settings
        from readiness.reporters.rich_report import print_assessment

        if not settings.quiet:
            print_assessment(make_console(), result, language)
    from readiness.scoring.thresholds import failure_text

    for failure in failures:
        print(f"readiness: {failure_text(failure, language)}", file=sys.stderr)
    return EXIT_BELOW_THRESHOLD if failures else EXIT_OK
