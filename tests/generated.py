"""Profiles as ``benchmarks/generate.py`` writes them, for tests that want many realistic ones."""

from __future__ import annotations

import importlib.util
import random
from typing import Any

import yaml

from tests.conftest import ROOT


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATE = _generator()
TOWNS = GENERATE.candidates()


def generated(seed: int) -> dict[str, Any]:
    """The profile of ``seed``, before YAML."""
    rng = random.Random(seed)
    return dict(GENERATE._drop_nones(GENERATE.profile(rng, TOWNS[seed % len(TOWNS)])))


def generated_text(seed: int) -> str:
    """The profile of ``seed`` in YAML, as ``generate.py`` writes it to a file."""
    return str(yaml.safe_dump(generated(seed), allow_unicode=True, sort_keys=False, width=100))
