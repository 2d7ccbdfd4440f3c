"""``-o`` never destroys what is at the path, and a failing write is a clean error (exit 2)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, RunCli

KOSHI = str(EXAMPLES / "koshi.yaml")


def readiness(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness", *args],
        cwd=ROOT,
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [["assess", KOSHI], ["assess", KOSHI, "-f", "json"], ["validate", KOSHI],
     ["batch", str(EXAMPLES)], ["batch", str(EXAMPLES), "-o", "json=-"], ["schema", "profile"],
     ["criteria", "list"], ["diff", "tohoku-2019", "tohoku-2022"]],
    ids=lambda a: " ".join(a[:3]).replace(str(EXAMPLES), "examples"),
)  # fmt: skip
def test_a_full_stdout_is_write_failed_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = readiness(*args, stdout=full)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == "readiness: <stdout>: write-failed No space left on device\n"


@pytest.mark.parametrize(
    ("args", "env"),
    [(["assess", KOSHI, "--lang", "ja"], {}),
     (["schema", "profile"], {"READINESS_LANG": "ja"}),
     (["config"], {"LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8"})],
    ids=["--lang ja", "READINESS_LANG", "LANG"],
)  # fmt: skip
def test_a_full_stdout_is_reported_in_japanese(args: list[str], env: dict[str, str]) -> None:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "readiness", *args],
            cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, check=False, timeout=120,
            env={**clean, "READINESS_LANG": "", **env},
        )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == (
        "readiness: <stdout>: write-failed 書き込めませんでした（No space left on device）\n"
    )


@pytest.mark.parametrize(
    "args",
    [["assess", KOSHI, "-f", "json", "-o", "/dev/full"], ["schema", "profile", "-o", "/dev/full"],
     ["batch", str(EXAMPLES), "-o", "json=/dev/full"]],
    ids=["assess", "schema", "batch"],
)  # fmt: skip
def test_a_full_report_file_is_write_failed_exit_2(args: list[str]) -> None:
    proc = readiness(*args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.endswith("/dev/full: write-failed No space left on device\n")
    assert "internal error" not in proc.stderr


def test_batch_to_dev_null_leaves_it_a_character_device(run_cli: RunCli) -> None:
    """As root (as CI runs), renaming over /dev/null would succeed and replace it."""
    result = run_cli("batch", str(EXAMPLES), "-o", "json=/dev/null", "-o", "csv=/dev/null")
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_batch_writes_into_a_fifo(tmp_path: Path, run_cli: RunCli) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    got: list[str] = []

    def read() -> None:
        with open(fifo, encoding="utf-8") as f:
            got.append(f.read())

    reader = threading.Thread(target=read)
    reader.start()
    result = run_cli("batch", str(EXAMPLES), "-o", f"json={fifo}")
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert json.loads(got[0])["format"] == "readiness.batch"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["report.json"]


@pytest.mark.parametrize(
    "args",
    [["batch", str(EXAMPLES), "-o", "json={}"], ["assess", KOSHI, "-f", "json", "-o", "{}"],
     ["schema", "profile", "-o", "{}"]],
    ids=["batch", "assess", "schema"],
)  # fmt: skip
def test_a_symlink_is_followed_and_kept(tmp_path: Path, run_cli: RunCli, args: list[str]) -> None:
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "out.json"
    target.write_text("old\n", "utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = run_cli(*[a.replace("{}", str(link)) for a in args])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert isinstance(json.loads(target.read_text("utf-8")), dict)
    assert os.listdir(tmp_path / "reports") == ["out.json"]


def test_assess_to_dev_stdout_writes_to_the_callers_stdout(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with out.open("w") as f:
        proc = readiness("assess", KOSHI, "-f", "json", "-o", "/dev/stdout", stdout=f)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text("utf-8"))["format"] == "readiness.assessment"


@pytest.mark.parametrize(
    ("population", "expected"),
    [("9" * 5000, ":11:15: number-too-large a number of 5,000 characters; no field takes more "
                  "than 32"),
     ("123456789", ":11:15: bad-value municipality.population: must be at most 100000000, "
                   "got 123456789"),
     ("0x_", ":11:15: bad-number '0x_' reads as a number in YAML, but is not one; if it is "
             "text, put it in quotes: '0x_'")],
    ids=["5000-digits", "over-10^8", "not-a-number"],
)  # fmt: skip
def test_absurd_numbers_are_refused_with_a_line(
    tmp_path: Path, run_cli: RunCli, population: str, expected: str
) -> None:
    text = Path(KOSHI).read_text("utf-8")
    text = text.replace("population: unknown", f"population: {population}")
    town = tmp_path / "town.yaml"
    town.write_text(text, "utf-8")
    result = run_cli("assess", str(town))
    assert result.exit_code == 2
    assert result.stderr == f"{town}{expected}\n"


DIR_JA = "bad-output フォルダです。ファイル名を指定してください"
NO_FOLDER_JA = "bad-output フォルダがありません"


@pytest.mark.parametrize(
    ("args", "target", "message"),
    [(["assess", KOSHI, "-o", "out"], "out", DIR_JA),
     (["schema", "profile", "-o", "out"], "out", DIR_JA),
     (["batch", KOSHI, "-o", "json=out"], "out", DIR_JA),
     (["init", "--code", "432164", "-o", "out"], "out",
      "file-exists ファイルがすでにあります。置き換えるには --force を付けてください"),
     (["assess", KOSHI, "-o", "no/such/town.json"], "no/such/town.json", NO_FOLDER_JA),
     (["schema", "profile", "-o", "no/such/s.json"], "no/such/s.json", NO_FOLDER_JA),
     (["batch", KOSHI, "-o", "json"], "--output",
      "bad-output 'json': 形式=パス の形で指定してください（例 junit=report.xml）")],
    ids=["assess dir", "schema dir", "batch dir", "init existing", "assess no folder",
         "schema no folder", "batch no FORMAT=PATH"],
)  # fmt: skip
def test_output_refusals_in_japanese(
    args: list[str], target: str, message: str, *, run_cli: RunCli, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    result = run_cli(*args, env={"READINESS_LANG": "ja"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{target}: {message}\n"
