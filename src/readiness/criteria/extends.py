"""``extends:``: a criteria file built on another, overriding or removing parts of it.

An extending file names its parent (a bundled id, or a path relative to itself) and gives only
what differs.  Sections, criteria, strategies and bands are matched by ``id``: a known id updates
the fields given (a criterion's ``check`` or a ``label`` is replaced whole), a new id is added,
and ``remove:`` drops ids.  The merged set is then validated and checked like any criteria file.
``tests`` and ``abstract`` are never inherited: they belong to the file that states them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from readiness.criteria.checks import Check
from readiness.criteria.lint import criteria_problems
from readiness.criteria.model import Basis, Criteria, CriteriaTest, Id, Period, Quote, Source
from readiness.criteria.paths import bundled_ids, bundled_path
from readiness.diagnostics import Diagnostic, ReadinessError
from readiness.input.validation import Problem, clean_loc, diagnostics_from, locate
from readiness.input.yamlload import YamlDocument, parse, read_text
from readiness.profile.bilingual import NonEmpty, Text
from readiness.profile.jvalues import Bureau

_REPLACED = (
    "bureau", "version", "title", "synthesis", "description", "sources", "period",
    "strategy_label",
)  # fmt: skip


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CriterionPatch(_Model):
    id: Id
    label: Text | None = None
    official: NonEmpty | None = None
    basis: Basis | None = None
    required: bool | None = None
    points: Annotated[float, Field(gt=0)] | None = None
    check: Check | None = None
    recommendation: Text | None = None


class SectionPatch(_Model):
    id: Id
    kind: Literal["condition", "factor"] | None = None
    label: Text | None = None
    official: NonEmpty | None = None
    quotes: list[Quote] | None = None
    weight: Annotated[float, Field(gt=0)] | None = None
    gate: Annotated[float, Field(ge=0, le=1)] | None = None
    criteria: list[CriterionPatch] = Field(
        default_factory=list, description="Criteria to change (by id) or to add."
    )


class StrategyPatch(_Model):
    id: Id
    label: Text | None = None
    official: NonEmpty | None = None
    basis: Basis | None = None


class BandPatch(_Model):
    id: Id
    label: Text | None = None
    min: Annotated[float, Field(ge=0, le=100)] | None = None
    requires_gates: bool | None = None
    min_evidence: Annotated[float, Field(ge=0, le=1)] | None = None


class Removals(_Model):
    """Ids to drop from the parent; removal happens before changes and additions."""

    sections: list[Id] = Field(default_factory=list)
    criteria: list[Id] = Field(default_factory=list)
    strategies: list[Id] = Field(default_factory=list)
    bands: list[Id] = Field(default_factory=list)


class CriteriaExtension(_Model):
    """A criteria file that extends another and states only what differs."""

    retired_fields: ClassVar[dict[str, str]] = Criteria.retired_fields

    format: Literal[1]
    extends: NonEmpty = Field(description="The parent: a bundled id or a file path.")
    id: Id
    abstract: bool = False
    bureau: Bureau | None = None
    version: NonEmpty | None = None
    title: Text | None = None
    synthesis: Text | None = None
    description: Text | None = None
    sources: list[Source] | None = None
    period: Period | None = None
    strategy_label: Text | None = None
    strategies: list[StrategyPatch] = Field(default_factory=list)
    sections: list[SectionPatch] = Field(default_factory=list)
    bands: list[BandPatch] = Field(
        default_factory=list,
        description="Changed or new bands; new ones take their place by min.",
    )
    remove: Removals = Field(default_factory=Removals)
    tests: list[CriteriaTest] = Field(default_factory=list)


def is_extension(data: object) -> bool:
    return isinstance(data, dict) and "extends" in data


def merged(
    doc: YamlDocument,
    parent: Criteria,
    extension: CriteriaExtension,
    parent_doc: YamlDocument | None = None,
) -> Criteria:
    """``extension`` (read from ``doc``) applied to ``parent``: the merged, checked set.

    A problem found only in the merged set is located where its item is written: in ``doc``
    when the child writes it, else in ``parent_doc`` (inherited), else at ``extends:``.
    """
    data, problems = merge(parent, extension)
    if problems:
        raise ReadinessError(locate(doc, p) for p in problems)
    where = f"after merging with {parent.id}"
    where_ja = f"{parent.id} と統合した結果"
    try:
        value = Criteria.model_validate(data)
    except ValidationError as e:
        flat = YamlDocument(doc.source, data, None)
        raise ReadinessError(
            _origin(
                d.code,
                (f"{where}: {d.message}", f"{where_ja}: {d.message_ja or d.message}"),
                loc,
                data,
                (doc, parent_doc),
                parent=parent,
            )
            for d, loc in zip(diagnostics_from(e, flat, Criteria), _error_locs(e), strict=False)
        ) from None
    found = criteria_problems(value)
    if found:
        raise ReadinessError(
            _origin(
                p.code,
                (f"{where}: {p.message}", f"{where_ja}: {p.message_ja or p.message}"),
                p.loc,
                data,
                (doc, parent_doc),
                parent=parent,
            )
            for p in found
        )
    return value


def _error_locs(error: ValidationError) -> list[tuple[str | int, ...]]:
    """The location of each error, in the order (and with the dedup) of diagnostics_from."""
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    locs = []
    for err in error.errors(include_url=False):
        loc = tuple(clean_loc(err["loc"]))
        if (loc, err["type"]) not in seen:
            seen.add((loc, err["type"]))
            locs.append(loc)
    return locs


def _origin(
    code: str,
    messages: tuple[str, str],
    loc: tuple[str | int, ...],
    data: Any,
    docs: tuple[YamlDocument, YamlDocument | None],
    *,
    parent: Criteria | None = None,
) -> Diagnostic:
    """A diagnostic at the line that wrote the item at ``loc``: the child's, else the parent's;
    but at the child's ``remove:`` entry or override when that is what caused the problem.

    ``messages`` is the English and the Japanese."""
    message, ja = messages
    cause = _cause(loc, message, data, docs[0], parent) if parent is not None else None
    if cause is not None:
        return Diagnostic(docs[0].source, cause[0], cause[1], code, message, ja)
    for depth in range(len(loc), 0, -1):
        item: Any = data
        for part in loc[:depth]:
            try:
                item = item[part]
            except (KeyError, IndexError, TypeError):
                item = None
                break
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            for source in docs:
                pos = source.id_position(item["id"], loc[depth:]) if source else None
                if pos is not None and source is not None:
                    return Diagnostic(source.source, pos[0], pos[1], code, message, ja)
            break
    doc = docs[0]
    at = doc.position(("extends",))
    line, column = at if at else (None, None)
    return Diagnostic(doc.source, line, column, code, message, ja)


def _cause(
    loc: tuple[str | int, ...], message: str, data: Any, child: YamlDocument, parent: Criteria
) -> tuple[int, int] | None:
    """Where the child caused a problem of the merged set that no item of its own shows: the
    ``remove:`` entry that emptied a list, took the lowest band or a strategy still in use, or
    the band override that put the band above out of order."""
    raw: dict[str, Any] = child.data if isinstance(child.data, dict) else {}
    given = raw.get("remove")
    removals: dict[str, Any] = given if isinstance(given, dict) else {}

    def removed(kind: str, ids: set[str]) -> tuple[int, int] | None:
        """The last entry of ``remove: {kind: [...]}`` that names one of ``ids``."""
        entries = removals.get(kind)
        if not isinstance(entries, list):
            return None
        hits = [k for k, ident in enumerate(entries) if ident in ids]
        return child.position(("remove", kind, hits[-1])) if hits else None

    def item(*path: str | int) -> Any:
        value = data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    if loc == ("sections",):
        return removed("sections", {s.id for s in parent.sections})
    if loc == ("bands",):
        return removed("bands", {b.id for b in parent.bands})
    if len(loc) == 3 and loc[0] == "sections" and loc[2] == "criteria":
        section = item(*loc[:2])
        ident = section.get("id") if isinstance(section, dict) else None
        emptied = next((s for s in parent.sections if s.id == ident), None)
        return removed("criteria", {c.id for c in emptied.criteria}) if emptied else None
    if loc[:1] == ("bands",) and len(loc) >= 2 and isinstance(loc[1], int):
        band = item("bands", loc[1])
        ident = band.get("id") if isinstance(band, dict) else None
        if "lowest band" in message:
            order = [b.id for b in parent.bands]
            below = set(order[order.index(ident) + 1 :]) if ident in order else set()
            return removed("bands", below)
        above = item("bands", loc[1] - 1) if loc[1] > 0 else None
        if loc[2:] == ("min",) and isinstance(above, dict) and _patches(raw, ident, "min") is None:
            k = _patches(raw, above.get("id"), "min")
            return child.position(("bands", k, "min")) if k is not None else None
        return None
    if loc[:1] == ("sections",) and "is not possible" in message:
        gone = {i for i in removals.get("strategies") or [] if f"{i!r} is not possible" in message}
        return removed("strategies", gone)
    return None


def _patches(raw: dict[str, Any], ident: Any, field: str) -> int | None:
    """The index in the child's ``bands:`` of its override of ``field`` of band ``ident``."""
    bands = raw.get("bands")
    for k, band in enumerate(bands if isinstance(bands, list) else []):
        if isinstance(band, dict) and band.get("id") == ident and field in band:
            return k
    return None


