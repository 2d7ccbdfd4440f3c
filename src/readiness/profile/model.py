"""The municipality profile: what a town states about itself, as a pydantic model.

Every fact that the criteria judge may be omitted (not stated), stated, or stated as ``unknown``.
``unknown`` is not ``no``: it earns nothing, but the report lists it as a fact to find out rather
than as something missing.  An empty list (``partners: []``) is a definite "none".
"""

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from readiness.input.fieldpaths import UNKNOWN
from readiness.profile.jvalues import (
    UNKNOWN_JA,
    JaBool,
    JaBureau,
    JaCommitment,
    JaDate,
    JaPartnerType,
    JaTopCommitment,
    programme_id,
)
from readiness.profile.placeholders import placeholder_reason
from readiness.profile.quick import quick_validator

SCHEMA_VERSION = 1
MAX_POPULATION = 100_000_000
"""Japan's whole population is about 1.2 × 10^8; no municipality comes near it."""

Unknown = Literal["unknown"]

T = TypeVar("T")


def _is_unknown(value: Any) -> bool:
    return isinstance(value, str) and (
        value.strip().lower() == UNKNOWN or value.strip() in UNKNOWN_JA
    )


def _value_or_unknown(value: Any) -> str:
    # Called for every field that takes unknown; most hold a list, a mapping or a number.
    return "unknown" if isinstance(value, str) and _is_unknown(value) else "value"


def _fold_unknown(value: Any) -> Any:
    return UNKNOWN if _is_unknown(value) else value


_PLAIN_SEEN: set[str] = set()
"""Texts already found plain: towns write the same departments, roles and partners, and a
batch checks each of them once.  Emptied when full, so that its size stays bounded."""
_PLAIN_SEEN_MAX = 16384


def _plain_text(value: str) -> str:
    if value in _PLAIN_SEEN:
        return value
    if value.strip().lower() == UNKNOWN:
        return UNKNOWN
    reason = placeholder_reason(value)
    if reason is None:
        if len(_PLAIN_SEEN) >= _PLAIN_SEEN_MAX:
            _PLAIN_SEEN.clear()
        _PLAIN_SEEN.add(value)
        return value
    raise PydanticCustomError(
        "placeholder",
        "{value} is a placeholder ({reason}), which would count as a stated fact: write "
        "unknown if it is not known yet, or leave the field out if there is none",
        {
            "value": repr(value),
            "reason": reason,
            "ja": f"{value!r} は仮の記入で、事実を書いたものとして扱われてしまいます。"
            "まだ分からなければ unknown と書き、該当がなければ項目ごと省いてください",
        },
    )


if TYPE_CHECKING:
    OrUnknown = Union[T, Unknown]  # noqa: UP007
else:

    class OrUnknown:
        """``OrUnknown[X]``: a value of type X, or the word ``unknown``.

        A callable discriminator picks the arm first, so a bad value gets the error of type X
        alone rather than one error per arm of a union.
        """

        def __class_getitem__(cls, tp: Any) -> Any:
            return Annotated[
                Union[  # noqa: UP007
                    Annotated[tp, Tag("value")],
                    Annotated[
                        Unknown,
                        BeforeValidator(_fold_unknown),
                        Tag("unknown"),
                        WithJsonSchema({"type": "string", "enum": [UNKNOWN, *UNKNOWN_JA]}),
                    ],
                ],
                Discriminator(_value_or_unknown),
            ]


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=4000),
    AfterValidator(_plain_text),
]


def _empty() -> list[Any]:
    """An empty list, as ``default_factory=list`` gives, from a Python function: pydantic reads
    each factory's signature, and a builtin's only by tokenizing its text (5 ms an import)."""
    return []


class _Model(BaseModel):
    # Unknown keys are errors, so a misspelt field never passes unnoticed.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Municipality(_Model):
    name: Text = Field(description="Official name in Japanese, e.g. 石巻市.")
    name_en: Text | None = Field(None, description="Name in English, e.g. Ishinomaki.")
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] = Field(
        description="6-digit local government code (JIS X 0402, with check digit), quoted."
    )
    prefecture: Text = Field(description="Prefecture in Japanese, e.g. 宮城県.")
    bureau: JaBureau | None = Field(None, description="Regional bureau; derived when omitted.")
    population: OrUnknown[Annotated[int, Field(gt=0, le=MAX_POPULATION)]] | None = None

    @property
    def served_by(self) -> str:
        """The bureau stated, or else the one that covers the prefecture ("" if none does)."""
        from readiness.profile.localgov import bureau_of

        return self.bureau or bureau_of(self.prefecture) or ""


