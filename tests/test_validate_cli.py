"""``readiness validate``: kinds told apart, every file reported, three formats, encodings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from readiness.criteria.paths import CRITERIA_DIR
from tests.conftest import EXAMPLES, RunCli

ISHINOMAKI = (EXAMPLES / "ishinomaki.yaml").read_text(encoding="utf-8")
TOHOKU = (CRITERIA_DIR / "tohoku-2022.yaml").read_text(encoding="utf-8")
HEAD = (
    'schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: 石巻市\n  code: "042021"\n'
    "  prefecture: 宮城県\n"
)
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_profiles_and_criteria_told_apart_and_every_file_reported(
    here: Path, run_cli: RunCli
) -> None:
    (here / "town.yaml").write_text(ISHINOMAKI, encoding="utf-8")
    (here / "set.yaml").write_text(TOHOKU, encoding="utf-8")
    (here / "bad.yaml").write_text(HEAD + "parters: []\nwill: {annual_review: maybe}\n")
    (here / "broken.yaml").write_text("a: [1\n")
    result = run_cli("validate", "town.yaml", "bad.yaml", "set.yaml", "broken.yaml")
    assert (result.exit_code, result.stderr) == (2, "")
    assert result.stdout == (
        "town.yaml: ok (profile)\n"
        "bad.yaml:7:1: unknown-field unknown field 'parters': did you mean 'partners'?\n"
        "bad.yaml:8:23: bad-type will.annual_review: expected true or false (or `unknown`), "
        "got 'maybe'\n"
        "bad.yaml: 2 problems (profile)\n"
        "set.yaml: ok (criteria)\n"
        "broken.yaml:2:1: yaml-syntax invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence)\n"
        "broken.yaml: 1 problem (kind unknown)\n"
        "4 file(s) checked, 2 with problems\n"
    )


def test_all_valid_exits_0(run_cli: RunCli) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    result = run_cli("validate", *files)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == f"{len(files)} file(s) checked, 0 with problems"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("format: 1\n", "criteria"),
        ("schema_version: 1\n", "profile"),
        ("sections: []\nbands: []\n", "criteria"),  # no marker: the fields it uses decide
        ("municipality: {}\n", "profile"),
        ("whatever: 1\n", "profile"),
    ],
)
def test_kind_is_taken_from_the_file(text: str, kind: str, here: Path, run_cli: RunCli) -> None:
    (here / "f.yaml").write_text(text)
    result = run_cli("validate", "f.yaml")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-2].endswith(f"({kind})")


def test_kind_can_be_forced(here: Path, run_cli: RunCli) -> None:
    (here / "town.yaml").write_text(ISHINOMAKI, encoding="utf-8")
    result = run_cli("validate", "--kind", "criteria", "town.yaml")
    assert (result.exit_code, result.stdout) == (
        2,
        "town.yaml:5:1: wrong-kind expected a criteria file, but this is a profile (it has "
        "`schema_version`, not `format`)\n"
        "town.yaml: 1 problem (criteria)\n"
        "1 file(s) checked, 1 with problems\n",
    )


def _line_of(text: str, path: str) -> int:
    return Path(path).read_text("utf-8").splitlines().index(text) + 1


def test_assess_names_a_file_of_the_other_kind(run_cli: RunCli) -> None:
    tohoku = str(CRITERIA_DIR / "tohoku-2022.yaml")
    result = run_cli("assess", tohoku)
    assert (result.exit_code, result.stderr) == (
        2,
        f"{tohoku}:{_line_of('format: 1', tohoku)}:1: wrong-kind expected a profile, but this "
        "is a criteria file (it has `format`, not `schema_version`)\n",
    )


def test_json_format(here: Path, run_cli: RunCli) -> None:
    (here / "town.yaml").write_text(ISHINOMAKI, encoding="utf-8")
    (here / "bad.yaml").write_text(HEAD + "notes: yes\n")
    result = run_cli("validate", "--format", "json", "town.yaml", "bad.yaml", "gone.yaml")
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {
        "format": "readiness.validation",
        "version": 1,
        "ok": False,
        "files": [
            {"file": "town.yaml", "kind": "profile", "ok": True, "problems": []},
            {
                "file": "bad.yaml",
                "kind": "profile",
                "ok": False,
                "problems": [
                    {
                        "line": 7,
                        "column": 8,
                        "code": "bad-type",
                        "message": "notes: expected text, but YAML reads 'yes' as true "
                        "(yes/no/on/off/true/false are yes-or-no values): put the text in "
                        "quotes, 'yes'",
                    }
                ],
            },
            {
                "file": "gone.yaml",
                "kind": None,
                "ok": False,
                "problems": [
                    {"line": None, "column": None, "code": "file-not-found",
                     "message": "no such file"}
                ],
            },
        ],
    }  # fmt: skip


def test_github_format_escapes_properties_and_data(here: Path, run_cli: RunCli) -> None:
    name = "a,b:c%.yaml"
    (here / name).write_text(HEAD + 'notes: ["50%\\nof it"]\n')
    result = run_cli("validate", "--format", "github", name, "gone.yaml")
    assert result.exit_code == 2
    assert result.stdout == (
        "::error file=a%2Cb%3Ac%25.yaml,line=7,col=8,title=readiness bad-type::"
        "notes: expected text, got a list\n"
        "::error file=gone.yaml,title=readiness file-not-found::no such file\n"
    )


def test_github_format_has_no_output_for_valid_files(run_cli: RunCli) -> None:
    result = run_cli("validate", "-f", "github", str(EXAMPLES / "koshi.yaml"))
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize(
    ("data", "args", "first_line"),
    [
        (b"\xef\xbb\xbf" + ISHINOMAKI.encode(), [], "town.yaml: ok (profile)"),
        (ISHINOMAKI.encode("utf-16"), [], "town.yaml: ok (profile)"),
        (ISHINOMAKI.encode("cp932"), ["--encoding", "cp932"], "town.yaml: ok (profile)"),
        (ISHINOMAKI.encode("cp932"), ["--encoding", "shift_jis"], "town.yaml: ok (profile)"),
        (ISHINOMAKI.encode(), ["--encoding", "cp932"],
         "town.yaml: bad-encoding is already UTF-8, not cp932: leave out --encoding"),
        (ISHINOMAKI.encode(), ["--encoding", "klingon"],
         "town.yaml: bad-encoding unknown encoding 'klingon'; try utf-8 or cp932"),
        ("notes: 髙\n".encode("cp932"), ["--encoding", "shift_jis"],
         "town.yaml:1: bad-encoding is not valid shift_jis (byte 7)"),
    ],
)  # fmt: skip
def test_encodings(
    data: bytes, args: list[str], first_line: str, here: Path, run_cli: RunCli
) -> None:
    (here / "town.yaml").write_bytes(data)
    result = run_cli("validate", *args, "town.yaml")
    assert result.stdout.splitlines()[0] == first_line
    assert result.exit_code == (0 if first_line.endswith("ok (profile)") else 2)


def test_assess_reads_cp932_with_encoding(here: Path, run_cli: RunCli) -> None:
    (here / "town.yaml").write_bytes(ISHINOMAKI.encode("cp932"))
    refused = run_cli("assess", "town.yaml")
    assert refused.exit_code == 2
    assert "pass --encoding cp932" in refused.stderr
    result = run_cli("assess", "town.yaml", "--encoding", "cp932", "--lang", "ja")
    assert result.exit_code == 0
    assert "石巻市" in result.stdout


HOSTILE_PROFILE = HEAD.replace("name: 石巻市", r'name: "石巻市\e[2J\e]0;title\a\u202e"') + (
    'notes: "red\\e[31m \\x9b6n"\nfictional: "\\e[5m"\n'
)


@pytest.mark.parametrize("fmt", ["human", "json", "github"])
def test_validate_output_never_carries_control_characters(
    fmt: str, here: Path, run_cli: RunCli
) -> None:
    name = "evil\x1b[31m.yaml"
    (here / name).write_text(HOSTILE_PROFILE, encoding="utf-8")
    result = run_cli("validate", "--format", fmt, name)
    assert result.exit_code == 2
    assert not UNSAFE.search(result.stdout), result.stdout
    assert "\\x1b[31m" in result.stdout or "\\u001b[31m" in result.stdout


@pytest.mark.parametrize(("fmt", "escaped"), [("rich", "\\x1b[2J"), ("json", "\\u001b[2J")])
def test_assess_reports_never_carry_control_characters(
    fmt: str, escaped: str, here: Path, run_cli: RunCli
) -> None:
    profile = (EXAMPLES / "fictional-no-partners.yaml").read_text(encoding="utf-8")
    profile = profile.replace("name: みなと町", r'name: "みなと町\e[2J\u202e"')
    criteria = TOHOKU.replace(
        'en: "1. Will as an organisation, and a structure"',
        r'en: "Will \e]8;;http://x.example\e\\ [link=http://x.example]x"',
    )
    criteria = criteria.replace(
        "en: Decide which department leads the partnership.",
        r'en: "Decide \e[2J [red]who[/red] \x9b leads."',
    )  # fmt: skip
    (here / "town.yaml").write_text(profile, encoding="utf-8")
    (here / "set.yaml").write_text(criteria, encoding="utf-8")
    result = run_cli("assess", "town.yaml", "-c", "set.yaml", "-f", fmt, "--lang", "en")
    assert result.exit_code == 0
    assert not UNSAFE.search(result.stdout), result.stdout
    assert escaped in result.stdout
    if fmt == "rich":  # markup in criteria text is shown as written, never interpreted
        assert "[link=http://x.example]x" in result.stdout


def test_a_flood_of_problems_is_cut_at_a_thousand(here: Path, run_cli: RunCli) -> None:
    (here / "flood.yaml").write_text(HEAD + "notes: x\n" * 1502)
    result = run_cli("validate", "flood.yaml")
    lines = result.stdout.splitlines()
    assert result.exit_code == 2
    assert len(lines) == 1000 + 3
    assert lines[0] == (
        "flood.yaml:8:1: duplicate-key duplicate key 'notes' (first at line 7, again at line 8); "
        "remove one: YAML would silently keep only the last"
    )
    assert lines[999].startswith("flood.yaml:1007:1: duplicate-key ")
    assert lines[1000:] == [
        "flood.yaml: too-many-problems 501 more problems not shown; fix the ones above and check "
        "again",
        "flood.yaml: 1001 problems (profile)",
        "1 file(s) checked, 1 with problems",
    ]


def test_directories_are_walked_and_files_counted_once(run_cli: RunCli) -> None:
    koshi = str(EXAMPLES / "koshi.yaml")
    result = run_cli("validate", koshi, str(EXAMPLES))
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0] == f"{koshi}: ok (profile)"
    assert lines[-1] == f"{len(list(EXAMPLES.glob('*.yaml')))} file(s) checked, 0 with problems"
