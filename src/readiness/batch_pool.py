"""Score files on several processes, yielding results in the order of the files given.

Each worker process chooses its own criteria (bundled sets are cached per process), so only
paths go out and the small per-town summaries come back.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

from readiness.batch import CriteriaChooser, FileResult, Gate, score_file
from readiness.criteria_model import Criteria

_state: tuple[CriteriaChooser, Gate, str | None, bool] | None = None


def _init(fixed: Criteria | None, gate: Gate, encoding: str | None, positions: bool) -> None:
    global _state  # noqa: PLW0603 - one set-up per worker process
    _state = (CriteriaChooser(fixed), gate, encoding, positions)


def _score(path: str) -> FileResult:
    assert _state is not None
    choose, gate, encoding, positions = _state
    return score_file(path, choose, gate, encoding=encoding, positions=positions)


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
    with multiprocessing.Pool(
        jobs, initializer=_init, initargs=(fixed, gate, encoding, positions)
    ) as pool:
        yield from pool.imap(_score, paths, chunksize)