class Group(_Model):
    """A wide-area group of municipalities (広域連携) that seeks one partnership: the profile's
    ``municipality`` leads it, and is scored under the bureau that serves it."""

    name: Text | None = Field(
        None, description="The group's name, e.g. 日立市・常陸太田市・大子町."
    )
    members: list[Municipality] = Field(
        min_length=1, description="The other municipalities of the group, each with its code."
    )


class Team(_Model):
    kind: Text | None = Field(None, description="e.g. working group (WG), project team.")
    departments: list[Text] = Field(default_factory=_empty)
    members: list[Text] = Field(default_factory=_empty, description="Roles or groups in the team.")
    cross_departmental: OrUnknown[JaBool] | None = Field(
        None, description="Run across departments (組織横断), not by one section alone."
    )


class Will(_Model):
    """Condition 1: the will to act as an organisation, and a structure to do it."""

    requested_partnership: OrUnknown[JaBool] | None = Field(
        None, description="The municipality itself asked the bureau for closer cooperation."
    )
    top_commitment: OrUnknown[JaTopCommitment] | None = None
    top_commitment_evidence: Text | None = None
    lead_department: Text | None = None
    contact: Text | None = None
    team: OrUnknown[Team] | None = None
    staff_fte: OrUnknown[Annotated[float, Field(ge=0)]] | None = Field(
        None, description="Staff time given to the partnership, in full-time equivalents."
    )
    municipal_plan: Text | None = Field(
        None, description="Where the partnership sits in the municipal plan (総合計画 etc.)."
    )
    annual_review: OrUnknown[JaBool] | None = Field(
        None, description="Ready to review the partnership with the bureau about once a year."
    )


class Issue(_Model):
    """Condition 2: a concrete commerce-and-industry issue."""

    id: Slug
    title: Text
    evidence: OrUnknown[list[Text]] = Field(default_factory=_empty)


class Kpi(_Model):
    indicator: Text
    target: Text | float | None = None
    by: JaDate | None = None


class Timeline(_Model):
    start: JaDate | None = None
    end: JaDate | None = None


class Initiative(_Model):
    """Condition 2: a concrete initiative, and the bureau strategies it serves."""

    id: Slug
    title: Text
    addresses: list[Slug] = Field(default_factory=_empty, description="Ids of issues addressed.")
    actions: OrUnknown[list[Text]] = Field(default_factory=_empty)
    owner: Text | None = None
    timeline: OrUnknown[Timeline] | None = None
    kpis: OrUnknown[list[Kpi]] = Field(default_factory=_empty)
    town_role: Text | None = None
    bureau_role: Text | None = Field(None, description="The role hoped of the bureau.")
    serves: list[Slug] = Field(
        default_factory=_empty, description="Ids of the bureau strategies or themes it serves."
    )


class Partner(_Model):
    """Condition 3: a local organisation beyond the town hall."""

    name: Text
    type: JaPartnerType
    role: Text | None = None
    commitment: OrUnknown[JaCommitment]
    contribution: Text | None = Field(
        None, description="What it puts in: people, resources or funds, and any risk it takes."
    )
    initiatives: list[Slug] = Field(
        default_factory=_empty, description="Ids of initiatives joined."
    )


PlanKind = Literal[
    "sogo_senryaku",  # 地方版総合戦略
    "shinko_jorei",  # 振興条例
    "shinko_keikaku",  # 振興計画
    "mirai_toshi_kihon_keikaku",  # 地域未来投資促進法の基本計画
    "cluster_plan",  # 地域クラスター計画
    "other",
]


class Plan(_Model):
    """A municipal plan or strategy document that sets the town's policy."""

    kind: PlanKind
    title: Text
    names_project: OrUnknown[bool] | None = Field(
        None, description="The document names the partnership's project and its promotion."
    )


class BodyMember(_Model):
    name: Text
    sector: Literal["industry", "academia", "government", "finance", "other"]
    role: Text | None = Field(None, description="Its role in the promotion body.")


class PromotionBody(_Model):
    """A body that drives the project with local industry, academia and finance (協議会等)."""

    name: Text | None = None
    kind: Text | None = Field(None, description="e.g. 協議会 (a council).")
    members: list[BodyMember] = Field(default_factory=_empty)
    responsible: Text | None = Field(None, description="The body responsible (責任主体).")


