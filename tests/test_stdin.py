"""``-`` reads a profile from standard input, named ``<stdin>`` or ``--stdin-filename``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from readiness.input.yamlload import MAX_FILE_BYTES
from tests.conftest import EXAMPLES, ROOT, RunCli

KOSHI = (EXAMPLES / "koshi.yaml").read_text("utf-8")
TYPO = KOSHI.replace("  name_en: Koshi\n", "  name_en: Koshi\n  nme: x\n")
TYPO_LINE = ":9:3: unknown-field unknown field 'nme' in municipality: did you mean 'name'?"


def test_a_piped_profile_is_assessed_like_the_file() -> None:
    """The issue's own command: ``cat examples/koshi.yaml | readiness assess -``."""
    proc = subprocess.run(
        f"cat examples/koshi.yaml | {sys.executable} -m readiness assess - -f json",
        shell=True, cwd=ROOT, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    from_file = subprocess.run(
        [sys.executable, "-m", "readiness", "assess", "examples/koshi.yaml", "-f", "json"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    piped, direct = json.loads(proc.stdout), json.loads(from_file.stdout)
    assert piped["profile"] == "<stdin>"
    assert direct["profile"] == "examples/koshi.yaml"
    piped.pop("profile")
    direct.pop("profile")
    assert piped == direct


@pytest.mark.parametrize(
    ("args", "name"),
    [([], "<stdin>"), (["--stdin-filename", "towns/koshi.yaml"], "towns/koshi.yaml")],
)
def test_assess_names_stdin_in_diagnostics(run_cli: RunCli, args: list[str], name: str) -> None:
    result = run_cli("assess", "-", *args, input=TYPO)
    assert result.exit_code == 2
    assert result.stderr == f"{name}{TYPO_LINE}\n"


def test_validate_reads_stdin_among_files(run_cli: RunCli) -> None:
    result = run_cli("validate", str(EXAMPLES / "ishinomaki.yaml"), "-", input=TYPO)
    assert result.exit_code == 2
    assert f"<stdin>{TYPO_LINE}" in result.stdout.splitlines()
    assert "<stdin>: 1 problem (profile)" in result.stdout


def test_stdin_has_the_file_size_limit(run_cli: RunCli) -> None:
    result = run_cli("assess", "-", input=b"#" * (MAX_FILE_BYTES + 10))
    assert result.exit_code == 2
    assert result.stderr == (
        "<stdin>: file-too-large is over 1,048,576 bytes (1 MiB), far more than any profile or "
        "criteria file needs\n"
    )


def test_stdin_is_decoded_like_a_file(run_cli: RunCli) -> None:
    result = run_cli("assess", "-", input=KOSHI.encode("utf-16"))
    assert result.exit_code == 0, result.stderr
    result = run_cli("assess", "-", input=KOSHI.encode("cp932"))
    assert result.exit_code == 2
    assert result.stderr.startswith("<stdin>:2: bad-encoding is not UTF-8: it looks like Shift_JIS")
    result = run_cli("assess", "-", "--encoding", "cp932", input=KOSHI.encode("cp932"))
    assert result.exit_code == 0, result.stderr
