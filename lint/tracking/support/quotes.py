"""Quotations in a rewrite that its original does not contain, near-verbatim.

Words compare as :func:`lint.text.normalize.words` gives them: case, quote styles and punctuation
folded, and apostrophes inside a word dropped, so a rewrite that mends the original's typo
("it's staff" to "its staff") has not altered the quote; the price, a "were" for "we're" goes
unseen, is small. A quote of up to :data:`SHORT` words (a scare-quoted term, "summary
executions") must occur in the original as a contiguous phrase. A longer one must match, in
order, inside a window of the original three times as long as the quote, with at most one word in
:data:`TOLERANCE` changed: words the original has between the quoted ones are allowed (an excerpt
that leaves out part of a sentence, two sentences of one speaker joined), words the original
lacks are not. What the writer marks as theirs is not compared
(:mod:`lint.text.quote_words`): a bracketed insertion is left out, and the parts of a quote
between ellipses are compared one by one, so an excerpt that marks its cut with "..." may join
passages further apart than the window.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lint.core.document import Span
from lint.text.mentions import Quote, quotes
from lint.text.quote_words import drop_percent, quoted_parts
from lint.tracking.support import quote_compounds
from lint.tracking.support.quote_changes import changes
from lint.tracking.support.quote_nearest import Quotations

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
    quotations: Quotations
    vocabulary: frozenset[str]  # its words
    joins: dict[str, tuple[str, str]]  # its hyphenated compounds (quote_compounds.joins)

    @classmethod
    def of(cls, text: str) -> Tokens:
        found = [
            (_bare(unicodedata.normalize("NFKC", m.group()).casefold()), Span(m.start(), m.end()))
            for m in _WORD.finditer(text.translate(_MARKS))
        ]
        found = [found[i] for i in drop_percent([w for w, _ in found])]
        toks = tuple(w for w, _ in found)
        bigrams: dict[tuple[str, str], list[int]] = {}
        for i in range(len(toks) - 1):
            bigrams.setdefault((toks[i], toks[i + 1]), []).append(i)
        return cls(
            text,
            toks,
            tuple(s for _, s in found),
            {k: tuple(v) for k, v in bigrams.items()},
            Quotations.of(text),
            frozenset(toks),
            quote_compounds.joins(text),
        )


@dataclass(frozen=True)
class Altered:
    """A quote not found in the original, and the closest passage there (if any)."""

    quote: Quote
    closest: str | None
    changes: tuple[str, ...] = ()  # see :func:`lint.tracking.support.quote_changes.changes`
    #: without a closest passage, the original's quotation it rewords (quote_nearest)
    nearest: str | None = None


def _contains(haystack: tuple[str, ...], needle: list[str]) -> bool:
    n = len(needle)
    return any(list(haystack[i : i + n]) == needle for i in range(len(haystack) - n + 1))


def _best_window(quoted: list[str], original: Tokens) -> tuple[int, tuple[int, int] | None]:
    """(matched words, first and last index of the original's words that the quote lines up
    with). The range runs from the first to the last matched word, widened by the quote's
    unmatched words at either end, so that a changed first or last word shows in the passage."""
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
            head, tail = matched[0], matched[-1]
            first = _widen(original, start + head.b, -head.a)
            last = _widen(original, start + tail.b + tail.size - 1, n - tail.a - tail.size)
            best, where = count, (first, last)
    return best, where


#: what ends a passage: a quotation mark, a sentence's or a clause's end between two words
_BOUNDARY = frozenset('"“”«».!?,;:')


def _widen(original: Tokens, index: int, steps: int) -> int:
    """``index`` moved by up to ``steps`` words (back when negative), not across a boundary."""
    step = -1 if steps < 0 else 1
    for _ in range(abs(steps)):
        after = index + step
        if not 0 <= after < len(original.words):
            break
        left, right = sorted((index, after))
        if _BOUNDARY.intersection(
            original.text[original.spans[left].end : original.spans[right].start]
        ):
            break
        index = after
    return index


_Closest = tuple[str | None, tuple[str, ...]]
_UNLIKE: _Closest = (None, ())


def _closest(
    part: list[str], tokens: Tokens, hyphenated: frozenset[tuple[str, str]] = frozenset()
) -> _Closest | None:
    """None when the original has the words of ``part`` near-verbatim; else its closest
    passage, if any, and the changes from it. ``hyphenated``: the word pairs the quote joins
    with a hyphen (:mod:`lint.tracking.support.quote_compounds`)."""
    quoted, part = quote_compounds.align(
        [_bare(w.casefold()) for w in part],
        part,
        hyphenated,
        tokens.vocabulary,
        tokens.joins,
        tokens.bigrams,
    )
    if len(quoted) <= SHORT:
        return None if _contains(tokens.words, quoted) else _UNLIKE
    matched, where = _best_window(quoted, tokens)
    if len(quoted) - matched <= len(quoted) // TOLERANCE:
        return None
    if where is None or matched < max(RESEMBLES * len(quoted), RESEMBLES_WORDS):
        return _UNLIKE
    first, last = where
    passage = tokens.text[tokens.spans[first].start : tokens.spans[last].end]
    shown = [tokens.text[span.start : span.end] for span in tokens.spans[first : last + 1]]
    return passage, changes(quoted, tokens.words[first : last + 1], part, shown)


def altered_quotes(text: str, original: str | Tokens) -> Iterator[Altered]:
    """Quotes in ``text`` (spans relative to it) that ``original`` lacks, near-verbatim.

    A quote is compared as :func:`lint.text.quote_words.quoted_parts` gives it: bracketed
    insertions left out, and each part between ellipses on its own (the first part the
    original lacks gives the closest passage; without one, the original's nearest quotation,
    :mod:`lint.tracking.support.quote_nearest`)."""
    tokens = original if isinstance(original, Tokens) else Tokens.of(original)
    for quote in quotes(text):
        hyphenated = quote_compounds.hyphen_pairs(quote.text)
        for part in quoted_parts(quote.text):
            closest = _closest(part, tokens, hyphenated)
            if closest is not None:
                passage, changed = closest
                nearest = None if passage else tokens.quotations.nearest(quote.text)
                yield Altered(quote, passage, changed, nearest)
                break
