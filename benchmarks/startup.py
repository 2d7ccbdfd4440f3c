"""Wall time of `readiness assess` on one example beside the import floor, in one run.

The floor is `python -c "import typer, pydantic, rich.table, yaml"`: what any typer + pydantic +
rich + PyYAML tool pays before doing anything.  Runs alternate so that machine noise hits both.
Bytecode caching is on (PYTHONDONTWRITEBYTECODE is dropped, one warm-up run each), as for an
installed tool, so that the figures do not count compiling the sources.

    python benchmarks/startup.py [--runs 20] [--baseline-src OTHER/src]

``--baseline-src`` also times each readiness command from another checkout's ``src`` (say, a
``git worktree`` of main) in the same run, and prints new / baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "import floor": [sys.executable, "-c", "import typer, pydantic, rich.table, yaml"],
    "readiness --version": [sys.executable, "-m", "readiness", "--version"],
    "readiness --help": [sys.executable, "-m", "readiness", "--help"],
    "readiness assess ishinomaki": [
        sys.executable,
        "-m",
        "readiness",
        "assess",
        str(ROOT / "examples" / "ishinomaki.yaml"),
    ],
}


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline-src", type=Path, help="another checkout's src folder")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs = {"": {**env, "PYTHONPATH": str(ROOT / "src")}}
    if args.baseline_src:
        envs[" (baseline)"] = {**env, "PYTHONPATH": str(args.baseline_src.resolve())}
    runs = [
        (name + suffix, command, run_env)
        for name, command in COMMANDS.items()
        for suffix, run_env in (envs.items() if name != "import floor" else [("", env)])
    ]
    for _, command, run_env in runs:  # warm-up: write the bytecode caches
        timed(command, run_env)
    times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for _ in range(args.runs):
        for name, command, run_env in runs:
            times[name].append(timed(command, run_env))
    floor = statistics.median(times["import floor"])
    print(f"{'command':40} {'median ms':>10} {'vs floor':>9} {'vs baseline':>12}")
    for name, samples in times.items():
        median = statistics.median(samples)
        base = times.get(name + " (baseline)")
        ratio = f"{median / statistics.median(base):11.3f}x" if base else ""
        print(f"{name:40} {median * 1000:10.1f} {median / floor:8.2f}x {ratio}")


if __name__ == "__main__":
    main()
