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

__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:  # pragma: no cover
    from readiness.assessment import Assessment
    from readiness.bundled import bundled_criteria, criteria_for_profile
    from readiness.criteria_model import Criteria
    from readiness.diagnostics import Diagnostic, ReadinessError
    from readiness.loading import load_criteria, load_profile
    from readiness.profile import Profile
    from readiness.scorer import assess


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'readiness' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
