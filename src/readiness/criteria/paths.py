"""Where the bundled criteria files are (``readiness/data/criteria``), found without loading them.

Kept apart from :mod:`readiness.criteria.bundled` (the loaded sets) so that loading a file, and
resolving the parent an ``extends:`` names, can look up a bundled id without a cycle.
"""

from __future__ import annotations

from pathlib import Path

CRITERIA_DIR = Path(__file__).parent.parent / "data" / "criteria"


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in CRITERIA_DIR.glob("*.yaml"))


def bundled_path(ref: str) -> Path | None:
    """The bundled file for an id, or None when ``ref`` is not a bundled id."""
    if "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml")):
        return None
    path = CRITERIA_DIR / f"{ref}.yaml"
    return path if path.is_file() else None
