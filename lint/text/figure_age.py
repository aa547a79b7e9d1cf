"""A number that is a person's age by the words around it (part of
:mod:`lint.text.figure_context`): "Tom Young, 30,", "who is 70", "people under 30", "men at 65"."""

from __future__ import annotations

import re

from lint.text.figure_context import HEAD_GATES
from lint.text.lazy_re import lazy_re

#: An age in its context: people "at" an age ("men at 65 can expect"), and a number right after
#: an age in the same clause ("at age 65, and 0.2 years at 75, 85 and 95").
_AGE_CONTEXT = lazy_re(
    r"\b(?:men|women|guys|gals|people|males|females|boys|girls|adults|pensioners|children"
    r"|those|someone|anyone)\s+(?:at|over|under)\s+$"
    r"|\bage\s+\d{1,3}\b(?:[^.;]|\.\d){0,40}?(?:\bat\s+|,\s+(?:and\s+)?)$",
    re.IGNORECASE,
)


def age_context(head: str, value: float) -> bool:
    """Whether a plain number below 120 is an age by the words before it (see _AGE_CONTEXT)."""
    return value < 120 and HEAD_GATES.scan(head).search(_AGE_CONTEXT()) is not None


_AGE_COMMAS = lazy_re(
    r"(?:[A-Z][\w'’.-]+|\b(?:player|striker|midfielder|defender|forward|winger|goalkeeper"
    r"|captain|batsman|bowler|rider|driver|jockey|boxer|star|actor|actress|singer|man|woman"
    r"|boy|girl|mother|father|son|daughter|wife|husband|teenager|victim|pupil|student|officer"
    r"|soldier|veteran|chef|author|director|presenter))"
    r",\s(?:now\s|then\s|aged\s)?$"
)

_APPOSITION_END = lazy_re(r"[,)]|\s?[―—–]\s")


#: A person's age as a clause's complement ("Donald Trump, who is 70."), and an age group
#: ("people under 30", "voters over 65").
_AGE_IS = lazy_re(r"\b(?:who|he|she) (?:is|was|turns|turned|will turn|will be) $", re.IGNORECASE)
_AGE_END = lazy_re(r"\s*(?:[.,;)]|$)")
_AGE_GROUP = lazy_re(
    r"\b(?:people|those|adults|voters|children|kids|men|women|workers|students|anyone|patients"
    r"|residents|Americans|Britons|drivers|users|everyone|aged)"
    r" (?:under|over|above|below|younger than|older than|aged) $",
    re.IGNORECASE,
)


def is_age_apposition(text: str, start: int, end: int, value: float) -> bool:
    """ "Tom Young, 30, lay down ...": a small number between commas (or a comma and a dash)
    right after a name; "Donald Trump, who is 70."; "people under 30"."""
    if value >= 120:
        return False
    head = text[max(0, start - 40) : start]
    search = HEAD_GATES.scan(head).search
    if search(_AGE_GROUP()):
        return True
    if search(_AGE_IS()) and _AGE_END().match(text, end):
        return True
    if _APPOSITION_END().match(text, end) is None:
        return False
    return _AGE_COMMAS().search(text, max(0, start - 40), start) is not None


HEAD_GATES.add(lambda: (_AGE_CONTEXT(), _AGE_GROUP(), _AGE_IS()))
