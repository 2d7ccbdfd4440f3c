"""Write large JSON reports quickly, with little memory, and readable in a diff.

The outer levels are indented; below ``depth`` each value is written on one line by the C
encoder (``json.dumps`` without ``indent``), so a batch report has one town, or one SARIF
result, per line.  Characters unsafe on a terminal are written as ``\\uXXXX`` escapes (the same
JSON values).  Lists may be given as generators and are written as they are produced.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from readiness.textsafe import json_safe


def write_json(value: Any, out: TextIO, depth: int) -> None:
    _write(value, out, depth, 0)
    out.write("\n")


def _dumps(value: Any) -> str:
    """JSON text with control characters and bidi overrides as ``\\uXXXX`` escapes."""
    return json_safe(json.dumps(value, ensure_ascii=False, allow_nan=False))


def _write(value: Any, out: TextIO, depth: int, level: int) -> None:
    if depth == 0 or not isinstance(value, (dict, list, Iterator)):
        out.write(_dumps(value))
        return
    pad = "  " * (level + 1)
    if isinstance(value, dict):
        opening, closing = "{", "}"
        items: Any = ((_dumps(k) + ": ", v) for k, v in value.items())
    else:
        opening, closing = "[", "]"
        items = (("", v) for v in value)
    out.write(opening)
    empty = True
    for prefix, item in items:
        out.write("\n" if empty else ",\n")
        empty = False
        out.write(pad + prefix)
        _write(item, out, depth - 1, level + 1)
    if not empty:
        out.write("\n" + "  " * level)
    out.write(closing)
