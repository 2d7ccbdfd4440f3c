"""Checks on a profile that its field types cannot express: codes, names, references."""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from pydantic import BaseModel

from readiness.input.fieldpaths import UNKNOWN, Loc
from readiness.input.validation import Problem
from readiness.profile.localgov import bureau_of, check_digit, municipality
from readiness.profile.model import Municipality, Profile
from readiness.profile.programmes import catalogue, near_miss


def profile_problems(profile: Profile) -> list[Problem]:
    from readiness.profile.evidence import evidence_problems

    return [
        *_identities(profile),
        *_references(profile),
        *_programmes(profile),
        *evidence_problems(profile),
    ]


def _identities(profile: Profile) -> list[Problem]:
    problems = _identity(profile.municipality, ("municipality",), profile.fictional)
    if profile.group is None:
        return problems
    seen = {profile.municipality.code}
    for i, member in enumerate(profile.group.members):
        at: Loc = ("group", "members", i)
        problems += _identity(member, at, profile.fictional)
        if member.code in seen:
            problems.append(
                Problem((*at, "code"), "duplicate-member",
                        f"{member.name} ({member.code}) is already in the group: the lead town "
                        "is `municipality`, and each member is listed once",
                        f"{member.name}（{member.code}）はすでにグループにいます。代表は"
                        " `municipality` で、構成自治体は1回ずつ書きます")
            )  # fmt: skip
        seen.add(member.code)
    return problems


def _identity(m: Municipality, at: Loc, fictional: bool) -> list[Problem]:
    problems = []
    expected_bureau = bureau_of(m.prefecture)
    if expected_bureau is None:
        problems.append(
            Problem((*at, "prefecture"), "bad-prefecture",
                    f"unknown prefecture {m.prefecture!r}; write it in full, e.g. 宮城県",
                    f"都道府県 {m.prefecture!r} がわかりません。"
                    "宮城県のように正式名で書いてください")
        )  # fmt: skip
    elif m.bureau is not None and m.bureau != expected_bureau:
        problems.append(
            Problem((*at, "bureau"), "bureau-mismatch",
                    f"{m.prefecture} is served by the {expected_bureau} bureau, not {m.bureau}",
                    f"{m.prefecture}の所管は {expected_bureau} で、{m.bureau} ではありません")
        )  # fmt: skip
    digit = check_digit(m.code[:5])
    if int(m.code[5]) != digit:
        problems.append(
            Problem((*at, "code"), "bad-code",
                    f"code {m.code} fails its check digit (the last digit should be {digit})",
                    f"コード {m.code} の検査数字が合いません（最後の桁は {digit} のはずです）")
        )  # fmt: skip
        return problems
    if fictional:
        return problems  # a made-up town is not in the list; its code still has a check digit
    known = municipality(m.code)
    if known is None:
        problems.append(
            Problem((*at, "code"), "unknown-code",
                    f"code {m.code} is not in the municipality list",
                    f"コード {m.code} は自治体一覧にありません")
        )  # fmt: skip
    elif known.name != m.name:
        problems.append(
            Problem((*at, "name"), "name-mismatch",
                    f"code {m.code} is {known.name} ({known.prefecture}), not {m.name}",
                    f"コード {m.code} は{known.name}（{known.prefecture}）で、"
                    f"{m.name}ではありません")
        )  # fmt: skip
    elif known.prefecture != m.prefecture and expected_bureau is not None:
        problems.append(
            Problem((*at, "prefecture"), "name-mismatch",
                    f"{known.name} (code {m.code}) is in {known.prefecture}, not {m.prefecture}",
                    f"{known.name}（コード {m.code}）は{known.prefecture}にあり、"
                    f"{m.prefecture}ではありません")
        )  # fmt: skip
    return problems


