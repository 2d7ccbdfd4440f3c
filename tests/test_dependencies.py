"""Every dependency has a tested range: a lower bound that .ci/lowest.txt installs, an upper one."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _project() -> dict[str, object]:
    try:
        import tomllib as toml
    except ModuleNotFoundError:  # Python 3.10 (the lowest-versions job)
        import tomli as toml  # type: ignore[no-redef]
    with (ROOT / "pyproject.toml").open("rb") as f:
        project: dict[str, object] = toml.load(f)["project"]
    return project


def _lowest() -> dict[str, str]:
    pins = {}
    for raw in (ROOT / ".ci" / "lowest.txt").read_text("utf-8").splitlines():
        line = raw.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = version
    return pins


def _ranges() -> dict[str, tuple[str, str]]:
    ranges = {}
    for spec in _project()["dependencies"]:  # type: ignore[attr-defined]
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+),<([0-9.]+)(;.*)?", spec.replace(" ", ""))
        assert m, f"{spec!r}: give a range, >=LOW,<HIGH"
        ranges[m.group(1).lower()] = (m.group(2), m.group(3))
    return ranges


def test_every_dependency_has_a_lower_and_an_upper_bound() -> None:
    assert set(_ranges()) == {
        "typer", "click", "pydantic", "rich", "pyyaml", "jinja2", "openpyxl", "tomli"
    }  # fmt: skip


def test_the_lowest_versions_job_installs_every_lower_bound() -> None:
    pins = _lowest()
    for name, (low, _) in _ranges().items():
        assert name in pins, f"{name} is not pinned in .ci/lowest.txt"
        assert tuple(map(int, pins[name].split("."))) == _padded(low, len(pins[name].split(".")))


def _padded(version: str, parts: int) -> tuple[int, ...]:
    numbers = [int(x) for x in version.split(".")]
    return tuple(numbers + [0] * (parts - len(numbers)))
