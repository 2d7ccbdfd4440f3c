"""The diff of meaning, on crafted pairs of criteria sets: one kind of change per case."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.criteria.bundled import bundled
from readiness.criteria.diff import FieldChange, ItemChange, diff_criteria, wording_diff
from readiness.criteria.model import Criteria


def _criterion(cid: str, points: float = 2, field: str = "will.team") -> dict[str, Any]:
    return {
        "id": cid,
        "label": {"ja": f"{cid} ja", "en": f"{cid} en"},
        "official": "一緒に取り組んでいけること",
        "points": points,
        "check": {"kind": "present", "field": field},
        "recommendation": {"ja": "やってください。", "en": "Do it."},
    }


BASE: dict[str, Any] = {
    "format": 1,
    "id": "test-2020",
    "bureau": "tohoku",
    "version": "2020",
    "title": {"ja": "テスト", "en": "Test"},
    "sources": [{"publisher": "局", "title": "資料", "date": "2020-01-01"}],
    "period": {"start": "2020-04-01", "end": "2023-03-31"},
    "strategy_label": {"ja": "戦略", "en": "Strategies"},
    "strategies": [
        {"id": "dx", "label": {"ja": "DX", "en": "DX"}, "official": "DX"},
        {"id": "gx", "label": {"ja": "GX", "en": "GX"}},
    ],
    "sections": [
        {
            "id": "will",
            "kind": "condition",
            "label": {"ja": "意思", "en": "Will"},
            "official": "組織として対応する意思があり",
            "weight": 50,
            "gate": 0.5,
            "criteria": [
                _criterion("will.team"),
                _criterion("will.lead", 1, "will.lead_department"),
            ],
        },
        {
            "id": "issues",
            "kind": "condition",
            "label": {"ja": "課題", "en": "Issues"},
            "weight": 50,
            "criteria": [
                {**_criterion("issues.stated", 3), "check": {"kind": "count", "items": "issues"}}
            ],
        },
    ],
    "bands": [
        {"id": "ready", "label": {"ja": "準備済", "en": "Ready"}, "min": 70},
        {"id": "not-yet", "label": {"ja": "準備段階", "en": "Not yet"}, "min": 0},
    ],
}


def make(edit: Callable[[dict[str, Any]], object] | None = None) -> Criteria:
    data = copy.deepcopy(BASE)
    if edit is not None:
        edit(data)
    return Criteria.model_validate(data)


def crit(data: dict[str, Any], section: int, index: int) -> dict[str, Any]:
    found: dict[str, Any] = data["sections"][section]["criteria"][index]
    return found


def test_identical_sets_give_an_empty_diff() -> None:
    diff = diff_criteria(make(), make())
    assert diff.empty
    assert (diff.meta, diff.sections, diff.criteria, diff.strategies, diff.bands) == (
        (),
        (),
        (),
        (),
        (),
    )


def test_reordering_items_is_not_a_change() -> None:
    def reorder(d: dict[str, Any]) -> None:
        d["sections"][0]["criteria"].reverse()
        d["strategies"].reverse()

    assert diff_criteria(make(), make(reorder)).empty


LABEL = {"ja": "will.team ja", "en": "will.team en"}

# (name, edit, which list of the diff, expected items)
CASES: list[tuple[str, Callable[[dict[str, Any]], object], str, list[ItemChange]]] = [
    (
        "criterion added",
        lambda d: d["sections"][1]["criteria"].append(_criterion("issues.kpi", 1, "will.contact")),
        "criteria",
        [
            ItemChange(
                "added",
                "issues.kpi",
                section="issues",
                label={"ja": "issues.kpi ja", "en": "issues.kpi en"},
                changes=(
                    FieldChange("official", None, "一緒に取り組んでいけること"),
                    FieldChange("basis", None, "reading"),
                    FieldChange("required", None, False),
                    FieldChange("points", None, 1.0),
                    FieldChange("check", None, "{kind: present, field: will.contact}"),
                    FieldChange("recommendation", None, {"ja": "やってください。", "en": "Do it."}),
                ),
            )
        ],
    ),
    (
        "criterion removed",
        lambda d: d["sections"][0]["criteria"].pop(1),
        "criteria",
        [
            ItemChange(
                "removed",
                "will.lead",
                section="will",
                label={"ja": "will.lead ja", "en": "will.lead en"},
                changes=(
                    FieldChange("official", "一緒に取り組んでいけること", None),
                    FieldChange("basis", "reading", None),
                    FieldChange("required", False, None),
                    FieldChange("points", 1.0, None),
                    FieldChange("check", "{kind: present, field: will.lead_department}", None),
                    FieldChange("recommendation", {"ja": "やってください。", "en": "Do it."}, None),
                ),
            )
        ],
    ),
    (
        "criterion wording",
        lambda d: crit(d, 0, 0).update(official="一緒に取り組む体制があること"),
        "criteria",
        [
            ItemChange(
                "changed",
                "will.team",
                section="will",
                label=LABEL,
                changes=(
                    FieldChange(
                        "official", "一緒に取り組んでいけること", "一緒に取り組む体制があること"
                    ),
                ),
            )
        ],
    ),
    (
        "criterion label",
        lambda d: crit(d, 0, 0)["label"].update(en="Team"),
        "criteria",
        [
            ItemChange(
                "changed",
                "will.team",
                section="will",
                label={"ja": "will.team ja", "en": "Team"},
                changes=(FieldChange("label", LABEL, {"ja": "will.team ja", "en": "Team"}),),
            )
        ],
    ),
    (
        "criterion check",
        lambda d: crit(d, 0, 0).update(check={"kind": "is_true", "field": "will.annual_review"}),
        "criteria",
        [
            ItemChange(
                "changed",
                "will.team",
                section="will",
                label=LABEL,
                changes=(
                    FieldChange(
                        "check",
                        "{kind: present, field: will.team}",
                        "{kind: is_true, field: will.annual_review}",
                    ),
                ),
            )
        ],
    ),
    (
        "criterion points",
        lambda d: crit(d, 0, 0).update(points=2.5),
        "criteria",
        [
            ItemChange(
                "changed",
                "will.team",
                section="will",
                label=LABEL,
                changes=(FieldChange("points", 2.0, 2.5),),
            )
        ],
    ),
    (
        "criterion moved to another section",
        lambda d: d["sections"][1]["criteria"].append(d["sections"][0]["criteria"].pop(0)),
        "criteria",
        [
            ItemChange(
                "changed",
                "will.team",
                section="issues",
                label=LABEL,
                changes=(FieldChange("section", "will", "issues"),),
            )
        ],
    ),
    (
        "criterion renamed",
        lambda d: crit(d, 0, 0).update(id="will.structure"),
        "criteria",
        [ItemChange("renamed", "will.structure", old_id="will.team", section="will", label=LABEL)],
    ),
    (
        "section weight and gate",
        lambda d: d["sections"][0].update(weight=60, gate=0.6),
        "sections",
        [
            ItemChange(
                "changed",
                "will",
                label={"ja": "意思", "en": "Will"},
                changes=(FieldChange("weight", 50.0, 60.0), FieldChange("gate", 0.5, 0.6)),
            )
        ],
    ),
    (
        "section gate removed",
        lambda d: d["sections"][0].pop("gate"),
        "sections",
        [
            ItemChange(
                "changed",
                "will",
                label={"ja": "意思", "en": "Will"},
                changes=(FieldChange("gate", 0.5, None),),
            )
        ],
    ),
    (
        "section wording",
        lambda d: d["sections"][0].update(official="組織として対応する意思がある"),
        "sections",
        [
            ItemChange(
                "changed",
                "will",
                label={"ja": "意思", "en": "Will"},
                changes=(
                    FieldChange(
                        "official", "組織として対応する意思があり", "組織として対応する意思がある"
                    ),
                ),
            )
        ],
    ),
    (
        "section renamed",
        lambda d: d["sections"][1].update(id="clear-issues"),
        "sections",
        [
            ItemChange(
                "renamed", "clear-issues", old_id="issues", label={"ja": "課題", "en": "Issues"}
            )
        ],
    ),
    (
        "strategy added",
        lambda d: d["strategies"].append({"id": "cx", "label": {"ja": "CX", "en": "CX"}}),
        "strategies",
        [ItemChange("added", "cx", label={"ja": "CX", "en": "CX"})],
    ),
    (
        "strategy removed",
        lambda d: d["strategies"].pop(0),
        "strategies",
        [
            ItemChange(
                "removed",
                "dx",
                label={"ja": "DX", "en": "DX"},
                changes=(FieldChange("official", "DX", None),),
            )
        ],
    ),
    (
        "strategy renamed",
        lambda d: d["strategies"][1].update(id="green"),
        "strategies",
        [ItemChange("renamed", "green", old_id="gx", label={"ja": "GX", "en": "GX"})],
    ),
    (
        "band threshold",
        lambda d: d["bands"][0].update(min=75),
        "bands",
        [
            ItemChange(
                "changed",
                "ready",
                label={"ja": "準備済", "en": "Ready"},
                changes=(FieldChange("min", 70.0, 75.0),),
            )
        ],
    ),
    (
        "band requires gates",
        lambda d: d["bands"][1].update(requires_gates=True),
        "bands",
        [
            ItemChange(
                "changed",
                "not-yet",
                label={"ja": "準備段階", "en": "Not yet"},
                changes=(FieldChange("requires_gates", False, True),),
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("edit", "where", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_kind_of_change(
    edit: Callable[[dict[str, Any]], object], where: str, expected: list[ItemChange]
) -> None:
    diff = diff_criteria(make(), make(edit))
    assert list(getattr(diff, where)) == expected
    others = {"sections", "criteria", "strategies", "bands"} - {where}
    assert all(getattr(diff, o) == () for o in others), diff
    assert diff.meta == ()
    assert diff.sources == ()


def test_a_renamed_section_does_not_move_its_criteria() -> None:
    diff = diff_criteria(make(), make(lambda d: d["sections"][1].update(id="clear-issues")))
    assert diff.criteria == ()


def test_a_renamed_id_with_changed_content_is_an_addition_and_a_removal() -> None:
    diff = diff_criteria(make(), make(lambda d: crit(d, 0, 0).update(id="will.x", points=3)))
    kinds = [(c.kind, c.id) for c in diff.criteria]
    assert kinds == [("added", "will.x"), ("removed", "will.team")]


def test_period_source_and_version() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["period"]["end"] = "2024-03-31"
        d["version"] = "2021"
        d["sources"].append(
            {"publisher": "局", "title": "改定", "date": "2021-04-01", "url": "https://x.example/"}
        )

    diff = diff_criteria(make(), make(edit))
    assert diff.meta == (
        FieldChange("version", "2020", "2021"),
        FieldChange("period.end", "2023-03-31", "2024-03-31"),
    )
    assert diff.sources == (ItemChange("added", "局 「改定」 2021-04-01 https://x.example/"),)
    assert not diff.empty


def test_a_band_added_is_one_added_band_and_its_order_follows_its_min() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["bands"].insert(1, {"id": "promising", "label": {"ja": "有望", "en": "P"}, "min": 40})

    diff = diff_criteria(make(), make(edit))
    assert diff.meta == ()
    assert [(b.kind, b.id) for b in diff.bands] == [("added", "promising")]


def test_kyushu_against_tohoku_shows_how_the_three_conditions_read() -> None:
    diff = diff_criteria(bundled("kyushu-2019"), bundled("tohoku-2022"))
    official = {
        s.id: next(f for f in s.changes if f.field == "official")
        for s in diff.sections
        if s.kind == "changed"
    }
    assert set(official) == {"will", "issues", "partners"}
    assert official["will"] == FieldChange(
        "official",
        "組織として対応する意思があり、課題の解決に向けて一緒に取り組んでいけること",
        "組織として対応する意思があり、課題の解決に向けて、一緒に取り組む体制があること",
    )
    assert wording_diff(str(official["will"].old), str(official["will"].new)) == [
        ("same", "組織として対応する意思があり、課題の解決に向けて"),
        ("added", "、"),
        ("same", "一緒に取り組"),
        ("removed", "んでいけ"),
        ("added", "む体制があ"),
        ("same", "ること"),
    ]
    assert [(s.kind, s.id) for s in diff.sections if s.kind != "changed"] == [
        ("added", "model"),
        ("removed", "selection"),
        ("removed", "themes"),
    ]


def test_the_two_tohoku_versions_differ_in_strategies_and_their_checks() -> None:
    diff = diff_criteria(bundled("tohoku-2019"), bundled("tohoku-2022"))
    assert [(s.kind, s.id) for s in diff.strategies] == [
        ("added", "rx-innovation"),
        ("added", "rx-dx"),
        ("added", "rx-sustainability"),
        ("added", "rx-people"),
        ("changed", "reconstruction"),
        ("removed", "lead-firms"),
        ("removed", "regional-brand"),
        ("removed", "energy"),
        ("removed", "management"),
    ]
    check_changed = [c.id for c in diff.criteria if any(f.field == "check" for f in c.changes)]
    assert check_changed == ["model.strategy-fit", "model.strategy-concrete"]


def test_wording_diff_of_unrelated_sentences_is_whole() -> None:
    assert wording_diff("震災からの創造的復興", "地域を牽引する企業") == [
        ("removed", "震災からの創造的復興"),
        ("added", "地域を牽引する企業"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    old=st.text(alphabet="あいうえお課題体制、", max_size=12),
    new=st.text(alphabet="あいうえお課題体制、", max_size=12),
)
def test_wording_diff_rebuilds_both_texts(old: str, new: str) -> None:
    segments = wording_diff(old, new)
    assert "".join(t for op, t in segments if op != "added") == old
    assert "".join(t for op, t in segments if op != "removed") == new


EDITS = [c[1] for c in CASES]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(range(len(EDITS))), unique=True, max_size=4))
def test_reversing_a_diff_swaps_additions_and_removals(chosen: list[int]) -> None:
    def edit(d: dict[str, Any]) -> None:
        for i in chosen:
            with contextlib.suppress(IndexError, KeyError):
                EDITS[i](d)

    try:
        new = make(edit)
    except ValueError:
        return  # some combinations are not valid criteria (an empty section, say)
    forward, backward = diff_criteria(make(), new), diff_criteria(new, make())
    assert forward.empty == backward.empty
    for where in ("sections", "criteria", "strategies", "bands"):
        kinds_f = sorted(c.kind for c in getattr(forward, where))
        swap = {"added": "removed", "removed": "added"}
        kinds_b = sorted(swap.get(c.kind, c.kind) for c in getattr(backward, where))
        assert kinds_f == kinds_b


def test_wording_diff_of_the_partners_condition() -> None:
    diff = diff_criteria(bundled("kyushu-2019"), bundled("tohoku-2022"))
    partners = next(s for s in diff.sections if s.id == "partners")
    official = next(f for f in partners.changes if f.field == "official")
    assert wording_diff(str(official.old), str(official.new)) == [
        ("same", "自治体以外の地元関係機関"),
        ("removed", "への協力の拡がり期待でき"),
        (
            "added",
            "(商工団体、産業支援センター、金融機関、大学など)を巻き込んだ取組を想定してい",
        ),
        ("same", "ること"),
    ]


def test_wording_diff_ignores_character_width() -> None:
    assert wording_diff("分野（特に商工分野）での課題", "分野(特に商工分野)における課題") == [
        ("same", "分野(特に商工分野)"),
        ("removed", "での"),
        ("added", "における"),
        ("same", "課題"),
    ]
