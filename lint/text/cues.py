"""Finding cue phrases fast: literal phrase lists (a rule's ``cues`` and ``vague_cues``) and the
constructions no list of phrases covers ("puts the toll at", "by its count", "in a filing", "data
compiled by", a named court). Each is searched only where a match can start (an Aho-Corasick pass
over first words), and finds exactly what the whole pattern's ``finditer`` finds. The
constructions are here; the phrase lists in :mod:`lint.text.cue_phrases`, the named plans,
claims and reports in :mod:`lint.text.cue_proposals`, the alternation tried by place in
:mod:`lint.text.cue_gate`. :mod:`lint.text.attribution` decides what the cues found mean for a
figure."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from lint.text.cue_gate import Gate, key_masks
from lint.text.gated import lowered
from lint.text.phrase_starts import edged_automaton, edged_haystack
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
    # so are an investigation's ("under criminal investigation for allegedly paying $2m")
    (
        "under",
        r"\bunder (?:a )?(?:criminal |formal |police |federal )?investigation (?:for|over)\b",
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
    # a document is the source of what it holds ("the report featured interviews with 84
    # refugees", "an entry in the log at 01:02, in a reference to the deaths of 47 people",
    # "findings based on 300 interviews"); a clock time's colon does not end the clause
    (
        "report study survey log findings investigation inquiry audit review dossier",
        r"\b(?:report|study|survey|log|findings|investigation|inquiry|audit|review|dossier)\b"
        r"(?:[^.;:]|(?<=\d):(?=\d)){0,60}?\b(?:featured|features|included|includes"
        r"|documented|documents|listed|lists|cites|cited|referenc(?:ed|es|ing)|refers? to"
        r"|reference to|(?:is|are|was|were) based on|dr[ae]w on)\b",
    ),
)
#: Their alternation, ``CONSTRUCTIONS`` (compiled when first asked for: :func:`constructions`
#: tries the alternatives one by one, and a pattern compiled at import is rebuilt by every run)
_CONSTRUCTIONS_SOURCE = "|".join(part for _, part in _CONSTRUCTION_PARTS)


def __getattr__(name: str) -> Any:
    if name == "CONSTRUCTIONS":
        return re.compile(_CONSTRUCTIONS_SOURCE, re.IGNORECASE)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_CONSTRUCTION_GATE = Gate(
    tuple(part for _, part in _CONSTRUCTION_PARTS), "", "", re.IGNORECASE, split=True
)
_CONSTRUCTION_KEYS = key_masks(_CONSTRUCTION_PARTS)
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
