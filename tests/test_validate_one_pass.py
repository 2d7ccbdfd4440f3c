"""A profile with type errors still has its ids and references checked: one pass shows all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, RunCli

KOSHI = (EXAMPLES / "koshi.yaml").read_text("utf-8")
TYPE_ERROR = ("  staff_fte: unknown", "  staff_fte: lots")


def position(text: str, needle: str) -> str:
    index = text.rindex(needle)  # the last: the edit
    return f"{text.count(chr(10), 0, index) + 1}:{index - text.rfind(chr(10), 0, index)}"


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [("    addresses: [startup]", "    addresses: [startupp]", "startupp",
      "bad-reference initiative 'startup-support' addresses no issue with id 'startupp'"),
     ("  - id: agri-commerce\n", "  - id: startup\n", "startup\n",
      "duplicate-id issue id 'startup' is used twice"),
     ("partners: unknown", "partners:\n  - name: 合志市商工会\n    type: chamber\n"
      "    commitment: named\n    initiatives: [nothing-here]", "nothing-here",
      "bad-reference partner '合志市商工会' joins no initiative with id 'nothing-here'")],
    ids=["dangling issue reference", "duplicate issue id", "dangling initiative reference"],
)  # fmt: skip
def test_a_reference_shows_with_a_type_error(
    old: str, new: str, needle: str, expected: str, *, tmp_path: Path, run_cli: RunCli
) -> None:
    assert old in KOSHI
    text = KOSHI.replace(old, new, 1).replace(*TYPE_ERROR, 1)
    path = tmp_path / "town.yaml"
    path.write_text(text, "utf-8")
    result = run_cli("validate", str(path))
    assert result.exit_code == 2
    problems = [line for line in result.stdout.splitlines() if line.startswith(str(path) + ":")]
    assert f"{path}:{position(text, needle)}: {expected}" in problems
    assert problems[0] == (
        f"{path}:{position(text, 'lots')}: bad-type will.staff_fte: expected a number "
        "(or `unknown`), got 'lots'"
    )


def test_references_into_a_broken_list_are_not_judged(tmp_path: Path, run_cli: RunCli) -> None:
    """With `issues` itself wrong, every reference to an issue would look dangling: not shown."""
    text = KOSHI.replace("issues:\n  - id: startup", "issues: 5\nold_issues:\n  - id: startup", 1)
    path = tmp_path / "town.yaml"
    path.write_text(text, "utf-8")
    result = run_cli("validate", str(path))
    assert result.exit_code == 2
    assert "bad-reference" not in result.stdout
