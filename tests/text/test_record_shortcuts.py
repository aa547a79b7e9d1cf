"""Shortcuts in the record figure tests (issue 13, speed only): each must give what the plain
computation gives. The clause made one-spaced without the substitution when its only white space
is single spaces and line breaks; the rule stated after a figure looked for only when a word it
needs occurs before the next stop."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import figure_record as record
from lint.text import figure_statute as statute

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


_AFTER_PIECES = st.sampled_from(
    [
        *["are", "is", "be", "were", "was", "Are", "IS", "typically", "legally", "to", "not"],
        *["required", "REQUIRED", "obliged", "obligated", "permitted", "Allowed", "allowed"],
        *["need", "needs", "Needs", "approval", "permission", "a licence", "a license", "a"],
        *["permiſſion", "requİred", "approvaL", "licenſe", "\u0131s", "workers", "40"],
        *[" ", "  ", "\n", "\t", ".", ";", ":", ",", "-", "é"],
        *[" are required to", ", were allowed to", " needs approval", " need a licence."],
        *[" needs permission;", " is not permitted to:", " are obliged to,"],
    ]
)
_AFTER_TEXT = st.lists(_AFTER_PIECES, max_size=24).map("".join)


def _spans_or_none(found: re.Match[str] | None) -> tuple[int, int] | None:
    return None if found is None else found.span()


@settings(max_examples=1000, deadline=None)
@given(_AFTER_TEXT)
def test_required_after_is_the_pattern_s_match(text: str) -> None:
    pattern = statute._REQUIRED_AFTER()
    for end in range(len(text) + 2):
        expected = _spans_or_none(pattern.match(text, end))
        assert _spans_or_none(statute.required_after(text, end)) == expected, end


def test_required_after_examples() -> None:
    pattern = statute._REQUIRED_AFTER()
    for text in [
        "40 percent of members are typically required to be present.",
        "10 workers; are required to",
        "5 units needs planning permission",
        "5 units needs a licence: yes",
        "5 units NEEDS A LICENSE",
        "3 firms were obliged\nto pay",
        "3 firms. were obliged to pay",
        "the 2 were allowed to",
        "5 units needs approval.",
        "5 units need permission;",
        "10 workers, are required to",
        "10 workers, are required to.",
        # folded by re's IGNORECASE but not by str.lower: matched as they are
        "5 units needs permiſſion",
        "3 firms are requıred to",
        "3 firms are requİred to",
        "3 firms are REQUİRED to",
    ]:
        for end in range(len(text) + 1):
            expected = _spans_or_none(pattern.match(text, end))
            assert _spans_or_none(statute.required_after(text, end)) == expected, (text, end)
        assert any(statute.required_after(text, end) for end in range(len(text))) == any(
            pattern.match(text, end) for end in range(len(text))
        )
