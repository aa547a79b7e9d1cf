"""Figures of public record: statutes, terms, stakes, memberships, targets, thresholds and prize
money (FIGURES-POLICY.md, "no source needed"), read from the clause before a figure and the words
after it; the patterns of a rule (a statute's words) in :mod:`lint.text.figure_statute`."""

from __future__ import annotations

import re

from lint.text import figure_after as after
from lint.text.figure_clause import CLAUSE_GATES, clause_before
from lint.text.figure_statute import STATUTORY, bill_terms, may_hold_bill, required_after
from lint.text.lazy_re import lazy_re

#: A shareholding, on record in share registers and filings ("personally owned 24 mln shares").
_HOLDING_BEFORE = lazy_re(
    r"\b(?:owned|owns|own|holds|held|holding|controls|controlled|controlling)"
    r" (?:about |some |nearly |more than |a total of )?$"
)
_SHARES_AFTER = lazy_re(r"[^.;]{0,25}?\b(?:shares|stock)\b|\s*(?:pct|percent|per cent)\b")


#: A percentage of a named holding ("10 pct of Standard").
_PERCENT_OF = lazy_re(r"[\d.,]+\s*(?:pct|percent|per cent|%)\s+of\s+[A-Z]")
_WHITE = re.compile(r"\s+")
_NOT_OWNED = lazy_re(
    r"[^.;]{0,40}?\b(?:that|which)\s+(?:it|they|he|she|the\s+company|the\s+group)\s+"
    r"(?:does|do|did)\s+not\s+(?:already\s+)?own\b"
)
_STAKE_AFTER = lazy_re(
    r"\s*(?:[\w-]+\s+)?(?:stake|shareholding|holding)\b"
    # a part of a stake ("sold 13 pct of its stake in Shearson to Nippon Life")
    r"|\s*of\s+(?:its|his|her|their|the)\s+(?:[\w-]+\s+)?(?:stake|shareholding|holding)\b"
)
_UNSETTLED = lazy_re(
    r"\b(?:would|could|might|should|propos\w*|be given|offer\w*|seek\w*|sought|want\w*|plan\w*"
    r"|bid\w*|hopes?|expect\w*|consider\w*|estimated|reportedly)\b"
)
_STAKE_TO = lazy_re(
    r"\b(?:stake|holding|shareholding)\b[^.;]{0,60}?\b(?<!up )(?:to|from)\s+(?:about\s+|some\s+)?$"
    # the next part of a stake sold ("sold 13 pct of its stake in X to Y and a further")
    r"|\b(?:stake|holding|shareholding)\b[^.;]{0,80}?\band\s+(?:a\s+further|another"
    r"|an\s+additional)\s+$"
)
_POPULATION_BEFORE = lazy_re(
    r"(?:\bits|['’]s"
    # a bloc's or country's people as a market ("the 12 EC member countries, a market of 320 mln
    # people"): its population, which anyone can look up
    r"|\b(?:a|the|its|their)\s+(?:[\w-]+\s+)?market\s+of)"
    r"\s+(?:more\s+than\s+|nearly\s+|about\s+|some\s+|over\s+)?$"
)
_POPULATION_AFTER = lazy_re(r"\s*(?:billion|mln|million)?\s*(?:people|inhabitants|citizens)\b")
#: An amount a legislature voted ("the last instalment of 100 mln dlrs voted by Congress").
_VOTED_AFTER = lazy_re(
    r"\s*(?:[\w-]+\s+){0,3}?(?:voted|approved|appropriated|authori[sz]ed|allocated|earmarked)"
    r"\s+by\s+(?:the\s+)?(?:Congress|Parliament|House|Senate|Diet|Bundestag|lawmakers"
    r"|legislators|legislature|assembly)\b"
)
#: A bill's or budget's total named in the act that makes it law ("overrode President Reagan's
#: veto of an 88 billion dlr highway funding bill", "final passage of a 9.4 billion dlr money
#: bill", "The government adopted an 8,829 billion yen stop-gap budget", "voted to authorize a 25
#: billion dlr recapitalization"): the bill's own text, on record. Its effects ("a bill that would
#: cost") and a plan only proposed are not.
_ENACTED_BEFORE = lazy_re(
    r"\b(?:veto(?:ed|es)?\s+(?:of\s+)?|passage\s+of\s+|pass(?:ed|es)?\s+|overr(?:ode|ides?)\s+"
    r"|adopt(?:ed|s)?\s+|enact(?:ed|s)?\s+|sign(?:ed|s)?\s+(?:into\s+law\s+)?"
    r"|(?:voted|agreed)\s+to\s+(?:approve|authori[sz]e|pass|adopt|enact)\s+)"
    r"(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
#: What the act makes law, after the figure and its currency.
_ENACTED_AFTER = lazy_re(
    r"[^.;,()]{0,40}?\b(?:bill|budget|legislation|appropriations?|recapitali[sz]ation)\b",
    re.IGNORECASE,
)
#: A quota changed ("Japan decided to increase its beef import quota by"), not one only sought.
_QUOTA_CHANGE = lazy_re(
    r"\b(?:increased?|increasing|raised?|raising|cut|cutting|reduced?|reducing|lowered?"
    r"|lowering)\s+(?:its|the|their|this year's)\s+(?:[\w-]+\s+){0,3}quotas?\s+(?:by|to)\s+$"
)
_SET_TARGET = lazy_re(r"\bset\s+(?:a|an|its|the)\s+$")
#: A regulator's requirement named after its size ("to meet a five pct capital adequacy
#: requirement", "the 10 pct reserve requirement"): a rule anyone can look up. Not a company's
#: need ("its 300 mln dlr financing requirement").
_REQUIREMENT_AFTER = lazy_re(
    r"\s*(?:pct\s+|percent\s+|per\s+cent\s+|%\s*)?(?:[A-Za-z]+\s+)?(?:capital|reserves?|margin"
    r"|liquidity|solvency)(?:\s+adequacy)?\s+requirements?\b",
    re.IGNORECASE,
)
_TARGET_AFTER = lazy_re(r"\s*(?:[\w-]+\s+)?target\b")
_MEMBERS_BEFORE = lazy_re(r"(?:\b(?:the|its|their|all|of the)|['’]s) $")
_MEMBERS_AFTER = lazy_re(r"\s*(?:member(?:s|[- ](?:nations|states|countries|governments)))\b")


#: A rate: a number with a percent sign or word ("25 pct").
_RATE = re.compile(r"\d\s*(?:pct|percent|per\s+cent|%)", re.IGNORECASE)
_TAX_AFTER = lazy_re(
    r"\s*(?:pct|percent|per\s+cent|%)?\s+(?:(?!(?:in|of|on|for|from|to)\b)[\w-]+\s+){0,2}?"
    r"(?:tax|levy|duty|tariff|surcharge"
    r"|vat)\b(?!\s+(?:bill|revenues?|receipts|take|credits?|breaks?|cuts?|increases?|rises?"
    r"|payments?|liabilit\w+|charges?|benefits?|savings|refunds?|loss\w*|gains?))",
    re.IGNORECASE,
)
#: Who a rule applies to, by a threshold ("firms with sales over", "companies employing more than")
_THRESHOLD_HEAD = lazy_re(
    r"\b(?:with|employing|having|earning)\s+(?:\w+\s+){0,2}(?:over|above|more\s+than|at\s+least"
    r"|below|under|less\s+than)\s+$"
)
#: What such a rule says they must do.
_RULE_AFTER = lazy_re(
    r"[^.;]{0,40}?\b(?:(?:would|will|must)\s+have\s+to|must|(?:are|is|will\s+be|would\s+be)"
    r"\s+(?:required|obliged|eligible|exempt))\b"
)
#: A sentence opening with an accord's terms ("Under the accord, reached following U.S.
#: complaints about ..., the EC will import", "Under the five billion stg deal signed last
#: year,").
_TERMS_OPENING = lazy_re(
    # ("Under those regulations, banks have until 1990 to", "Under new rules, lenders must")
    r"\s*Under (?:the|those|these|this|that|its|their|such|new|existing|current)\s+"
    r"(?:[\w$£€.,-]+\s+){0,4}?(?:accord|agreement|deal|pact|treaty|rescheduling"
    r"|terms|contract|proposal|plan|package|compromise|scheme|bill|law|legislation|rules"
    r"|regulations|guidelines|directive|decree|statute)\b",
    re.IGNORECASE,
)
#: A sentence closing on the accord or proposal whose terms it states ("Top scale wages would
#: increase to 855 dlrs per week ... and 895 dlrs in the second year, under the NBC proposal."),
#: the mirror of ``_TERMS_OPENING``: the phrase must end the sentence, so "lost 5 mln dlrs under
#: the plan, the company said" or "under the plan it rejected last year" is not read as one.
_TERMS_CLOSING = lazy_re(
    r"(?:[^.;:]|\.\d){0,160}?,\s*under\s+(?:the|its|their|this|that)\s+(?:[\w'’&-]+\s+){0,3}?"
    r"(?:accord|agreement|deal|pact|treaty|terms|contract|proposals?|offer|plan|package"
    r"|compromise|settlement|bill|legislation)"
    r"(?:\s+(?:of|by|from)\s+(?:the\s+)?[\w'’&-]+(?:\s+[\w'’&-]+){0,2}?)?\s*[.;]",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z\"“])|\n\s*\n")


def _sentence_head(head: str) -> str:
    """The last sentence of ``head`` (the 300 characters before a figure)."""
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(head)]
    return head[ends[-1] :] if ends else head


