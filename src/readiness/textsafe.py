"""Make untrusted text (anything from a profile or criteria file) safe to show on a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters (escape sequences start with ESC or CSI), DEL, and the bidi
# overrides that can make text read differently from what it is; tab and newline are kept.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), never sent raw."""
    return _UNSAFE.sub(_escape, text)


def safe_line(text: str) -> str:
    """As :func:`safe`, and newlines and tabs escaped too, for one-line output."""
    return safe(text).replace("\n", "\\n").replace("\t", "\\t")
