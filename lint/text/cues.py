"""Finding cue phrases fast: literal phrase lists (a rule's ``cues`` and ``vague_cues``) and the
constructions no list of phrases covers ("puts the toll at", "by its count", "in a filing", "data
compiled by", a named court). Each is searched only where a match can start (an Aho-Corasick pass
over first words), and finds exactly what the whole pattern's ``finditer`` finds.
:mod:`lint.text.attribution` decides what the cues found mean for a figure."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from lint.text.gate_set import GateSet
from lint.text.gated import lowered
from lint.text.phrase_starts import edged_automaton, edged_places, literal_start
from lint.text.tokens import flat

CONSTRUCTIONS = re.compile(
    r"\b(?:puts?|putting|pegs?|pegged|sees|saw|places?|placed)\b[^.;:]{1,60}?\bat\b"
    r"|\bby (?:its|their|his|her|our|one|some|an?|the \w+(?:'s|’s)|\w+(?:'s|’s)) (?:own )?"
    r"(?:\w+ )?(?:counts?|tally|tallies|estimates?|calculations?|reckoning|figures|measures?)\b"
    r"|\b(?:data|figures|statistics|numbers) (?:compiled|collected|published|released|gathered"
    r"|provided|issued) by\b"
    r"|\bin (?:a|an|its|their|his|her|the) (?:\w+ ){0,2}(?:statement|filing|report|study|survey"
    r"|poll|census|release|letter|submission|analysis|update|briefing|prospectus|results)\b"
    r"|\((?:source|sources|data|figures):"
    # a court the sentence names (a capitalised "Court") is the source of what it heard and
    # decided, and so is a judge, jury or coroner that decided it
    r"|\b(?:at|in|before|by|told) (?:the )?[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,3}"
    r" (?:Court|Tribunal|Inquest)\b|\b(?:court|jury|inquest|tribunal) (?:heard|was told)\b"
    r"|\b(?:judge|jury|magistrates?|tribunal|court|coroner)\s+(?:\w+\s+)?"
    r"(?:ruled|found|ordered|awarded|determined|decided|heard|sentenced|fined|concluded)\b"
    r"|\b(?:poll|survey|study|report|census|analysis|audit|review|estimates?|projections?"
    r"|forecasts?|data|figures|statistics)\s+(?:\w+\s+)?(?:by|from|of|for|conducted by"
    r"|commissioned by|released by|published by|issued by)\s+(?:the\s+)?[A-Z]"
    r"|\b(?:polled|surveyed|interviewed|questioned) by\b"
    r"|\b[A-Z][\w&.-]*(?:'s|’s) (?:\w+ )?(?:figures|data|statistics|estimates?|survey|poll"
    r"|report|study|forecasts?|projections?|count|tally|calculations?)\b"
    # a speaker's claim as a noun ("Stumpf's repeated emphasis that only 1 percent ...")
    r"|\b[A-Z][\w&.-]*(?:'s|’s) (?:\w+ )?(?:claims?|assertions?|insistence|emphasis|contention"
    r"|admission|argument) that\b"
    r"|\b(?:poll|survey|study|census|audit|analysis|research|report|review|index)\b[^.;:]{0,60}?"
    r"\b(?:found|finds|showed|shows|show|suggests|suggested|indicates|indicated|revealed"
    r"|reveals|estimated|estimates|concluded|put|puts|says|said|reported|published)\b"
    # a poll's own terms ("a margin of error of 4 points", "600 respondents")
    r"|\bmargin of (?:sampling )?error\b|\brespondents\b"
    # a lawsuit's or charge's terms are court record ("a lawsuit on behalf of up to 1.6 million
    # women", "charged with funneling more than $10,000")
    r"|\b(?:lawsuits?|suits?|class actions?|complaints?|trials?)\b[^.;:]{0,40}?\b(?:on behalf of"
    r"|involving|covering|representing|seeking)\b"
    r"|\b(?:charged with|pleaded guilty to|convicted of|indicted (?:on|for)|accused in court"
    r"|(?:stand|stood) accused of)\b"
    # an offer's terms are the offerer's ("offered Democrats a deal: ...", "The offer would")
    r"|\boffered (?:\w+ ){0,3}?(?:a|an|the|his|her|their|its) (?:new )?(?:deal|compromise"
    r"|package|offer)\b|(?<=\bthe )offer would\b"
    # a finding stated with its clause ("the Commission ruled unanimously Monday that")
    r"|\b(?:ruled|concluded|determined|decided)\s+(?:\w+\s+){0,3}?that\b"
    # a named body as the agent ("a $100 million penalty imposed by the Consumer Financial
    # Protection Bureau")
    r"|\b(?:imposed|issued|levied|ordered|awarded|approved|released|published|set) by"
    r" (?:the )?(?-i:[A-Z])"
    # an official body's own act is its record ("The police have identified 283 suspects", "The
    # Commission last Thursday granted rebates for 15,000 tonnes", "The government has named
    # 198 firms"); arrests and detentions are left out: their counts still want a source
    r"|\b(?:police|government|council|commission|ministry|department|agency|authority"
    r"|authorities|regulator|watchdog)\s+(?:has\s+|have\s+|had\s+)?(?:(?:last|on|this)\s+\w+\s+)?"
    r"(?:granted|identified|named|fined|allocated|awarded|seized|listed|earmarked)\b"
    # a published list is the source of what is on it ("The list of 198 firms owed ...")
    # (not a ranking in a figure of speech: "top the list of mega-donors")
    r"|(?<!top the )(?<!tops the )(?<!topped the )(?<!head the )(?<!heads the )"
    r"(?<!headed the )(?<!lead the )(?<!leads the )(?<!led the )"
    r"\blist (?:of|published|released|include[sd]?|names|named|shows?|showed)\b"
    r"|(?<=\bon the )list\b",
    re.IGNORECASE,
)
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


#: The hints, gated together by their leading words (:mod:`lint.text.gate_set`): one automaton
#: pass over a paragraph instead of four scans by ``re``, which finds no literal prefix to skip to.
_HINT_GATES = GateSet()
_HINT_GATES.add(lambda: (_PROPOSAL_HINT, _SPEAKS_HINT, _NAMED_REPORT_HINT, _PLAN_NOUN_HINT))


def proposals(text: str) -> Iterator[re.Match[str]]:
    """The plans of a named person or of "he"/"she" in ``text`` (see ``_PROPOSAL``), the
    claims, estimates and requests of a named or pronoun subject (see ``_SPEAKS``) and reports
    named by their publisher (see ``_NAMED_REPORT``), in :func:`flat` text."""
    text = flat(text)
    search = _HINT_GATES.scan(text).search  # the four hints' words found in one pass
    for pattern, hint, not_named in (
        (_PROPOSAL, _PROPOSAL_HINT, _NOT_PROPOSERS),
        (_SPEAKS, _SPEAKS_HINT, _NOT_PROPOSERS),
        (_NAMED_REPORT, _NAMED_REPORT_HINT, _NOT_PUBLISHERS),
        (_PLAN_NOUN, _PLAN_NOUN_HINT, _NOT_PLANNERS),
    ):
        if search(hint) is None:
            continue
        for match in pattern.finditer(text):
            if match.group(1) not in not_named:
                yield match


#: Where a construction can start (lowercase): the first word of each alternative of
#: ``CONSTRUCTIONS`` (or a prefix of it), and the possessive ending of "Reuters's figures"
_CONSTRUCTION_STARTS = (
    *("put", "peg", "sees", "saw", "place", "by", "in", "(", "data", "figures", "statistics"),
    *("numbers", "poll", "survey", "study", "report", "census", "analysis", "audit", "review"),
    *("estimate", "projection", "forecast", "interviewed", "questioned", "research", "index"),
    *("at", "before", "told", "judge", "jury", "magistrate", "tribunal", "court", "coroner"),
    *("inquest", "margin", "respondents", "imposed", "issued", "levied", "ordered", "awarded"),
    *("approved", "released", "published", "set", "list", "ruled", "concluded", "determined"),
    *("decided", "offer", "lawsuit", "suit", "class action", "complaint", "charged"),
    *("pleaded", "convicted", "indicted", "accused", "trial", "stand", "stood", "police"),
    *("government", "council", "commission", "ministry", "department", "agency", "authorit"),
    *("regulator", "watchdog"),
)
_POSSESSIVES = ("'s", "’s")


def _construction_starts(text: str) -> list[int] | None:
    """Every place a ``CONSTRUCTIONS`` match can start, in order (a superset: the pattern
    decides), or None when lowering the text would not keep offsets or case-insensitive matches.
    An alternative starts at one of its first words; the possessive one ("\\b[A-Z][\\w&.-]*'s")
    anywhere in the run of word characters, ``&``, ``.`` and ``-`` before an "'s".

    Every alternative but "(" and the possessive starts at a word edge (``\\b`` or a lookbehind
    for "the "), so in an ASCII text its first words are looked for only there
    (:func:`lint.text.phrase_starts.edged_places`): "in" inside "since" never comes back."""
    starts: set[int] = set()
    if text.isascii() and (edged := _edged(_CONSTRUCTION_WORDS)) is not None:
        starts.update(edged_places(text, edged))
        at = text.find("(")
        while at >= 0:
            starts.add(at)
            at = text.find("(", at + 1)
        at = text.find("'s")
        while at >= 0:
            _possessive(text, at, starts)
            at = text.find("'s", at + 1)
        return sorted(starts)
    low = lowered(text)
    if low is None:
        return None
    for at, (length, possessive) in _automaton_of(_CONSTRUCTION_STARTS, _POSSESSIVES).iter(low):
        start = at - length + 1
        if possessive:
            _possessive(text, start, starts)
        else:
            starts.add(start)
    return sorted(starts)


#: The first words of ``_CONSTRUCTION_STARTS`` that start at a word edge (all but "(").
_CONSTRUCTION_WORDS = tuple(w for w in _CONSTRUCTION_STARTS if w != "(")


def _possessive(text: str, start: int, starts: set[int]) -> None:
    """Add the places a possessive construction can start, for an "'s" at ``start``: every
    place in the run of word characters, ``&``, ``.`` and ``-`` before it."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_&.-"):
        start -= 1
        starts.add(start)