def _identity(source: str) -> str:
    path = Path(source)
    return str(path.resolve()) if path.is_file() else source


def parent_document(
    ref: str, doc: YamlDocument, chain: tuple[str, ...], read: list[tuple[str, str]] | None = None
) -> tuple[YamlDocument, tuple[str, ...]]:
    """The parsed parent that ``doc`` extends, and the chain of files that now includes ``doc``.

    ``ref`` is a bundled id or a path relative to ``doc``; a parent already in ``chain`` would
    make a loop and is refused.  ``read`` gets the path of the parent as opened (absolute,
    links not followed: the next load opens the same) and the text parsed.
    """
    here = (*chain, _identity(doc.source))
    path = bundled_path(ref) or (Path(doc.source).parent / ref)
    at = doc.position(("extends",))
    line, column = at if at else (None, None)
    if not path.is_file():
        raise ReadinessError.single(
            doc.source, "missing-parent",
            f"extends {ref!r}: no bundled criteria with this id and no such file "
            f"(bundled: {', '.join(bundled_ids())})", line, column,
            ja=f"extends {ref!r}: この id の同梱の評価基準も、このファイルもありません"
            f"（同梱: {', '.join(bundled_ids())}）",
        )  # fmt: skip
    key = str(path.resolve())
    if key in here:
        loop = " -> ".join(Path(k).name for k in (*here[here.index(key) :], key))
        raise ReadinessError.single(
            doc.source, "extends-cycle", f"extends {ref!r} makes a cycle: {loop}", line, column,
            ja=f"extends {ref!r} が循環しています: {loop}",
        )  # fmt: skip
    text = read_text(path)
    if read is not None:
        read.append((os.path.abspath(path), text))
    return parse(text, str(path)), here


