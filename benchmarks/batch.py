"""`readiness batch` beside the PyYAML C-loader parse floor, at N = 1,000 and 10,000, in one run.

For each N the script writes N synthetic profiles (benchmarks/generate.py; kept in
benchmarks/out/, which git ignores), then times, as separate processes over the same files:

- floor: a Python process that reads and parses every file with ``yaml.load(..., CSafeLoader)``
  (interpreter start-up and ``import yaml`` included, as they are in the batch);
- batch: ``readiness batch DIR`` (table to /dev/null);
- batch+sarif: the same, also writing SARIF, so positions are looked up for every gap;
- batch -j2: the same as batch on two processes.

Runs alternate between commands so that machine noise hits all of them; the best of --runs is
reported.  Peak memory is the largest resident set of the process (its pool workers included,
for -j2), from ``wait4``.

    python benchmarks/batch.py [--sizes 1000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))

FLOOR = """
import os, sys, yaml
paths = []
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    paths += [os.path.join(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]
n = 0
for path in paths:
    with open(path, "rb") as f:
        yaml.load(f.read().decode("utf-8"), Loader=yaml.CSafeLoader)
    n += 1
print(n)
"""


def commands(directory: Path, scratch: Path) -> dict[str, list[str]]:
    batch = [sys.executable, "-m", "readiness", "batch", str(directory), "--no-annotations"]
    return {
        "floor": [sys.executable, "-c", FLOOR, str(directory)],
        "batch": batch,
        "batch+sarif": [*batch, "--output", f"sarif={scratch / 'out.sarif'}"],
        "batch -j2": [*batch, "--jobs", "2"],
    }


def measure(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident KiB, exit code."""
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("GITHUB_ACTIONS", None)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:6])} failed ({code}):\n{err}")
    return elapsed, usage.ru_maxrss, code


def ensure_profiles(n: int) -> Path:
    from generate import generate

    directory = OUT / f"n{n}"
    marker = directory / ".complete"
    if not marker.exists():
        generate(n, directory)
        marker.write_text(f"{n}\n", encoding="utf-8")
    return directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for n in args.sizes:
        directory = ensure_profiles(n)
        size = sum(p.stat().st_size for p in directory.rglob("*.yaml"))
        print(f"N={n}: {size / 1e6:.1f} MB of YAML in {directory}", file=sys.stderr)
        cmds = commands(directory, OUT)
        for _ in range(args.runs):
            for name, cmd in cmds.items():
                seconds, rss, _ = measure(cmd)
                old = best.get((n, name))
                best[n, name] = (
                    min(seconds, old[0]) if old else seconds,
                    max(rss, old[1] if old else 0),
                )
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, best of {args.runs} runs")
    print(f"{'N':>6}  {'command':<12} {'seconds':>8} {'x floor':>8} {'ms/file':>8} {'peak MiB':>9}")
    for n in args.sizes:
        floor = best[n, "floor"][0]
        for name in commands(OUT, OUT):
            seconds, rss = best[n, name]
            print(
                f"{n:>6}  {name:<12} {seconds:8.2f} {seconds / floor:8.2f} "
                f"{seconds / n * 1000:8.3f} {rss / 1024:9.1f}"
            )
    if len(args.sizes) >= 2:
        small, large = min(args.sizes), max(args.sizes)
        print(f"\ngrowth, time at {large} / time at {small} (linear would be {large / small:g}):")
        for name in commands(OUT, OUT):
            (t1, m1), (t2, m2) = best[small, name], best[large, name]
            per_town = (m2 - m1) / (large - small)
            print(f"  {name:<12} {t2 / t1:6.2f}   memory +{per_town:.2f} KiB per extra town")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
