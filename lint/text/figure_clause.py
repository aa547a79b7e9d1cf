"""The clause before a figure, where the words that decide its kind are read, and whether the
sentence up to a figure is a present-tense profile (the narrator's, whatever cue came before)."""

from __future__ import annotations

import re

from lint.text.gate_set import GateSet
from lint.text.lazy_re import lazy_re

#: The patterns searched in a figure's clause (:mod:`lint.text.figure_market`,
#: :mod:`lint.text.figure_record`), gated together: one scan of a clause for all of them.
CLAUSE_GATES = GateSet(plain_scans=32)  # built early: lint.text.lead_reader reads its words

#: A sentence's closing stop (with its closing quote or bracket) at the end of a text.
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")

#: A month's name, full or abbreviated.
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
#: A month as market reports abbreviate it too ("Mch", "Jly"), as a whole word; ``WIRE_MONTH_NAME``
#: is the same without the word's end (a shipment position's month: figure_futures).
WIRE_MONTH_NAME = rf"(?:{MONTH}|Mch|Apl|Jne|Jly)"
WIRE_MONTH = rf"{WIRE_MONTH_NAME}\b"


#: The last clause found, as (text, start, clause): a figure's market and record tests ask for
#: the same clause in turn (one tuple, replaced whole: safe to share between threads).
_last: tuple[str, int, str] = ("", -1, "")


def clause_before(text: str, start: int) -> str:
    """The clause leading up to ``start`` (back to the last stop, semicolon or blank line, at
    most 100 characters). A single line break is a wrapped line, as in wire copy, not a stop."""
    global _last
    last = _last
    if last[1] == start and last[0] is text:
        return last[2]
    head = text[max(0, start - 100) : start]
    blank = head.rfind("\n\n")
    cut = max(last_stop(head), head.rfind(";"), blank + 1 if blank >= 0 else -1)
    clause = head[cut + 1 :]
    _last = (text, start, clause)
    return clause


#: An initialism's last stop ("U.S. ", "U.K. "): not the end of a sentence.
_INITIALISM_END = lazy_re(r"(?:^|[\s(])(?:[A-Z]\.){2,}$")


def last_stop(head: str) -> int:
    """The offset of the last full stop before a space or line break that ends a sentence."""
    at = max(head.rfind(". "), head.rfind(".\n"))
    while at > 0 and _INITIALISM_END().search(head, 0, at + 1):
        at = max(head.rfind(". ", 0, at), head.rfind(".\n", 0, at))
    return at


#: A sentence in the present tense up to its figure ("HMP Wayland is a prison with over 1,000
#: inmates", "Uber is valued at about $68bn", "Welsh Water has 3,000 overflow pipes"): the
#: narrator's profile of a subject, not the reported speech of a source two sentences before
#: ("The ministry said the fighting had ended. ... 140 fighters were killed"; "... the cuts would
#: affect 2,000 jobs").
_PRESENT = re.compile(r"\b(?:is|are|has|have)\b")
_BACKSHIFT = re.compile(r"\b(?:would|will|had|could|might|may|should)\b")


#: An amount right before a passive or perfect present-tense verb is that verb's subject
#: ("Japan imports 12 mln tonnes a year, of which 5.3 mln tonnes are supplied by Saudi Arabia,
#: 3.3 mln under term contracts"): a breakdown of the amount, not a profile of a subject, so the
#: account it is part of still covers the figures after it. (A number and one to three words,
#: none a determiner or pronoun: "In 1985 the company is" is a profile; and only before a
#: participle: "Its 19 pct unemployment rate is one of the highest" is a profile.)
_PARTICIPLE = re.compile(
    r"\s+(?:been|[a-z]+ed|[a-z]+en|made|sold|held|paid|bought|built|kept|spent|sent|set|cut"
    r"|put|shipped)\b"
)
_AMOUNT_SUBJECT = re.compile(
    r"(?<![\w.,])\d(?:[\d.,]*\d)?"
    r"(?:\s+(?!(?:the|a|an|its|his|her|their|this|that|it|he|she|they|we)\b)[A-Za-z-]+){1,3}\s+$",
    re.IGNORECASE,
)


#: A present tense that is no profile: dated to a year ("Italy is the largest beneficiary in
#: 1987, getting 635 mln ECUs": the year's allocation, in the news present) or a perfect of an
#: undertaking ("Wells Fargo has agreed to syndicate up to 940 mln dlrs": an event).
_DATED = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,5}?(?:in|for|during)\s+(?:(?:19|20)\d\d|this year|next year)\b"
)
_UNDERTAKEN = re.compile(r"\s+(?:\w+ly\s+)?[a-z]+ed\s+to\s+[a-z]+\b")
#: ... or a change against a baseline ("This is up from 131,000 tonnes in 1986"): a comparison.
_CHANGED = re.compile(r"\s+(?:\w+\s+)?(?:up|down|higher|lower)\s+(?:from|than|on)\b")


def is_profile(text: str, start: int, end: int) -> bool:
    """Whether the sentence from ``start`` to a figure at ``end`` is a present-tense profile."""
    present = _PRESENT.search(text, start, end)
    if present is None or _BACKSHIFT.search(text, start, end):
        return False
    while present is not None:
        verb = present.group()
        dated = verb in ("is", "are") and (
            _DATED.match(text, present.end(), end) or _CHANGED.match(text, present.end(), end)
        )
        undertaken = verb in ("has", "have") and _UNDERTAKEN.match(text, present.end(), end)
        if dated or undertaken:
            present = _PRESENT.search(text, present.end(), end)
            continue
        if not (
            _PARTICIPLE.match(text, present.end())
            and _AMOUNT_SUBJECT.search(text, max(start, present.start() - 40), present.start())
        ):
            return True
        present = _PRESENT.search(text, present.end(), end)
    return False


#: A present-tense relative clause right after a figure's thing ("the 15,000 chips it makes",
#: "of the 2,000 people it employs", "300 stores that they operate"): the figure describes what
#: its subject has or does now, a profile, even in a sentence of an undertaking ("IBM has agreed
#: to share the designs for many of the 15,000 chips it makes").
_OWN_CLAUSE = re.compile(
    r"(?:\s+[a-z-]+){0,2}?\s+(?:that\s+|which\s+)?(?:it|they|he|she|we)\s+(?:now\s+)?"
    r"(?!was\b|has\b|is\b|does\b)[a-z]+s\b"
)


#: A definite description's determiner right before a figure ("the 15,000 chips", "its 300
#: stores"): the thing is given, not news ("agreed to sell 2.5 mln shares it holds" is a deal).
_DEFINITE = re.compile(r"\b(?:the|its|their)\s+(?:some\s+|about\s+)?$", re.IGNORECASE)


def profiled_after(text: str, start: int, end: int) -> bool:
    """Whether a figure at ``start``-``end`` is a definite description followed by a
    present-tense relative clause on its owner ("the 15,000 chips it makes"): a profile of that
    owner."""
    return (
        _OWN_CLAUSE.match(text, end) is not None
        and _DEFINITE.search(text, max(0, start - 20), start) is not None
    )
