"""Shortcuts in the attribution judgement (issue 13, speed only), each against the plain form
it replaces on generated paragraphs: a paragraph whose figures are all quoted is judged without
its cues, a paragraph's closing speech tag is looked for only among the cues of its last
sentence, and the figure rules' options hash once."""

from __future__ import annotations

import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.core.document import Span
from lint.kinds import figures, figures_judge
from lint.text import attribution, cue_spans, paragraph_frame
from lint.text.analysis import BlockText

OPTIONS = figures.Options()
CUES = OPTIONS.cue_set

_PIECES = st.sampled_from(
    [
        *["The ministry said", "he said.", "she added", ", the bank said on Friday.", "told"],
        *["Sources said", "reportedly", "is expected", "an estimated", "according to police"],
        *["40 people", "12 pct", "$5m", "2,000 cars", "300 homes", "1,400 civilians", "seven"],
        *['"', "“", "”", "'", ".", ",", ";", "—", " ", " ", " ", "\n", "100,000", "5,5"],
        *["were killed", "rose", "fell", "It", "The company", "in a statement", "Mr Smith"],
    ]
)
_PARAGRAPH = st.lists(_PIECES, min_size=1, max_size=25).map(" ".join)


class _Listed(list[Span]):
    """The quotation spans, which read as empty to the shortcut's first test only: the whole
    judgement runs as it did before the shortcut."""

    def __bool__(self) -> bool:
        return False


@settings(max_examples=500, deadline=None)
@given(_PARAGRAPH)
def test_a_paragraph_whose_figures_are_all_quoted_is_judged_as_in_full(text: str) -> None:
    block = BlockText(text)
    found = [f for f in block.claims if f.kind in figures.NEEDS_SOURCE]
    quotes = block.quotes
    for found_here in (found, [f for f in found if attribution.inside(quotes, f.span)]):
        expected = attribution.judge(text, block.sentences, _Listed(quotes), found_here, CUES)
        assert attribution.judge(text, block.sentences, quotes, found_here, CUES) == expected


def test_quoted_figures_alone_are_quoted() -> None:
    text = '"We sold 2,000 cars and 300 homes," the chief executive said.'
    block = BlockText(text)
    judged = attribution.judge(text, block.sentences, block.quotes, block.claims, CUES)
    assert [j.attribution for j in judged] == ["quoted", "quoted"]


_CLAUSE_BREAK = re.compile(r",(?!\d)|(?<!\d),|;|—")


def _ends_with_cue(text: str, sentences: list[Span], quotes: list[Span]) -> bool:
    """paragraph_frame.ends_with_cue as it was written before (the clause break read first)."""
    last = sentences[-1]
    body = text[last.start : last.end].rstrip(" .\"'”’)")
    comma = max((m.start() for m in _CLAUSE_BREAK.finditer(body)), default=-1)
    end = last.start + len(body)
    real, _ = cue_spans.cue_spans(text, quotes, CUES)
    for span in real:
        if not last.start <= span.start < last.end:
            continue
        if comma >= 0 and span.start > last.start + comma:
            return True
        if len(text[span.end : end].split()) <= 3:
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(_PARAGRAPH)
def test_a_closing_speech_tag_is_found_as_before(text: str) -> None:
    block = BlockText(text)
    expected = _ends_with_cue(text, block.sentences, block.quotes)
    assert paragraph_frame.ends_with_cue(text, block.sentences, block.quotes, CUES) == expected


def test_closing_speech_tags() -> None:
    for text, ends in [
        ("Sales rose 12 pct, the bank said on Friday.", True),
        ("The bank said sales rose 12 pct in the year to March.", False),
        ("Sales rose. The bank said so.", True),
        ("Nothing was said about the plans here.", False),
    ]:
        block = BlockText(text)
        assert paragraph_frame.ends_with_cue(text, block.sentences, block.quotes, CUES) is ends


def test_a_vague_agentless_cue_in_a_carried_paragraph_is_the_account_s() -> None:
    """A vague "is expected" is attributed in a paragraph continuing an account: the frame is
    asked for a paragraph with vague figures too, not only unattributed ones."""
    items = figures_judge.judge_text("Output is expected to rise 5 pct.", OPTIONS, True)
    assert [i.attribution for i in items] == ["attributed"]
    items = figures_judge.judge_text("Output is expected to rise 5 pct.", OPTIONS, False)
    assert [i.attribution for i in items] == ["vague"]


def test_the_options_hash_is_the_dataclass_hash_kept_out_of_pickles() -> None:
    options = figures.Options(window=2)
    fields = [getattr(options, name) for name in figures._COMPARED]
    assert hash(options) == hash(tuple(fields))
    assert hash(options) == hash(figures.Options(window=2))
    assert hash(options) != hash(OPTIONS)
    again = pickle.loads(pickle.dumps(options))
    assert "_hash" not in again.__dict__
    assert again == options and hash(again) == hash(options)