class ProgrammeUse(_Model):
    programme: Annotated[
        Text,
        BeforeValidator(programme_id),
        StringConstraints(max_length=200),
        WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 200}),
    ] = Field(
        description="Id from the programme catalogue, or the programme's Japanese name; a METI "
        "programme the catalogue lacks is named as it is called, with its `law` or a `note`."
    )
    law: Text | None = Field(
        None,
        description="The law or scheme the programme rests on (needed, or a note, when the "
        "programme is not in the catalogue).",
    )
    year: OrUnknown[Annotated[int, Field(ge=1990, le=2100)]] | None = None
    firms: list[Text] = Field(default_factory=_empty)
    note: Text | None = None


class Cooperation(_Model):
    year: Annotated[int, Field(ge=1990, le=2100)] | None = None
    what: Text


class Record(_Model):
    """Track record: programmes used, earlier cooperation, growth firms, roll-out."""

    programmes: OrUnknown[list[ProgrammeUse]] = Field(default_factory=_empty)
    bureau_cooperation: OrUnknown[list[Cooperation]] = Field(default_factory=_empty)
    growth_firms: OrUnknown[list[Text]] = Field(default_factory=_empty)
    rollout: Text | None = Field(None, description="How the model could spread to other towns.")


class Source(_Model):
    """A source a profile's facts can cite by its id: a title, and a date or a URL."""

    id: Slug
    title: Text
    publisher: Text | None = None
    date: JaDate | None = None
    url: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _dated_or_linked(self) -> "Source":
        if self.date is None and self.url is None:
            raise ValueError(f"source {self.id!r}: give its date or its url, so it can be found")
        return self


def _source_kind(value: Any) -> str:
    return "source-record" if isinstance(value, (dict, Source)) else "source-text"


SourceEntry = Annotated[
    Union[Annotated[Source, Tag("source-record")], Annotated[Text, Tag("source-text")]],  # noqa: UP007
    Discriminator(_source_kind),
]


class Profile(_Model):
    """A municipality profile (schema version 1)."""

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> "Profile":
        """pydantic's; a file is first tried on a quicker validator of the same model, and
        validated again by the model's own only if that fails (see :mod:`.quick`)."""
        quick = None if options else quick_validator(cls, _value_or_unknown)
        if quick is not None:
            try:
                return cast(Profile, quick.validate_python(obj))
            except ValidationError:
                pass  # the model's own validator says what is wrong, as it always has
        return super().model_validate(obj, **options)

    schema_version: Literal[1]
    fictional: bool = Field(False, description="True for made-up towns used as examples.")
    as_of: JaDate = Field(description="The date the profile describes.")
    municipality: Municipality = Field(description="The municipality, or a group's lead town.")
    group: Group | None = Field(None, description="A wide-area group this town leads.")
    will: Will = Field(default_factory=Will)
    issues: OrUnknown[list[Issue]] = Field(default_factory=_empty)
    initiatives: OrUnknown[list[Initiative]] = Field(default_factory=_empty)
    partners: OrUnknown[list[Partner]] = Field(default_factory=_empty)
    record: Record = Field(default_factory=Record)
    plans: OrUnknown[list[Plan]] = Field(
        default_factory=_empty, description="Plans and strategies (総合戦略, 振興条例, ...)."
    )
    promotion_body: OrUnknown[PromotionBody] | None = None
    vision: Text | None = Field(None, description="A clear vision of the region's future.")
    structural_issues: OrUnknown[list[Text]] = Field(
        default_factory=_empty,
        description="Structural problems or a sense of crisis in the regional economy.",
    )
    sources: list[SourceEntry] = Field(
        default_factory=_empty,
        description="Where the facts come from: a source with an id (title, and date or url) "
        "can be cited in `citations`; a plain text names a source that nothing cites.",
    )
    citations: dict[str, list[Slug]] = Field(
        default_factory=dict,
        description="Which sources state which facts: a fact or a whole section (will, "
        "will.annual_review, issues.startup, record.programmes[0]) and the ids of its sources.",
    )
    readings: list[str] = Field(
        default_factory=_empty,
        description="Facts that are a reading (an inference), not stated by a source: they "
        "count as unevidenced even where a source is cited.",
    )
    notes: Text | None = None
