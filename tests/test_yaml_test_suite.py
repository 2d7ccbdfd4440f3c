"""Every case of the public YAML test suite, as a profile and as a criteria file.

No traceback, no hang: each run ends in exit 0 (a valid document) or 2 (bad input), and each
case the suite marks as an error exits 2 naming the file and the line.  All cases run
in-process; as subprocesses, ``validate`` takes all of them at once and ``assess`` a sample.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from tests.conftest import DATA, EXAMPLES, RunCli

CASES_DIR = DATA / "yaml-test-suite" / "cases"
CASES = sorted(CASES_DIR.glob("*.yaml"))
KOSHI = str(EXAMPLES / "koshi.yaml")
SECONDS_PER_CASE = 10


def test_the_vendored_suite_is_complete() -> None:
    """The cases are vendored (tests/data), so none of the tests below can silently vanish."""
    assert len(CASES) == 402


def is_error_case(path: Path) -> bool:
    return path.name.endswith(".error.yaml")


def located(path: Path) -> re.Pattern[str]:
    """A diagnostic naming ``path`` and a line (and maybe a column)."""
    return re.compile(rf"^{re.escape(str(path))}:\d+(:\d+)?: [a-z]+(-[a-z]+)* \S")


class HangError(Exception):
    pass


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail a case that runs longer than SECONDS_PER_CASE instead of hanging the suite."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise HangError(f"took longer than {SECONDS_PER_CASE}s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(SECONDS_PER_CASE)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_outcome(case: Path, exit_code: int, diagnostics: str) -> None:
    if is_error_case(case):
        assert exit_code == 2, diagnostics
        assert located(case).match(diagnostics), diagnostics
    else:
        assert exit_code in (0, 2), diagnostics
    if exit_code == 2:
        assert diagnostics.startswith(str(case)), diagnostics


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_in_process(case: Path, run_cli: RunCli) -> None:
    for kind in ("profile", "criteria"):
        result = run_cli("validate", "--kind", kind, str(case))
        check_outcome(case, result.exit_code, result.stdout)
        assert result.stdout.endswith(
            f"1 file(s) checked, {int(result.exit_code == 2)} with problems\n"
        )
    as_profile = run_cli("assess", str(case))
    check_outcome(case, as_profile.exit_code, as_profile.stderr)
    as_criteria = run_cli("assess", KOSHI, "--criteria", str(case))
    check_outcome(case, as_criteria.exit_code, as_criteria.stderr)


@pytest.mark.parametrize("kind", ["profile", "criteria"])
def test_all_cases_validated_by_one_subprocess(kind: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "validate", "--kind", kind, *map(str, CASES)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (2, "")
    lines = result.stdout.splitlines()
    assert lines[-1] == f"{len(CASES)} file(s) checked, {len(CASES)} with problems"
    for case in CASES:
        mine = [line for line in lines if line.startswith(f"{case}:")]
        assert mine[-1].startswith(f"{case}: "), mine  # the per-file summary line
        assert "problem" in mine[-1], mine
        if is_error_case(case):
            assert located(case).match(mine[0]), mine


SAMPLE = [c for c in CASES if is_error_case(c)][:3] + [c for c in CASES if not is_error_case(c)][:3]


@pytest.mark.parametrize("case", SAMPLE, ids=[c.name for c in SAMPLE])
def test_assess_subprocess_sample(case: Path) -> None:
    for args in (["assess", str(case)], ["assess", KOSHI, "--criteria", str(case)]):
        result = subprocess.run(
            [sys.executable, "-m", "readiness", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
        check_outcome(case, result.returncode, result.stderr)
        assert "Traceback" not in result.stderr
