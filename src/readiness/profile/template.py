"""A commented profile template, pre-filled from the bundled municipality list (``readiness init``).

What the list knows (name, kana, prefecture, code, bureau) is filled in; every other fact starts
as ``unknown``, which the scorer reports as a fact to find out rather than a "no".  The comments
say, in Japanese or English, what each fact means and which values it takes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Sequence

from readiness.diagnostics import ReadinessError
from readiness.messages import Lang
from readiness.profile.codes import Candidate, resolve
from readiness.profile.kana import is_kana, to_hiragana
from readiness.profile.localgov import (
    BUREAU_NAMES,
    PREFECTURES,
    Municipality,
    municipalities,
    municipality_index,
)


def find_municipality(*, code: str | None = None, name: str | None = None) -> Municipality:
    """The one municipality a code or a name (optionally with its prefecture) stands for."""
    return find_town(code=code, name=name)[0]


def find_town(
    *, code: str | None = None, name: str | None = None
) -> tuple[Municipality, Candidate | None]:
    """Like ``find_municipality``, with what was completed of a code typed short (04202)."""
    if (code is None) == (name is None):
        raise ReadinessError.single(
            "init", "usage", "give exactly one of --code or --name",
            ja="--code と --name のどちらか一方を指定してください",
        )  # fmt: skip
    if code is not None:
        return _by_code(code)
    assert name is not None
    return _by_name(name), None


def _by_code(code: str) -> tuple[Municipality, Candidate]:
    known = municipalities()
    resolved = resolve(code, known)
    if len(resolved.found) == 1:
        return known[resolved.found[0].code], resolved.found[0]
    if resolved.ambiguous:
        choices = "; ".join(
            f"{c.code} {known[c.code].name} ({known[c.code].prefecture})" for c in resolved.found
        )
        raise ReadinessError.single(
            "--code", "ambiguous-code",
            f"{code} may be read as {len(resolved.found)} codes; give all 6 digits: {choices}",
            ja=f"{code} は{len(resolved.found)}通りに読めます。6桁で指定してください: {choices}",
        )  # fmt: skip
    if resolved.tried:
        tried = ", ".join(c.code for c in resolved.tried if c.code != code)
        raise ReadinessError.single(
            "--code", "unknown-code",
            f"code {code} is not in the municipality list" + (f" (tried {tried})" if tried else ""),
            ja=f"コード {code} は自治体一覧にありません"
            + (f"（{tried} を調べました）" if tried else ""),
        )  # fmt: skip
    fixed = resolved.corrected_check_digit
    hint_en = f"; with the right check digit it would be {fixed}" if fixed else ""
    hint_ja = f"。検査数字を正しくすると {fixed} です" if fixed else ""
    raise ReadinessError.single(
        "--code", "bad-code",
        f"{code!r} is not a local government code (6 digits with a check digit, "
        f"e.g. 042021, or the first 5){hint_en}",
        ja=f"{code!r} は地方公共団体コードではありません（検査数字を含む6桁、例 042021、"
        f"または先頭の5桁）{hint_ja}",
    )  # fmt: skip


def _by_name(name: str) -> Municipality:
    known = municipalities()
    wanted = _normal(name)
    prefecture = next((p for p in PREFECTURES if wanted.startswith(p) and wanted != p), None)
    query = wanted.removeprefix(prefecture) if prefecture else wanted
    codes = municipality_index().lookup(query)
    if prefecture is not None:
        codes = [c for c in codes if known[c].prefecture == prefecture]
    candidates = [known[c] for c in codes]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        choices = "; ".join(f"{m.code} {m.name} ({m.prefecture})" for m in candidates)
        raise ReadinessError.single(
            "--name", "ambiguous-name",
            f"{name} is the name of {len(candidates)} municipalities; choose one with --code: "
            f"{choices}",
            ja=f"{name} という自治体は{len(candidates)}つあります。--code で選んでください: "
            f"{choices}",
        )  # fmt: skip
    close = _nearest(query)
    shown = "; ".join(f"{m.name} ({m.prefecture})" for m in close)
    raise ReadinessError.single(
        "--name", "unknown-name",
        f"no municipality named {name} in the list" + (f"; nearest: {shown}" if close else ""),
        ja=f"{name} という自治体は一覧にありません" + (f"。近い名前: {shown}" if close else ""),
    )  # fmt: skip


def _nearest(query: str) -> list[Municipality]:
    """Names, then readings, close to ``query`` (いしのまき is near いしのまきし, not いの町)."""
    known = municipalities()
    by_name = {_normal(m.name): m for m in reversed(known.values())}
    close = [by_name[c] for c in difflib.get_close_matches(query, list(by_name), n=5, cutoff=0.5)]
    reading = to_hiragana(query)
    if is_kana(reading):
        by_kana = {_normal(m.kana): m for m in reversed(known.values())}
        near = difflib.get_close_matches(reading, list(by_kana), n=5, cutoff=0.6)
        picked = [by_kana[c] for c in near]
        close = picked + [m for m in close if m not in picked]
    return close[:5]


def _normal(text: str) -> str:
    return "".join(text.split())


def render_template(
    m: Municipality, lang: Lang, as_of: dt.date, members: Sequence[Municipality] = ()
) -> str:
    """The commented YAML template for ``m``; it loads as a valid profile as it stands.

    With ``members``, ``m`` leads a wide-area group and the template lists the other members.
    """
    text = (_JA if lang == "ja" else _EN).format(**_values(m, lang, as_of))
    if not members:
        return text
    head, sep, tail = text.partition(_GROUP_AFTER[lang])
    return head + sep + _group(m, members, lang) + tail


def _group(lead: Municipality, members: Sequence[Municipality], lang: Lang) -> str:
    ja = lang == "ja"
    names = "・".join(x.name for x in (lead, *members))
    if ja:
        lines = [f"group:  # 広域連携グループ。代表は上の municipality（{lead.name}）",
                 f"  name: {_quoted(names)}  # グループの名前（任意）", "  members:"]  # fmt: skip
    else:
        lines = [f"group:  # a wide-area group, led by the municipality above ({lead.name})",
                 f"  name: {_quoted(names)}  # the group's name (optional)",
                 "  members:"]  # fmt: skip
    for x in members:
        bureau_ja, bureau_en = BUREAU_NAMES.get(x.bureau, ("", ""))
        lines += [
            f"    - name: {_quoted(x.name)}  # {x.kana}",
            f"      code: {_quoted(x.code)}",
            f"      prefecture: {_quoted(x.prefecture)}",
            f"      bureau: {x.bureau}  # {bureau_ja if ja else bureau_en}",
        ]
    return "\n".join(lines) + "\n"


def _values(m: Municipality, lang: Lang, as_of: dt.date) -> dict[str, str]:
    bureau_ja, bureau_en = BUREAU_NAMES.get(m.bureau, ("", ""))
    return {
        "name": _quoted(m.name),
        "town": m.name,
        "kana": m.kana,
        "code": _quoted(m.code),
        "prefecture": _quoted(m.prefecture),
        "prefecture_plain": m.prefecture,
        "bureau": m.bureau,
        "bureau_name": bureau_ja if lang == "ja" else bureau_en,
        "as_of": as_of.isoformat(),
    }


# The group block goes after the municipality block, before condition 1.
_GROUP_AFTER = {
    "ja": "  population: unknown  # 人口（数値）\n",
    "en": "  population: unknown  # a number\n",
}


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


_JA = """\
# {town}（{prefecture_plain}）の自治体プロファイル（readiness init で作成）
# エディタで補完・検査するには、readiness schema profile -o profile.schema.json を実行し、
#   「# yaml-language-server: $schema=profile.schema.json」の1行をファイルの先頭に置きます。
#
# 分からない事実は unknown のままにしてください。unknown は「いいえ」ではなく、
# 確認すべき事実として報告されます。事実が分かったら、コメントの例にならって書き換えます。
# 確認: readiness assess このファイル --lang ja
schema_version: 1
as_of: {as_of}  # このプロファイルが表す時点
municipality:
  name: {name}  # {kana}
  # name_en: 英語名（任意）
  code: {code}  # 全国地方公共団体コード（引用符で囲む）
  prefecture: {prefecture}
  bureau: {bureau}  # {bureau_name}
  population: unknown  # 人口（数値）

