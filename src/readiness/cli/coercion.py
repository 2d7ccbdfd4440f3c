"""Option values that need no conversion, passed through without typer's pydantic adapters.

typer from 0.29 on coerces every parameter's value, even an absent one, through a pydantic
``TypeAdapter`` that it builds on first use: 17 of them for ``assess``, about 60 ms of a run that
the import floor does not pay (and the import of ``pydantic.types`` with it).  The values most
runs carry need nothing: an option not given (``None``), text for a text parameter, a choice
given by name or already the enum member, texts for a list of text (the paths of ``batch`` and
``validate``, ``--output``).  Those are answered here exactly as typer's adapters answer them
(the choice by typer's own ``coerce_cli_choice``); anything else (a number, a path, a list of
anything else, a file, a bad choice and its message) goes to typer's own coercion, built then.

Older typer (below 0.29) has no such adapters (``_runtime_param``): nothing is changed there.
"""

from __future__ import annotations

from typing import Any, get_args

_NOT_SIMPLE = object()


class PassThrough:
    """typer's ``RuntimeParam`` for one parameter, built only when a value needs it."""

    __slots__ = ("_full", "descriptor")

    def __init__(self, descriptor: Any) -> None:
        self.descriptor = descriptor
        self._full: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None  # as typer's RuntimeParam.coerce, before its adapter
        if not multi and param.nargs == 1:
            simple = self._simple(value, ctx)
            if simple is not _NOT_SIMPLE:
                return simple
        elif multi and self._texts(value):
            return list(value)  # typer's adapter: [str(item) for item in value], the same texts
        if self._full is None:
            from typer._coercion import build_runtime_param

            self._full = build_runtime_param(self.descriptor)
        return self._full.coerce(value, param=param, ctx=ctx)

    def _texts(self, value: Any) -> bool:
        """Whether ``value`` is texts given to a ``list[str]`` parameter that has no parser."""
        d = self.descriptor
        return (
            d.is_list
            and not d.is_file
            and d.parameter_info.parser is None
            and d.choices is None
            and get_args(d.annotation) == (str,)
            and isinstance(value, (list, tuple))
            and all(type(item) is str for item in value)
        )

    def _simple(self, value: Any, ctx: Any) -> Any:
        d = self.descriptor
        if d.is_list or d.is_tuple or d.is_file or d.parameter_info.parser is not None:
            return _NOT_SIMPLE
        if d.annotation is str and type(value) is str:
            return value  # typer's adapter: str(value), then pydantic's str, the same text
        choices = d.choices
        if choices is not None:
            from typer._param_types import coerce_cli_choice

            try:  # what typer's choice adapter runs, with nothing after it
                return coerce_cli_choice(
                    value, choices=choices, case_sensitive=d.case_sensitive, ctx=ctx
                )
            except ValueError:
                return _NOT_SIMPLE  # typer's own adapter gives the message
        return _NOT_SIMPLE


def install(params: list[Any]) -> None:
    """Give each typer parameter that would build its adapter on first use a :class:`PassThrough`
    instead (once: a parameter keeps what it was given)."""
    for p in params:
        if getattr(p, "_runtime_param", _NOT_SIMPLE) is None:
            p._runtime_param = PassThrough(p.type_descriptor)
