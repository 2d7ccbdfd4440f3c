"""Wall time of `readiness assess` on one example beside the import floor, in one run.

The floor is `python -c "import typer, pydantic, rich.table, yaml"`, issue 16's floor.  It pays
for less than it seems: ``import pydantic`` is lazy and loads none of the machinery of a model.
So a second reference, the model floor, also defines one pydantic model of one field and
validates one value: what any typer + pydantic + rich + PyYAML tool that loads its input into a
pydantic model pays before doing anything (on this machine, about 1.55x the floor).

Runs alternate so that machine noise hits every command; the best of --runs is reported.
Bytecode caching is on (PYTHONDONTWRITEBYTECODE is dropped, one warm-up run each), as for an
installed tool, so that the figures do not count compiling the sources.  The user's cache
directory is the real one, warmed by the warm-up run, as it is for anyone who has run
readiness once.

    python benchmarks/startup.py [--runs 20] [--baseline-src OTHER/src] [--importtime]

``--baseline-src`` also times each readiness command from another checkout's ``src`` (say,
``git archive main src | tar -x -C /tmp/base``) in the same run, and prints new / baseline.
``--importtime`` prints the modules that cost ``assess`` the most to import
(``python -X importtime``, the least of 5 runs): the top-level imports with their cumulative
time, and the modules that cost most themselves, for this checkout and the baseline.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "ishinomaki.yaml")
FLOOR = "import floor"
MODEL_FLOOR = "model floor"
_ONE_MODEL = """import typer, pydantic, rich.table, yaml
class One(pydantic.BaseModel):
    x: int
One.model_validate({"x": 1})
"""
COMMANDS = {
    FLOOR: [sys.executable, "-c", "import typer, pydantic, rich.table, yaml"],
    MODEL_FLOOR: [sys.executable, "-c", _ONE_MODEL],
    "readiness --version": [sys.executable, "-m", "readiness", "--version"],
    "readiness --help": [sys.executable, "-m", "readiness", "--help"],
    "readiness assess": [sys.executable, "-m", "readiness", "assess", EXAMPLE],
    "readiness assess -f json": [
        sys.executable, "-m", "readiness", "assess", EXAMPLE, "--format", "json"
    ],
}  # fmt: skip


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system) of the process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return wall, usage.ru_utime + usage.ru_stime


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_profile(
    env: dict[str, str], top: int, runs: int = 5
) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    """The top-level imports ``assess`` spends most on, as (cumulative us, self us, module),
    and the modules that cost most themselves, as (self us, module): each the least of
    ``runs`` runs, as one run on a shared machine is noisy."""
    command = [sys.executable, "-X", "importtime", *COMMANDS["readiness assess"][1:]]
    least: dict[str, tuple[int, int]] = {}
    top_level: set[str] = set()
    for _ in range(runs):
        err = subprocess.run(
            command, check=True, capture_output=True, cwd=ROOT, env=env, text=True
        ).stderr
        for line in err.splitlines():
            m = _IMPORT_LINE.match(line)
            if m:
                own, cumulative = int(m[1]), int(m[2])
                old = least.get(m[4], (own, cumulative))
                least[m[4]] = (min(own, old[0]), min(cumulative, old[1]))
                if len(m[3]) <= 2:
                    top_level.add(m[4])
    rows = sorted(((least[n][1], least[n][0], n) for n in top_level), reverse=True)
    total = sum(r[0] for r in rows)
    own = sorted(((o, n) for n, (o, _) in least.items()), reverse=True)
    return [(total, 0, "(all imports)"), *rows[:top]], own[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline-src", type=Path, help="another checkout's src folder")
    parser.add_argument("--importtime", action="store_true", help="the top imports of assess")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs = {"": {**env, "PYTHONPATH": str(ROOT / "src")}}
    if args.baseline_src:
        envs[" (baseline)"] = {**env, "PYTHONPATH": str(args.baseline_src.resolve())}
    runs = [
        (name + suffix, command, run_env)
        for name, command in COMMANDS.items()
        for suffix, run_env in (envs.items() if name not in (FLOOR, MODEL_FLOOR) else [("", env)])
    ]
    for _, command, run_env in runs:  # warm-up: write the bytecode caches
        timed(command, run_env)
    times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for _ in range(args.runs):
        for name, command, run_env in runs:
            wall, used = timed(command, run_env)
            times[name].append(wall)
            cpu[name].append(used)
    print(f"best of {args.runs} runs, wall time and CPU time (user + system)")
    print(
        f"{'command':36} {'best ms':>8} {'vs floor':>9} {'CPU ms':>8} {'vs floor':>9} "
        f"{'vs model floor':>15} {'vs baseline':>12}"
    )
    for name, samples in times.items():
        best, used = min(samples), min(cpu[name])
        base = times.get(name + " (baseline)")
        ratio = f"{best / min(base):11.3f}x" if base else ""
        print(
            f"{name:36} {best * 1000:8.1f} {best / min(times[FLOOR]):8.2f}x "
            f"{used * 1000:8.1f} {used / min(cpu[FLOOR]):8.2f}x "
            f"{used / min(cpu[MODEL_FLOOR]):14.2f}x {ratio}"
        )
    if args.importtime:
        for suffix, run_env in envs.items():
            top_level, by_own = import_profile(run_env, 12)
            print(f"\nimport time of readiness assess{suffix}, cumulative (self), ms:")
            for cumulative, own, module in top_level:
                print(f"  {cumulative / 1000:8.1f} ({own / 1000:6.1f})  {module}")
            print(f"modules that cost most themselves{suffix}, ms:")
            for own, module in by_own:
                print(f"  {own / 1000:8.1f}  {module}")


if __name__ == "__main__":
    main()
