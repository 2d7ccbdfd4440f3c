"""Make untrusted text (anything from a profile or criteria file) safe to show on a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters (escape sequences start with ESC or CSI), DEL, and the bidi
# overrides that can make text read differently from what it is; tab and newline are kept.
# Also what no output may hold: lone surrogates (a file name that is not UTF-8 reaches us as
# ``\udcff``; UTF-8 cannot encode it) and U+FFFE, U+FFFF, which XML 1.0 forbids.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), never sent raw."""
    return _UNSAFE.sub(_escape, text)


def safe_line(text: str) -> str:
    """As :func:`safe`, and newlines and tabs escaped too, for one-line output."""
    return safe(text).replace("\n", "\\n").replace("\t", "\\t")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with every unsafe character
    written as a ``\\uXXXX`` escape: the same JSON value, but nothing raw for a terminal."""
    return _UNSAFE.sub(_json_escape, text)


def github_data(text: str) -> str:
    """The message of a GitHub workflow command (``::error ...::message``), made safe."""
    return safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a GitHub workflow command (``file=...``), made safe."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
