"""Write files so that readers see the old content or the new, never a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TextIO


class PendingFile:
    """A temporary file beside ``path`` that becomes ``path`` only on :meth:`commit`.

    The rename is atomic on POSIX and Windows, so a run that fails or is interrupted before
    committing leaves any earlier file untouched.  Text is UTF-8, newlines as written.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        fd, self.tmp = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        self.file: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def write_atomic(path: str | Path, text: str) -> None:
    pending = PendingFile(path)
    try:
        pending.file.write(text)
    except BaseException:
        pending.discard()
        raise
    pending.commit()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
