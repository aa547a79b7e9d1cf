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
from lint.text.phrase_starts import edged_automaton, edged_haystack, literal_start
from lint.text.tokens import flat

#: The alternatives of ``CONSTRUCTIONS``, in order, each with the words (lowercase, or a prefix
#: of them, between spaces) one of which it starts with: "(" for the parenthesised source, "'s"
#: for the possessive ones, which can start anywhere in the run of word characters, ``&``, ``.``
#: and ``-`` before an "'s" (see :func:`_construction_starts`).
_CONSTRUCTION_PARTS: tuple[tuple[str, str], ...] = (
    (
        "put peg sees saw place",
        r"\b(?:puts?|putting|pegs?|pegged|sees|saw|places?|placed)\b[^.;:]{1,60}?\bat\b",
    ),
    (
        "by",
        r"\bby (?:its|their|his|her|our|one|some|an?|the \w+(?:'s|’s)|\w+(?:'s|’s)) (?:own )?"
        r"(?:\w+ )?(?:counts?|tally|tallies|estimates?|calculations?|reckoning|figures"
        r"|measures?)\b",
    ),
    (
        "data figures statistics numbers",
        r"\b(?:data|figures|statistics|numbers) (?:compiled|collected|published|released|gathered"
        r"|provided|issued) by\b",
    ),
    (
        "in",
        r"\bin (?:a|an|its|their|his|her|the) (?:\w+ ){0,2}(?:statement|filing|report|study|survey"
        r"|poll|census|release|letter|submission|analysis|update|briefing|prospectus|results)\b",
    ),
    ("(", r"\((?:source|sources|data|figures):"),
    # a court the sentence names (a capitalised "Court") is the source of what it heard and
    # decided, and so is a judge, jury or coroner that decided it
    (
        "at in before by told",
        r"\b(?:at|in|before|by|told) (?:the )?[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,3}"
        r" (?:Court|Tribunal|Inquest)\b",
    ),
    (
        "court jury inquest tribunal",
        r"\b(?:court|jury|inquest|tribunal) (?:heard|was told)\b",
    ),
    (
        "judge jury magistrate tribunal court coroner",
        r"\b(?:judge|jury|magistrates?|tribunal|court|coroner)\s+(?:\w+\s+)?"
        r"(?:ruled|found|ordered|awarded|determined|decided|heard|sentenced|fined|concluded)\b",
    ),
    (
        "poll survey study report census analysis audit review estimate projection forecast"
        " data figures statistics",
        r"\b(?:poll|survey|study|report|census|analysis|audit|review|estimates?|projections?"
        r"|forecasts?|data|figures|statistics)\s+(?:\w+\s+)?(?:by|from|of|for|conducted by"
        r"|commissioned by|released by|published by|issued by)\s+(?:the\s+)?[A-Z]",
    ),
    (
        "poll survey interviewed questioned",
        r"\b(?:polled|surveyed|interviewed|questioned) by\b",
    ),
    (
        "'s",
        r"\b[A-Z][\w&.-]*(?:'s|’s) (?:\w+ )?(?:figures|data|statistics|estimates?|survey|poll"
        r"|report|study|forecasts?|projections?|count|tally|calculations?)\b",
    ),
    # a speaker's claim as a noun ("Stumpf's repeated emphasis that only 1 percent ...")
    (
        "'s",
        r"\b[A-Z][\w&.-]*(?:'s|’s) (?:\w+ )?(?:claims?|assertions?|insistence|emphasis|contention"
        r"|admission|argument) that\b",
    ),
    (
        "poll survey study census audit analysis research report review index",
        r"\b(?:poll|survey|study|census|audit|analysis|research|report|review|index)\b[^.;:]{0,60}?"
        r"\b(?:found|finds|showed|shows|show|suggests|suggested|indicates|indicated|revealed"
        r"|reveals|estimated|estimates|concluded|put|puts|says|said|reported|published)\b",
    ),
    # a poll's own terms ("a margin of error of 4 points", "600 respondents")
    ("margin", r"\bmargin of (?:sampling )?error\b"),
    ("respondents", r"\brespondents\b"),
    # a lawsuit's or charge's terms are court record ("a lawsuit on behalf of up to 1.6 million
    # women", "charged with funneling more than $10,000")
    (
        "lawsuit suit class complaint trial",
        r"\b(?:lawsuits?|suits?|class actions?|complaints?|trials?)\b[^.;:]{0,40}?\b(?:on behalf of"
        r"|involving|covering|representing|seeking)\b",
    ),
    (
        "charged pleaded convicted indicted accused stand stood",
        r"\b(?:charged with|pleaded guilty to|convicted of|indicted (?:on|for)|accused in court"
        r"|(?:stand|stood) accused of)\b",
    ),
    # an offer's terms are the offerer's ("offered Democrats a deal: ...", "The offer would")
    (
        "offer",
        r"\boffered (?:\w+ ){0,3}?(?:a|an|the|his|her|their|its) (?:new )?(?:deal|compromise"
        r"|package|offer)\b",
    ),
    ("offer", r"(?<=\bthe )offer would\b"),
    # a finding stated with its clause ("the Commission ruled unanimously Monday that")
    (
        "ruled concluded determined decided",
        r"\b(?:ruled|concluded|determined|decided)\s+(?:\w+\s+){0,3}?that\b",
    ),
    # a named body as the agent ("a $100 million penalty imposed by the Consumer Financial
    # Protection Bureau")
    (
        "imposed issued levied ordered awarded approved released published set",
        r"\b(?:imposed|issued|levied|ordered|awarded|approved|released|published|set) by"
        r" (?:the )?(?-i:[A-Z])",
    ),
    # an official body's own act is its record ("The police have identified 283 suspects", "The
    # Commission last Thursday granted rebates for 15,000 tonnes", "The government has named
    # 198 firms"); arrests and detentions are left out: their counts still want a source
    (
        "police government council commission ministry department agency authorit regulator"
        " watchdog",
        r"\b(?:police|government|council|commission|ministry|department|agency|authority"
        r"|authorities|regulator|watchdog)\s+(?:has\s+|have\s+|had\s+)?(?:(?:last|on|this)\s+\w+\s+)?"
        r"(?:granted|identified|named|fined|allocated|awarded|seized|listed|earmarked)\b",
    ),
    # a published list is the source of what is on it ("The list of 198 firms owed ...")
    # (not a ranking in a figure of speech: "top the list of mega-donors")
    (
        "list",
        r"(?<!top the )(?<!tops the )(?<!topped the )(?<!head the )(?<!heads the )"
        r"(?<!headed the )(?<!lead the )(?<!leads the )(?<!led the )"
        r"\blist (?:of|published|released|include[sd]?|names|named|shows?|showed)\b",
    ),
    ("list", r"(?<=\bon the )list\b"),
)
#: Their alternation, ``CONSTRUCTIONS`` (compiled when first asked for: :func:`constructions`
#: tries the alternatives one by one, and a pattern compiled at import is rebuilt by every run)
_CONSTRUCTIONS_SOURCE = "|".join(part for _, part in _CONSTRUCTION_PARTS)


