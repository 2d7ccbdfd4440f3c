"""Problems found in input files, as values: the core raises them, the CLI prints them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file. ``line`` and ``column`` are 1-based, or None when unknown."""

    file: str
    line: int | None
    column: int | None
    code: str
    message: str

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 0, self.column or 0, self.code, self.message)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.code} {self.message}"


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
    ) -> ReadinessError:
        return cls([Diagnostic(file, line, column, code, message)])
