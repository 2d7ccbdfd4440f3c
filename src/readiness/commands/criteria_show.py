"""``readiness criteria show ID [--resolved]``: one criteria set, at a glance or in full."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from readiness.criteria_explain import overview_lines
from readiness.criteria_extends import criteria_to_data
from readiness.criteria_source import read_criteria
from readiness.options import LangChoice, resolve_lang
from readiness.textsafe import safe


def run(ref: str, resolved: bool, lang: LangChoice | None) -> int:
    criteria = read_criteria(ref)
    if resolved:
        header = f"# {criteria.id}: resolved"
        if criteria.extends:
            header += f" (extends {criteria.extends}, merged)"
        data = criteria_to_data(criteria)
        data.pop("extends", None)  # the merged set stands alone
        # Test profiles are named relative to the criteria file; the resolved text may be saved
        # anywhere, so name them absolutely.
        base = Path(ref).parent if Path(ref).is_file() else None
        for case in data.get("tests") or []:
            if base is not None and case.get("profile"):
                case["profile"] = str((base / case["profile"]).resolve())
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        sys.stdout.write(safe(f"{header}\n{text}"))
        return 0
    print("\n".join(safe(line) for line in overview_lines(criteria, resolve_lang(lang))))
    return 0
