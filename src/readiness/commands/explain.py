"""``readiness explain CRITERION``: what a criterion means, where it comes from, how it is checked.

A check kind's name (``count``) explains the kind itself, from its docstring.
"""

from __future__ import annotations

from readiness.bundled import bundled_criteria
from readiness.checks import CHECK_KINDS
from readiness.criteria_explain import explain_lines, find_criterion, kind_doc
from readiness.criteria_source import read_criteria
from readiness.options import LangChoice, resolve_lang
from readiness.textsafe import safe


def run(criterion_id: str, criteria_ref: str | None, lang: LangChoice | None) -> int:
    language = resolve_lang(lang)
    if criteria_ref is None and criterion_id in CHECK_KINDS:
        print(f"{criterion_id}: {kind_doc(criterion_id)}")
        return 0
    if criteria_ref is None:
        sets, where = bundled_criteria(), "the bundled criteria"
    else:
        sets = [read_criteria(criteria_ref)]
        where = sets[0].id
    blocks = [explain_lines(f, language) for f in find_criterion(criterion_id, sets, where)]
    print("\n\n".join("\n".join(safe(line) for line in block) for block in blocks))
    return 0
