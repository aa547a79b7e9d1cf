"""The ``density`` kind: narrator-voice lexicon matches per 1,000 words over a document."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.core.document import Block, BlockKind, Document, Span
from lint.kinds import density
from lint.kinds.options import OptionError, build_options

LEXICON = {"melodrama": ["harrowing", "heart-wrenching"], "cliche": ["a stark reminder"]}
FILLER = "The council met on Monday and approved the plan for the harbour road."  # 13 words


def options(**raw):
    return build_options(density.Options, {"lexicon": LEXICON, "threshold": 5, **raw})


def document(*paragraphs):
    """A document of a headline and paragraphs, one per line, with real offsets."""
    lines = ["Storm hits town", *paragraphs]
    text = "\n".join(lines) + "\n"
    blocks, start = [], 0
    for index, line in enumerate(lines):
        kind = BlockKind.HEADLINE if index == 0 else BlockKind.PARAGRAPH
        blocks.append(Block(kind, index, Span(start, start + len(line)), line))
        start += len(line) + 1
    return Document("case.txt", text, tuple(blocks))


def check(doc, **raw):
    return list(density.check(doc, doc.blocks, options(**raw)))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("The council met.", 3),
        ("It's a well-known U.S. firm with 1,400 staff.", 8),
        ("Prices rose 3.5% -- and fell again!", 6),
        ("Dalaal's son, aged 25", 4),
        ("مشهد مَرُوعٌ في الوادي", 4),
    ],
)
def test_count_words(text, words):
    assert density.count_words(text) == words


def test_dense_document_gives_one_hit_on_the_first_block():
    doc = document(
        "It was a harrowing night, a stark reminder of the storm.",  # 11 words, 2 matches
        *[FILLER] * 11,  # 143 words
        "Heart-wrenching scenes followed. Harrowing ones too.",  # 6 words, 2 matches
    )
    (hit,) = check(doc)
    assert hit.span == doc.blocks[0].span
    # 3 + 11 + 143 + 6 = 163 words, 4 matches: 24.5 per 1,000
    assert hit.values == {"density": "24.5", "count": 4, "words": 163, "threshold": "5"}
    assert hit.data == {
        "density": 24.54,
        "count": 4,
        "words": 163,
        "threshold": 5,
        "per_words": 1000,
        "top_phrases": {"harrowing": 2, "a stark reminder": 1, "heart-wrenching": 1},
    }


def test_at_or_below_threshold_is_clean():
    doc = document("A harrowing night.", *[FILLER] * 15)  # 3 + 3 + 195 = 201 words, 1 match
    assert check(doc) == []  # 4.98 per 1,000
    assert len(check(doc, threshold=4.9)) == 1
    assert check(doc, threshold=4.975124378109452) == []  # exactly at the threshold


def test_per_words_changes_the_unit():
    doc = document("A harrowing night.", *[FILLER] * 15)
    (hit,) = check(doc, per_words=100, threshold=0.4)
    assert hit.values["density"] == "0.5"


def test_short_documents_are_not_judged():
    doc = document("Harrowing. Harrowing. A stark reminder.")  # 9 words
    assert check(doc) == []
    assert check(doc, min_words=5)[0].values["count"] == 3


def test_fewer_matches_than_min_count_are_no_cluster_however_dense():
    doc = document("A harrowing night, a stark reminder.", *[FILLER] * 11)  # 155 words, 2 matches
    assert check(doc)[0].values["count"] == 2  # 12.9 per 1,000
    assert check(doc, min_count=3) == []
    doc = document("A harrowing night, a stark reminder. Harrowing.", *[FILLER] * 11)
    assert check(doc, min_count=3)[0].values["count"] == 3


def test_quotations_are_not_counted():
    doc = document('"It was harrowing, a stark reminder," she said.', *[FILLER] * 12)
    assert check(doc, threshold=0) == []


def test_only_given_blocks_are_counted():
    doc = document("Harrowing, harrowing, harrowing.", *[FILLER] * 12)
    assert len(check(doc)) == 1
    paragraphs = doc.blocks[2:]
    assert list(density.check(doc, paragraphs, options())) == []
    assert list(density.check(doc, (), options())) == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"threshold": -1}, "threshold must be zero or more"),
        ({"per_words": 0}, "per_words must be positive"),
        ({"min_words": -5}, "min_words must be zero or more"),
        ({"min_count": 0}, "min_count must be at least 1"),
        ({"lexicon": {"c": ["x!"]}}, "entry 'x!' must end with"),
        ({"unknown": 1}, "unknown option 'unknown'"),
    ],
)
def test_invalid_options(raw, message):
    with pytest.raises(OptionError, match=message):
        options(**raw)


def test_threshold_is_required():
    with pytest.raises(OptionError, match="threshold"):
        build_options(density.Options, {"lexicon": LEXICON})


@given(
    st.lists(st.text(alphabet=st.sampled_from(list('harowing stk-"\u201c\u201d.\n'))), max_size=8)
)
def test_any_document_gives_at_most_one_hit_inside_the_text(paragraphs):
    doc = document(*(p.replace("\n", " ") for p in paragraphs))
    hits = check(doc, min_words=0, threshold=0)
    assert len(hits) <= 1
    for hit in hits:
        assert 0 <= hit.span.start <= hit.span.end <= len(doc.text)
