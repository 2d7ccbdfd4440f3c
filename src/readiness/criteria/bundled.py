"""The criteria sets that ship inside the package (``readiness/data/criteria/*.yaml``), loaded."""

from __future__ import annotations

from functools import cache

from readiness.criteria.loading import load_criteria
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
            criteria_id, "unknown-criteria", f"no bundled criteria with this id; known: {known}"
        )
    return load_criteria(path)


def bundled_criteria() -> list[Criteria]:
    """Every bundled set, by bureau then version."""
    return sorted((bundled(i) for i in bundled_ids()), key=lambda c: (c.bureau, c.version))


def current_for_bureau(bureau: str) -> Criteria | None:
    # Bundled files are named ``<bureau>-<version>.yaml``: read only this bureau's.
    own = (bundled(i) for i in bundled_ids() if i.startswith(f"{bureau}-"))
    current = sorted((c for c in own if c.bureau == bureau and c.current), key=lambda c: c.version)
    return current[-1] if current else None


def criteria_for_profile(profile: Profile, source: str = "<profile>") -> Criteria:
    """The current bundled set for the profile's bureau."""
    return criteria_for_bureau(profile.municipality.served_by, source)


def criteria_for_bureau(bureau: str, source: str) -> Criteria:
    """The bureau's current bundled set, or an error naming ``source`` and the bureaus we have."""
    found = current_for_bureau(bureau)
    if found is None:
        have = ", ".join(sorted({c.bureau for c in bundled_criteria()}))
        raise ReadinessError.single(
            source,
            "no-criteria",
            f"no bundled criteria for the {bureau} bureau (bundled: {have}); "
            "pass --criteria ID or a criteria file",
        )
    return found
