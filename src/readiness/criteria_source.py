"""Find a criteria set named on the command line: a bundled id, a file, or ``REV:path`` in git.

``REV:path`` is read with ``git show REV:path`` from the current directory, so ``path`` is
relative to the top of the repository (``REV:./path`` is relative to the current directory,
as git has it).  A plain file that exists wins over the ``REV:path`` reading of its name.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from readiness.bundled import bundled, bundled_ids, bundled_path
from readiness.criteria_model import Criteria
from readiness.diagnostics import ReadinessError
from readiness.loading import load_criteria, load_criteria_text
from readiness.yamlload import decode


def read_criteria(ref: str, *, encoding: str | None = None) -> Criteria:
    """Load ``ref`` (bundled id, file path or ``REV:path``), or raise ReadinessError."""
    if bundled_path(ref) is not None:
        return bundled(ref)
    if Path(ref).is_file():
        return load_criteria(Path(ref), encoding=encoding)
    rev, sep, path = ref.partition(":")
    if sep and rev and path:
        return load_criteria_text(git_show(rev, path, encoding=encoding), ref)
    if "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml")):
        return load_criteria(Path(ref), encoding=encoding)  # reports the missing file
    known = ", ".join(bundled_ids())
    raise ReadinessError.single(
        ref,
        "unknown-criteria",
        f"not a bundled id, a file or REV:path; bundled ids: {known}",
    )


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise ReadinessError.single(
            "git", "git-missing", "git is not installed, so REV:path cannot be read"
        ) from None


def git_show(rev: str, path: str, *, encoding: str | None = None) -> str:
    """The text of ``path`` at revision ``rev`` of the repository around the current directory."""
    where = f"{rev}:{path}"
    if _git("rev-parse", "--git-dir").returncode != 0:
        raise ReadinessError.single(
            where,
            "not-a-git-repo",
            f"the current directory {Path.cwd()} is not in a git repository",
        )
    if _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise ReadinessError.single(
            where, "bad-revision", f"no revision {rev!r} in this repository"
        )
    shown = _git("show", where)
    if shown.returncode != 0:
        raise ReadinessError.single(
            where, "not-in-revision", f"no file {path!r} in revision {rev!r}"
        )
    return decode(shown.stdout, where, encoding)
