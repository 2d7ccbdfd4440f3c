"""The batch core: path expansion, errors as values, ranking and its ties."""

from __future__ import annotations

import itertools
import os
import pickle
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.batch.run import (
    CriteriaChooser,
    Failed,
    Gate,
    collect,
    expand_paths,
    rank,
    score_file,
    score_files,
)
from readiness.batch.summary import EVERYTHING, Keep, NotKeptError, Scored
from tests.batch_data import BAD_FILES, GOOD_FILES, entry, make_tree
from tests.conftest import EXAMPLES


def test_expand_directory_recursively_sorted_skipping_hidden_and_non_yaml(
    tmp_path: Path,
) -> None:
    root = make_tree(tmp_path)
    files, missing = expand_paths([str(root)])
    rel = [os.path.relpath(f, root) for f in files]
    assert rel == [
        "deep/er/badcode.yaml",
        "deep/minato.yml",
        "hokkaido.yml",
        "koshi.yaml",
        "sub/ishinomaki.yaml",
        "sub/typo.yaml",
        "syntax.yaml",
    ]
    assert missing == []


def test_expand_globs_files_and_repeats(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    files, missing = expand_paths(
        [f"{root}/sub/*.yaml", f"{root}/koshi.yaml", f"{root}/**/minato.yml", f"{root}/koshi.yaml"]
    )
    assert [os.path.relpath(f, root) for f in files] == [
        "deep/minato.yml",
        "koshi.yaml",
        "sub/ishinomaki.yaml",
        "sub/typo.yaml",
    ]
    assert missing == []


def test_a_glob_that_matches_nothing_is_an_error_value(tmp_path: Path) -> None:
    files, missing = expand_paths([f"{tmp_path}/*.yaml"])
    assert files == []
    assert [str(d) for f in missing for d in f.diagnostics] == [
        f"{tmp_path}/*.yaml: no-match matches no YAML file"
    ]


def test_a_directory_without_yaml_files_is_an_error_value(tmp_path: Path) -> None:
    (tmp_path / "empty" / ".git").mkdir(parents=True)
    (tmp_path / "empty" / "notes.txt").write_text("no profile\n", encoding="utf-8")
    files, missing = expand_paths([f"{tmp_path}/empty/"])
    assert files == []
    assert [str(d) for f in missing for d in f.diagnostics] == [
        f"{tmp_path}/empty/: no-yaml-files is a directory with no .yaml or .yml files in it"
    ]


def test_a_file_reached_through_a_symlink_loop_is_scored_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a").mkdir()
    shutil.copy(EXAMPLES / "koshi.yaml", "a/koshi.yaml")
    os.symlink("..", "a/up")
    os.symlink("koshi.yaml", "a/same.yaml")
    files, missing = expand_paths(["a/**/*.yaml", "a", "./a/koshi.yaml"])
    assert files == ["a/koshi.yaml"]
    assert missing == []


def test_a_missing_file_is_kept_and_fails_when_scored(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.yaml")
    files, _ = expand_paths([path])
    assert files == [path]
    result = score_file(path, CriteriaChooser())
    assert isinstance(result, Failed)
    assert [str(d) for d in result.diagnostics] == [f"{path}: file-not-found no such file"]


def test_every_good_file_is_scored_and_every_bad_one_reported(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    files, _ = expand_paths([str(root)])
    result = collect(score_files(files, CriteriaChooser()), Gate())
    assert sorted(os.path.relpath(r.entry.path, root) for r in result.ranked) == sorted(GOOD_FILES)
    assert {
        os.path.relpath(f.path, root): [str(d) for d in f.diagnostics] for f in result.failed
    } == {rel: [f"{root}/{expected}"] for rel, (_, expected) in BAD_FILES.items()}


def test_positions_point_at_the_profile_lines_of_gaps() -> None:
    path = str(EXAMPLES / "koshi.yaml")
    keep = Keep(gaps=True, evidence=True, positions=True)
    result = score_file(path, CriteriaChooser(), keep=keep)
    assert isinstance(result, Scored)
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    gap, (line, column) = next(
        (g, where) for g, where in result.located_gaps() if g.id == "partners.committed"
    )
    assert result.gaps_with_evidence()[result.gaps.index(gap)].evidence[0].loc == ("partners",)
    assert lines[line - 1] == "partners: unknown"
    assert column == 11  # the value ``unknown``
    without = score_file(path, CriteriaChooser(), keep=Keep(gaps=True))
    assert isinstance(without, Scored)
    with pytest.raises(NotKeptError):
        without.located_gaps()


def test_gate_failures_are_recorded_per_town() -> None:
    path = str(EXAMPLES / "koshi.yaml")
    result = score_file(path, CriteriaChooser(), Gate(fail_under=80))
    assert isinstance(result, Scored)
    assert result.failures == ("score 77.0 is below --fail-under 80",)
    assert not result.passed


def test_ranking_band_first_then_score_then_code_then_path() -> None:
    entries = [
        entry("e.yaml", 90.0, band_rank=1),
        entry("d.yaml", 70.0, band_rank=0, code="432164"),
        entry("c.yaml", 70.0, band_rank=0, code="042021"),
        entry("b.yaml", 70.0, band_rank=0, code="042021"),
        entry("a.yaml", 75.0, band_rank=0),
        entry("f.yaml", 70.004, band_rank=0, code="011002"),
    ]
    ranked = rank(entries)
    assert [(r.rank, r.entry.path) for r in ranked] == [
        (1, "a.yaml"),
        (2, "f.yaml"),  # 70.004 shows as 70.00: tied with the 70.0 towns, first by code
        (2, "b.yaml"),
        (2, "c.yaml"),
        (2, "d.yaml"),
        (6, "e.yaml"),  # a higher score in a lower band ranks below
    ]


@given(
    st.lists(
        st.tuples(
            st.sampled_from([0.0, 45.5, 70.0, 70.001, 99.99]),
            st.integers(0, 2),
            st.sampled_from(["042021", "432164"]),
        ),
        max_size=12,
    ),
    st.randoms(use_true_random=False),
)
def test_ranking_ignores_input_order_and_ties_share_a_rank(
    rows: list[tuple[float, int, str]], rnd: object
) -> None:
    entries = [entry(f"{i:02d}.yaml", s, b, c) for i, (s, b, c) in enumerate(rows)]
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    ranked = rank(entries)
    assert rank(shuffled) == ranked
    for i, (before, after) in enumerate(itertools.pairwise(ranked), start=2):
        tied = (before.entry.band_rank, round(before.entry.score, 2)) == (
            after.entry.band_rank,
            round(after.entry.score, 2),
        )
        assert after.rank == (before.rank if tied else i)


@pytest.mark.parametrize(
    ("gate", "requested"),
    [(Gate(), False), (Gate(fail_under=50), True), (Gate(require_band="ready"), True)],
)
def test_gate_requested(gate: Gate, requested: bool) -> None:
    assert gate.requested is requested


@pytest.mark.parametrize("keep", [Keep(), Keep(gaps=True, positions=True), EVERYTHING])
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_results_packed_for_worker_processes_unpack_equal(example: str, keep: Keep) -> None:
    from readiness.batch.pool import Unpacker, pack

    path = str(EXAMPLES / example)
    result = score_file(path, CriteriaChooser(), Gate(70), keep=keep)
    assert isinstance(result, Scored)
    back = Unpacker(None, keep)(path, pickle.loads(pickle.dumps(pack(result))))
    assert back == result


@pytest.mark.parametrize("criteria_id", ["kyushu-2019", "tohoku-2019", "tohoku-2022"])
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_the_first_gap_is_the_first_of_the_ranked_gaps(example: str, criteria_id: str) -> None:
    from readiness.batch.summary import first_gap
    from readiness.criteria.bundled import bundled
    from readiness.profile.loading import load_profile
    from readiness.scoring.scorer import assess

    a = assess(bundled(criteria_id), load_profile(str(EXAMPLES / example)))
    assert first_gap(a) == ((a.gaps[0] if a.gaps else None), len(a.gaps))


@pytest.mark.parametrize(
    ("read", "needs"),
    [
        (lambda s: s.gaps, "gaps"),
        (lambda s: s.gaps_with_evidence(), "evidence"),
        (lambda s: s.located_gaps(), "positions"),
        (lambda s: s.sections, "sections"),
        (lambda s: s.findings, "findings"),
        (lambda s: s.next_band, "next_band"),
        (lambda s: s.evidence_coverage, "coverage"),
        (lambda s: s.reading_points, "reading"),
        (lambda s: s.seconds, "seconds"),
    ],
)
def test_a_detail_not_kept_is_an_error_not_an_empty_value(read: Any, needs: str) -> None:
    path = str(EXAMPLES / "koshi.yaml")
    summary = score_file(path, CriteriaChooser())
    with pytest.raises(NotKeptError, match=needs):
        read(summary)
    kept = score_file(path, CriteriaChooser(), keep=Keep(**{needs: True, "gaps": True}))
    read(kept)  # no error
    everything = score_file(path, CriteriaChooser(), keep=EVERYTHING)
    assert isinstance(summary, Scored)
    assert isinstance(everything, Scored)
    assert summary.first_gap == replace(everything.gaps[0], evidence=())  # kept without it
    assert summary.gap_count == len(everything.gaps)


def test_files_are_told_apart_by_their_real_path_as_realpath_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders are resolved once per batch; every file's real path is still realpath's."""
    from readiness.batch.run import _realpath

    monkeypatch.chdir(tmp_path)
    Path("real/sub").mkdir(parents=True)
    Path("real/sub/a.yaml").write_text("x: 1\n", encoding="utf-8")
    os.symlink("real", "link")
    os.symlink("sub/a.yaml", "real/b.yaml")
    os.symlink("../real", "real/sub/up")
    folders: dict[str, str] = {}
    paths = ["a.yaml", "real/sub/a.yaml", "link/sub/a.yaml", "link/b.yaml", "real/b.yaml"]
    paths += ["real/sub/up/b.yaml", "missing/x.yaml", "link/missing.yaml", "..", "real/.."]
    for path in paths:
        assert _realpath(path, folders) == os.path.realpath(path), path
