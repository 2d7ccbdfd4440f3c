"""``readiness schema profile|criteria [-o FILE]``: print or write a JSON Schema for editors."""

from __future__ import annotations

import sys

from readiness.atomic import write_text
from readiness.json_schemas import SchemaName, render


def run(name: SchemaName, output: str | None) -> int:
    text = render(name)
    if output in (None, "-"):  # "-" is standard output, as in batch
        sys.stdout.write(text)
    else:
        write_text(output, text)
    return 0
