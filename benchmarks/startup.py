"""Wall time of `readiness assess` on one example beside the import floor, in one run.

The floor is `python -c "import typer, pydantic, rich.table, yaml"`: what any typer + pydantic +
rich + PyYAML tool pays before doing anything.  Runs alternate so that machine noise hits both.

    python benchmarks/startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "import floor": [sys.executable, "-c", "import typer, pydantic, rich.table, yaml"],
    "readiness --version": [sys.executable, "-m", "readiness", "--version"],
    "readiness assess ishinomaki": [
        sys.executable,
        "-m",
        "readiness",
        "assess",
        str(ROOT / "examples" / "ishinomaki.yaml"),
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
            times[name].append(time.perf_counter() - start)
    floor = statistics.median(times["import floor"])
    print(f"{'command':32} {'median ms':>10} {'vs floor':>9}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:32} {median * 1000:10.1f} {median / floor:8.2f}x")


if __name__ == "__main__":
    main()
