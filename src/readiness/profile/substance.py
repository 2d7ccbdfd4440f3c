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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from readiness.input.fieldpaths import Loc
from readiness.profile.bilingual import Text
from readiness.profile.model import Initiative, Profile, Record
from readiness.profile.placeholders import same_key, too_short
from readiness.profile.programmes import catalogue, near_miss

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
    values = model.__dict__  # the fields: faster than getattr on a pydantic model
    update: dict[str, Any] = {}
    for name in model.__pydantic_fields_set__:
        if name in _NOT_PROSE:
            continue
        value = values[name]
        if isinstance(value, str):
            if value != "unknown" and _too_short(value):
                findings.append(_too_short_finding((*loc, name), value))
                update[name] = None
        elif isinstance(value, list):
            if value:
                kept = _clean_list(value, (*loc, name), name, findings)
                if not _same(kept, value):
                    update[name] = kept
        elif isinstance(value, BaseModel):
            cleaned = _clean(value, (*loc, name), findings)
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


_NOTHING: tuple[object, ...] = (None, "", [], ())


def _says_something(model: BaseModel) -> bool:
    values = model.__dict__
    return any(values[name] not in _NOTHING for name in model.__pydantic_fields_set__)


_READ: dict[str, tuple[bool, str]] = {}
_READ_LONGEST = 24


def _read(text: str) -> tuple[bool, str]:
    """Whether ``text`` is too short, and its key as an entry (:func:`too_short`,
    :func:`same_key`), worked out once per text: towns repeat their words."""
    found = _READ.get(text)
    if found is None:
        found = (too_short(text), same_key(text))
        # Only short texts recur (部署, 商工会, a firm's name): a long one is not kept alive.
        if len(text) <= _READ_LONGEST:
            if len(_READ) >= 65536:
                _READ.clear()
            _READ[text] = found
    return found


def _too_short(text: str) -> bool:
    return _read(text)[0]


def _clean_list(items: list[Any], loc: Loc, name: str, findings: list[Finding]) -> list[Any]:
    """The items kept (``items`` itself when every one is kept as it is)."""
    kept: list[Any] = []
    seen: dict[str, int] = {}
    label_field = _NAMED_BY.get(name)
    changed = False
    alone = len(items) == 1  # no other entry to repeat: no key needed
    for index, item in enumerate(items):
        if isinstance(item, str):
            short, key = _read(item)
            if short:
                findings.append(_too_short_finding((*loc, index), item))
                changed = True
                continue
        elif isinstance(item, BaseModel):
            label = item.__dict__.get(label_field) if label_field else None
            if isinstance(label, str):
                short, key = _read(label)
                if short:
                    findings.append(
                        _too_short_finding((*loc, index, label_field or ""), label, dropped=True)
                    )
                    changed = True
                    continue
            cleaned = _clean(item, (*loc, index), findings)
            changed = changed or cleaned is not item
            item = cleaned  # noqa: PLW2901 - the cleaned item is kept
            if alone:
                kept.append(item)
                continue
            if not isinstance(label, str):
                key = _entry_key(item, label_field)
            # else: a label that is not too short is kept as it is, and names the entry
        else:
            kept.append(item)
            continue
        if key in seen:
            findings.append(_duplicate((*loc, index), (*loc, seen[key])))
            changed = True
            continue
        seen[key] = index
        kept.append(item)
    return kept if changed else items


def _entry_key(item: BaseModel, label_field: str | None) -> str:
    """Two records are one entry when their naming field agrees (a partner by its name), or,
    for records without one (a programme use), when every stated field agrees."""
    values = item.__dict__
    if label_field is not None:
        label = values[label_field]
        return _read(label)[1] if isinstance(label, str) else same_key(str(label))
    parts = []
    for name in sorted(item.__pydantic_fields_set__):
        value = values[name]
        if isinstance(value, list):
            value = sorted(_read(v)[1] if isinstance(v, str) else repr(v) for v in value)
        elif isinstance(value, str):
            value = _read(value)[1]
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
    findings.append(
        Finding(
            (*loc, "serves"),
            "too-many-strategies",
            Text(
                ja=f"取組 {item.id!r} は{len(claimed)}個の戦略に資するとしていますが、"
                f"具体的な行動は{actions}件です。行動1件につき戦略1つまでを数えます"
                f"（数えないもの：{', '.join(claimed[allowed:])}）。",
                en=f"initiative {item.id!r} claims {len(claimed)} strategies with {actions} "
                f"concrete action(s); one strategy is counted per action (not counted: "
                f"{', '.join(claimed[allowed:])})",
            ),
        )
    )
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
        if _too_short(use.programme):
            findings.append(_too_short_finding(here, use.programme, dropped=True))
            continue
        kept.append(use)
        near = near_miss(use.programme)
        if near is not None:
            findings.append(
                Finding(
                    here,
                    "near-catalogue",
                    Text(
                        ja=f"{use.programme!r} はカタログにありません。"
                        f"{near.id}（{near.name.ja}）のことですか。そうなら id で書いてください。"
                        "書かれたとおりの制度として数えます。",
                        en=f"{use.programme!r} is not in the catalogue: did you mean {near.id} "
                        f"({near.name.en})? If so, write its id; it counts as written.",
                    ),
                )
            )
    return record if len(kept) == len(uses) else record.model_copy(update={"programmes": kept})


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
