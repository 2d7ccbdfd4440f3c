"""The criteria file format (format 1): sections, criteria, strategies, bands, sources.

A criteria file encodes one bureau's published conditions for one period.  Checks are
declarative (see :mod:`readiness.criteria.checks`); nothing in a criteria file is ever evaluated
as code.
"""

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from readiness.criteria.checks import Check
from readiness.profile.bilingual import NonEmpty, Text
from readiness.profile.jvalues import Bureau

CRITERIA_FORMAT = 1

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]

POINTS_MIN, POINTS_MAX = 0.01, 1000
Amount = Annotated[float, Field(ge=POINTS_MIN, le=POINTS_MAX, allow_inf_nan=False)]
"""Points and weights: 0.01 to 1000, so that every score is finite and exact."""


class _Model(BaseModel):
    # Built on first validation, not at import: `assess` takes its set from the cache
    # (criteria/cache.py) and never validates one, so it need not pay for the validators.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


Basis = Literal["quoted", "reading"]


class Criterion(_Model):
    id: Id
    label: Text
    official: NonEmpty | None = Field(
        None,
        description="A verbatim quotation of the set's source that this criterion rests on.",
    )
    basis: Basis = Field(
        "reading",
        description="quoted: `official` is a verbatim quotation of the source and states the "
        "fact the check tests; reading: the check is this project's interpretation (the "
        "default). Reports show how many of a town's points rest on readings.",
    )
    required: bool = Field(
        False,
        description="The section's gate cannot pass unless this criterion is met, whatever "
        "share of the section's points the town earns.",
    )
    points: Amount
    check: Check
    recommendation: Text = Field(description="What to do when the criterion is not met.")

    @model_validator(mode="after")
    def _quoted_has_a_quotation(self) -> "Criterion":
        if self.basis == "quoted" and self.official is None:
            raise ValueError("basis: quoted needs the quotation in `official`")
        return self


class Quote(_Model):
    """A verbatim quotation and the source it comes from."""

    source: Annotated[int, Field(ge=0)] = Field(
        description="The index of the source in the set's `sources` (0 for the first)."
    )
    text: NonEmpty = Field(description="The words of the source, verbatim.")


class Section(_Model):
    """One of the three conditions, or a bureau's additional selection factors."""

    id: Id
    kind: Literal["condition", "factor"]
    label: Text
    official: NonEmpty | None = None
    quotes: list[Quote] = Field(
        default_factory=list,
        description="Verbatim wordings of this condition, each citing its source: for a "
        "synthesis, every bureau's wording.",
    )
    weight: Amount = Field(description="Share of the total score (0.01 to 1000).")
    gate: Annotated[float, Field(ge=0, le=1)] | None = Field(
        None, description="Minimum share of this section's points needed for the top band."
    )
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _required_needs_a_gate(self) -> "Section":
        if self.gate is None and any(c.required for c in self.criteria):
            raise ValueError(
                f"section {self.id!r} has required criteria but no gate; give it a gate"
            )
        return self


class Strategy(_Model):
    id: Id
    label: Text
    official: NonEmpty | None = None
    basis: Basis = Field(
        "reading",
        description="quoted: `official` is the bureau's own wording; reading: the label "
        "summarises the source in this project's words (the default).",
    )

    @model_validator(mode="after")
    def _quoted_has_a_quotation(self) -> "Strategy":
        if self.basis == "quoted" and self.official is None:
            raise ValueError("basis: quoted needs the quotation in `official`")
        return self


class Band(_Model):
    id: Id
    label: Text
    min: Annotated[float, Field(ge=0, le=100)]
    requires_gates: bool = Field(
        False, description="Reached only when every gate passes (always so for the top band)."
    )
    min_evidence: Annotated[float, Field(ge=0, le=1)] | None = Field(
        None,
        description="Reached only when at least this share of the earned points rests on "
        "facts backed by a cited source (evidence coverage, 0-1).",
    )


PartialDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$")]


class Source(_Model):
    publisher: NonEmpty
    title: NonEmpty
    date: dt.date | PartialDate = Field(
        description='The date of the document; a year ("2024") or a year and month '
        '("2026-12"), quoted, when no day is known.'
    )
    url: NonEmpty | None = None
    note: NonEmpty | None = None


class Period(_Model):
    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> "Period":
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        return self


class ScoreRange(_Model):
    min: Annotated[float, Field(ge=0, le=100)] = 0
    max: Annotated[float, Field(ge=0, le=100)] = 100


class CriteriaTest(_Model):
    """A test case for ``readiness verify``: a profile, and what assessing it must give."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [{"required": ["profile"]}, {"required": ["example"]}],
            "anyOf": [{"required": ["band"]}, {"required": ["score"]}, {"required": ["gaps"]}],
        }
    )

    name: NonEmpty | None = Field(None, description="Shown in the report; default: the profile.")
    profile: NonEmpty | None = Field(
        None, description="A profile file, relative to this criteria file."
    )
    example: Id | None = Field(
        None, description="A bundled example profile by name (e.g. ishinomaki)."
    )
    band: Id | None = Field(None, description="The band the profile must reach.")
    score: ScoreRange | None = Field(None, description="The range the score must fall in.")
    gaps: list[Id] | None = Field(
        None, description="Exactly the criteria ids that must be gaps (not met), in any order."
    )

    @model_validator(mode="after")
    def _one_profile_some_expectation(self) -> "CriteriaTest":
        if (self.profile is None) == (self.example is None):
            raise ValueError("give exactly one of: profile, example")
        if self.band is None and self.score is None and self.gaps is None:
            raise ValueError("give at least one expectation: band, score or gaps")
        return self

    @property
    def label(self) -> str:
        return self.name or self.example or self.profile or "?"


class Criteria(_Model):
    # Fields of earlier releases: refused with what replaced them.
    retired_fields: ClassVar[dict[str, str]] = {
        "current": "a set is current while its period contains the date; remove the line"
    }

    format: Literal[1]
    extends: NonEmpty | None = Field(
        None, description="The set this one extends: a bundled id or a file path."
    )
    id: Id
    abstract: bool = Field(
        False,
        description="A base for other sets (`extends:`) that never scores a town itself; it "
        "has no bureau.",
    )
    bureau: Bureau | None = Field(None, description="The bureau; every set but a base has one.")
    version: NonEmpty
    title: Text
    synthesis: Text | None = Field(
        None,
        description="Set when the conditions are this project's synthesis rather than a "
        "bureau's text; every report shows it.",
    )
    description: Text | None = Field(
        None,
        description="What a reader should know about the set, e.g. a bureau's wording "
        "that is not scored.",
    )
    sources: list[Source] = Field(min_length=1)
    period: Period
    strategy_label: Text = Field(description="What the bureau calls its strategies or themes.")
    strategies: list[Strategy] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    bands: list[Band] = Field(
        min_length=2, description="From the highest band to the lowest; at least two."
    )
    tests: list[CriteriaTest] = Field(
        default_factory=list, description="Cases that `readiness verify` runs."
    )

    @model_validator(mode="after")
    def _a_bureau_unless_abstract(self) -> "Criteria":
        if self.abstract and self.bureau is not None:
            raise ValueError("an abstract set (a base) has no bureau: remove `bureau`")
        if not self.abstract and self.bureau is None:
            raise ValueError("missing required field 'bureau': add it (or `abstract: true`)")
        return self

    def all_criteria(self) -> list[tuple[Section, Criterion]]:
        return [(s, c) for s in self.sections for c in s.criteria]
