"""Write N realistic synthetic municipality profiles for the batch benchmark.

Each profile is a real Kyushu or Tohoku municipality (a code, name and prefecture from
``readiness.profile.localgov.municipalities()``, so it passes every identity check) with facts drawn
from a seeded random generator: Japanese text throughout, lists of varied length, some facts
``unknown``, some omitted.  Sizes range from a few lines to a few hundred.  The same seed and N
always give byte-identical files.

    python benchmarks/generate.py 1000 benchmarks/out/n1000
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import yaml

from readiness.profile.localgov import Municipality, municipalities

BUREAUS = ("kyushu", "tohoku")  # the bureaus with bundled criteria
STRATEGIES = {
    "kyushu": ["startup", "agri-commerce", "healthcare", "monozukuri", "organisation"],
    "tohoku": ["rx-innovation", "rx-dx", "rx-sustainability", "rx-people", "reconstruction"],
}
PROGRAMMES = [
    "sogyo-shien",
    "furusato-meibutsu",
    "chiiki-shigen",
    "noshoko-renkei",
    "mirai-kenin-kigyo",
    "chiiki-keizai-kenin",
]
PARTNER_TYPES = [
    ("chamber_of_commerce", "商工会議所"),
    ("society_of_commerce", "商工会"),
    ("industry_support_centre", "産業支援センター"),
    ("financial_institution", "信用金庫"),
    ("university", "大学"),
    ("other", "まちづくり協議会"),
]
ISSUE_TOPICS = [
    ("succession", "中小企業の事業承継"),
    ("workers", "製造業の人手不足"),
    ("sales", "地場産品の販路開拓"),
    ("tourism", "観光消費額の伸び悩み"),
    ("startup", "創業の担い手不足"),
    ("dx", "中小企業のデジタル化の遅れ"),
    ("energy", "エネルギーコストの上昇"),
    ("shopping", "中心市街地の空き店舗"),
]
DEPARTMENTS = ["産業振興課", "商工観光課", "企画政策課", "農林水産課", "総務課", "まちづくり推進課"]
ROLES = ["相談窓口", "資金面の支援", "調査", "人材育成"]
FIRM_WORDS = ["食品", "精工", "水産", "製作所", "農園", "工業", "酒造", "ファーム"]


def _sentence(rng: random.Random, topic: str) -> str:
    parts = [
        f"{topic}について",
        rng.choice(["市内事業者への聞き取りで", "商工会の調査で", "統計資料から", "庁内検討会で"]),
        rng.choice(["課題が明らかになった", "対応の必要性が確認された", "数値で把握している"]),
    ]
    return "、".join(parts) + f"（{rng.randint(2015, 2024)}年度）"


def _maybe_unknown(rng: random.Random, value: Any, p: float = 0.15) -> Any:
    return "unknown" if rng.random() < p else value


def _firm(rng: random.Random, town: str) -> str:
    return f"株式会社{town[:2]}{rng.choice(FIRM_WORDS)}{rng.randint(1, 99)}"


def profile(rng: random.Random, m: Municipality) -> dict[str, Any]:
    """One profile; ``size`` scales the lists so that files range from small to large."""
    size = rng.choice([0, 1, 2, 3, 5, 8])
    strategies = STRATEGIES[m.bureau]
    topics = rng.sample(ISSUE_TOPICS, k=min(len(ISSUE_TOPICS), max(1, size)))
    issues = [
        {
            "id": slug,
            "title": title,
            "evidence": _maybe_unknown(
                rng, [_sentence(rng, title) for _ in range(rng.randint(0, 3))]
            ),
        }
        for slug, title in topics
    ]
    initiatives = [
        {
            "id": f"{slug}-project",
            "title": f"{title}への対応事業",
            "addresses": [slug],
            "serves": rng.sample(strategies, k=rng.randint(0, 2)),
            "actions": _maybe_unknown(
                rng,
                [
                    f"{title}に関する{w}"
                    for w in rng.sample(
                        ["勉強会", "セミナー", "企業訪問", "実証事業"], k=rng.randint(0, 3)
                    )
                ],
            ),
            "owner": rng.choice(DEPARTMENTS),
            "timeline": {"start": f"{rng.randint(2022, 2024)}-04-01", "end": "2026-03-31"},
            "kpis": [
                {"indicator": f"{title}の支援件数", "target": rng.randint(5, 50)}
                for _ in range(rng.randint(0, 2))
            ],
            "bureau_role": "施策情報の提供と専門家の派遣",
        }
        for slug, title in topics[: rng.randint(0, len(topics))]
    ]
    partners = [
        {
            "name": f"{m.name}{label}",
            "type": kind,
            "role": f"{label}として{rng.choice(ROLES)}を担う",
            "commitment": rng.choice(["signed", "agreed", "in_talks", "planned", "unknown"]),
            "initiatives": [i["id"] for i in initiatives[:1]],
        }
        for kind, label in rng.sample(
            PARTNER_TYPES, k=rng.randint(0, min(len(PARTNER_TYPES), size + 1))
        )
    ]
    programmes = [
        {
            "programme": rng.choice(PROGRAMMES),
            "year": _maybe_unknown(rng, rng.randint(2010, 2024)),
            "firms": [_firm(rng, m.name) for _ in range(rng.randint(0, 3))],
        }
        for _ in range(rng.randint(0, size * 2))
    ]
    will: dict[str, Any] = {
        "requested_partnership": _maybe_unknown(rng, rng.random() < 0.6),
        "top_commitment": _maybe_unknown(
            rng, rng.choice(["mayor", "deputy_mayor", "department_head", "section_head", "none"])
        ),
        "lead_department": _maybe_unknown(rng, rng.choice(DEPARTMENTS)),
        "annual_review": _maybe_unknown(rng, rng.random() < 0.5),
    }
    if rng.random() < 0.6:
        will["team"] = {
            "kind": "ワーキンググループ",
            "departments": rng.sample(DEPARTMENTS, k=rng.randint(1, 3)),
            "cross_departmental": rng.random() < 0.5,
        }
    if rng.random() < 0.5:
        will["staff_fte"] = round(rng.uniform(0, 3), 1)
    stated_issues = _maybe_unknown(rng, issues, 0.05)
    if stated_issues == "unknown":  # an initiative cannot address issues that are unknown
        initiatives = [{**i, "addresses": []} for i in initiatives]
    return {
        "schema_version": 1,
        "as_of": f"{rng.randint(2022, 2025)}-04-01",
        "municipality": {"name": m.name, "code": m.code, "prefecture": m.prefecture},
        "will": will,
        "issues": stated_issues,
        "initiatives": initiatives,
        "partners": _maybe_unknown(rng, partners, 0.1),
        "record": {
            "programmes": programmes,
            "growth_firms": [_firm(rng, m.name) for _ in range(rng.randint(0, size))],
            "rollout": "近隣市町村との広域連携で横展開を図る" if rng.random() < 0.4 else None,
        },
        "sources": [f"{m.name}総合計画（{rng.randint(2018, 2024)}年）"],
    }


def _drop_nones(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nones(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nones(v) for v in value]
    return value


def candidates() -> list[Municipality]:
    """Municipalities of the bureaus with bundled criteria, wards excluded, by code."""
    return [
        m
        for code, m in sorted(municipalities().items())
        if m.bureau in BUREAUS and " " not in m.name
    ]


def generate(n: int, out: Path, seed: int = 4) -> list[Path]:
    rng = random.Random(seed)
    towns = candidates()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        m = towns[i % len(towns)]
        path = out / f"{i // 1000:03d}" / f"{i:06d}-{m.code}.yaml"
        path.parent.mkdir(exist_ok=True)
        text = yaml.safe_dump(
            _drop_nones(profile(rng, m)), allow_unicode=True, sort_keys=False, width=100
        )
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many profiles")
    parser.add_argument("out", type=Path, help="directory to write them into")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} profiles, {size:,} bytes, to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
