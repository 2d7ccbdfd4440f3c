"""``--help`` in Japanese under a Japanese locale; English otherwise and in docs/cli.md."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from readiness.cli.app import root_command
from readiness.cli.help_ja import COMMANDS_JA, OPTIONS_JA
from tests.conftest import ROOT


def _help(args: list[str], **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run(
        [sys.executable, "-m", "readiness", *args], capture_output=True, text=True,
        env={**clean, **env}, cwd=ROOT, check=False,
    )  # fmt: skip
    # 0, or 2 for a group given no command (click shows its help then)
    assert result.returncode == (2 if args == ["criteria"] else 0), result.stderr
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "japanese"),
    [
        (["--help"], "自治体が所管の経済産業局との連携に向けて"),
        (["init", "--help"], "団体コード（例"),
        (["criteria", "list", "--help"], "同梱の評価基準を、所管局・期間・状態とともに"),
        (["criteria"], "同梱の評価基準の一覧と内容を示します。"),
    ],
)  # fmt: skip
def test_help_follows_a_japanese_locale(args: list[str], japanese: str) -> None:
    assert japanese in _help(args, LANG="ja_JP.UTF-8")
    assert japanese in _help(args, READINESS_LANG="ja", LANG="C")
    assert japanese not in _help(args, LANG="C.UTF-8")


def test_every_translated_command_and_option_exists() -> None:
    root = root_command()
    paths = {""}
    options: set[str] = set()

    def walk(command: object, path: str) -> None:
        options.update(o for p in getattr(command, "params", []) for o in getattr(p, "opts", []))
        for name, sub in getattr(command, "commands", {}).items():
            paths.add(f"{path} {name}".strip())
            walk(sub, f"{path} {name}".strip())

    walk(root, "")
    assert set(COMMANDS_JA) <= paths
    assert set(OPTIONS_JA) - {"--help"} <= options


def test_every_argument_and_option_has_japanese_help() -> None:
    from readiness.cli.help_ja import PARAMS_JA, _key

    root = root_command()  # read only: translate() would change the shared help texts
    english: list[str] = []

    def walk(command: object, path: str) -> None:
        for p in getattr(command, "params", []):
            key = _key(p)
            if getattr(p, "help", None) and (path, key) not in PARAMS_JA and key not in OPTIONS_JA:
                english.append(f"{path or 'readiness'} {key}")
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(root, "")
    assert english == []
    assert {path for path, _ in PARAMS_JA} <= set(COMMANDS_JA)


@pytest.mark.parametrize(
    ("args", "env", "japanese", "expected"),
    [
        (["batch", "--help", "--lang", "ja"], {"LANG": "C"}, "N 分割のうち K 番目だけ", True),
        (["validate", "--lang=ja", "--help"], {"LANG": "C"}, "すべてのファイルをこの種類", True),
        (["validate", "--help", "--lang", "en"], {"LANG": "ja_JP.UTF-8"}, "すべての", False),
        (["diff", "--help"], {"LANG": "ja_JP.UTF-8"}, "変更前の評価基準: 同梱の id", True),
    ],
)  # fmt: skip
def test_help_follows_lang_over_the_locale(
    args: list[str], env: dict[str, str], japanese: str, expected: bool
) -> None:
    assert (japanese in _help(args, **env)) is expected
