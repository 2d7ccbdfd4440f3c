"""One help layout for every typer version allowed (pyproject.toml): usage, arguments and options
drawn from the click parameters themselves (names, metavar, choices, help, default, required),
never from typer's renderers, which differ from version to version (``\\[required]`` in 0.16,
``{profile}`` and ``<list[str]>`` in 0.29).  ``docs/cli.md`` is made from the same functions.
"""

from __future__ import annotations

from typing import Any

import typer.core


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


class ReadinessCommand(typer.core.TyperCommand):
    """A command whose help is drawn by :func:`format_params`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return usage_pieces(self.get_params(ctx), group=False)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        format_params(self, ctx, formatter)


class ReadinessGroup(typer.core.TyperGroup):
    """A group listing its commands in the order they were added, help as above."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return usage_pieces(self.get_params(ctx), group=True)

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
