"""What a batch keeps per town stays small, and does not grow with the text of the profile.

Measured in bytes allocated (tracemalloc), never in time: the towns' results are kept while a
second run scores the same files, after a first run filled the caches of the loader, the
criteria and the scoring; the second run shares what its towns have in common from scratch.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import pytest

from readiness.batch.run import CriteriaChooser, FileScorer
from readiness.batch.summary import EVERYTHING, SUMMARY, Keep, Scored
from tests.conftest import EXAMPLES

TOWNS = 20
LONG = "地域経済の活性化と雇用の創出に向けた取組" * 150  # 3,000 characters, under the 4,000 allowed


def kept_per_town(paths: list[str], keep: Keep) -> float:
    """Bytes still allocated per town while the results of scoring ``paths`` are kept."""
    choose = CriteriaChooser()
    warm = FileScorer(choose, keep=keep)
    for path in paths:
        warm(path)
    score = FileScorer(choose, keep=keep)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        results = [score(path) for path in paths]
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert all(isinstance(r, Scored) for r in results)
    return (after - before) / len(paths)


def towns(tmp_path: Path, title: str) -> list[str]:
    """TOWNS profiles whose one issue (a gap's evidence) has ``title``, numbered."""
    text = (EXAMPLES / "fictional-vague-issues.yaml").read_text(encoding="utf-8")
    folder = tmp_path / str(len(title))
    folder.mkdir()
    for i in range(TOWNS):
        (folder / f"{i}.yaml").write_text(
            text.replace("title: 地域経済の活性化", f"title: {title} {i}", 1), encoding="utf-8"
        )
    return [str(folder / f"{i}.yaml") for i in range(TOWNS)]


@pytest.mark.parametrize(
    ("keep", "most"),
    [
        (SUMMARY, 700),  # the ranked table, CSV, HTML index
        (Keep(gaps=True), 900),  # Markdown, JUnit
        (Keep(gaps=True, positions=True, findings=True, coverage=True), 1100),  # SARIF
    ],
)
def test_a_town_keeps_a_small_summary_whatever_its_text(
    tmp_path: Path, keep: Keep, most: int
) -> None:
    short = kept_per_town(towns(tmp_path, "地域経済の活性化"), keep)
    long = kept_per_town(towns(tmp_path, LONG), keep)
    assert short < most
    assert long < short + 64  # the long title is a gap's evidence, and is not kept


def test_the_json_report_keeps_the_evidence_text(tmp_path: Path) -> None:
    """The one format that shows a gap's evidence keeps it: the check above can tell."""
    short = kept_per_town(towns(tmp_path, "地域経済の活性化"), EVERYTHING)
    long = kept_per_town(towns(tmp_path, LONG), EVERYTHING)
    assert long > short + len(LONG)
