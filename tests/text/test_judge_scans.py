"""Shortcuts in the figure rules' judgement against the plain computations they replace (issue
13, speed only): the first-person pattern written to open with its letters, the words an
"also said" speech tag needs, and the table test's token counts made without the tokens."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import attribution

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
