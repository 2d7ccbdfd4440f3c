"""A real terminal: the width comes from a pty (TIOCSWINSZ), as a user's terminal gives it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.test_line_breaking import assert_fits

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def run_in_pty(args: list[str], columns: int) -> str:
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"  # rich assumes 80 columns for TERM=dumb
    proc = subprocess.Popen(
        [sys.executable, "-m", "readiness", *args],
        stdout=follower, stderr=follower, env=env, cwd=ROOT,
    )  # fmt: skip
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the pty
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=60) == 0
    os.close(leader)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return _ESCAPES.sub("", text)


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize(
    "args",
    [
        ["assess", str(EXAMPLES / "koshi.yaml"), "--lang", "ja"],
        ["assess", str(EXAMPLES / "fictional-no-partners.yaml"), "--lang", "en"],
        ["diff", "tohoku-2019", "tohoku-2022", "-p", str(EXAMPLES), "--lang", "ja"],
        ["batch", str(EXAMPLES), "--lang", "ja"],
        ["explain", "will.lead", "--lang", "ja"],
    ],
    ids=lambda a: " ".join(x for x in a if "/" not in x),
)
def test_real_terminal_width(args: list[str], columns: int) -> None:
    out = run_in_pty(args, columns)
    assert max(len(line) for line in out.splitlines()) > 40  # the pty width was used
    assert_fits(out, columns)