def __getattr__(name: str) -> Any:
    if name == "CONSTRUCTIONS":
        return re.compile(_CONSTRUCTIONS_SOURCE, re.IGNORECASE)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


#: The words one of which each of ``_PROPOSAL``, ``_SPEAKS``, ``_NAMED_REPORT`` and
#: ``_PLAN_NOUN`` (in that order) holds as a whole word, with white space or another
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
)
_PROPOSAL_PATTERNS = (
    (_PROPOSAL, _PROPOSAL_HINT, _NOT_PROPOSERS),
    (_SPEAKS, _SPEAKS_HINT, _NOT_PROPOSERS),
    (_NAMED_REPORT, _NAMED_REPORT_HINT, _NOT_PUBLISHERS),
    (_PLAN_NOUN, _PLAN_NOUN_HINT, _NOT_PLANNERS),
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


class _Gate:
    """An alternation split by where its alternatives can start: for a set of them (a bit mask
    over ``parts``), those alternatives alone, in their order, between ``head`` and ``tail``. At
    a place where only those can match, they find what the whole alternation finds there
    (``re`` takes the first alternative that matches, and the others fail there) without trying
    the others one by one. Compiled once per process, through ``re``'s cache (the start-up cache
    of compiled patterns, :mod:`lint.io.regexcache`, keeps them): with ``split``, one pattern per
    alternative, tried one after the other (a set's pattern would repeat long alternatives in
    every set that has them, which the start-up cache then reads on every run); else one
    pattern per set."""

    __slots__ = ("flags", "head", "parts", "patterns", "split", "tail")

    def __init__(
        self, parts: tuple[str, ...], head: str, tail: str, flags: int, split: bool = False
    ) -> None:
        self.parts = parts
        self.head = head
        self.tail = tail
        self.flags = flags
        self.split = split
        self.patterns: dict[int, tuple[re.Pattern[str], ...]] = {}

    def pattern(self, mask: int) -> tuple[re.Pattern[str], ...]:
        """The patterns to try, in order, for the alternatives in ``mask``."""
        found = self.patterns.get(mask)
        if found is None:
            chosen, rest = [], mask
            while rest:  # the set bits, lowest first
                low = rest & -rest
                chosen.append(self.parts[low.bit_length() - 1])
                rest ^= low
            if not self.split:
                chosen = ["|".join(chosen)]
            found = tuple(re.compile(self.head + part + self.tail, self.flags) for part in chosen)
            self.patterns[mask] = found
        return found

    def matches(self, text: str, masks: dict[int, int]) -> Iterator[re.Match[str]]:
        """What the whole alternation's ``finditer`` finds in ``text``, given every place a match
        can start with the alternatives that can match there (a superset of both)."""
        patterns = self.patterns
        end = 0
        for start in sorted(masks):
            if start >= end:
                mask = masks[start]
                for pattern in patterns.get(mask) or self.pattern(mask):
                    if (match := pattern.match(text, start)) is not None:
                        yield match
                        end = match.end()
                        break


def _key_masks(parts: tuple[tuple[str, str], ...]) -> dict[str, int]:
    """Each first word (or prefix) of ``parts``: the bit mask of the alternatives it starts."""
    masks: dict[str, int] = {}
    for index, (words, _) in enumerate(parts):
        for word in words.split():
            masks[word] = masks.get(word, 0) | 1 << index
    return masks


_CONSTRUCTION_GATE = _Gate(
    tuple(part for _, part in _CONSTRUCTION_PARTS), "", "", re.IGNORECASE, split=True
)
_CONSTRUCTION_KEYS = _key_masks(_CONSTRUCTION_PARTS)
#: the alternatives that start at "(" and the possessive ones, kept apart from the words
_PAREN = _CONSTRUCTION_KEYS.pop("(")
_POSSESSIVE = _CONSTRUCTION_KEYS.pop("'s")
_POSSESSIVES = ("'s", "’s")


def _construction_starts(text: str) -> dict[int, int] | None:
    """Every place a ``CONSTRUCTIONS`` match can start, with the bit mask of the alternatives
    that can match there (a superset: the pattern decides), or None when lowering the text
    would not keep offsets or case-insensitive matches. An alternative starts at one of its
    first words; the possessive one ("\\b[A-Z][\\w&.-]*'s") anywhere in the run of word
    characters, ``&``, ``.`` and ``-`` before an "'s".

    Every alternative but "(" and the possessive starts at a word edge (``\\b`` or a lookbehind
    for "the "), so in an ASCII text its first words are looked for only there
    (:func:`lint.text.phrase_starts.edged_places`): "in" inside "since" never comes back."""
    masks: dict[int, int] = {}
    get = masks.get
    if text.isascii() and (edged := _construction_edged()) is not None:
        for at, keys in edged.iter(edged_haystack(text, True)):
            for mask, length in keys:
                start = at - length + 1
                masks[start] = get(start, 0) | mask
        _construction_marks(text, masks)
        return masks
    low = lowered(text)
    if low is None:
        return None
    for at, (length, mask) in _construction_automaton().iter(low):
        start = at - length + 1
        if mask == _POSSESSIVE:
            _possessive(text, start, masks)
        else:
            masks[start] = get(start, 0) | mask
    return masks


def _construction_marks(text: str, masks: dict[int, int]) -> None:
    """Add to ``masks`` (the places its first words put in an ASCII ``text``) the places of the
    alternatives that start at "(" and of the possessive ones."""
    get = masks.get
    at = text.find("(")
    while at >= 0:
        masks[at] = get(at, 0) | _PAREN
        at = text.find("(", at + 1)
    at = text.find("'s")
    while at >= 0:
        _possessive(text, at, masks)
        at = text.find("'s", at + 1)
    at = text.find("'S")
    while at >= 0:
        # the pattern takes "'S" too, but only "'s" adds places (as the whole pattern tried at
        # each place did): where another word already put one, the possessive is tried there
        _possessive(text, at, masks, masks)
        at = text.find("'S", at + 1)


@functools.cache
def _construction_edged() -> Any:
    """The first words of ``CONSTRUCTIONS``' alternatives as an
    :func:`lint.text.phrase_starts.edged_automaton` of prefixes, each with its alternatives."""
    return edged_automaton({(word, False): mask for word, mask in _CONSTRUCTION_KEYS.items()})


@functools.cache
def _construction_automaton() -> Any:
    """The first words, "(" and the possessive endings, each with (length, alternatives)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word, mask in (*_CONSTRUCTION_KEYS.items(), ("(", _PAREN)):
        automaton.add_word(word, (len(word), mask))
    for word in _POSSESSIVES:
        automaton.add_word(word, (len(word), _POSSESSIVE))
    automaton.make_automaton()
    return automaton


def _possessive(
    text: str, start: int, masks: dict[int, int], only: dict[int, int] | None = None
) -> None:
    """Add the places a possessive construction can start, for an "'s" at ``start``: every
    place in the run of word characters, ``&``, ``.`` and ``-`` before it (of those in
    ``only``, when given)."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_&.-"):
        start -= 1
        if only is None or start in only:
            masks[start] = masks.get(start, 0) | _POSSESSIVE