#: The last clause made one-spaced, as (clause, result): ``clause_before`` gives the same string
#: again when asked for the same place, as the figure tests do one after another.
_last_spaced: tuple[str, str] = ("", "")


def one_spaced(clause: str) -> str:
    """``_WHITE.sub(" ", clause)`` (wire copy wraps lines anywhere: one space for any white
    space), without the substitution when the clause's only white space is single spaces and
    single line breaks: a clause with no two of them together and nothing unprintable (every
    other white space character is unprintable) is then the clause with each line break a
    space."""
    global _last_spaced
    last = _last_spaced
    if last[0] is clause:
        return last[1]
    spaced = clause.replace("\n", " ") if "\n" in clause else clause
    if "  " in spaced or not spaced.isprintable():
        spaced = _WHITE.sub(" ", clause)
    _last_spaced = (clause, spaced)
    return spaced


def is_statutory(text: str, start: int, end: int | None = None) -> bool:
    """A rule anyone can look up: "a minimum wage of $7.25", "requires at least 10 workers",
    "only 40 percent of members are required to be present"; a shareholding."""
    clause = one_spaced(clause_before(text, start))
    search = CLAUSE_GATES.scan(clause).search  # each pattern's search of the clause
    if search(STATUTORY.pattern) is not None:
        return True
    head = text[max(0, start - 300) : start]
    if "nder " in head and _TERMS_OPENING().match(_sentence_head(head)):
        return True  # an accord's terms, however long the clause after "Under the accord,"
    if may_hold_bill(head) and bill_terms(_sentence_head(head)):
        return True  # a bill's provisions, an act's items
    if end is None:
        return False
    if search(_HOLDING_BEFORE()) and (
        _SHARES_AFTER().match(text, end)
        or (_PERCENT_OF().match(text, start) and not search(_UNSETTLED()))
    ):
        return True  # "owned 24 mln shares", "Bell previously held 10 pct of Standard"
    if _PERCENT_OF().match(text, start) and _NOT_OWNED().match(text, end):
        return True  # the rest of a company beyond a holding ("the 45 pct of Standard that it
        # does not already own")
    # (each pattern matched at ``end`` is tried only when a word its matches hold occurs after
    # ``end``: lint.text.figure_after)
    staked = after.any_after(text, end, after.STAKE) and _STAKE_AFTER().match(text, end)
    if (staked or search(_STAKE_TO())) and not search(_UNSETTLED()):
        # a stake held, bought or sold ("Goldman last year sold a 12.5 pct stake to", "a
        # 25 pct stake in the small Liu Chong Hing Bank", "the increase of its stake in
        # Chekiang First Bank last year to"), not one only proposed or estimated
        return True
    if (
        after.any_after(text, end, after.POPULATION)
        and _POPULATION_AFTER().match(text, end)
        and search(_POPULATION_BEFORE())
    ):
        return True  # a country's population ("China ... its more than one billion people")
    if search(_SET_TARGET()) and _TARGET_AFTER().match(text, end):
        return True  # an official target ("the ministry set a six pct target")
    if after.any_after(text, end, after.REQUIREMENT) and _REQUIREMENT_AFTER().match(text, end):
        return True  # a regulator's requirement ("a five pct capital adequacy requirement")
    if (
        after.any_after(text, end, after.MEMBERS)
        and _MEMBERS_AFTER().match(text, end)
        and search(_MEMBERS_BEFORE())
    ):
        return True  # an organisation's membership ("the 22 member nations of the ITA")
    if search(_QUOTA_CHANGE()) and not search(_UNSETTLED()):
        return True  # a quota an authority changed
    if search(_THRESHOLD_HEAD()) and _RULE_AFTER().match(text, end):
        return True  # a rule's threshold ("canneries with sales over 1.24 mln intis would have to")
    if (
        after.any_after(text, end, after.TAX)
        and _TAX_AFTER().match(text, end)
        and _RATE.search(text, start, end + 12)
    ):
        return True  # a tax's rate ("the 25 pct withholding tax levied on investment income")
    if after.any_after(text, end, after.VOTED) and _VOTED_AFTER().match(text, end):
        return True  # an amount a legislature voted is on record
    if search(_ENACTED_BEFORE()) and _ENACTED_AFTER().match(text, end):
        return True  # a bill's total in the act that makes it law
    if after.any_after(text, end, after.UNDER) and _TERMS_CLOSING().match(text, end):
        return True  # a proposal's terms named after them ("..., under the NBC proposal.")
    return required_after(text, end) is not None


