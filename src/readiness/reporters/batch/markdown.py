"""A Markdown summary: the ranking, towns per band, each town's gaps, and the bad files.

Fit for ``$GITHUB_STEP_SUMMARY`` and pull-request comments.  Text from the profiles is escaped,
so a town's name can never break the table or inject markup.
"""

from __future__ import annotations

import re
from typing import TextIO

from readiness.batch.run import BatchResult
from readiness.messages import Lang, t
from readiness.reporters.batch.common import (
    HEADER_KEYS,
    caution_lines,
    gap_text,
    ranked_cells,
    score,
    town,
)
from readiness.scoring.thresholds import failure_text
from readiness.textsafe import safe

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&])")


def md(text: str) -> str:
    """``text`` as literal Markdown: control characters shown as escapes, one line, and the
    characters that make markup, HTML or entities (``* _ [ ] < > & | #`` ...) backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(safe(text).split()))


def render(result: BatchResult, lang: Lang, out: TextIO) -> None:
    out.write(text(result, lang))


def text(result: BatchResult, lang: Lang) -> str:
    lines = [f"# {t('ranking', lang)}", ""]
    lines.append(
        f"{t('towns_scored', lang)}: {len(result.ranked)} · {t('files_bad', lang)}: "
        f"{len(result.failed)}"
        + (f" · {t('below_gate', lang)}: {result.gate_failures}" if result.gate.requested else "")
    )
    lines.append("")
    if result.ranked:
        header = [md(t(k, lang)) for k in HEADER_KEYS]
        lines.append("| " + " | ".join(header) + " |")
        lines.append(
            "|" + "|".join(["---:", "---", "---", "---:", "---", "---", ":-:", "---"]) + "|"
        )
        for r in result.ranked:
            cells = ranked_cells(r, result, lang, md, ("✅", "❌"))
            lines.append("| " + " | ".join(cells) + " |")
        cautions = caution_lines(result, lang)
        if cautions:
            lines += ["", f"## {t('cautions', lang)}", ""]
            lines += [f"- {r.rank}. {md(town(r.entry, lang))}: {md(c)}" for r, c in cautions]
        lines += ["", f"## {t('towns_per_band', lang)}", ""]
        for criteria_id, band_ref, n in result.band_counts():
            lines.append(f"- {md(criteria_id)} · {md(band_ref.label.get(lang))}: {n}")
        lines += ["", f"## {t('gaps', lang)}", ""]
        for r in result.ranked:
            e = r.entry
            band = md(e.band.label.get(lang))
            lines.append(f"### {r.rank}. {md(town(e, lang))} ({score(e.score)}, {band})")
            lines.append("")
            lines.append(md(e.path))
            lines.append("")
            lines.append(
                f"{t('evidence_coverage', lang)}: {e.evidence_coverage:.0%} · "
                f"{t('reading_points', lang)}: {e.reading_points:.1f}"
            )
            lines.append("")
            for failure in e.failures:
                lines.append(f"- ❌ {md(failure_text(failure, lang))}")
            for caution in e.cautions:
                lines.append(f"- ⚠️ {md(caution.get(lang))}")
            if not e.gaps:
                lines.append(f"- {t('no_gaps', lang)}")
            for gap in e.gaps:
                lines.append(f"- {md(gap_text(gap, lang))}: {md(gap.recommendation.get(lang))}")
            lines.append("")
    if result.failed:
        lines += [f"## {t('bad_files', lang)}", ""]
        for f in result.failed:
            for d in f.diagnostics:
                lines.append(f"- {md(d.text(lang))}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
