"""Words and values every batch report shows the same way."""

from __future__ import annotations

from collections.abc import Callable

from readiness.batch.run import BatchResult, Ranked
from readiness.batch.summary import Scored
from readiness.messages import Lang, t
from readiness.profile.localgov import BUREAU_NAMES
from readiness.scoring.assessment import CriterionResult
from readiness.scoring.points import shown


def town(entry: Scored, lang: Lang) -> str:
    """The town's name, with its English name in English reports; a group's lead town is
    followed by the other members."""
    name = entry.municipality
    if lang == "en" and entry.municipality_en:
        name = f"{entry.municipality_en} ({entry.municipality})"
    if entry.group_members:
        members = t("list_sep", lang).join(m.name for m in entry.group_members)
        name += f" ＋ {members}" if lang == "ja" else f" + {members}"
    return name


def bureau_name(bureau: str, lang: Lang) -> str:
    """The bureau's short name, 東北 or Tohoku (the id itself for a bureau we do not know)."""
    if bureau not in BUREAU_NAMES:
        return bureau
    if lang == "ja":
        return (
            BUREAU_NAMES[bureau][0]
            .removesuffix("経済産業局")
            .split(" ")[0]
            .removesuffix("総合事務局")
        )
    return BUREAU_NAMES[bureau][1].split(" ")[0]


def score(value: float) -> str:
    return f"{value:.1f}"


def gates_text(entry: Scored, lang: Lang) -> str:
    """The criteria's own section gates: all passed, or the sections that failed and those
    not yet shown (they would pass if the unknown facts were confirmed)."""
    if entry.gates_passed:
        return t("gate_passed", lang)
    parts = []
    if entry.failed_sections:
        parts.append(f"{t('gate_failed', lang)}: {_sections(entry, entry.failed_sections, lang)}")
    if entry.unshown_sections:
        names = _sections(entry, entry.unshown_sections, lang)
        parts.append(f"{t('gate_unshown', lang)}: {names}")
    return "; ".join(parts)


def _sections(entry: Scored, ids: tuple[str, ...], lang: Lang) -> str:
    """Sections by id in English reports; by their label in Japanese ones (an id alone means
    nothing to a reader of Japanese)."""
    if lang != "ja":
        return ", ".join(ids)
    labels = [entry.section_label(i) for i in ids]
    return t("list_sep", lang).join(
        i if label is None else label.get(lang) for i, label in zip(ids, labels, strict=True)
    )


HEADER_KEYS = ("rank", "town", "bureau_col", "score", "band", "gates", "caution_col", "first_gap")
"""The ranking's columns (message keys), in the order of :func:`ranked_cells`."""


def caution_lines(result: BatchResult, lang: Lang) -> list[tuple[Ranked, str]]:
    """Each caution of each town, in ranking order: what the caution mark refers to."""
    return [(r, c.get(lang)) for r in result.ranked for c in r.entry.cautions]


def first_gap(entry: Scored) -> CriterionResult | None:
    return entry.first_gap


def gap_text(gap: CriterionResult, lang: Lang) -> str:
    """One line naming a gap: its label, id, status and what closing it would add."""
    status = t(f"status_{gap.status}", lang)
    return f"{gap.label.get(lang)} ({gap.id}, {status}, +{shown(gap.adds):.1f})"


def ranked_cells(
    r: Ranked,
    result: BatchResult,
    lang: Lang,
    escape: Callable[[str], str],
    marks: tuple[str, str],
) -> list[str]:
    """One ranking row (rank, town, bureau, score, band, gates, caution mark, first gap), text
    escaped for the format; ``marks`` (passed, failed) follow the band when a gate was asked
    for; the caution mark is set when ``assess`` would caution about the town."""
    e = r.entry
    band = escape(e.band.label.get(lang))
    if result.gate.requested:
        band += f" {marks[0] if e.passed else marks[1]}"
    gap = first_gap(e)
    return [
        str(r.rank),
        escape(town(e, lang)),
        escape(bureau_name(e.bureau, lang)),
        score(e.score),
        band,
        escape(gates_text(e, lang)),
        escape(t("caution_mark", lang)) if e.cautions else "",
        escape(gap.label.get(lang)) if gap else "-",
    ]
