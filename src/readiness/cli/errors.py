"""The one place where errors become messages and exit codes (see README, "Exit codes")."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable

from readiness.diagnostics import ReadinessError
from readiness.textsafe import safe_line

EXIT_OK = 0
EXIT_BELOW_THRESHOLD = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


def print_error(error: ReadinessError) -> None:
    from readiness.cli.options import message_lang

    lang = message_lang()
    for diagnostic in error.diagnostics:
        print(safe_line(diagnostic.text(lang)), file=sys.stderr)


STDOUT_NAME = "<stdout>"
WRITE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EBADF}
)
"""Why writing standard output can fail (``> /dev/full``, a full disk, a closed descriptor)."""


def stdout_failed(e: OSError, lang: str) -> str:
    """The line for a standard output that cannot be written (``> /dev/full``)."""
    reason = e.strerror or str(e)
    if lang == "ja":
        return f"readiness: {STDOUT_NAME}: write-failed 書き込めませんでした（{reason}）"
    return f"readiness: {STDOUT_NAME}: write-failed {reason}"


def silence_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush at exit finds nothing to
    write to a pipe that is gone or a disk that is full."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def guarded(run: Callable[[], int]) -> int:
    """Run a command body: bad input exits 2 with its diagnostics, never with a traceback.

    Standard output is flushed here, so that a write that fails (``> /dev/full``) is an error
    with exit 2 (``write-failed``), not a traceback when Python exits.
    """
    from readiness.cli.options import forget_lang, message_lang

    forget_lang()  # a command run before this one (in tests, in-process) chose its own
    try:
        code = run()
        sys.stdout.flush()
        return code
    except ReadinessError as e:
        print_error(e)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("readiness: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``readiness ... | head``): not an error worth a message.
        silence_stdout()
        sys.stderr.close()
        return EXIT_OK
    except OSError as e:
        if e.errno not in WRITE_ERRNOS:
            return _internal(e)
        print(safe_line(stdout_failed(e, message_lang())), file=sys.stderr)
        silence_stdout()
        return EXIT_BAD_INPUT
    except Exception as e:
        return _internal(e)


def _internal(e: Exception) -> int:
    if os.environ.get("READINESS_DEBUG"):
        raise e
    print(
        f"readiness: internal error: {type(e).__name__}: {safe_line(str(e))}\n"
        "This is a bug; set READINESS_DEBUG=1 to see the traceback and please report it.",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
