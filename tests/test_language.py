from __future__ import annotations

import pytest

from readiness.cli.language import detect_lang, lang_of_locale
from tests.conftest import EXAMPLES, RunCli


def _none() -> tuple[str | None, str | None]:
    return (None, None)


def _windows_ja() -> tuple[str | None, str | None]:
    return ("Japanese_Japan", "932")


def _windows_en() -> tuple[str | None, str | None]:
    return ("English_United States", "1252")


@pytest.mark.parametrize(
    ("env", "getlocale", "expected"),
    [
        ({}, _none, "en"),
        ({}, _windows_ja, "ja"),
        ({}, _windows_en, "en"),
        ({"LANG": "ja_JP.UTF-8"}, _none, "ja"),
        ({"LANG": "ja_JP.eucJP"}, _none, "ja"),
        ({"LANG": "C"}, _windows_ja, "en"),  # a set variable decides, as in POSIX
        ({"LANG": ""}, _windows_ja, "ja"),  # an empty one does not
        ({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}, _none, "en"),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, _none, "ja"),
        ({"READINESS_LANG": "ja", "LC_ALL": "C"}, _none, "ja"),
        ({"READINESS_LANG": "EN", "LANG": "ja_JP.UTF-8"}, _none, "en"),
        ({"READINESS_LANG": "ja_JP.UTF-8"}, _none, "ja"),
        ({"READINESS_LANG": "klingon", "LANG": "ja_JP.UTF-8"}, _none, "ja"),
        ({"READINESS_LANG": "  "}, _windows_ja, "ja"),
        ({}, lambda: ("ja_JP", "cp932"), "ja"),
        ({}, lambda: ("ja-JP", "UTF-8"), "ja"),
    ],
)
def test_detect_lang(env: dict[str, str], getlocale: object, expected: str) -> None:
    assert detect_lang(env, getlocale) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ja", "ja"), ("JA_jp.utf8", "ja"), ("Japanese", "ja"), ("Japanese_Japan.932", "ja"),
        ("jpn", "ja"), ("jam_JM", "en"), ("japan", "en"), ("C.UTF-8", "en"),
        ("", None), (None, None),
    ],
)  # fmt: skip
def test_lang_of_locale(name: str | None, expected: str | None) -> None:
    assert lang_of_locale(name) == expected


def test_real_environment_does_not_crash() -> None:
    assert detect_lang() in ("ja", "en")


@pytest.mark.parametrize(
    ("env", "word"),
    [
        ({"READINESS_LANG": "ja", "LC_ALL": "C", "LANG": "C"}, "総合点"),
        ({"READINESS_LANG": "en", "LC_ALL": "", "LANG": "ja_JP.UTF-8"}, "Score"),
        ({"READINESS_LANG": "", "LC_ALL": "", "LANG": "ja_JP.UTF-8"}, "総合点"),
    ],
)
def test_the_cli_follows_readiness_lang(run_cli: RunCli, env: dict[str, str], word: str) -> None:
    result = run_cli("assess", str(EXAMPLES / "koshi.yaml"), env=env)
    assert word in result.stdout