def criteria_to_data(criteria: Criteria) -> dict[str, Any]:
    """A criteria set as plain data, in the file's own shape (what ``--resolved`` prints)."""
    return criteria.model_dump(mode="python", by_alias=True, exclude_none=True)


def merge(parent: Criteria, extension: CriteriaExtension) -> tuple[dict[str, Any], list[Problem]]:
    """The parent's data with the extension applied, and any removal that names nothing."""
    base = criteria_to_data(parent)
    base.pop("tests", None)
    patch = extension.model_dump(mode="json", by_alias=True, exclude_unset=True)
    problems = _remove(base, extension.remove, parent.id)
    for key in _REPLACED:
        if key in patch:
            base[key] = patch[key]
    base["id"] = extension.id
    base["abstract"] = extension.abstract  # a base's children are not bases unless they say so
    base["extends"] = extension.extends
    base["tests"] = patch.get("tests", [])
    _merge_by_id(base["strategies"], patch.get("strategies", []))
    if patch.get("bands"):
        parent_order = [b["id"] for b in base["bands"]]
        _merge_by_id(base["bands"], patch["bands"])
        by_min = sorted(base["bands"], key=lambda b: -float(b.get("min", 0)))
        # New bands find their place by min; but an override must not reorder the parent's
        # bands (that would change what "top band" means): keep the order, and the lint
        # reports the inversion at the band's line.
        if [b["id"] for b in by_min if b["id"] in parent_order] == [
            i for i in parent_order if any(b["id"] == i for b in by_min)
        ]:
            base["bands"] = by_min
    for section in patch.get("sections", []):
        existing = _find(base["sections"], section["id"])
        if existing is None:
            base["sections"].append(section)
            continue
        criteria = section.pop("criteria", [])
        existing.update(section)
        _merge_by_id(existing["criteria"], criteria)
    return base, problems


def _find(items: list[dict[str, Any]], ident: str) -> dict[str, Any] | None:
    return next((item for item in items if item.get("id") == ident), None)


def _merge_by_id(items: list[dict[str, Any]], patches: list[dict[str, Any]]) -> None:
    for patch in patches:
        existing = _find(items, patch["id"])
        if existing is None:
            items.append(patch)
        else:
            existing.update(patch)


_WHAT_JA = {
    "section": "条件・観点",
    "criterion": "評価項目",
    "strategy": "重点戦略",
    "band": "判定",
}


def _remove(base: dict[str, Any], removals: Removals, parent_id: str) -> list[Problem]:
    problems: list[Problem] = []

    def drop(items: list[dict[str, Any]], ids: list[str], kind: str, what: str) -> None:
        known = {item["id"] for item in items}
        for i, ident in enumerate(ids):
            if ident not in known:
                problems.append(
                    Problem(("remove", kind, i), "unknown-id",
                            f"cannot remove {what} {ident!r}: {parent_id} has no such {what}",
                            f"{_WHAT_JA.get(what, what)} {ident!r} を削除できません。"
                            f"{parent_id} にありません")
                )  # fmt: skip
        items[:] = [item for item in items if item["id"] not in ids]

    drop(base["sections"], removals.sections, "sections", "section")
    all_criteria = [c for s in base["sections"] for c in s["criteria"]]
    drop(all_criteria, removals.criteria, "criteria", "criterion")
    for section in base["sections"]:
        section["criteria"] = [c for c in section["criteria"] if c["id"] not in removals.criteria]
    drop(base["strategies"], removals.strategies, "strategies", "strategy")
    drop(base["bands"], removals.bands, "bands", "band")
    return problems
