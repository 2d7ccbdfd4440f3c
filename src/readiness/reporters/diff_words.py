"""The fixed words of the diff reports in Japanese and English, and how values are shown."""

from __future__ import annotations

from fractions import Fraction

from readiness.criteria.diff import FieldChange, ItemChange, Value
from readiness.messages import Lang, pick, table
from readiness.scoring.impact import Driver
from readiness.scoring.points import shown

_WORDS: dict[str, tuple[str, str]] = table("diff")


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
