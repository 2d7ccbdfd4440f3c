"""``readiness batch PATH...``: score many profiles, rank the towns, write CI reports."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from readiness.cli.collector import fewer_collections
from readiness.cli.errors import (
    EXIT_BAD_INPUT,
    EXIT_BELOW_THRESHOLD,
    EXIT_OK,
    guarded,
    print_error,
    silence_stdout,
)
from readiness.cli.options import (
    EncodingOption,
    FailUnderOption,
    LangChoice,
    LangOption,
    MinEvidenceOption,
    RequireBandOption,
    check_fail_under,
    check_min_evidence,
    complete_criteria,
    resolve_lang,
)
from readiness.diagnostics import ReadinessError
from readiness.textsafe import safe_line

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from rich.console import Console

    from readiness.batch.run import BatchResult, FileResult, Gate, SarifLevel, Shard
    from readiness.batch.summary import Keep
    from readiness.criteria.model import Criteria
    from readiness.messages import Lang

STDOUT = "-"


class SarifLevelChoice(str, Enum):
    below_gate = "below-gate"
    all = "all"


PROGRESS_FROM = 20
"""Batches of fewer files finish before a progress bar would help."""


def batch(
    paths: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(
            help="Profiles: files, directories (recursive) or globs; default: the config "
            "file's paths.",
            metavar="PATH",
        ),
    ] = None,
    criteria: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option(
            "--criteria",
            "-c",
            help="Score all under this criteria id or file; default: each town's "
            "bureau's set current on the profile's as_of date.",
            autocompletion=complete_criteria,
        ),
    ] = None,
    lang: LangOption = None,
    output: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Write a report: FORMAT=PATH, repeatable; formats json, csv, markdown, junit, "
            "sarif, github, xlsx (Excel), html (a folder: html=DIR/); PATH - is stdout "
            "(instead of the table).",
            metavar="FORMAT=PATH",
        ),
    ] = None,
    stdout_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="The report on stdout instead of the table: json, csv, markdown, junit, sarif "
            "or github (the same as -o FORMAT=-).",
            metavar="FORMAT",
        ),
    ] = None,
    sarif_level: Annotated[
        SarifLevelChoice,
        typer.Option(
            "--sarif-level",
            help="Which gaps become SARIF results: below-gate (towns below the gate only) or all.",
            metavar="LEVEL",
        ),
    ] = SarifLevelChoice.below_gate,
    fail_under: FailUnderOption = None,
    require_band: RequireBandOption = None,
    min_evidence: MinEvidenceOption = None,
    annotations: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--annotations/--no-annotations",
            help="Print GitHub workflow-command annotations; default: when GITHUB_ACTIONS=true.",
        ),
    ] = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            help="Score on N processes (1 or more); default: the CPUs available (one for a "
            "small batch).",
            metavar="N",
        ),
    ] = None,
    shard: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--shard",
            help="Score only shard K of N (every Nth file of the sorted list, from the Kth), "
            "to spread a batch over N machines.",
            metavar="K/N",
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="PATHs are the JSON reports of every shard (--shard K/N -o json=FILE): "
            "merge them into one ranking and write the reports asked for.",
        ),
    ] = False,
    encoding: EncodingOption = None,
) -> None:
    """Score many profiles, rank the towns, and write reports for CI.

    Exit codes: 0 all scored (and every town meets the gate); 1 a town is below --fail-under,
    --require-band or --min-evidence; 2 a file could not be read or scored, or bad usage.
    """
    raise typer.Exit(
        guarded(
            lambda: run(
                paths or [],
                criteria_ref=criteria,
                lang=lang,
                outputs=[
                    *(output or []),
                    *([f"{stdout_format}={STDOUT}"] if stdout_format else []),
                ],
                sarif_level=sarif_level.value,
                fail_under=fail_under,
                require_band=require_band,
                min_evidence=min_evidence,
                annotations=annotations,
                jobs=jobs,
                shard=shard,
                merge=merge,
                encoding=encoding,
            )
        )
    )


def parse_outputs(specs: Iterable[str]) -> list[tuple[str, str]]:
    """``FORMAT=PATH`` pairs, checked before any file is scored."""
    from readiness.reporters.batch import registry

    outputs: list[tuple[str, str]] = []
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or not path:
            raise ReadinessError.single(
                "--output",
                "bad-output",
                f"{spec!r}: expected FORMAT=PATH, e.g. junit=report.xml",
                ja=f"{spec!r}: 形式=パス の形で指定してください（例 junit=report.xml）",
            )
        try:
            registry.check(name)
        except registry.UnknownFormatError as e:
            raise ReadinessError.single(
                "--output", "bad-output", str(e),
                ja=f"報告の形式 {name!r} はありません。{'、'.join(registry.ALL_FORMATS)} から"
                "選んでください",
            ) from None  # fmt: skip
        if path == STDOUT and name not in registry.FORMATS:
            raise ReadinessError.single(
                "--output",
                "bad-output",
                f"{name} cannot go to stdout (-); give a file or folder",
                ja=f"{name} は標準出力（-）に書けません。ファイルかフォルダを指定してください",
            )
        if name in registry.DIRECTORY_FORMATS:
            check_output_folder(path, [p for _, p in outputs])
        elif path != STDOUT:
            check_output_path(path, [p for _, p in outputs])
        outputs.append((name, path))
    return outputs


def check_output_path(path: str, earlier: list[str]) -> None:
    """Refuse a report path that cannot take a file, or that an earlier report already takes."""
    from readiness.atomic import output_target

    if path.endswith(("/", os.sep)):
        raise ReadinessError.single(
            path, "bad-output", "is a directory; give a file name",
            ja="フォルダです。ファイル名を指定してください",
        )  # fmt: skip
    if output_target(path).in_place:  # /dev/null, a FIFO: may take several reports
        return
    same = os.path.realpath(path)
    if any(p != STDOUT and os.path.realpath(p) == same for p in earlier):
        raise ReadinessError.single(
            path,
            "bad-output",
            "is given for two reports",
            ja="2つの報告に同じ書き込み先が指定されています",
        )


def check_output_folder(path: str, earlier: list[str]) -> None:
    """A folder for a report of many files: an existing folder, or a new one in an existing
    folder (made when the report is written)."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise ReadinessError.single(
            path, "bad-output", "is a file; give a folder (html=DIR/)",
            ja="ファイルです。フォルダを指定してください（html=DIR/）",
        )  # fmt: skip
    if not Path(path).resolve().parent.is_dir():
        raise ReadinessError.single(
            path, "bad-output", "the folder above it does not exist",
            ja="入れ物になるフォルダがありません",
        )  # fmt: skip
    same = os.path.realpath(path)
    if any(p != STDOUT and os.path.realpath(p) == same for p in earlier):
        raise ReadinessError.single(
            path,
            "bad-output",
            "is given for two reports",
            ja="2つの報告に同じ書き込み先が指定されています",
        )


