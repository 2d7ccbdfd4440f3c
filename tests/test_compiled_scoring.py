"""The compiled scorer equals the scorer as first written, and each check plan its check.

``readiness.scoring.scorer.assess`` works in integers, runs check plans, builds its results
without their constructors and shares the results that depend only on which criteria a town
meets.  ``tests/reference_scorer.py`` is the scorer before that: the checks' own ``evaluate``,
exact fractions, everything worked out per town.  Every field and derived figure of the two
must be equal, on generated profiles under every bundled set, on random criteria sets, and on
the example and test-case profiles (which cite sources).
"""

from __future__ import annotations

import copy
import pickle
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness import assess, bundled_criteria
from readiness.criteria.check_plans import plan
from readiness.criteria.checks import AllOf, AnyOf, Count, Outcome
from readiness.criteria.model import Criteria
from readiness.profile.loading import load_profile
from readiness.profile.model import Profile
from readiness.profile.substance import substantive
from readiness.scoring import compiled as compiled_module
from readiness.scoring import scorer as scorer_module
from readiness.scoring.assessment import NEXT_BAND_LATER, Assessment
from tests import random_criteria
from tests.conftest import EXAMPLES
from tests.reference_scorer import assess as reference
from tests.reference_substance import substantive as reference_substantive
from tests.test_scoring_properties import profiles

CRITERIA = bundled_criteria()
CASES = sorted(
    (Path(random_criteria.__file__).parent.parent / "criteria" / "tests").glob("*/*.yaml")
)


def _same(a: Assessment, b: Assessment) -> None:
    assert a == b
    assert a.gaps == b.gaps
    assert a.reading_points == b.reading_points
    assert a.evidenced_points == b.evidenced_points
    assert a.evidence_coverage == b.evidence_coverage
    assert [s.gate_status for s in a.sections] == [s.gate_status for s in b.sections]
    assert a.gates_failed == b.gates_failed
    assert a.gates_not_yet_shown == b.gates_not_yet_shown


def _checks(check: Any) -> list[Any]:
    """A check and every check inside it."""
    inner = check.checks if isinstance(check, (AllOf, AnyOf)) else []
    return [check, *(c for sub in inner for c in _checks(sub))]


ALL_CHECKS = [
    check
    for criteria in CRITERIA
    for section in criteria.sections
    for criterion in section.criteria
    for check in _checks(criterion.check)
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles())
def test_every_check_plan_gives_its_checks_outcome(data: dict[str, Any]) -> None:
    profile = Profile.model_validate(data)
    for check in ALL_CHECKS:
        assert Outcome(*plan(check)(profile, {})) == check.evaluate(profile), check


LEAVES = [c for c in ALL_CHECKS if not isinstance(c, (AllOf, AnyOf))]
trees = st.recursive(
    st.sampled_from(LEAVES),
    lambda inner: st.builds(
        lambda kind, checks: (AllOf if kind == "all" else AnyOf)(kind=kind, checks=checks),
        st.sampled_from(["all", "any"]),
        st.lists(inner, min_size=1, max_size=3),
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(check=trees, data=profiles())
def test_plans_of_nested_checks_give_their_outcome(check: Any, data: dict[str, Any]) -> None:
    profile = Profile.model_validate(data)
    assert Outcome(*plan(check)(profile, {})) == check.evaluate(profile)


def test_the_bundled_checks_cover_every_kind() -> None:
    assert {c.kind for c in ALL_CHECKS} == {
        "present", "is_true", "at_least", "one_of", "count", "all", "any"
    }  # fmt: skip
    assert any(isinstance(c, Count) and c.where for c in ALL_CHECKS)


@pytest.mark.parametrize("criteria", CRITERIA, ids=lambda c: c.id)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles())
def test_compiled_scorer_equals_the_reference(criteria: Criteria, data: dict[str, Any]) -> None:
    profile = Profile.model_validate(data)
    _same(assess(criteria, profile), reference(criteria, profile))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=random_criteria.criteria_specs(), data=st.data())
