"""Highlight segmentation: flat segments from overlapping spans."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from lint.html.spans import Segment, segments


def test_overlapping_spans_split_at_every_boundary():
    assert segments(6, [(0, 4), (2, 6)]) == [
        Segment(0, 2, (0,)),
        Segment(2, 4, (0, 1)),
        Segment(4, 6, (1,)),
    ]


def test_nested_spans_and_unmarked_text():
    assert segments(10, [(1, 9), (3, 5)]) == [
        Segment(0, 1, ()),
        Segment(1, 3, (0,)),
        Segment(3, 5, (0, 1)),
        Segment(5, 9, (0,)),
        Segment(9, 10, ()),
    ]


def test_empty_span_is_an_empty_segment_at_its_offset():
    assert segments(4, [(2, 2), (0, 4)]) == [
        Segment(0, 2, (1,)),
        Segment(2, 2, (0,)),
        Segment(2, 4, (1,)),
    ]


def test_spans_outside_the_text_are_clipped():
    assert segments(3, [(-2, 1), (2, 9)]) == [
        Segment(0, 1, (0,)),
        Segment(1, 2, ()),
        Segment(2, 3, (1,)),
    ]


@st.composite
def marked_texts(draw):
    text = draw(st.text(min_size=0, max_size=60))
    offsets = st.integers(min_value=0, max_value=len(text))
    pairs = draw(st.lists(st.tuples(offsets, offsets), max_size=12))
    return text, [(min(a, b), max(a, b)) for a, b in pairs]


@given(marked_texts())
def test_segments_give_the_text_back_and_each_span_exactly(case):
    text, spans = case
    cuts = segments(len(text), spans)
    assert "".join(text[s.start : s.end] for s in cuts) == text
    assert all(a.end == b.start for a, b in pairwise(cuts))
    assert all(list(s.marks) == sorted(set(s.marks)) for s in cuts)
    for index, (start, end) in enumerate(spans):
        covering = [s for s in cuts if index in s.marks]
        assert "".join(text[s.start : s.end] for s in covering) == text[start:end]
        assert covering, "every span, even an empty one, has a segment"
        assert covering[0].start == start
        assert covering[-1].end == end
        assert all(a.end == b.start for a, b in pairwise(covering))
