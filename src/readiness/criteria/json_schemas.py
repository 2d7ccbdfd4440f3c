"""JSON Schemas for profiles and criteria files, generated from the pydantic models.

Editors use them (``# yaml-language-server: $schema=...``) to complete and check files as they
are typed.  Every field's description is given in English and Japanese: the English comes from
the model, the Japanese from :data:`JA` below.  Copies are committed under ``schemas/`` and a
test keeps them fresh (``readiness schema profile -o schemas/profile.schema.json``).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic.json_schema import models_json_schema

SchemaName = Literal["profile", "criteria"]
SCHEMA_NAMES: tuple[SchemaName, ...] = ("profile", "criteria")
DRAFT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the dialect the YAML language server (VS Code's YAML extension) implements."""

JA: dict[str, str] = {
    # profile: models
    "Profile": "自治体プロファイル（スキーマ版 1）",
    "Municipality": "自治体の基本情報",
    "Will": "条件①：組織として取り組む意思と体制",
    "Team": "取組体制（チーム・WG）",
    "Issue": "条件②：商工分野の具体的な課題",
    "Initiative": "条件②：具体的な取組と、それが沿う局の重点戦略",
    "Kpi": "成果指標（KPI）",
    "Timeline": "実施時期",
    "Partner": "条件③：自治体以外の地元関係機関",
    "ProgrammeUse": "経済産業省の施策の活用実績",
    "Cooperation": "局とのこれまでの協力",
    "Record": "実績：施策の活用、局との協力、成長企業、横展開",
    "Group": "広域連携グループ：代表の自治体（municipality）と、その所管局の基準で評価される",
    "Plan": "自治体の施策の方針を定める計画・戦略（総合戦略・振興条例など）",
    "BodyMember": "事業推進体制の構成員",
    "PromotionBody": "産学官金による事業推進体制（協議会等）",
    # profile: fields
    "Profile.schema_version": "プロファイルの書式の版（1）",
    "Profile.fictional": "例示用の架空の自治体なら true",
    "Profile.as_of": "このプロファイルが表す時点の日付",
    "Profile.municipality": "自治体の基本情報（グループでは代表の自治体）",
    "Profile.will": "条件①：意思と体制",
    "Profile.issues": "条件②：商工分野の課題（不明なら unknown）",
    "Profile.initiatives": "条件②：課題に対する具体的な取組",
    "Profile.partners": "条件③：地元関係機関",
    "Profile.record": "実績（施策の活用・局との協力など）",
    "Profile.sources": "事実の出典。ID・題名・日付またはURLのある出典は citations で引用できる",
    "Profile.citations": "どの出典がどの事実を述べているか：事実または節のパス（will、"
    "will.annual_review、issues.ID、record.programmes[0]）と出典のID",
    "Profile.readings": (
        "出典が述べていない、推測による事実のパス。出典を引用していても裏づけなしと数える"
    ),
    "Source.id": "引用に使うID（英小文字・数字・ハイフン）",
    "Source.title": "題名",
    "Source.publisher": "発行者",
    "Source.date": "日付（日付かURLのどちらかは必須）",
    "Source.url": "ウェブ上の所在（URL）",
    "Source.note": "備考",
    "Profile.notes": "備考",
    "Profile.group": "この自治体が代表を務める広域連携グループ",
    "Profile.plans": "計画・戦略（総合戦略・振興条例・振興計画・基本計画など）",
    "Profile.promotion_body": "事業推進体制（協議会等）",
    "Profile.vision": "地域の明確な将来ビジョン",
    "Profile.structural_issues": "地域経済・産業の構造的課題や危機感",
    "Group.name": "グループの名前、例：日立市・常陸太田市・大子町",
    "Group.members": "代表以外の構成自治体（それぞれ団体コード付き）",
    "Plan.kind": "計画の種類",
    "Plan.title": "計画の名前",
    "Plan.names_project": "プロジェクトの推進が明記されている",
    "BodyMember.name": "構成員の名前",
    "BodyMember.sector": "産・学・官・金の別",
    "BodyMember.role": "推進体制における役割",
    "PromotionBody.name": "推進体制の名前",
    "PromotionBody.kind": "種類（協議会など）",
    "PromotionBody.members": "構成員",
    "PromotionBody.responsible": "責任主体（機関）",
    "Partner.contribution": "拠出するもの（人員・資源・資金など）と負うリスク",
    "Municipality.name": "正式名称（日本語）、例：石巻市",
    "Municipality.name_en": "英語名、例：Ishinomaki",
    "Municipality.code": "全国地方公共団体コード（6桁、検査数字付き）。引用符で囲む",
    "Municipality.prefecture": "都道府県名、例：宮城県",
    "Municipality.bureau": "所管の経済産業局（省略時は都道府県から決まる）",
    "Municipality.population": "人口",
    "Team.kind": "体制の種類（WG、プロジェクトチームなど）",
    "Team.departments": "参加する部署",
    "Team.members": "構成員（役職や集団）",
    "Team.cross_departmental": "組織横断的に運営されている（一つの課だけではない）",
    "Will.requested_partnership": "自治体から局に連携強化を申し出た",
    "Will.top_commitment": "最も上位のコミットメント（首長・副首長・部長・課長・なし）",
    "Will.top_commitment_evidence": "コミットメントの根拠（記者会見・庁議など）",
    "Will.lead_department": "担当部署",
    "Will.contact": "局との連絡窓口となる担当者",
    "Will.team": "取組体制（チーム・WG）",
    "Will.staff_fte": "連携に充てる職員の時間（常勤換算人数）",
    "Will.municipal_plan": "総合計画などにおける連携の位置づけ",
    "Will.annual_review": "年1回程度、局と連携を見直す用意がある",
    "Issue.evidence": "課題の根拠（統計・事業者の声など）",
    "Initiative.addresses": "対応する課題のID",
    "Initiative.actions": "具体的な行動",
    "Initiative.owner": "取組の担い手",
    "Initiative.timeline": "実施時期",
    "Initiative.kpis": "成果指標（KPI）",
    "Initiative.town_role": "自治体の役割",
    "Initiative.bureau_role": "局に期待する役割",
    "Initiative.serves": "沿っている局の重点戦略・テーマのID",
    "Partner.name": "機関名",
    "Partner.type": (
        "機関の種類（商工会議所・商工会・産業支援センター・金融機関・大学・中核企業・その他）"
    ),
    "Partner.role": "機関の役割",
    "Partner.commitment": "参画の段階（締結・合意・協議中・予定）",
    "Partner.initiatives": "参加する取組のID",
    "ProgrammeUse.programme": "施策カタログのIDか日本語の正式名。"
    "カタログにない経済産業省の施策は、その名前と根拠法（law）か備考（note）で書く",
    "ProgrammeUse.law": "施策の根拠となる法律・制度（カタログにない施策では、これか備考が必要）",
    "ProgrammeUse.year": "活用した年",
    "ProgrammeUse.firms": "活用した事業者",
    "ProgrammeUse.note": "備考",
    "Cooperation.year": "年",
    "Cooperation.what": "協力の内容",
    "Record.programmes": "経済産業省の施策の活用実績",
    "Record.bureau_cooperation": "局とのこれまでの協力",
    "Record.growth_firms": "地域の成長企業",
    "Record.rollout": "他地域への横展開の可能性",
    "Kpi.indicator": "指標",
    "Kpi.target": "目標値",
    "Kpi.by": "達成期限",
    "Timeline.start": "開始日",
    "Timeline.end": "終了日",
    # criteria: models
    "Criteria": "評価基準（書式 1）：一つの局の一つの期間の条件",
    "CriteriaExtension": "他の評価基準を拡張し、差分だけを記す評価基準",
    "Section": "条件（3条件）または局独自の選定観点",
    "Criterion": "評価項目",
    "Strategy": "局の重点戦略・テーマ",
    "Band": "判定の段階",
    "Source": "出典",
    "Quote": "出典の逐語的な引用と、その出典",
    "Period": "適用期間",
    "Text": "日本語と英語の同じ文",
    "CriteriaTest": "readiness verify が実行するテストケース",
    "ScoreRange": "得点の範囲",
    "Removals": "親から削除するID",
    "SectionPatch": "変更または追加する条件・観点",
    "CriterionPatch": "変更または追加する評価項目",
    "StrategyPatch": "変更または追加する重点戦略",
    "BandPatch": "変更または追加する判定",
    "Predicate": "リスト要素の一つのフィールドに対する条件（一つだけ指定）",
    "Present": "事実が記載されている（省略・unknown・空・none でない）",
    "IsTrue": "はい／いいえの事実が「はい」",
    "AtLeast": "数値またはリストの長さが min 以上",
    "OneOf": "事実が列挙した値のいずれか",
    "Count": "where をすべて満たす要素が min 個以上",
    "AllOf": "列挙した判定がすべて充足",
    "AnyOf": "列挙した判定のいずれかが充足",
    # criteria: fields (by name, for every model that has them)
    "format": "評価基準の書式の版（1）",
    "extends": "拡張する親：同梱のIDまたはファイルのパス",
    "id": "ID（英小文字・数字・ハイフン）",
    "bureau": "経済産業局（土台となる評価基準にはない）",
    "abstract": "他の評価基準の土台（extends:）で、それ自体では自治体を評価しない",
    "synthesis": "条件が局の公表文でなく本プロジェクトの整理であるときの表示（全報告に出る）",
    "description": "評価基準の説明（採点しない局の文言など）",
    "quotes": "この条件の逐語的な文言（出典ごと）。整理した条件では各局の文言",
    "source": "引用元：sources の番号（最初が 0）",
    "text": "出典の文言（逐語的）",
    "version": "版",
    "title": "題名",
    "sources": "出典",
    "period": "適用期間",
    "strategy_label": "局が重点戦略・テーマを何と呼ぶか",
    "strategies": "重点戦略・テーマ",
    "sections": "条件・観点",
    "bands": "判定（上位から順に）",
    "tests": "readiness verify が実行するテストケース",
    "remove": "親から削除するID",
    "criteria": "評価項目",
    "label": "表示名（日本語・英語）",
    "official": ("この項目の根拠とした出典の文言（逐語的な引用）"),
    "basis": (
        "根拠の種類：quoted（official が出典の逐語的な引用で、判定する事実を述べている）、"
        "reading（本プロジェクトの解釈。既定）"
    ),
    "required": "必須：満たさないと、得点割合にかかわらずこの条件の足切りを通過しない",
    "points": "配点",
    "check": "判定方法（宣言的な判定）",
    "recommendation": "充足していないときの推奨（日本語・英語）",
    "kind": "種類",
    "weight": "総合点に占める比重",
    "gate": "最上位の判定に必要な、この条件の得点割合の下限（足切り）",
    "min": "下限",
    "max": "上限",
    "requires_gates": "すべての足切りを達成したときだけ到達できる（最上位は常に）",
    "min_evidence": "獲得点のうち、出典で裏づけられた事実による点の割合の下限（0〜1）",
    "publisher": "発行者",
    "date": "日付",
    "url": "ウェブ上の所在（URL）",
    "note": "備考",
    "start": "開始日",
    "end": "終了日",
    "ja": "日本語",
    "en": "英語",
    "name": "テストの名前（省略時はプロファイル名）",
    "profile": "プロファイルのファイル（この評価基準ファイルからの相対パス）",
    "example": "同梱の例のプロファイル名（例：ishinomaki）",
    "band": "到達すべき判定",
    "score": "得点が収まるべき範囲",
    "gaps": "不足として挙がるべき評価項目のID（順不同、過不足なく）",
    "field": "プロファイルのフィールドのパス（例：will.lead_department）",
    "values": "許される値",
    "items": "リストのフィールドのパス（例：partners）",
    "where": "要素のフィールドごとの条件",
    "checks": "組み合わせる判定",
    "present": "記載されている",
    "equals": "この値に等しい",
    "in": "列挙した値のいずれか",
}
"""Japanese descriptions: ``Model`` for a model, ``Model.field`` or else ``field`` for a field."""


