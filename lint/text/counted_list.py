"""A small count that the names listed right after it spell out.

"England have two games left, against Scotland and Spain" and "a three-way race between Nuttall,
Evans and Rees-Evans" state a number the list beside it proves: a rewrite that counts the names
its original lists has added no figure. The list must follow the count within its clause, after
a word or mark that opens a list ("between", "against", "including", a comma, a colon, a dash or
a bracket), and be made of capitalised names joined by commas and a last "and" or "or".
"""

from __future__ import annotations

import re

#: one capitalised name of one or more words ("Suzanne Evans", "Rees-Evans", "Bank of England")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|the|van|von|al)\s+)?[A-Z][\w'’.-]*)*"

#: what may stand between the count and its list: a few words of the thing counted ("upcoming
#: games", "-way race"), then what opens the list
_LIST = re.compile(
    r"[\w'’-]*(?:[ \t]+[a-z][\w'’-]*){0,4}?"
    r"(?:\s*,\s*(?:(?:between|against|including|namely|featuring)\s+)?"
    r"|\s*:\s*|\s+[-–—]\s+|\s*\(\s*|\s+(?:between|against|including|namely|featuring)\s+)"
    rf"(?P<first>{_NAME})(?P<more>(?:\s*,\s*{_NAME})*),?\s+(?:and|or|&)\s+{_NAME}"
    r"(?=\s*(?:[.,;:)!?]|$))"
)

#: the smallest and largest count a list is read for
_FEWEST, _MOST = 2, 12


def lists_count(text: str, end: int, value: float) -> bool:
    """Whether the names listed right after a count ending at ``end`` number ``value``."""
    if value != int(value) or not _FEWEST <= value <= _MOST:
        return False
    m = _LIST.match(text, end)
    if m is None:
        return False
    return 2 + m["more"].count(",") == value
