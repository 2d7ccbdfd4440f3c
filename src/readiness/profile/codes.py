"""Complete a local government code (全国地方公共団体コード, JIS X 0402) as people type it.

A full code is 6 digits: prefecture (2), municipality (3), check digit (1).  People also type:

* the 5-digit code without its check digit (``04202`` for 石巻市 ``042021``), which is how
  many statistics tables (e-Stat, 総務省) print it;
* a code whose leading zero a spreadsheet dropped: ``42021`` for ``042021`` (prefectures
  01–09), or ``4202`` when the check digit was missing as well.

Rules (digits are NFKC-normalised first, so full-width ０４２０２ works; spaces and hyphens
are dropped):

========  ==============================================================================
length    candidates, in this order
========  ==============================================================================
6         the code itself, if its check digit is right; otherwise an error
5         A ``D + check(D)`` (check digit missing) and B ``"0" + D`` if its check digit is
          right (leading zero lost); both only if the prefecture is 01–47
4         ``"0" + D + check("0" + D)`` (leading zero and check digit both lost)
other     an error
========  ==============================================================================

Candidates are then looked up in the municipality list.  Exactly one known candidate: it is the
answer, and ``completion`` says what was done.  Two known candidates (a 5-digit string read both
ways): ambiguous, both are reported.  No known candidate: an error naming the well-formed ones.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from typing import Literal

from readiness.messages import table
from readiness.profile.localgov import check_digit
from readiness.profile.nfkc import nfkc

Completion = Literal["as_given", "check_digit_added", "leading_zero_restored", "both_restored"]

_MESSAGES: dict[str, tuple[str, str]] = table("codes")


def with_check_digit(first_five: str) -> str:
    return first_five + str(check_digit(first_five))


def is_valid(code: str) -> bool:
    return (
        len(code) == 6 and code.isascii() and code.isdigit()
        and int(code[5]) == check_digit(code[:5])
        and 1 <= int(code[:2]) <= 47
    )  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    code: str
    completion: Completion

    def note(self, lang: Literal["ja", "en"]) -> str:
        """What was completed, e.g. ``04202 → 042021 (added the check digit)``; '' if nothing."""
        ja, en = _MESSAGES[self.completion]
        return ja if lang == "ja" else en


def candidates(typed: str) -> list[Candidate]:
    """Well-formed 6-digit codes ``typed`` may stand for (not yet checked against the list)."""
    digits = re.sub(r"[\s\-‐－ー]", "", nfkc(typed))
    if not (digits.isascii() and digits.isdigit()):
        return []
    found: list[Candidate] = []
    if len(digits) == 6:
        found.append(Candidate(digits, "as_given"))
    elif len(digits) == 5:
        found.append(Candidate(with_check_digit(digits), "check_digit_added"))
        found.append(Candidate("0" + digits, "leading_zero_restored"))
    elif len(digits) == 4:
        found.append(Candidate(with_check_digit("0" + digits), "both_restored"))
    return [c for c in found if is_valid(c.code)]


@dataclass(frozen=True)
class Resolved:
    """The outcome of ``resolve``: ``found`` (0, 1 or 2 known codes) and what was tried."""

    typed: str
    found: tuple[Candidate, ...]
    tried: tuple[Candidate, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.found) > 1

    @property
    def corrected_check_digit(self) -> str | None:
        """For 6 digits with a wrong check digit: the code with the right one (a hint only)."""
        digits = re.sub(r"[\s\-‐－ー]", "", nfkc(self.typed))
        if len(digits) == 6 and digits.isascii() and digits.isdigit() and not is_valid(digits):
            fixed = with_check_digit(digits[:5])
            return fixed if is_valid(fixed) else None
        return None


def resolve(typed: str, known: Container[str]) -> Resolved:
    tried = candidates(typed)
    return Resolved(typed, tuple(c for c in tried if c.code in known), tuple(tried))
