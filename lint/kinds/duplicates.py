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
from typing import Generic, TypeVar, overload

from xxhash import xxh3_128_intdigest  # (lint.text.shingles loads xxhash anyway)

from lint.core.document import Block, BlockKind, Document, Span
from lint.core.finding import Hit, Ref
from lint.core.kept import Kept, Linted
from lint.kinds.base import Kind, Scope, Unit
from lint.kinds.copy_runs import in_runs
from lint.kinds.edits import delete_blocks, whole_lines
from lint.text.joined_words import joined_words
from lint.text.normalize import words  # noqa: F401 (the tests' plain tokens)
from lint.text.shingles import frequency as _frequency
from lint.text.shingles import packed as _packed
from lint.text.shingles import prefix_length
from lint.text.shingles import shingles as _shingles  # noqa: F401 (the tests' plain sets)


def _key(data: bytes) -> int:
    """A block's normalised text (its words joined by spaces, UTF-8) as a 128-bit integer
    (xxh3): equal texts, equal keys."""
    return int(xxh3_128_intdigest(data))


@dataclass(frozen=True)
class Options:
    match: str = "exact"  # "exact" or "near" (blocks), or "article" (a whole document's text)
    threshold: float = 0.8  # near: Jaccard similarity of shingle sets
    shingle_size: int = 3  # near: words per shingle
    min_words: int = 8  # shorter blocks are not compared (boilerplate, sign-offs)
    within_document: bool = True
    across_corpus: bool = True
    exclude_exact: bool = False  # near: leave identical blocks to an exact rule
    runs: bool = False  # exact: a run of copies is one hit (see lint.kinds.copy_runs)

    def __post_init__(self) -> None:
        if self.match not in ("exact", "near", "article"):
            raise ValueError(f"match must be 'exact', 'near' or 'article', not {self.match!r}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.shingle_size < 1 or self.min_words < 1:
            raise ValueError("shingle_size and min_words must be at least 1")
        if not (self.within_document or self.across_corpus):
            raise ValueError("within_document and across_corpus cannot both be false")
        if self.runs and self.match != "exact":
            raise ValueError("runs is an option of match 'exact' only")


_Item = tuple[int, Block]  # (unit index, block)


def _allowed(options: Options, first: _Item, later: _Item) -> bool:
    same = first[0] == later[0]
    return options.within_document if same else options.across_corpus


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
                yield item[0], _hit(units[first[0]][0], first, item, 1.0)
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
    return _join(units, options, context, items)


def _join(
    units: Sequence[Unit], options: Options, context: int, items: list[tuple[_Item, _Sig]]
) -> Iterator[tuple[int, Hit]]:
    """:func:`_near` once its ``items`` are known."""
    if not context:
        sets = [frozenset() if shingles is None else shingles for _, (_, _, shingles) in items]
        joiner = _Joiner(options, _frequency(sets, options.threshold))
        for item, signature in items:
            found = joiner.push(item, signature)
            if found is not None:
                first, similarity = found
                yield item[0], _hit(units[first[0]][0], first, item, similarity)
        return
    sets = [frozenset() if shingles is None else shingles for _, (_, _, shingles) in items]
    query: frozenset[int] = frozenset()
    query = query.union(*(sets[p] for p, (i, _) in enumerate(items) if i[0] >= context))
    index: _Lists[int, int] = _Lists()
    exact: _Lists[int, _Item] = _Lists()
    for position, stored in enumerate(sets):
        item, (_, key, _) = items[position]
        if options.exclude_exact:
            copied = any(_allowed(options, e, item) for e in exact.get(key))
            exact.add(key, item)
            if copied:
                continue  # an exact copy: left to the exact rule
        shingles = frozenset(stored)
        if item[0] < context:
            if not shingles.isdisjoint(query):
                for s in shingles:
                    index.add(s, position)
            continue
        candidates = {c for s in shingles for c in index.get(s)}
        best = _best(options, shingles, item, candidates, sets, items)
        if best is not None:
            first = items[best[1]][0]
            yield item[0], _hit(units[first[0]][0], first, item, best[0])
        for s in shingles:
            index.add(s, position)


def _best(
    options: Options,
    shingles: frozenset[int],
    item: _Item,
    candidates: Iterable[int],
    sets: Sequence[array[int] | frozenset[int]],
    items: Sequence[tuple[_Item, _Sig]],
) -> tuple[float, int] | None:
    """The most similar candidate at or above the threshold (the first of equals), if any."""
    best: tuple[float, int] | None = None
    t = options.threshold
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
    return best


class _Joiner:
    """The similarity join without context, fed its items in order once the shingles' order
    (``prefix``, see :func:`lint.text.shingles.frequency`) is fixed. Any one fixed order finds
    the same pairs: every earlier block at or above the threshold is a candidate (the prefix
    filter misses none), and the best is the most similar, the first of equals; the order only
    keeps the candidate lists short. So a run may fix it from the blocks seen so far and join
    the later ones as they come (see :class:`Stream`)."""

    def __init__(self, options: Options, prefix: Callable[[Collection[int]], list[int]]) -> None:
        self.options = options
        self.prefix = prefix
        self.items: list[tuple[_Item, _Sig]] = []
        self.sets: list[array[int] | frozenset[int]] = []
        self.index: _Lists[int, int] = _Lists()
        self.exact: _Lists[int, _Item] = _Lists()

    def push(self, item: _Item, signature: _Sig) -> tuple[_Item, float] | None:
        """The earlier block ``item`` nearly repeats, and their similarity, if any."""
        options = self.options
        position = len(self.sets)
        stored = signature[2]
        self.items.append((item, signature))
        self.sets.append(frozenset() if stored is None else stored)
        if options.exclude_exact:
            key = signature[1]
            copied = any(_allowed(options, e, item) for e in self.exact.get(key))
            self.exact.add(key, item)
            if copied:
                return None  # an exact copy: left to the exact rule
        # one total order for every block (rarest first, ties by value) keeps the prefix
        # filter exact; ties left in each set's own iteration order missed pairs (the packed
        # array is sorted: the prefix needs no sort of its own, and no set unless compared)
        indexed = self.prefix(self.sets[position])
        # ``_Lists.get`` and ``add`` inlined (a call and a list per shingle: most of the time)
        first, more = self.index.first, self.index.more
        candidates: set[int] = set()
        for s in indexed:
            c = first.get(s)
            if c is not None:
                candidates.add(c)
                if s in more:
                    candidates.update(more[s])
        best = (
            _best(options, frozenset(self.sets[position]), item, candidates, self.sets, self.items)
            if candidates
            else None
        )
        for s in indexed:
            if s in first:
                more.setdefault(s, []).append(position)
            else:
                first[s] = position
        if best is None:
            return None
        return self.items[best[1]][0], best[0]


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


def _repeats(unit: Unit, size: int | None) -> bool:
    """Whether two of the unit's blocks have the same key (see :func:`_signature`, whose
    memoised values it reads): a block that :meth:`_Copies.removable` says repeats an earlier
    one has the same text up to white space, so the same words and key. Without such a pair no
    hit in the unit is removable, and a kept document need not be parsed again to learn it."""
    document, blocks = unit
    keys = {_signature(document, block, size)[1] for block in blocks}
    return len(keys) < len(blocks)


def _with_edits(
    units: Sequence[Unit], results: list[tuple[int, Hit]], size: int | None
) -> list[tuple[int, Hit]]:
    """``results`` with an edit deleting each removable copy (``size``: the rule's shingle
    size, None in exact mode, for :func:`_repeats`)."""
    spans: dict[int, list[Span]] = defaultdict(list)
    copies: dict[int, _Copies | None] = {}
    for index, hit in results:
        if index not in copies:
            unit = units[index]
            copies[index] = _Copies(unit) if _repeats(unit, size) else None
        found = copies[index]
        if found is not None and found.removable(hit.span):
            spans[index].append(hit.span)
    edits = {i: delete_blocks(_text(copies[i]), found) for i, found in spans.items()}
    return [
        (i, replace(hit, edits=(edits[i][hit.span],)) if hit.span in edits.get(i, {}) else hit)
        for i, hit in results
    ]


def _text(copies: _Copies | None) -> str:
    assert copies is not None  # (a unit with a removable copy)
    return copies.document.text


def _articles(units: Sequence[Unit], options: Options, context: int) -> Iterator[tuple[int, Hit]]:
    """Each document whose selected text (normalised), or whose text below the headline, is an
    earlier document's: one hit spanning all of it, naming the first copy."""
    seen: dict[int, int] = {}
    for index, (document, blocks) in enumerate(units):
        first = _first_copy(seen, index, _article(document, blocks), options.min_words)
        if first is not None and index >= context:
            start = (first, _whole(units[first][1]))
            yield index, _hit(units[first][0], start, (index, _whole(blocks)), 1.0)


def _first_copy(
    seen: dict[int, int], index: int, keys: tuple[tuple[int, int], ...], min_words: int
) -> int | None:
    """The earliest unit ``seen`` under one of an article's ``keys`` (word count, key) long
    enough to compare, or None; the keys are recorded for ``index`` where no unit had them."""
    first: int | None = None
    for count, key in keys:
        if count >= min_words:
            earlier = seen.setdefault(key, index)
            if earlier != index and (first is None or earlier < first):
                first = earlier
    return first


def _whole(blocks: Sequence[Block]) -> Block:
    """One block spanning ``blocks`` (an article copy's span: from its first block's start to its
    last block's end)."""
    return Block(blocks[0].kind, 0, Span(blocks[0].start, blocks[-1].span.end), "")


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


def _check(units: Sequence[Unit], options: Options, context: int = 0) -> list[tuple[int, Hit]]:
    """``(unit index, hit)`` for every block (or article) that repeats an earlier one. The first
    ``context`` units are compared with but never reported on (see :meth:`Engine.check_corpus`)."""
    if options.match == "article":
        return list(_articles(units, options, context))
    if options.match == "exact":
        copies = _with_edits(units, list(_exact(units, options, context)), None)
        return in_runs(copies, lambda i: units[i][0]) if options.runs else copies
    return _with_edits(units, list(_near(units, options, context)), options.shingle_size)


class _Units(Sequence[Unit]):
    """The units fed to a :class:`Stream`: each document with its blocks, found again when asked
    for (a hit's document): the stream holds the documents, not every unit's blocks."""

    def __init__(self, blocks_of: Callable[[Linted], Sequence[Block]]) -> None:
        self.documents: list[Linted] = []
        self._blocks_of = blocks_of

    def __len__(self) -> int:
        return len(self.documents)

    @overload
    def __getitem__(self, index: int) -> Unit: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Unit]: ...
    def __getitem__(self, index: int | slice) -> Unit | Sequence[Unit]:
        if isinstance(index, slice):
            return [(d, self._blocks_of(d)) for d in self.documents[index]]
        document = self.documents[index]
        return document, self._blocks_of(document)


