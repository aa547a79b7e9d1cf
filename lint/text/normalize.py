"""Text normalisation for comparing paragraphs and headlines."""

from __future__ import annotations

import unicodedata

from lint.text.tokens import FOLDED_WORD

#: The one quote-folding table: curly and angled quotation marks to straight ones.
QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    if not folded.isascii():  # (every quotation mark the table folds is outside ASCII)
        folded = folded.translate(QUOTE_FOLD)
    return folded


def words(text: str) -> list[str]:
    """Case-folded words; quote styles and punctuation folded, numbers kept ("1,400")."""
    return FOLDED_WORD.findall(_plain(text).casefold())


def written(text: str) -> list[str]:
    """The words :func:`words` gives, in their case as written (to show them to a reader)."""
    return FOLDED_WORD.findall(_plain(text))


def normalise(text: str) -> str:
    """One comparable string: words joined by single spaces."""
    return " ".join(words(text))
