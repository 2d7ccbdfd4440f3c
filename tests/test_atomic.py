"""Output files are written atomically and never replace a file unless asked to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readiness.atomic import write_text
from readiness.diagnostics import ReadinessError


def test_writes_a_new_file_with_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    umask = os.umask(0o022)
    try:
        write_text(target, "a: 1\n", overwrite=False)
    finally:
        os.umask(umask)
    assert target.read_text("utf-8") == "a: 1\n"
    assert target.stat().st_mode & 0o777 == 0o644
    assert os.listdir(tmp_path) == ["out.yaml"]


def test_replacing_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("old\n", "utf-8")
    target.chmod(0o600)
    write_text(target, "new\n")
    assert target.read_text("utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o600


def test_refuses_to_replace_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("mine\n", "utf-8")
    with pytest.raises(ReadinessError) as e:
        write_text(target, "new\n", overwrite=False)
    assert str(e.value) == (
        f"{target}: file-exists the file already exists; pass --force to replace it"
    )
    assert target.read_text("utf-8") == "mine\n"
    assert os.listdir(tmp_path) == ["out.yaml"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    target.mkdir()
    with pytest.raises(ReadinessError) as e:
        write_text(target, "x\n")
    assert e.value.diagnostics[0].code == "write-failed"
    assert os.listdir(tmp_path) == ["folder"]
