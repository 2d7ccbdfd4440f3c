"""``readiness schema profile|criteria [-o FILE]``: print or write a JSON Schema for editors."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from readiness.cli.errors import guarded
from readiness.cli.options import OutputOption

if TYPE_CHECKING:
    from readiness.criteria.json_schemas import SchemaName


class SchemaChoice(str, Enum):
    profile = "profile"
    criteria = "criteria"


def schema(
    name: Annotated[
        SchemaChoice,
        typer.Argument(help="Which schema: profile or criteria.", metavar="NAME"),
    ],
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of profiles or criteria files, for editors that check YAML.

    Start a file with "# yaml-language-server: $schema=profile.schema.json" to use it.
    """
    raise typer.Exit(guarded(lambda: run(name.value, output)))


def run(name: SchemaName, output: str | None) -> int:
    from readiness.atomic import write_text
    from readiness.criteria.json_schemas import render

    text = render(name)
    if output in (None, "-"):  # "-" is standard output, as in batch
        sys.stdout.write(text)
    else:
        write_text(output, text)
    return 0
