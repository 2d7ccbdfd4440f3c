"""The fixed words of the diff reports in Japanese and English, and how values are shown."""

from __future__ import annotations

from fractions import Fraction

from readiness.criteria.diff import FieldChange, ItemChange, Value
from readiness.messages import Lang, pick
from readiness.scoring.impact import Driver
from readiness.scoring.points import shown

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("評価基準の差分", "Criteria diff"),
    "no_changes": ("意味の変更はありません。", "No change in meaning."),
    "meta": ("基準セット", "Set"),
    "sources": ("出典", "Sources"),
    "sections": ("条件・観点", "Conditions and factors"),
    "criteria": ("評価項目", "Criteria"),
    "strategies": ("戦略・テーマ", "Strategies and themes"),
    "bands": ("判定", "Bands"),
    "added": ("追加", "added"),
    "removed": ("削除", "removed"),
    "changed": ("変更", "changed"),
    "renamed": ("ID変更", "renamed"),
    "renamed_from": ("旧ID", "was"),
    "in_section": ("条件・観点", "in"),
    "field": ("項目", "field"),
    "old": ("変更前", "old"),
    "new": ("変更後", "new"),
    "impact": ("自治体への影響", "Impact on towns"),
    "towns": ("自治体数", "towns"),
    "band_summary": ("判定", "Band"),
    "score_summary": ("総合点", "Score"),
    "up": ("上昇", "up"),
    "down": ("低下", "down"),
    "same": ("変化なし", "unchanged"),
    "town": ("自治体", "Town"),
    "score": ("総合点", "Score"),
    "delta": ("差", "Change"),
    "band": ("判定", "Band"),
    "rank": ("順位", "Rank"),
    "moved_by": ("変化の要因", "Moved by"),
    "reweighted": ("配点の再配分", "reweighting"),
    "more": ("ほか{n}件", "{n} more"),
    "none": ("なし", "none"),
    "yes": ("はい", "yes"),
    "no": ("いいえ", "no"),
}


def w(key: str, lang: Lang) -> str:
    return pick(_WORDS[key], lang)


def section_name(item: ItemChange, lang: Lang) -> str:
    """A criterion's section as a report shows it: its label in Japanese (no bare id), its id
    in English (as the criteria file writes it)."""
    if lang == "ja" and item.section_label is not None:
        return item.section_label["ja"]
    return item.section or ""


def driver_name(driver: Driver, lang: Lang) -> str:
    """A criterion that moved a score: its label in Japanese, its id in English."""
    if lang == "ja" and driver.label is not None:
        return driver.label["ja"]
    return driver.id


def value_text(value: Value, lang: Lang) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return w("yes" if value else "no", lang)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return value[lang]
    return value


def pair_texts(change: FieldChange, lang: Lang) -> tuple[str, str]:
    """Old and new as text; bilingual text alike in ``lang`` is shown in the other language."""
    old, new = change.old, change.new
    if isinstance(old, dict) and isinstance(new, dict) and old[lang] == new[lang]:
        other: Lang = "en" if lang == "ja" else "ja"
        return old[other], new[other]
    return value_text(old, lang), value_text(new, lang)


def signed(value: Fraction | float) -> str:
    """A move to one decimal, rounded half up from the exact amount."""
    return f"{shown(Fraction(value)):+.1f}"
