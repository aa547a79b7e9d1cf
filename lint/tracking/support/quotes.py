"""Quotations in a rewrite that its original does not contain, near-verbatim.

Words compare as :func:`lint.text.normalize.words` gives them: case, quote styles and punctuation
folded, and apostrophes inside a word dropped, so a rewrite that mends the original's typo
("it's staff" to "its staff") has not altered the quote; the price, a "were" for "we're" goes
unseen, is small. A quote of up to :data:`SHORT` words (a scare-quoted term, "summary
executions") must occur in the original as a contiguous phrase. A longer one must match, in
order, inside a window of the original three times as long as the quote, with at most one word in
:data:`TOLERANCE` changed: words the original has between the quoted ones are allowed (an excerpt
that leaves out part of a sentence, two sentences of one speaker joined), words the original
lacks are not.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lint.core.document import Span
from lint.text.mentions import Quote, quotes
from lint.text.normalize import words

SHORT = 3
TOLERANCE = 10  # one changed word allowed per this many quoted words (none under 10)
RESEMBLES = 0.5  # below this share of matched words there is no closest passage to show
#: nor below this many: two words ("I was") of a four-word quote are chance, and the message
#: would say the speaker's words were "I was" when the original has nothing like the quote
RESEMBLES_WORDS = 3
_WORD = re.compile(r"\w+(?:['.,]\w+)*")
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def _bare(word: str) -> str:
    """A folded word without its apostrophes: "it's" and "its" compare equal."""
    return word.replace("'", "") if "'" in word else word


@dataclass(frozen=True)
class Tokens:
    """An original's words with their spans in its text."""

    text: str
    words: tuple[str, ...]
    spans: tuple[Span, ...]
    bigrams: dict[tuple[str, str], tuple[int, ...]]

    @classmethod
    def of(cls, text: str) -> Tokens:
        found = [
            (_bare(unicodedata.normalize("NFKC", m.group()).casefold()), Span(m.start(), m.end()))
            for m in _WORD.finditer(text.translate(_MARKS))
        ]
        toks = tuple(w for w, _ in found)
        bigrams: dict[tuple[str, str], list[int]] = {}
        for i in range(len(toks) - 1):
            bigrams.setdefault((toks[i], toks[i + 1]), []).append(i)
        return cls(
            text, toks, tuple(s for _, s in found), {k: tuple(v) for k, v in bigrams.items()}
        )


@dataclass(frozen=True)
class Altered:
    """A quote not found in the original, and the closest passage there (if any)."""

    quote: Quote
    closest: str | None


def _contains(haystack: tuple[str, ...], needle: list[str]) -> bool:
    n = len(needle)
    return any(list(haystack[i : i + n]) == needle for i in range(len(haystack) - n + 1))


def _best_window(quoted: list[str], original: Tokens) -> tuple[int, Span | None]:
    """(matched words, span of the original from the first to the last matched word)."""
    n = len(quoted)
    starts = sorted(
        {
            max(0, i - j - n)
            for j in range(n - 1)
            for i in original.bigrams.get((quoted[j], quoted[j + 1]), ())
        }
    )
    best, where = 0, None
    for start in starts:
        window = original.words[start : start + 3 * n]
        blocks = difflib.SequenceMatcher(None, quoted, window, autojunk=False)
        # single words matched on their own (an "and" further on) are chance, not quotation
        matched = [b for b in blocks.get_matching_blocks() if b.size >= 2]
        if not matched:
            continue
        count = sum(b.size for b in matched)
        if count > best:
            first, last = matched[0].b + start, matched[-1].b + matched[-1].size - 1 + start
            best, where = count, Span(original.spans[first].start, original.spans[last].end)
    return best, where


def altered_quotes(text: str, original: str | Tokens) -> Iterator[Altered]:
    """Quotes in ``text`` (spans relative to it) that ``original`` lacks, near-verbatim."""
    tokens = original if isinstance(original, Tokens) else Tokens.of(original)
    for quote in quotes(text):
        quoted = [_bare(w) for w in words(quote.text)]
        if not quoted:
            continue
        if len(quoted) <= SHORT:
            if not _contains(tokens.words, quoted):
                yield Altered(quote, None)
            continue
        matched, where = _best_window(quoted, tokens)
        if len(quoted) - matched <= len(quoted) // TOLERANCE:
            continue
        closest = None
        if where is not None and matched >= max(RESEMBLES * len(quoted), RESEMBLES_WORDS):
            closest = tokens.text[where.start : where.end]
        yield Altered(quote, closest)
