"""Kind ``quote-diff``: quotations in a rewrite that do not appear, near-verbatim, in its
original.

A thin adapter over :mod:`lint.tracking.support.quotes`; runs only on a rewrite that has an
original. The message quotes the closest passage of the original when there is one, and names
the few words changed from it when they are few.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.core.document import Block, BlockKind, Document, Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.kinds.pairs.options import QuoteDiffOptions as Options
from lint.text.analysis import analysis
from lint.tracking.pairing import Pair
from lint.tracking.support.quotes import Tokens, altered_quotes

#: the closest passage is cut to this many characters in messages (the data keeps it whole)
PASSAGE = 160


def _tokens(original: Document) -> Tokens:
    """Computed once per original (one original is often paired with many rewrites)."""
    return analysis(original).memo("quote_diff", lambda: Tokens.of(original.text))


def _cut(passage: str) -> str:
    passage = " ".join(passage.split())
    return passage if len(passage) <= PASSAGE else passage[: PASSAGE - 1].rstrip() + "…"


#: What may stand around a headline (or a whole output) wrapped in quotation marks: markup,
#: space, the marks themselves and closing punctuation (""Behind the Bars of Nauru"",
#: "**"Living with ..."**").
_AROUND = frozenset(" \t\r\n*_#\"'“”‘’«».:!?")


def _wrapped(text: str, quote: Span) -> bool:
    return _AROUND.issuperset(text[: quote.start]) and _AROUND.issuperset(text[quote.end :])


def _wrapper(document: Document, block: Block, quote: Span) -> bool:
    """Whether ``quote`` is a headline's whole text, or the whole document's, in quotation
    marks: a generator's way of setting off its title or its output, not someone's words."""
    if block.kind is BlockKind.HEADLINE and _wrapped(block.text, quote):
        return True
    return _wrapped(document.text, quote.shift(block.start))


def check(pair: Pair, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    if pair.original is None:
        return
    tokens = _tokens(pair.original)
    for block in blocks:
        for altered in altered_quotes(block.text, tokens):
            if _wrapper(pair.rewrite, block, altered.quote.span):
                continue
            if altered.closest is None:
                problem = "is not in the original"
                if altered.nearest:
                    problem += f" (nearest quotation there: '{_cut(altered.nearest)}')"
            elif altered.changes:
                changed = ", ".join(altered.changes)
                problem = f"differs from the original ({changed}): '{_cut(altered.closest)}'"
            else:
                problem = f"differs from the original: '{_cut(altered.closest)}'"
            values = {"quote": altered.quote.text, "problem": problem}
            data = {
                "quote": altered.quote.text,
                "closest": altered.closest,
                "changes": list(altered.changes),
                "nearest": altered.nearest,
                "original": pair.original.path,
            }
            yield Hit(altered.quote.span.shift(block.start), values, data)


KIND = Kind("quote-diff", Scope.PAIR, Options, check)
