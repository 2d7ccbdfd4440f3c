"""``readiness init``: a commented profile template, pre-filled from the municipality list."""

from __future__ import annotations

import datetime as dt
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from readiness.cli.errors import guarded
from readiness.cli.options import LangChoice, OutputOption, resolve_lang

if TYPE_CHECKING:
    from readiness.profile.localgov import Municipality


def init(
    code: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer reads the annotation at run time on 3.10
        typer.Option(
            "--code",
            help="Local government code, e.g. 042021; 04202 (no check digit) is completed. "
            "Repeat it for a wide-area group: the first code is the lead town.",
            metavar="CODE",
        ),
    ] = None,
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--name",
            help="Municipality name: 石巻市, 東京都府中市, いしのまき, イシノマキ or Ishinomaki.",
            metavar="NAME",
        ),
    ] = None,
    lang: Annotated[
        Optional[LangChoice],  # noqa: UP045
        typer.Option("--lang", help="Language of the comments; defaults from the locale."),
    ] = None,
    output: OutputOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it already exists.")
    ] = False,
    as_of: Annotated[
        Optional[datetime],  # noqa: UP045
        typer.Option(
            "--as-of",
            help="Date the profile describes; default: today.",
            formats=["%Y-%m-%d"],
            metavar="DATE",
        ),
    ] = None,
) -> None:
    """Write a commented profile template for one municipality, facts to fill in as unknown.

    Name, kana, prefecture, code and bureau come from the bundled municipality list. An
    ambiguous name lists the codes to choose from. FILE is never replaced without --force.
    Several --code options start a group profile, scored under the lead town's bureau. On
    stderr: the criteria set the town will be scored under, its status, and what to run next.
    """
    raise typer.Exit(
        guarded(
            lambda: run(
                code=code,
                name=name,
                lang=lang,
                output=output,
                force=force,
                as_of=as_of.date() if as_of else None,
            )
        )
    )


def run(
    *,
    code: list[str] | str | None,
    name: str | None,
    lang: LangChoice | None,
    output: str | None,
    force: bool,
    as_of: dt.date | None,
) -> int:
    from readiness.atomic import write_text
    from readiness.diagnostics import ReadinessError
    from readiness.profile.template import find_town, render_template
    from readiness.reporters.console import settings

    language = resolve_lang(lang)
    codes = [code] if isinstance(code, str) else list(code or [])
    if name is not None and len(codes) > 1:
        raise ReadinessError.single(
            "init", "usage", "give exactly one of --code or --name",
            ja="--code と --name のどちらか一方を指定してください",
        )  # fmt: skip
    towns = []
    given_codes: list[str | None] = [*codes] or [None]
    for given in given_codes:
        town, completed = find_town(code=given, name=name)
        if completed is not None and completed.completion != "as_given":
            # Say what was filled in, so that a code typed short is checked by a person too.
            note = f"{given} → {town.code} {town.name}（{completed.note(language)}）"
            if language == "en":
                note = f"{given} → {town.code} {town.name} ({completed.note(language)})"
            print(f"readiness: {note}", file=sys.stderr)
        towns.append(town)
    repeated = sorted({t.code for t in towns if [x.code for x in towns].count(t.code) > 1})
    if repeated:
        raise ReadinessError.single(
            "--code", "duplicate-member", f"code {', '.join(repeated)} is given more than once",
            ja=f"団体コード {', '.join(repeated)} が複数回指定されています",
        )  # fmt: skip
    on = as_of or dt.date.today()
    town = towns[0]
    text = render_template(town, language, on, towns[1:])
    if output in (None, "-"):  # "-" is standard output, as in batch
        sys.stdout.write(text)
    else:
        write_text(output, text, overwrite=force)
        if language == "ja":
            done = f"{output} に{town.name}（{town.prefecture}、{town.code}）の"
            done += "プロファイルを書きました"
        else:
            done = f"wrote {output} for {town.name} ({town.prefecture}, {town.code})"
        if not settings.quiet:
            print(f"readiness: {done}", file=sys.stderr)
    if not settings.quiet:  # -q: no next steps either
        sys.stderr.write(next_steps(towns, on, output, language))
    return 0


def next_steps(towns: list[Municipality], on: dt.date, output: str | None, lang: str) -> str:
    """The set the town will be scored under, its status on ``on``, and three commands to run."""
    import shlex

    from readiness.criteria.bundled import current_for_bureau
    from readiness.criteria.currency import status
    from readiness.profile.localgov import BUREAU_NAMES

    ja = lang == "ja"
    lead = towns[0]
    bureau = BUREAU_NAMES.get(lead.bureau, (lead.bureau, lead.bureau))[0 if ja else 1]
    file = shlex.quote(output) if output not in (None, "-") else "FILE"
    lines = []
    for m in towns[1:]:
        if m.bureau != lead.bureau:
            other = BUREAU_NAMES.get(m.bureau, (m.bureau, m.bureau))[0 if ja else 1]
            lines.append(
                f"注意: {m.name}（{m.prefecture}）を所管するのは{other}で、{bureau}ではありません。"
                "グループは代表の自治体を所管する局の基準で評価されます。"
                if ja
                else f"Caution: {m.name} ({m.prefecture}) is served by the {other}, not the "
                f"lead town's {bureau}, whose criteria score the group."
            )
    criteria = current_for_bureau(lead.bureau, on)
    if criteria is None:
        lines.append(
            f"{bureau}の評価基準は同梱されていません。--criteria で指定してください。"
            if ja
            else f"No bundled criteria for the {bureau}: pass --criteria to assess."
        )
        show = "readiness criteria list"
    else:
        state = status(criteria.period, on)
        end = criteria.period.end
        if ja:
            what = {"current": f"{on}時点で現行", "future": f"{criteria.period.start}から適用",
                    "expired": f"{end}に期間終了。この局の最新のもの"}[state]  # fmt: skip
            lines.append(f"評価基準: {criteria.id}（{bureau}）、{what}。")
        else:
            what = {
                "current": f"current on {on}",
                "future": f"from {criteria.period.start}",
                "expired": f"ended {end}: the bureau's newest, may be stale",
            }[state]
            lines.append(f"Scored under {criteria.id} ({bureau}), {what}.")
        show = f"readiness criteria show {criteria.id}"
    notes = (
        ("評価の内容を見る", "事実を記入してから確かめる", "点数・判定・不足点")
        if ja
        else ("what the town is judged on", "check it once facts are filled in",
              "score, band and gaps")
    )  # fmt: skip
    commands = [show, f"readiness validate {file}", f"readiness assess {file}"]
    lines.append("次に実行:" if ja else "Next:")
    lines += [f"  {c}  # {n}" for c, n in zip(commands, notes, strict=True)]
    return "".join(f"{line}\n" for line in lines)