def configured_paths() -> list[str]:
    """The config file's ``paths``, for a batch given none; a usage error when it has none."""
    from readiness.cli.config import load_config

    found = load_config()
    paths = found.default_map()["batch"].get("paths", []) if found else []
    if not paths:
        raise ReadinessError.single(
            "PATH",
            "missing-paths",
            "give the profiles to score (files, folders or globs), or `paths` in the config "
            "file (readiness config shows it)",
            ja="評価するプロファイル（ファイル、フォルダ、glob）を指定するか、設定ファイルに "
            "`paths` を書いてください（readiness config で確認できます）",
        )
    return list(paths)


def run_clock(environ: Mapping[str, str] | None = None) -> tuple[dt.datetime, bool]:
    """When the run started (UTC), and whether reports must be reproducible: both from
    ``SOURCE_DATE_EPOCH`` (whole seconds since 1970-01-01 UTC) when it is set, else now."""
    import datetime as dt

    env = os.environ if environ is None else environ
    raw = env.get("SOURCE_DATE_EPOCH", "")
    if not raw:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0), False
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 11):
        raise ReadinessError.single(
            "SOURCE_DATE_EPOCH",
            "bad-environment",
            f"{safe_line(raw)!r} is not whole seconds since 1970-01-01 UTC (e.g. 1700000000)",
            ja=f"{safe_line(raw)!r} は1970-01-01 UTCからの秒数（整数）ではありません"
            "（例：1700000000）",
        )
    return dt.datetime.fromtimestamp(int(raw), dt.timezone.utc), True


