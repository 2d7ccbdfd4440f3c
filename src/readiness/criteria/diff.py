"""The difference in meaning between two criteria sets, matched by id rather than by line.

Sections, criteria, strategies and bands are matched by id.  An item present only in the new
set is *added*, only in the old set *removed*; an item in both whose definition differs is
*changed*, with one :class:`FieldChange` per differing field.  A removed and an added item whose
content is identical apart from the id are reported as one *rename*; for bands, a removed and an
added band with the same ``min`` are one rename (with any change of label shown).  Unchanged
items are not listed, so two identical sets give an empty diff.

Checks are compared by meaning: lists whose order means nothing (``values``, ``in``, the checks
of ``all`` and ``any``, the fields of ``where``) are sorted, and numbers are compared and shown
exactly as written (``0.5`` and ``0.5000004`` differ).  The order of bands is their ``min``s',
so it is not compared apart from them.  A diff that is empty therefore never comes with a
different score for any town.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from readiness.criteria.model import Band, Criteria, Criterion, Section, Source, Strategy
from readiness.profile.bilingual import Text
from readiness.profile.nfkc import nfkc

ChangeKind = Literal["added", "removed", "changed", "renamed"]
Value = str | float | bool | dict[str, str] | None
"""A field's value as shown: plain text, a number, a flag, or ``{ja, en}`` for bilingual text."""


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Value
    new: Value


@dataclass(frozen=True)
class ItemChange:
    kind: ChangeKind
    id: str
    """The id in the new set (in the old set for a removed item)."""
    old_id: str | None = None
    """The id in the old set when it differs (a rename)."""
    section: str | None = None
    """For a criterion: its section (in the new set, or the old one when removed)."""
    label: dict[str, str] | None = None
    changes: tuple[FieldChange, ...] = ()
    """The fields that differ; for an added or removed item, its defining fields."""
    section_label: dict[str, str] | None = field(default=None, compare=False)
    """For a criterion: its section's label, shown in Japanese reports instead of the id."""


@dataclass(frozen=True)
class CriteriaDiff:
    old_id: str
    new_id: str
    meta: tuple[FieldChange, ...]
    """Version, bureau, period, title, what strategies are called."""
    sources: tuple[ItemChange, ...]
    sections: tuple[ItemChange, ...]
    criteria: tuple[ItemChange, ...]
    strategies: tuple[ItemChange, ...]
    bands: tuple[ItemChange, ...]

    @property
    def empty(self) -> bool:
        return not (
            self.meta
            or self.sources
            or self.sections
            or self.criteria
            or self.strategies
            or self.bands
        )

    def criterion_renames(self) -> dict[str, str]:
        """New criterion id -> old id, for renamed criteria."""
        return {c.id: c.old_id for c in self.criteria if c.old_id is not None}


def check_text(check: BaseModel) -> str:
    """A check as one line of flow-style text, e.g. ``{kind: present, field: will.team}``.

    Unordered lists are sorted, so two checks that mean the same give the same text.
    """
    return _flow(_normal(check.model_dump(mode="json", by_alias=True, exclude_defaults=True)))


_UNORDERED = frozenset({"values", "in", "checks"})
"""Lists whose order means nothing: any listed value matches; all and any are commutative."""


def _normal(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        fields = {k: _normal(v, k) for k, v in value.items()}
        return dict(sorted(fields.items())) if key == "where" else fields
    if isinstance(value, list):
        items = [_normal(v) for v in value]
        if key in _UNORDERED:
            return sorted(items, key=lambda v: (type(v).__name__, _flow(v)))
        return items
    return value


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _number(value: float) -> str:
    """A number exactly as written: ``2``, ``0.5``, ``0.5000004`` (never rounded for display)."""
    return str(int(value)) if value.is_integer() else repr(value)


def _text(text: Text) -> dict[str, str]:
    return {"ja": text.ja, "en": text.en}


def _num(value: float | None) -> float | None:
    return None if value is None else float(value)


# Each kind of item: the fields that define it, as shown values, in the order they are reported.
Fields = dict[str, Value]


def _section_fields(s: Section) -> Fields:
    return {
        "kind": s.kind,
        "label": _text(s.label),
        "official": s.official,
        "weight": float(s.weight),
        "gate": _num(s.gate),
    }


def _criterion_fields(c: Criterion, section: str) -> Fields:
    return {
        "section": section,
        "label": _text(c.label),
        "official": c.official,
        "basis": c.basis,
        "required": c.required,
        "points": float(c.points),
        "check": check_text(c.check),
        "recommendation": _text(c.recommendation),
    }


def _strategy_fields(s: Strategy) -> Fields:
    return {"label": _text(s.label), "official": s.official}


def _band_fields(b: Band) -> Fields:
    return {
        "label": _text(b.label),
        "min": float(b.min),
        "requires_gates": b.requires_gates,
        "min_evidence": _num(b.min_evidence),
    }


def _source_text(s: Source) -> str:
    parts = [s.publisher, f"「{s.title}」", str(s.date)]
    if s.url:
        parts.append(s.url)
    return " ".join(parts)


T = TypeVar("T")


def _match(
    old: Sequence[T],
    new: Sequence[T],
    ident: Callable[[T], str],
    fields: Callable[[T, bool], Fields],
    extra: Callable[[T], dict[str, Any]],
    *,
    twin: Callable[[T, bool], Any] | None = None,
) -> list[ItemChange]:
    """Items of the new order first (changed, renamed, added), then the removed ones.

    ``fields(item, is_new)`` gives an item's defining fields; ``extra`` the ItemChange
    attributes (section, label) to show with it.  A removed and an added item are one rename
    when their fields are equal, or when ``twin`` is given, when ``twin`` gives them the same
    value (the rename then lists the fields that differ).
    """
    same = twin or fields
    old_by_id = {ident(o): o for o in old}
    new_ids = {ident(n) for n in new}
    removed = [o for o in old if ident(o) not in new_ids]
    out: list[ItemChange] = []
    renamed_from: set[str] = set()
    for item in new:
        key = ident(item)
        after = fields(item, True)
        if key in old_by_id:
            before = fields(old_by_id[key], False)
            changes = _changes(before, after)
            if changes:
                out.append(ItemChange("changed", key, changes=changes, **extra(item)))
            continue
        match = next(
            (
                o
                for o in removed
                if ident(o) not in renamed_from and same(o, False) == same(item, True)
            ),
            None,
        )
        if match is not None:
            renamed_from.add(ident(match))
            changes = _changes(fields(match, False), after)
            out.append(
                ItemChange("renamed", key, old_id=ident(match), changes=changes, **extra(item))
            )
        else:
            shown = tuple(FieldChange(k, None, v) for k, v in _shown(after).items())
            out.append(ItemChange("added", key, changes=shown, **extra(item)))
    for item in removed:
        if ident(item) in renamed_from:
            continue
        shown = tuple(FieldChange(k, v, None) for k, v in _shown(fields(item, False)).items())
        out.append(ItemChange("removed", ident(item), changes=shown, **extra(item)))
    return out


def _shown(fields: Fields) -> Fields:
    """The fields worth showing for an added or removed item (its label is shown with its id)."""
    return {k: v for k, v in fields.items() if v is not None and k not in ("label", "section")}


def _changes(before: Fields, after: Fields) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(k, before[k], after[k]) for k in after if before[k] != after[k])


