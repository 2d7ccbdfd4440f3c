"""How fast, and in how much memory, hostile or huge files are refused or processed.

Run from the repository: ``.venv/bin/python benchmarks/hostile_inputs.py``.

Each input is loaded as a profile in a fresh interpreter, so that its peak memory is its own
(VmHWM on Linux).  Figures are given against a baseline measured in the same run: an ordinary
profile (``examples/koshi.yaml``).  Time is the median over runs of the load alone, after a
warm-up load (imports and caches excluded); memory is the interpreter's peak resident size and
how much it grew during the load.  A second table gives the guards' cost on the ordinary path.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KOSHI = ROOT / "examples" / "koshi.yaml"

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from readiness.input import yamlload
    from readiness.diagnostics import ReadinessError
    from readiness.profile.loading import load_profile

    def peak_kib():
        # VmHWM is this interpreter's own high-water mark; ru_maxrss can carry the parent's
        # across exec on Linux.
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    path, warm, lift = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    load_profile(warm)  # one-time costs (imports, municipality list) are not the input's
    if lift:
        yamlload.MAX_FILE_BYTES = 10**9
    before = peak_kib()
    start = time.perf_counter()
    try:
        load_profile(path)
        outcome = "accepted"
    except ReadinessError as e:
        outcome = e.diagnostics[0].code
    seconds = time.perf_counter() - start
    peak = peak_kib()
    print(json.dumps({"seconds": seconds, "peak_kib": peak, "grew_kib": peak - before,
                      "outcome": outcome}))
    """
)


def billion_laughs() -> str:
    lines = ['lol0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        alias = f"*{chr(96 + i)}"
        lines.append(f"lol{i}: &{chr(97 + i)} [{', '.join([alias] * 9)}]")
    return "\n".join(lines) + "\n"


def big_profile(size: int) -> str:
    """A valid profile made big by a long list of sources (each ~100 bytes)."""
    head = KOSHI.read_text(encoding="utf-8").split("\nsources:")[0]
    line = "  - 経済産業省 地域経済産業グループ 資料 第{:08d}号（令和6年度）\n"
    count = max(1, (size - len(head.encode())) // len(line.format(0).encode()))
    return head + "\nsources:\n" + "".join(line.format(i) for i in range(count))


@dataclass
class Measure:
    seconds: float
    peak_kib: int
    grew_kib: int
    outcome: str


def measure(path: Path, runs: int, lift: bool = False) -> Measure:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(KOSHI), "1" if lift else "0"],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        results.append(json.loads(out.stdout))
    return Measure(
        seconds=statistics.median(r["seconds"] for r in results),
        peak_kib=max(r["peak_kib"] for r in results),
        grew_kib=max(r["grew_kib"] for r in results),
        outcome=results[0]["outcome"],
    )


def guard_cost(repeat: int) -> list[tuple[str, float]]:
    """Per-file load time of the ordinary profile: as shipped, and with the node walk forced."""
    import timeit

    from readiness.input import yamlload
    from readiness.profile.loading import profile_from_document

    text = KOSHI.read_text(encoding="utf-8")

    def shipped() -> None:
        profile_from_document(yamlload.parse(text, "koshi.yaml", defer=True))

    def forced_walk() -> None:
        doc = yamlload.parse(text, "koshi.yaml", defer=True)
        assert doc.node is not None
        yamlload._check_aliases(doc.node, "koshi.yaml")  # what every file paid before
        profile_from_document(doc)

    rows = []
    for name, fn in (
        ("shipped (bound, no walk)", shipped),
        ("with the full node walk", forced_walk),
    ):
        fn()
        rows.append((name, min(timeit.repeat(fn, number=repeat, repeat=5)) / repeat))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per input (median time)")
    parser.add_argument(
        "--skip-lifted", action="store_true", help="skip loading 50 MB with the size limit lifted"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        inputs: list[tuple[str, Path, bool]] = [("baseline: examples/koshi.yaml", KOSHI, False)]
        (d / "laughs.yaml").write_text(billion_laughs())
        inputs.append(("billion laughs (9^10 values)", d / "laughs.yaml", False))
        (d / "deep.yaml").write_text("[" * 100_000)
        inputs.append(("100,000 '[' (deep nesting)", d / "deep.yaml", False))
        (d / "big1.yaml").write_text(big_profile(1000 * 1024), encoding="utf-8")
        inputs.append(("1000 KiB valid profile (at the limit)", d / "big1.yaml", False))
        (d / "dups.yaml").write_text("k: v\n" * (1000 * 1024 // 5))
        inputs.append(("1000 KiB of duplicate keys", d / "dups.yaml", False))
        (d / "big50.yaml").write_text(big_profile(50 * 1024 * 1024), encoding="utf-8")
        inputs.append(("50 MiB profile", d / "big50.yaml", False))
        if not args.skip_lifted:
            inputs.append(("50 MiB profile, size limit lifted", d / "big50.yaml", True))
        rows = [(name, measure(path, args.runs, lift)) for name, path, lift in inputs]
    base = rows[0][1]
    print(
        f"{'input':40} {'outcome':>15} {'time':>10} {'x base':>9} {'peak MiB':>9} {'grew MiB':>9}"
    )
    for name, r in rows:
        print(
            f"{name:40} {r.outcome:>15} {r.seconds * 1000:>8.1f}ms "
            f"{r.seconds / base.seconds:>8.1f}x {r.peak_kib / 1024:>9.1f} {r.grew_kib / 1024:>9.1f}"
        )
    print()
    print("Ordinary profile, per load (parse + validate + checks), best of 5:")
    cost = guard_cost(200)
    for name, seconds in cost:
        print(f"  {name:28} {seconds * 1e6:8.0f} us  ({seconds / cost[0][1]:.2f}x)")


if __name__ == "__main__":
    main()
