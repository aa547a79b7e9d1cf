"""How far a clause-bound vague cue reaches inside its sentence (lint.text.vague_reach)."""

from __future__ import annotations

import pytest

from lint.core.document import Span
from lint.text.vague_reach import reaches


def _reaches(sentence: str, cue: str, figure: str) -> bool:
    at = sentence.index(cue)
    start = sentence.index(figure)
    return reaches(sentence, 0, Span(at, at + len(cue)), Span(start, start + len(figure)))


@pytest.mark.parametrize(
    ("sentence", "cue", "figure", "expected"),
    [
        # the figure heading the passive's subject, and what follows in its clause
        ("Some 2,000 tonnes of fuel is expected to leak.", "is expected", "2,000", True),
        ("The deficit is expected to total 28 billion dlrs.", "is expected", "28 billion", True),
        ("About 300 people are believed to have died.", "are believed", "300", True),
        # inside an infinitive modifying the subject
        (
            "The effort to pump 2,000 tonnes out is expected to last a week.",
            "is expected",
            "2,000",
            False,
        ),
        # the object of a coordinated predicate
        (
            "The mill will make 240,000 tonnes and is expected to open in 1991.",
            "is expected",
            "240,000",
            False,
        ),
        # a clause after "while", a relative clause
        (
            "Costs rose 5 pct, while sales are expected to rise 9 pct.",
            "are expected",
            "5 pct",
            False,
        ),
        (
            "Sales are expected to rise 9 pct, while costs rose 5 pct.",
            "are expected",
            "5 pct",
            False,
        ),
        (
            "Steers that weigh 700 lbs and are estimated to grade well.",
            "are estimated",
            "700 lbs",
            False,
        ),
        # "an estimated": the quantity right after it, and those coordinated with it
        ("It caused an estimated 40 mln dlrs in losses.", "an estimated", "40 mln", True),
        ("A total cost of an estimated total cost of 5 mln dlrs.", "an estimated", "5 mln", True),
        (
            "They check an estimated 120 mln cattle and 4 billion chickens.",
            "an estimated",
            "4 billion",
            True,
        ),
        (
            "A bank with 12 billion dlrs and an estimated 900 mln in bad loans.",
            "an estimated",
            "12 billion",
            False,
        ),
        (
            "It caused an estimated 40 mln dlrs in losses and flattened 300 barns.",
            "an estimated",
            "300",
            False,
        ),
        (
            "A surplus of an estimated 1.8 billion, 16 pct below 1985.",
            "an estimated",
            "16 pct",
            False,
        ),
        # a sentence frame reaches every figure of its sentence
        (
            "Exports rose 5 pct and imports fell 2 pct, trade sources said.",
            "sources said",
            "5 pct",
            True,
        ),
    ],
)
def test_reaches(sentence: str, cue: str, figure: str, expected: bool) -> None:
    assert _reaches(sentence, cue, figure) is expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # a fronted concessive clause is not what the study found
        (
            "Though the plan would cost $4 trillion, one study found it would tax 8 million.",
            "$4",
            False,
        ),
        ("Although 300 jobs went, one study found output rose.", "300", False),
        # what follows the frame is its content
        (
            "Though the plan would cost $4 trillion, one study found it would tax 8 million.",
            "8",
            True,
        ),
        # a frame at the end still reaches back over a comma when nothing is fronted
        ("The plan would cost $4 trillion, one study found.", "$4", True),
    ],
)
def test_a_sentence_frame_does_not_reach_back_over_a_fronted_clause(sentence, figure, expected):
    assert _reaches(sentence, "one study found", figure) is expected
