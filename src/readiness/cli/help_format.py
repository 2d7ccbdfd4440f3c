"""One help layout for every typer version allowed (pyproject.toml): usage, arguments and options
drawn from the click parameters themselves (names, metavar, choices, help, default, required),
never from typer's renderers, which differ from version to version (``\\[required]`` in 0.16,
``{profile}`` and ``<list[str]>`` in 0.29).  ``docs/cli.md`` is made from the same functions.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import Annotated, Any, Optional

import typer
import typer.core
import typer.main


def is_option(param: Any) -> bool:
    return bool(param.param_type_name == "option")


def visible(params: list[Any]) -> list[Any]:
    return [p for p in params if not getattr(p, "hidden", False)]


def choices(param: Any) -> list[str]:
    """The values a parameter takes, when it is a choice (``typer`` >= 0.29 describes them in
    ``type_descriptor``; older ones in a click ``Choice`` type)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        found = descriptor.choices if descriptor.is_choice else None
    else:
        found = getattr(getattr(param, "type", None), "choices", None)
    return [str(getattr(c, "value", c)) for c in found or ()]


def value_name(param: Any) -> str:
    """What the parameter's value is called: its metavar, its choices ``{a,b}``, else its name
    in capitals (``--criteria CRITERIA``)."""
    if param.metavar:
        return str(param.metavar)
    options = choices(param)
    if options and is_option(param):
        return "{" + ",".join(options) + "}"
    return str(param.name).upper()


def usage_pieces(params: list[Any], group: bool) -> list[str]:
    pieces = ["[OPTIONS]"] if any(is_option(p) for p in visible(params)) else []
    for p in params:
        if is_option(p):
            continue
        meta = value_name(p)
        if p.nargs != 1:
            meta += "..."
        pieces.append(meta if p.required else f"[{meta}]")
    if group:
        pieces.append("COMMAND [ARGS]...")
    return pieces


def _names(p: Any) -> str:
    if not is_option(p):
        return value_name(p)
    shown = ", ".join(sorted(p.opts, key=lambda o: len(o) - len(o.lstrip("-"))))
    if p.secondary_opts:
        shown += " / " + ", ".join(p.secondary_opts)
    if not p.is_flag:
        shown += f" {value_name(p)}"
    return shown


def _extra(p: Any) -> str:
    parts = []
    default = p.default
    if is_option(p) and not p.is_flag and default not in (None, (), []) and not callable(default):
        parts.append(f"default: {getattr(default, 'value', default)}")
    if p.required:
        parts.append("required")
    return f"[{'; '.join(parts)}]" if parts else ""


def _record(p: Any) -> tuple[str, str]:
    help_text = " ".join((getattr(p, "help", None) or "").split())
    extra = _extra(p)
    return _names(p), f"{help_text}  {extra}".strip() if extra else help_text


def format_params(command: Any, ctx: Any, formatter: Any) -> None:
    params = visible(command.get_params(ctx))
    args = [_record(p) for p in params if not is_option(p)]
    opts = [_record(p) for p in params if is_option(p)]
    if args:
        with formatter.section("Arguments"):
            formatter.write_dl(args)
    if opts:
        with formatter.section("Options"):
            formatter.write_dl(opts)


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _set_color(value: ColorChoice | None) -> None:
    if value is not None:
        from readiness.reporters.console import settings

        settings.color = value.value


def _set_quiet(value: bool) -> None:
    if value:
        from readiness.reporters.console import settings

        settings.quiet = True


def _output_options(
    color: Annotated[
        Optional[ColorChoice],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option(
            "--color",
            callback=_set_color,
            expose_value=False,
            help="Colour: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), "
            "always or never.",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            callback=_set_quiet,
            expose_value=False,
            help="Print only problems: no report on stdout unless a format or file is asked "
            "for, no summary.",
        ),
    ] = False,
) -> None:
    """The options every command takes."""


@functools.cache
def output_options() -> tuple[Any, ...]:
    """``--color`` and ``-q/--quiet`` as click parameters, made by typer itself (whose click,
    its own copy from 0.26 on, and whose option classes change between versions)."""
    demo = typer.Typer(add_completion=False)
    demo.command()(_output_options)
    return tuple(p for p in typer.main.get_command(demo).params if p.name in ("color", "quiet"))


class ReadinessCommand(typer.core.TyperCommand):
    """A command whose help is drawn by :func:`format_params`, with the output options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(output_options())

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from readiness.cli.coercion import install
        from readiness.reporters.console import reset

        reset()  # in-process runs (tests) start each command afresh
        install(self.get_params(ctx))
        return list(super().parse_args(ctx, args))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return usage_pieces(self.get_params(ctx), group=False)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        format_params(self, ctx, formatter)


class ReadinessGroup(typer.core.TyperGroup):
    """A group listing its commands in the order they were added, help as above."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return usage_pieces(self.get_params(ctx), group=True)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from readiness.cli.coercion import install

        install(self.get_params(ctx))
        return list(super().parse_args(ctx, args))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        format_params(self, ctx, formatter)
        subs = [(n, self.commands[n]) for n in self.list_commands(ctx)]
        subs = [(n, c) for n, c in subs if not c.hidden]
        if subs:
            limit = formatter.width - 6 - max(len(n) for n, _ in subs)
            with formatter.section("Commands"):
                formatter.write_dl([(n, c.get_short_help_str(limit)) for n, c in subs])
