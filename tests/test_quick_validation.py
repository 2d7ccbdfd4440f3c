"""The quick validator of a profile gives exactly what the model's own validator gives: the same
profile when a file is valid, the same errors (through the model's own) when it is not."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from readiness.profile import quick
from readiness.profile.model import Profile, _value_or_unknown
from tests.conftest import EXAMPLES

DATA = [yaml.safe_load(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
# Words for unknown in every spelling, values of the wrong kind, and Japanese words.
VALUES = ["unknown", "Unknown", " UNKNOWN ", "不明", " 不明 ", "unknown.", "はい", "いいえ", "なし",
          "市長", "協議中", "x", "", "2024-04-01", "令和6年4月1日", 0, 1, 2.5, -1, True, False,
          None, [], ["unknown"], {}, {"kind": "unknown"}, [{"id": "x"}]]  # fmt: skip


def _outcome(validate: Any, data: Any) -> tuple[str, Any]:
    try:
        return "valid", validate(data)
    except ValidationError as e:  # an exception in ctx is a new object each time: its repr
        return "errors", [
            {**err, "ctx": {k: repr(v) for k, v in err["ctx"].items()}} if "ctx" in err else err
            for err in e.errors(include_url=False)
        ]


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``node`` that holds a value, the root left out."""
    found = [here] if here else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*here, i))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = copy.deepcopy(value)
    return data


@pytest.mark.parametrize("data", DATA, ids=[p.stem for p in sorted(EXAMPLES.glob("*.yaml"))])
def test_the_examples_validate_to_the_same_profile(data: dict[str, Any]) -> None:
    exact = Profile.__pydantic_validator__.validate_python(data)
    fast = quick._built(Profile, _value_or_unknown).validate_python(data)
    assert type(fast) is Profile
    assert fast == exact
    assert repr(fast) == repr(exact)
    assert Profile.model_validate(data) == exact


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_a_changed_profile_validates_as_the_model_validates_it(data: st.DataObject) -> None:
    """Any value put anywhere: model_validate (quick, then the model's own if that fails) gives
    the profile or the errors of the model's own validator."""
    changed = data.draw(st.sampled_from(DATA))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(changed)))
        changed = _set(changed, path, data.draw(st.sampled_from(VALUES)))
    expected = _outcome(Profile.__pydantic_validator__.validate_python, changed)
    assert _outcome(Profile.model_validate, changed) == expected
    fast = _outcome(quick._built(Profile, _value_or_unknown).validate_python, changed)
    if expected[0] == "valid":  # the quick one alone is right whenever the file is valid
        assert fast == expected
        assert repr(fast[1]) == repr(expected[1])
    else:
        assert fast[0] == "errors"


@pytest.fixture(autouse=True)
def _quick_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """model_validate takes the quick validator from the first file on."""
    monkeypatch.setattr(quick, "AFTER", 0)


def test_the_quick_validator_is_built_after_some_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quick, "AFTER", 3)
    monkeypatch.setattr(quick, "_asked", {})
    got = [quick.quick_validator(Profile, _value_or_unknown) for _ in range(5)]
    assert got[:3] == [None, None, None]
    assert got[3] is got[4] is quick._built(Profile, _value_or_unknown)


def test_options_go_to_the_models_own_validator() -> None:
    with pytest.raises(ValidationError):
        Profile.model_validate({"schema_version": "1"}, strict=True)


def test_the_quick_validator_asks_no_discriminator() -> None:
    """Nested models too: pydantic-core would take each model's own validator, discriminators
    and all, if the quick one were built while their classes say they are complete."""
    import sys
    from types import FrameType

    data = next(d for d in DATA if d.get("will"))
    asked: list[object] = []

    def watch(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code is _value_or_unknown.__code__:
            asked.append(frame.f_locals.get("value"))

    for validate, expected in (
        (quick._built(Profile, _value_or_unknown).validate_python, False),
        (Profile.__pydantic_validator__.validate_python, True),
    ):
        asked.clear()
        sys.setprofile(watch)
        try:
            validate(data)
        finally:
            sys.setprofile(None)
        assert bool(asked) is expected
    from readiness.profile.model import Kpi, Municipality, Will

    for cls in (Profile, Municipality, Will, Kpi):  # complete again
        assert cls.__dict__["__pydantic_complete__"] is True
