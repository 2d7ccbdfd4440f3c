"""Write the fictional test profiles of the bundled criteria sets (``tests:`` in each file).

For each set: a strong town (``strong.yaml``, expected in the top band) and the same town with one
condition's facts taken away (``no-will.yaml``, ``no-issues.yaml``, ``no-partners.yaml``), which
must drop out of the top band.  Every town is made up (``fictional: true``).  Run it after changing
the template below; the files are committed.

    python scripts/make_criteria_tests.py
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from readiness.profile.localgov import check_digit

HERE = Path(__file__).resolve().parent.parent / "src" / "readiness" / "data" / "criteria" / "tests"

# set id: (as_of inside its period, prefecture, prefecture code, strategy ids an initiative serves)
SETS: dict[str, tuple[str, str, str, list[str]]] = {
    "hokkaido-2024": ("2024-06-01", "北海道", "01", ["semiconductors", "dx-productivity"]),
    "kanto-2022": ("2022-06-01", "茨城県", "08", ["food", "machizukuri"]),
    "chubu-2025": ("2025-06-01", "愛知県", "23", ["price-pass-through", "midsize-investment"]),
    "kinki-2016": ("2020-06-01", "大阪府", "27", []),
    "kinki-2025": ("2025-06-01", "大阪府", "27", ["expo-2025", "dx"]),
    "chugoku-2026": ("2026-06-01", "広島県", "34", ["innovation-startups", "fair-trading"]),
    "shikoku-2026": ("2026-06-01", "香川県", "37", ["digital", "succession"]),
    "kyushu-2026": ("2026-06-01", "熊本県", "43", ["semiconductors", "regional-future-strategy"]),
    "okinawa-common": ("2026-06-01", "沖縄県", "47", []),
    "kyushu-2019": ("2020-06-01", "熊本県", "43", ["monozukuri", "startup"]),
    "tohoku-2019": ("2020-06-01", "宮城県", "04", ["reconstruction", "lead-firms"]),
    "tohoku-2022": ("2023-06-01", "宮城県", "04", ["rx-dx", "reconstruction"]),
}


def strong(as_of: str, prefecture: str, pref_code: str, serves: list[str]) -> dict[str, Any]:
    first_five = f"{pref_code}999"
    code = f"{first_five}{check_digit(first_five)}"
    partner_initiatives = ["succession-desk"]
    return {
        "schema_version": 1,
        "fictional": True,
        "as_of": as_of,
        "municipality": {
            "name": "架空市",
            "name_en": "Kaku (fictional)",
            "code": code,
            "prefecture": prefecture,
            "population": 80000,
        },
        "will": {
            "requested_partnership": True,
            "top_commitment": "mayor",
            "top_commitment_evidence": "市長が庁議で表明",
            "lead_department": "産業振興部 商工課",
            "contact": "商工課長",
            "team": {
                "kind": "ワーキンググループ（WG）",
                "departments": ["商工課", "企画課"],
                "members": ["若手職員"],
                "cross_departmental": True,
            },
            "staff_fte": 1.5,
            "municipal_plan": "総合計画の重点施策に位置づけ",
            "annual_review": True,
        },
        "issues": [
            {
                "id": "successors",
                "title": "事業承継の担い手不足",
                "evidence": ["商工会議所の調査で後継者未定が6割"],
            },
            {"id": "sales", "title": "地場産品の販路の縮小", "evidence": ["出荷額が10年で2割減"]},
        ],
        "initiatives": [
            {
                "id": "succession-desk",
                "title": "事業承継の相談窓口",
                "addresses": ["successors"],
                "serves": serves,
                "actions": ["商工会議所と合同の相談会を年4回開く"],
                "owner": "商工課",
                "timeline": {"start": as_of, "end": "2027-03-31"},
                "kpis": [{"indicator": "承継件数", "target": 10}],
                "town_role": "相談会の開催",
                "bureau_role": "施策の紹介と専門家の派遣",
            },
            {
                "id": "new-markets",
                "title": "地場産品の販路開拓",
                "addresses": ["sales"],
                "serves": serves[:1],
                "actions": ["首都圏の商談会に共同出展する"],
                "owner": "商工課",
                "kpis": [{"indicator": "新規取引先", "target": 20}],
            },
        ],
        "partners": [
            {
                "name": "架空商工会議所",
                "type": "chamber_of_commerce",
                "role": "相談会の共催",
                "commitment": "agreed",
                "initiatives": partner_initiatives,
                "contribution": "相談員2名の派遣",
            },
            {
                "name": "架空信用金庫",
                "type": "financial_institution",
                "role": "承継資金の融資",
                "commitment": "signed",
                "initiatives": partner_initiatives,
                "contribution": "融資枠の設定と職員1名の派遣",
            },
            {
                "name": "架空産業支援センター",
                "type": "industry_support_centre",
                "role": "専門家派遣",
                "commitment": "agreed",
                "initiatives": partner_initiatives,
                "contribution": "専門家の派遣",
            },
            {
                "name": "架空精機",
                "type": "core_firm",
                "role": "中核企業として取引先を支援",
                "commitment": "agreed",
                "contribution": "設備の開放と技術者の派遣",
            },
            {
                "name": "架空大学",
                "type": "university",
                "role": "調査と人材育成",
                "commitment": "in_talks",
                "initiatives": partner_initiatives,
            },
        ],
        "record": {
            "programmes": [{"programme": "sogyo-shien", "year": 2020, "firms": ["架空精機"]}],
            "bureau_cooperation": [{"year": 2021, "what": "合同セミナー"}],
            "growth_firms": ["架空精機"],
            "rollout": "近隣の市町と相談会の仕組みを共有する",
        },
        "plans": [
            {
                "kind": "sogo_senryaku",
                "title": "架空市まち・ひと・しごと創生総合戦略",
                "names_project": True,
            },
            {"kind": "cluster_plan", "title": "架空地域クラスター計画", "names_project": True},
        ],
        "promotion_body": {
            "name": "架空市産業振興協議会",
            "kind": "協議会",
            "members": [
                {"name": "架空市", "sector": "government", "role": "事務局"},
                {"name": "架空商工会議所", "sector": "industry", "role": "事業者の取りまとめ"},
                {"name": "架空信用金庫", "sector": "finance", "role": "資金面の支援"},
                {"name": "架空大学", "sector": "academia", "role": "調査"},
            ],
            "responsible": "架空市産業振興協議会",
        },
        "vision": "ものづくりと地場産品で若者が戻るまち",
        "structural_issues": ["中小企業の後継者不足による廃業の増加"],
        # The made-up town's own made-up document states every section, so that its facts are
        # evidenced: a top band asks that half the earned points rest on cited sources.
        "sources": [
            {
                "id": "kaku-vision",
                "title": "架空市 産業振興ビジョン（架空の文書・readiness のテスト用）",
                "date": as_of,
            }
        ],
        "citations": {section: ["kaku-vision"] for section in CITED},
    }


CITED = ("will", "issues", "initiatives", "partners", "record", "plans", "promotion_body",
         "vision", "structural_issues")  # fmt: skip


def without(profile: dict[str, Any], condition: str) -> dict[str, Any]:
    """The strong town with one condition's facts taken away (the fact stated as absent)."""
    p = copy.deepcopy(profile)
    if condition == "will":
        p["will"] = {"requested_partnership": False, "top_commitment": "none"}
        p["plans"] = []
    elif condition == "issues":
        p["issues"] = []
        p["structural_issues"] = []
        del p["vision"]
        for initiative in p["initiatives"]:
            initiative["addresses"] = []
    elif condition == "partners":
        p["partners"] = []
        del p["promotion_body"]
        p["record"]["programmes"] = [{"programme": "sogyo-shien", "year": 2020}]
    p["citations"] = {k: v for k, v in p["citations"].items() if k in p}
    return p


def main() -> None:
    for set_id, (as_of, prefecture, pref_code, serves) in SETS.items():
        folder = HERE / set_id
        folder.mkdir(parents=True, exist_ok=True)
        town = strong(as_of, prefecture, pref_code, serves)
        cases = {"strong": town}
        cases |= {f"no-{c}": without(town, c) for c in ("will", "issues", "partners")}
        for name, profile in cases.items():
            header = (
                f"# A made-up town for the {set_id} test cases (scripts/make_criteria_tests.py"
                f"): {name}.\n"
            )
            text = yaml.safe_dump(profile, allow_unicode=True, sort_keys=False, width=100)
            (folder / f"{name}.yaml").write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    main()
