"""Assess how ready a Japanese municipality is for a partnership with its regional METI bureau.

The public API is imported lazily so that ``readiness --help`` and ``--version`` stay fast:
nothing here imports pydantic or reads a criteria file until a name below is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it; resolved on first attribute access (PEP 562).
_EXPORTS = {
    "Assessment": "readiness.scoring.assessment",
    "Criteria": "readiness.criteria.model",
    "Diagnostic": "readiness.diagnostics",
    "Profile": "readiness.profile.model",
    "ReadinessError": "readiness.diagnostics",
    "assess": "readiness.scoring.scorer",
    "bundled_criteria": "readiness.criteria.bundled",
    "criteria_for_profile": "readiness.criteria.bundled",
    "load_criteria": "readiness.criteria.loading",
    "load_profile": "readiness.profile.loading",
}

__all__ = [
    "Assessment",
    "Criteria",
    "Diagnostic",
    "Profile",
    "ReadinessError",
    "__version__",
    "assess",
    "bundled_criteria",
    "criteria_for_profile",
    "load_criteria",
    "load_profile",
]

if TYPE_CHECKING:  # pragma: no cover
    from readiness.criteria.bundled import (
        bundled_criteria as bundled_criteria,
    )
    from readiness.criteria.bundled import (
        criteria_for_profile as criteria_for_profile,
    )
    from readiness.criteria.loading import load_criteria as load_criteria
    from readiness.criteria.model import Criteria as Criteria
    from readiness.diagnostics import Diagnostic as Diagnostic
    from readiness.diagnostics import ReadinessError as ReadinessError
    from readiness.profile.loading import load_profile as load_profile
    from readiness.profile.model import Profile as Profile
    from readiness.scoring.assessment import Assessment as Assessment
    from readiness.scoring.scorer import assess as assess


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'readiness' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