def write_failed(path: str, e: OSError) -> ReadinessError:
    reason = e.strerror or str(e)
    return ReadinessError.single(
        path, "write-failed", reason, ja=f"書き込めませんでした（{reason}）"
    )


def check_stdout(wanted: list[tuple[str, str]], annotate: bool) -> None:
    """Refuse two reports on stdout: they would run into each other."""
    names = [name for name, path in wanted if path == STDOUT]
    if annotate and "github" not in names:
        names.append("github annotations")
    if len(names) > 1:
        raise ReadinessError.single(
            "--output",
            "bad-output",
            f"only one report can go to stdout (-); got {', '.join(names)}",
            ja=f"標準出力（-）に書ける報告は1つだけです（指定: {'、'.join(names)}）",
        )


def fixed_criteria(ref: str | None, encoding: str | None) -> Criteria | None:
    if ref is None:
        return None
    from readiness.criteria.source import read_criteria

    return read_criteria(ref, encoding=encoding)


def check_band(require_band: str | None, fixed: Criteria | None) -> None:
    """Refuse a band that no criteria set in use defines (a usage error, before scoring)."""
    if require_band is None:
        return
    from readiness.criteria.bundled import bundled_criteria

    sets = [fixed] if fixed is not None else bundled_criteria()
    if not any(require_band in {b.id for b in c.bands} for c in sets):
        known = sorted({b.id for c in sets for b in c.bands})
        raise ReadinessError.single(
            "--require-band",
            "unknown-band",
            f"{require_band!r} is not a band of "
            f"{fixed.id if fixed is not None else 'any bundled set'}; "
            f"choose from {', '.join(known)}",
            ja=f"{require_band!r} は"
            f"{fixed.id + ' ' if fixed is not None else 'どの同梱の評価基準'}の判定にありません。"
            f"{'、'.join(known)} から選んでください",
        )


def annotations_wanted(flag: bool | None, stdout_taken: bool) -> bool:
    """As asked; by default under GitHub Actions, unless a report already goes to stdout."""
    if flag is not None:
        return flag
    return os.environ.get("GITHUB_ACTIONS") == "true" and not stdout_taken


def progress(
    results: Iterator[FileResult], total: int, console: Console | None = None
) -> Iterator[FileResult]:
    """A progress bar on stderr, only when stderr is a terminal and the batch is not tiny."""
    from rich.console import Console

    from readiness.reporters.console import settings

    console = console or Console(stderr=True)
    if not console.is_terminal or total < PROGRESS_FROM or settings.quiet:
        yield from results
        return
    from rich.progress import Progress

    from readiness.cli.options import message_lang
    from readiness.messages import t

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(t("progress_scoring", message_lang()), total=total)
        for result in results:
            bar.advance(task)
            yield result


def _score(
    files: list[str],
    jobs: int | None,
    fixed: Criteria | None,
    gate: Gate,
    *,
    encoding: str | None,
    keep: Keep,
) -> Iterator[FileResult]:
    from readiness.batch.run import CriteriaChooser, processes, score_files

    jobs = processes(len(files), jobs)
    if jobs > 1:
        from readiness.batch.pool import score_files_parallel

        stream: Iterator[FileResult] = score_files_parallel(
            files, jobs, fixed, gate, encoding=encoding, keep=keep
        )
    else:
        stream = score_files(files, CriteriaChooser(fixed), gate, encoding=encoding, keep=keep)
    return progress(stream, len(files))


