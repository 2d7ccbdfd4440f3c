"""CPU time of the substance rules alone (``substantive``) per profile, beside a baseline.

The profiles are loaded and validated first (not timed); then each pass calls
``readiness.profile.substance.substantive`` on every one, with the strategies of the criteria
set the batch would choose for it (CPU time of the process: the machine is shared).  Two
figures: the first pass, which meets each text for the first time as a batch does, and the best
of the passes after it, when the rules' memos know every text they keep.

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
    passes = []
    for _ in range(runs + 1):
        unchanged = findings = 0
        start = clock()
        for profile, strategies in towns:
            cleaned, found = substantive(profile, strategies)
            unchanged += cleaned is profile
            findings += len(found)
        passes.append(clock() - start)
    return {
        "files": len(towns),
        "first": passes[0],  # as in a batch: each text met for the first time fills the memos
        "seconds": min(passes[1:]),  # every text is remembered (what the memos can hold)
        "unchanged": unchanged,
        "findings": findings,
    }


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
    for _ in range(args.runs):  # alternating processes, the best of each figure kept
        for name, src in sources.items():
            r = _child(src, args.directory, 1)
            best = results.setdefault(name, r)
            for figure in ("first", "seconds"):
                best[figure] = min(best[figure], r[figure])
    for name, r in results.items():
        first, warm = (r[k] / r["files"] * 1e6 for k in ("first", "seconds"))
        print(
            f"{name:9} first pass {first:6.1f} us/profile, memos full {warm:6.1f} us/profile "
            f"({r['files']} files, {r['unchanged']} unchanged, {r['findings']} findings)"
        )
    if "baseline" in results:
        this, base = results["this"], results["baseline"]
        print(
            f"this / baseline: first pass {this['first'] / base['first']:.3f}, "
            f"memos full {this['seconds'] / base['seconds']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
