from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.profile.codes import is_valid, resolve, with_check_digit
from readiness.profile.localgov import check_digit, municipalities


@pytest.fixture(scope="module")
def known() -> set[str]:
    return set(municipalities())


@pytest.mark.parametrize(
    ("typed", "completion"),
    [("042021", "as_given"), ("04202", "check_digit_added"), ("42021", "leading_zero_restored"),
     ("4202", "both_restored"), ("０４２０２", "check_digit_added"),
     ("04-202", "check_digit_added"), (" 042021 ", "as_given")],
)  # fmt: skip
def test_ishinomaki(known: set[str], typed: str, completion: str) -> None:
    r = resolve(typed, known)
    assert [(c.code, c.completion) for c in r.found] == [("042021", completion)]


def test_ambiguous_five_digits(known: set[str]) -> None:
    # 11100 + check digit = さいたま市 111007; 011100 = 札幌市 清田区
    r = resolve("11100", known)
    assert r.ambiguous
    assert sorted(c.code for c in r.found) == ["011100", "111007"]


def test_wrong_check_digit_is_refused_with_a_hint(known: set[str]) -> None:
    r = resolve("042020", known)
    assert r.found == ()
    assert r.corrected_check_digit == "042021"


@pytest.mark.parametrize("typed", ["", "abc", "1", "123", "1234567", "991234", "00000"])
def test_not_codes(known: set[str], typed: str) -> None:
    assert resolve(typed, known).found == ()


def test_notes() -> None:
    r = resolve("04202", {"042021"})
    assert r.found[0].note("ja") == "検査数字を補いました"
    assert r.found[0].note("en") == "added the check digit"


def test_every_bundled_code_is_valid_and_completes(known: set[str]) -> None:
    for code in known:
        assert is_valid(code)
        assert code in {c.code for c in resolve(code[:5], known).found}


@given(st.from_regex(r"(0[1-9]|[1-3][0-9]|4[0-7])[0-9]{3}", fullmatch=True))
def test_check_digit_property(first_five: str) -> None:
    code = with_check_digit(first_five)
    assert is_valid(code)
    assert 0 <= check_digit(first_five) <= 9
    wrong = first_five + str((int(code[5]) + 1) % 10)
    assert not is_valid(wrong)
