"""The catalogue of METI programmes that a profile's record may name (``data/programmes.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from readiness.profile.bilingual import Text


class Programme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: Text
    law: Text
    status: Literal["active", "historical", "repealed", "closed"]
    note: Text | None = None


class _Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal[1]
    programmes: list[Programme]


@cache
def catalogue() -> dict[str, Programme]:
    from readiness.input.yamlload import parse

    text = resources.files("readiness").joinpath("data/programmes.yaml").read_text("utf-8")
    data = parse(text, "programmes.yaml").data
    return {p.id: p for p in _Catalogue.model_validate(data).programmes}
