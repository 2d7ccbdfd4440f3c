"""The rich console every human-facing report prints to, and the output settings of a run.

Colour is decided here once, the same whatever rich's version (which reads ``NO_COLOR`` and
``FORCE_COLOR`` differently from one release to the next): ``--color always|never`` when given;
else a non-empty ``NO_COLOR`` turns it off and a non-empty ``FORCE_COLOR`` on (empty values are
unset, as no-color.org says); else colour when stdout is a terminal.

Every command resets the settings before it runs, JSON output included, so rich is imported
only when a console is made.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console

ColorChoice = Literal["auto", "always", "never"]


@dataclass
class OutputSettings:
    """What ``--color`` and ``-q/--quiet`` asked for in this run (reset for each command)."""

    color: ColorChoice | None = None
    quiet: bool = False


settings = OutputSettings()


def reset() -> None:
    settings.color = None
    settings.quiet = False


def color_mode(environ: dict[str, str] | None = None) -> ColorChoice:
    """``always``, ``never`` or ``auto`` (colour only on a terminal), from the flag, else the
    environment."""
    if settings.color is not None and settings.color != "auto":
        return settings.color
    if settings.color == "auto":
        return "auto"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", ""):
        return "never"
    if env.get("FORCE_COLOR", ""):
        return "always"
    return "auto"


def colour_wanted(terminal: bool) -> bool:
    """Whether to colour output going to a terminal (``terminal``) or not."""
    mode = color_mode()
    return mode == "always" or (mode == "auto" and terminal)


def _isatty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class PipeConsole(Console):
        """rich's console, but a reader that went away (``readiness ... | head``) is left to
        the CLI's own handling (cli/errors.py: exit with the command's code, no message):
        rich's own exits 1."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return PipeConsole


def make_console() -> Console:
    """A console on stdout; highlighting is off so that numbers in free text are never
    restyled.  Every setting is passed explicitly, so rich never reads the environment."""
    Console = _console_class()  # noqa: N806 - the class, named as rich names it

    mode = color_mode()
    terminal = _isatty()
    if mode == "never":
        return Console(
            highlight=False, emoji=False, force_terminal=terminal, color_system=None, no_color=True
        )
    if mode == "always":
        return Console(
            highlight=False, emoji=False, force_terminal=True, color_system="standard",
            no_color=False,
        )  # fmt: skip
    return Console(highlight=False, emoji=False, force_terminal=terminal, no_color=False)
