"""Byte-for-byte comparison of every output of two checkouts over the generated corpus.

Runs the same commands in-process (typer's CliRunner, 100 columns, no terminal) once with this
checkout's ``src`` and once with ``--baseline-src``, each in its own Python process, and
compares exit code, stdout, stderr and every report file:

- ``batch`` over the corpus (and over broken files) with every report format, in English and
  Japanese, on one and on two processes, by default criteria and under each bundled set;
- ``assess`` of each profile in every format (rich, json, html) and both languages, and of each
  broken file;
- ``validate`` (human, json, github), ``diff --profiles`` (rich, json, markdown), ``progress``,
  ``criteria list`` / ``show``, ``explain`` and ``verify``.

The broken files cover what the loader and validation refuse (duplicate keys at any depth,
tags, keys that are not text, YAML 1.1 surprises, unknown fields, aliases, syntax errors).

    python benchmarks/compare.py --baseline-src /tmp/base/src [--n 300]

Exit 0 when every output is identical; else 1, listing the first differences.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))

BROKEN = {
    "duplicate-top.yaml": "schema_version: 1\nas_of: 2024-04-01\nas_of: 2024-04-02\n",
    "duplicate-deep.yaml": (
        "schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: 石巻市\n  code: '042021'\n"
        "  prefecture: 宮城県\n  name: 石巻\npartners:\n- name: a\n  type: other\n  name: b\n"
        "  commitment: signed\n"
    ),
    "tag-python.yaml": "schema_version: 1\nas_of: !!python/object:os.system x\n",
    "tag-custom.yaml": "schema_version: 1\nnotes: !custom hello\n",
    "tag-set.yaml": "schema_version: 1\nsources: !!set {a, b}\n",
    "tag-binary.yaml": "schema_version: 1\nnotes: !!binary aGVsbG8=\n",
    "tag-str.yaml": "schema_version: 1\nnotes: !!str 12\n",
    "key-bool.yaml": "schema_version: 1\nyes: 1\n",
    "key-int.yaml": "schema_version: 1\n1: a\n",
    "key-null.yaml": "schema_version: 1\n~: a\n",
    "key-complex.yaml": "schema_version: 1\n? [a, b]\n: c\n",
    "key-flow-map.yaml": "schema_version: 1\n{a: 1}: c\n",
    "merge.yaml": (
        "base: &b {name: x, code: '042021'}\nschema_version: 1\nas_of: 2024-04-01\n"
        "municipality:\n  <<: *b\n  prefecture: 宮城県\n"
    ),
    "merge-duplicate.yaml": (
        "base: &b {name: x}\nschema_version: 1\nm:\n  <<: *b\n  <<: *b\n  name: y\n"
    ),
    "alias.yaml": "a: &x [1, 2]\nb: *x\nschema_version: 1\n",
    "octal.yaml": (
        "schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: 石巻市\n  code: 042021\n"
        "  prefecture: 宮城県\n"
    ),
    "yes-no.yaml": (
        "schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: no\n  code: '042021'\n"
        "  prefecture: 宮城県\nwill:\n  contact: on\n"
    ),
    "date-text.yaml": (
        "schema_version: 1\nas_of: 2024-13-01\nmunicipality:\n  name: 2024-04-01\n"
        "  code: '042021'\n  prefecture: 宮城県\n"
    ),
    "datetime.yaml": "schema_version: 1\nas_of: 2024-04-01 10:00:00\n",
    "floats.yaml": (
        "schema_version: 1\nas_of: .inf\nnotes: 1e3\nsources: [.nan, -.inf, 0x1f, 0o17]\n"
    ),
    "unknown-field.yaml": (
        "schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: 石巻市\n  code: '042021'\n"
        "  prefecture: 宮城県\nparters: []\nwill:\n  top_comitment: mayor\n"
    ),
    "full-width.yaml": "schema_version: 1\nas_of：2024-04-01\n",
    "tab.yaml": "schema_version: 1\nwill:\n\ttop_commitment: mayor\n",
    "syntax.yaml": "schema_version: 1\nwill: [a, b\n",
    "two-docs.yaml": "schema_version: 1\n---\nschema_version: 1\n",
    "list.yaml": "- a\n- b\n",
    "scalar.yaml": "hello\n",
    "empty.yaml": "",
    "comment-only.yaml": "# nothing\n",
    "null-doc.yaml": "~\n",
    "bom.yaml": "\ufeffschema_version: 1\n",
    "control.yaml": 'schema_version: 1\nnotes: "a\\x1bb"\n',
    "deep.yaml": "a: " + "[" * 70 + "]" * 70 + "\n",
    "deep-block.yaml": "".join(f"{'  ' * i}k{i}:\n" for i in range(70)) + "  " * 70 + "v\n",
    "bomb.yaml": (
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    ),
    "criteria-as-profile.yaml": "format: readiness.criteria\nid: x\n",
    "anchors-in-keys.yaml": "schema_version: 1\n&k as_of: 2024-04-01\n",
    "quoted-keys.yaml": "'schema_version': 1\n\"as_of\": 2024-04-01\n",
    "multiline.yaml": "schema_version: 1\nnotes: |\n  a\n  b\nsources:\n- >\n  c\n  d\n",
    "placeholder.yaml": (
        "schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: 石巻市\n  code: '042021'\n"
        "  prefecture: 宮城県\nnotes: 未定\n"
    ),
}


def write_broken(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in BROKEN.items():
        (directory / name).write_text(text, encoding="utf-8")
    (directory / "cp932.yaml").write_bytes("schema_version: 1\nnotes: 石巻\n".encode("cp932"))
    (directory / "utf16.yaml").write_bytes("schema_version: 1\n".encode("utf-16"))


def emit(corpus: Path, broken: Path, out: Path) -> None:
    """Run every command in this process (readiness from PYTHONPATH) and keep every output."""
    from typer.testing import CliRunner

    from readiness.cli.app import app

    os.environ["COLUMNS"] = "100"
    os.environ.pop("GITHUB_ACTIONS", None)
    runner = CliRunner()
    out.mkdir(parents=True, exist_ok=True)
    count = 0

    def run(name: str, *args: str) -> None:
        nonlocal count
        files = out / name
        files.mkdir()
        argv = [a.replace("{out}", str(files)) for a in args]
        result = runner.invoke(app, argv, catch_exceptions=False)
        text = f"exit {result.exit_code}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        (files / "result.txt").write_text(text.replace(str(files), "{out}"), encoding="utf-8")
        workbook = files / "report.xlsx"
        if workbook.exists():  # a workbook records when it was made: compare its other parts
            with zipfile.ZipFile(workbook) as book:
                for member in book.namelist():
                    if member != "docProps/core.xml":
                        part = files / "report.xlsx.d" / member
                        part.parent.mkdir(parents=True, exist_ok=True)
                        part.write_bytes(book.read(member))
            workbook.unlink()
        count += 1

    profiles = sorted(str(p) for p in corpus.rglob("*.yaml"))
    bad = sorted(str(p) for p in broken.glob("*.yaml"))
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    reports = [
        f"--output={fmt}={{out}}/report.{fmt}"
        for fmt in ("json", "csv", "markdown", "junit", "sarif", "github", "xlsx")
    ] + ["--output=html={out}/html/"]
    for lang in ("en", "ja"):
        run(f"batch-{lang}", "batch", str(corpus), "--lang", lang, *reports)
        run(f"batch-j2-{lang}", "batch", str(corpus), "--lang", lang, "--jobs", "2", *reports)
        run(f"batch-bad-{lang}", "batch", str(broken), *examples, "--lang", lang, *reports)
    for criteria_id in ("kyushu-2019", "tohoku-2019", "tohoku-2022"):
        run(f"batch-{criteria_id}", "batch", str(corpus), "--criteria", criteria_id, *reports)
    run("batch-gate", "batch", str(corpus), "--fail-under", "50", "--require-band", "ready")
    # Each format alone, on one process and on two: a batch keeps of each town only what the
    # formats asked for need, and the table alone needs least.
    for jobs in ("1", "2"):
        for lang in ("en", "ja"):
            run(f"batch-table-j{jobs}-{lang}", "batch", str(corpus), "-j", jobs, "--lang", lang)
        for report in reports:
            fmt = report.split("=")[1]
            run(f"batch-only-{fmt}-j{jobs}", "batch", str(corpus), "-j", jobs, report)
        run(
            f"batch-all-j{jobs}", "batch", str(corpus), "-j", jobs, *reports, "--min-evidence", "30"
        )
    for i, path in enumerate(profiles + examples + bad):
        for fmt in ("rich", "json", "html"):
            langs = ("en", "ja") if fmt != "json" else ("en",)
            for lang in langs:
                run(f"assess-{i:04d}-{fmt}-{lang}", "assess", path, "-f", fmt, "--lang", lang)
    for fmt in ("human", "json", "github"):
        run(f"validate-{fmt}", "validate", *profiles[:200], *bad, *examples, "-f", fmt)
    for fmt in ("rich", "json", "markdown"):
        run(f"diff-{fmt}", "diff", "tohoku-2019", "tohoku-2022", "-p", str(corpus), "-f", fmt)
    for lang in ("en", "ja"):
        run(f"progress-{lang}", "progress", profiles[0], profiles[1], "--lang", lang)
    run("criteria-list", "criteria", "list")
    for criteria_id in ("kyushu-2019", "tohoku-2019", "tohoku-2022"):
        run(f"criteria-show-{criteria_id}", "criteria", "show", criteria_id)
    run("explain-count", "explain", "count")
    run("verify", "verify")
    print(f"{count} commands", file=sys.stderr)


def compare(a: Path, b: Path) -> list[str]:
    differences = []
    for side, other in ((a, b), (b, a)):
        for path in sorted(side.rglob("*")):
            twin = other / path.relative_to(side)
            if not twin.exists():
                differences.append(f"only in {side.name}: {path.relative_to(side)}")
            elif path.is_file() and side == a and not filecmp.cmp(path, twin, shallow=False):
                differences.append(f"differs: {path.relative_to(side)}")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path)
    parser.add_argument("--n", type=int, default=300, help="generated profiles in the corpus")
    parser.add_argument("--emit", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--broken", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.emit:
        emit(args.corpus, args.broken, args.emit)
        return 0
    if args.baseline_src is None:
        parser.error("--baseline-src is required")
    from batch import ensure_profiles

    corpus = ensure_profiles(args.n)
    broken = OUT / "broken"
    write_broken(broken)
    results = {}
    for name, src in (("after", ROOT / "src"), ("before", args.baseline_src.resolve())):
        target = OUT / "compare" / name
        shutil.rmtree(target, ignore_errors=True)
        # Reproducible reports (JUnit's timestamp and times), unless the caller chose an epoch.
        env = {"SOURCE_DATE_EPOCH": "1700000000", **os.environ, "PYTHONPATH": str(src)}
        cmd = [sys.executable, __file__, "--emit", str(target)]
        subprocess.run(
            [*cmd, "--corpus", str(corpus), "--broken", str(broken)], check=True, env=env
        )
        results[name] = target
    differences = compare(results["after"], results["before"])
    for line in differences[:40]:
        print(line)
    print(f"{len(differences)} differences" if differences else "identical: every output")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
