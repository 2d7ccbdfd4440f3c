"""JUnit XML: one test case per town, failing with its gaps when below the gate asked for.

A file that could not be read is a test case with an ``<error>``.  The shape follows the Apache
Ant schema (``JUnit.xsd``) that CI systems read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from readiness.batch.run import BatchResult
from readiness.messages import Lang
from readiness.reporters.batch.common import gap_text, score, town
from readiness.textsafe import safe

_XML_INVALID = {c: None for c in range(32) if c not in (9, 10, 13)}


def x(text: str) -> str:
    """Text safe inside XML 1.0: characters XML cannot hold at all are dropped."""
    return safe(text).translate(_XML_INVALID)


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    failures = result.gate_failures
    suite = ET.Element(
        "testsuite",
        {
            "name": "readiness batch",
            "tests": str(len(result.ranked) + len(result.failed)),
            "failures": str(failures),
            "errors": str(len(result.failed)),
            "hostname": "readiness",
            "timestamp": "1970-01-01T00:00:00",
            "time": "0",
        },
    )
    ET.SubElement(suite, "properties")
    for r in result.ranked:
        e = r.entry
        case = ET.SubElement(
            suite,
            "testcase",
            {"name": x(f"{town(e, lang)} {e.code}"), "classname": x(e.path), "time": "0"},
        )
        if e.failures:
            failure = ET.SubElement(
                case, "failure", {"message": x("; ".join(e.failures)), "type": "below-gate"}
            )
            head = f"{score(e.score)} {e.band.label.get(lang)}"
            failure.text = "\n".join(
                x(line) for line in [head, *(f"- {gap_text(g, lang)}" for g in e.gaps)]
            )
    for f in result.failed:
        case = ET.SubElement(
            suite, "testcase", {"name": x(f.path), "classname": x(f.path), "time": "0"}
        )
        first = f.diagnostics[0]
        error = ET.SubElement(case, "error", {"message": x(str(first)), "type": first.code})
        error.text = "\n".join(x(str(d)) for d in f.diagnostics)
    ET.SubElement(suite, "system-out")
    ET.SubElement(suite, "system-err")
    ET.indent(suite)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    ET.ElementTree(suite).write(out, encoding="unicode")
    out.write("\n")