def constructions(text: str) -> Iterator[re.Match[str]]:
    """``CONSTRUCTIONS.finditer(text)`` over :func:`flat` text: the pattern tried only where a
    match can start."""
    text = flat(text)
    starts = _construction_starts(text)
    if starts is None:
        yield from CONSTRUCTIONS.finditer(text)
        return
    end = 0
    for start in starts:
        if start >= end and (match := CONSTRUCTIONS.match(text, start)) is not None:
            yield match
            end = match.end()


class Phrases(NamedTuple):
    """Literal phrases matched case-insensitively, any white space between words.

    ``re`` cannot skip ahead in a pattern that starts with a lookbehind, so it would try every
    alternative at every character. Here one Aho-Corasick pass over the lowercased text proposes
    every place where a phrase's first word occurs (what ``str.find`` per word found, in one scan
    instead of one per word), and the one pattern confirms each: exactly the matches
    ``pattern.finditer`` gives, for a fraction of the time. In an ASCII text the first words are
    looked for as whole words only (:func:`lint.text.phrase_starts.edged_places`): "a" of "a
    source said" no longer proposes every "a" inside a word.
    """

    pattern: re.Pattern[str]
    first_words: tuple[str, ...]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        edged = _edged_words(self.first_words) if text.isascii() else None
        if edged is not None:
            # the pattern's lookbehind puts every match at a word edge, and a first word is
            # followed by white space or a non-word character: look there only
            starts = edged_places(text, edged)
        else:
            low = lowered(text)
            if low is None:
                yield from self.pattern.finditer(text)
                return
            found = {at - length + 1 for at, length in _automaton(self.first_words).iter(low)}
            starts = sorted(found)
        end = 0
        for start in starts:
            if start >= end and (match := self.pattern.match(text, start)) is not None:
                yield match
                end = match.end()


