"""Repeated figures: a number stated again after it was sourced keeps its source when it is the
same number of the same thing (FIGURES-POLICY.md, "A figure repeated later keeps its first class
unless it gets its own attribution")."""

from __future__ import annotations

import re

from lint.kinds.figures_exclude import figure_sentence
from lint.text.analysis import BlockText
from lint.text.attribution import ATTRIBUTED, QUOTED, Judged
from lint.text.numbers import Figure, FigureKind
from lint.text.tokens import wordlist

#: What two figures share to be one number repeated: its value, whether a percentage, its unit.
_Key = tuple[tuple[float, bool], str]
#: The sourced figures so far, with their blocks, by number.
Sourced = dict[_Key, list[tuple[BlockText, Figure]]]


def repeated(item: Judged, sourced: Sourced, block: BlockText) -> Judged:
    """A figure repeated after it was sourced keeps its source: the same number of the same
    thing, so its sentence shares a word with a sourced one's ("the $5bn deal" after "The
    deal is worth $5bn, it said"; not "$23 million in contributions" after a donor's "$23
    million")."""
    key = (item.figure.key, item.figure.unit)
    if item.attribution in (ATTRIBUTED, QUOTED):
        sourced.setdefault(key, []).append((block, item.figure))
    elif key in sourced:
        if item.figure.value >= 10:
            words = _words(block, item.figure)
            if any(words & _words(b, f) for b, f in sourced[key]):
                return Judged(item.figure, ATTRIBUTED, "")
        if _measured_against(block, item.figure, sourced[key]):
            return Judged(item.figure, ATTRIBUTED, "")
    return item


_RECORD = FigureKind.RECORD


def note_limits(block: BlockText, sourced: Sourced) -> None:
    """Add the limits, targets and other public record of ``block`` to ``sourced``: a later
    figure measured against one ("the ministry set a six pct target" ... "their ratios are well
    above six pct") repeats it (:func:`_measured_against`)."""
    for figure in block.figures:
        if figure.kind is _RECORD and figure.unit:
            sourced.setdefault((figure.key, figure.unit), []).append((block, figure))


#: A comparison with a level right before a figure ("well above", "just below", "short of").
_AGAINST = re.compile(
    r"\b(?:above|below|under|over|exceeds?|exceeded|exceeding|beyond|short\s+of|meet|meets"
    r"|reach|reaches)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _measured_against(
    block: BlockText, figure: Figure, earlier: list[tuple[BlockText, Figure]]
) -> bool:
    """A figure compared with a limit or target stated before it ("above six pct" after "a six
    pct target"): the limit again, no new claim."""
    if not any(f.kind is _RECORD for _, f in earlier):
        return False
    head = block.text[max(0, figure.extent.start - 20) : figure.extent.start]
    return _AGAINST.search(head) is not None


#: Content words: five letters or more, less the common ones and a figure's own words.
_WORD = re.compile(r"[^\W\d_]{5,}")
_COMMON = frozenset(
    wordlist(
        """about after against among around before being between could during earlier their there
        these those through under until which while would should where other since
        hundred thousand million billion trillion percent dollars pounds euros"""
    )
)


def _words(block: BlockText, figure: Figure) -> set[str]:
    """The content words of the sentence holding ``figure``."""
    sentence, _ = figure_sentence(block, figure)
    said = block.text[sentence.start : sentence.end].lower()
    return {w for w in _WORD.findall(said) if w not in _COMMON}
