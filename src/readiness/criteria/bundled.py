"""The criteria sets that ship inside the package (``readiness/data/criteria/*.yaml``), loaded."""

from __future__ import annotations

import datetime as dt
from functools import cache

from readiness.criteria.cache import load_cached
from readiness.criteria.currency import set_for_date
from readiness.criteria.model import Criteria
from readiness.criteria.paths import bundled_ids, bundled_path
from readiness.diagnostics import ReadinessError
from readiness.profile.model import Profile


@cache
def bundled(criteria_id: str) -> Criteria:
    path = bundled_path(criteria_id)
    if path is None:
        known = ", ".join(bundled_ids())
        raise ReadinessError.single(
            criteria_id,
            "unknown-criteria",
            f"no bundled criteria with this id; known: {known}",
            ja=f"この id の同梱の評価基準はありません（あるもの: {known}）",
        )
    return load_cached(path)


def bundled_criteria() -> list[Criteria]:
    """Every bundled set that scores towns, by bureau then version (bases left out)."""
    sets = (bundled(i) for i in bundled_ids())
    return sorted((c for c in sets if not c.abstract), key=lambda c: (c.bureau or "", c.version))


def bureau_sets(bureau: str) -> list[Criteria]:
    """The bureau's bundled sets (files are named ``<bureau>-<version>.yaml``: only those read)."""
    own = (bundled(i) for i in bundled_ids() if i.startswith(f"{bureau}-"))
    return [c for c in own if c.bureau == bureau]


def current_for_bureau(bureau: str, on: dt.date | None = None) -> Criteria | None:
    """The bureau's set for ``on`` (default: today), chosen by the sets' periods."""
    return set_for_date(bureau_sets(bureau), on or dt.date.today())


def criteria_for_profile(profile: Profile, source: str = "<profile>") -> Criteria:
    """The bundled set for the profile's bureau on the date the profile describes."""
    return criteria_for_bureau(profile.municipality.served_by, source, profile.as_of)


def criteria_for_bureau(bureau: str, source: str, on: dt.date | None = None) -> Criteria:
    """The bureau's set for ``on``, or an error naming ``source`` and the bureaus we have."""
    found = current_for_bureau(bureau, on)
    if found is None:
        have = ", ".join(sorted({c.bureau or "" for c in bundled_criteria()}))
        raise ReadinessError.single(
            source,
            "no-criteria",
            f"no bundled criteria for the {bureau} bureau (bundled: {have}); "
            "pass --criteria ID or a criteria file",
            ja=f"{bureau} の経済産業局の同梱の評価基準はありません（同梱: {have}）。"
            "--criteria に id か評価基準ファイルを指定してください",
        )
    return found
