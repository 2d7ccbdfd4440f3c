"""Is a quotation verbatim in its source?  The normaliser the quotation tests use.

The seeds (``tests/data/seeds/``) were converted from slides: line breaks and spaces fall
mid-phrase, full-width and half-width forms are mixed, and some Markdown survives from the
conversion (``**bold**`` and ``\\*``).  A quotation is *verbatim* when, after the same
normalisation of both texts, it is a substring of the seed:

1. Unicode NFKC (full-width parentheses and digits become ASCII; ``、`` and ``・`` are kept);
2. the conversion's Markdown is dropped: a backslash escaping ASCII punctuation (``\\*`` reads
   ``*``) and the ``**`` emphasis markers.  They are artefacts of converting the slides, not
   the bureau's words, and a quotation should not have to reproduce them;
3. every whitespace character is removed.

Nothing else is forgiven: ``悩みは課題`` is not ``悩み・課題``, and ``工`` (kanji) is not ``エ``.
"""

from __future__ import annotations

import unicodedata

_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _drop_markup(text: str) -> str:
    out: list[str] = []
    escaped: list[bool] = []  # True where the character was escaped (never markup)
    k = 0
    while k < len(text):
        if text[k] == "\\" and k + 1 < len(text) and text[k + 1] in _ESCAPABLE:
            out.append(text[k + 1])
            escaped.append(True)
            k += 2
        else:
            out.append(text[k])
            escaped.append(False)
            k += 1
    kept: list[str] = []
    k = 0
    while k < len(out):
        pair = k + 1 < len(out) and out[k] == out[k + 1] == "*"
        if pair and not escaped[k] and not escaped[k + 1]:
            k += 2
            continue
        kept.append(out[k])
        k += 1
    return "".join(kept)


def normalise(text: str) -> str:
    """NFKC, the conversion's Markdown dropped, all whitespace removed."""
    return "".join(c for c in _drop_markup(unicodedata.normalize("NFKC", text)) if not c.isspace())


def is_verbatim(quote: str, source: str) -> bool:
    """Whether ``quote`` occurs in ``source`` once both are normalised.

    An empty quotation (after normalisation) is never verbatim: it would match anything.
    """
    q = normalise(quote)
    return bool(q) and q in normalise(source)