def check_merge(part: Shard | None, gate: Gate) -> None:
    """Refuse options that a merge cannot honour: the shards were scored with their own."""
    if part is not None:
        raise ReadinessError.single(
            "--merge",
            "bad-usage",
            "--shard and --merge do not go together; merge every shard",
            ja="--shard と --merge は一緒に使えません。すべての分割を統合してください",
        )
    if gate.requested:
        raise ReadinessError.single(
            "--merge",
            "bad-usage",
            "the gate comes from the shards' reports: give --fail-under and --require-band "
            "to the shard runs",
            ja="基準（gate）は分割実行の報告から取ります。--fail-under と --require-band は"
            "分割実行のほうに指定してください",
        )


def score_all(
    paths: list[str],
    part: Shard | None,
    jobs: int | None,
    fixed: Criteria | None,
    gate: Gate,
    *,
    encoding: str | None,
    keep: Keep,
) -> BatchResult:
    """Expand ``paths``, keep this shard's files, and score them, keeping of each town what
    ``keep`` asks for."""
    import dataclasses

    from readiness.batch.run import collect, expand_paths

    files, missing = expand_paths(paths)
    if part is not None:
        files = part.select(files)
        missing = missing if part.index == 1 else []  # reported once, by the first shard
    with fewer_collections():
        result = collect(
            [*missing, *_score(files, jobs, fixed, gate, encoding=encoding, keep=keep)],
            gate,
        )
    return dataclasses.replace(result, shard=part)


def run(
    paths: list[str],
    *,
    criteria_ref: str | None = None,
    lang: LangChoice | None = None,
    outputs: list[str] | None = None,
    sarif_level: SarifLevel = "below-gate",
    fail_under: float | None = None,
    require_band: str | None = None,
    min_evidence: float | None = None,
    annotations: bool | None = None,
    jobs: int | None = None,
    shard: str | None = None,
    merge: bool = False,
    encoding: str | None = None,
) -> int:
    import dataclasses
    import time

    from readiness.batch.run import Gate, RunInfo, Shard
    from readiness.messages import t

    check_fail_under(fail_under)
    check_min_evidence(min_evidence)
    if jobs is not None and jobs < 1:
        raise ReadinessError.single(
            "--jobs", "bad-option", f"must be 1 or more, got {jobs}",
            ja=f"1以上を指定してください（指定値：{jobs}）",
        )  # fmt: skip
    started, reproducible = run_clock()
    clock = time.perf_counter()

    language = resolve_lang(lang)
    wanted = parse_outputs(outputs or [])
    fixed = fixed_criteria(criteria_ref, encoding)
    check_band(require_band, fixed)
    gate = Gate(fail_under, require_band, min_evidence)
    annotate = annotations_wanted(annotations, any(path == STDOUT for _, path in wanted))
    check_stdout(wanted, annotate)
    part = Shard.parse(shard) if shard is not None else None
    keep = kept(wanted, annotate, part)

    if merge:
        check_merge(part, gate)
        from readiness.batch.merge import merge_reports

        result = merge_reports(paths or configured_paths(), fixed)
    else:
        result = score_all(
            paths or configured_paths(), part, jobs, fixed, gate, encoding=encoding, keep=keep
        )
    took = time.perf_counter() - clock
    result = dataclasses.replace(result, run=RunInfo(started, took, reproducible, sarif_level))

    for failed in result.failed:
        print_error(ReadinessError(failed.diagnostics))
    write_files(result, language, wanted, fixed=fixed, encoding=encoding)
    try:
        write_stdout(result, language, wanted, annotate)
    except BrokenPipeError:
        # The reader went away (``readiness batch ... | head``): the report files are written
        # and the batch's own exit code still stands.
        silence_stdout()
    if result.failed:
        return EXIT_BAD_INPUT
    if result.gate_failures:
        below = t("towns_below_gate", language)
        print(
            "readiness: " + below.format(n=result.gate_failures, of=len(result.ranked)),
            file=sys.stderr,
        )
        return EXIT_BELOW_THRESHOLD
    return EXIT_OK


