"""``readiness init``: a commented profile template, pre-filled from the municipality list."""

from __future__ import annotations

import datetime as dt
import sys

from readiness.atomic import write_text
from readiness.options import LangChoice, resolve_lang
from readiness.profile_template import find_municipality, render_template


def run(
    *,
    code: str | None,
    name: str | None,
    lang: LangChoice | None,
    output: str | None,
    force: bool,
    as_of: dt.date | None,
) -> int:
    town = find_municipality(code=code, name=name)
    text = render_template(town, resolve_lang(lang), as_of or dt.date.today())
    if output in (None, "-"):  # "-" is standard output, as in batch
        sys.stdout.write(text)
    else:
        write_text(output, text, overwrite=force)
        print(f"readiness: wrote {output} for {town.name} ({town.prefecture}, {town.code})",
              file=sys.stderr)  # fmt: skip
    return 0
