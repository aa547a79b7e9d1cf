"""A club's name with the word a rewrite adds to the place the original calls it by.

Sports reports name a club by its town ("Swansea", "Burnley") and a rewrite often gives the
full name ("Swansea City", "Burnley FC"). The added word is one of a few generic :data:`SUFFIXES`
that name no new thing, so the name is the original's. Unless the original gives that place
another suffix: a rewrite's "Manchester City" is not the original's "Manchester United".
Distinctive words ("Hotspur", "Crystal" before "Palace") are not generic and stay reported.
Only in a sports report (:func:`sporting`): elsewhere "Mexico City" is not the original's "Mexico",
nor "Orange County" its "Orange".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: Words that follow a town's name to make a club's, and name nothing more
SUFFIXES = frozenset("city town united county rovers athletic albion wanderers fc afc".split())  # noqa: SIM905

_SUFFIXED = re.compile(r"\b([A-Z][\w’'-]*)\s+(?:" + "|".join(SUFFIXES) + r")\b", re.IGNORECASE)


#: Words of a sports report: the original must read as one for a suffix to name its club.
_SPORT = re.compile(
    r"\b(?:league|club|clubs|match|matches|goal|goals|striker|midfielder|defender|goalkeeper"
    r"|manager|fixture|fixtures|cup|squad|scored|season|derby|relegation|promotion|kick-off)\b",
    re.IGNORECASE,
)


def sporting(text: str) -> bool:
    """Whether ``text`` reads as a sports report (two of its words, or one twice)."""
    return len(_SPORT.findall(text, 0, 20_000)) >= 2


def suffixed(text: str, fold: Callable[[str], str]) -> frozenset[str]:
    """The folded words that ``text`` follows with a club suffix ("manchester" for its
    "Manchester United")."""
    return frozenset(fold(m.group(1)) for m in _SUFFIXED.finditer(text) if m.group(1)[0].isupper())


def added_suffix(
    words: Sequence[str], missing: Sequence[str], fold: Callable[[str], str], taken: frozenset[str]
) -> bool:
    """Whether the only word of the name ``words`` the original lacks is a club suffix added to
    a place the original names and gives no suffix of its own (``taken``: see :func:`suffixed`)."""
    if len(words) < 2 or list(missing) != [words[-1]]:
        return False
    return fold(words[-1]) in SUFFIXES and fold(words[-2]) not in taken
