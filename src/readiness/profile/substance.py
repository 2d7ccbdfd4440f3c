"""Substance rules: what a profile states, read for what it says rather than for filled fields.

A profile that loads may still say little.  Before scoring, :func:`substantive` gives the
profile as the criteria should read it, and a finding for each thing it set aside:

``too-short``
    Text with fewer than two letters (``a``, ``-x-``) or one letter repeated (``aaa``) carries
    no meaning: it counts as not stated.  A list item whose name or title is too short (a
    partner named ``a``) is left out.
``duplicate``
    The same partner, issue, initiative, programme use, action, firm or piece of evidence
    twice, after normalisation (NFKC, case, spaces and punctuation ignored), counts once.
``near-catalogue``
    A programme the catalogue lacks whose name is close to a catalogue entry's (a misspelling?)
    counts as written, with a did-you-mean; one whose name is too short is left out.
``too-many-strategies``
    An initiative claims at most one strategy of the criteria set per substantive action (at
    least one): claiming every strategy with one action does not earn full strategy fit.  The
    first claims, in the order written, are kept.

Placeholders (``検討中``, ``○○課``, ``TBD``) never get this far: loading refuses them (see
:mod:`readiness.profile.placeholders`).  Each rule is monotone for substantive facts: adding a
distinct, meaningful fact never removes one the criteria read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from readiness.input.fieldpaths import Loc
from readiness.profile.bilingual import Text
from readiness.profile.model import Initiative, Profile, Record
from readiness.profile.placeholders import plainly_meaningful, same_key, too_short
from readiness.profile.programmes import Programme, catalogue, near_miss

# Fields whose text is an id or a fixed word, never prose to judge.
_NOT_PROSE = frozenset(
    {"id", "addresses", "serves", "initiatives", "programme", "type", "commitment", "code",
     "bureau", "top_commitment", "name_en", "prefecture"}
)  # fmt: skip
# For a list of records: the field that names an item (too short: the item is left out) and
# the fields that make two items the same entry.
_NAMED_BY = {"issues": "title", "initiatives": "title", "partners": "name", "kpis": "indicator",
             "bureau_cooperation": "what"}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """Something the scoring set aside, at a place in the profile."""

    loc: Loc
    code: str
    message: Text
    line: int | None = None
    column: int | None = None


def substantive(
    profile: Profile, strategies: frozenset[str] = frozenset()
) -> tuple[Profile, tuple[Finding, ...]]:
    """The profile as the criteria read it, and what was set aside (see the module doc)."""
    findings: list[Finding] = []
    values = profile.__dict__  # the fields: faster than getattr on a pydantic model
    update: dict[str, Any] = {
        "will": _clean(values["will"], ("will",), findings),
        "record": _programme_names(_clean(values["record"], ("record",), findings), findings),
    }
    for name in ("issues", "initiatives", "partners"):
        value = values[name]
        if isinstance(value, list):
            update[name] = _clean_list(value, (name,), name, findings)
    if strategies and isinstance(update.get("initiatives"), list):
        update["initiatives"] = _limit_all(update["initiatives"], strategies, findings)
    # Most profiles lose nothing: then they are read as they are, without a copy.  Each step
    # gives back the very object it was given when it changed nothing.
    unchanged = all(value is values[name] for name, value in update.items())
    cleaned = profile if unchanged else profile.model_copy(update=update)
    if len(findings) > 1:
        findings.sort(key=lambda f: _order(f.loc))
    return cleaned, tuple(findings)


def _order(loc: Loc) -> tuple[tuple[int, str], ...]:
    return tuple((0, f"{p:09d}") if isinstance(p, int) else (1, p) for p in loc)


_PROSE: dict[type[BaseModel], tuple[str, ...]] = {}


def _prose_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that may hold prose, a list or a record, worked out once per
    class rather than for each field of each town: not those of :data:`_NOT_PROSE`, nor those
    whose type admits no text but ``unknown`` (dates, numbers, yes or no), which pydantic
    validated and a frozen model keeps."""
    names = _PROSE.get(cls)
    if names is None:
        names = tuple(
            name
            for name, field in cls.model_fields.items()
            if name not in _NOT_PROSE and _may_hold_prose(field.annotation)
        )
        _PROSE[cls] = names
    return names


def _may_hold_prose(annotation: Any) -> bool:
    """Whether a value of this type may be text other than ``unknown``, a list or a record."""
    if annotation in (bool, int, float, dt.date, type(None)):
        return False
    if get_origin(annotation) is Literal:
        return any(isinstance(a, str) and a != "unknown" for a in get_args(annotation))
    if get_origin(annotation) in (Annotated, Union, UnionType):
        args = get_args(annotation)
        return any(map(_may_hold_prose, args[:1] if get_origin(annotation) is Annotated else args))
    return True  # text, a list, a record, or a type this does not know: read it