@functools.lru_cache(maxsize=64)
def _automaton(words: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton (pyahocorasick) of ``words``, each word's value its length; built
    once per cue list (a rule's options are pickled to workers; the automaton is not)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=64)
def _edged(words: tuple[str, ...]) -> Any:
    """An :func:`lint.text.phrase_starts.edged_automaton` of ``words`` as prefixes (the literal
    ASCII start of each), or None when one holds a character the haystack turns into a space."""
    return edged_automaton({(literal_start(word)[0], False): 0 for word in words})


@functools.lru_cache(maxsize=64)
def _edged_words(words: tuple[str, ...]) -> Any:
    """An :func:`lint.text.phrase_starts.edged_automaton` of ``words`` as whole first words
    (followed by a word edge, as a phrase's first word is by ``\\s+`` or ``(?!\\w)``), or
    None when one holds a character the haystack turns into a space."""
    return edged_automaton({literal_start(word): 0 for word in words})


@functools.lru_cache(maxsize=4)
def _automaton_of(words: tuple[str, ...], marked: tuple[str, ...]) -> Any:
    """An automaton of ``words`` and ``marked`` words: each word's value (length, marked)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, (len(word), False))
    for word in marked:
        automaton.add_word(word, (len(word), True))
    automaton.make_automaton()
    return automaton


def phrases(items: tuple[str, ...], name: str) -> Phrases | None:
    """The phrases of one option; a space in a phrase matches any white space. A phrase right
    after a hyphen is part of a compound ("Singapore-registered"), not a cue."""
    for phrase in items:
        if not phrase.strip():
            raise ValueError(f"option {name!r} has an empty entry")
    if not items:
        return None
    parts = sorted(
        {r"\s+".join(map(re.escape, p.split())) for p in items}, key=lambda p: (len(p), p)
    )
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(reversed(parts))})(?!\w)", re.IGNORECASE)
    return Phrases(pattern, tuple(sorted({p.split()[0].lower() for p in items})))
