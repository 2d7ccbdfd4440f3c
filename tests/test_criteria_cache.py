"""The on-disk cache of parsed criteria sets: hits, misses, and what must never be cached."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from readiness.criteria import cache
from readiness.criteria.loading import load_criteria
from readiness.criteria.model import Criteria
from readiness.criteria.paths import bundled_path
from readiness.diagnostics import ReadinessError
from tests.conftest import ROOT


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("READINESS_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def criteria_file(tmp_path: Path) -> Path:
    path = bundled_path("tohoku-2022")
    assert path is not None
    copy = tmp_path / "mine.yaml"
    copy.write_bytes(path.read_bytes())
    return copy


def reference() -> Criteria:
    """The bundled set as read without the cache."""
    path = bundled_path("tohoku-2022")
    assert path is not None
    return load_criteria(path)


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parse of a criteria file fail the test: a hit must not parse."""
    from readiness.input import yamlload

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although the cache holds the set")

    monkeypatch.setattr(yamlload, "parse", refuse)


def test_a_second_load_comes_from_the_cache(
    cache_dir: Path, criteria_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cache.load_cached(criteria_file)
    assert first == reference()
    assert len(entries(cache_dir)) == 1
    assert entries(cache_dir)[0].startswith("criteria-")
    no_parsing(monkeypatch)
    second = cache.load_cached(criteria_file)
    assert second == first
    assert second is not first


def test_an_edited_file_is_read_again(cache_dir: Path, criteria_file: Path) -> None:
    cache.load_cached(criteria_file)
    text = criteria_file.read_text(encoding="utf-8")
    criteria_file.write_text(text.replace('version: "2022"', 'version: "2022b"'), "utf-8")
    assert 'version: "2022b"' in criteria_file.read_text(encoding="utf-8")
    assert cache.load_cached(criteria_file).version == "2022b"
    assert len(entries(cache_dir)) == 2


def test_other_code_does_not_meet_the_entry(
    cache_dir: Path, criteria_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load_cached(criteria_file)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: b"another version of readiness")
    cache.load_cached(criteria_file)
    assert len(entries(cache_dir)) == 2


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05\x95\xff\xff\xff\xff"],
    ids=["empty", "text", "an-int", "truncated"],
)
def test_an_unreadable_entry_is_ignored_and_replaced(
    cache_dir: Path, criteria_file: Path, garbage: bytes
) -> None:
    expected = cache.load_cached(criteria_file)
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(garbage)
    assert cache.load_cached(criteria_file) == expected
    assert entry.read_bytes() != garbage