# ① 組織として対応する意思と体制
will:
  requested_partnership: unknown  # 自治体から局に連携を申し出た: true / false
  top_commitment: unknown  # mayor（首長）/ deputy_mayor / department_head / section_head / none
  # top_commitment_evidence: 記者会見・庁議など、意思表明の根拠
  lead_department: unknown  # 担当部署、例: 産業部 商工観光課
  contact: unknown  # 局との窓口となる担当者（役職でも可）
  team: unknown  # 取組体制。例:
  #   kind: ワーキンググループ（WG）
  #   departments: [商工観光課, 企画課]
  #   members: [若手職員]
  #   cross_departmental: true
  staff_fte: unknown  # 連携に充てる職員の時間（常勤換算、例: 0.5）
  # municipal_plan: 総合計画などでの位置づけ
  annual_review: unknown  # 年1回程度、局と見直しを行う: true / false

# ② 商工分野の課題と具体的な取組
issues: unknown  # 課題のリスト。例:
#   - id: successors
#     title: 事業承継の担い手不足
#     evidence: [商工会の調査で後継者未定が6割]
initiatives: unknown  # 取組のリスト。例:
#   - id: succession-support
#     title: 事業承継の相談窓口
#     addresses: [successors]  # 対応する課題の id
#     serves: []  # 沿っている局の重点戦略の id（readiness criteria show で確認）
#     actions: [商工会と合同の相談会を年4回開く]
#     owner: 商工観光課
#     timeline: {{start: 2025-04-01, end: 2026-03-31}}
#     kpis: [{{indicator: 承継件数, target: 10}}]
#     town_role: 相談会の開催
#     bureau_role: 施策の紹介と専門家の派遣

