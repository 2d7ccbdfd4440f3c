"""Text in both Japanese and English, as criteria files and the programme catalogue hold it."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Text(BaseModel):
    """The same text in Japanese and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ja: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en
