"""Choices shared by several commands, kept free of heavy imports (``--help`` loads this)."""

from __future__ import annotations

import os
from enum import Enum
from typing import Literal


class LangChoice(str, Enum):
    ja = "ja"
    en = "en"


def default_lang(environ: dict[str, str] | None = None) -> Literal["ja", "en"]:
    """Japanese when the locale says so (``ja_JP.UTF-8`` and the like), otherwise English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def resolve_lang(lang: LangChoice | None) -> Literal["ja", "en"]:
    if lang is None:
        return default_lang()
    return "ja" if lang is LangChoice.ja else "en"
