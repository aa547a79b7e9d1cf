"""Shortcuts in the figure rules' judgement against the plain computations they replace (issue
13, speed only): the first-person pattern written to open with its letters, the words an
"also said" speech tag needs, and the table test's token counts made without the tokens."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import figures
from lint.text import attribution, cue_proposals, cue_scan, cues

_PIECES = st.sampled_from(
    [
        *["I ", "I'm", "I’ve", "I'", "I’", "I", "i ", "AI ", "_I ", "9I ", "éI a", "I\u00e9"],
        *["my", "My", "MY", "me", "Me", "myself", "Myself", "mine", "some", "time", "Tim"],
        *["am", "him", "I m", "I  a", "I\na", "I\u2019a", "Im", "IM", "m", "M", "y", "e"],
        *["also said", "ALSO SAID", "alſo said", "further noted", "Additionally told"],
        *[", he added.", ", the agency adds", "added that", "ADDS THAT", "add", "also"],
        *["\u0130", "\u0131", "\u212a", "\u017f", "\u03c2", "é", "ß"],
        *[" ", "  ", "\n", "\t", "\x1c", "-", ".", ",", ";", ":", "'", '"', "’", "a", "b", "s"],
    ]
)
_TEXT = st.one_of(st.lists(_PIECES, min_size=1, max_size=40).map("".join), st.text(max_size=80))
_FIRST_PERSON_PLAIN = re.compile(attribution.FIRST_PERSON_PLAIN)
_ALSO_PLAIN = re.compile(attribution._ALSO.pattern.pattern, attribution._ALSO.pattern.flags)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_first_person_matches_as_written(text: str) -> None:
    found = [m.span() for m in attribution._FIRST_PERSON.finditer(text)]
    assert found == [m.span() for m in _FIRST_PERSON_PLAIN.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_also_tag_needs_one_of_its_words(text: str) -> None:
    if not attribution._may_continue(text):
        assert _ALSO_PLAIN.search(text) is None


def test_the_samples_hold_matches() -> None:
    """The shortcuts are compared where they find something, not only where nothing is."""
    assert [m.span() for m in attribution._FIRST_PERSON.finditer("I said my me myself")] == [
        (0, 1),
        (7, 9),
        (10, 12),
        (13, 19),
    ]
    assert attribution._may_continue(", the agency added.")
    assert not attribution._may_continue("The agency said so.")


_CUE_WORDS = st.sampled_from(
    [
        *["said", "Said", "SAID", "says", "according to", "it has been reported", "sources"],
        *["a", "an", "is", "it", "by", "in", "at", "the", "toll", "puts", "put", "estimated"],
        *["an estimated", "reportedly", "told", "is expected", "are believed", "some say"],
        *["in a filing", "by its count", "data compiled by", "(source:", "(Sources:", "offer"],
        *["Reuters's", "Pew's", "S&P's", "U.S.'s", "'s", "’s", "'S", "list of", "on the list"],
        *["court heard", "the High Court", "poll by the", "respondents", "margin of error"],
        *["police have identified", "imposed by the", "ruled that", "one-half", "so-called"],
        *["He would impose a", "She wants to hire", "They estimate the", "we believe that"],
        *["a Pew survey found", "Its plan to spend", "the company's proposal to invest"],
        *["Smith claims 80", "It would cost", "xwould", "would_", "plans", "bid to buy"],
        *["has proposed to cut", "is planning to build", "report that", "study which found"],
        *["\u0130", "\u0131", "\u212a", "é", "ſ", "12", "1,234", "$5", "-"],
        *[" ", "  ", "\n", "\r", "\t", "\x1c", "_", ".", ",", ";", ":", "(", ")", '"', "'"],
    ]
)
_CUE_TEXT = st.one_of(
    st.lists(_CUE_WORDS, min_size=1, max_size=40).map(" ".join),
    st.lists(_CUE_WORDS, min_size=1, max_size=40).map("".join),
    st.text(max_size=80),
)
_CUES = figures.Options().cue_set


@settings(max_examples=500, deadline=None)
@given(_CUE_TEXT)
def test_cues_found_in_one_pass_as_one_by_one(text: str) -> None:
    assert _CUES.real is not None and _CUES.vague is not None
    together = cue_scan.cue_matches(text, _CUES.real, _CUES.vague)
    if together is None:
        assert not text.isascii()
        return
    real, vague, built, proposed = ([m.span() for m in found] for found in together)
    assert real == [m.span() for m in _CUES.real.finditer(text)]
    assert vague == [m.span() for m in _CUES.vague.finditer(text)]
    assert built == [m.span() for m in cues.constructions(text)]
    assert proposed == [m.span() for m in cue_proposals.proposals(text)]


def test_cues_found_in_one_pass_on_a_sample() -> None:
    """One text where each of the four finds something."""
    assert _CUES.real is not None and _CUES.vague is not None
    text = "Sales rose 5 pct, it is estimated, in a filing by Pew's survey, the bank said. He would"
    text += " impose a tax."
    together = cue_scan.cue_matches(text, _CUES.real, _CUES.vague)
    assert together is not None
    assert all(list(found) for found in together)
