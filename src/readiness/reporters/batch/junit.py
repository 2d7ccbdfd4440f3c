"""JUnit XML: one test case per town, failing with its gaps when below the gate asked for.

A file that could not be read is a test case with an ``<error>``; the towns' cautions (criteria of
another bureau, a date outside their period) are the suite's ``<system-out>`` (the schema gives
a test case none), and a failing town's failure text repeats its own.  The shape follows the
Apache Ant schema (``JUnit.xsd``) that CI systems read.  ``timestamp`` is the run's start in UTC
and ``time`` the seconds taken, both 0 under ``SOURCE_DATE_EPOCH`` (reproducible output: the
timestamp is then that epoch).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import TextIO

from readiness.batch.run import BatchResult, RunInfo
from readiness.messages import Lang, t
from readiness.reporters.batch.common import caution_lines, gap_text, score, town
from readiness.textsafe import safe

_XML_INVALID = {c: None for c in range(32) if c not in (9, 10, 13)}


def x(text: str) -> str:
    """Text safe inside XML 1.0: characters XML cannot hold at all are dropped."""
    return safe(text).translate(_XML_INVALID)


def seconds(value: float, run: RunInfo) -> str:
    return "0" if run.reproducible else f"{value:.3f}"


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    failures = result.gate_failures
    run = result.run
    suite = ET.Element(
        "testsuite",
        {
            "name": "readiness batch",
            "tests": str(len(result.ranked) + len(result.failed)),
            "failures": str(failures),
            "errors": str(len(result.failed)),
            "hostname": "readiness",
            "timestamp": run.started.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
            "time": seconds(run.seconds, run),
        },
    )
    ET.SubElement(suite, "properties")
    for r in result.ranked:
        e = r.entry
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "name": x(f"{town(e, lang)} {e.code}"),
                "classname": x(e.path),
                "time": seconds(e.seconds, run),
            },
        )
        if e.failures:
            failure = ET.SubElement(
                case, "failure", {"message": x("; ".join(e.failures)), "type": "below-gate"}
            )
            head = f"{score(e.score)} {e.band.label.get(lang)}"
            lines = [
                head,
                *(f"* {c.get(lang)}" for c in e.cautions),
                *(f"- {gap_text(g, lang)}" for g in e.gaps),
            ]
            failure.text = "\n".join(x(line) for line in lines)
    for f in result.failed:
        case = ET.SubElement(
            suite, "testcase", {"name": x(f.path), "classname": x(f.path), "time": "0"}
        )
        first = f.diagnostics[0]
        error = ET.SubElement(case, "error", {"message": x(str(first)), "type": first.code})
        error.text = "\n".join(x(str(d)) for d in f.diagnostics)
    cautions = ET.SubElement(suite, "system-out")
    if any(r.entry.cautions for r in result.ranked):
        cautions.text = "\n".join(
            x(f"{r.entry.path}: {t('cautions', lang)}: {c}") for r, c in caution_lines(result, lang)
        )
    ET.SubElement(suite, "system-err")
    ET.indent(suite)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    ET.ElementTree(suite).write(out, encoding="unicode")
    out.write("\n")
