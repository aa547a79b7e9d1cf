"""Kind ``new-names``: names of people, places and organisations in a rewrite that its
original does not give.

A thin adapter over :mod:`lint.tracking.support.names`; runs only on a rewrite that has an
original. Names are found in the whole rewrite (capitalisation needs the context) and reported
in the selected blocks, at each occurrence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.core.document import Block, Document
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.kinds.pairs.options import NewNamesOptions as Options
from lint.text.analysis import analysis
from lint.tracking.pairing import Pair
from lint.tracking.support.names import Vocabulary, unsupported_names


def _vocabulary(original: Document) -> Vocabulary:
    """Computed once per original (one original is often paired with many rewrites)."""
    return analysis(original).memo("new_names", lambda: Vocabulary.of(original.text))


def check(pair: Pair, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    if pair.original is None or not blocks:
        return
    vocabulary = _vocabulary(pair.original)
    within = [block.span for block in blocks]
    for name in unsupported_names(pair.rewrite.text, vocabulary, within):
        problem = "is not named in the original"
        if name.found:
            # a first name added to the original's surname, a word added to a club's name: say
            # which part the original gives, so the message does not deny what it names
            has = ", ".join(f"'{w}'" for w in name.found)
            lacks = ", ".join(f"'{w}'" for w in name.missing)
            verb = "is" if len(name.missing) == 1 else "are"
            problem = f"is not named in the original: {lacks} {verb} new (it has {has})"
        if name.respelled:
            # a typo mended or a name miscopied: the editor sees which spelling the original has
            spelled = ", ".join(f"'{theirs}'" for _, theirs in name.respelled)
            problem += f", which has {spelled} (spelled differently)"
        values = {"name": name.text, "problem": problem}
        data = {
            "name": name.text,
            "missing": list(name.missing),
            "respelled": [theirs for _, theirs in name.respelled],
            "original": pair.original.path,
        }
        yield Hit(name.span, values, data)


KIND = Kind("new-names", Scope.PAIR, Options, check)