def test_a_cache_that_cannot_be_written_is_not_used(
    tmp_path: Path, criteria_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("READINESS_CACHE_DIR", str(blocker / "cache"))
    assert cache.load_cached(criteria_file) == reference()


def test_an_empty_cache_dir_turns_the_cache_off(
    tmp_path: Path, criteria_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    cache.load_cached(criteria_file)
    assert cache.cache_dir() is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]


def test_errors_are_not_cached(cache_dir: Path, criteria_file: Path) -> None:
    criteria_file.write_text("format: 1\nid: broken\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ReadinessError) as e:
            cache.load_cached(criteria_file)
        assert {d.code for d in e.value.diagnostics} == {"missing-field"}
    assert entries(cache_dir) == []


@pytest.fixture
def child_file(tmp_path: Path, criteria_file: Path) -> Path:
    """A set that extends a parent beside it (a copy of tohoku-2022), changing its version."""
    child = tmp_path / "child.yaml"
    child.write_text(
        'format: 1\nextends: mine.yaml\nid: tohoku-strict\nversion: "child"\n', encoding="utf-8"
    )
    return child


def test_a_file_that_extends_another_comes_from_the_cache(
    cache_dir: Path, child_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cache.load_cached(child_file)
    assert first == load_criteria(child_file)
    assert (first.id, first.version) == ("tohoku-strict", "child")
    assert len(entries(cache_dir)) == 1
    no_parsing(monkeypatch)
    assert cache.load_cached(child_file) == first


@pytest.mark.parametrize("bundled", ["kyushu-2026", "kanto-2022", "okinawa-common"])
def test_bundled_sets_that_extend_others_come_from_the_cache(
    cache_dir: Path, bundled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = bundled_path(bundled)
    assert path is not None
    first = cache.load_cached(path)
    assert first == load_criteria(path)
    no_parsing(monkeypatch)
    assert cache.load_cached(path) == first


def test_an_edited_parent_is_read_again(
    cache_dir: Path, child_file: Path, criteria_file: Path
) -> None:
    cache.load_cached(child_file)
    text = criteria_file.read_text(encoding="utf-8")
    old_title = "東北経済産業局 連携モデル事業"
    assert old_title in text
    criteria_file.write_text(text.replace(old_title, "東北局 連携モデル"), "utf-8")
    merged = cache.load_cached(child_file)
    assert merged.title.ja.startswith("東北局 連携モデル（")
    assert merged == load_criteria(child_file)
    assert len(entries(cache_dir)) == 1  # the same child text: its entry is replaced


def test_a_parent_gone_is_reported_not_served_from_the_cache(
    cache_dir: Path, child_file: Path, criteria_file: Path
) -> None:
    cache.load_cached(child_file)
    criteria_file.unlink()
    with pytest.raises(ReadinessError) as e:
        cache.load_cached(child_file)
    assert [(d.code, d.line, d.column) for d in e.value.diagnostics] == [("missing-parent", 2, 10)]


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"READINESS_CACHE_DIR": "/x/y"}, "linux", "/x/y"),
        ({"XDG_CACHE_HOME": "/xdg"}, "linux", "/xdg/readiness"),
        ({"XDG_CACHE_HOME": "relative"}, "linux", "~/.cache/readiness"),
        ({}, "linux", "~/.cache/readiness"),
        ({}, "darwin", "~/Library/Caches/readiness"),
        ({"LOCALAPPDATA": "/appdata"}, "win32", "/appdata/readiness/Cache"),
        ({}, "win32", None),
    ],
)
def test_cache_dir_per_platform(
    monkeypatch: pytest.MonkeyPatch,
    environ: dict[str, str],
    platform: str,
    expected: str | None,
) -> None:
    for name in ("READINESS_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    found = cache.cache_dir()
    assert found == (None if expected is None else Path(expected).expanduser())


def test_concurrent_writers_leave_one_whole_entry(cache_dir: Path, criteria_file: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from readiness.criteria.cache import load_cached;"
        "print(load_cached(Path(sys.argv[1])).id)"
    )
    env = {**os.environ, "READINESS_CACHE_DIR": str(cache_dir)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(criteria_file)],
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        for _ in range(6)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * 6
    assert outputs == [b"tohoku-2022\n"] * 6
    (entry,) = entries(cache_dir)
    assert entry.endswith(".pickle")
    assert cache.load_cached(criteria_file) == reference()


def test_old_entries_are_pruned(
    cache_dir: Path, criteria_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for n in range(4):
        monkeypatch.setattr(cache, "code_fingerprint", lambda n=n: f"code {n}".encode())
        cache.load_cached(criteria_file)
    assert len(entries(cache_dir)) == 2


TITLE = "東北経済産業局 連携モデル事業"


def _tohoku_titled(path: Path, title: str) -> None:
    source = bundled_path("tohoku-2022")
    assert source is not None
    text = source.read_text(encoding="utf-8")
    assert TITLE in text
    path.write_text(text.replace(TITLE, title), encoding="utf-8")


def _child(path: Path) -> None:
    path.write_text('format: 1\nextends: base.yaml\nid: x\nversion: "c"\n', encoding="utf-8")


def test_a_parent_link_pointed_elsewhere_is_read_again(cache_dir: Path, tmp_path: Path) -> None:
    _tohoku_titled(tmp_path / "v1.yaml", "V1")
    _tohoku_titled(tmp_path / "v2.yaml", "V2")
    (tmp_path / "base.yaml").symlink_to("v1.yaml")
    _child(tmp_path / "child.yaml")
    assert cache.load_cached(tmp_path / "child.yaml").title.ja.startswith("V1（")
    (tmp_path / "base.yaml").unlink()
    (tmp_path / "base.yaml").symlink_to("v2.yaml")
    assert cache.load_cached(tmp_path / "child.yaml").title.ja.startswith("V2（")
    assert cache.load_cached(tmp_path / "child.yaml") == load_criteria(tmp_path / "child.yaml")


def test_a_child_reached_by_a_link_finds_the_parent_beside_the_link(
    cache_dir: Path, tmp_path: Path
) -> None:
    """The same file by two paths (one a link): each path's own ``base.yaml`` is its parent."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _tohoku_titled(tmp_path / "a" / "base.yaml", "A")
    _tohoku_titled(tmp_path / "b" / "base.yaml", "B")
    _child(tmp_path / "b" / "child.yaml")
    (tmp_path / "a" / "child.yaml").symlink_to(tmp_path / "b" / "child.yaml")
    for _ in range(2):  # the second time, each path meets the entry the other one wrote
        for folder, title in (("a", "A（"), ("b", "B（"), ("a", "A（")):
            found = cache.load_cached(tmp_path / folder / "child.yaml")
            assert found.title.ja.startswith(title)
            assert found == load_criteria(tmp_path / folder / "child.yaml")
