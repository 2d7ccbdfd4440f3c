"""Substance rules: placeholders are refused; negative, empty, too-short or repeated statements
earn nothing; strategy claims are bounded by actions; and a gamed profile stays out of the top
band under every bundled set, with located findings naming the problem."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness import assess, bundled_criteria
from readiness.criteria.model import Criteria
from readiness.diagnostics import ReadinessError
from readiness.profile.loading import load_profile_text
from readiness.profile.model import Profile
from readiness.profile.placeholders import fold, placeholder_reason, too_short
from tests.conftest import EXAMPLES, RunCli

SETS = bundled_criteria()
REAL = ["koshi.yaml", "ishinomaki.yaml"]
ALL_EXAMPLES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
HEAD = (
    "schema_version: 1\nas_of: 2024-04-01\n"
    "municipality: {name: 石巻市, code: '042021', prefecture: 宮城県}\n"
)


def _data(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


def _profile(data: dict[str, Any]) -> Profile:
    return Profile.model_validate(data)


def _score(criteria: Criteria, data: dict[str, Any]) -> float:
    return assess(criteria, _profile(data)).score


# -- placeholders: refused where they are written ------------------------------------------

PLACEHOLDERS = [
    "○○", "〇〇課", "○○商工会", "××", "xxx", "検討中", "調整中", "予定", "未定", "未定です",
    "未定です。", "ＴＢＤ", "tbd", "なし。", "該当なし", "担当未定", "時期未定", "日程調整中",
    "example", "Sample", "ダミー", "-", "ー", "N/A",
]  # fmt: skip


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_a_placeholder_is_refused_at_its_line(text: str) -> None:
    with pytest.raises(ReadinessError) as e:
        load_profile_text(HEAD + f"will:\n  contact: {json.dumps(text, ensure_ascii=False)}\n",
                          "t.yaml")  # fmt: skip
    (d,) = e.value.diagnostics
    assert (d.file, d.line, d.column, d.code) == ("t.yaml", 5, 12, "placeholder")
    assert "is a placeholder" in d.message


@pytest.mark.parametrize(
    "text",
    [
        "石巻市産業部",
        "商工振興課",
        "IT",
        "2025年度開始予定",
        "新工場の建設を検討中",
        "合志市・九州経済産業局",
    ],
)
def test_real_text_is_not_a_placeholder(text: str) -> None:
    assert placeholder_reason(text) is None
    assert not too_short(text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("未定です。", "未定"), ("ＴＢＤ", "tbd"), (" な し 。", "なし"), ("A B", "ab")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "short"),
    [("a", True), ("aaa", True), ("ーー課", False), ("課", True), ("・a・", True), ("ab", False)],
)
def test_too_short(text: str, short: bool) -> None:
    assert too_short(text) is short


# -- negative and empty statements earn nothing --------------------------------------------

NEGATIVE = [
    pytest.param({"will": {"team": {"cross_departmental": False}}}, id="cross_departmental false"),
    pytest.param({"will": {"team": {"departments": []}}}, id="no departments"),
    pytest.param({"will": {"team": {"kind": "a"}}}, id="team of a one-letter kind"),
    pytest.param({"will": {"top_commitment": "none"}}, id="top commitment none"),
    pytest.param({"will": {"lead_department": "a"}}, id="one-letter department"),
    pytest.param({"partners": []}, id="no partners"),
    pytest.param({"initiatives": [{"id": "x", "title": "商工振興の取組", "timeline": None,
                                   "owner": "a"}]}, id="null timeline, one-letter owner"),
    pytest.param({"initiatives": [{"id": "x", "title": "商工振興の取組",
                                   "timeline": {"start": None, "end": None}}]},
                 id="timeline of nulls"),
]  # fmt: skip


@pytest.mark.parametrize("criteria", SETS, ids=lambda c: c.id)
@pytest.mark.parametrize("facts", NEGATIVE)
def test_a_negative_or_empty_statement_earns_nothing(
    criteria: Criteria, facts: dict[str, Any]
) -> None:
    base = yaml.safe_load(HEAD)
    stated = {**base, **facts}
    if "initiatives" in facts:  # the initiative itself may earn; its null facts must not
        base = {**base, "initiatives": [{"id": "x", "title": "商工振興の取組"}]}
    assert _score(criteria, stated) == _score(criteria, base)


# -- repeated entries count once -----------------------------------------------------------


@pytest.mark.parametrize("criteria", SETS, ids=lambda c: c.id)
@pytest.mark.parametrize("name", REAL)
def test_repeated_partners_and_programmes_count_once(criteria: Criteria, name: str) -> None:
    data = _data(name)
    once = copy.deepcopy(data)
    for key, holder in (("partners", data), ("programmes", data["record"])):
        if isinstance(holder.get(key), list) and holder[key]:
            holder[key] = [holder[key][0]] * 30
            (once if key == "partners" else once["record"])[key] = [holder[key][0]]
    result = assess(criteria, _profile(data))
    assert result.score == _score(criteria, once)
    duplicates = [f for f in result.findings if f.code == "duplicate"]
    assert len(duplicates) == 29 * sum(
        isinstance(h.get(k), list) and bool(h[k])
        for k, h in (("partners", data), ("programmes", data["record"]))
    )


def test_two_partners_named_alike_are_one() -> None:
    data = yaml.safe_load(HEAD)
    partner = {"type": "chamber_of_commerce", "commitment": "agreed"}
    data["partners"] = [
        {"name": "石巻商工会議所", **partner},
        {"name": "石巻 商工会議所。", **partner},
    ]
    result = assess(SETS[-1], _profile(data))
    (f,) = result.findings
    assert (f.loc, f.code, f.message.en) == (
        ("partners", 1),
        "duplicate",
        "the same entry as partners[0]: it counts once",
    )
    assert next(c for c in result.criteria if c.id == "partners.breadth").status == "unmet"


# -- strategy claims -----------------------------------------------------------------------


@pytest.mark.parametrize("criteria", [c for c in SETS if len(c.strategies) > 1], ids=lambda c: c.id)
def test_one_action_claiming_every_strategy_earns_one(criteria: Criteria) -> None:
    every = [s.id for s in criteria.strategies]
    data = yaml.safe_load(HEAD)
    data["initiatives"] = [{"id": "all", "title": "地域産業の振興", "actions": ["企業訪問の実施"],
                            "serves": every}]  # fmt: skip
    result = assess(criteria, _profile(data))
    assert [f.code for f in result.findings] == ["too-many-strategies"]
    assert [s.id for s in result.strategy_fit if s.initiatives] == every[:1]
    assert len(result.unserved_strategies) == len(every) - 1


# -- the gamed profiles of the issue, for every example under every bundled set -------------

_IDS = frozenset({"id", "addresses", "serves", "initiatives", "programme", "type", "commitment",
                  "code", "bureau", "top_commitment"})  # fmt: skip
_TEXT_FIELDS = {
    "will": ["lead_department", "contact", "top_commitment_evidence", "municipal_plan"],
    "record": ["rollout"],
}


def _one_letter(node: Any, key: str = "") -> Any:
    """Every text replaced by ``a`` (ids, codes and fixed words kept)."""
    if isinstance(node, dict):
        return {k: _one_letter(v, k) for k, v in node.items()}
    if isinstance(node, list):
        if key in _IDS:  # a list of ids (addresses, serves, a partner's initiatives)
            return node
        return [_one_letter(v, key) for v in node]
    if isinstance(node, str) and node != "unknown" and key not in _IDS:
        return "a"
    return node


def gamed(name: str, *, repeat: bool = False) -> dict[str, Any]:
    data = _data(name)
    for key in ("sources", "citations", "readings"):  # what the facts rest on, not facts
        data.pop(key, None)
    municipality = data.pop("municipality")
    initiatives = data.pop("initiatives", [])
    data = _one_letter(data)
    data["initiatives"] = [_one_letter(i) for i in initiatives] if initiatives != "unknown" else []
    data["municipality"] = municipality
    for section, fields in _TEXT_FIELDS.items():
        for field in fields:
            data.setdefault(section, {})[field] = "a"
    data["will"]["team"] = {"kind": "a", "departments": ["a", "a"], "members": ["a"]}
    for partner in data["partners"] if isinstance(data.get("partners"), list) else []:
        partner["name"] = "a"
    data.setdefault("partners", [])
    if not isinstance(data["partners"], list) or not data["partners"]:
        data["partners"] = [{"name": "a", "type": "chamber_of_commerce", "commitment": "agreed"}]
    if repeat:
        data["partners"] = [data["partners"][0]] * 30
        programmes = data["record"].get("programmes")
        if isinstance(programmes, list) and programmes:
            data["record"]["programmes"] = [programmes[0]] * 30
    return data


@pytest.mark.parametrize("repeat", [False, True], ids=["one letter", "one letter, repeated"])
@pytest.mark.parametrize("criteria", SETS, ids=lambda c: c.id)
@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_a_gamed_profile_stays_below_the_top_band(
    name: str, criteria: Criteria, repeat: bool
) -> None:
    result = assess(criteria, _profile(gamed(name, repeat=repeat)))
    assert result.band_rank > 0, (result.score, result.band.id)
    assert "too-short" in {f.code for f in result.findings}


@pytest.mark.parametrize("name", REAL)
def test_gamed_findings_are_located_in_the_file(
    name: str, tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path(name)
    path.write_text(yaml.safe_dump(gamed(name, repeat=True), allow_unicode=True), "utf-8")
    result = run_cli("assess", str(path), "-f", "json")
    data = json.loads(result.stdout)
    assert data["band"]["id"] != "ready"
    lines = path.read_text("utf-8").splitlines()
    for f in data["findings"]:
        assert f["line"] is not None
        assert f["column"] is not None
        assert f["code"] in ("too-short", "duplicate", "too-many-strategies")
    first = next(f for f in data["findings"] if f["code"] == "too-short")
    assert "a" in lines[first["line"] - 1][first["column"] - 1 :]
    text = run_cli("assess", str(path), "--lang", "en").stdout
    assert re.search(rf"\n  {name}:[0-9]+:[0-9]+: too-short ", text)


# -- the fast paths of folding and letters ---------------------------------------------------


def test_letters_are_exactly_unicode_letters_and_numbers() -> None:
    """The pattern that drops what is not a letter or a number agrees with Unicode categories
    L and N on every character."""
    import sys
    import unicodedata

    from readiness.profile.placeholders import _NOT_LETTERS

    kept = [i for i in range(sys.maxunicode + 1) if not _NOT_LETTERS.fullmatch(chr(i))]
    assert kept == [i for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i))[0] in "LN"]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=12))
def test_folding_again_is_folding_twice(text: str) -> None:
    from readiness.profile.placeholders import _fold_again, fold

    folded = fold(text)
    assert _fold_again(folded) == fold(folded)


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.sampled_from(["未定です。", "ＴＢＤ", "○○課", "担当未定", "---", "İ", "ﬁ", "Ⅻ",
                         "ｔｂｄ。", "e\u0301", "ß", "ｎ／ａ", "Ｎ／Ａです"]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
    )
)  # fmt: skip
def test_placeholder_reason_agrees_with_folding_twice(text: str) -> None:
    import unicodedata

    from readiness.profile import placeholders as ph

    folded = ph.fold(text)
    if not folded.strip(ph._DASHES):
        expected: str | None = "punctuation or a dash alone"
    elif folded in ph.PLACEHOLDER_WORDS or ph.fold(folded) in ph.PLACEHOLDER_WORDS:
        expected = "a placeholder word"
    elif ph._MARKS.search(unicodedata.normalize("NFKC", text)):
        expected = "placeholder marks (○○, ××, xxx) standing for a name still to be written"
    elif ph._UNDECIDED.match(folded):
        expected = "says that it is not decided yet"
    else:
        expected = None
    assert ph.placeholder_reason(text) == expected
