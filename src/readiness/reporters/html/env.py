"""The Jinja2 environment shared by every HTML page, and the words the pages use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from readiness.messages import Lang, table
from readiness.profile.bilingual import Text
from readiness.textsafe import safe

TEMPLATES = Path(__file__).with_name("templates")

WORDS: dict[str, tuple[str, str]] = table("html")


def words(lang: Lang) -> dict[str, str]:
    return {k: v[0] if lang == "ja" else v[1] for k, v in WORDS.items()}


def text(value: Text | str, lang: Lang) -> str:
    """One language of a text from a file, control characters escaped (HTML escaping follows)."""
    return safe(value if isinstance(value, str) else value.get(lang))


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
