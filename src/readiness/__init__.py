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
    "Assessment": "readiness.assessment",
    "Criteria": "readiness.criteria_model",
    "Diagnostic": "readiness.diagnostics",
    "Profile": "readiness.profile",
    "ReadinessError": "readiness.diagnostics",
    "assess": "readiness.scorer",
    "bundled_criteria": "readiness.bundled",
    "criteria_for_profile": "readiness.bundled",
    "load_criteria": "readiness.loading",
    "load_profile": "readiness.loading",
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
    from readiness.assessment import Assessment as Assessment
    from readiness.bundled import (
        bundled_criteria as bundled_criteria,
    )
    from readiness.bundled import (
        criteria_for_profile as criteria_for_profile,
    )
    from readiness.criteria_model import Criteria as Criteria
    from readiness.diagnostics import Diagnostic as Diagnostic
    from readiness.diagnostics import ReadinessError as ReadinessError
    from readiness.loading import load_criteria as load_criteria
    from readiness.loading import load_profile as load_profile
    from readiness.profile import Profile as Profile
    from readiness.scorer import assess as assess


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'readiness' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
