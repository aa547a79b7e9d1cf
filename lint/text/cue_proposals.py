"""Plans, claims and reports with their subject named (part of the cue search,
:mod:`lint.text.cues`): "she would impose a 4 percent surcharge", "Smith estimates", "a
Commerce Department report". Each pattern is searched only where its hint's words occur."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.text.gate_set import GateSet
from lint.text.tokens import flat

#: A person's plan ("she would impose a 4 percent surcharge", "Clinton wants to sign up 5
#: million people"): the proposer is the source of the plan's terms. Case-sensitive: the word
#: before the verb is a name or "he"/"she", not "It would cost" (see :func:`proposals`).
_PROPOSAL = re.compile(
    r"\b([A-Z][\w'’.-]*|[Ss]he|[Hh]e|[Tt]he (?:company|firm|group|bank)) (?:would|wants to"
    r"|plans to|planned to|is planning to|proposes to|has proposed to"
    r"|proposed to|pledged to|promised to|vowed to|intends to) (?:\w+ ){0,2}?(?:impose|install"
    r"|levy|raise|cut|spend|create|sign up|provide|offer|give|hire|build|invest|lend|set|reduce"
    r"|double|triple|pay|expand|extend|borrow|sell|buy|issue|repurchase|acquire|redeem)\b"
)
# The hints gate the patterns (a superset of where they can match): no "\b" first, so re skips to
# a possible first letter in C instead of trying every position.
_PROPOSAL_HINT = re.compile(
    r"(?:would|wants|plans|planned|planning|propose[sd]?|pledged|promised|vowed|intends) "
)
_NOT_PROPOSERS = frozenset(
    ("It", "This", "That", "These", "Those", "There", "Which", "What", "Such", "Each", "Both")
) | {"All", "Any", "Some", "The", "A", "An", "Its", "Their", "His", "Her", "Our", "Your", "My"}


#: A speaker's claim, estimate or request with its subject right before it ("General Foods
#: claims 80 pct", "They estimate the economy shrank", "the 1.7 billion dlrs he had proposed").
#: The bare words are nouns too ("insurance claims of"), so a subject (a capitalised word or a
#: pronoun or "the union") and what a verb takes after it (a clause, an object, a number) are
#: required.
_SPEAKS = re.compile(
    r"\b([A-Z][\w.-]*|[Ss]he|[Hh]e|[Tt]hey|[Ww]e|(?:[Tt]he|[Ii]ts|[Tt]heir) [a-z]+)"
    r"\s+(?:(?:also|now|still|had|has|have|last\s+night|yesterday|today|on\s+\w+day)\s+)?"
    r"(?:claims?|estimate|reckons?|calculate|believes?|proposed|requested|recommended"
    r"|concluded|ruled)(?=\s+(?:that|to|an?|the|this|these|its|their|his|her|some|about|around|nearly"
    r"|almost|more|over|up|\d|(?:cutting|raising|increasing|reducing|lowering|spending|adding)\b))"
)
_SPEAKS_HINT = re.compile(
    r"(?:claims?|estimate|reckons?|calculate|believes?|proposed|requested|recommended"
    r"|concluded|ruled)\s"
)


#: A report named by its publisher right before it ("a New York Times report that Donald
#: Trump had a net loss of more than $915 million", "a Pew survey found").
_NAMED_REPORT = re.compile(
    r"\b([A-Z][\w.&'’-]*) (?:report|study|survey|poll|analysis|investigation|audit|review)"
    r"(?= (?:that|which found|which showed|showing|showed|shows|found|finds)\b)"
)
_NAMED_REPORT_HINT = re.compile(
    r"(?:report|study|survey|poll|analysis|investigation|audit|review)"
    r" (?:that|which|showing|showed|shows|found|finds)\b"
)
_NOT_PUBLISHERS = _NOT_PROPOSERS | {"One", "Another", "New", "Recent", "Latest", "Separate"}
#: A plan or proposal as a noun with its owner ("the company's proposal to invest about 400 mln
#: pesos", "its plan to spend"): the owner's own figures.
_PLAN_NOUN = re.compile(
    r"\b([A-Z][\w.&-]*|[Tt]he (?:company|firm|group|bank|government|ministry)|[Ii]ts|[Tt]heir"
    r"|[Hh]is|[Hh]er)(?:['’]s?)? (?:proposal|plan|offer|pledge|commitment|bid) to"
    r" (?:\w+ ){0,2}?(?:invest|spend|raise|buy|build|create|hire|cut|pay|borrow|lend|sell|acquire"
    r"|issue|generate|provide|give)\b"
)
_PLAN_NOUN_HINT = re.compile(r"(?:proposal|plan|offer|pledge|commitment|bid) to ")
_NOT_PLANNERS = _NOT_PROPOSERS - {"Its", "Their", "His", "Her"}
#: A plan or proposal a body deliberates on ("Yesterday, they discussed plans to cut cereals
#: prices by 2.5 pct", "Congress is considering a proposal to spend some 500 mln dlrs"): a
#: proposal before a body is published, and its terms are the proposer's, not the narrator's.
_DEBATED_PLAN = re.compile(
    r"\b(discuss(?:es|ed|ing)?|consider(?:s|ed|ing)?|debat(?:e|es|ed|ing)|oppos(?:e|es|ed|ing)"
    r"|reject(?:s|ed|ing)?|approv(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|endors(?:e|es|ed|ing)"
    r"|resist(?:s|ed|ing)?|vot(?:e|es|ed|ing) on)"
    r"(?: (?:the|a|an|these|those|its|their))?(?: [a-z-]+)?? (?:plans?|proposals?) to"
    r" (?:\w+ ){0,2}?(?:cut|raise|reduce|lower|increase|impose|levy|spend|invest|freeze|limit"
    r"|set|borrow|lend|pay|build|create|buy|sell)\b"
)
_DEBATED_PLAN_HINT = re.compile(r"(?:plans?|proposals?) to ")


#: The hints, gated together by their leading words (:mod:`lint.text.gate_set`): one automaton
#: pass over a paragraph instead of four scans by ``re``, which finds no literal prefix to skip to.
_HINT_GATES = GateSet()
_HINT_GATES.add(
    lambda: (
        _PROPOSAL_HINT,
        _SPEAKS_HINT,
        _NAMED_REPORT_HINT,
        _PLAN_NOUN_HINT,
        _DEBATED_PLAN_HINT,
    )
)


#: The words one of which each of ``_PROPOSAL``, ``_SPEAKS``, ``_NAMED_REPORT``, ``_PLAN_NOUN``
#: and ``_DEBATED_PLAN`` (in that order) holds as a whole word, with white space or another
#: character that is no letter, digit or underscore on either side (its hint's words, as
#: ``proposals_at`` looks for them: :mod:`lint.text.cue_scan`)
PROPOSAL_WORDS: tuple[tuple[str, ...], ...] = (
    (
        *("would", "wants", "plans", "planned", "planning", "propose", "proposes", "proposed"),
        *("pledged", "promised", "vowed", "intends"),
    ),
    (
        *("claim", "claims", "estimate", "reckon", "reckons", "calculate", "believe", "believes"),
        *("proposed", "requested", "recommended", "concluded", "ruled"),
    ),
    ("report", "study", "survey", "poll", "analysis", "investigation", "audit", "review"),
    ("proposal", "plan", "offer", "pledge", "commitment", "bid"),
    ("proposal", "proposals", "plan", "plans"),
)
_PROPOSAL_PATTERNS = (
    (_PROPOSAL, _PROPOSAL_HINT, _NOT_PROPOSERS),
    (_SPEAKS, _SPEAKS_HINT, _NOT_PROPOSERS),
    (_NAMED_REPORT, _NAMED_REPORT_HINT, _NOT_PUBLISHERS),
    (_PLAN_NOUN, _PLAN_NOUN_HINT, _NOT_PLANNERS),
    (_DEBATED_PLAN, _DEBATED_PLAN_HINT, _NOT_PLANNERS),
)


def proposals(text: str) -> Iterator[re.Match[str]]:
    """The plans of a named person or of "he"/"she" in ``text`` (see ``_PROPOSAL``), the
    claims, estimates and requests of a named or pronoun subject (see ``_SPEAKS``) and reports
    named by their publisher (see ``_NAMED_REPORT``), in :func:`flat` text."""
    text = flat(text)
    search = _HINT_GATES.scan(text).search  # the four hints' words found in one pass
    for pattern, hint, not_named in _PROPOSAL_PATTERNS:
        if search(hint) is None:
            continue
        for match in pattern.finditer(text):
            if match.group(1) not in not_named:
                yield match


def proposals_at(text: str, which: int) -> Iterator[re.Match[str]]:
    """:func:`proposals`, searching only the patterns in the bit mask ``which`` (bit i: the
    i-th of ``PROPOSAL_WORDS``): those one of whose words occurs as a whole word. Every match
    of each pattern holds one of its words so (in each, the word stands between white space,
    or white space and the name before it), so the others find nothing."""
    if not which:
        return
    text = flat(text)
    for index, (pattern, _, not_named) in enumerate(_PROPOSAL_PATTERNS):
        if not which >> index & 1:
            continue
        for match in pattern.finditer(text):
            if match.group(1) not in not_named:
                yield match
