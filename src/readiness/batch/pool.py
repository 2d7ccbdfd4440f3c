"""Score files on several processes, yielding results in the order of the files given.

Each worker process chooses its own criteria (bundled sets are cached per process).  Paths go
out in chunks; results come back packed as small tuples of plain values (:func:`pack`): ids
for what the criteria say, exact numbers as (numerator, denominator), and no path (the parent
has it).  The parent rebuilds each summary against its own criteria, sharing what towns have in
common (:class:`readiness.batch.summary.Shared`).  Every tuple a worker shares between towns is
one object, so pickling a chunk writes it once.  Unpickling full results (criteria texts,
``Fraction``s, which pickle as text) cost the parent about 0.3 ms per town, as much as a third
of a worker's time per file, on the core the workers needed.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import astuple, replace
from fractions import Fraction
from typing import Any

from readiness.batch.run import CriteriaChooser, FileResult, FileScorer, Gate
from readiness.batch.summary import SUMMARY, Details, Keep, Scored, Shared
from readiness.criteria.checks import Evidence
from readiness.criteria.model import Criteria, Criterion, Section
from readiness.profile.substance import Finding
from readiness.scoring.assessment import (
    BandRef,
    CriterionResult,
    GroupMember,
    NextBand,
    SectionResult,
)

_state: tuple[FileScorer, dict[int, Any]] | None = None

Packed = tuple[Any, ...]

CHUNKS_PER_PROCESS = 16
"""Chunks each process gets on average: enough that one slow chunk at the end keeps the other
processes waiting only briefly."""
CHUNK_MOST = 32
"""Files per chunk at most: a chunk takes about 2 ms per file, and the last one alone keeps a
core busy while the others wait."""


def _init(
    fixed: Criteria | None,
    gate: Gate,
    encoding: str | None,
    keep: Keep,
    collections: tuple[int, ...] | None = None,
) -> None:
    global _state  # noqa: PLW0603 - one set-up per worker process
    # Ctrl-C reaches every process in the group; the parent alone stops the pool and says so,
    # instead of each worker printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if collections is not None:  # the parent's, which a process not forked would not inherit
        gc.set_threshold(*collections)
    _state = (FileScorer(CriteriaChooser(fixed), gate, encoding=encoding, keep=keep), {})


def _score(path: str) -> Packed | FileResult:
    assert _state is not None
    score, packed_gaps = _state
    result = score(path)
    return pack(result, packed_gaps) if isinstance(result, Scored) else result


def _number(value: Any) -> Any:
    """Exact numbers as (numerator, denominator): a pickled Fraction is its text, parsed back."""
    return (value.numerator, value.denominator) if isinstance(value, Fraction) else value


def _fraction(value: Any) -> Any:
    return Fraction(*value) if isinstance(value, (tuple, list)) else value


def _gap(g: CriterionResult, cache: dict[int, Any] | None) -> Packed:
    """A gap as (id, status, adds), the same tuple object for the same shared gap."""
    if cache is None:
        return (g.id, g.status, _number(g.adds))
    found = cache.get(id(g))  # shared gaps live as long as the worker: ids are not reused
    if found is None:
        found = cache[id(g)] = (g.id, g.status, _number(g.adds))
    return found


def pack(s: Scored, gap_cache: dict[int, Any] | None = None) -> Packed:
    """A town's summary as plain values (its path left out), see :class:`Unpacker`."""
    d = s.details
    details = None
    if d is not None:
        k = d.keep
        nb = d.next_band
        details = (
            tuple(
                (_gap(g, gap_cache), tuple((e.loc, e.text) for e in g.evidence) if k.evidence
                 else ())
                for g in d.gaps
            ),
            d.where,
            tuple(
                (x.id, _number(x.earned), _number(x.possible), _number(x.contribution),
                 _number(x.unknown_points), x.unknown_facts, x.required_unmet, x.required_unknown)
                for x in d.sections
            ),
            tuple((f.loc, f.code, (f.message.ja, f.message.en), f.line, f.column)
                  for f in d.findings),
            None if nb is None else (
                nb.band.id, nb.points_needed, nb.gaps, nb.gates, nb.reachable, nb.min_evidence
            ),
            d.evidence_coverage,
            d.reading_points,
            d.seconds,
        )  # fmt: skip
    first = None if s.first_gap is None else _gap(s.first_gap, gap_cache)
    return (
        s.municipality, s.municipality_en, s.code, s.bureau, s.fictional, s.criteria_id,
        s.score, s.band_rank, s.gates_passed, s.failed_sections, s.unshown_sections,
        s.failures, tuple((c.ja, c.en) for c in s.cautions),
        tuple(astuple(m) for m in s.group_members), s.gap_count,
        first, details,
    )  # fmt: skip


