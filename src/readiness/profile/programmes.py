"""The catalogue of METI programmes (``data/programmes.yaml``): it helps with spelling.

A profile's record may name any METI programme.  One in the catalogue is named by its id or its
Japanese name; one the catalogue lacks is named as it is called, with its law or a note, and
counts as policy use all the same.  A name close to a catalogue entry's (``sogyo-shein``,
``創業支援等事業計書``) gets a did-you-mean: an error when the entry gives no law or note (it is
most likely a misspelling), a finding in the report when it does (it counts as written).
"""

from __future__ import annotations

import difflib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from readiness.profile.bilingual import Text
from readiness.profile.nfkc import nfkc


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


NEAR = 0.75
"""How alike (difflib's ratio, on NFKC lower-case text without spaces) a name must be to a
catalogue id or name to be taken for a misspelling of it; so is the start of one (at least
four characters)."""


def _fold(text: str) -> str:
    return "".join(nfkc(text).lower().split())


def near_miss(name: str) -> Programme | None:
    """The catalogue programme whose id or name ``name`` most likely misspells, if any."""
    typed = _fold(name)
    best: tuple[float, str] | None = None
    for programme in catalogue().values():
        for known in (programme.id, programme.name.ja, programme.name.en):
            ratio = difflib.SequenceMatcher(None, typed, _fold(known)).ratio()
            if len(typed) >= 4 and _fold(known).startswith(typed):
                ratio = max(ratio, NEAR)  # the start of a name: furusato, 地域経済牽引
            if ratio >= NEAR and (best is None or ratio > best[0]):
                best = (ratio, programme.id)
    return None if best is None else catalogue()[best[1]]
