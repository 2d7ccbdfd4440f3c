"""The one place where errors become messages and exit codes (see README, "Exit codes")."""

from __future__ import annotations

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


def guarded(run: Callable[[], int]) -> int:
    """Run a command body: bad input exits 2 with its diagnostics, never with a traceback."""
    from readiness.cli.options import forget_lang

    forget_lang()  # a command run before this one (in tests, in-process) chose its own
    try:
        return run()
    except ReadinessError as e:
        print_error(e)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("readiness: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``readiness ... | head``): not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except Exception as e:
        if os.environ.get("READINESS_DEBUG"):
            raise
        print(
            f"readiness: internal error: {type(e).__name__}: {safe_line(str(e))}\n"
            "This is a bug; set READINESS_DEBUG=1 to see the traceback and please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
