"""Write output files atomically: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TextIO

from readiness.diagnostics import ReadinessError

_EXISTS_JA = "ファイルがすでにあります。置き換えるには --force を付けてください"


def write_text(path: str | Path, text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder.

    With ``overwrite=False`` an existing file is never replaced, even one that appears while
    writing: the final step is a hard link, which fails if the name is taken.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise ReadinessError.single(
            str(target), "bad-output", "the folder does not exist", ja="フォルダがありません"
        )
    if not overwrite and target.exists():
        raise ReadinessError.single(
            str(target), "file-exists", "the file already exists; pass --force to replace it",
            ja=_EXISTS_JA,
        )  # fmt: skip
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise ReadinessError.single(
                    str(target),
                    "file-exists",
                    "the file already exists; pass --force to replace it",
                    ja=_EXISTS_JA,
                ) from None
    except OSError as e:
        raise ReadinessError.single(str(target), "write-failed", e.strerror or str(e)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _mode_for(target: Path) -> int:
    """The existing file's mode, or what a plain ``open(..., "w")`` would give (mkstemp: 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class PendingFile:
    """A temporary file beside ``path`` that becomes ``path`` only on :meth:`commit`.

    For writing a large report as it is produced, and for writing several reports all or
    nothing: write each to its PendingFile, then commit them all.  Until then any earlier file
    at ``path`` is untouched.  Text is UTF-8, newlines as written.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.parent.is_dir():
            raise ReadinessError.single(str(path), "bad-output", "the folder does not exist")
        try:
            fd, self.tmp = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
            )
        except OSError as e:
            raise ReadinessError.single(str(path), "write-failed", e.strerror or str(e)) from None
        self.file: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self.tmp, _mode_for(self.path))
            os.replace(self.tmp, self.path)
        except OSError as e:
            self.discard()
            raise ReadinessError.single(
                str(self.path), "write-failed", e.strerror or str(e)
            ) from None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ReadinessError.single(
            str(target), "bad-output", "the folder does not exist", ja="フォルダがありません"
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise ReadinessError.single(str(target), "write-failed", e.strerror or str(e)) from None
    try:
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        raise ReadinessError.single(str(target), "write-failed", e.strerror or str(e)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
