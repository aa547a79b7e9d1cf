"""The frame a paragraph takes from the one before it, read only for paragraphs with figures to
judge (issue 13, speed only): the same judgements as reading every paragraph's frame in turn, as
:func:`lint.kinds.figures_judge.judge_blocks` did before."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint.core.document import BlockKind, Document
from lint.kinds import figures, figures_carry
from lint.kinds import figures_judge as judge_module
from lint.kinds.figures_background import about_earlier
from lint.text.analysis import BlockText, analysis
from lint.text.paragraph_frame import ends_with_cue, has_cue, introduces_quote
from lint.text.segment import segment

OPTIONS = figures.Options()
NO_CARRY = figures.Options(carry_over=False)


class _EagerFrames(figures_carry.Frames):
    """Every paragraph's frame read as it is added, from the one before (the loop before), with
    the period of the account it continues (``past``: an account of an earlier period carries
    into paragraphs on that period)."""

    def add(self, before: BlockText | None, here: BlockText) -> None:
        super().add(before, here)
        carrying = bool(self.known[-2]) if len(self.known) > 1 else False
        carried = quoted = False
        past = self.past_year_story
        if before is not None:
            carried, quoted, own = _frame(before, self.options, carrying)
            if own:  # its own account: of an earlier period when it is about one
                past = self.past_year_story or about_earlier(before.text)
            elif carried:  # passed on: the account's period is the one it continues
                past = self.past[-2]
            carried = carried and not self._background(here.text, past)
        self.known[-1] = carried
        self.past[-1] = past
        self.eager_quoted = quoted

    def carried(self) -> bool:
        return bool(self.known[-1])

    def quoted(self) -> bool:
        return self.eager_quoted


def _frame(before: BlockText, options: figures.Options, carrying: bool) -> tuple[bool, bool, bool]:
    """The frame as it was read for every paragraph: (continues an account, block quote, the
    account is the one ``before`` ends with)."""
    if introduces_quote(before.text):
        return False, True, False
    if not options.carry_over:
        return False, False, False
    cues = options.cue_set
    if ends_with_cue(before.text, before.sentences, before.quotes, cues):
        return True, False, True
    return carrying and not has_cue(before.text, before.quotes, cues), False, False


_SENTENCES = st.sampled_from(
    [
        *["The ministry said on Friday.", "The minister said:", "He said.", "Sources said so."],
        *["Police said 40 people were killed.", "Sales rose 12 pct, the company said."],
        *["Prices fell 5 pct.", "About 300 homes were damaged.", "It has 2,000 employees."],
        *["Profit was 12 mln dlrs last year.", "Previously it made 5 mln dlrs.", "Nothing more."],
        *['"We sold 2,000 cars."', "It is estimated that 900 people left.", "They added."],
        *["Reports suggest 40 pct of voters agree.", "Shr 1.20 dlrs vs 1.10 dlrs", "Note:"],
        *["The company also said sales rose.", "It employs 300 people.", "In 1985 it lost 3 mln."],
        *["The ministry gave its report, the minister said."] * 3,
        *["Nothing here.", "No more.", "Previously it did so.", "Years ago it was."] * 3,
    ]
)
_PARAGRAPH = st.lists(_SENTENCES, min_size=1, max_size=3).map(" ".join)
_BLOCK = st.one_of(_PARAGRAPH, st.sampled_from(["FLOODS HIT VALLEY", "Results", "- a list item"]))
_DOCUMENT = st.lists(_BLOCK, min_size=1, max_size=12).map("\n\n".join)


def _judged(text: str, options: figures.Options) -> list[tuple[int, tuple[int, int], str, str]]:
    document = Document("t.txt", text, segment(text))
    blocks = document.blocks_of(frozenset({BlockKind.PARAGRAPH}))
    shared = analysis(document)
    paragraphs = shared.paragraphs(blocks)
    return [
        (block.index, (j.figure.span.start, j.figure.span.end), j.attribution, j.cue)
        for block, j in judge_module.judge_blocks(shared, paragraphs, options)
    ]


@pytest.mark.parametrize("options", [OPTIONS, NO_CARRY], ids=["carry_over", "no_carry_over"])
@settings(max_examples=300, deadline=None)
@given(text=_DOCUMENT)
def test_the_frame_read_when_asked_is_the_frame_read_in_turn(
    text: str, options: figures.Options
) -> None:
    lazy = _judged(text, options)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(judge_module, "Frames", _EagerFrames)
        eager = _judged(text, options)
    assert lazy == eager


_TAGGED = "Nothing more.\n\nThe ministry gave its report, the minister said.\n\nNothing here.\n\n"


@pytest.mark.parametrize("options", [OPTIONS, NO_CARRY], ids=["carry_over", "no_carry_over"])
@settings(max_examples=300, deadline=None)
@example(text=_TAGGED + "Prices fell 5 pct.", asked=[False, False, False, True] * 3)
@example(text=_TAGGED + "Years ago it was.", asked=[False, False, False, True] * 3)
# an account of last year carried into a paragraph on last year (``past``), asked or not
@example(
    text="Profit was 12 mln dlrs last year. The ministry said on Friday.\n\n"
    "Profit was 12 mln dlrs last year.",
    asked=[False, True, False] * 4,
)
@given(text=_DOCUMENT, asked=st.lists(st.booleans(), min_size=12, max_size=12))
def test_each_paragraph_s_frame_asked_or_not_is_the_frame_read_in_turn(
    text: str, asked: list[bool], options: figures.Options
) -> None:
    """Asked for some paragraphs only (those with figures to judge), in any pattern, each
    answer is the one read in turn from the first paragraph."""
    document = Document("t.txt", text, segment(text))
    shared = analysis(document)
    paragraphs = shared.paragraphs(document.blocks_of(frozenset({BlockKind.PARAGRAPH})))
    eager, lazy = _EagerFrames(options, False), figures_carry.Frames(options, True)
    eager.past_year_story = lazy.past_year_story = bool(asked[-1])
    previous = None
    for at, block in enumerate(paragraphs):
        adjacent = previous is not None and previous.index == block.index - 1
        before = shared.block(previous) if adjacent and previous is not None else None
        eager.add(before, shared.block(block))
        lazy.add(before, shared.block(block))
        if asked[at % len(asked)]:
            assert (lazy.carried(), lazy.quoted()) == (eager.carried(), eager.quoted())
        previous = block


@pytest.mark.parametrize(
    ("last", "attribution"),
    [
        ("Prices fell 5 pct.", "attributed"),  # carried through a paragraph with no cue
        ("Profit was 12 mln dlrs last year.", "unattributed"),  # background: not carried
    ],
)
def test_a_frame_carried_through_a_paragraph_without_figures(last: str, attribution: str) -> None:
    """The account the second paragraph's tag ends with is carried through a paragraph with no
    figure and no cue to the figures after it, unless they are background."""
    assert [j[2] for j in _judged(_TAGGED + last + "\n", OPTIONS)] == [attribution]
