"""Kind ``new-phrases``: lexicon phrases (inflated wording) that a rewrite uses and its
original does not.

Matching is :mod:`lint.kinds.phrases`' (same options, same lexicon files). In the rewrite, quoted
speech is skipped as ``skip_quotes`` says; in the original every use counts, quoted or not, so a
term the rewrite took from a quotation is not reported as added. Phrases compare by lexicon
entry: "underscoring the severity" is not added when the original has "underscores the
severity". Runs only on a rewrite that has an original.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.core.document import Block, Document
from lint.core.finding import Hit
from lint.kinds import phrases
from lint.kinds.base import Kind, Scope
from lint.kinds.pairs.options import NewPhrasesOptions as Options
from lint.text.analysis import analysis
from lint.tracking.pairing import Pair


def _used(original: Document, options: phrases.Options) -> frozenset[str]:
    """The lexicon phrases the original uses anywhere, once per original and options."""

    def used() -> frozenset[str]:
        return frozenset(match.entry.phrase for match in phrases.find(original.text, options))

    return analysis(original).memo(("new_phrases", options), used)


def check(pair: Pair, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    if pair.original is None:
        return
    used = _used(pair.original, options.everywhere)
    for block in blocks:
        for span, entry in phrases.find(block.text, options):
            if entry.phrase in used:
                continue
            values = {
                "match": block.text[span.start : span.end],
                "category": entry.category,
                "suggest": entry.suggest,
                "suggestion": f"; consider '{entry.suggest}'" if entry.suggest else "",
            }
            data = {
                "category": entry.category,
                "phrase": entry.phrase,
                "original": pair.original.path,
            }
            yield Hit(span.shift(block.start), values, data)


KIND = Kind("new-phrases", Scope.PAIR, Options, check)