def diff_criteria(old: Criteria, new: Criteria) -> CriteriaDiff:
    """What changed in meaning from ``old`` to ``new``; empty when they mean the same."""
    sections = _match(
        old.sections,
        new.sections,
        lambda s: s.id,
        lambda s, _: _section_fields(s),
        lambda s: {"label": _text(s.label)},
    )
    # A criterion's section is compared through section renames, so renaming a section does not
    # make every criterion in it look moved.
    section_renamed = {c.old_id: c.id for c in sections if c.old_id is not None}

    def criterion_fields(pair: tuple[Section, Criterion], is_new: bool) -> Fields:
        section, criterion = pair
        sid = section.id if is_new else section_renamed.get(section.id, section.id)
        return _criterion_fields(criterion, sid)

    criteria = _match(
        old.all_criteria(),
        new.all_criteria(),
        lambda p: p[1].id,
        criterion_fields,
        lambda p: {
            "section": p[0].id,
            "label": _text(p[1].label),
            "section_label": _text(p[0].label),
        },
    )
    strategies = _match(
        old.strategies,
        new.strategies,
        lambda s: s.id,
        lambda s, _: _strategy_fields(s),
        lambda s: {"label": _text(s.label)},
    )
    bands = _match(
        old.bands,
        new.bands,
        lambda b: b.id,
        lambda b, _: _band_fields(b),
        lambda b: {"label": _text(b.label)},
        twin=lambda b, _: float(b.min),
    )
    old_sources = [_source_text(s) for s in old.sources]
    new_sources = [_source_text(s) for s in new.sources]
    sources = [ItemChange("added", s) for s in new_sources if s not in old_sources] + [
        ItemChange("removed", s) for s in old_sources if s not in new_sources
    ]
    return CriteriaDiff(
        old_id=old.id,
        new_id=new.id,
        meta=_changes(_meta_fields(old), _meta_fields(new)),
        sources=tuple(sources),
        sections=tuple(sections),
        criteria=tuple(criteria),
        strategies=tuple(strategies),
        bands=tuple(bands),
    )


def _meta_fields(c: Criteria) -> Fields:
    return {
        "id": c.id,
        "bureau": c.bureau,
        "version": c.version,
        "title": _text(c.title),
        "synthesis": _text(c.synthesis) if c.synthesis else None,
        "description": _text(c.description) if c.description else None,
        "period.start": c.period.start.isoformat() if c.period.start else None,
        "period.end": c.period.end.isoformat() if c.period.end else None,
        "strategy_label": _text(c.strategy_label),
    }


Segment = tuple[Literal["same", "removed", "added"], str]


def _width_free(text: str) -> list[str]:
    return [nfkc(c) for c in text]


def wording_diff(old: str, new: str) -> list[Segment]:
    """The characters kept, removed and added from ``old`` to ``new`` (for Japanese wording).

    Characters are compared in NFKC form, so full-width ``（`` and half-width ``(`` count as the
    same character (kept text is shown as ``new`` has it).  A single kept character between two
    changes is folded into them, and texts with no common run of ``_MIN_RUN`` characters are
    shown as one removal and one addition: scattered one-character matches are harder to read
    than the two sentences.
    """
    matcher = difflib.SequenceMatcher(None, _width_free(old), _width_free(new), autojunk=False)
    longest = max((b.size for b in matcher.get_matching_blocks()), default=0)
    if longest < _MIN_RUN and old != new:
        return [("removed", old), ("added", new)]
    removed, added, out = "", "", []
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        inside = 0 < index < len(opcodes) - 1
        if op == "equal" and not (inside and i2 - i1 < 2):
            out += _flush(removed, added)
            removed, added = "", ""
            out.append(("same", new[j1:j2]))
        else:
            removed += old[i1:i2]
            added += new[j1:j2]
    return out + _flush(removed, added)


_MIN_RUN = 4


def _flush(removed: str, added: str) -> list[Segment]:
    out: list[Segment] = []
    if removed:
        out.append(("removed", removed))
    if added:
        out.append(("added", added))
    return out
