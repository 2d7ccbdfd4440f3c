from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from readiness.cli.app import app

PROPERTY = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
"""Properties that issue 11 promises: 500 examples each, in CI as locally."""

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data"
"""Schemas and lists from other projects, vendored with their licences (tests/data/README.md)."""


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


RunCli = Callable[..., CliResult]


_CLICK_COMMANDS: dict[int, tuple[typer.Typer, Any]] = {}


def click_command(app: typer.Typer) -> Any:
    """typer's click command for ``app``, made once per app for the whole run.

    typer's ``CliRunner.invoke`` makes it again on every call: reading the signature of every
    command (``typing.get_type_hints`` on each function) takes about 30 ms, most of an
    in-process run.  A click command is made to be run many times (as ``main()`` runs it once
    per process); what it keeps between runs (typer's coercion adapters, built on first use)
    is what a long-lived process keeps.
    """
    made = _CLICK_COMMANDS.get(id(app))
    if made is None or made[0] is not app:
        made = _CLICK_COMMANDS[id(app)] = (app, typer.main.get_command(app))
    return made[1]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run the CLI in-process; output is plain (not a terminal) and 80 columns wide."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    # typer.testing's own name for typer.main.get_command (typer 0.17 to 0.29): the runner
    # below then reuses one click command; were the name gone, this fails rather than slows.
    monkeypatch.setattr(typer.testing, "_get_command", click_command)

    def run(
        *args: str, env: dict[str, str] | None = None, input: str | bytes | None = None
    ) -> CliResult:
        result = CliRunner().invoke(app, list(args), env=env, input=input, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


def data_path(*parts: str) -> Path:
    """A vendored file under tests/data; it is part of the repository, so it always exists."""
    return DATA.joinpath(*parts)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session (a start costs about 0.6 s).

    Without Debian's chromium and chromium-driver the browser tests skip on a laptop but fail
    in CI (``CI`` set), where .ci/install-browser.sh installs them: they must run there.
    """
    from tests import browser as chromium

    if not chromium.browser_available():
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(
                f"{chromium.CHROMIUM} or {chromium.CHROMEDRIVER} is missing: "
                "run .ci/install-browser.sh (as root)"
            )
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    # Proof that Selenium Manager never runs (it would try the network): were it run, this
    # "manager" would fail the start.
    os.environ["SE_MANAGER_PATH"] = "/bin/false"
    with chromium.chromium() as driver:
        yield driver


@pytest.fixture(autouse=True, scope="session")
def _criteria_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The criteria cache of the whole run in a temporary folder, never the user's own
    (subprocesses inherit it)."""
    old = os.environ.get("READINESS_CACHE_DIR")
    os.environ["READINESS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["READINESS_CACHE_DIR"]
    else:
        os.environ["READINESS_CACHE_DIR"] = old
