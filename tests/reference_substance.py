"""The substance rules as first written, kept as the reference the faster ones must equal.

:func:`substantive` here is ``readiness.profile.substance.substantive`` before issue 16: every
text judged afresh, every list copied.  Findings and the cleaned profile must be equal.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from readiness.input.fieldpaths import Loc
from readiness.profile.model import Initiative, Profile, Record
from readiness.profile.placeholders import same_key, too_short
from readiness.profile.programmes import catalogue, near_miss
from readiness.profile.substance import (  # the message of each finding is the module's own
    _NAMED_BY,
    _NOT_PROSE,
    Finding,
    _duplicate,
    _near_catalogue,
    _too_many_strategies,
)
from readiness.profile.substance import _too_short_finding as _too_short


def substantive(
    profile: Profile, strategies: frozenset[str] = frozenset()
) -> tuple[Profile, tuple[Finding, ...]]:
    """The profile as the criteria read it, and what was set aside (see the module doc)."""
    findings: list[Finding] = []
    record = _programme_names(_clean(profile.record, ("record",), findings), findings)
    will = _clean(profile.will, ("will",), findings)
    update: dict[str, Any] = {"will": will, "record": record}
    for name in ("issues", "initiatives", "partners"):
        value = getattr(profile, name)
        if isinstance(value, list):
            update[name] = _clean_list(value, (name,), name, findings)
    if isinstance(update.get("initiatives"), list) and strategies:
        update["initiatives"] = [
            _limit_strategies(item, strategies, ("initiatives", i), findings)
            for i, item in enumerate(update["initiatives"])
        ]
    # Most profiles lose nothing: then they are read as they are, without a copy.
    unchanged = all(_same(value, getattr(profile, name)) for name, value in update.items())
    cleaned = profile if unchanged else profile.model_copy(update=update)
    return cleaned, tuple(sorted(findings, key=lambda f: _order(f.loc)))


def _order(loc: Loc) -> tuple[tuple[int, str], ...]:
    return tuple((0, f"{p:09d}") if isinstance(p, int) else (1, p) for p in loc)


def _clean(model: Any, loc: Loc, findings: list[Finding]) -> Any:
    if not isinstance(model, BaseModel):
        return model
    update: dict[str, Any] = {}
    for name in model.model_fields_set:
        if name in _NOT_PROSE:
            continue
        value = getattr(model, name)
        here = (*loc, name)
        if isinstance(value, str) and value != "unknown":
            if too_short(value):
                findings.append(_too_short(here, value))
                update[name] = None
        elif isinstance(value, list):
            kept = _clean_list(value, here, name, findings)
            if not _same(kept, value):
                update[name] = kept
        elif isinstance(value, BaseModel):
            cleaned = _clean(value, here, findings)
            # A record that states nothing (``timeline: {start: null}``, a team whose only
            # text was too short) is no record.
            if cleaned is not value or not _says_something(cleaned):
                update[name] = cleaned if _says_something(cleaned) else None
    return model.model_copy(update=update) if update else model


def _same(new: object, old: object) -> bool:
    """Whether cleaning left a value as it was: the same object, or a list of the same items."""
    if new is old:
        return True
    return (
        isinstance(new, list)
        and isinstance(old, list)
        and len(new) == len(old)
        and all(a is b for a, b in zip(new, old, strict=True))
    )


def _says_something(model: BaseModel) -> bool:
    return any(getattr(model, name) not in (None, "", [], ()) for name in model.model_fields_set)


def _clean_list(items: list[Any], loc: Loc, name: str, findings: list[Finding]) -> list[Any]:
    kept: list[Any] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        here = (*loc, index)
        if isinstance(item, str):
            if too_short(item):
                findings.append(_too_short(here, item))
                continue
            key = same_key(item)
        elif isinstance(item, BaseModel):
            label_field = _NAMED_BY.get(name)
            label = getattr(item, label_field) if label_field else None
            if isinstance(label, str) and too_short(label):
                findings.append(_too_short((*here, label_field or ""), label, dropped=True))
                continue
            item = _clean(item, here, findings)  # noqa: PLW2901 - the cleaned item is kept
            key = _entry_key(item, label_field)
        else:
            kept.append(item)
            continue
        if key in seen:
            findings.append(_duplicate(here, (*loc, seen[key])))
            continue
        seen[key] = index
        kept.append(item)
    return kept


def _entry_key(item: BaseModel, label_field: str | None) -> str:
    """Two records are one entry when their naming field agrees (a partner by its name), or,
    for records without one (a programme use), when every stated field agrees."""
    if label_field is not None:
        return same_key(str(getattr(item, label_field)))
    parts = []
    for name in sorted(item.model_fields_set):
        value = getattr(item, name)
        if isinstance(value, list):
            value = sorted(same_key(v) if isinstance(v, str) else repr(v) for v in value)
        elif isinstance(value, str):
            value = same_key(value)
        parts.append(f"{name}={value!r}")
    return ";".join(parts)


def _limit_strategies(
    item: Initiative, strategies: frozenset[str], loc: Loc, findings: list[Finding]
) -> Initiative:
    claimed = list(dict.fromkeys(s for s in item.serves if s in strategies))
    actions = len(item.actions) if isinstance(item.actions, list) else 0
    allowed = max(1, actions)
    if len(claimed) <= allowed:
        return item
    dropped = set(claimed[allowed:])
    findings.append(_too_many_strategies(loc, item, claimed, allowed, actions))
    return item.model_copy(update={"serves": [s for s in item.serves if s not in dropped]})


def _programme_names(record: Record, findings: list[Finding]) -> Record:
    """Programmes named outside the catalogue: a name too short is left out; a near miss to a
    catalogue name is flagged with a did-you-mean and counts as written."""
    uses = record.programmes
    if not isinstance(uses, list):
        return record
    kept = []
    for index, use in enumerate(uses):
        here: Loc = ("record", "programmes", index, "programme")
        if use.programme in catalogue():
            kept.append(use)
            continue
        if too_short(use.programme):
            findings.append(_too_short(here, use.programme, dropped=True))
            continue
        kept.append(use)
        near = near_miss(use.programme)
        if near is not None:
            findings.append(_near_catalogue(here, use.programme, near))
    return record if len(kept) == len(uses) else record.model_copy(update={"programmes": kept})
