"""CPU time of the substance rules alone (``substantive``) per profile, beside a baseline.

The profiles are loaded and validated first (not timed); then each pass calls
``readiness.profile.substance.substantive`` on every one, with the strategies of the criteria
set the batch would choose for it, and the best pass is kept (CPU time of the process: the
machine is shared).  The first pass warms the rules' memos, as the first files of a batch do.

    python benchmarks/substance.py DIR [--runs 5] [--baseline-src OTHER/src]

With ``--baseline-src`` the same measurement runs as separate processes, alternating between
this checkout's ``src`` and the baseline's, so that the machine's noise hits both.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"


def measure(directory: str, runs: int) -> dict[str, Any]:
    from readiness.batch import run
    from readiness.input.yamlload import parse, read_text
    from readiness.profile.model import Profile
    from readiness.profile.substance import substantive

    sys.path.insert(0, str(HERE))
    from stages import files_under

    choose = run.CriteriaChooser(None)
    towns = []
    for path in files_under(directory):
        profile = Profile.model_validate(parse(read_text(Path(path)), path, defer=True).data)
        m = profile.municipality
        criteria = choose(m.served_by, profile.as_of, path)
        towns.append((profile, frozenset(s.id for s in criteria.strategies)))
    gc.set_threshold(100_000, 50, 1000)  # as readiness batch does while scoring
    clock = time.process_time
    best = float("inf")
    for _ in range(runs + 1):  # the first pass warms the memos
        unchanged = findings = 0
        start = clock()
        for profile, strategies in towns:
            cleaned, found = substantive(profile, strategies)
            unchanged += cleaned is profile
            findings += len(found)
        best = min(best, clock() - start)
    return {"files": len(towns), "seconds": best, "unchanged": unchanged, "findings": findings}


def _child(src: Path, directory: str, runs: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, __file__, directory, "--runs", str(runs), "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-src", type=Path, help="another checkout's src folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.json:
        json.dump(measure(args.directory, args.runs), sys.stdout)
        return 0
    sources = {"this": SRC, **({"baseline": args.baseline_src} if args.baseline_src else {})}
    results: dict[str, dict[str, Any]] = {}
    for _ in range(args.runs):  # alternating processes, one pass each after the warm-up
        for name, src in sources.items():
            r = _child(src, args.directory, 1)
            if name not in results or r["seconds"] < results[name]["seconds"]:
                results[name] = r
    for name, r in results.items():
        per = r["seconds"] / r["files"] * 1e6
        print(
            f"{name:9} {per:8.1f} us/profile  ({r['files']} files, {r['unchanged']} unchanged, "
            f"{r['findings']} findings)"
        )
    if "baseline" in results:
        print(f"this / baseline: {results['this']['seconds'] / results['baseline']['seconds']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
