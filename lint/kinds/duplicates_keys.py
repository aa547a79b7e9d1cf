"""What the ``duplicates`` kind compares (see :mod:`lint.kinds.duplicates`): each block's word
count, key and shingles, and an article's keys, computed once and kept in the document's memo (the
corpus index keeps them between runs); and the hit naming the first copy."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from xxhash import xxh3_128_intdigest  # (lint.text.shingles loads xxhash anyway)

from lint.core.document import Block, BlockKind
from lint.core.finding import Hit, Ref
from lint.core.kept import Kept, Linted
from lint.kinds.base import Unit
from lint.text.joined_words import joined_words
from lint.text.shingles import packed as _packed


def _key(data: bytes) -> int:
    """A block's normalised text (its words joined by spaces, UTF-8) as a 128-bit integer
    (xxh3): equal texts, equal keys."""
    return int(xxh3_128_intdigest(data))


_Item = tuple[int, Block]  # (unit index, block)


def _hit(document: Linted, first: _Item, later: _Item, similarity: float) -> Hit:
    """``later`` repeats ``first``, a block of ``document``."""
    ref = Ref(document, first[1].span)
    where = "earlier in this document" if first[0] == later[0] else "in another document"
    values = {"first": ref, "where": where, "similarity": f"{similarity:.2f}"}
    data = {"first": ref, "similarity": round(similarity, 4)}
    return Hit(later[1].span, values, data, covers=True)


#: ``Document.memo`` key of the per-block values below; the corpus index keeps it between runs
MEMO = "duplicates"
ARTICLE_MEMO = MEMO + "/articles"  # an article's keys (see _article)

#: a block's (word count, key of its normalised text, shingles or None when not asked for); the
#: shingles are kept as a packed array of 64-bit ints (8 bytes each; a frozenset of int objects
#: took about 110), as every document's are held until the corpus rules run
_Sig = tuple[int, int, "array[int] | frozenset[int] | None"]


#: block text -> its words and their join: the exact, near and article rules each ask for a
#: block's words while a document is prepared (one tokenisation, not three); bounded, cleared
#: when full
_WORDS: dict[str, tuple[int, bytes]] = {}
_WORDS_LIMIT = 256


def _words(text: str) -> tuple[int, bytes]:
    """How many words ``words(text)`` holds, and the words joined by single spaces, encoded
    (UTF-8; lone surrogates passed): what keys and shingles are made of. Shared by the rules
    preparing one document."""
    found = _WORDS.get(text)
    if found is None:
        if len(_WORDS) >= _WORDS_LIMIT:
            _WORDS.clear()
        found = _WORDS[text] = joined_words(text)  # (``words(text)``, counted and joined)
    return found


def _signature(document: Linted, block: Block, size: int | None) -> _Sig:
    """A block's word count, key and (``size`` given) shingles, computed once per document and
    kept in its memo: a hook's context documents come from the corpus index with them, so the
    committed corpus is not re-tokenised on every run, and a kept document (no text) has them."""
    memo: dict[tuple[int, int | None], _Sig] = document.memo.setdefault(MEMO, {})
    found = memo.get((block.index, size))
    if found is None:
        _prepared(document)
        count, data = _words(block.text)
        shingles = None if size is None else _packed(data, size)  # (sorted)
        found = memo[(block.index, size)] = (count, _key(data), shingles)
    return found


def _items(units: Sequence[Unit], min_words: int, size: int | None) -> Iterator[tuple[_Item, _Sig]]:
    for index, (document, blocks) in enumerate(units):
        for block in blocks:
            signature = _signature(document, block, size)
            if signature[0] >= min_words:
                yield (index, block), signature


def _prepared(document: Linted) -> None:
    """A kept document has no text to derive a memo value from: ``prepare`` must have run."""
    if isinstance(document, Kept):
        raise LookupError(f"{document.path}: kept without the duplicates kind's prepared values")


def _article(document: Linted, blocks: Sequence[Block]) -> tuple[tuple[int, int], ...]:
    """The word count and key of the words of ``blocks`` joined, then, when the first block is
    the headline, of the rest (memoised as blocks are): a re-run or re-send that gives the same
    body a new headline is still a copy of the article, and one finding for it says more than
    one per paragraph. Both: whether a first line reads as the headline can differ between two
    copies (a lower-case first line is a paragraph), and the whole text still matches then."""
    memo: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = document.memo.setdefault(
        ARTICLE_MEMO, {}
    )
    where = tuple(b.index for b in blocks)
    found = memo.get(where)
    if found is None:
        _prepared(document)
        counted = [_words(block.text) for block in blocks]
        found = (_joined_key(counted),)
        if blocks and blocks[0].index == 0 and blocks[0].kind is BlockKind.HEADLINE:
            found += (_joined_key(counted[1:]),)
        memo[where] = found
    return found


def _joined_key(counted: Sequence[tuple[int, bytes]]) -> tuple[int, int]:
    """The word count and key of blocks' words joined by spaces: the blocks' joins joined
    (empty ones left out)."""
    data = b" ".join(joined for count, joined in counted if count)
    return sum(count for count, _ in counted), _key(data)
