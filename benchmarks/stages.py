"""Where a single-process batch spends its time per file, beside the C-loader parse floor.

Run in one process over the same files: for each file, each stage of ``readiness batch`` is
timed in turn (read, parse, validate, profile checks, scoring, summary, freeing), interleaved
as in a real batch so that CPU caches behave as they do there; then, over the same texts, the
floor: ``yaml.CSafeLoader`` compose and construct.  Stages are timed in CPU time of the
process (``time.process_time``): on a shared machine, time spent waiting for a core is not the
stage's.  Each pass goes over every file; the best of ``--runs`` passes is kept per stage.  The
garbage-collector setting is the batch's.  Each pass runs in a new process, as each batch
does: the caches that a batch fills as it goes (texts already judged, results shared by towns
that meet the same criteria) start empty in every pass, instead of holding the whole set from
an earlier pass.

    python benchmarks/stages.py DIR [--runs 5] [--json]

The script imports ``readiness`` from wherever ``PYTHONPATH`` points, so ``batch.py`` runs it
once for this checkout and once for a baseline's ``src`` (``--baseline-src``).
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

STAGES = ("read", "parse", "validate", "checks", "score", "summarise", "free")


def files_under(directory: str) -> list[str]:
    paths = []
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        paths += [os.path.join(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]
    return paths


def readiness_pass(paths: list[str]) -> dict[str, float]:
    """One pass over ``paths``, as ``batch.run.score_file`` goes; seconds per stage."""
    from dataclasses import replace

    from readiness.batch import run
    from readiness.input.yamlload import parse, read_text
    from readiness.profile.checks import profile_problems
    from readiness.profile.model import Profile
    from readiness.scoring.scorer import assess
    from readiness.scoring.thresholds import threshold_failures

    choose = run.CriteriaChooser(None)
    by_date = len(inspect.signature(run.CriteriaChooser.__call__).parameters) == 4
    locate = getattr(run, "locate_findings", None)  # located findings, where the code has them
    # The summary the ranked table needs (its module since the batch keeps per-town details only
    # for the formats that ask for them); before, every result was summarised whole.
    summary = _module("readiness.batch.summary")
    summarise = summary.Summariser(summary.Keep()) if summary else None
    if summary:
        locate = None  # the table's summary needs no located findings
    validate = Profile.model_validate
    clock = time.process_time  # CPU time: the machine is shared, and waiting is not work
    totals = dict.fromkeys(STAGES, 0.0)
    for path in paths:
        t0 = clock()
        text = read_text(Path(path))
        t1 = clock()
        doc = parse(text, path, defer=True)
        t2 = clock()
        profile = validate(doc.data)
        t3 = clock()
        if profile_problems(profile):
            raise SystemExit(f"{path}: not a valid profile")
        t4 = clock()
        m = profile.municipality
        criteria = (
            choose(m.served_by, profile.as_of, path) if by_date else choose(m.served_by, path)
        )
        a = assess(criteria, profile, profile_file=path)
        if locate is not None:
            a = replace(a, findings=locate(a.findings, doc.position))
        threshold_failures(a, criteria, None, None)
        t5 = clock()
        s = summarise(a, criteria, ()) if summarise else run.summarise(a, (), {})
        t6 = clock()
        del text, doc, profile, a, s
        t7 = clock()
        for stage, seconds in zip(
            STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6), strict=True
        ):
            totals[stage] += seconds
    return totals


def _module(name: str) -> Any:
    import importlib.util

    return importlib.import_module(name) if importlib.util.find_spec(name) else None


def floor_pass(paths: list[str]) -> dict[str, float]:
    loader_class = yaml.CSafeLoader
    clock = time.process_time  # CPU time: the machine is shared, and waiting is not work
    totals = {"floor read": 0.0, "floor compose": 0.0, "floor construct": 0.0, "floor free": 0.0}
    for path in paths:
        t0 = clock()
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
        t1 = clock()
        loader = loader_class(text)
        node = loader.get_single_node()
        t2 = clock()
        data = loader.construct_document(node)
        loader.dispose()
        t3 = clock()
        del text, loader, node, data
        t4 = clock()
        totals["floor read"] += t1 - t0
        totals["floor compose"] += t2 - t1
        totals["floor construct"] += t3 - t2
        totals["floor free"] += t4 - t3
    return totals


def one_pass(directory: str) -> dict[str, Any]:
    """One pass of each, in this process, after one file has loaded what a batch loads once."""
    paths = files_under(directory)
    gc.set_threshold(100_000, 50, 1000)  # as readiness batch does while scoring
    readiness_pass(paths[:1])  # warm up: import, load the criteria
    return {"files": len(paths), "seconds": {**readiness_pass(paths), **floor_pass(paths)}}


def measure(directory: str, runs: int) -> dict[str, Any]:
    """The best of ``runs`` passes, each in a new process (see the module doc)."""
    best: dict[str, float] = {}
    files = 0
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, directory, "--one-pass", "--json"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        result = json.loads(done.stdout)
        files = result["files"]
        for stage, seconds in result["seconds"].items():
            best[stage] = min(best.get(stage, seconds), seconds)
    return {"files": files, "seconds": best}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--one-pass", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    result = one_pass(args.directory) if args.one_pass else measure(args.directory, args.runs)
    if args.json:
        json.dump(result, sys.stdout)
        return 0
    n, seconds = result["files"], result["seconds"]
    floor = seconds["floor compose"] + seconds["floor construct"]
    for stage, s in seconds.items():
        print(f"{stage:18} {s / n * 1000:8.3f} ms/file {s / floor:7.3f}x floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
