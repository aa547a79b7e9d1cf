"""The duplicates kind: exact and near, within a document and across the corpus."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.core.document import Document
from lint.core.finding import Ref
from lint.kinds import duplicates, duplicates_keys
from lint.kinds.options import OptionError, build_options
from lint.text.normalize import words
from lint.text.segment import segment
from lint.text.shingles import frequency
from lint.text.shingles import shingles as shingle_set

SEED = sorted(SEEDS.glob("*.txt"))[0]
PARA = "The council approved a budget of four million pounds for the new school on Tuesday."


def units(*texts: str):
    docs = [Document(f"d{i}.txt", t, segment(t)) for i, t in enumerate(texts)]
    return [(d, d.blocks) for d in docs]


def run(texts, **options):
    opts = build_options(duplicates.Options, options)
    return list(duplicates.check(units(*texts), opts))


def test_exact_within_document_names_first_copy():
    ((index, hit),) = run([f"Headline\n{PARA}\nOther text here.\n{PARA}\n"], min_words=3)
    assert index == 0
    assert isinstance(hit.values["first"], Ref)
    assert hit.values["first"].span.start == len("Headline\n")
    assert hit.values["where"] == "earlier in this document"


def test_exact_across_corpus_and_switches():
    texts = [f"One\n{PARA}\n", f"Two\n{PARA}\n"]
    ((index, hit),) = run(texts, min_words=3)
    assert index == 1 and hit.values["where"] == "in another document"
    assert run(texts, min_words=3, across_corpus=False) == []


def test_near_finds_small_edits_and_ignores_exact_when_asked():
    edited = PARA.replace("Tuesday", "Wednesday")
    texts = [f"One\n{PARA}\nFiller sentence.\n{edited}\n{PARA}\n"]
    found = run(texts, match="near", threshold=0.8, shingle_size=2, min_words=5, exclude_exact=True)
    assert len(found) == 1
    assert float(found[0][1].values["similarity"]) >= 0.8


def test_near_finds_every_pair_brute_force_finds():
    # prefix filtering must not miss pairs: compare with an all-pairs computation
    import random

    rng = random.Random(7)
    base = (PARA + " " + PARA.replace("school", "hospital")).split()
    texts = []
    for _ in range(30):
        kept = [w for w in base if rng.random() > 0.08]
        texts.append("Headline\n" + " ".join(kept) + "\n")
    found = run(texts, match="near", threshold=0.8, shingle_size=2, min_words=5)

    def shingles(text):
        tokens = words(text.splitlines()[1])
        return {" ".join(tokens[i : i + 2]) for i in range(len(tokens) - 1)}

    sets = [shingles(t) for t in texts]
    expected = {
        j
        for j in range(len(texts))
        for i in range(j)
        if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= 0.8
    }
    assert expected and {i for i, _ in found} == expected


def test_bad_options():
    with pytest.raises(OptionError):
        build_options(duplicates.Options, {"match": "fuzzy"})
    with pytest.raises(OptionError):
        build_options(duplicates.Options, {"treshold": 0.5})


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=200), min_size=1, max_size=4))
def test_property_spans_inside_text(texts):
    for match in ("exact", "near"):
        for index, hit in run(texts, match=match, min_words=1):
            doc_text = texts[index]
            assert 0 <= hit.span.start <= hit.span.end <= len(doc_text)


_WORDS = ["budget", "council", "school", "approved", "pounds", "new", "the", "a", "on", "said"]
_PARAGRAPH = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=12).map(" ".join)
_ARTICLE = st.lists(_PARAGRAPH, min_size=1, max_size=4).map(lambda ps: "Head\n\n" + "\n\n".join(ps))


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(_ARTICLE, min_size=1, max_size=6),
    context=st.integers(min_value=0, max_value=6),
    match=st.sampled_from(["exact", "near", "article"]),
    threshold=st.sampled_from([0.5, 0.8, 1.0]),
    exclude_exact=st.booleans(),
    within=st.booleans(),
)
def test_context_units_are_compared_with_not_reported(
    texts, context, match, threshold, exclude_exact, within
):
    """``context=N`` (a hook's committed corpus) gives exactly the findings on the other units
    that a full run gives: near mode indexes context blocks whole instead of by prefix."""
    options = {"match": match, "min_words": 3, "threshold": threshold, "shingle_size": 2}
    options |= {"exclude_exact": exclude_exact, "within_document": within}
    opts = build_options(duplicates.Options, options)
    full = [(i, h) for i, h in duplicates.check(units(*texts), opts) if i >= context]
    assert duplicates.check(units(*texts), opts, context=context) == full


_TIED = st.lists(st.sampled_from(_WORDS[:6]), min_size=4, max_size=9).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(paragraphs=st.lists(_TIED, min_size=2, max_size=8), threshold=st.sampled_from([0.5, 0.8]))
def test_near_equals_brute_force_when_shingle_frequencies_tie(paragraphs, threshold):
    """The prefix filter is exact only with one total order of shingles for every paragraph:
    with a small vocabulary most shingles tie on corpus frequency, and ties left in each set's
    own iteration order missed pairs (found comparing the Ray job with ``newslint check``)."""
    texts = [f"Head {i}\n\n{p}\n" for i, p in enumerate(paragraphs)]
    found = run(texts, match="near", threshold=threshold, shingle_size=1, min_words=1)
    sets = [set(words(p)) for p in paragraphs]
    expected = {
        j
        for j in range(len(sets))
        for i in range(j)
        if sets[i] != sets[j] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold
    }
    assert {i for i, _ in found} >= expected


def _plain_shingles(tokens: list[str], size: int) -> frozenset[int]:
    """``shingles`` as it was written before: each window joined, encoded and hashed."""
    from xxhash import xxh3_64_intdigest as digest

    if len(tokens) <= size:
        return frozenset([digest(" ".join(tokens).encode("utf-8", "surrogatepass"))])
    return frozenset(
        digest(" ".join(tokens[i : i + size]).encode("utf-8", "surrogatepass"))
        for i in range(len(tokens) - size + 1)
    )


def _joined(tokens: list[str]) -> bytes:
    return " ".join(tokens).encode("utf-8", "surrogatepass")


@settings(max_examples=300, deadline=None)
@given(
    tokens=st.lists(
        st.text(st.characters(blacklist_characters=" "), min_size=1, max_size=6), max_size=30
    ),
    size=st.integers(min_value=1, max_value=8),
)
def test_shingles_are_the_hashes_of_each_window_of_words(tokens: list[str], size: int) -> None:
    # words (never holding a space) with lone surrogates ("\ud800") and any other code point
    # hash as their joined text
    assert shingle_set(_joined(tokens), size) == _plain_shingles(tokens, size)


@given(st.text())
def test_a_texts_words_and_their_join(text: str) -> None:
    tokens = words(text)
    assert duplicates_keys._words(text) == (len(tokens), _joined(tokens))
    assert all(" " not in token and token for token in tokens)


def test_shingles_of_a_seed_paragraph_are_its_five_word_windows() -> None:
    text = next(b.text for b in segment(SEED.read_text(encoding="utf-8")) if len(b.text) > 200)
    tokens = words(text)
    found = shingle_set(_joined(tokens), 5)
    assert found == _plain_shingles(tokens, 5)
    assert len(found) == len({tuple(tokens[i : i + 5]) for i in range(len(tokens) - 4)})


@settings(max_examples=200, deadline=None)
@given(
    sets=st.lists(
        st.frozensets(st.integers(min_value=0, max_value=2**64 - 1) | st.integers(0, 40)),
        min_size=1,
        max_size=12,
    ),
    threshold=st.sampled_from([0.5, 0.8, 0.9, 1.0]),
)
def test_the_prefix_is_the_first_shingles_by_count_then_value(sets, threshold) -> None:
    """The join's prefix: a block's shingles in the one order ``(count, shingle)``, as the key
    function gave it before, cut to ``n - ceil(t * n) + 1``."""
    import math
    from array import array

    packed = [array("Q", sorted(s)) for s in sets]
    total = sum(len(s) for s in packed)
    mask = (1 << max(10, total.bit_length())) - 1
    counts = array("I", bytes(4 * (mask + 1)))
    for shingles in packed:
        for s in shingles:
            counts[s & mask] += 1
    prefix = frequency(packed, threshold)
    for shingles in sets:
        ordered = sorted(shingles, key=lambda s: (counts[s & mask], s))
        expected = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        assert prefix(shingles) == expected