def test_compiled_scorer_equals_the_reference_on_random_sets(
    spec: dict[str, Any], data: st.DataObject
) -> None:
    criteria = random_criteria.build(spec)
    n = sum(len(s["criteria"]) for s in spec["sections"])
    for _ in range(3):
        town = random_criteria.town(data.draw(st.sets(st.integers(0, n - 1))))
        _same(assess(criteria, town), reference(criteria, town))


@pytest.mark.parametrize(
    "path", [*sorted(EXAMPLES.glob("*.yaml")), *CASES], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_examples_and_cases_score_as_the_reference(path: Path) -> None:
    profile = load_profile(path)
    for criteria in CRITERIA:
        _same(
            assess(criteria, profile, profile_file="x"),
            reference(criteria, profile, profile_file="x"),
        )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles(), criteria=st.sampled_from(CRITERIA))
def test_substance_rules_equal_the_reference(data: dict[str, Any], criteria: Criteria) -> None:
    """Texts judged once and lists kept when nothing is set aside change no result."""
    profile = Profile.model_validate(data)
    strategies = frozenset(s.id for s in criteria.strategies)
    for _ in range(2):  # the second time, every text is remembered
        cleaned, findings = substantive(profile, strategies)
        expected, expected_findings = reference_substantive(profile, strategies)
        assert findings == expected_findings
        assert cleaned == expected
        assert (cleaned is profile) == (expected is profile)


def test_shared_results_survive_a_full_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Towns that meet the same criteria share results; a memo that starts again changes none."""
    monkeypatch.setattr(compiled_module, "MEMO_LIMIT", 3)
    monkeypatch.setattr(compiled_module, "OUTCOMES_LIMIT", 2)
    profile = load_profile(EXAMPLES / "koshi.yaml")
    for criteria in CRITERIA:
        first = assess(criteria, profile)
        for _ in range(4):
            _same(assess(criteria, profile), first)
        _same(first, reference(criteria, profile))


def _lazy(criteria: Criteria, profile: Profile) -> Assessment:
    """An assessment whose plan to the next band no earlier town worked out."""
    compiled_module.compiled(criteria).outcomes.clear()
    a = assess(criteria, profile)
    assert NEXT_BAND_LATER in vars(a)
    assert "next_band" not in vars(a)
    return a


@pytest.mark.parametrize("criteria", CRITERIA, ids=lambda c: c.id)
def test_the_plan_to_the_next_band_is_worked_out_on_first_read(criteria: Criteria) -> None:
    """A batch's table never reads ``next_band``: the scorer leaves the search to the first
    read, which gives the reference's plan and keeps it; a pickle or a copy of an assessment
    not read yet equals the assessment read."""
    profile = load_profile(EXAMPLES / "koshi.yaml")
    a = _lazy(criteria, profile)
    plan_ = a.next_band
    assert plan_ == reference(criteria, profile).next_band
    assert NEXT_BAND_LATER not in vars(a)
    assert a.next_band is plan_
    assert pickle.loads(pickle.dumps(_lazy(criteria, profile))) == a
    assert copy.copy(_lazy(criteria, profile)) == a
    assert _lazy(criteria, profile) == a
    with pytest.raises(AttributeError, match=r"^no_such_field$"):
        a.no_such_field  # type: ignore[attr-defined]  # noqa: B018


def test_threads_reading_the_plan_at_once_get_the_same_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two threads in the first read: both work it out (slowly, here), both get the one kept."""
    criteria = CRITERIA[0]
    a = _lazy(criteria, load_profile(EXAMPLES / "koshi.yaml"))
    search = scorer_module._next_band

    def slow(*args: Any) -> Any:
        time.sleep(0.05)
        return search(*args)

    monkeypatch.setattr(scorer_module, "_next_band", slow)
    found: list[object] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            found.append(a.next_band)
        except BaseException as e:  # any error is the failure
            errors.append(e)

    threads = [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(found) == 3
    assert all(plan_ is found[0] for plan_ in found)
    assert found[0] == reference(criteria, load_profile(EXAMPLES / "koshi.yaml")).next_band
