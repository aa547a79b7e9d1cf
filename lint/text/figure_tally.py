"""Two numbers as one result (part of :mod:`lint.text.figure_context`): a vote's tally ("voted
64 to 32", "passed 19-15"), public record, and a sport's score ("won 3-1")."""

from __future__ import annotations

import re

from lint.text.figure_context import FigureKind
from lint.text.lazy_re import lazy_re

_SPORT_BEFORE = lazy_re(
    r"\b(?:won|win|wins|beat|beats|beating|lost|lose|loses|losing|drew|draw|defeat|defeated"
    r"|victory|score|scored|scoreline|lead|led|trail|trailed|trailing|thrashed|edged|match"
    r"|game|set|sets|final|semi-final|tie|routed|hammered|held|against)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_SPORT_AFTER = lazy_re(
    r"\s*(?:\w+\s+){0,3}(?:win|victory|defeat|loss|draw|lead|on aggregate|home win|away win"
    r"|triumph|thrashing|scoreline)\b",
    re.IGNORECASE,
)
_VOTE_BEFORE = lazy_re(
    r"\b(?:(?:voted?|votes|voting|ballots?|margin|passed|approved|rejected|confirmed|split)\b"
    r"[^.;]{0,30}"
    # a veto's vote ("overrode Reagan's veto of an 88 billion dlr highway bill, 67-33")
    r"|veto(?:ed|es)?\b[^.;]{0,55})$",
    re.IGNORECASE,
)


#: A vote's tally written with "to" ("The Senate voted 64 to 32 to override", "The vote was 71 to
#: 27", "a favorable vote of 65 to 15"): either number, right after the vote (a range after "from"
#: or "rose" is no tally).
_VOTE_TO_BEFORE = lazy_re(
    r"\b(?:voted|(?:vote|ballot|tally|margin)\s+(?:was|of|is)"
    r"|(?:approved|passed|rejected|confirmed)\s+(?:it\s+)?by)\s+(?P<first>[\d,]+\s+to\s+)?$",
    re.IGNORECASE,
)
_TO_NUMBER = lazy_re(r"\s+to\s+\d")


def vote_tally(text: str, start: int, end: int) -> bool:
    """Whether the plain number at ``start:end`` is one side of a vote's tally ("voted 64 to
    32"): public record."""
    vote = _VOTE_TO_BEFORE().search(text, max(0, start - 50), start)
    return vote is not None and (vote["first"] is not None or bool(_TO_NUMBER().match(text, end)))


def tally_kind(text: str, start: int, end: int) -> FigureKind | None:
    """ "19-15" after a vote word is public record; after a sport word, a score."""
    head = text[max(0, start - 60) : start]
    if _VOTE_BEFORE().search(head):
        return FigureKind.RECORD
    return FigureKind.SCORE if is_score(text, start, end) else None


def is_score(text: str, start: int, end: int) -> bool:
    """A result written "3-1": a sport word before it or a result word after it."""
    head = text[max(0, start - 60) : start]
    return bool(_SPORT_BEFORE().search(head) or _SPORT_AFTER().match(text, end))
