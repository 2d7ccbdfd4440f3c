"""Which language to speak: ``READINESS_LANG``, then the POSIX locale variables, then the OS locale.

Order (the first that gives an answer wins):

1. ``READINESS_LANG`` — ``ja`` or ``en`` (also ``ja_JP.UTF-8``, ``Japanese``; case-insensitive).
   An unrecognised value is ignored, so a typo does not silence the other sources.
2. ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` — the first one set and non-empty decides, as in POSIX:
   Japanese if it names Japanese (``ja``, ``ja_JP.UTF-8``, ``ja-JP``, ``Japanese_Japan.932``),
   English otherwise (``C``, ``POSIX``, ``C.UTF-8``, ``en_US.UTF-8``, ``de_DE``…).
3. ``locale.getlocale()`` — on Windows the environment variables are usually unset and this
   gives ``('Japanese_Japan', '932')`` (``'ja_JP'`` on newer Pythons).  The C locale gives
   ``(None, None)``.
4. English.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Callable, Mapping
from typing import Literal

Lang = Literal["ja", "en"]
"""The same two languages as ``readiness.messages.Lang`` (not imported: ``--help`` stays light)."""

_POSIX_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
_JAPANESE = re.compile(r"^(ja|jpn|japanese)([_\-.@]|$)", re.IGNORECASE)
_ENGLISH = re.compile(r"^(en|eng|english)([_\-.@]|$)", re.IGNORECASE)


def lang_of_locale(name: str | None) -> Lang | None:
    """``ja`` for a Japanese locale name, ``en`` for any other real one, None for none at all."""
    if not name or not name.strip():
        return None
    return "ja" if _JAPANESE.match(name.strip()) else "en"


def _getlocale() -> tuple[str | None, str | None]:
    try:
        return locale.getlocale()
    except ValueError:  # an unknown locale name in the environment
        return (None, None)


def detect_lang(
    environ: Mapping[str, str] | None = None,
    getlocale: Callable[[], tuple[str | None, str | None]] = _getlocale,
) -> Lang:
    """The language for messages, from the environment and the OS (see the module doc)."""
    env = os.environ if environ is None else environ
    forced = env.get("READINESS_LANG", "").strip()
    if _JAPANESE.match(forced):
        return "ja"
    if _ENGLISH.match(forced):
        return "en"
    for var in _POSIX_VARS:
        found = lang_of_locale(env.get(var))
        if found is not None:
            return found
    return lang_of_locale(getlocale()[0]) or "en"
