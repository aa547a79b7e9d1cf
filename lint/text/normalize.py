"""Text normalisation for comparing paragraphs and headlines."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_WORDS = re.compile(r"\w+(?:['.,]\w+)*")


def words(text: str) -> list[str]:
    """Case-folded words; quote styles and punctuation folded, numbers kept ("1,400")."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _WORDS.findall(folded)


def normalise(text: str) -> str:
    """One comparable string: words joined by single spaces."""
    return " ".join(words(text))
