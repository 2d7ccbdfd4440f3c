"""Criteria and checks in words, for ``readiness explain`` and ``readiness criteria show``.

Pure functions from criteria to lines of text; the commands print them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import inspect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from typing import Any

import yaml

from readiness.criteria.check_examples import CheckExamples, examples_for, with_references
from readiness.criteria.checks import (
    CHECK_KINDS,
    AllOf,
    AnyOf,
    AtLeast,
    Count,
    IsTrue,
    OneOf,
    Predicate,
)
from readiness.criteria.currency import period_text, status
from readiness.criteria.model import Criteria, Criterion, Section
from readiness.diagnostics import ReadinessError
from readiness.input.fieldpaths import resolve
from readiness.messages import Lang, pick, t, table
from readiness.profile.model import Profile

_WORDS: dict[str, tuple[str, str]] = table("explain")


def word(key: str, lang: Lang) -> str:
    return pick(_WORDS[key], lang)


# --- checks in words -----------------------------------------------------------------------


def describe_check(check: Any, lang: Lang, indent: str = "") -> list[str]:
    """The check as one line per part; ``all`` and ``any`` nest their parts below them."""
    ja = lang == "ja"
    if isinstance(check, (AllOf, AnyOf)):
        head = ("次のすべて:" if ja else "all of:") if isinstance(check, AllOf) else None
        head = head or ("次のいずれか:" if ja else "any of:")
        lines = [indent + head]
        for sub in check.checks:
            sub_lines = describe_check(sub, lang, indent + "    ")
            sub_lines[0] = indent + "  - " + sub_lines[0].lstrip()
            lines += sub_lines
        return lines
    return [indent + _describe_simple(check, ja)]


def _describe_simple(check: Any, ja: bool) -> str:
    if isinstance(check, IsTrue):
        return f"{check.field} が true（はい）" if ja else f"{check.field} is true"
    if isinstance(check, AtLeast):
        is_list = resolve(Profile, check.field).is_list
        if is_list:
            return (
                f"{check.field} が {check.min:g} 件以上"
                if ja
                else f"{check.field} has at least {check.min:g} item(s)"
            )
        return (
            f"{check.field} が {check.min:g} 以上"
            if ja
            else f"{check.field} is at least {check.min:g}"
        )
    if isinstance(check, OneOf):
        values = ", ".join(map(str, check.values))
        return (
            f"{check.field} が次のいずれか: {values}"
            if ja
            else f"{check.field} is one of: {values}"
        )
    if isinstance(check, Count):
        if not check.where:
            return (
                f"{check.items} が {check.min} 件以上"
                if ja
                else f"{check.items} has at least {check.min} item(s)"
            )
        tests = [_describe_predicate(p, pred, ja) for p, pred in check.where.items()]
        return (
            f"{check.items} のうち、{'、かつ '.join(tests)}ものが {check.min} 件以上"
            if ja
            else f"at least {check.min} of {check.items} with {'; '.join(tests)}"
        )
    field = getattr(check, "field", "?")
    return f"{field} が記載されている" if ja else f"{field} is stated"


def _describe_predicate(path: str, p: Predicate, ja: bool) -> str:
    if p.present:
        return f"{path} が記載されている" if ja else f"{path} stated"
    if p.equals is not None:
        return f"{path} が {p.equals} である" if ja else f"{path} = {p.equals}"
    if p.in_ is not None:
        values = ", ".join(map(str, p.in_))
        return f"{path} が {values} のいずれかである" if ja else f"{path} in [{values}]"
    return f"{path} が {p.min:g} 以上である" if ja else f"{path} at least {p.min:g}"


def kind_doc(kind: str) -> str:
    """The documentation of a check kind: its class docstring, PASS and FAIL lines included."""
    return inspect.cleandoc(CHECK_KINDS[kind].__doc__ or "").replace("``", "")


def kind_summary(kind: str, lang: Lang) -> str:
    """One line on what a check kind tests: the docstring's first, or its Japanese version."""
    if lang == "ja":
        from readiness.criteria.json_schemas import JA

        return JA[CHECK_KINDS[kind].__name__]
    return kind_doc(kind).splitlines()[0]


