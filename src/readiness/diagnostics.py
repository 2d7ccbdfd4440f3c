"""Problems found in input files, as values: the core raises them, the CLI prints them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file. ``line`` and ``column`` are 1-based, or None when unknown.

    ``message`` is English; ``message_ja``, when the problem has been put into Japanese, is
    what ``text("ja")`` shows (machine formats keep the English message).
    """

    file: str
    line: int | None
    column: int | None
    code: str
    message: str
    message_ja: str | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 0, self.column or 0, self.code, self.message)

    def text(self, lang: str = "en") -> str:
        """``file:line:col: code message``, the message in ``lang`` when there is one."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = self.message_ja if lang == "ja" and self.message_ja else self.message
        return f"{where}: {self.code} {message}"

    def __str__(self) -> str:
        return self.text("en")


MAX_DIAGNOSTICS = 1000
"""At most this many problems are kept per error; a last one says how many more there were."""


class ReadinessError(Exception):
    """Raised by the core for bad input; carries every problem found, sorted by position.

    A broken file can hold hundreds of thousands of problems (a pasted column of duplicate
    keys): the first MAX_DIAGNOSTICS are kept, so that reporting them stays quick.
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        found = sorted(diagnostics, key=Diagnostic.sort_key)
        if len(found) > MAX_DIAGNOSTICS:
            more = len(found) - MAX_DIAGNOSTICS
            found = found[:MAX_DIAGNOSTICS]
            found.append(
                Diagnostic(
                    found[-1].file, None, None, "too-many-problems",
                    f"{more:,} more problems not shown; fix the ones above and check again",
                    f"ほかに{more:,}件の問題があります（表示していません）。"
                    "上の問題を直してから、もう一度確かめてください。",
                )
            )  # fmt: skip
        self.diagnostics = found
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @classmethod
    def single(
        cls,
        file: str,
        code: str,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        ja: str,
    ) -> ReadinessError:
        """One problem; ``ja`` (required) is its message in Japanese."""
        return cls([Diagnostic(file, line, column, code, message, ja)])
