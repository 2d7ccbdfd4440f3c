"""Write output files safely: readers see the old file or the new one, never half of one.

Where ``-o PATH`` points decides how it is written (:func:`output_target`):

- a regular file, or a path where nothing is yet: through a temporary file in the same folder,
  renamed over the path (atomic);
- a symbolic link: its final target, as above; the link stays a link;
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe): written straight
  to it, since renaming a file over it would destroy it;
- anything else (a directory, a socket, a block device): refused.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from readiness.diagnostics import ReadinessError

_MESSAGES: dict[str, tuple[str, str]] = {
    "output_is_directory": (
        "フォルダです。ファイル名を指定してください",
        "is a directory; give a file name",
    ),
    "output_not_writable_kind": (
        "通常のファイル、FIFO、キャラクタデバイスのいずれでもありません",
        "is neither a regular file, a FIFO nor a character device",
    ),
    "output_no_folder": ("フォルダがありません", "the folder does not exist"),
    "output_exists": (
        "ファイルがすでにあります。置き換えるには --force を付けてください",
        "the file already exists; pass --force to replace it",
    ),
}
"""This module's messages in Japanese and English (the catalogue, ``messages.py``, is a layer
sibling that it may not import)."""


def _refuse(path: str | Path, code: str, key: str) -> ReadinessError:
    """A located refusal with its message in English and Japanese."""
    ja, en = _MESSAGES[key]
    return ReadinessError.single(str(path), code, en, ja=ja)


_IN_PLACE_PREFIXES = ("/dev/", "/proc/")
"""Paths that name an open descriptor (``/dev/stdout``, ``/proc/self/fd/1``): written in place,
never renamed over, whatever they point at (a shell's ``> file`` keeps its own inode)."""


@dataclass(frozen=True)
class Target:
    """Where to write for ``-o PATH``: ``path`` to open, and whether to write it in place."""

    path: Path
    in_place: bool


def output_target(path: str | Path) -> Target:
    """How to write ``path`` (see the module doc); a usage error for what cannot take a file."""
    given = Path(path)
    try:
        st = os.stat(given)  # follows symbolic links
    except FileNotFoundError:
        st = None
    except OSError as e:  # a link loop, a folder we may not search
        reason = e.strerror or str(e)
        raise ReadinessError.single(
            str(given), "bad-output", reason, ja=f"書き込み先に使えません（{reason}）"
        ) from None
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        return Target(given, in_place=True)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise _refuse(given, "bad-output", "output_is_directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise _refuse(given, "bad-output", "output_not_writable_kind")
    if str(given).startswith(_IN_PLACE_PREFIXES) and st is not None:
        return Target(given, in_place=True)
    real = Path(os.path.realpath(given))  # a link's final target; the path itself otherwise
    if not real.parent.is_dir():
        raise _refuse(given, "bad-output", "output_no_folder")
    return Target(real, in_place=False)


def _failed(path: str | Path, e: OSError) -> ReadinessError:
    reason = e.strerror or str(e)
    return ReadinessError.single(
        str(path), "write-failed", reason, ja=f"書き込めませんでした（{reason}）"
    )


def write_text(path: str | Path, text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder.

    With ``overwrite=False`` an existing file is never replaced, even one that appears while
    writing: the final step is a hard link, which fails if the name is taken.
    """
    write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def write_bytes(path: str | Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` as :func:`write_text` does (see the module doc)."""
    if not overwrite and os.path.lexists(path):
        raise _refuse(path, "file-exists", "output_exists")
    target = output_target(path)
    if target.in_place:
        try:
            with open(target.path, "wb") as f:
                f.write(data)
        except OSError as e:
            raise _failed(path, e) from None
        return
    real = target.path
    try:
        fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as e:
        raise _failed(path, e) from None
    try:
        os.chmod(tmp, _mode_for(real))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, real)
        else:
            try:
                os.link(tmp, real)
            except FileExistsError:
                raise _refuse(path, "file-exists", "output_exists") from None
    except OSError as e:
        raise _failed(path, e) from None
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
    at ``path`` is untouched.  Text is UTF-8, newlines as written.  A FIFO or a character
    device (:func:`output_target`) gets the text in memory and receives it on commit.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.target = output_target(path)
        self.tmp: str | None = None
        if self.target.in_place:
            self.file: TextIO = io.StringIO(newline="")
            return
        real = self.target.path
        try:
            fd, self.tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
        except OSError as e:
            raise _failed(path, e) from None
        self.file = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        if self.tmp is None:
            assert isinstance(self.file, io.StringIO)
            text = self.file.getvalue()
            try:
                with open(self.target.path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
            except OSError as e:
                raise _failed(self.path, e) from None
            return
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self.tmp, _mode_for(self.target.path))
            os.replace(self.tmp, self.target.path)
        except OSError as e:
            self.discard()
            raise _failed(self.path, e) from None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