def kinds_used(check: Any) -> list[str]:
    kinds = [str(check.kind)]
    for sub in getattr(check, "checks", []):
        kinds += [k for k in kinds_used(sub) if k not in kinds]
    return kinds


# --- criteria ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    criteria: Criteria
    section: Section
    criterion: Criterion


def find_criterion(criterion_id: str, sets: Sequence[Criteria], where: str) -> list[Found]:
    """Every set's criterion with this id; an unknown id raises naming the nearest ones."""
    found = [Found(c, s, x) for c in sets for s, x in c.all_criteria() if x.id == criterion_id]
    if found:
        return found
    ids = sorted({x.id for c in sets for _, x in c.all_criteria()})
    close = difflib.get_close_matches(criterion_id, ids, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    hint_ja = f"。{'、'.join(close)} のことでしょうか" if close else ""
    where_ja = "同梱の評価基準" if where == "the bundled criteria" else where
    raise ReadinessError.single(
        criterion_id, "unknown-criterion", f"no criterion with this id in {where}{hint}",
        ja=f"この id の評価項目は{where_ja}にありません{hint_ja}",
    )  # fmt: skip


def worth(criteria: Criteria, section: Section, criterion: Criterion) -> float:
    """Points of the 0-100 total that meeting ``criterion`` adds, as reports show them: exact,
    then rounded once, half up, to one decimal (numbers read as the decimals written)."""

    def written(value: float) -> Fraction:
        return Fraction(repr(float(value)))

    total = sum(written(s.weight) for s in criteria.sections)
    possible = sum(written(c.points) for c in section.criteria)
    value = written(section.weight) / total * 100 * written(criterion.points) / possible
    return math.floor(value * 10 + Fraction(1, 2)) / 10


def explain_lines(found: Found, lang: Lang) -> list[str]:
    c, s, x = found.criteria, found.section, found.criterion
    w = partial(word, lang=lang)
    possible = sum(y.points for y in s.criteria)
    if lang == "ja":
        points = (
            f"{x.points:g}点（この条件の{possible:g}点中）、"
            f"総合点100点のうち{worth(c, s, x):.1f}点分"
        )
    else:
        points = (
            f"{x.points:g} of the section's {possible:g}; worth {worth(c, s, x):.1f} "
            "of the 100-point total"
        )
    lines = [
        f"{x.id}  {x.label.get(lang)}",
        f"{w('criteria')}: {c.id} ({c.title.get(lang)})",
        f"{w('section')}: {s.id} {s.label.get(lang)} ({_section_facts(s, lang)})",
        f"{w('points')}: {points}",
    ]
    if x.official:
        lines.append(f"{w('official')}: {x.official}")
    lines.append(f"{w('basis')}: {w(x.basis)}")
    if x.required:
        lines.append(w("required"))
    if s.official:
        lines.append(f"{w('section_official')}: {s.official}")
    lines += [f"{w('source')}: {_source(src)}" for src in c.sources]
    lines.append(f"{w('checked')}:")
    lines += describe_check(x.check, lang, "  ")
    lines += [f"  [{kind}] {kind_summary(kind, lang)}" for kind in kinds_used(x.check)]
    lines.append(f"{w('recommendation')}: {x.recommendation.get(lang)}")
    lines += example_lines(examples_for(x.check), lang)
    return lines


def example_lines(examples: CheckExamples, lang: Lang) -> list[str]:
    lines = [f"{word('passing', lang)}:"]
    if examples.passing is None:
        lines.append("  " + word("no_passing", lang))
    else:
        lines += _facts_yaml(examples.passing, lang)
    lines.append(f"{word('failing', lang)}:")
    lines += _facts_yaml(examples.failing, lang)
    return lines


def _facts_yaml(facts: dict[str, Any], lang: Lang) -> list[str]:
    if not facts:
        return ["  " + word("nothing", lang)]
    text = yaml.safe_dump(
        with_references(facts), allow_unicode=True, sort_keys=False, default_flow_style=False
    )
    return ["  " + line for line in text.splitlines()]


def _section_facts(s: Section, lang: Lang) -> str:
    parts = [word(s.kind, lang), f"{word('weight', lang)} {s.weight:g}"]
    if s.gate is not None:
        parts.append(f"{word('gate', lang)} {s.gate:.0%}")
    return ", ".join(parts)


def _source(src: Any) -> str:
    text = f"{src.publisher}「{src.title}」{src.date}"
    if src.url:
        return f"{text} {src.url}"
    return f"{text} ({src.note})" if src.note else text


def overview_lines(c: Criteria, lang: Lang, on: dt.date) -> list[str]:
    """A criteria set at a glance: sources, strategies, sections with their criteria, bands;
    its status (current, expired, future) on the date ``on``."""
    w = partial(word, lang=lang)
    period = period_text(c.period, lang)
    head = f"{c.bureau or 'abstract'} · {w('version')} {c.version} · {w('period')} {period}"
    state = t(f"period_{status(c.period, on)}", lang)
    lines = [f"{c.id}  {c.title.get(lang)}", f"{head} · {state} ({on})"]
    if c.synthesis:
        lines.append(f"! {c.synthesis.get(lang)}")
    if c.description:
        lines.append(c.description.get(lang))
    if c.extends:
        lines.append(f"{w('extends')}: {c.extends}")
    lines.append(f"{w('sources')}:")
    lines += [f"  - {_source(src)}" for src in c.sources]
    if c.strategies:
        lines.append(f"{c.strategy_label.get(lang)}:")
        lines += [f"  {s.id}  {s.label.get(lang)} [{s.basis}]" for s in c.strategies]
    lines.append(f"{w('sections')}:")
    for s in c.sections:
        lines.append(f"  {s.id}  {s.label.get(lang)} ({_section_facts(s, lang)})")
        for q in s.quotes:
            src = c.sources[q.source] if q.source < len(c.sources) else None
            cite = f"{src.publisher} {src.date}" if src else f"#{q.source}"
            lines.append(f"    「{q.text}」 ({cite})")
        for x in s.criteria:
            pts = f"{x.points:g}点" if lang == "ja" else f"{x.points:g} pt"
            lines.append(f"    {x.id}  [{pts}]  {x.label.get(lang)}")
            lines += describe_check(x.check, lang, "        ")
    lines.append(f"{w('bands')}:")
    for b in c.bands:
        gates = f" ({w('requires_gates')})" if b.requires_gates else ""
        if b.min_evidence is not None:
            gates += f" ({w('min_evidence')} {b.min_evidence:.0%})"
        lines.append(f"  {b.id}  ≥ {b.min:g}  {b.label.get(lang)}{gates}")
    if c.tests:
        lines.append(f"{w('tests')}: {len(c.tests)} (readiness verify {c.id})")
    return lines


def check_kinds_markdown() -> str:
    """Every check kind, documented from its docstring and options (docs/criteria-authoring.md)."""
    out = []
    for kind, model in CHECK_KINDS.items():
        doc = kind_doc(kind).splitlines()
        out.append(f"### `{kind}`\n\n{doc[0]}\n")
        options = [
            f"`{name}`" + ("" if field.is_required() else " (optional)")
            for name, field in model.model_fields.items()
            if name != "kind"
        ]
        out.append(f"\nOptions: {', '.join(options)}.\n")
        examples = [line for line in doc[1:] if line.strip()]
        if examples:
            out.append("\n```text\n" + "\n".join(examples) + "\n```\n")
        out.append("\n")
    return "".join(out)
