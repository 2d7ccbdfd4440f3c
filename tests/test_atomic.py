"""Output files are written atomically and never replace a file unless asked to."""

from __future__ import annotations

import errno
import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from readiness.atomic import PendingFile, Target, output_target, write_text
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


def test_a_directory_is_refused_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    target.mkdir()
    with pytest.raises(ReadinessError) as e:
        write_text(target, "x\n")
    assert str(e.value) == f"{target}: bad-output is a directory; give a file name"
    assert os.listdir(tmp_path) == ["folder"]


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out.txt"
    with pytest.raises(ReadinessError) as e:
        write_text(target, "x\n")
    assert str(e.value) == f"{target}: write-failed No space left on device"
    assert os.listdir(tmp_path) == []


def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "report.json"
    target.write_text("old\n", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_text(link, "new\n")
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text("utf-8") == "new\n"
    assert sorted(os.listdir(tmp_path / "real")) == ["report.json"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "later.json")
    write_text(link, "new\n")
    assert link.is_symlink()
    assert (tmp_path / "later.json").read_text("utf-8") == "new\n"


def _read_fifo(path: Path, into: list[str]) -> None:
    with open(path, encoding="utf-8") as f:
        into.append(f.read())


@pytest.mark.parametrize("pending", [False, True], ids=["write_text", "PendingFile"])
def test_a_fifo_is_written_to_not_replaced(tmp_path: Path, pending: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=_read_fifo, args=(fifo, got))
    reader.start()
    if pending:
        p = PendingFile(fifo)
        p.file.write("report\n")
        p.commit()
    else:
        write_text(fifo, "report\n")
    reader.join(timeout=10)
    assert got == ["report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


@pytest.mark.parametrize("pending", [False, True], ids=["write_text", "PendingFile"])
def test_dev_null_stays_a_character_device(pending: bool) -> None:
    """As root (as CI runs) a rename over /dev/null would succeed and replace it."""
    if pending:
        p = PendingFile("/dev/null")
        p.file.write("report\n")
        p.commit()
    else:
        write_text("/dev/null", "report\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_full_is_a_clean_write_error() -> None:
    with pytest.raises(ReadinessError) as e:
        write_text("/dev/full", "report\n")
    assert str(e.value) == "/dev/full: write-failed No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize(
    ("kind", "message"),
    [("missing-folder", "the folder does not exist"),
     ("socket", "is neither a regular file, a FIFO nor a character device")],
)  # fmt: skip
def test_what_cannot_take_a_report_is_refused(tmp_path: Path, kind: str, message: str) -> None:
    if kind == "socket":
        path = tmp_path / "s"
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()
    else:
        path = tmp_path / "nowhere" / "out.txt"
    assert output_target(tmp_path / "new.txt") == Target(tmp_path / "new.txt", in_place=False)
    with pytest.raises(ReadinessError) as e:
        write_text(path, "x\n")
    assert str(e.value) == f"{path}: bad-output {message}"
