"""Shortcuts in the record figure tests (issue 13, speed only): each must give what the plain
computation gives. The clause made one-spaced without the substitution when its only white space
is single spaces and line breaks."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import figure_record as record

_PIECES = st.sampled_from(
    [
        *["The", "minimum", "wage", "of", "requires", "at least", "é", "ſ", "x"],
        *[" ", "  ", "\n", "\n ", " \n", "\r\n", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x85"],
        *["\xa0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u3000", "\u200b"],
        *["\x00", "\x7f", ".", ";", "-"],
    ]
)
_CLAUSE = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_CLAUSE)
def test_one_spaced_is_the_substitution(clause: str) -> None:
    assert record.one_spaced(clause) == re.sub(r"\s+", " ", clause)
    # asked again for the same string (the memo), and for an equal copy
    assert record.one_spaced(clause) == re.sub(r"\s+", " ", clause)
    assert record.one_spaced("".join(list(clause))) == re.sub(r"\s+", " ", clause)


def test_every_white_space_but_the_space_is_unprintable() -> None:
    # what the shortcut relies on: ``re``'s ``\s`` (str.isspace) is, but for " ", unprintable
    white = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if white.match(char) is not None:
            assert char == " " or not char.isprintable(), hex(code)


def test_one_spaced_examples() -> None:
    for clause in ["", " ", "\n", "a\nb", "a \nb", "a\n\nb", "a\tb", "a\xa0b", "a b", "a  b"]:
        assert record.one_spaced(clause) == re.sub(r"\s+", " ", clause), repr(clause)
