"""`readiness batch` beside the PyYAML C-loader parse floor, every figure a ratio from one run.

For each N the script writes N synthetic profiles (benchmarks/generate.py; kept in
benchmarks/out/, which git ignores), then times, as separate processes over the same files:

- floor: a Python process that reads and parses every file with ``yaml.load(..., CSafeLoader)``
  (interpreter start-up and ``import yaml`` included, as they are in the batch);
- batch -j1: ``readiness batch DIR --jobs 1`` (table to /dev/null);
- batch: ``readiness batch DIR``, the default number of processes;
- batch+sarif -j1: one process, also writing SARIF, so positions are looked up for every gap;

then the CI screening of issue 16: the 1,741 profiles under each of the 3 bundled criteria sets
(three default ``batch --criteria ID`` runs, timed together), and the per-stage breakdown of a
single-process batch per file (benchmarks/stages.py) beside the floor's compose and construct.

Runs alternate between commands so that machine noise hits all of them; the best of --runs is
reported.  Peak memory is the largest resident set of the process (its pool workers included),
from ``wait4``; memory per town is the growth of the single-process batch's peak between the
smallest and the largest N.

With ``--baseline-src OTHER/src`` (say, ``git archive main src | tar -x -C /tmp/base``) every
readiness command also runs from that source in the same run, marked "(before)", and each
figure is printed beside it.

    python benchmarks/batch.py [--sizes 1000 10000] [--runs 5] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))

SETS_TOWNS = 1741
"""Japan's municipalities, as the issue counts them."""
SETS = ("kyushu-2019", "tohoku-2019", "tohoku-2022")

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

Best = dict[str, tuple[float, int]]


def readiness(src: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
    env.pop("GITHUB_ACTIONS", None)
    env |= {"PYTHONPATH": str(src), "COLUMNS": "100"}
    return [sys.executable, "-m", "readiness", *args], env


def commands(
    directory: Path, scratch: Path, sources: dict[str, Path]
) -> dict[str, tuple[list[str], dict[str, str]]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cmds = {"floor": ([sys.executable, "-c", FLOOR, str(directory)], env)}
    batch = ["batch", str(directory), "--no-annotations"]
    for suffix, src in sources.items():
        cmds[f"batch -j1{suffix}"] = readiness(src, *batch, "--jobs", "1")
        cmds[f"batch{suffix}"] = readiness(src, *batch)
        cmds[f"batch+sarif -j1{suffix}"] = readiness(
            src, *batch, "--jobs", "1", "--output", f"sarif={scratch / 'out.sarif'}"
        )
    return cmds


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident KiB of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:8])} failed ({code}):\n{err}")
    return elapsed, usage.ru_maxrss


def ensure_profiles(n: int) -> Path:
    from generate import generate

    directory = OUT / f"n{n}"
    marker = directory / ".complete"
    if not marker.exists():
        generate(n, directory)
        marker.write_text(f"{n}\n", encoding="utf-8")
    return directory


def best_of(runs: int, cmds: dict[str, tuple[list[str], dict[str, str]]]) -> Best:
    """Best time and smallest peak memory of each command, alternating the commands."""
    for cmd, env in cmds.values():  # warm-up: bytecode caches, the page cache
        measure(cmd, env)
    best: Best = {}
    for _ in range(runs):
        for name, (cmd, env) in cmds.items():
            seconds, rss = measure(cmd, env)
            old = best.get(name, (seconds, rss))
            best[name] = (min(seconds, old[0]), min(rss, old[1]))
    return best


def criteria_sets(runs: int, sources: dict[str, Path]) -> dict[str, float]:
    """Seconds for the 1,741 towns under each of the 3 bundled sets, best of ``runs``."""
    directory = ensure_profiles(SETS_TOWNS)
    best: dict[str, float] = {}
    for _ in range(runs):
        for suffix, src in sources.items():
            total = 0.0
            for criteria_id in SETS:
                cmd, env = readiness(
                    src, "batch", str(directory), "--no-annotations", "--criteria", criteria_id
                )
                total += measure(cmd, env)[0]
            best[suffix] = min(best.get(suffix, total), total)
    return best