class _Set:
    """One criteria set as the parent knows it: its criteria, bands and sections by id."""

    def __init__(self, c: Criteria, shared: Shared) -> None:
        self.criteria = c
        self.criterion: dict[str, tuple[str, Criterion]] = {
            k.id: (s.id, k) for s in c.sections for k in s.criteria
        }
        self.bands = tuple(BandRef(b.id, b.label, b.min) for b in c.bands)
        self.band = {b.id: b for b in self.bands}
        self.section: dict[str, Section] = {s.id: s for s in c.sections}
        self.labels = shared.section_labels(c)
        self.gaps: dict[Hashable, CriterionResult] = {}
        self.with_evidence: dict[Hashable, CriterionResult] = {}
        self.sections: dict[Hashable, SectionResult] = {}

    def gap_with_evidence(
        self, packed: Packed, evidence: Packed, shared: Shared
    ) -> CriterionResult:
        if not evidence:
            return self.gap(packed, shared)
        found = self.with_evidence.get((packed, evidence))
        if found is None:
            found = shared.gap_with_evidence(
                self.criteria.id,
                replace(self.gap(packed, shared), evidence=tuple(Evidence(*e) for e in evidence)),
            )
            self.with_evidence[packed, evidence] = found
        return found

    def section_result(self, packed: Packed) -> SectionResult:
        """A section's result from its criteria and its packed figures (see :func:`pack`)."""
        found = self.sections.get(packed)
        if found is None:
            i, earned, possible, contribution, unknown_points, unknown_facts, unmet, unknown = (
                packed
            )
            s = self.section[i]
            found = self.sections[packed] = SectionResult(
                s.id, s.kind, s.label, s.official, s.weight, _fraction(earned),
                _fraction(possible), s.gate, _fraction(contribution), _fraction(unknown_points),
                unknown_facts, unmet, unknown,
            )  # fmt: skip
        return found

    def gap(self, packed: Packed, shared: Shared) -> CriterionResult:
        found = self.gaps.get(packed)
        if found is None:
            gap_id, status, adds = packed
            section, k = self.criterion[gap_id]
            found = shared.gap(
                self.criteria.id,
                CriterionResult(
                    id=gap_id, section=section, label=k.label, official=k.official,
                    status=status, earned=0.0, possible=k.points, adds=_fraction(adds),
                    evidence=(), recommendation=k.recommendation, basis=k.basis,
                    required=k.required,
                ),
            )  # fmt: skip
            self.gaps[packed] = found
        return found


class Unpacker:
    """Rebuild packed results against the parent's criteria, sharing what towns have in common."""

    def __init__(self, fixed: Criteria | None, keep: Keep = SUMMARY) -> None:
        self.fixed = fixed
        self.keep = keep
        self.shared = Shared()
        self._sets: dict[str, _Set] = {}

    def _set(self, criteria_id: str) -> _Set:
        found = self._sets.get(criteria_id)
        if found is None:
            from readiness.criteria.bundled import bundled

            c = (
                self.fixed
                if self.fixed is not None and self.fixed.id == criteria_id
                else bundled(criteria_id)
            )
            found = self._sets[criteria_id] = _Set(c, self.shared)
        return found

    def __call__(self, path: str, p: Packed) -> Scored:
        (name, name_en, code, bureau, fictional, criteria_id, score, band_rank, gates_passed,
         failed_sections, unshown_sections, failures, cautions, members, gap_count, first,
         details) = p  # fmt: skip
        c = self._set(criteria_id)
        shared = self.shared
        return Scored(
            path, name, name_en, code, bureau, fictional, criteria_id, c.criteria.version,
            shared.value(score), c.bands[band_rank], band_rank, gates_passed,
            shared.value(failed_sections), shared.value(unshown_sections), shared.value(failures),
            tuple(shared.text_of(ja, en) for ja, en in cautions),
            tuple(GroupMember(*m) for m in members), gap_count,
            None if first is None else c.gap(first, shared), c.labels,
            None if details is None else self._details(c, details),
        )  # fmt: skip

    def _details(self, c: _Set, packed: Packed) -> Details:
        gaps, where, sections, findings, next_band, coverage, reading, seconds = packed
        shared = self.shared
        nb = None
        if next_band is not None:
            band_id, points_needed, nb_gaps, nb_gates, reachable, min_evidence = next_band
            nb = NextBand(
                c.band[band_id], points_needed, shared.value(nb_gaps), shared.value(nb_gates),
                reachable, min_evidence,
            )  # fmt: skip
        return Details(
            self.keep,
            tuple(c.gap_with_evidence(g, evidence, shared) for g, evidence in gaps),
            tuple(shared.value(w) for w in where),
            tuple(c.section_result(packed) for packed in sections),
            tuple(Finding(loc, code, shared.text_of(ja, en), line, column)
                  for loc, code, (ja, en), line, column in findings),
            nb,
            coverage,
            reading,
            seconds,
        )  # fmt: skip


def chunk_size(files: int, jobs: int) -> int:
    """Files per chunk sent to a worker: few enough that the work stays spread to the end."""
    return max(1, min(CHUNK_MOST, files // (jobs * CHUNKS_PER_PROCESS)))


def score_files_parallel(
    paths: Sequence[str],
    jobs: int,
    fixed: Criteria | None,
    gate: Gate,
    *,
    encoding: str | None = None,
    keep: Keep = SUMMARY,
) -> Iterator[FileResult]:
    unpack = Unpacker(fixed, keep)
    initargs = (fixed, gate, encoding, keep, gc.get_threshold())
    with multiprocessing.Pool(jobs, initializer=_init, initargs=initargs) as pool:
        results = pool.imap(_score, paths, chunk_size(len(paths), jobs))
        for path, result in zip(paths, results, strict=True):
            yield unpack(path, result) if isinstance(result, tuple) else result
