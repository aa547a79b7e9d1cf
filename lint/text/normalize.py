"""Text normalisation for comparing paragraphs and headlines."""

from __future__ import annotations

import unicodedata

from lint.text.tokens import FOLDED_WORD

#: The one quote-folding table: curly and angled quotation marks to straight ones.
QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def words(text: str) -> list[str]:
    """Case-folded words; quote styles and punctuation folded, numbers kept ("1,400")."""
    folded = unicodedata.normalize("NFKC", text)
    if not folded.isascii():  # (every quotation mark the table folds is outside ASCII)
        folded = folded.translate(QUOTE_FOLD)
    return FOLDED_WORD.findall(folded.casefold())


def normalise(text: str) -> str:
    """One comparable string: words joined by single spaces."""
    return " ".join(words(text))