def stages(directory: Path, runs: int, src: Path) -> dict[str, float]:
    """Seconds per file of each stage (benchmarks/stages.py, run from ``src``)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    script = ROOT / "benchmarks" / "stages.py"
    out = subprocess.run(
        [sys.executable, str(script), str(directory), "--runs", str(runs), "--json"],
        check=True,
        capture_output=True,
        env=env,
    ).stdout
    result = json.loads(out)
    return {k: v / result["files"] for k, v in result["seconds"].items()}


def _vs(value: float, base: float | None) -> str:
    return f"{value / base:9.2f}x" if base else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-src", type=Path, help="another checkout's src folder")
    parser.add_argument("--stages-size", type=int, default=2000, help="files for the stages")
    parser.add_argument("--no-sets", action="store_true", help="skip the 1,741 x 3 run")
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sources = {"": ROOT / "src"}
    if args.baseline_src:
        sources[" (before)"] = args.baseline_src.resolve()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"python {sys.version.split()[0]}, {cpus} CPUs, best of {args.runs} runs")

    best: dict[int, Best] = {}
    for n in args.sizes:
        directory = ensure_profiles(n)
        size = sum(p.stat().st_size for p in directory.rglob("*.yaml"))
        print(f"N={n}: {size / 1e6:.1f} MB of YAML in {directory}", file=sys.stderr)
        best[n] = best_of(args.runs, commands(directory, OUT, sources))

    print(
        f"\n{'N':>6}  {'command':<26} {'seconds':>8} {'x floor':>8} {'ms/file':>8} {'peak MiB':>9}"
    )
    for n in args.sizes:
        floor = best[n]["floor"][0]
        for name, (seconds, rss) in best[n].items():
            print(
                f"{n:>6}  {name:<26} {seconds:8.2f} {seconds / floor:8.2f} "
                f"{seconds / n * 1000:8.3f} {rss / 1024:9.1f}"
            )
    small, large = min(args.sizes), max(args.sizes)
    if small != large:
        print(f"\ngrowth from N = {small} to {large} (linear would be {large / small:g}):")
        for name in best[large]:
            (t1, m1), (t2, m2) = best[small][name], best[large][name]
            per_town = (m2 - m1) / (large - small)
            print(f"  {name:<26} time {t2 / t1:6.2f}   memory +{per_town:.2f} KiB per town")

    sets: dict[str, float] = {}
    if not args.no_sets:
        sets = criteria_sets(args.runs, sources)
        print(
            f"\n{SETS_TOWNS} towns x {len(SETS)} bundled sets ({', '.join(SETS)}), default batch:"
        )
        for suffix, seconds in sets.items():
            print(f"  seconds{suffix:<12} {seconds:6.2f}{_vs(seconds, sets.get(' (before)'))}")

    per_stage: dict[str, dict[str, float]] = {}
    if not args.no_stages:
        directory = ensure_profiles(args.stages_size)
        for suffix, src in sources.items():
            per_stage[suffix] = stages(directory, args.runs, src)
        now = per_stage[""]
        floor = now["floor compose"] + now["floor construct"]
        before = per_stage.get(" (before)")
        print(
            f"\nper file, single process, N = {args.stages_size} "
            "(floor = C-loader compose + construct):"
        )
        header = f"  {'stage':<16} {'ms/file':>8} {'x floor':>8}"
        if before:
            bfloor = before["floor compose"] + before["floor construct"]
            header += f" {'before':>8} {'x floor':>8} {'after/before':>12}"
        print(header)
        for stage, seconds in now.items():
            line = f"  {stage:<16} {seconds * 1000:8.3f} {seconds / floor:8.3f}"
            if before:
                b = before[stage]
                line += f" {b * 1000:8.3f} {b / bfloor:8.3f} {_vs(seconds / floor, b / bfloor):>12}"
            print(line)
        total = sum(s for k, s in now.items() if not k.startswith("floor"))
        line = f"  {'total':<16} {total * 1000:8.3f} {total / floor:8.3f}"
        if before:
            btotal = sum(s for k, s in before.items() if not k.startswith("floor"))
            line += f" {btotal * 1000:8.3f} {btotal / bfloor:8.3f}"
        print(line)

    print("\nissue 16, done when (this run):")
    floor = best[large]["floor"][0]
    single = best[large]["batch -j1"][0] / floor
    default = best[large]["batch"][0] / floor
    print(f"  single-process batch, N = {large}: {single:.2f}x the floor (target <= 1.3)")
    print(f"  default batch ({cpus} CPUs), N = {large}: {default:.2f}x the floor (target <= 0.8)")
    if sets:
        print(f"  {SETS_TOWNS} x {len(SETS)} sets: {sets['']:.2f} s (target < 10)")
    if small != large:
        m1, m2 = best[small]["batch -j1"][1], best[large]["batch -j1"][1]
        print(f"  memory: +{(m2 - m1) / (large - small):.2f} KiB per town (target < 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