def constructions(text: str) -> Iterator[re.Match[str]]:
    """``CONSTRUCTIONS.finditer(text)`` over :func:`flat` text: at each place a match can
    start, only the alternatives that can match there are tried (in their order)."""
    text = flat(text)
    masks = _construction_starts(text)
    if masks is None:
        yield from re.compile(_CONSTRUCTIONS_SOURCE, re.IGNORECASE).finditer(text)
        return
    yield from _CONSTRUCTION_GATE.matches(text, masks)


class Phrases(NamedTuple):
    """Literal phrases matched case-insensitively, any white space between words.

    ``re`` cannot skip ahead in a pattern that starts with a lookbehind, so it would try every
    alternative at every character. Here one Aho-Corasick pass over the lowercased text proposes
    every place where a phrase's first word occurs (what ``str.find`` per word found, in one scan
    instead of one per word), and there only the phrases with that first word are tried (a
    pattern of them alone, in the whole pattern's order): exactly the matches
    ``pattern.finditer`` gives, for a fraction of the time. In an ASCII text the first words are
    looked for as whole words only (:func:`lint.text.phrase_starts.edged_places`): "a" of "a
    source said" no longer proposes every "a" inside a word.
    """

    #: the pattern of all the phrases, case-insensitive (:attr:`pattern`, compiled when first
    #: needed: the phrases are looked for by first word)
    source: str
    first_words: tuple[str, ...]
    #: (first word, lowercase; the phrase's part of ``pattern``), in the pattern's order
    parts: tuple[tuple[str, str], ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        """All the phrases as one pattern (what :meth:`finditer` finds its ``finditer``)."""
        return re.compile(self.source, re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        gate = _PHRASE_GATES.get(self.source) or _phrase_gate(self)
        masks: dict[int, int] = {}
        get = masks.get
        if gate.edged is not None and text.isascii():
            # the pattern's lookbehind puts every match at a word edge, and a first word is
            # followed by white space or a non-word character: look there only
            for at, keys in gate.edged.iter(edged_haystack(text, True)):
                for mask, length in keys:
                    start = at - length + 1
                    masks[start] = get(start, 0) | mask
        else:
            low = lowered(text)
            if low is None:
                yield from self.pattern.finditer(text)
                return
            for at, (length, mask) in gate.automaton.iter(low):
                start = at - length + 1
                masks[start] = get(start, 0) | mask
        yield from gate.gate.matches(text, masks)


class _PhraseGate(NamedTuple):
    """What :meth:`Phrases.finditer` looks for, built once per phrase list and process (a rule's
    options are pickled to workers; the automatons are not)."""

    gate: _Gate
    edged: Any  # the first words at word edges, each with the phrases it starts, or None
    words: dict[str, int]  # each first word's phrases

    @property
    def automaton(self) -> Any:
        """The first words anywhere, each with (length, the phrases it starts)."""
        return _words_automaton(tuple(self.words.items()))


@functools.lru_cache(maxsize=16)
def _words_automaton(words: tuple[tuple[str, int], ...]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word, mask in words:
        automaton.add_word(word, (len(word), mask))
    automaton.make_automaton()
    return automaton


_PHRASE_GATES: dict[str, _PhraseGate] = {}


def _phrase_gate(phrases: Phrases) -> _PhraseGate:
    words: dict[str, int] = {}  # first word -> bit mask of its phrases
    for index, (word, _) in enumerate(phrases.parts):
        words[word] = words.get(word, 0) | 1 << index
    starts: dict[tuple[str, bool], int] = {}  # a first word's key (literal_start) -> bit mask
    for word, mask in words.items():
        key = literal_start(word)
        starts[key] = starts.get(key, 0) | mask
    parts = tuple(part for _, part in phrases.parts)
    head, tail = r"(?<![\w-])(?:", r")(?!\w)"
    gate = _Gate(parts, head, tail, re.IGNORECASE)
    found = _PhraseGate(gate, edged_automaton(starts), words)
    _PHRASE_GATES[phrases.source] = found
    return found


def phrases(items: tuple[str, ...], name: str) -> Phrases | None:
    """The phrases of one option; a space in a phrase matches any white space. A phrase right
    after a hyphen is part of a compound ("Singapore-registered"), not a cue."""
    for phrase in items:
        if not phrase.strip():
            raise ValueError(f"option {name!r} has an empty entry")
    if not items:
        return None
    firsts = {r"\s+".join(map(re.escape, p.split())): p.split()[0].lower() for p in items}
    parts = sorted(firsts, key=lambda p: (len(p), p), reverse=True)
    source = rf"(?<![\w-])(?:{'|'.join(parts)})(?!\w)"
    words = tuple(sorted(set(firsts.values())))
    return Phrases(source, words, tuple((firsts[part], part) for part in parts))
