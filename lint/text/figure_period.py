"""An earlier period named as the counterpart of a period being reported: the baseline of a
comparison, not the reporter's history; and a year written short ("the Crash of '29").

A release giving a quarter's results, or an agency giving a month's statistics, states the same
measure for the same period a year before ("The company earned 64,000 dlrs in last year's first
quarter", "In the comparable quarter a year ago, it earned 8.5 mln dlrs", "In March last year the
jobless total stood at 2.45 mln"): that figure is part of the release, like the "vs" column of its
table. A bare "last year" ("Last year the airline cut 1,000 jobs") names no period and stays
background (:mod:`lint.kinds.figures_background`).
"""

from __future__ import annotations

import re

from lint.text.figure_clause import MONTH

#: A period right before the earlier-period words: "the fourth quarter last year", "in March last
#: year", "the comparable quarter a year ago", "at the same stage last year".
_PERIOD_BEFORE = re.compile(
    rf"\b(?:quarter|half|half-year|period|months|stage|{MONTH})(?:\s+of)?\s+$",
    re.IGNORECASE,
)
#: A period right after a possessive earlier year: "last year's first quarter", "the previous
#: year's comparable period", "last year's first half".
_PERIOD_AFTER = re.compile(
    r"['’]s\s+(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|final|comparable|same|fiscal)\s+)?"
    r"(?:quarter|half|period|nine months|six months|three months)\b",
    re.IGNORECASE,
)
#: "since" or "until" opening the period: a span, not a period's counterpart.
_SINCE = re.compile(r"\b(?:since|until|till)(?:\s+(?:the|early|late|mid-?))?\s+$", re.IGNORECASE)
#: How far back the period may start before the earlier-period words.
_REACH = 30


def same_period(text: str, earlier: re.Match[str]) -> bool:
    """Whether the earlier-period words ``earlier`` (a match in ``text``: "last year", "a year
    ago", "last year's") name a period's counterpart: a quarter, half, month or stage of the year
    before, not the year itself."""
    start, end = earlier.span()
    before = _PERIOD_BEFORE.search(text, max(0, start - _REACH), start)
    if before is not None:
        # ("since January last year" is a span up to now, a tally's, not a counterpart)
        return _SINCE.search(text, max(0, before.start() - 12), before.start()) is None
    # ("last year's" may be matched as "last year", its possessive after it)
    possessive = end - 2 if earlier.group().endswith(("'s", "’s")) else end
    return _PERIOD_AFTER.match(text, possessive) is not None


#: A year written with its century cut off ("the Crash of '29", "since '85, when ...", "the class
#: of ’79"): an apostrophe at a word's start, two digits, then no digit, unit or counted word (a
#: quotation opening with a count, "'29 were hurt,' he said", reads "'29" and then a verb).
_SHORT_YEAR_AFTER = re.compile(
    r"(?![\d%/-]|[.,]\d)(?:\s*(?:[,;:)!?]|\.(?!\d)|$)"
    r"|\s+(?:and|or|but|when|while|as|to|with|in|on|at|for|after|before|until|[A-Z]\w*)\b)"
)


def is_short_year(text: str, start: int, end: int) -> bool:
    """Whether the two digits at ``start``-``end`` are a year written short ("'29", "’87")."""
    return (
        end - start == 2
        and start >= 1
        and text[start - 1] in "'’"
        and (start == 1 or not text[start - 2].isalnum())
        and _SHORT_YEAR_AFTER.match(text, end) is not None
    )
