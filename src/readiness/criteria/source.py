"""Find a criteria set named on the command line: a bundled id, a file, or ``REV:path`` in git.

``REV:path`` is read with ``git show REV:path`` from the current directory, so ``path`` is
relative to the top of the repository (``REV:./path`` is relative to the current directory,
as git has it).  A plain file that exists wins over the ``REV:path`` reading of its name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from readiness.criteria.bundled import bundled, criteria_for_profile
from readiness.criteria.model import Criteria
from readiness.criteria.paths import bundled_ids, bundled_path
from readiness.diagnostics import ReadinessError
from readiness.input.yamlload import decode
from readiness.profile.model import Profile

if TYPE_CHECKING:
    import subprocess


def choose_criteria(
    ref: str | None, profile: Profile, profile_file: str, encoding: str | None = None
) -> Criteria:
    """The set named by ``ref``, or by default the current bundled set of the town's bureau."""
    if ref is None:
        return criteria_for_profile(profile, profile_file)
    return read_criteria(ref, encoding=encoding)


def read_criteria(ref: str, *, encoding: str | None = None) -> Criteria:
    """Load ``ref`` (bundled id, file path or ``REV:path``), or raise ReadinessError."""
    if bundled_path(ref) is not None:
        return bundled(ref)
    if Path(ref).is_file():
        from readiness.criteria.cache import load_cached

        return load_cached(Path(ref), encoding)
    rev, sep, path = ref.partition(":")
    if sep and rev and path:
        from readiness.criteria.loading import load_criteria_text

        return load_criteria_text(git_show(rev, path, encoding=encoding), ref)
    close = _nearest_id(ref)
    if "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml")):
        if close is None or Path(ref).exists():
            from readiness.criteria.loading import load_criteria

            return load_criteria(Path(ref), encoding=encoding)  # reports the missing file
        raise ReadinessError.single(
            ref, "file-not-found", f"no such file; did you mean the bundled set {close!r}?",
            ja=f"ファイルがありません。同梱の評価基準 {close!r} のことでしょうか",
        )  # fmt: skip
    known = ", ".join(bundled_ids())
    hint = f"did you mean {close!r}? " if close else ""
    hint_ja = f"{close!r} のことでしょうか。" if close else ""
    raise ReadinessError.single(
        ref,
        "unknown-criteria",
        f"not a bundled id, a file or REV:path; {hint}bundled ids: {known}",
        ja=f"同梱の評価基準のid、ファイル、REV:path のいずれでもありません。{hint_ja}"
        f"同梱のid: {known}",
    )


def _nearest_id(ref: str) -> str | None:
    """The bundled id a mistyped reference most likely means (case, a .yaml suffix, a typo)."""
    name = Path(ref).name.lower().removesuffix(".yaml").removesuffix(".yml")
    import difflib

    close = difflib.get_close_matches(name, bundled_ids(), n=1, cutoff=0.8)
    return close[0] if close else None


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    import subprocess

    try:
        return subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise ReadinessError.single(
            "git",
            "git-missing",
            "git is not installed, so REV:path cannot be read",
            ja="git がインストールされていないため、REV:path を読めません",
        ) from None


def git_show(rev: str, path: str, *, encoding: str | None = None) -> str:
    """The text of ``path`` at revision ``rev`` of the repository around the current directory."""
    where = f"{rev}:{path}"
    if _git("rev-parse", "--git-dir").returncode != 0:
        raise ReadinessError.single(
            where,
            "not-a-git-repo",
            f"the current directory {Path.cwd()} is not in a git repository",
            ja=f"現在のフォルダ {Path.cwd()} は git リポジトリの中にありません",
        )
    if _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise ReadinessError.single(
            where,
            "bad-revision",
            f"no revision {rev!r} in this repository",
            ja=f"このリポジトリにリビジョン {rev!r} はありません",
        )
    shown = _git("show", where)
    if shown.returncode != 0:
        # git does not follow symbolic links inside a revision (``criteria/`` here is one):
        # try the path the link leads to in the working tree.
        real = _real_path(path)
        if real is not None:
            shown = _git("show", f"{rev}:{real}")
    if shown.returncode != 0:
        raise ReadinessError.single(
            where,
            "not-in-revision",
            f"no file {path!r} in revision {rev!r}",
            ja=f"リビジョン {rev!r} にファイル {path!r} はありません",
        )
    return decode(shown.stdout, where, encoding)


def _real_path(path: str) -> str | None:
    """``path`` (from the top of the repository) with symbolic links resolved, if that differs."""
    top = _git("rev-parse", "--show-toplevel")
    if top.returncode != 0 or path.startswith("./"):
        return None
    root = Path(top.stdout.decode().strip())
    real = (root / path).resolve()
    if not real.is_relative_to(root.resolve()) or real == (root / path).absolute():
        return None
    return real.relative_to(root.resolve()).as_posix()
