"""Write large JSON reports quickly, with little memory, and readable in a diff.

The outer levels are indented; below ``depth`` each value is written on one line by the C
encoder (``json.dumps`` without ``indent``), so a batch report has one town, or one SARIF
result, per line.  Lists may be given as generators and are written as they are produced.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO


def write_json(value: Any, out: TextIO, depth: int) -> None:
    _write(value, out, depth, 0)
    out.write("\n")


def _write(value: Any, out: TextIO, depth: int, level: int) -> None:
    if depth == 0 or not isinstance(value, (dict, list, Iterator)):
        out.write(json.dumps(value, ensure_ascii=False))
        return
    pad = "  " * (level + 1)
    if isinstance(value, dict):
        opening, closing = "{", "}"
        items: Any = ((json.dumps(k, ensure_ascii=False) + ": ", v) for k, v in value.items())
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