def schema(name: SchemaName) -> dict[str, Any]:
    """The JSON Schema for profiles or criteria files, descriptions in English and Japanese."""
    if name == "profile":
        from readiness.profile.model import Profile

        out = {"$schema": DRAFT, **Profile.model_json_schema()}
        _bilingual(out, "Profile")
        out["title"] = "readiness profile / 自治体プロファイル"
        return out
    from readiness.criteria.extends import CriteriaExtension
    from readiness.criteria.model import Criteria

    _, defs = models_json_schema([(Criteria, "validation"), (CriteriaExtension, "validation")])
    out = {
        "$schema": DRAFT,
        "title": "readiness criteria / 評価基準",
        "description": (
            "A bureau's criteria for one period, or a file that extends another (extends:).\n"
            "一つの局の一つの期間の評価基準、または他の評価基準を拡張するファイル（extends:）。"
        ),
        "if": {"type": "object", "required": ["extends"]},
        "then": {"$ref": "#/$defs/CriteriaExtension"},
        "else": {"$ref": "#/$defs/Criteria"},
        "$defs": defs["$defs"],
    }
    _bilingual(out)
    return out


def _bilingual(schema: dict[str, Any], root: str | None = None) -> None:
    models = dict(schema.get("$defs", {}))
    if root is not None:
        models[root] = schema
    for model, body in models.items():
        if model in JA:
            body["description"] = _join(body.get("description"), JA[model])
        for field, prop in body.get("properties", {}).items():
            ja = JA.get(f"{model}.{field}") or JA.get(field)
            if ja is not None:
                prop["description"] = _join(prop.get("description"), ja)


def _join(en: str | None, ja: str) -> str:
    """English then Japanese; a field without an English description has its title in English."""
    return f"{en.strip()}\n{ja}" if en else ja


def _draft7(node: Any) -> Any:
    """Pydantic writes 2020-12, where ``$ref`` may have siblings; draft 7 ignores them, so the
    reference moves into ``allOf`` and descriptions and defaults beside it still count."""
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _draft7(value) for key, value in node.items()}
    if "$ref" in out and len(out) > 1:
        out["allOf"] = [{"$ref": out.pop("$ref")}]
    return out


def render(name: SchemaName) -> str:
    """The schema as the text committed under ``schemas/`` (stable key order, UTF-8)."""
    return json.dumps(_draft7(schema(name)), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
