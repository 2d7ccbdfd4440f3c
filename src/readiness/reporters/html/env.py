"""The Jinja2 environment shared by every HTML page, and the words the pages use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from readiness.messages import Lang
from readiness.profile.bilingual import Text
from readiness.textsafe import safe

TEMPLATES = Path(__file__).with_name("templates")

WORDS: dict[str, tuple[str, str]] = {
    "title": ("連携準備度レポート", "Readiness report"),
    "code": ("団体コード", "Code"),
    "criteria": ("評価基準", "Criteria"),
    "current": ("現行", "current"),
    "not_current": ("現行ではない", "not current"),
    "period": ("期間", "period"),
    "as_of": ("時点", "as of"),
    "fictional": ("架空の自治体（例示用）", "fictional town (example)"),
    "group": ("広域連携グループ", "Group"),
    "group_lead": ("代表", "lead"),
    "group_members": ("構成自治体", "members"),
    "legend_share": ("達成率", "share of points"),
    "legend_gate": ("足切り", "gate"),
    "legend_band": ("最上位の判定の水準", "top band's level"),
    "score": ("総合点", "Score"),
    "band": ("判定", "Band"),
    "gates_passed": ("全条件の足切りを達成", "All gates passed"),
    "gates_failed": ("足切り未達の条件あり", "A gate failed"),
    "gates_not_yet_shown": ("足切りの達成が未確認の条件あり", "A gate is not yet shown"),
    "not_yet_shown": ("未確認", "not yet shown"),
    "facts_unknown": ("件の事実が不明", "facts unknown"),
    "reading_points": (
        "うち本プロジェクトの解釈に基づく点数",
        "Points resting on this project's readings",
    ),
    "sections": ("条件・観点", "Conditions and factors"),
    "section": ("条件・観点", "Condition or factor"),
    "points": ("得点", "Points"),
    "share": ("達成率", "Share"),
    "gate": ("足切り", "Gate"),
    "contribution": ("寄与", "Contribution"),
    "initiative": ("取組", "Initiative"),
    "nothing_serves": ("該当する取組なし", "nothing serves it"),
    "unmatched": ("評価基準にない戦略ID", "Strategy ids these criteria do not define"),
    "gaps": ("不足している点（効果の大きい順）", "Gaps, largest first"),
    "gap": ("不足している点", "Gap"),
    "adds": ("加点", "Adds"),
    "recommendation": ("推奨", "Recommendation"),
    "evidence": ("根拠", "Evidence"),
    "evidence_status": ("出典による裏づけ", "Evidence from cited sources"),
    "evidence_coverage": ("出典で裏づけられた点の割合", "evidence coverage"),
    "criterion_met": ("充足した項目", "Criterion met"),
    "evidenced": ("出典あり", "cited source"),
    "unevidenced": ("出典の引用なし", "no cited source"),
    "basis": ("根拠の種類", "Basis"),
    "basis_quoted": ("局の文書の引用", "quoted"),
    "basis_reading": ("解釈", "reading"),
    "next_band": ("次の判定への計画", "Plan to the next band"),
    "points_needed": ("必要な点数", "points needed"),
    "gates_to_pass": ("足切りを達成する条件", "gates to pass"),
    "top_band": ("最上位の判定です。", "This is the top band."),
    "cautions": ("注意事項", "Cautions"),
    "none": ("なし", "None"),
    "no_gaps": ("不足している点はありません。", "No gaps."),
    "status_met": ("充足", "met"),
    "status_unmet": ("未充足", "unmet"),
    "status_unknown": ("不明", "unknown"),
    "unknown_note": (
        "「不明」は事実を確認すれば得点になり得る項目です。",
        "'unknown' marks facts to find out: confirming them may add points.",
    ),
    "footer": ("readiness により作成。元のファイル:", "Made by readiness from"),
    # the batch site
    "ranking": ("候補自治体の順位", "Ranking of candidate towns"),
    "rank": ("順位", "Rank"),
    "town": ("自治体", "Town"),
    "bureau": ("経済産業局", "Bureau"),
    "first_gap": ("最大の不足点", "First gap"),
    "towns_per_band": ("判定ごとの自治体数", "Towns per band"),
    "bad_files": ("読み込めなかったファイル", "Files that could not be read"),
    "file": ("ファイル", "File"),
    "problem": ("問題", "Problem"),
    "sort_hint": ("見出しをクリックすると並べ替えます。", "Click a heading to sort."),
    "back": ("← 順位表へ", "← Ranking"),
    "gate_ok": ("基準を満たす", "meets the gate"),
    "gate_missed": ("基準未達", "below the gate"),
}


def words(lang: Lang) -> dict[str, str]:
    return {k: v[0] if lang == "ja" else v[1] for k, v in WORDS.items()}


def text(value: Text | str, lang: Lang) -> str:
    """One language of a text from a file, control characters escaped (HTML escaping follows)."""
    return safe(value if isinstance(value, str) else value.get(lang))


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