_THRESHOLD = lazy_re(
    r"\s*(?:or (?:less|more|fewer|under|over|above|below)|and (?:over|above|under|below))\b"
    # a limit named after its size ("The 750 mln peseta limit was set last March")
    r"|\s+(?:[A-Za-z]+\s+)?(?:limit|ceiling|cap|threshold|quota)\b",
    re.IGNORECASE,
)


_PRIZE_AFTER = lazy_re(r"\s*(?:each\s+)?(?:in\s+)?prize (?:money|fund|pot)\b", re.IGNORECASE)


#: What a competition's winners receive ("The winning teams will receive £4,000 each").
_WINNERS_GET = lazy_re(
    r"\b(?:winners?|winning \w+|champions?|runners?-up)\b[^.;]{0,60}?\b(?:receives?|get|gets"
    r"|takes? home|earns?|pockets?|will be paid)\s+(?:\w+\s+)?\S*$",
    re.IGNORECASE,
)


def is_prize(text: str, end: int) -> bool:
    """Prize money of a competition, which its rules publish ("£4,000 each in prize money",
    "The winning teams will receive £4,000 each")."""
    if _PRIZE_AFTER().match(text, end) is not None:
        return True
    return CLAUSE_GATES.scan(clause_before(text, end)).search(_WINNERS_GET()) is not None


def is_threshold(text: str, end: int) -> bool:
    """A definition by a threshold: "donors who give $200 or less", "aged 65 and over"; a
    limit named after its size ("the 750 mln peseta limit")."""
    return _THRESHOLD().match(text, end) is not None


CLAUSE_GATES.add(
    lambda: (
        STATUTORY.pattern,
        _HOLDING_BEFORE(),
        _UNSETTLED(),
        _STAKE_TO(),
        _SET_TARGET(),
        _QUOTA_CHANGE(),
        _THRESHOLD_HEAD(),
        _WINNERS_GET(),
        _ENACTED_BEFORE(),
    )
)
