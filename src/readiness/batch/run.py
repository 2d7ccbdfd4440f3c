"""Score many profiles in one run: expand paths, score each file, rank the towns.

A library that never prints.  Each file gives either a :class:`Scored` entry or a
:class:`Failed` one (errors are values), so one bad file never stops a batch.  Files are read
one at a time and only the small per-town summary is kept, so memory grows with the results
kept, not with the files read.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from readiness.batch.summary import SUMMARY, Keep, Position, Scored, Summariser
from readiness.criteria.model import Criteria
from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.profile.substance import locate_findings
from readiness.scoring.assessment import BandRef
from readiness.scoring.ranking import competition_ranks, standing

YAML_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARS = frozenset("*?[")
EMPTY_DIRECTORY = "is a directory with no .yaml or .yml files in it"
EMPTY_DIRECTORY_JA = ".yaml・.yml のファイルが1つもないフォルダです"


@dataclass(frozen=True)
class Gate:
    """The thresholds a run asked for; a town below either fails the gate."""

    fail_under: float | None = None
    require_band: str | None = None
    min_evidence: float | None = None

    @property
    def requested(self) -> bool:
        return (
            self.fail_under is not None
            or self.require_band is not None
            or self.min_evidence is not None
        )


@dataclass(frozen=True)
class Failed:
    """A file that could not be scored, with every problem found in it."""

    path: str
    diagnostics: tuple[Diagnostic, ...]


FileResult = Scored | Failed


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int
    entry: Scored


SarifLevel = Literal["below-gate", "all"]


@dataclass(frozen=True)
class RunInfo:
    """When the run started and how long it took, and what the reports should include."""

    started: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    """In UTC: now, or ``SOURCE_DATE_EPOCH`` for reproducible reports."""
    seconds: float = 0.0
    reproducible: bool = True
    """Set by ``SOURCE_DATE_EPOCH``: reports then show no durations (every time 0)."""
    sarif_level: SarifLevel = "below-gate"
    """Which towns' gaps become SARIF results: below the gate only, or all."""


@dataclass(frozen=True)
class BatchResult:
    """Everything a batch report shows: the ranking, the bad files, and the gate asked for."""

    ranked: tuple[Ranked, ...]
    failed: tuple[Failed, ...]
    gate: Gate
    shard: Shard | None = None
    """The shard of the files this run scored (``--shard K/N``), when it is one."""
    run: RunInfo = RunInfo()

    @property
    def gate_failures(self) -> int:
        return sum(1 for r in self.ranked if not r.entry.passed)

    def band_counts(self) -> list[tuple[str, BandRef, int]]:
        """(criteria id, band, towns) for every band met, best band first."""
        counts: dict[tuple[str, int, str], tuple[BandRef, int]] = {}
        for r in self.ranked:
            key = (r.entry.criteria_id, r.entry.band_rank, r.entry.band.id)
            band, n = counts.get(key, (r.entry.band, 0))
            counts[key] = (band, n + 1)
        return [(k[0], band, n) for k, (band, n) in sorted(counts.items())]


def expand_paths(args: Sequence[str]) -> tuple[list[str], list[Failed]]:
    """The YAML files named by ``args`` (files, directories walked recursively, globs).

    Returns the files sorted and each once (paths that reach one file through links count as
    one), and an error value for each argument that names nothing: a glob that matches no YAML
    file, a directory with none in it.  A file named directly is kept whatever its suffix;
    directories and globs give only ``.yaml`` and ``.yml`` files, skipping hidden directories
    such as ``.git``.
    """
    found: set[str] = set()
    missing: list[Failed] = []
    for arg in args:
        if os.path.isdir(arg):
            matches = list(_walk(arg))
            if not matches:
                missing.append(_missing(arg, "no-yaml-files", EMPTY_DIRECTORY, EMPTY_DIRECTORY_JA))
        elif _GLOB_CHARS & set(arg) and not os.path.exists(arg):
            matches = [f for p in sorted(glob.glob(arg, recursive=True)) for f in _yaml_files(p)]
            if not matches:
                missing.append(
                    _missing(
                        arg,
                        "no-match",
                        "matches no YAML file",
                        "一致する YAML ファイルがありません",
                    )
                )
        else:
            matches = [arg]  # read later: a missing or unreadable file becomes an error value
        found.update(os.path.normpath(m) for m in matches)
    return _once_each(sorted(found, key=_path_key)), missing


