"""The few fixed words of the reports, in Japanese and English."""

from __future__ import annotations

from typing import Literal

Lang = Literal["ja", "en"]

_MESSAGES: dict[str, tuple[str, str]] = {
    "as_of": ("時点", "as of"),
    "band": ("判定", "Band"),
    "bureau": ("経済産業局", "bureau"),
    "criteria": ("評価基準", "Criteria"),
    "evidence": ("根拠", "Evidence"),
    "fictional": ("架空の自治体（例示用）", "fictional town (example)"),
    "gap": ("不足している点", "Gap"),
    "gaps": ("不足している点（効果の大きい順）", "Gaps, largest first"),
    "gate": ("足切り", "Gate"),
    "gate_failed": ("未達", "failed"),
    "gate_passed": ("達成", "passed"),
    "gates_all": ("全条件の足切りを達成", "all gates passed"),
    "gates_failed": ("足切り未達の条件あり", "a gate failed"),
    "gates_unshown": ("足切りの達成が未確認の条件あり", "a gate is not yet shown"),
    "gate_unshown": ("未確認", "not yet shown"),
    "unknown_facts": ("件の事実が不明", "facts unknown"),
    "required_missing": ("必須項目が未充足", "required criterion not met"),
    "reading_points": (
        "うち本プロジェクトの解釈に基づく点数",
        "points resting on this project's readings",
    ),
    "basis_reading": ("解釈", "reading"),
    "required": ("必須", "required"),
    "evidence_coverage": ("出典で裏づけられた点の割合", "evidence coverage"),
    "unevidenced": ("出典の引用がない充足項目", "met without a cited source"),
    "findings": (
        "内容の規則による指摘（得点に数えなかった記載・確かめてほしい記載）",
        "Found by the substance rules (set aside, or to check)",
    ),
    "next_band": ("次の判定へ", "To reach the next band"),
    "next_band_gates": ("足切りを達成する条件", "gates to pass"),
    "next_band_points": ("必要な点数", "points needed"),
    "next_band_unreachable": (
        "どの課題を解消しても届きません",
        "no set of the gaps reaches it",
    ),
    "no_gaps": ("不足している点はありません。", "No gaps."),
    "nothing_serves": ("該当する取組なし", "nothing serves it"),
    "points": ("得点", "Points"),
    "recommendation": ("推奨", "Recommendation"),
    "score": ("総合点", "Score"),
    "section": ("条件・観点", "Condition or factor"),
    "status_met": ("充足", "met"),
    "status_unknown": ("不明", "unknown"),
    "status_unmet": ("未充足", "unmet"),
    "top_band": ("最上位の判定です。", "This is the top band."),
    "unmatched": ("評価基準にない戦略ID", "strategy ids these criteria do not define"),
    "unknown_note": (
        "「不明」は事実を確認すれば得点になり得る項目です。",
        "'unknown' marks facts to find out: confirming them may add points.",
    ),
    "group": ("広域連携グループ", "Group"),
    "group_lead": ("代表", "lead"),
    "group_members": ("構成自治体", "members"),
    "adds": ("加点", "Adds"),
    "list_sep": ("、", ", "),
    "sentence_sep": ("。", "; "),
    # readiness validate
    "kind_profile": ("プロファイル", "profile"),
    "kind_criteria": ("評価基準", "criteria"),
    "kind_unknown": ("種類不明", "kind unknown"),
    "file_ok": ("問題なし", "ok"),
    "problem": ("問題 {n}件", "{n} problem"),
    "problems": ("問題 {n}件", "{n} problems"),
    "files_checked": (
        "{n}ファイルを確認、問題のあるファイル {bad}",
        "{n} file(s) checked, {bad} with problems",
    ),
    # readiness batch on stderr
    "progress_scoring": ("評価中", "scoring"),
    "towns_below_gate": (
        "{of}自治体のうち{n}自治体が基準に達していません",
        "{n} of {of} towns are below the gate",
    ),
    # readiness criteria list
    "criteria_id": ("評価基準ID", "id"),
    "bureau_short": ("経産局", "bureau"),
    "version": ("版", "version"),
    "period": ("期間", "period"),
    "source": ("出典", "source"),
    "chosen_set": (
        "状態は{date}時点。* は各局の自治体に使う評価基準（現行がなければ最新）",
        "status on {date}; * the set each bureau's towns are scored under "
        "(the newest when none is current)",
    ),
    "set_status": ("状態", "status"),
    "period_open": ("定めなし", "no dates"),
    "period_current": ("現行", "current"),
    "period_expired": ("期間終了", "expired"),
    "period_future": ("期間前", "future"),
    # readiness batch
    "rank": ("順位", "Rank"),
    "town": ("自治体", "Town"),
    "bureau_col": ("経済産業局", "Bureau"),
    "gates": ("足切り", "Gates"),
    "first_gap": ("最大の不足点", "First gap"),
    "ranking": ("候補自治体の順位", "Ranking of candidate towns"),
    "towns_per_band": ("判定ごとの自治体数", "Towns per band"),
    "bad_files": ("読み込めなかったファイル", "Files that could not be read"),
    "gate_ok": ("基準を満たす", "meets the gate"),
    "gate_missed": ("基準未達", "below the gate"),
    "towns_scored": ("評価した自治体", "towns scored"),
    "files_bad": ("エラーのファイル", "files with errors"),
    "below_gate": ("基準未達の自治体", "towns below the gate"),
    "file": ("ファイル", "File"),
    "caution_col": ("注", "*"),
    "caution_mark": ("*", "*"),
    "cautions": ("注意事項", "Cautions"),
    "status": ("状態", "Status"),
    # readiness verify
    "verify_cannot_load": ("この評価基準を読み込めません", "cannot load these criteria"),
    "verify_bundled": ("同梱", "bundled"),
    "verify_no_cases": ("テストケースなし", "no test cases"),
    "verify_counts": (
        "成功 {passed}、失敗 {failed}、エラー {errors}、スキップ {skipped}"
        "（評価基準ファイル {files}）",
        "{passed} passed, {failed} failed, {errors} errors, {skipped} skipped "
        "in {files} criteria file(s)",
    ),
    "verify_nothing": (
        "確かめるものがありません（テストケースが1つも実行されませんでした）",
        "nothing to verify: no test cases ran",
    ),
}


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """The Japanese or the English of a ``(ja, en)`` pair: every word table uses this."""
    return pair[0] if lang == "ja" else pair[1]


def t(key: str, lang: Lang) -> str:
    return pick(_MESSAGES[key], lang)