class Stream:
    """``check(units, options)`` without context, fed one unit at a time, in order, so the run
    does the work while worker processes lint the later documents (see
    :class:`lint.engine.engine.CorpusFeed`). Exact and article copies are found as units come
    (a unit's findings depend on the units before it only), and an exact copy's fix is made
    with its unit (``_with_edits`` works unit by unit). Near mode fixes the shingles' order
    from the blocks of the first quarter of the ``expected`` units (all of them, without
    ``expected``), then joins each later block as it comes: any fixed order finds the same
    pairs (see :class:`_Joiner`). :meth:`results` finishes and equals ``check`` on the same
    units."""

    def __init__(
        self,
        options: Options,
        blocks_of: Callable[[Linted], Sequence[Block]],
        expected: int | None = None,
    ) -> None:
        self.options = options
        self.units = _Units(blocks_of)
        self._found: list[tuple[int, Hit]] = []
        self._seen: _Lists[int, _Item] = _Lists()  # exact mode
        self._article_units: dict[int, int] = {}  # article mode: key -> first unit with it
        self._articles: dict[int, Block] = {}  # article mode: first copies' spans by unit
        self._size = options.shingle_size if options.match == "near" else None
        self._pending: list[tuple[_Item, _Sig]] = []  # near mode, until the order is fixed
        self._joiner: _Joiner | None = None
        self._start = max(1, expected // 4) if expected else None  # units fixing the order

    def add(self, document: Linted, blocks: Sequence[Block]) -> None:
        """The next unit: ``document`` and its blocks of the rule's scope."""
        index = len(self.units)
        self.units.documents.append(document)
        options = self.options
        if options.match == "article":
            self._article(index, document, blocks)
            return
        size, min_words = self._size, options.min_words
        found = len(self._found)
        memo = document.memo.get(MEMO, {})  # prepared: ``_signature``'s look-up, inlined
        for block in blocks:
            signature = memo.get((block.index, size)) or _signature(document, block, size)
            if signature[0] < min_words:
                continue
            item = (index, block)
            if size is not None:
                self._near(item, signature)
                continue
            key = signature[1]
            first = next((e for e in self._seen.get(key) if _allowed(options, e, item)), None)
            if first is not None:
                earlier = self.units.documents[first[0]]
                self._found.append((index, _hit(earlier, first, item, 1.0)))
            self._seen.add(key, item)
        if size is None and len(self._found) > found:  # this unit's copies, with their fixes
            self._found[found:] = _with_edits(self.units, self._found[found:], None)
            if options.runs:
                self._found[found:] = in_runs(self._found[found:], self.units.documents.__getitem__)
        if self._joiner is None and self._start is not None and index + 1 >= self._start:
            self._fix_order()

    def _near(self, item: _Item, signature: _Sig) -> None:
        if self._joiner is None:
            self._pending.append((item, signature))
            return
        found = self._joiner.push(item, signature)
        if found is not None:
            first, similarity = found
            earlier = self.units.documents[first[0]]
            self._found.append((item[0], _hit(earlier, first, item, similarity)))

    def _fix_order(self) -> None:
        """Fix the shingles' order from the blocks so far, and join them."""
        if self._size is None:
            return
        sets = [frozenset() if sh is None else sh for _, (_, _, sh) in self._pending]
        self._joiner = _Joiner(self.options, _frequency(sets, self.options.threshold))
        pending, self._pending = self._pending, []
        for item, signature in pending:
            self._near(item, signature)

    def _article(self, index: int, document: Linted, blocks: Sequence[Block]) -> None:
        """As :func:`_articles` does for one unit; the first copy's span is kept, not its
        blocks."""
        keys = _article(document, blocks)
        earliest = _first_copy(self._article_units, index, keys, self.options.min_words)
        if any(self._article_units.get(key) == index for _, key in keys):
            self._articles[index] = _whole(blocks)  # first with one of its keys: may be named
        if earliest is None:
            return
        earlier = self.units.documents[earliest]
        start = (earliest, self._articles[earliest])
        self._found.append((index, _hit(earlier, start, (index, _whole(blocks)), 1.0)))

    def results(self) -> list[tuple[int, Hit]]:
        """What ``check`` returns on the units fed."""
        if self._size is None:  # exact copies have their fixes already; articles have none
            return list(self._found)
        if self._joiner is None:
            self._fix_order()
        return _with_edits(self.units, self._found, self._size)


class _Check:
    """The kind's check (a function's call), with :class:`Stream` for a run that feeds the
    units as they come."""

    stream = Stream

    def __call__(
        self, units: Sequence[Unit], options: Options, context: int = 0
    ) -> list[tuple[int, Hit]]:
        return _check(units, options, context)


check = _Check()


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
        for count, key in _article(document, blocks):
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
