"""Regenerate what is generated from the code: schemas/, docs/cli.md, the check kinds' docs.

Run from the repository: ``python scripts/update_docs.py``.  Tests fail when any is stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from readiness.atomic import write_text
from readiness.cli.app import root_command
from readiness.cli.reference import cli_reference
from readiness.criteria.explain import check_kinds_markdown
from readiness.criteria.json_schemas import SCHEMA_NAMES, render

ROOT = Path(__file__).resolve().parent.parent
KINDS = re.compile(r"(<!-- check-kinds:start -->\n).*?(<!-- check-kinds:end -->)", re.S)


def main() -> None:
    for name in SCHEMA_NAMES:
        write_text(ROOT / "schemas" / f"{name}.schema.json", render(name))
    write_text(ROOT / "docs" / "cli.md", cli_reference(root_command()))
    guide = ROOT / "docs" / "criteria-authoring.md"
    text = guide.read_text("utf-8")
    write_text(guide, KINDS.sub(lambda m: m[1] + check_kinds_markdown() + m[2], text))


if __name__ == "__main__":
    main()