def available_cpus() -> int:
    """The CPUs this process may run on: ``os.process_cpu_count()`` where Python has it (3.13),
    else the scheduler's affinity mask, else every CPU of the machine."""
    count = getattr(os, "process_cpu_count", None)
    if count is not None:
        return int(count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


FILES_PER_PROCESS = 50
"""By default, a batch starts another process only for each this many files: a smaller batch
is done before a pool would have started and loaded its criteria (a pre-commit hook on a few
changed profiles stays on one process)."""


def processes(files: int, jobs: int | None) -> int:
    """How many processes to score ``files`` files on: ``jobs`` if given, else the CPUs
    available; never more than one per file or per CPU, where more would only wait."""
    cpus = available_cpus()
    if jobs is None:
        jobs = max(1, files // FILES_PER_PROCESS)
    return max(1, min(jobs, files, cpus))


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (1-based, as written: ``--shard 2/4``)."""

    index: int
    count: int

    @classmethod
    def parse(cls, spec: str) -> Shard:
        index, sep, count = spec.partition("/")
        if sep and index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count):
            return cls(int(index), int(count))
        raise ReadinessError.single(
            "--shard",
            "bad-shard",
            f"{spec!r}: expected K/N with 1 <= K <= N, e.g. 2/4",
            ja=f"{spec!r}: K/N（1 ≦ K ≦ N）の形で指定してください（例 2/4）",
        )

    def select(self, paths: Sequence[str]) -> list[str]:
        """Every ``count``-th file of the sorted list, from the ``index``-th: the shards of one
        set of files share it out between them, each file to exactly one, in equal parts."""
        return list(paths[self.index - 1 :: self.count])


def _once_each(paths: list[str]) -> list[str]:
    """The first of the paths that name the same file (through symbolic links or ``..``)."""
    seen: set[str] = set()
    kept = []
    folders: dict[str, str] = {}
    for path in paths:
        real = _realpath(path, folders)
        if real not in seen:
            seen.add(real)
            kept.append(path)
    return kept


def _realpath(path: str, folders: dict[str, str]) -> str:
    """``os.path.realpath(path)``, resolving each folder once (``folders`` caches them): the
    files of a batch share a few folders, and resolving one walks every part of its path."""
    head, tail = os.path.split(path)
    if tail in ("", os.curdir, os.pardir) or os.path.islink(path):
        return os.path.realpath(path)
    folder = folders.get(head)
    if folder is None:
        folder = folders[head] = os.path.realpath(head or os.curdir)
    return os.path.join(folder, tail)


def _yaml_files(path: str) -> list[str]:
    if os.path.isdir(path):
        return list(_walk(path))
    return [path] if path.endswith(YAML_SUFFIXES) and os.path.isfile(path) else []


def _walk(top: str) -> Iterator[str]:
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)


def _path_key(path: str) -> tuple[str, ...]:
    return tuple(Path(path).parts)


def _missing(arg: str, code: str, message: str, ja: str) -> Failed:
    return Failed(arg, (Diagnostic(arg, None, None, code, message, ja),))


class CriteriaChooser:
    """The criteria for each profile: one fixed set, or the set of its bureau current on the
    date the profile describes (cached)."""

    def __init__(self, fixed: Criteria | None = None) -> None:
        self.fixed = fixed
        self._chosen: dict[tuple[str, dt.date], Criteria] = {}

    def __call__(self, bureau: str, on: dt.date, source: str) -> Criteria:
        if self.fixed is not None:
            return self.fixed
        found = self._chosen.get((bureau, on))
        if found is None:
            from readiness.criteria.bundled import criteria_for_bureau

            found = criteria_for_bureau(bureau, source, on)
            self._chosen[bureau, on] = found
        return found


class FileScorer:
    """Reads, validates and scores files one at a time under one run's settings, keeping of
    each town what ``keep`` asks for (:mod:`readiness.batch.summary`)."""

    def __init__(
        self,
        choose: Callable[[str, dt.date, str], Criteria],
        gate: Gate = Gate(),
        *,
        encoding: str | None = None,
        keep: Keep = SUMMARY,
    ) -> None:
        self.choose = choose
        self.gate = gate
        self.encoding = encoding
        self.summarise = Summariser(keep)

    def __call__(self, path: str) -> FileResult:
        """One file's result; any problem with the input is returned, not raised.

        Gap positions (``keep.positions``) are looked up while the file's node tree is still
        at hand, so no file is ever parsed twice.
        """
        from readiness.input.yamlload import load_yaml
        from readiness.profile.loading import profile_from_document
        from readiness.scoring.scorer import assess
        from readiness.scoring.thresholds import threshold_failures

        started = time.perf_counter()
        gate, keep = self.gate, self.summarise.keep
        try:
            doc = load_yaml(path, self.encoding, tree=keep.positions or keep.findings)
            profile = profile_from_document(doc)
            criteria = self.choose(profile.municipality.served_by, profile.as_of, path)
            a = assess(criteria, profile, profile_file=path)
            failures = (
                tuple(
                    threshold_failures(
                        a, criteria, gate.fail_under, gate.require_band, gate.min_evidence
                    )
                )
                if gate.requested
                else ()
            )
        except ReadinessError as e:
            return Failed(path, tuple(e.diagnostics))
        where: tuple[Position, ...] = ()
        if keep.positions:
            where = tuple(
                (doc.position(g.evidence[0].loc) or (1, 1)) if g.evidence else (1, 1)
                for g in a.gaps
            )
        findings = locate_findings(a.findings, doc.position) if keep.findings else None
        seconds = time.perf_counter() - started
        return self.summarise(
            a, criteria, failures, where=where, seconds=seconds, findings=findings
        )


def score_file(
    path: str,
    choose: Callable[[str, dt.date, str], Criteria],
    gate: Gate = Gate(),
    *,
    encoding: str | None = None,
    keep: Keep = SUMMARY,
) -> FileResult:
    """Read, validate and score one profile; any problem with the input is returned, not raised."""
    return FileScorer(choose, gate, encoding=encoding, keep=keep)(path)


def score_files(
    paths: Iterable[str],
    choose: Callable[[str, dt.date, str], Criteria],
    gate: Gate = Gate(),
    *,
    encoding: str | None = None,
    keep: Keep = SUMMARY,
) -> Iterator[FileResult]:
    """Score files one after another, yielding each result as soon as it is ready."""
    score = FileScorer(choose, gate, encoding=encoding, keep=keep)
    for path in paths:
        yield score(path)


def rank_key(entry: Scored) -> tuple[int, float, str, str]:
    """The ranking rule (:mod:`readiness.scoring.ranking`), then code and path for a stable
    order among towns that share a place."""
    return (*standing(entry.band_rank, entry.score), entry.code, entry.path)


def rank(entries: Iterable[Scored]) -> tuple[Ranked, ...]:
    """Rank towns by the one ranking rule; equal standings share a place (1, 2, 2, 4)."""
    ordered = sorted(entries, key=rank_key)
    ranks = competition_ranks([standing(e.band_rank, e.score) for e in ordered])
    return tuple(Ranked(r, e) for r, e in zip(ranks, ordered, strict=True))


def collect(results: Iterable[FileResult], gate: Gate, run: RunInfo = RunInfo()) -> BatchResult:
    scored: list[Scored] = []
    failed: list[Failed] = []
    for result in results:
        if isinstance(result, Scored):
            scored.append(result)
        else:
            failed.append(result)
    failed.sort(key=lambda f: _path_key(f.path))
    return BatchResult(rank(scored), tuple(failed), gate, run=run)
