"""The keys of the config file (``.readiness.yaml`` or ``[tool.readiness]``), as a model."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class ConfigFile(BaseModel):
    """Defaults for the commands; a flag given on the command line always wins."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    criteria: str | None = None
    """Criteria id, file or REV:path for assess, batch and explain (--criteria)."""
    lang: Literal["ja", "en"] | None = None
    """Report language (--lang)."""
    encoding: str | None = None
    """Encoding of input files (--encoding)."""
    fail_under: Annotated[float, Field(ge=0, le=100)] | None = None
    """Gate for assess and batch: exit 1 below this score (--fail-under)."""
    require_band: str | None = None
    """Gate for assess and batch: exit 1 below this band (--require-band)."""
    min_evidence: Annotated[float, Field(ge=0, le=100)] | None = None
    """Gate for assess and batch: exit 1 below this evidence coverage, in % (--min-evidence)."""
    paths: list[str] | None = None
    """What batch scores when no PATH is given (relative to the config file)."""
    outputs: list[str] | None = None
    """batch reports, FORMAT=PATH each (--output; PATH relative to the config file)."""
    sarif_level: Literal["below-gate", "all"] | None = None
    """Which gaps become SARIF results (--sarif-level)."""

    @field_validator("outputs")
    @classmethod
    def _format_equals_path(cls, value: list[str] | None) -> list[str] | None:
        for spec in value or []:
            name, sep, path = spec.partition("=")
            if not (name and sep and path):
                raise ValueError(f"{spec!r}: expected FORMAT=PATH, e.g. junit=reports/junit.xml")
        return value