def _clean(model: Any, loc: Loc, findings: list[Finding]) -> Any:
    """The record with its too-short texts unstated and its lists cleaned (``model`` itself when
    nothing changes)."""
    if not isinstance(model, BaseModel):
        return model
    values = model.__dict__  # the fields: faster than getattr on a pydantic model
    stated = model.__pydantic_fields_set__
    update: dict[str, Any] | None = None
    names = _PROSE.get(model.__class__)
    for name in _prose_fields(model.__class__) if names is None else names:
        value = values[name]
        if value is None or name not in stated:  # None is neither text, list nor record
            continue
        if isinstance(value, str):
            # ``unknown`` is never too short (tests/test_substance.py): no need to skip it.
            short = _SHORT.get(value)
            if short is None:
                short = _judge(value)
            if short:
                findings.append(_too_short_finding((*loc, name), value))
                update = update or {}
                update[name] = None
        elif isinstance(value, list):
            if value:
                kept = _clean_list(value, (*loc, name), name, findings)
                if kept is not value:
                    update = update or {}
                    update[name] = kept
        elif isinstance(value, BaseModel):
            cleaned = _clean(value, (*loc, name), findings)
            # A record that states nothing (``timeline: {start: null}``, a team whose only
            # text was too short) is no record.
            if not _says_something(cleaned):
                update = update or {}
                update[name] = None
            elif cleaned is not value:
                update = update or {}
                update[name] = cleaned
    return model if update is None else model.model_copy(update=update)


_NOTHING: tuple[object, ...] = ("", [], ())


def _says_something(model: BaseModel) -> bool:
    values = model.__dict__
    for name in model.__pydantic_fields_set__:
        value = values[name]
        if value is not None and value not in _NOTHING:
            return True
    return False


# Whether a text is too short, and its key as an entry (:func:`too_short`, :func:`same_key`),
# each worked out once per text and only where it is needed: towns repeat their words.  Only
# short texts recur (部署, 商工会, a firm's name): a long one is not kept alive.  Each memo is
# emptied when full: 8,192 texts cost the same time as 65,536 over 10,000 generated towns and
# keep a batch's memory from growing by 1.4 KiB a town while they fill.  Callers look a text
# up in the memo themselves (a call costs more).
_SHORT: dict[str, bool] = {}
_KEY: dict[str, str] = {}
_MEMO_LONGEST = 24
_MEMO_SIZE = 8192


def _judge(text: str) -> bool:
    """:func:`too_short`, remembered for a short text."""
    # Most text opens with two different kana or kanji: then it is long enough, which its first
    # three characters prove without normalising the whole text.
    short = not plainly_meaningful(text) and too_short(text)
    if len(text) <= _MEMO_LONGEST:
        if len(_SHORT) >= _MEMO_SIZE:
            _SHORT.clear()
        _SHORT[text] = short
    return short


def _too_short(text: str) -> bool:
    short = _SHORT.get(text)
    return _judge(text) if short is None else short


def _new_key(text: str) -> str:
    """:func:`same_key`, remembered for a short text."""
    key = same_key(text)
    if len(text) <= _MEMO_LONGEST:
        if len(_KEY) >= _MEMO_SIZE:
            _KEY.clear()
        _KEY[text] = key
    return key


def _clean_list(items: list[Any], loc: Loc, name: str, findings: list[Finding]) -> list[Any]:
    """The items kept (``items`` itself when every one is kept as it is)."""
    if len(items) == 1:  # no other entry to repeat: no key needed
        return _clean_one(items, loc, name, findings)
    kept: list[Any] = []
    seen: dict[str, int] = {}
    label_field = _NAMED_BY.get(name)
    changed = False
    for index, item in enumerate(items):
        if isinstance(item, str):
            short = _SHORT.get(item)
            if short if short is not None else _judge(item):
                findings.append(_too_short_finding((*loc, index), item))
                changed = True
                continue
            key = _KEY.get(item) or _new_key(item)
        elif isinstance(item, BaseModel):
            label = item.__dict__.get(label_field) if label_field else None
            if isinstance(label, str) and _too_short(label):
                findings.append(
                    _too_short_finding((*loc, index, label_field or ""), label, dropped=True)
                )
                changed = True
                continue
            cleaned = _clean(item, (*loc, index), findings)
            changed = changed or cleaned is not item
            item = cleaned  # noqa: PLW2901 - the cleaned item is kept
            # A label that is not too short is kept as it is, and names the entry.
            if isinstance(label, str):
                key = _KEY.get(label) or _new_key(label)
            else:
                key = _entry_key(item, label_field)
        else:
            kept.append(item)
            continue
        first = seen.get(key)
        if first is not None:
            findings.append(_duplicate((*loc, index), (*loc, first)))
            changed = True
            continue
        seen[key] = index
        kept.append(item)
    return kept if changed else items


def _clean_one(items: list[Any], loc: Loc, name: str, findings: list[Finding]) -> list[Any]:
    """:func:`_clean_list` of a list of one item."""
    (item,) = items
    if isinstance(item, str):
        if not _too_short(item):
            return items
        findings.append(_too_short_finding((*loc, 0), item))
        return []
    if not isinstance(item, BaseModel):
        return items
    label_field = _NAMED_BY.get(name)
    label = item.__dict__.get(label_field) if label_field else None
    if isinstance(label, str) and _too_short(label):
        findings.append(_too_short_finding((*loc, 0, label_field or ""), label, dropped=True))
        return []
    cleaned = _clean(item, (*loc, 0), findings)
    return items if cleaned is item else [cleaned]


