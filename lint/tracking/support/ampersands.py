"""Ampersand acronyms ("A&E", "M&S", "AT&T") between a rewrite and its original.

The name finder (:func:`lint.text.mentions.names`) splits a run of capitalised words at "and"
and "&", and reads the letters of "A&E" as one-letter names, so neither "Accident and
Emergency" nor "A&E" is one name to check against an acronym of the other. These helpers find
the names that, taken together, are such an acronym, for :mod:`lint.tracking.support.names`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from lint.text.mentions import Name

#: An ampersand acronym: "A&E", "M&S", "AT&T".
AMPERSAND = re.compile(r"(?<![\w&])[A-Z]{1,3}&[A-Z]{1,3}(?![\w&])")
#: What may join two runs that an ampersand acronym takes together.
_JOINS = frozenset({"and", "&"})


def acronyms(text: str) -> set[str]:
    """The folded letters of each ampersand acronym in ``text`` ("A&E" -> "ae")."""
    if "&" not in text:
        return set()
    return {m.group().replace("&", "").casefold() for m in AMPERSAND.finditer(text)}


def joined(
    text: str, found: Sequence[Name], initials: Callable[[str], str], known: Collection[str]
) -> set[int]:
    """Indexes of the names that pair up, across an "and" or "&", into one of the ``known``
    acronyms ("Accident" and "Emergency" for "ae")."""
    paired: set[int] = set()
    if not known:
        return paired
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        if text[first.span.end : second.span.start].strip() not in _JOINS:
            continue
        if initials(first.text) + initials(second.text) in known:
            paired |= {index, index + 1}
    return paired


def letters_of(text: str, found: Sequence[Name], supported: Callable[[str], bool]) -> set[int]:
    """Indexes of the names that are letters of an ampersand acronym of ``text`` whose folded
    letters are ``supported`` (the "E" of "A&E")."""
    if "&" not in text:
        return set()
    spans = [
        m.span()
        for m in AMPERSAND.finditer(text)
        if supported(m.group().replace("&", "").casefold())
    ]
    return {
        index
        for index, name in enumerate(found)
        if any(start <= name.span.start and name.span.end <= end for start, end in spans)
    }