def kept(wanted: list[tuple[str, str]], annotate: bool, part: Shard | None) -> Keep:
    """What the reports asked for need of each town; all of it for a shard, whose report
    carries each town whole for the merge."""
    from readiness.batch.summary import EVERYTHING
    from readiness.reporters.batch import registry

    if part is not None:
        return EVERYTHING
    return registry.needs([*(name for name, _ in wanted), *(["github"] if annotate else [])])


def write_files(
    result: BatchResult,
    lang: Lang,
    wanted: list[tuple[str, str]],
    *,
    fixed: Criteria | None = None,
    encoding: str | None = None,
) -> None:
    """Write every report file to a temporary file first, then rename them all: a run that
    fails part-way leaves every earlier report untouched.  Workbooks and HTML folders are
    made in memory first, and written (each file atomically) after the text reports."""
    from readiness.atomic import PendingFile
    from readiness.reporters.batch import registry

    pending: list[PendingFile] = []
    made: list[tuple[str, dict[str, bytes]]] = []
    try:
        for name, path in wanted:
            if name in registry.FILE_FORMATS:
                made.append(("", {path: registry.get_bytes(name)(result, lang)}))
            elif name in registry.DIRECTORY_FORMATS:
                made.append((path, html_site(result, lang, fixed, encoding)))
            elif path != STDOUT:
                pending.append(PendingFile(path))
                try:
                    registry.get(name)(result, lang, pending[-1].file)
                except OSError as e:  # disk full, file too large, I/O error
                    raise write_failed(path, e) from None
    except BaseException:
        for p in pending:
            p.discard()
        raise
    for i, p in enumerate(pending):
        try:
            p.commit()
        except BaseException:
            for rest in pending[i + 1 :]:
                rest.discard()
            raise
    write_made(made)


def html_site(
    result: BatchResult, lang: Lang, fixed: Criteria | None, encoding: str | None
) -> dict[str, bytes]:
    """The HTML folder's files by name; each town's file is scored again for its full page."""
    from readiness.batch.details import assess_file
    from readiness.batch.run import CriteriaChooser
    from readiness.reporters.html.site import TownPage, render_site

    choose = CriteriaChooser(fixed)
    pages = [
        TownPage(r, *assess_file(r.entry.path, choose, encoding=encoding)) for r in result.ranked
    ]
    return {name: text.encode() for name, text in render_site(result, pages, lang).items()}


def write_made(made: list[tuple[str, dict[str, bytes]]]) -> None:
    """Write workbooks and HTML folders, every file atomically."""
    from readiness.atomic import write_bytes

    for folder, files in made:
        if folder:
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as e:
                raise write_failed(folder, e) from None
        for name, data in files.items():
            write_bytes(os.path.join(folder, name) if folder else name, data)


def write_stdout(
    result: BatchResult, lang: Lang, wanted: list[tuple[str, str]], annotate: bool
) -> None:
    """The report asked for on stdout (else the table), then annotations when wanted."""
    from readiness.reporters.batch import registry
    from readiness.reporters.console import settings

    to_stdout = [name for name, path in wanted if path == STDOUT]
    if not to_stdout and not settings.quiet:
        from readiness.reporters.batch.table import write_table

        write_table(sys.stdout, result, lang)
    if annotate and "github" not in to_stdout:
        to_stdout.append("github")
    for name in to_stdout:
        registry.get(name)(result, lang, sys.stdout)
    sys.stdout.flush()