_SORTED: dict[type[BaseModel], tuple[str, ...]] = {}


def _entry_key(item: BaseModel, label_field: str | None) -> str:
    """Two records are one entry when their naming field agrees (a partner by its name), or,
    for records without one (a programme use), when every stated field agrees."""
    values = item.__dict__
    if label_field is not None:
        label = values[label_field]
        return _key(label) if isinstance(label, str) else same_key(str(label))
    cls = item.__class__
    names = _SORTED.get(cls)
    if names is None:  # the stated fields in sorted order are these, without sorting them
        names = _SORTED[cls] = tuple(sorted(cls.model_fields))
    stated = item.__pydantic_fields_set__
    parts = []
    for name in names:
        if name not in stated:
            continue
        value = values[name]
        if isinstance(value, list):
            value = sorted([_key(v) if isinstance(v, str) else repr(v) for v in value])
        elif isinstance(value, str):
            value = _key(value)
        parts.append(f"{name}={value!r}")
    return ";".join(parts)


def _key(text: str) -> str:
    return _KEY.get(text) or _new_key(text)


def _limit_all(
    initiatives: list[Any], strategies: frozenset[str], findings: list[Finding]
) -> list[Any]:
    """:func:`_limit_strategies` of each initiative (``initiatives`` itself if none changed)."""
    limited = None
    for index, item in enumerate(initiatives):
        if len(item.serves) <= 1:  # one strategy is always allowed: most initiatives
            continue
        new = _limit_strategies(item, strategies, ("initiatives", index), findings)
        if new is not item:
            limited = limited or list(initiatives)
            limited[index] = new
    return initiatives if limited is None else limited


def _limit_strategies(
    item: Initiative, strategies: frozenset[str], loc: Loc, findings: list[Finding]
) -> Initiative:
    actions = len(item.actions) if isinstance(item.actions, list) else 0
    allowed = max(1, actions)
    claimed = list(dict.fromkeys(s for s in item.serves if s in strategies))
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
    known = catalogue()
    kept = []
    for index, use in enumerate(uses):
        here: Loc = ("record", "programmes", index, "programme")
        if use.programme in known:
            kept.append(use)
            continue
        if _too_short(use.programme):
            findings.append(_too_short_finding(here, use.programme, dropped=True))
            continue
        kept.append(use)
        near = near_miss(use.programme)
        if near is not None:
            findings.append(_near_catalogue(here, use.programme, near))
    return record if len(kept) == len(uses) else record.model_copy(update={"programmes": kept})


# The findings' messages (tests/reference_substance.py, the rules as first written, says the
# same through these).


def _too_many_strategies(
    loc: Loc, item: Initiative, claimed: list[str], allowed: int, actions: int
) -> Finding:
    not_counted = ", ".join(claimed[allowed:])
    return Finding(
        (*loc, "serves"),
        "too-many-strategies",
        Text(
            ja=f"取組 {item.id!r} は{len(claimed)}個の戦略に資するとしていますが、"
            f"具体的な行動は{actions}件です。行動1件につき戦略1つまでを数えます"
            f"（数えないもの：{not_counted}）。",
            en=f"initiative {item.id!r} claims {len(claimed)} strategies with {actions} "
            f"concrete action(s); one strategy is counted per action (not counted: "
            f"{not_counted})",
        ),
    )


def _near_catalogue(loc: Loc, programme: str, near: Programme) -> Finding:
    return Finding(
        loc,
        "near-catalogue",
        Text(
            ja=f"{programme!r} はカタログにありません。"
            f"{near.id}（{near.name.ja}）のことですか。そうなら id で書いてください。"
            "書かれたとおりの制度として数えます。",
            en=f"{programme!r} is not in the catalogue: did you mean {near.id} "
            f"({near.name.en})? If so, write its id; it counts as written.",
        ),
    )


def _too_short_finding(loc: Loc, value: str, *, dropped: bool = False) -> Finding:
    ja_what = "この項目全体を数えません" if dropped else "記載なしとして扱います"
    en_what = "the whole entry is not counted" if dropped else "it counts as not stated"
    return Finding(
        loc,
        "too-short",
        Text(
            ja=f"{value!r} は短すぎて意味を持ちません。{ja_what}。",
            en=f"{value!r} is too short to carry meaning: {en_what}",
        ),
    )


def _duplicate(loc: Loc, first: Loc) -> Finding:
    where = _dotted(first)
    return Finding(
        loc,
        "duplicate",
        Text(
            ja=f"{where} と同じ内容です。一度だけ数えます。",
            en=f"the same entry as {where}: it counts once",
        ),
    )


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


Locate = Callable[[Loc], "tuple[int, int] | None"]


def locate_findings(findings: tuple[Finding, ...], position: Locate) -> tuple[Finding, ...]:
    """The findings with the line and column of each in the profile file."""
    out = []
    for f in findings:
        pos = position(f.loc)
        out.append(Finding(f.loc, f.code, f.message, *(pos or (None, None))))
    return tuple(out)
