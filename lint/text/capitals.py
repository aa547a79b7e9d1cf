"""Capital letters in news text: a sentence's start, a line's long words, a name mid-sentence.

Light on purpose (no figure recogniser): :mod:`lint.text.mentions` reads names with these, and
the ``phrases`` kind asks :func:`in_name` of a lexicon match on every run.
"""

from __future__ import annotations

from lint.core.document import Span
from lint.text.lazy_re import lazy_re


def sentence_initial(text: str, start: int) -> bool:
    """At the start of a sentence, or of a quotation ("stated, "Preliminary indications ...")."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“”‘’'()*":  # marks and brackets around a sentence end
        if text[i] in '“"' and text[i + 1] not in " \t":
            return True  # an opening quote mark
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r…"


#: A word of a match: what ``in_name`` reads as capitalised or not
_MATCH_WORD = lazy_re(r"[^\W\d_][\w’'-]*")


def in_name(text: str, span: Span) -> bool:
    """Whether ``span`` (a phrase of two or more words) is part of a name: every word of it
    capitalised mid-sentence, in a line not in title case ("a loan guaranteed by High Voltage",
    "In addition, High Voltage contributed"). At a sentence start or in a headline capitals say
    nothing ("Rich History Of The Town"), and a single word is left to the callers."""
    words = _MATCH_WORD().findall(text, span.start, span.end)
    if len(words) < 2 or not all(word[0].isupper() for word in words):
        return False
    if all(word.isupper() for word in words) or sentence_initial(text, span.start):
        return False  # an all-capitals line, or the sentence's first words
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start)
    line_end = len(text) if line_end < 0 else line_end
    long = long_initials(text, line_start, line_end)  # as mentions reads a title line
    return len(long) >= 3 and sum(map(str.isupper, long)) < 0.75 * len(long)


_LONG_INITIAL = lazy_re(r"\b([^\W\d_])[\w’'-]{3,}")  # a word of four characters or more
# The same after the character before it: a character class first lets re skip in C to a
# non-word character, not try every position for "\b".
_LONG_AFTER = lazy_re(r"\W([^\W\d_])[\w’'-]{3,}")


def long_initials(text: str, start: int, end: int) -> list[str]:
    """``_LONG_INITIAL().findall(text, start, end)`` where ``start`` is a line start: the first
    word, then each word after a non-word character. A word ends where a character can no
    longer be part of it, so the character after it is free to lead the next match (or a word
    shorter than four characters, which holds no word start that could be long)."""
    first = _LONG_INITIAL().match(text, start, end)
    if first is None:
        return _LONG_AFTER().findall(text, start, end)
    return [first.group(1), *_LONG_AFTER().findall(text, first.end(), end)]
