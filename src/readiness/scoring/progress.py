"""Progress between two profiles of one town: scores, bands, gaps closed and opened, facts
stated since, evidence added (``readiness progress OLD NEW``).

Both profiles are scored under the same criteria (by default the current set of the newer
profile's bureau), so that the change in score is the town's, not the criteria's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.criteria.model import Criteria
from readiness.profile.model import Profile
from readiness.scoring.assessment import Assessment, CriterionResult

UNKNOWN = "unknown"


@dataclass(frozen=True)
class FactChange:
    path: str
    """Dotted path in the profile, e.g. ``will.top_commitment`` or ``partners``."""
    old: Any
    """The earlier value (None: not stated)."""
    new: Any


@dataclass(frozen=True)
class Progress:
    old: Assessment
    new: Assessment
    criteria: Criteria
    closed: tuple[CriterionResult, ...]
    """Gaps of the earlier profile that the newer one meets, as they were (``adds``: the
    points of the total closing each one gave)."""
    opened: tuple[CriterionResult, ...]
    """Criteria the earlier profile met that the newer one does not."""
    remaining: tuple[CriterionResult, ...]
    """Gaps of the newer profile that were gaps already."""
    stated: tuple[FactChange, ...]
    """Facts unknown or not stated before, stated now."""
    changed: tuple[FactChange, ...]
    """Other facts whose value changed (including stated facts that became unknown)."""
    evidence_added: tuple[FactChange, ...]
    """Sources and evidence entries present now that were not before."""

    @property
    def score_change(self) -> float:
        return round(self.new.score - self.old.score, 1)

    @property
    def band_change(self) -> int:
        """Bands moved up (positive) or down (negative)."""
        return self.old.band_rank - self.new.band_rank


def read_profile(ref: str, *, encoding: str | None = None) -> Profile:
    """A profile from a file, or from ``REV:path`` in git (as ``diff`` reads criteria)."""
    from readiness.criteria.source import git_show
    from readiness.profile.loading import load_profile, load_profile_text

    if Path(ref).is_file():
        return load_profile(ref, encoding=encoding)
    rev, sep, path = ref.partition(":")
    if sep and rev and path and len(rev) > 1:  # "C:..." is a Windows drive, not a revision
        return load_profile_text(git_show(rev, path, encoding=encoding), ref)
    return load_profile(ref, encoding=encoding)  # reports the missing file


def compare(
    old: Profile, new: Profile, criteria: Criteria, old_name: str, new_name: str
) -> Progress:
    from readiness.scoring.scorer import assess

    a = assess(criteria, old, profile_file=old_name)
    b = assess(criteria, new, profile_file=new_name)
    before = {c.id: c for c in a.criteria}
    closed = tuple(
        before[c.id] for c in b.criteria if c.status == "met" and before[c.id].status != "met"
    )
    opened = tuple(c for c in b.gaps if before[c.id].status == "met")
    remaining = tuple(c for c in b.gaps if before[c.id].status != "met")
    stated, changed, evidence = facts(_data(old), _data(new))
    return Progress(a, b, criteria, closed, opened, remaining, stated, changed, evidence)


def _data(profile: Profile) -> dict[str, Any]:
    data: dict[str, Any] = profile.model_dump(mode="json", exclude_none=True)
    for key in ("schema_version", "as_of"):
        data.pop(key, None)
    return data


def _is_evidence(path: str) -> bool:
    last = path.rsplit(".", 1)[-1]
    return last == "sources" or "evidence" in last


def _leaves(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) for every fact: mappings are walked into, lists and scalars are facts."""
    if isinstance(data, dict) and not _is_evidence(prefix):
        for key, value in data.items():
            yield from _leaves(value, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, data


def _evidence(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(path, entry) for every source and evidence entry, wherever it is in the profile."""
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if _is_evidence(path):
                for entry in value if isinstance(value, list) else [value]:
                    yield path, entry
            else:
                yield from _evidence(value, path)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            key = item.get("id") if isinstance(item, dict) else None
            yield from _evidence(item, f"{prefix}[{key if key is not None else i}]")


def facts(
    old: dict[str, Any], new: dict[str, Any]
) -> tuple[tuple[FactChange, ...], tuple[FactChange, ...], tuple[FactChange, ...]]:
    """(stated, changed, evidence added) between two profiles' data, in the newer's order."""
    before = dict(_leaves(old))
    stated: list[FactChange] = []
    changed: list[FactChange] = []
    for path, value in _leaves(new):
        if _is_evidence(path):
            continue
        was = before.get(path)
        if value == was:
            continue
        if was in (None, UNKNOWN) and value not in (None, UNKNOWN):
            stated.append(FactChange(path, was, value))
        else:
            changed.append(FactChange(path, was, value))
    earlier = {(p, _key(e)) for p, e in _evidence(old)}
    added = tuple(FactChange(p, None, e) for p, e in _evidence(new) if (p, _key(e)) not in earlier)
    return tuple(stated), tuple(changed), added


def _key(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)
