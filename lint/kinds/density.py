"""Kind ``density``: too many lexicon matches for the length of the document.

A single inflated word is a style note; a dense cluster of them marks a text written for effect.
This kind counts the narrator-voice matches of a lexicon (quotations skipped, the same matcher
as the ``phrases`` kind) over the selected blocks and reports the document once when there are
more than ``threshold`` matches per ``per_words`` words.

Options:

- ``lexicon``: as for ``phrases`` (category -> entries, or a lexicon name the engine resolves);
- ``threshold``: matches per ``per_words`` words above which the document is reported;
- ``per_words`` (default 1000): the unit of the density;
- ``min_words`` (default 150): documents with fewer words are not judged (one match in a short
  brief says little);
- ``skip_reported`` (default false) and ``keep_reported``: as for ``phrases``, matches in
  reported speech (a named source's paraphrase) are not counted, but for those categories;
- ``min_count`` (default 1): fewer matches than this are never a cluster, however short the
  document (one match in 160 words is 6.25 per 1,000, yet one word is a slip, and already its
  own finding).

Words are counted by :func:`count_words`: maximal runs of letters, digits and combining marks,
joined across an inner apostrophe, hyphen, full stop or comma (``don't``, ``well-known``,
``U.S``, ``1,400`` each count once). Punctuation and symbols are not words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.core.document import Block, Document, Span
from lint.core.finding import Hit
from lint.kinds import phrases
from lint.kinds.base import Kind, Scope

_LETTERS = rf"[^\W_]|[{phrases.MARKS}]"
_WORD = re.compile(rf"(?:{_LETTERS})+(?:['\u2019\-\u2010\u2011.,](?:{_LETTERS})+)*")

#: How many of the most frequent matched phrases a finding's data lists.
TOP_PHRASES = 5


#: ``_WORD`` on ASCII text (its marks and other hyphens are not ASCII; ``[^\W_]`` is
#: ``[A-Za-z0-9]``): a class first, so ``re`` skips to a word in C
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-.,][A-Za-z0-9]+)*")


def count_words(text: str) -> int:
    """The number of words in ``text`` (see the module docstring for what a word is)."""
    if text.isascii():
        return len(_ASCII_WORD.findall(text))
    return len(_WORD.findall(text))  # no capturing groups: one string per word


@dataclass(frozen=True)
class Options:
    lexicon: Mapping[str, Any] = field(hash=False)
    threshold: float
    per_words: int = 1000
    min_words: int = 150
    min_count: int = 1
    skip_reported: bool = False
    keep_reported: Sequence[str] = field(default=(), hash=False)
    matcher: phrases.Options = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.threshold < 0:
            raise ValueError(f"threshold must be zero or more, not {self.threshold!r}")
        if self.per_words <= 0:
            raise ValueError(f"per_words must be positive, not {self.per_words!r}")
        if self.min_words < 0:
            raise ValueError(f"min_words must be zero or more, not {self.min_words!r}")
        if self.min_count < 1:
            raise ValueError(f"min_count must be at least 1, not {self.min_count!r}")
        matcher = phrases.Options(
            lexicon=self.lexicon,
            skip_reported=self.skip_reported,
            keep_reported=self.keep_reported,
        )
        object.__setattr__(self, "matcher", matcher)


def check(document: Document, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    """At most one hit, spanning the first block, when the lexicon density is over threshold."""
    if not blocks:
        return
    words = sum(count_words(block.text) for block in blocks)
    if words < max(options.min_words, 1):
        return
    counts = Counter(
        match.entry.phrase
        for block in blocks
        for match in phrases.find(block.text, options.matcher)
    )
    count = sum(counts.values())
    density = count * options.per_words / words
    if density <= options.threshold or count < options.min_count:
        return
    values = {
        "density": f"{density:.1f}",
        "count": count,
        "words": words,
        "threshold": f"{options.threshold:g}",
    }
    data = {
        "density": round(density, 2),
        "count": count,
        "words": words,
        "threshold": options.threshold,
        "per_words": options.per_words,
        "top_phrases": dict(counts.most_common(TOP_PHRASES)),
    }
    first = blocks[0].span
    yield Hit(span=Span(first.start, first.end), values=values, data=data)


KIND = Kind("density", Scope.DOCUMENT, Options, check)
