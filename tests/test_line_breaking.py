"""Every human report fits the width, in both languages, and keeps Japanese line-breaking rules.

At 60, 80 and 120 columns: no line is wider than the terminal, none ends with a space, and no
line (nor a table cell) begins with a character kinsoku forbids there (。、）」 small kana ...).
Reports are driven through ``COLUMNS`` (assess, diff), through a terminal ``Console(width=...)``
(explain, criteria show, validate: they wrap only on a terminal), through a tty stream (the
batch table) and through a real pty (tests/test_pty.py).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from readiness.reporters import console as console_module
from readiness.reporters.kinsoku import NO_START
from tests.conftest import EXAMPLES, RunCli

WIDTHS = (60, 80, 120)
LANGS = ("ja", "en")
PROFILES = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
_CELL_START = re.compile(r"(?:^|\s{2,}|│)\s*(\S)")


def assert_fits(out: str, width: int) -> None:
    assert out.strip(), "no output"
    for line in out.splitlines():
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"
        assert not line.endswith(" "), f"trailing space: {line!r}"
        for first in _CELL_START.findall(line):
            assert first not in NO_START, f"a line or cell starts with {first!r}: {line!r}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: Path(p).stem)
def test_assess(run_cli: RunCli, profile: str, lang: str, width: int) -> None:
    result = run_cli("assess", profile, "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    assert_fits(result.stdout, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_diff(run_cli: RunCli, lang: str, width: int) -> None:
    result = run_cli(
        "diff", "tohoku-2019", "tohoku-2022", "--profiles", str(EXAMPLES), "--lang", lang,
        env={"COLUMNS": str(width)},
    )  # fmt: skip
    assert result.exit_code == 0
    assert_fits(result.stdout, width)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Commands print to a colourless terminal console of the width put in the list."""
    width = [80]

    def make_console() -> Console:
        return Console(
            force_terminal=True, width=width[0], color_system=None, highlight=False, emoji=False
        )

    monkeypatch.setattr(console_module, "make_console", make_console)
    return width


_MISSPELT = (
    (EXAMPLES / "koshi.yaml")
    .read_text(encoding="utf-8")
    .replace("  top_commitment:", "  top_comitment:")
)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "args",
    [
        ["explain", "will.lead", "--lang", "ja"],
        ["explain", "will.lead", "--lang", "en"],
        ["explain", "count"],
        ["criteria", "show", "tohoku-2022", "--lang", "ja"],
        ["criteria", "show", "kyushu-2019", "--lang", "en"],
        ["criteria", "list"],
        ["validate", "MISSPELT"],
    ],
    ids=" ".join,
)
def test_terminal_commands(
    run_cli: RunCli, terminal: list[int], tmp_path: Path, args: list[str], width: int
) -> None:
    terminal[0] = width
    bad = tmp_path / "misspelt-profile-with-a-rather-long-name.yaml"
    bad.write_text(_MISSPELT, encoding="utf-8")
    result = run_cli(*(str(bad) if a == "MISSPELT" else a for a in args))
    assert_fits(result.stdout, width)


def test_piped_explain_keeps_lines_whole(run_cli: RunCli) -> None:
    """Not a terminal: YAML examples stay copyable, so lines are not wrapped."""
    result = run_cli("explain", "will.lead", "--lang", "ja", env={"COLUMNS": "40"})
    assert any(cell_len(line) > 40 for line in result.stdout.splitlines())


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_batch_table_on_a_terminal(monkeypatch: pytest.MonkeyPatch, lang: str, width: int) -> None:
    from readiness.batch.run import CriteriaChooser, Gate, collect, expand_paths, score_files
    from readiness.reporters.batch.table import write_table

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    files, missing = expand_paths([str(EXAMPLES)])
    gate = Gate(None, None)
    result = collect([*missing, *score_files(files, CriteriaChooser(None), gate)], gate)
    out = _Tty()
    write_table(out, result, lang)  # type: ignore[arg-type]
    text = out.getvalue()
    assert_fits(text, width)
    header = text.splitlines()[0]
    assert ("経済産業局" in header or "Bureau" in header) is (width >= 120)


@pytest.mark.parametrize("lang", LANGS)
def test_batch_table_header_fits_80_when_piped(run_cli: RunCli, lang: str) -> None:
    """Piped, only the last column (the first gap) may run past the width, kept whole."""
    out = run_cli("batch", str(EXAMPLES), "--lang", lang).stdout
    header, rule = out.splitlines()[:2]
    assert cell_len(header) <= 80
    assert rule == "-" * 80


def _segments_bold_and_dim(renderable: object) -> list[str]:
    console = Console(file=io.StringIO(), width=80, color_system="truecolor", force_terminal=True)
    return [
        s.text
        for s in console.render(renderable)  # type: ignore[arg-type]
        if s.style is not None and s.style.bold and s.style.dim and s.text.strip()
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: Path(p).stem)
def test_report_never_combines_bold_and_dim(profile: str, lang: str) -> None:
    from readiness.criteria.source import read_criteria
    from readiness.profile.loading import load_profile
    from readiness.reporters import diff_rich, rich_report
    from readiness.scoring.scorer import assess

    p = load_profile(profile)
    a = assess(read_criteria("tohoku-2022"), p)
    assert _segments_bold_and_dim(rich_report.render(a, lang)) == []  # type: ignore[arg-type]
    from readiness.criteria.diff import diff_criteria

    changes = diff_criteria(read_criteria("tohoku-2019"), read_criteria("tohoku-2022"))
    assert _segments_bold_and_dim(diff_rich.render(changes, None, lang)) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_progress(run_cli: RunCli, tmp_path: Path, lang: str, width: int) -> None:
    newer = tmp_path / "newer.yaml"
    text = (EXAMPLES / "koshi.yaml").read_text(encoding="utf-8")
    lead = "産業振興部商工観光課（企業誘致・創業支援・中心市街地活性化担当）"
    newer.write_text(
        text.replace("top_commitment: unknown", "top_commitment: mayor")
        .replace("  lead_department: unknown", f"  lead_department: {lead}"),
        encoding="utf-8",
    )  # fmt: skip
    result = run_cli(
        "progress", str(EXAMPLES / "koshi.yaml"), str(newer), "--lang", lang,
        env={"COLUMNS": str(width)},
    )  # fmt: skip
    assert result.exit_code == 0
    assert_fits(result.stdout, width)
