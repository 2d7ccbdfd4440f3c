"""Option types and choices shared by several commands, kept free of heavy imports.

``readiness --help`` loads this module (and every command module), so nothing here may import
pydantic, PyYAML or rich.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Literal, Optional

import typer


class LangChoice(str, Enum):
    ja = "ja"
    en = "en"


def default_lang(environ: Mapping[str, str] | None = None) -> Literal["ja", "en"]:
    """``READINESS_LANG``, else the locale (``LC_ALL``/``LC_MESSAGES``/``LANG``, then the OS's,
    which is how Japanese Windows says so), else English: see ``cli/language.py``."""
    from readiness.cli.language import detect_lang

    return detect_lang(environ)


def resolve_lang(lang: LangChoice | None) -> Literal["ja", "en"]:
    chosen: Literal["ja", "en"] = (
        default_lang() if lang is None else "ja" if lang is LangChoice.ja else "en"
    )
    _CHOSEN[:] = [chosen]  # errors printed later speak the same language
    return chosen


_CHOSEN: list[Literal["ja", "en"]] = []


def forget_lang() -> None:
    _CHOSEN.clear()


def message_lang() -> Literal["ja", "en"]:
    """The language for errors: the command's --lang once resolved, else the default."""
    return _CHOSEN[0] if _CHOSEN else default_lang()


def complete_criteria(incomplete: str) -> list[str]:
    """Bundled criteria ids for shell completion (the folder is listed: nothing is loaded)."""
    from readiness.criteria.paths import bundled_ids

    return [i for i in bundled_ids() if i.startswith(incomplete)]


LangOption = Annotated[
    Optional[LangChoice],  # noqa: UP045 - typer reads the annotation at run time on 3.10
    typer.Option(
        "--lang",
        help="Report language; default: READINESS_LANG, else the locale (ja_JP gives ja), else en.",
    ),
]
EncodingOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--encoding", help="Read input files in this encoding (e.g. cp932).", metavar="NAME"
    ),
]
StdinFilenameOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--stdin-filename",
        help="The name to give standard input (-) in messages; default: <stdin>.",
        metavar="NAME",
    ),
]


def read_stdin(name: str | None, encoding: str | None) -> tuple[str, str]:
    """Standard input's name for messages (``--stdin-filename`` or ``<stdin>``) and its text."""
    import sys

    from readiness.input.yamlload import STDIN_NAME, read_stream

    shown = name or STDIN_NAME
    return shown, read_stream(sys.stdin.buffer, shown, encoding)


OutputOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--output", "-o", help="Write to FILE (atomically) instead of stdout.", metavar="FILE"
    ),
]

# The gates shared by assess and batch: exit 1 when a town is below them.
FailUnderOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option(
        "--fail-under",
        help="Gate: exit 1 if a town's score is below N (0-100).",
        metavar="N",
    ),
]
MinEvidenceOption = Annotated[
    Optional[float],  # noqa: UP045
    typer.Option(
        "--min-evidence",
        help="Gate: exit 1 if less than P% of a town's earned points rest on facts a cited "
        "source backs (evidence coverage, 0-100).",
        metavar="P",
    ),
]


def check_percent(option: str, value: float | None, *, what: str, ja_what: str) -> None:
    """A number from 0 to 100, checked here rather than by typer, whose message (and whether
    it refuses ``nan``) depends on its version."""
    import math

    if value is not None and not (math.isfinite(value) and 0 <= value <= 100):
        from readiness.diagnostics import ReadinessError

        raise ReadinessError.single(
            option, "bad-option", f"must be {what} from 0 to 100, got {value}",
            ja=f"0から100までの{ja_what}を指定してください（指定値：{value}）",
        )  # fmt: skip


def check_fail_under(value: float | None) -> None:
    check_percent("--fail-under", value, what="a score", ja_what="点数")


def check_min_evidence(value: float | None) -> None:
    check_percent("--min-evidence", value, what="a percentage", ja_what="割合（%）")


RequireBandOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--require-band", help="Gate: exit 1 if a town's band is below band B.", metavar="B"
    ),
]