# ③ 自治体以外の地元関係機関
partners: unknown  # 関係機関のリスト。例:
#   - name: ○○商工会
#     type: society_of_commerce  # chamber_of_commerce / society_of_commerce /
#       industry_support_centre / financial_institution / university / other
#     commitment: in_talks  # signed / agreed / in_talks / planned
#     initiatives: [succession-support]

# 実績
record:
  programmes: unknown  # 活用した経済産業省の施策。例: [{{programme: sogyo-shien, year: 2020}}]
  bureau_cooperation: unknown  # 局とのこれまでの協力。例: [{{year: 2023, what: 合同セミナー}}]
  growth_firms: unknown  # 地域の成長企業の名前
  rollout: unknown  # 他地域への横展開の可能性

sources: []  # 事実の出典（文書名・日付）
"""

_EN = """\
# Profile of {town} ({prefecture_plain}), made by readiness init.
# For completion and checking in your editor, run readiness schema profile -o profile.schema.json
#   and put the line "# yaml-language-server: $schema=profile.schema.json" at the top of this file.
#
# Leave a fact you do not know as unknown: it is not a "no", it is reported as a fact to
# find out.  Replace it when you know, following the examples in the comments.
# Check it with: readiness assess THIS-FILE
schema_version: 1
as_of: {as_of}  # the date this profile describes
municipality:
  name: {name}  # {kana}
  # name_en: the name in English (optional)
  code: {code}  # local government code, quoted
  prefecture: {prefecture}
  bureau: {bureau}  # {bureau_name}
  population: unknown  # a number

# 1. The will to act as an organisation, and a structure to do it
will:
  requested_partnership: unknown  # the town asked the bureau for closer cooperation: true / false
  top_commitment: unknown  # mayor / deputy_mayor / department_head / section_head / none
  # top_commitment_evidence: where it was stated (a press conference, an executive meeting)
  lead_department: unknown  # e.g. Commerce and Tourism Section
  contact: unknown  # the bureau's contact person (a post will do)
  team: unknown  # the working structure, e.g.:
  #   kind: working group
  #   departments: [Commerce and Tourism, Planning]
  #   members: [young staff]
  #   cross_departmental: true
  staff_fte: unknown  # staff time for the partnership, in full-time equivalents (e.g. 0.5)
  # municipal_plan: where the partnership sits in the municipal plan
  annual_review: unknown  # ready to review the partnership with the bureau yearly: true / false

# 2. Commerce-and-industry issues and concrete initiatives
issues: unknown  # a list of issues, e.g.:
#   - id: successors
#     title: Too few successors for local firms
#     evidence: [60% of owners have no successor (society of commerce survey)]
initiatives: unknown  # a list of initiatives, e.g.:
#   - id: succession-support
#     title: A business-succession help desk
#     addresses: [successors]  # ids of the issues it answers
#     serves: []  # ids of the bureau's strategies it serves (see readiness criteria show)
#     actions: [four joint advice sessions a year with the society of commerce]
#     owner: Commerce and Tourism Section
#     timeline: {{start: 2025-04-01, end: 2026-03-31}}
#     kpis: [{{indicator: successions, target: 10}}]
#     town_role: hosts the sessions
#     bureau_role: introduces programmes and sends experts

# 3. Local partners beyond the town hall
partners: unknown  # a list of partners, e.g.:
#   - name: the local society of commerce
#     type: society_of_commerce  # chamber_of_commerce / society_of_commerce /
#       industry_support_centre / financial_institution / university / other
#     commitment: in_talks  # signed / agreed / in_talks / planned
#     initiatives: [succession-support]

# Track record
record:
  programmes: unknown  # METI programmes used, e.g. [{{programme: sogyo-shien, year: 2020}}]
  bureau_cooperation: unknown  # earlier work with the bureau, e.g.
  #   [{{year: 2023, what: a joint seminar}}]
  growth_firms: unknown  # names of local growth firms
  rollout: unknown  # how the model could spread to other towns

sources: []  # where the facts come from (document and date)
"""