def _duplicates(items: list[tuple[Loc, str]], what: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for loc, ident in items:
        if ident in seen:
            problems.append(
                Problem(loc, "duplicate-id", f"{what} id {ident!r} is used twice",
                        f"id {ident!r} が2回使われています（{what}）")
            )  # fmt: skip
        seen.add(ident)
    return problems


def _references(profile: Profile) -> list[Problem]:
    issues = profile.issues if isinstance(profile.issues, list) else []
    initiatives = profile.initiatives if isinstance(profile.initiatives, list) else []
    partners = profile.partners if isinstance(profile.partners, list) else []
    problems = _duplicates([(("issues", i, "id"), x.id) for i, x in enumerate(issues)], "issue")
    problems += _duplicates(
        [(("initiatives", i, "id"), x.id) for i, x in enumerate(initiatives)], "initiative"
    )
    issue_ids = {x.id for x in issues}
    initiative_ids = {x.id for x in initiatives}
    # A reference is checked whatever the list it points into says: when that list is
    # ``unknown`` (or empty), the reference points at nothing and would count as a stated fact.
    en, ja = _nothing_there(profile.issues, "issues")
    for i, initiative in enumerate(initiatives):
        for j, ref in enumerate(initiative.addresses):
            if ref not in issue_ids:
                problems.append(
                    Problem(("initiatives", i, "addresses", j), "bad-reference",
                            f"initiative {initiative.id!r} addresses no issue with id {ref!r}{en}",
                            f"取組 {initiative.id!r} の addresses にある {ref!r} という"
                            f" id の課題がありません{ja}")
                )  # fmt: skip
    en, ja = _nothing_there(profile.initiatives, "initiatives")
    for i, partner in enumerate(partners):
        for j, ref in enumerate(partner.initiatives):
            if ref not in initiative_ids:
                problems.append(
                    Problem(("partners", i, "initiatives", j), "bad-reference",
                            f"partner {partner.name!r} joins no initiative with id {ref!r}{en}",
                            f"関係機関 {partner.name!r} が参加する {ref!r} という"
                            f" id の取組がありません{ja}")
                )  # fmt: skip
    return problems


def _nothing_there(target: object, name: str) -> tuple[str, str]:
    """What to add to a bad reference when the list it points into is ``unknown``."""
    if isinstance(target, str):  # unknown
        ja = "課題" if name == "issues" else "取組"
        return (
            f" ({name} are unknown: state the {name} it refers to, or remove the reference)",
            f"（{ja}が unknown です。参照先の{ja}を記入するか、参照を削除してください）",
        )
    return "", ""


def _programmes(profile: Profile) -> list[Problem]:
    """A programme the catalogue lacks needs its law or a note, so that a reader can find it;
    the catalogue does not decide which programmes exist (:mod:`readiness.profile.programmes`)."""
    uses = profile.record.programmes
    if not isinstance(uses, list):
        return []
    problems = []
    for i, use in enumerate(uses):
        at: Loc = ("record", "programmes", i, "programme")
        if use.programme == UNKNOWN:
            problems.append(
                Problem(at, "uncatalogued-programme",
                        "a programme use needs the programme's name: leave the entry out if it "
                        "is not known which programme was used",
                        "活用した制度の名前を書いてください。どの制度か分からなければ、"
                        "この項目ごと省いてください")
            )  # fmt: skip
            continue
        if use.programme in catalogue() or use.law is not None or use.note is not None:
            continue
        near = near_miss(use.programme)
        hint_en = f" (did you mean {near.id}, {near.name.en}?)" if near else ""
        hint_ja = f"{near.id}（{near.name.ja}）のことですか。" if near else ""
        problems.append(
            Problem(at, "uncatalogued-programme",
                    f"{use.programme!r} is not in the programme catalogue{hint_en}: a programme "
                    "the catalogue lacks counts when its entry gives its `law` or a `note`",
                    f"制度 {use.programme!r} はカタログにありません。{hint_ja}"
                    "カタログにない制度は、根拠法（law）か備考（note）を書けば実績として数えます")
        )  # fmt: skip
    return problems


def raw_profile_problems(data: Any) -> list[Problem]:
    """The id and reference checks, made on the plain data of a profile whose types are wrong
    somewhere, so that one pass reports a dangling reference with the type errors.

    Each issue, initiative and partner whose id, name and references validate by itself is put
    in a stand-in profile; the others are passed over.  A reference into a list that is itself
    broken is not judged."""
    from pydantic import ValidationError

    from readiness.profile.model import Initiative, Issue, Partner

    if not isinstance(data, dict):
        return []

    def valid(kind: Any, value: Any) -> Any | None:
        try:
            return _adapter(kind).validate_python(value)
        except ValidationError:
            return None

    def stand_ins(key: str, build: Any) -> tuple[Any, dict[int, int]] | None:
        """The stand-in list for ``key`` ("unknown" as it is), and where each item came from;
        None when the value is neither a list nor a string."""
        value = data.get(key, [])
        if value == UNKNOWN:
            return value, {}
        if not isinstance(value, list):
            return None
        items: list[Any] = []
        at: dict[int, int] = {}
        for i, raw in enumerate(value):
            made = build(raw) if isinstance(raw, dict) else None
            if made is not None:
                at[len(items)] = i
                items.append(made)
        return items, at

    slug = Issue.model_fields["id"].annotation
    refs = Initiative.model_fields["addresses"].annotation
    name = Partner.model_fields["name"].annotation

    def issue(raw: dict[str, Any]) -> Issue | None:
        ident = valid(slug, raw.get("id"))
        return _unchecked(Issue, {"id": ident}) if ident is not None else None

    def initiative(raw: dict[str, Any]) -> Initiative | None:
        ident = valid(slug, raw.get("id"))
        addresses = valid(refs, raw.get("addresses", [])) or []
        return _unchecked(Initiative, {"id": ident, "addresses": addresses}) if ident else None

    def partner(raw: dict[str, Any]) -> Partner | None:
        called = valid(name, raw.get("name"))
        joined = valid(refs, raw.get("initiatives", [])) or []
        return _unchecked(Partner, {"name": called, "initiatives": joined}) if called else None

    issues = stand_ins("issues", issue)
    initiatives = stand_ins("initiatives", initiative)
    partners = stand_ins("partners", partner)
    fields: dict[str, Any] = {  # only what the reference checks read
        "issues": issues[0] if issues else [],
        "initiatives": initiatives[0] if initiatives else [],
        "partners": partners[0] if partners else [],
    }
    stand_in = _unchecked(Profile, fields)
    where = {"issues": issues, "initiatives": initiatives, "partners": partners}
    targets = {"initiatives": issues, "partners": initiatives}
    placed = []
    for problem in _references(stand_in):
        kind, i = problem.loc[0], problem.loc[1]
        found = where[str(kind)]
        if found is None or (problem.code == "bad-reference" and targets[str(kind)] is None):
            continue  # a broken list: its type errors are reported instead
        assert isinstance(i, int)
        loc = (kind, found[1][i], *problem.loc[2:])
        placed.append(Problem(loc, problem.code, problem.message, problem.message_ja))
    return placed


M = TypeVar("M", bound=BaseModel)


def _unchecked(model: type[M], fields: dict[str, Any]) -> M:
    """A stand-in holding only the fields the reference checks read (each one validated)."""
    return model.model_construct(**fields)


@functools.cache
def _adapter(kind: Any) -> Any:
    """One pydantic adapter per type (making one costs far more than using it)."""
    from pydantic import TypeAdapter

    return TypeAdapter(kind)
