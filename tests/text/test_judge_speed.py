"""Shortcuts in judging figures for attribution against the plain computations they replace
(issue 13, speed only): cue spans kept outside quotations without a span per dropped match, the
real cues sorted by a C key, sets with no place skipped, and the story's latest year read by a
loop in place of ``max`` over a generator."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint.core.document import BlockKind, Document, Span
from lint.kinds import figures, figures_exclude
from lint.kinds import figures_judge as judge_module
from lint.kinds.figures_exclude import skip_block
from lint.text import cue_spans
from lint.text.analysis import analysis
from lint.text.numbers import FigureKind
from lint.text.quotes import inside, quote_spans
from lint.text.segment import segment

_OPTIONS = figures.Options()
_CUES = _OPTIONS.cue_set
_NO_CONSTRUCTIONS = cue_spans.Cues(_CUES.real, _CUES.vague, constructions=False)

_WORDS = st.sampled_from(
    [
        *["said", "Said", "says", "according to", "it has been reported", "sources said"],
        *["the ministry said", "police said", "an estimated", "reportedly", "is estimated by"],
        *["is estimated", "by the embassy", "estimated", "told", "is expected", "some say"],
        *["in a filing", "by its count", "data compiled by", "(source:", "Reuters's", "’s"],
        *["He would impose a", "a Pew survey found", "Smith claims 80", "he added", "also said"],
        *["12", "1,234", "$5", "40 people", "1985", "2012", "in 1999", "\u0130", "é", "ſ"],
        *['"', "“", "”", "'", "‘", "’", " ", "  ", "\n", ".", ",", ":", "(", ")", "-", "a", "x"],
    ]
)
_TEXT = st.one_of(
    st.lists(_WORDS, min_size=1, max_size=40).map(" ".join),
    st.lists(_WORDS, min_size=1, max_size=40).map("".join),
    st.text(max_size=60),
)


def _spans_plain(matches: list[re.Match[str]], quotes: list[Span]) -> list[Span]:
    spans = (Span(m.start(), m.end()) for m in matches)
    return [s for s in spans if not inside(quotes, s)]


def _cue_spans_plain(
    text: str, quotes: list[Span], cues: cue_spans.Cues
) -> tuple[list[Span], list[Span]]:
    """``cue_spans._cue_spans`` as it was written before: ``inside`` on every span, whether or
    not there is a vague cue, and ``sorted`` on the spans."""
    together = None
    if cues.constructions and cues.real is not None and cues.vague is not None:
        together = cue_spans.cue_matches(text, cues.real, cues.vague)
    if together is not None:
        real_found, vague_found, built, proposed = together
        vague = _spans_plain(list(vague_found), quotes)
    else:
        vague = _spans_plain(list(cues.vague.finditer(text)) if cues.vague else [], quotes)
    named = [s for s in vague if cue_spans._BY_AGENT.match(text, s.end)]
    if named:
        vague = [s for s in vague if s not in named]
    if together is not None:
        real = [s for s in _spans_plain(list(real_found), quotes) if not inside(vague, s)]
    else:
        found_real = list(cues.real.finditer(text)) if cues.real else []
        real = [s for s in _spans_plain(found_real, quotes) if not inside(vague, s)]
    real += named
    if cues.constructions:
        found = _spans_plain(
            list(built if together is not None else cue_spans.constructions(text)), quotes
        )
        plans = _spans_plain(
            list(proposed if together is not None else cue_spans.proposals(text)), quotes
        )
        # a plan a vague cue right before reports is that source's claim, not the planner's
        # (asked of every paragraph here, where the code asks only with a vague cue)
        found += cue_spans._reported(text, plans, vague)
        real += [s for s in found if not inside(vague, s)]
    return sorted(real), vague


_QUOTES = st.lists(
    st.tuples(st.integers(0, 80), st.integers(0, 30)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=4,
).map(sorted)


@settings(max_examples=500, deadline=None)
@given(_TEXT, _QUOTES)
@example("a said b said c", [Span(2, 6)])
@example("said said", [])
def test_spans_outside_quotes_as_plain(text: str, quotes: list[Span]) -> None:
    matches = list(re.finditer(r"\w+|said", text))
    assert cue_spans._spans(iter(matches), quotes) == _spans_plain(matches, quotes)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
@example('Sales rose 5 pct, it is estimated, in a filing by Pew\'s survey, the bank said. "X"')
@example("An estimated 40 people died, police said, according to the ministry, he added.")
@example("It is estimated by the embassy that 12 died, sources said.")
def test_cue_spans_as_plain(text: str) -> None:
    for quotes in (quote_spans(text), []):
        for cues in (_CUES, _NO_CONSTRUCTIONS):
            assert cue_spans._cue_spans(text, quotes, cues) == _cue_spans_plain(text, quotes, cues)


def test_cue_spans_sort_and_vague_on_a_sample() -> None:
    """The samples hold what the shortcuts change: several real cues out of order (a
    construction before a phrase), a vague cue and a named agent."""
    text = 'In a filing, the bank said 5 pct, an estimated 3 were hurt, "quoted," police said.'
    real, vague = cue_spans._cue_spans(text, quote_spans(text), _CUES)
    assert len(real) >= 3 and vague
    assert (real, vague) == _cue_spans_plain(text, quote_spans(text), _CUES)
    text = "It is estimated by the embassy that 12 died, sources said."
    assert cue_spans._cue_spans(text, [], _CUES) == _cue_spans_plain(text, [], _CUES)


_PARAGRAPHS = st.lists(
    st.sampled_from(
        [
            "In 1985 the company said sales rose 12 pct.",
            "Profit was 12 mln dlrs in 2012, up from 1999.",
            "NET 1,234 VS 5,678 IN 1986",
            "Net 1,234 1,567 2,890 3,456 1987",
            "Police said 40 people were killed in 1970.",
            "Nothing here.",
            "It has 2,000 employees, against 1,800 in 2001.",
        ]
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPHS, st.lists(st.booleans(), min_size=8, max_size=8))
@example(["In 1985 the company said sales rose 12 pct.", "Profit was 12 mln dlrs in 2012."], [0, 1])
def test_latest_year_as_max(paragraphs: list[str], flags: list[bool]) -> None:
    text = "\n\n".join(paragraphs)
    document = Document("t.txt", text, segment(text))
    shared = analysis(document)
    blocks = [b for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    # the table test's answers, or any others: the loop reads the blocks they leave
    for skipped in ([skip_block(b.text, _OPTIONS) for b in blocks], flags[: len(blocks)]):
        skipped = [bool(s) for s in skipped]
        expected = max(
            (
                f.value
                for b, skip in zip(blocks, skipped, strict=True)
                if not skip
                for f in shared.block(b).figures
                if f.kind is FigureKind.YEAR
            ),
            default=0.0,
        )
        assert judge_module._latest_year(shared, blocks, skipped) == expected


_CELLS = st.lists(
    st.sampled_from(["nil", "NIL", "n.a.", "N.A", "na", "unch", "nc", "12", "1,234", "(5)"])
    | st.sampled_from(["Nil", "banana", "unchanged", "since", " ", "  ", "\n", ",", ".", "x"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CELLS)
@example("Mar n.a. Apr nil May unch Jun nc na")
def test_cells_counted_as_plain(text: str) -> None:
    runs = len(text.encode("ascii").translate(figures_exclude._DIGIT_RUNS).split())
    low = text.lower()
    plain = runs + sum(low.count(word) for word in figures_exclude._CELL_WORDS)
    assert figures_exclude._cells_at_most(text) == plain
    assert figures_exclude._cells_at_most(text, text.encode("ascii")) == plain
