"""Score files on several processes, yielding results in the order of the files given.

Each worker process chooses its own criteria (bundled sets are cached per process).  Paths go
out; results come back packed as plain tuples that name the criteria, the band and each gap's
criterion by id, and the parent rebuilds them with its own copy of the criteria.  Pickling the
criteria's bilingual texts with every town cost more than the scoring gained (measured: 205 ms
to unpickle 1,000 full results, 8 ms for the tuples).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Sequence
from typing import Any

from readiness.batch.run import CriteriaChooser, FileResult, Gate, Scored, score_file
from readiness.criteria.checks import Evidence
from readiness.criteria.model import Criteria, Criterion, Section
from readiness.profile.bilingual import Text
from readiness.profile.substance import Finding
from readiness.scoring.assessment import BandRef, CriterionResult, NextBand, SectionResult

_state: tuple[CriteriaChooser, Gate, str | None, bool] | None = None

Packed = tuple[Any, ...]
_Lookup = tuple[
    dict[str, tuple[str, Criterion]], dict[str, BandRef], tuple[BandRef, ...], dict[str, Section]
]


def _init(fixed: Criteria | None, gate: Gate, encoding: str | None, positions: bool) -> None:
    global _state  # noqa: PLW0603 - one set-up per worker process
    # Ctrl-C reaches every process in the group; the parent alone stops the pool and says so,
    # instead of each worker printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _state = (CriteriaChooser(fixed), gate, encoding, positions)


def _score(path: str) -> Packed | FileResult:
    assert _state is not None
    choose, gate, encoding, positions = _state
    result = score_file(path, choose, gate, encoding=encoding, positions=positions)
    return pack(result) if isinstance(result, Scored) else result


def pack(s: Scored) -> Packed:
    gaps = tuple(
        (g.id, g.status, g.adds, tuple((e.loc, e.text) for e in g.evidence)) for g in s.gaps
    )
    nb = s.next_band
    next_band = (
        None
        if nb is None
        else (nb.band.id, nb.points_needed, nb.gaps, nb.gates, nb.reachable, nb.min_evidence)
    )
    return (
        s.path, s.municipality, s.municipality_en, s.code, s.bureau, s.fictional,
        s.criteria_id, s.criteria_version, s.score, s.band_rank, s.gates_passed,
        s.failed_sections, s.failures, tuple(s.positions.items()), gaps, next_band,
        tuple(
            (x.id, x.earned, x.possible, x.contribution, x.unknown_points, x.unknown_facts,
             x.required_unmet, x.required_unknown)
            for x in s.sections
        ),
        s.unshown_sections,
        tuple((f.loc, f.code, f.message, f.line, f.column) for f in s.findings),
        s.group_members, s.evidence_coverage, s.reading_points,
        tuple((c.ja, c.en) for c in s.cautions), s.seconds,
    )  # fmt: skip


class Unpacker:
    """Rebuild packed results against the parent's criteria, sharing their texts."""

    def __init__(self, fixed: Criteria | None) -> None:
        self.fixed = fixed
        self._sets: dict[str, _Lookup] = {}

    def _criteria(self, criteria_id: str) -> _Lookup:
        found = self._sets.get(criteria_id)
        if found is None:
            from readiness.criteria.bundled import bundled

            c = (
                self.fixed
                if self.fixed is not None and self.fixed.id == criteria_id
                else bundled(criteria_id)
            )
            bands = {b.id: BandRef(b.id, b.label, b.min) for b in c.bands}
            found = (
                {k.id: (s.id, k) for s in c.sections for k in s.criteria},
                bands,
                tuple(bands.values()),
                {s.id: s for s in c.sections},
            )
            self._sets[criteria_id] = found
        return found

    def __call__(self, p: Packed) -> Scored:
        (path, name, name_en, code, bureau, fictional, criteria_id, version, score, band_rank,
         gates_passed, failed_sections, failures, positions, gaps, next_band,
         packed_sections, unshown_sections, findings, members, coverage, readings, cautions,
         seconds) = p  # fmt: skip
        criteria, bands, ranked_bands, section_of = self._criteria(criteria_id)
        results = []
        for gap_id, status, adds, evidence in gaps:
            section, k = criteria[gap_id]
            results.append(
                CriterionResult(
                    id=gap_id,
                    section=section,
                    label=k.label,
                    official=k.official,
                    status=status,
                    earned=0.0,
                    possible=k.points,
                    adds=adds,
                    evidence=tuple(Evidence(loc, text) for loc, text in evidence),
                    recommendation=k.recommendation,
                    basis=k.basis,
                    required=k.required,
                )
            )
        band = ranked_bands[band_rank]
        nb = None
        if next_band is not None:
            band_id, points_needed, nb_gaps, nb_gates, reachable, min_evidence = next_band
            nb = NextBand(bands[band_id], points_needed, nb_gaps, nb_gates, reachable, min_evidence)
        return Scored(
            path, name, name_en, code, bureau, fictional, criteria_id, version, score, band,
            band_rank, gates_passed, failed_sections, tuple(results), nb, failures,
            unshown_sections, tuple(Text(ja=ja, en=en) for ja, en in cautions), dict(positions),
            tuple(_section(section_of[i], tuple(rest)) for i, *rest in packed_sections),
            tuple(Finding(*f) for f in findings), members, coverage, readings,
            seconds=seconds,
        )  # fmt: skip


def _section(s: Section, packed: tuple[Any, ...]) -> SectionResult:
    """A section's result from its criteria and its packed figures (see :func:`pack`)."""
    earned, possible, contribution, unknown_points, unknown_facts, unmet, unknown = packed
    return SectionResult(
        s.id, s.kind, s.label, s.official, s.weight, earned, possible, s.gate, contribution,
        unknown_points, unknown_facts, unmet, unknown,
    )  # fmt: skip


def score_files_parallel(
    paths: Sequence[str],
    jobs: int,
    fixed: Criteria | None,
    gate: Gate,
    *,
    encoding: str | None = None,
    positions: bool = False,
) -> Iterator[FileResult]:
    chunksize = max(1, min(64, len(paths) // (jobs * 8) or 1))
    unpack = Unpacker(fixed)
    with multiprocessing.Pool(
        jobs, initializer=_init, initargs=(fixed, gate, encoding, positions)
    ) as pool:
        for result in pool.imap(_score, paths, chunksize):
            yield unpack(result) if isinstance(result, tuple) else result
