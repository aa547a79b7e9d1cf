"""Kind ``duplicates``: blocks repeated within a document or across the corpus.

Exact mode compares normalised text (case, white space, quote style and punctuation folded) through
a hash table keyed by a 128-bit xxhash of that text. Near mode compares sets of word shingles (each
a 64-bit xxhash of its words, so a set is a set of integers, not of strings) by Jaccard similarity
with an exact prefix-filtering similarity join: shingles are ordered by corpus frequency (rarest
first; any fixed order finds the same pairs) and only each set's prefix is indexed, which finds
every pair at or above the threshold without comparing all pairs. Each later copy is reported once
and names the earlier block it repeats.

A copy whose text, with white space folded, is identical to an earlier block of the same document
carries a fix: an edit deleting it (whole lines, see :mod:`lint.kinds.edits`). A copy of another
document's block is never deleted, nor a near duplicate, nor anything in a JSONL record.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from lint.core.document import Block, Document, Span
from lint.core.finding import Hit, Ref
from lint.core.kept import Kept, Linted
from lint.kinds.base import Kind, Scope, Unit
from lint.kinds.edits import delete_blocks, whole_lines
from lint.text.normalize import words
from lint.text.shingles import frequency as _frequency
from lint.text.shingles import prefix_length
from lint.text.shingles import shingles as _shingles


def _key(data: bytes) -> int:
    """A block's normalised text (its words joined by spaces, UTF-8) as a 128-bit integer
    (xxh3): equal texts, equal keys."""
    import xxhash

    return int(xxhash.xxh3_128_intdigest(data))


@dataclass(frozen=True)
class Options:
    match: str = "exact"  # "exact" or "near" (blocks), or "article" (a whole document's text)
    threshold: float = 0.8  # near: Jaccard similarity of shingle sets
    shingle_size: int = 3  # near: words per shingle
    min_words: int = 8  # shorter blocks are not compared (boilerplate, sign-offs)
    within_document: bool = True
    across_corpus: bool = True
    exclude_exact: bool = False  # near: leave identical blocks to an exact rule

    def __post_init__(self) -> None:
        if self.match not in ("exact", "near", "article"):
            raise ValueError(f"match must be 'exact', 'near' or 'article', not {self.match!r}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.shingle_size < 1 or self.min_words < 1:
            raise ValueError("shingle_size and min_words must be at least 1")
        if not (self.within_document or self.across_corpus):
            raise ValueError("within_document and across_corpus cannot both be false")


_Item = tuple[int, Block]  # (unit index, block)


def _allowed(options: Options, first: _Item, later: _Item) -> bool:
    same = first[0] == later[0]
    return options.within_document if same else options.across_corpus


def _hit(units: Sequence[Unit], first: _Item, later: _Item, similarity: float) -> Hit:
    ref = Ref(units[first[0]][0], first[1].span)
    where = "earlier in this document" if first[0] == later[0] else "in another document"
    values = {"first": ref, "where": where, "similarity": f"{similarity:.2f}"}
    data = {"first": ref, "similarity": round(similarity, 4)}
    return Hit(later[1].span, values, data, covers=True)


#: ``Document.memo`` key of the per-block values below; the corpus index keeps it between runs
MEMO = "duplicates"

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
        tokens = words(text)
        found = _WORDS[text] = (len(tokens), " ".join(tokens).encode("utf-8", "surrogatepass"))
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
        shingles = None if size is None else array("Q", sorted(_shingles(data, size)))
        found = memo[(block.index, size)] = (count, _key(data), shingles)
    return found


def _items(units: Sequence[Unit], min_words: int, size: int | None) -> Iterator[tuple[_Item, _Sig]]:
    for index, (document, blocks) in enumerate(units):
        for block in blocks:
            signature = _signature(document, block, size)
            if signature[0] >= min_words:
                yield (index, block), signature


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Lists(Generic[K, V]):
    """A multimap, key -> values in the order added, that holds most keys' one value without a
    list (a list per key was most of the corpus stage's peak: most keys are held once)."""

    def __init__(self) -> None:
        self.first: dict[K, V] = {}
        self.more: dict[K, list[V]] = {}

    def get(self, key: K) -> list[V]:
        if key not in self.first:
            return []
        return [self.first[key], *self.more.get(key, ())]

    def add(self, key: K, value: V) -> None:
        if key in self.first:
            self.more.setdefault(key, []).append(value)
        else:
            self.first[key] = value


def _exact(units: Sequence[Unit], options: Options, context: int) -> Iterator[tuple[int, Hit]]:
    items = list(_items(units, options.min_words, None))
    # with context, only the reported units' keys matter: no other block can be their first copy
    wanted = {key for item, (_, key, _) in items if item[0] >= context} if context else None
    seen: _Lists[int, _Item] = _Lists()
    for item, (_, key, _) in items:
        if wanted is not None and key not in wanted:
            continue
        if item[0] >= context:  # the first ``context`` units are never reported on
            first = next((e for e in seen.get(key) if _allowed(options, e, item)), None)
            if first is not None:
                yield item[0], _hit(units, first, item, 1.0)
        seen.add(key, item)


def _near(units: Sequence[Unit], options: Options, context: int) -> Iterator[tuple[int, Hit]]:
    """The similarity join. With ``context`` (a hook's committed corpus, never reported on), the
    context's blocks are indexed under every shingle instead of a prefix, so they need no
    frequency order and no look-up of their own; a later block's candidates are then every
    earlier block sharing a shingle, a superset of the prefix filter's, and the same pairs pass
    the threshold (the prefix filter misses none), so the findings are the same. A context block
    sharing no shingle with a reported block can be no one's candidate: it is not indexed.

    Shingles stay packed (see ``_Sig``); only the block being looked up is made a set."""
    items = list(_items(units, options.min_words, options.shingle_size))
    sets: list[array[int] | frozenset[int]] = [
        frozenset() if shingles is None else shingles for _, (_, _, shingles) in items
    ]
    whole = context > 0
    prefix: Callable[[Collection[int]], list[int]] = list  # (without context only)
    query: frozenset[int] = frozenset()
    if whole:
        query = query.union(*(sets[p] for p, (i, _) in enumerate(items) if i[0] >= context))
    else:
        prefix = _frequency(sets, options.threshold)
    index: _Lists[int, int] = _Lists()
    exact: _Lists[int, _Item] = _Lists()
    t = options.threshold
    for position, stored in enumerate(sets):
        item, (_, key, _) = items[position]
        if options.exclude_exact:
            copied = any(_allowed(options, e, item) for e in exact.get(key))
            exact.add(key, item)
            if copied:
                continue  # an exact copy: left to the exact rule
        shingles = frozenset(stored)
        if whole:
            indexed: Iterable[int] = shingles
            if item[0] < context:
                if not shingles.isdisjoint(query):
                    for s in shingles:
                        index.add(s, position)
                continue
            candidates = {c for s in shingles for c in index.get(s)}
        else:
            # one total order for every block (rarest first, ties by value) keeps the prefix
            # filter exact; ties left in each set's own iteration order missed pairs
            indexed = prefix(shingles)
            candidates = {c for s in indexed for c in index.get(s)}
        best: tuple[float, int] | None = None
        size = len(shingles)
        for c in sorted(candidates):
            other = sets[c]
            if len(other) < t * size or size < t * len(other):
                continue
            common = len(shingles.intersection(other))
            similarity = common / (size + len(other) - common)
            if similarity < t or not _allowed(options, items[c][0], item):
                continue
            if best is None or similarity > best[0]:
                best = (similarity, c)
        if best is not None:
            yield item[0], _hit(units, items[best[1]][0], item, best[0])
        for s in indexed:
            index.add(s, position)


def _prepared(document: Linted) -> None:
    """A kept document has no text to derive a memo value from: ``prepare`` must have run."""
    if isinstance(document, Kept):
        raise LookupError(f"{document.path}: kept without the duplicates kind's prepared values")


def _parsed(unit: Unit) -> tuple[Document, Sequence[Block]]:
    """``unit`` with its document parsed (again, when only kept) and its blocks' text."""
    document, blocks = unit
    if isinstance(document, Document):
        return document, blocks
    parsed = document.document()
    return parsed, [parsed.blocks[b.index] for b in blocks]


def _fold(text: str) -> str:
    return " ".join(text.split())


class _Copies:
    """A document's blocks by span, and the first block of each folded text: what tells a later
    copy, in O(1) a hit (a scan of the blocks per hit made n copies n² work)."""

    def __init__(self, unit: Unit) -> None:
        self.document, blocks = _parsed(unit)
        self.at: dict[Span, Block] = {}
        self.first: dict[str, int] = {}
        for block in blocks:
            self.at.setdefault(block.span, block)
            text = _fold(block.text)
            if block.index < self.first.get(text, block.index + 1):
                self.first[text] = block.index

    def removable(self, span: Span) -> bool:
        """The block at ``span`` is a whole-line, identical later copy within its document."""
        block = self.at.get(span)
        if self.document.record is not None or block is None:  # JSONL: re-serialising: unsafe
            return False
        earlier = self.first[_fold(block.text)] < block.index
        return earlier and whole_lines(self.document.text, block.span)


def _with_edits(units: Sequence[Unit], results: list[tuple[int, Hit]]) -> list[tuple[int, Hit]]:
    """``results`` with an edit deleting each removable copy."""
    spans: dict[int, list[Span]] = defaultdict(list)
    copies: dict[int, _Copies] = {}
    for index, hit in results:
        if index not in copies:
            copies[index] = _Copies(units[index])
        if copies[index].removable(hit.span):
            spans[index].append(hit.span)
    edits = {i: delete_blocks(copies[i].document.text, found) for i, found in spans.items()}
    return [
        (i, replace(hit, edits=(edits[i][hit.span],)) if hit.span in edits.get(i, {}) else hit)
        for i, hit in results
    ]


def _articles(units: Sequence[Unit], options: Options, context: int) -> Iterator[tuple[int, Hit]]:
    """Each document whose selected text (normalised) is an earlier document's: one hit spanning
    all of it, naming the first copy."""
    seen: dict[int, int] = {}
    for index, (document, blocks) in enumerate(units):
        count, key = _article(document, blocks)
        if count < options.min_words:
            continue
        first = seen.setdefault(key, index)
        if first != index and index >= context:
            whole = Block(blocks[0].kind, 0, Span(blocks[0].start, blocks[-1].span.end), "")
            earlier = units[first][1]
            start = Block(earlier[0].kind, 0, Span(earlier[0].start, earlier[-1].span.end), "")
            yield index, _hit(units, (first, start), (index, whole), 1.0)


def _article(document: Linted, blocks: Sequence[Block]) -> tuple[int, int]:
    """The word count and key of the words of ``blocks`` joined (memoised as blocks are)."""
    memo: dict[tuple[int, ...], tuple[int, int]] = document.memo.setdefault(MEMO + "/article", {})
    where = tuple(b.index for b in blocks)
    found = memo.get(where)
    if found is None:
        _prepared(document)
        counted = [_words(block.text) for block in blocks]
        # the words of all blocks joined by spaces: the blocks' joins joined (empty ones left out)
        data = b" ".join(joined for count, joined in counted if count)
        found = memo[where] = (sum(count for count, _ in counted), _key(data))
    return found


def check(units: Sequence[Unit], options: Options, context: int = 0) -> list[tuple[int, Hit]]:
    """``(unit index, hit)`` for every block (or article) that repeats an earlier one. The first
    ``context`` units are compared with but never reported on (see :meth:`Engine.check_corpus`)."""
    if options.match == "article":
        return list(_articles(units, options, context))
    if options.match == "exact":
        found = _exact(units, options, context)
    else:
        found = _near(units, options, context)
    return _with_edits(units, list(found))


def prepare(document: Document, blocks: Sequence[Block], options: Options) -> None:
    """Compute what ``check`` derives from ``document`` (kept in its memo)."""
    if options.match == "article":
        _article(document, blocks)
        return
    size = options.shingle_size if options.match == "near" else None
    for block in blocks:
        _signature(document, block, size)


_LOW = (1 << 64) - 1


def tokens(
    document: Document, blocks: Sequence[Block], options: Options, rank: Callable[[int], int]
) -> Iterator[int]:
    """Ints a context document must share with a linted one to bear on its findings.

    Exact mode: the keys of the blocks compared (folded to 64 bits); article mode: the article's
    key. Near mode: the prefix filter's prefix of each compared block's shingles, in the fixed
    order ``(rank(s), s)``: two sets with Jaccard similarity at least ``t`` share a shingle among
    their first ``n - ceil(t * n) + 1`` in any fixed order (the join above relies on the same
    lemma), so a context block with no shingle in common with a linted block's prefix can be
    neither its near copy nor the exact copy (same shingles) that ``exclude_exact`` looks for.
    ``rank`` puts shingles frequent in the corpus last, so a prefix holds rare ones."""
    if options.match == "article":
        count, key = _article(document, blocks)
        if count >= options.min_words:
            yield key & _LOW
        return
    size = options.shingle_size if options.match == "near" else None
    for block in blocks:
        count, key, shingles = _signature(document, block, size)
        if count < options.min_words:
            continue
        if shingles is None:
            yield key & _LOW
            continue
        ordered = sorted(shingles, key=lambda s: (rank(s), s))
        yield from ordered[: prefix_length(len(ordered), options.threshold)]


def counted(
    document: Document, blocks: Sequence[Block], options: Options
) -> Iterator[frozenset[int]]:
    """The shingle sets whose corpus frequencies make ``tokens``' order (near mode only)."""
    if options.match != "near":
        return
    for block in blocks:
        count, _, shingles = _signature(document, block, options.shingle_size)
        if count >= options.min_words and shingles is not None:
            yield frozenset(shingles)


KIND = Kind(
    "duplicates",
    Scope.CORPUS,
    Options,
    check,
    takes_context=True,
    prepare=prepare,
    tokens=tokens,
    counted=counted,
)
