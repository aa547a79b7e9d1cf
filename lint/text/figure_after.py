"""Whether a word occurs anywhere after a figure in its text: an exact gate for the patterns
:mod:`lint.text.figure_moves` and :mod:`lint.text.figure_record` match at a figure's end.

A pattern matched at ``end`` ("... from yesterday's close", "... 25 pct withholding tax",
"... 22 member nations") can only match when each of its matches holds one of a few words, and
any match lies in ``text[end:]``. So when none of those words starts at or after ``end`` the
pattern cannot match there, and the call into ``re`` is left out. Where the last occurrence of
each word in a text lies is found once per text (the figures of a block ask in turn, about the
same text); a figure then costs one comparison per gate instead of a match.

Words are looked for in the text as it is for a case-sensitive pattern, and in the text
lowered (:func:`lint.text.gated.lowered`) for a case-insensitive one: with ``re.IGNORECASE`` a
word of ASCII lowercase letters matches exactly where the lowered text holds it, unless the
text holds a character whose case folding in ``re`` differs from ``str.lower`` ("ſ", the
Kelvin sign...), and then :func:`lowered` gives None and every gate is open.
"""

from __future__ import annotations

import re
from typing import Any

from lint.text.gated import lowered

#: The last text asked about and where the last word of each group starts in it (None: the
#: lowered text cannot tell), as one tuple replaced whole (safe to share between threads).
_last: tuple[str, dict[int, int] | None] = ("", {})
#: The automaton of every group's words, built on first use: (word's length - 1, its groups).
_AUTOMATON: list[Any] = []


def _last_starts(text: str) -> dict[int, int] | None:
    """Where the last word of each group (by :data:`GROUPS` index; none: no entry) starts in
    ``text`` lowered, found in one pass of an automaton (C) over it; None when the lowered
    text cannot tell."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = lowered(text)
    starts: dict[int, int] | None = None
    if low is not None:
        if not _AUTOMATON:
            _AUTOMATON.append(_automaton())
        starts = {}
        for end, (back, groups) in _AUTOMATON[0].iter(low):
            start = end - back
            for group in groups:
                if starts.get(group, -1) < start:
                    starts[group] = start
    _last = (text, starts)
    return starts


def _automaton() -> Any:
    import ahocorasick

    by_word: dict[str, list[int]] = {}
    for index, words in enumerate(GROUPS):
        for word in words:
            by_word.setdefault(word, []).append(index)
    automaton = ahocorasick.Automaton()
    for word, groups in sorted(by_word.items()):
        automaton.add_word(word, (len(word) - 1, tuple(groups)))
    automaton.make_automaton()
    return automaton


def any_after(text: str, end: int, group: int) -> bool:
    """False only when none of the words of ``GROUPS[group]`` starts at or after ``end`` in
    ``text`` lowered: a pattern every match of which holds one of them, as written or (with
    ``re.IGNORECASE``) in any case, cannot match in ``text[end:]``. (A word written in capitals
    is one in the lowered text too: the gate of a case-sensitive pattern is only looser.)"""
    starts = _last_starts(text)
    return starts is None or starts.get(group, -1) >= end


# The words each pattern matched after a figure needs (its matches hold one of them):

#: ``AGAINST_YESTERDAY`` (figure_moves): "yesterday", "last night", "the previous day".
_AGAINST_YESTERDAY = ("yesterday", "night", "previous")
#: ``FROM_CLOSE`` (figure_moves): the close it is measured from ("close", "closing",
#: "kerb", "finish", "fix", "fixing", "settlement", "opening").
_FROM_CLOSE = ("clos", "kerb", "finish", "fix", "settlement", "opening")
#: ``_TAX_AFTER`` (figure_record): the tax named.
_TAX = ("tax", "levy", "duty", "tariff", "surcharge", "vat")
#: ``_VOTED_AFTER`` (figure_record, case-sensitive): the legislature's verb.
_VOTED = ("voted", "approved", "appropriated", "authori", "allocated", "earmarked")
#: ``_POPULATION_AFTER`` (figure_record, case-sensitive): who lives there.
_POPULATION = ("people", "inhabitants", "citizens")
#: ``_STAKE_AFTER`` (figure_record, case-sensitive): "stake", "shareholding", "holding".
_STAKE = ("stake", "holding")
#: ``_MEMBERS_AFTER`` (figure_record, case-sensitive).
_MEMBERS = ("member",)
#: ``required_after`` (figure_statute): what it looks for between the figure and the next stop.
_REQUIRED = ("required", "oblig", "permitted", "allowed", "approval", "permission", "licen")

#: ``_TERMS_CLOSING`` (figure_record): "under" the accord whose terms the sentence states.
_UNDER = ("under",)
#: ``_REQUIREMENT_AFTER`` (figure_record): a regulator's requirement named after its size.
_REQUIREMENT = ("requirement",)

#: The groups of words, and each group's index (what :func:`any_after` takes).
GROUPS = (
    _AGAINST_YESTERDAY,
    _FROM_CLOSE,
    _TAX,
    _VOTED,
    _POPULATION,
    _STAKE,
    _MEMBERS,
    _REQUIRED,
    _UNDER,
    _REQUIREMENT,
)
AGAINST_YESTERDAY = 0
FROM_CLOSE = 1
TAX = 2
VOTED = 3
POPULATION = 4
STAKE = 5
MEMBERS = 6
REQUIRED = 7
UNDER = 8
REQUIREMENT = 9


#: A month's abbreviation, case as written: every match of ``MONTH`` (case-sensitive) starts
#: with one, and so does each month the wire abbreviates its own way (``WIRE_MONTH_NAME``).
_MONTH_START = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mch|Apl|Jne|Jly")


def has_month(clause: str) -> bool:
    """Whether ``clause`` holds a month's abbreviation, case as written: a match of
    ``CONTRACT_MOVE`` or ``POSITION_AT`` (figure_futures, case-sensitive in their months)
    holds one."""
    return _MONTH_START.search(clause) is not None
