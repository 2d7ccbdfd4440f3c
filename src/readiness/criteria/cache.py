"""Criteria sets parsed once, kept on disk in the user's cache directory.

Parsing, validating and linting a criteria file costs more than the rest of ``readiness
assess`` after start-up; a loaded set is pickled under a key made of the file's bytes, its
resolved path, the encoding asked for, and the code that reads it (the package version, the
Python and pydantic versions, and the size and time of every module of the package), so an
edited file or an upgraded readiness never meets an old entry.

A file that ``extends:`` another is cached with the text of every parent it was merged with (by
digest), each under the path it was opened by, and with the path the file itself was given by
(a parent named by a relative path is found beside the file as given, even through a link):
an entry whose parent has changed, moved or gone, or that is reached by another path, is a
miss, read again (and any error reported) as if there were no cache.

The cache is an optimisation only: an entry that cannot be read or unpickled is ignored (and
replaced), and a directory that cannot be written is not used.  Entries are written to a
temporary file and renamed, so concurrent runs see a whole entry or none.
``READINESS_CACHE_DIR`` moves the cache; ``READINESS_CACHE_DIR=""`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from functools import cache
from pathlib import Path

from readiness.criteria.model import Criteria

_PACKAGE = Path(__file__).resolve().parent.parent
MAX_ENTRIES = 64
"""Older entries beyond this many are removed when one is written."""


def cache_dir() -> Path | None:
    """``READINESS_CACHE_DIR``, else the platform's user cache directory, plus ``readiness``."""
    env = os.environ.get("READINESS_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "readiness" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "readiness"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base_dir = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base_dir / "readiness"


@cache
def code_fingerprint() -> bytes:
    """What identifies the code that builds a criteria set: versions and every module's stat."""
    import pydantic

    # The package itself is imported by now (this module is in it); reading its version from
    # sys.modules keeps the criteria layer from importing the top-level API above it.
    version = str(getattr(sys.modules.get("readiness"), "__version__", "?"))
    parts = [version, sys.version, pydantic.VERSION]
    for root, dirs, files in os.walk(_PACKAGE):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(root, name))
                parts.append(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode("utf-8", "surrogateescape")


def _entry(path: Path, text: str, encoding: str | None) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(code_fingerprint())
    key.update(os.fsencode(os.path.realpath(path)) + b"\0" + (encoding or "").encode() + b"\0")
    key.update(text.encode("utf-8", "surrogatepass"))
    return folder / f"criteria-{key.hexdigest()[:40]}.pickle"


Parents = tuple[tuple[str, bytes], ...]
"""Each parent an extending set was merged with: its path as opened and the digest of its text."""


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _read(entry: Path, path: Path) -> Criteria | None:
    try:
        with open(entry, "rb") as f:
            found = pickle.load(f)  # our own cache, in the user's own directory
    except Exception:  # a missing, partial or stale entry is only a miss
        return None
    if not (isinstance(found, tuple) and len(found) == 3 and isinstance(found[2], Criteria)):
        return None
    given, parents, criteria = found
    return criteria if _unchanged(given, parents, path) else None


def _unchanged(given: str, parents: Parents, path: Path) -> bool:
    """Whether the file was given by the same path and every parent still holds the text the
    set was merged with."""
    if not parents:
        return True
    if given != os.path.abspath(path):
        return False
    from readiness.diagnostics import ReadinessError
    from readiness.input.yamlload import read_text

    try:
        return all(_digest(read_text(parent)) == digest for parent, digest in parents)
    except ReadinessError:  # gone or unreadable: loading the file again says so
        return False


def _write(entry: Path, criteria: Criteria, given: str, parents: Parents) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not used."""
    import tempfile  # only on a miss: it costs more to import than a hit to read

    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".criteria-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((given, parents, criteria), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _prune(entry.parent)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("criteria-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()


def load_cached(path: Path, encoding: str | None = None) -> Criteria:
    """The criteria set in the file at ``path`` (as ``load_criteria`` reads it), from the cache
    when the same text was read before by the same code.

    Errors are never cached: a file with problems is read (and reported) every time.
    """
    from readiness.input.yamlload import parse, read_text

    text = read_text(path, encoding)
    entry = _entry(path, text, encoding)
    if entry is not None:
        found = _read(entry, path)
        if found is not None:
            return found
    from readiness.criteria.loading import criteria_from_document

    doc = parse(text, str(path), defer=True)
    read: list[tuple[str, str]] = []
    criteria = criteria_from_document(doc, read=read)
    if entry is not None:
        parents = tuple((parent, _digest(text)) for parent, text in read)
        _write(entry, criteria, os.path.abspath(path), parents)
    return criteria
