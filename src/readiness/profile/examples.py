"""The example profiles that ship with readiness (``examples/*.yaml`` in the source tree).

Wheels carry them inside the package (``readiness/data/examples``, see pyproject.toml) so that the
bundled criteria's test cases run from an installed copy; a source checkout reads them from
the repository's ``examples/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent.parent  # readiness/


def examples_dir() -> Path | None:
    """Where the example profiles are, or None when this installation has none."""
    for candidate in (_PACKAGE / "data" / "examples", _PACKAGE.parent.parent / "examples"):
        if candidate.is_dir():
            return candidate
    return None


def example_path(name: str) -> Path | None:
    """The example profile called ``name`` (``ishinomaki``), or None when it is not there."""
    folder = examples_dir()
    if folder is None:
        return None
    path = folder / f"{name}.yaml"
    return path if path.is_file() else None


def example_names() -> list[str]:
    folder = examples_dir()
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder else []
