"""Which facts of a profile a cited source backs, and which are marked as a reading.

A profile names its sources with ids (``sources: [{id: bureau-2019-11-05, title: …, date: …}]``)
and says which facts each states under ``citations``: a path to a fact or a whole section and
the ids that back it.  A path is dotted; a list item is named by its ``id`` or its position::

    citations:
      will.annual_review: [bureau-2019-11-05]     # one fact
      issues.agri-commerce: [bureau-2019-11-05]   # a whole issue, by its id
      record.programmes[2]: [bureau-2019-11-05]   # one programme use, by position
      partners: [council-2022]                    # every partner

``readings`` lists paths the same way: facts that are an inference, not a source's statement.
A fact is *evidenced* when a cited path covers it and no reading touches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from readiness.input.fieldpaths import Loc
from readiness.input.validation import Problem
from readiness.profile.model import Profile, Source

_PART = re.compile(r"^([^.\[\]]+)((?:\[[0-9]+\])*)$")


def parse_path(path: str) -> list[str | int] | None:
    """``record.programmes[2]`` as ``["record", "programmes", 2]``; None if malformed."""
    out: list[str | int] = []
    for part in path.split("."):
        m = _PART.match(part.strip())
        if m is None:
            return None
        out.append(m.group(1))
        out += [int(i) for i in re.findall(r"\[([0-9]+)\]", m.group(2))]
    return out


def resolve(profile: BaseModel, path: str) -> Loc | None:
    """The location a citation path names in ``profile``, or None when it names nothing.

    A name after a list picks the item with that ``id``, and a position picks by index."""
    parts = parse_path(path)
    if parts is None:
        return None
    node: Any = profile
    loc: list[str | int] = []
    for part in parts:
        if isinstance(node, list):
            index = _index(node, part)
            if index is None:
                return None
            node = node[index]
            loc.append(index)
        elif (
            isinstance(node, BaseModel)
            and isinstance(part, str)
            and part in type(node).model_fields
        ):
            node = getattr(node, part)
            loc.append(part)
        else:
            return None
    return tuple(loc)


def _index(items: list[Any], part: str | int) -> int | None:
    if isinstance(part, int):
        return part if 0 <= part < len(items) else None
    for i, item in enumerate(items):
        if getattr(item, "id", None) == part:
            return i
    return None


def cited_sources(profile: Profile) -> dict[str, Source]:
    return {s.id: s for s in profile.sources if isinstance(s, Source)}


@dataclass(frozen=True)
class EvidenceMap:
    """The profile's citations and readings, as locations."""

    cited: tuple[Loc, ...]
    readings: tuple[Loc, ...]

    def evidenced(self, loc: Loc) -> bool:
        """A cited path covers ``loc`` and no reading overlaps it."""
        if any(_overlaps(r, loc) for r in self.readings):
            return False
        return any(loc[: len(c)] == c for c in self.cited)

    def is_reading(self, loc: Loc) -> bool:
        return any(_overlaps(r, loc) for r in self.readings)


def _overlaps(a: Loc, b: Loc) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def evidence_map(profile: Profile) -> EvidenceMap:
    sources = cited_sources(profile)
    cited = []
    for path, ids in profile.citations.items():
        loc = resolve(profile, path)
        if loc is not None and ids and all(i in sources for i in ids):
            cited.append(loc)
    readings = [loc for path in profile.readings if (loc := resolve(profile, path)) is not None]
    return EvidenceMap(tuple(cited), tuple(readings))


def evidence_problems(profile: Profile) -> list[Problem]:
    """Citations and readings that name nothing, and citations of unknown sources."""
    sources = cited_sources(profile)
    problems = []
    for path, ids in profile.citations.items():
        at = ("citations", path)
        if resolve(profile, path) is None:
            problems.append(Problem(at, "bad-citation", *_names_nothing(path)))
        for j, ident in enumerate(ids):
            if ident not in sources:
                known = ", ".join(sorted(sources)) or "none; give sources an id"
                known_ja = "、".join(sorted(sources)) or "なし。出典に id を付けてください"
                problems.append(
                    Problem((*at, j), "bad-citation",
                            f"no source with id {ident!r} (sources with ids: {known})",
                            f"id {ident!r} の出典はありません（id のある出典: {known_ja}）")
                )  # fmt: skip
    for i, path in enumerate(profile.readings):
        if resolve(profile, path) is None:
            problems.append(Problem(("readings", i), "bad-reading", *_names_nothing(path)))
    return problems


def _names_nothing(path: str) -> tuple[str, str]:
    """The English and the Japanese."""
    return (
        f"{path!r} names no fact of this profile; write a dotted path such as "
        "will.annual_review, issues.ID or record.programmes[0]",
        f"{path!r} はこのプロファイルの事実を指していません。will.annual_review、issues.ID、"
        "record.programmes[0] のように点でつないだパスを書いてください",
    )
