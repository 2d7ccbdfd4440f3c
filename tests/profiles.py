"""Profiles built in code for tests: a minimal valid one, and a helper to set nested facts."""

from __future__ import annotations

import copy
from typing import Any

from readiness.profile.loading import load_profile_text
from readiness.profile.model import Profile

MINIMAL: dict[str, Any] = {
    "schema_version": 1,
    "as_of": "2024-04-01",
    "municipality": {"name": "石巻市", "code": "042021", "prefecture": "宮城県"},
}


def with_facts(base: dict[str, Any] | None = None, **facts: Any) -> dict[str, Any]:
    """A copy of ``base`` with ``facts`` set; ``will__team`` sets ``will.team``."""
    data = copy.deepcopy(MINIMAL if base is None else base)
    for key, value in facts.items():
        *parents, last = key.split("__")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return data


def profile(**facts: Any) -> Profile:
    from readiness.profile.model import Profile as Model

    return Model.model_validate(with_facts(**facts))


def parse(text: str) -> Profile:
    return load_profile_text(text, "test.yaml")
