"""Every refusal of issue 3, with its exact file, line, column and message.

Each case runs in-process (``validate`` and ``assess``) and as a subprocess (``validate``).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness.input.yamlload import MAX_FILE_BYTES
from tests.conftest import RunCli

HEAD = """\
schema_version: 1
as_of: 2024-04-01
municipality:
  name: 石巻市
  code: "042021"
  prefecture: 宮城県
"""

BILLION_LAUGHS = "".join(
    f"lol{i}: &{chr(97 + i)} [{', '.join([f'*{chr(96 + i)}'] * 9)}]\n" if i else
    'lol0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(10)
)  # fmt: skip

MERGE_BOMB = "a0: &a0 {k0: 1, k1: 2, k2: 3}\n" + "".join(
    f"a{i}: &a{i} {{<<: [{', '.join([f'*a{i - 1}'] * 8)}], x{i}: 1}}\n" for i in range(1, 9)
)

NESTED = "".join(f"{'  ' * i}k{i}:\n" for i in range(70)) + "  " * 70 + "x\n"

Setup = Callable[[Path], str]


def text(content: str, encoding: str = "utf-8") -> Setup:
    return raw(content.encode(encoding))


def raw(content: bytes) -> Setup:
    def setup(directory: Path) -> str:
        (directory / "case.yaml").write_bytes(content)
        return "case.yaml"

    return setup


def too_large(directory: Path) -> str:
    with open(directory / "case.yaml", "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    return "case.yaml"


def missing(directory: Path) -> str:
    return "case.yaml"


def a_directory(directory: Path) -> str:
    (directory / "case.yaml").mkdir()
    return "case.yaml"


def a_fifo(directory: Path) -> str:
    os.mkfifo(directory / "case.yaml")
    return "case.yaml"


def symlink_loop(directory: Path) -> str:
    (directory / "case.yaml").symlink_to("loop.yaml")
    (directory / "loop.yaml").symlink_to("case.yaml")
    return "case.yaml"


REFUSED = "(kind unknown)"
PROFILE = "(profile)"

# (id, setup, diagnostics as printed, what the file was taken for)
CASES: list[tuple[str, Setup, list[str], str]] = [
    ("duplicate key, nested and top level, both lines named", text(
        HEAD + "will:\n  lead_department: 産業部\n  lead_department: 企画課\nas_of: 2024-05-01\n"),
     ["case.yaml:9:3: duplicate-key duplicate key 'lead_department' (first at line 8, again at "
      "line 9); remove one: YAML would silently keep only the last",
      "case.yaml:10:1: duplicate-key duplicate key 'as_of' (first at line 2, again at line 10); "
      "remove one: YAML would silently keep only the last"], PROFILE),
    ("duplicate key reported with the model's errors", text(
        HEAD + "notes: a\nnotes: b\nparters: []\n"),
     ["case.yaml:8:1: duplicate-key duplicate key 'notes' (first at line 7, again at line 8); "
      "remove one: YAML would silently keep only the last",
      "case.yaml:9:1: unknown-field unknown field 'parters': did you mean 'partners'?"], PROFILE),
    ("python tag", text(HEAD + "notes: !!python/object/apply:os.system [echo hi]\n"),
     ["case.yaml:7:8: yaml-tag tag '!!python/object/apply:os.system' is not allowed; only plain "
      "YAML values (text, numbers, true/false, dates, lists, mappings) can be used"], REFUSED),
    ("custom tag", text(HEAD + "notes: !secret x\n"),
     ["case.yaml:7:8: yaml-tag tag '!secret' is not allowed; only plain YAML values (text, "
      "numbers, true/false, dates, lists, mappings) can be used"], REFUSED),
    ("set tag, whose order would change between runs", text(HEAD + "sources: !!set {a, b}\n"),
     ["case.yaml:7:10: yaml-tag tag '!!set' is not allowed; only plain YAML values (text, "
      "numbers, true/false, dates, lists, mappings) can be used"], REFUSED),
    ("billion laughs", text(BILLION_LAUGHS),
     ["case.yaml:7:7: alias-bomb aliases (*name) here expand to more than 1,000,000 values; "
      "write the values out, or use fewer aliases"], REFUSED),
    ("merge-key bomb", text(MERGE_BOMB),
     ["case.yaml:7:14: alias-bomb aliases (*name) here expand to more than 1,000,000 values; "
      "write the values out, or use fewer aliases"], REFUSED),
    ("file over the size limit", too_large,
     ["case.yaml: file-too-large is 1,048,577 bytes; the limit is 1,048,576 bytes (1 MiB), "
      "far more than any profile or criteria file needs"], REFUSED),
    ("block nesting past the limit", text(NESTED),
     ["case.yaml:64:127: too-deep nests deeper than 64 levels; profiles and criteria need far "
      "fewer"], REFUSED),
    ("100000 brackets", text("[" * 100_000),
     ["case.yaml:1:1001: too-deep nests deeper than 64 levels; profiles and criteria need far "
      "fewer"], REFUSED),
    ("two documents", text(HEAD + "---\nnotes: x\n"),
     ["case.yaml:7:1: multiple-documents holds more than one YAML document (a second `---`); "
      "keep one per file"], REFUSED),
    ("top level is a list", text("- schema_version: 1\n"),
     ["case.yaml:1:1: not-a-mapping the top level is a list; expected a mapping of fields "
      "(lines like `schema_version: 1`)"], REFUSED),
    ("top level is a scalar", text("just some text\n"),
     ["case.yaml:1:1: not-a-mapping the top level is a single value (str); expected a mapping "
      "of fields (lines like `schema_version: 1`)"], REFUSED),
    ("empty file", text(""), ["case.yaml: empty-file is empty: expected a YAML mapping"], REFUSED),
    ("only comments", text("# nothing yet\n\n"),
     ["case.yaml: empty-file is empty: expected a YAML mapping"], REFUSED),
    ("a document marker alone", text("---\n"),
     ["case.yaml:2:1: empty-file is empty: expected a YAML mapping"], REFUSED),
    ("YAML 1.1 surprises: no, dates, octal codes", text(
        "schema_version: 1\nas_of: 2024-04-01\nmunicipality:\n  name: 石巻市\n  code: 042021\n"
        "  prefecture: no\nnotes: 2024-04-01\n"),
     ["case.yaml:5:9: bad-type municipality.code: expected text, but YAML reads '042021' as the "
      "number 17425 (a leading 0 makes it octal): put it in quotes, '042021'",
      "case.yaml:6:15: bad-type municipality.prefecture: expected text, but YAML reads 'no' as "
      "false (yes/no/on/off/true/false are yes-or-no values): put the text in quotes, 'no'",
      "case.yaml:7:8: bad-type notes: expected text, but YAML reads '2024-04-01' as a date: put "
      "the text in quotes, '2024-04-01'"], PROFILE),
    ("impossible date", text(HEAD.replace("2024-04-01", "2024-13-01")),
     ["case.yaml:2:8: bad-date as_of: '2024-13-01' is not a real date (2024-13-01 does not "
      "exist)."],
     PROFILE),
    ("Shift_JIS file", text(HEAD, "cp932"),
     ["case.yaml:4: bad-encoding is not UTF-8: it looks like Shift_JIS (CP932), as Excel and "
      "Notepad on Japanese Windows save by default; save it as UTF-8, or pass --encoding cp932"],
     REFUSED),
    ("bytes in no known encoding", raw(b"notes: \xff\xfe\xfa\n"),
     ["case.yaml:1: bad-encoding is not UTF-8: save it as UTF-8 (in Excel: CSV UTF-8; in an "
      "editor: Save As, encoding UTF-8)"], REFUSED),
    ("tab indentation", text(HEAD + "will:\n\tlead_department: 産業部\n"),
     ["case.yaml:8:1: yaml-syntax invalid YAML: a tab here: YAML indents with spaces only; "
      "replace the tab with spaces"], REFUSED),
    ("a raw escape character", text(HEAD + "notes: red\x1b[31m\n"),
     ["case.yaml:7:11: bad-character character U+001B is not allowed in YAML; delete it, or "
      'write it as \\x1b inside double quotes ("...")'], REFUSED),
    ("a list as a key", text(HEAD + "[a, b]: 1\n"),
     ["case.yaml:7:1: bad-key a key must be plain text, not a list or a mapping"], REFUSED),
    ("keys YAML reads as other types, at any depth", text(
        HEAD + "yes: 1\n1: 2\nwill: {null: 3, 2024-04-01: 4, !x k: 5}\n"),
     ["case.yaml:7:1: bad-key key 'yes' is read as true or false, not as text: put it in "
      "quotes, 'yes'",
      "case.yaml:8:1: bad-key key '1' is read as a number, not as text: put it in quotes, '1'",
      "case.yaml:9:8: bad-key key 'null' is read as nothing (null), not as text: put it in "
      "quotes, 'null'",
      "case.yaml:9:17: bad-key key '2024-04-01' is read as a date, not as text: put it in "
      "quotes, '2024-04-01'",
      "case.yaml:9:32: bad-key key 'k' is tagged !x; keys are text"], REFUSED),
    ("missing file", missing, ["case.yaml: file-not-found no such file"], REFUSED),
    ("directory", a_directory,
     ["case.yaml: not-a-file is a directory, not a YAML file"], REFUSED),
    ("FIFO", a_fifo,
     ["case.yaml: not-a-file is not a regular file (FIFO or device?)"], REFUSED),
    ("symlink loop", symlink_loop,
     ["case.yaml: file-unreadable too many levels of symbolic links"], REFUSED),
]  # fmt: skip

IDS = [c[0] for c in CASES]
# validate walks directories, so an empty one says so instead of "not a YAML file".
VALIDATE_SAYS = {
    "directory": ["case.yaml: no-yaml-files is a directory with no .yaml or .yml files in it"]
}


def validate_output(name: str, diagnostics: list[str], kind: str) -> str:
    count = len(diagnostics)
    summary = f"{name}: {count} problem{'s' if count != 1 else ''} {kind}"
    return "\n".join([*diagnostics, summary, "1 file(s) checked, 1 with problems"]) + "\n"


VALIDATE_CASES = [(c[1], VALIDATE_SAYS.get(c[0], c[2]), c[3]) for c in CASES]


@pytest.mark.parametrize(("setup", "expected", "kind"), VALIDATE_CASES, ids=IDS)
def test_validate_in_process(
    setup: Setup,
    expected: list[str],
    kind: str,
    *,
    tmp_path: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    name = setup(tmp_path)
    result = run_cli("validate", name)
    assert (result.exit_code, result.stdout) == (2, validate_output(name, expected, kind))


@pytest.mark.parametrize(("setup", "expected"), [c[1:3] for c in CASES], ids=IDS)
def test_assess_in_process(
    setup: Setup,
    expected: list[str],
    tmp_path: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    name = setup(tmp_path)
    result = run_cli("assess", name)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", "\n".join(expected) + "\n")


@pytest.mark.parametrize(("setup", "expected", "kind"), VALIDATE_CASES, ids=IDS)
def test_validate_subprocess(setup: Setup, expected: list[str], kind: str, tmp_path: Path) -> None:
    name = setup(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "validate", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        validate_output(name, expected, kind),
        "",
    )


def test_unreadable_file(tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "case.yaml").write_text(HEAD)
    (tmp_path / "case.yaml").chmod(0)
    if os.geteuid() == 0:  # root reads any file (as in CI): refuse the read as the OS would
        from readiness.input import yamlload

        def refuse(file: object, *args: object, **kwargs: object) -> object:
            if str(file).endswith("case.yaml"):
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(yamlload, "open", refuse, raising=False)
    result = run_cli("validate", "case.yaml")
    assert result.exit_code == 2
    assert result.stdout.startswith("case.yaml: file-unreadable permission denied\n")


PURE_PYTHON = """
import sys, yaml
del yaml.CSafeLoader  # as on a machine where PyYAML was built without libyaml
from readiness.cli.app import main
sys.argv = ["readiness", "validate", *sys.argv[1:]]
main()
"""


def test_pure_python_loader_refuses_alike(tmp_path: Path) -> None:
    """Without libyaml, every case is refused the same way (only libyaml's own nesting limit
    stops the 100000 brackets at a different column)."""
    names = []
    for number, (_, setup, _expected, _kind) in enumerate(CASES):
        directory = tmp_path / f"c{number:02d}"
        directory.mkdir()
        names.append(f"c{number:02d}/{setup(directory)}")
    outputs = [
        subprocess.run(
            [sys.executable, *args, *names],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        for args in (["-m", "readiness", "validate"], ["-c", PURE_PYTHON])
    ]
    with_libyaml, pure = (o.stdout.splitlines() for o in outputs)
    assert [o.returncode for o in outputs] == [2, 2]
    assert len(with_libyaml) == len(pure)
    differ = [(a, b) for a, b in zip(with_libyaml, pure, strict=True) if a != b]
    deep = f"c{IDS.index('100000 brackets'):02d}/case.yaml"
    message = "too-deep nests deeper than 64 levels; profiles and criteria need far fewer"
    assert differ == [(f"{deep}:1:1001: {message}", f"{deep}:1:65: {message}")]
