"""Values as Japanese offices write them: the Japanese words for every enumerated value, and dates.

A profile may say ``top_commitment: 市長``, ``requested_partnership: はい``, ``type: 商工会議所``,
``commitment: 協議中``, ``programme: 創業支援`` or ``as_of: 令和4年12月23日``; each is read as the
value it stands for (``mayor``, ``true``, ``chamber_of_commerce``, ``in_talks``,
``sogyo-shien``, ``2022-12-23``) before the model checks it, so a profile and its English-valued
twin score the same.  The JSON Schema lists the Japanese words too, so editors accept them.

``profile/model.py`` uses the annotated types here (``JaTopCommitment``, ``JaBool``, ``JaDate``
...); each is a ``BeforeValidator`` that leaves every other value alone for the model to judge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, get_args

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from readiness.input.explain_ja import register_ja_words
from readiness.input.jdates import DateError, parse_date
from readiness.profile.nfkc import nfkc

TopCommitment = Literal["mayor", "deputy_mayor", "department_head", "section_head", "none"]
PartnerType = Literal[
    "chamber_of_commerce",  # 商工会議所
    "society_of_commerce",  # 商工会
    "industry_support_centre",  # 産業支援センター
    "financial_institution",  # 金融機関
    "university",  # 大学・高専
    "core_firm",  # 中核企業
    "other",
]
Commitment = Literal["signed", "agreed", "in_talks", "planned"]
Bureau = Literal[
    "hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu", "okinawa"
]

TOP_COMMITMENT_JA: dict[str, str] = {
    "市長": "mayor", "町長": "mayor", "村長": "mayor", "区長": "mayor", "首長": "mayor",
    "副市長": "deputy_mayor", "副町長": "deputy_mayor", "副村長": "deputy_mayor",
    "副区長": "deputy_mayor", "副首長": "deputy_mayor",
    "部長": "department_head", "局長": "department_head",
    "課長": "section_head", "室長": "section_head",
    "なし": "none", "無し": "none",
}  # fmt: skip
"""Who in the town hall stands behind the partnership, as a Japanese title."""

PARTNER_TYPE_JA: dict[str, str] = {
    "商工会議所": "chamber_of_commerce",
    "商工会": "society_of_commerce",
    "産業支援センター": "industry_support_centre", "産業支援機関": "industry_support_centre",
    "金融機関": "financial_institution", "銀行": "financial_institution",
    "地方銀行": "financial_institution", "信用金庫": "financial_institution",
    "信用組合": "financial_institution",
    "大学": "university", "高専": "university", "大学・高専": "university",
    "中核企業": "core_firm",
    "その他": "other",
}  # fmt: skip

COMMITMENT_JA: dict[str, str] = {
    "締結": "signed", "締結済み": "signed", "協定締結": "signed",
    "合意": "agreed", "合意済み": "agreed",
    "協議中": "in_talks",
    "予定": "planned", "計画中": "planned",
}  # fmt: skip

BUREAU_JA: dict[str, str] = {
    "北海道経済産業局": "hokkaido", "東北経済産業局": "tohoku", "関東経済産業局": "kanto",
    "中部経済産業局": "chubu", "近畿経済産業局": "kinki", "中国経済産業局": "chugoku",
    "四国経済産業局": "shikoku", "九州経済産業局": "kyushu",
    "沖縄総合事務局経済産業部": "okinawa", "沖縄総合事務局": "okinawa",
    "北海道": "hokkaido", "東北": "tohoku", "関東": "kanto", "中部": "chubu", "近畿": "kinki",
    "中国": "chugoku", "四国": "shikoku", "九州": "kyushu", "沖縄": "okinawa",
}  # fmt: skip

BOOL_JA: dict[str, bool] = {
    "はい": True, "いいえ": False, "あり": True, "なし": False, "有": True, "無": False,
    "済": True, "済み": True, "未": False,
}  # fmt: skip

UNKNOWN_JA = ("不明",)
"""Written for ``unknown`` where a field takes it (see ``model.OrUnknown``)."""


def _key(value: str) -> str:
    return "".join(nfkc(value).split())


_MISSING = object()


def _aliases(table: Mapping[str, Any]) -> Callable[[Any], Any]:
    folded = {_key(k): v for k, v in table.items()}
    # The words of the table and the values they stand for, as most files write them: read
    # without normalising (the answer is the one normalising gives).
    written = [*table, *(v for v in table.values() if isinstance(v, str))]
    exact = {w: folded.get(_key(w), w) for w in written}

    def read(value: Any) -> Any:
        if isinstance(value, str):
            found = exact.get(value, _MISSING)
            return folded.get(_key(value), value) if found is _MISSING else found
        return value

    return read


def _described(values: tuple[str, ...], table: Mapping[str, Any]) -> WithJsonSchema:
    """The schema of an enumeration that also takes its Japanese words."""
    words = "; ".join(
        f"{v}: {'、'.join(k for k, x in table.items() if x == v)}"
        for v in values
        if any(x == v for x in table.values())
    )
    return WithJsonSchema(
        {
            "enum": [*values, *table],
            "description": f"One of {', '.join(values)}; in Japanese also {words}.",
        }
    )


def ja_enum(values: Any, table: Mapping[str, str]) -> Any:
    """``Literal[...]`` ``values`` that also take the Japanese words of ``table``."""
    register_ja_words(get_args(values), dict(table))
    return Annotated[values, BeforeValidator(_aliases(table)), _described(get_args(values), table)]


if TYPE_CHECKING:  # to mypy each is its enumeration; at run time it also takes Japanese words
    JaTopCommitment: TypeAlias = TopCommitment
    JaPartnerType: TypeAlias = PartnerType
    JaCommitment: TypeAlias = Commitment
    JaBureau: TypeAlias = Bureau
else:
    JaTopCommitment = ja_enum(TopCommitment, TOP_COMMITMENT_JA)
    JaPartnerType = ja_enum(PartnerType, PARTNER_TYPE_JA)
    JaCommitment = ja_enum(Commitment, COMMITMENT_JA)
    JaBureau = ja_enum(Bureau, BUREAU_JA)
JaBool = Annotated[
    bool,
    BeforeValidator(_aliases(BOOL_JA)),
    WithJsonSchema(
        {
            "anyOf": [{"type": "boolean"}, {"enum": list(BOOL_JA)}],
            "description": "true or false; in Japanese also はい/いいえ, あり/なし, 有/無.",
        }
    ),
]


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: Any) -> Any:
    """A date written as 2024/4/1, 2024年4月1日, 令和6年4月1日, R6.4.1 or 20240401."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # YAML reads 20240401 as a number
    if not isinstance(value, str):
        return value
    if _ISO_DATE.fullmatch(value):  # 2024-04-01, as most files write it
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # 2024-02-30: parse_date says why
    try:
        return parse_date(value)
    except DateError as e:
        raise PydanticCustomError("date_ja", "{en}", {"en": e.en, "ja": e.ja}) from None


JaDate = Annotated[
    dt.date,
    BeforeValidator(_date),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A date: 2024-04-01, 2024/4/1, 2024年4月1日, 令和6年4月1日 or R6.4.1.",
        }
    ),
]


@cache
def _catalogue() -> Mapping[str, object]:
    from readiness.profile.programmes import catalogue

    return catalogue()


def programme_id(value: Any) -> Any:
    """A programme's id from its Japanese name in the catalogue (創業支援等事業計画), from the
    start of that name when only one programme's name starts so (創業支援), or from its English
    name; any other name is kept as written (a programme the catalogue lacks, see
    :mod:`readiness.profile.checks`)."""
    if not isinstance(value, str):
        return value
    if value in _catalogue():  # an id, as most files write it
        return value
    from readiness.profile.programmes import catalogue

    typed = _key(value)
    names = {p.id: _key(p.name.ja) for p in catalogue().values()}
    exact = [i for i, n in names.items() if n == typed]
    exact += [p.id for p in catalogue().values() if _key(p.name.en).lower() == typed.lower()]
    if exact:
        return exact[0]
    starts = [i for i, n in names.items() if len(typed) >= 4 and n.startswith(typed)]
    if len(starts) == 1 and not value.isascii():
        return starts[0]
    return value
