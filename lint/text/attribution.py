"""Who vouches for a figure: reporting cues, vague cues, quotations and the paragraph's frame.

A figure is *quoted* (inside quotation marks, or in a block quote introduced by "X said:"),
*attributed* (a reporting cue outside quotation marks governs it: in its sentence, within
``window`` sentences after it, up to ``reach`` sentences before it in its paragraph, which then
continues the source's account unless the figure's sentence is the narrator's present-tense
profile of a subject (a paragraph is a few sentences; text whose paragraphs were run into one line
must not make one cue cover a whole article), or in the last sentence of the paragraph before),
*vague* (no cue, but an agentless one in its sentence: "reports suggest", "an estimated") or
*unattributed*.

Cues are literal phrases (the rule's ``cues`` and ``vague_cues``) plus a few constructions no
list of phrases covers ("puts the toll at", "by its count", "in a filing", "data compiled by").
A cue that overlaps a vague cue ("sources *say*", "an *estimated*") counts as vague.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import NamedTuple

from lint.core.document import Span
from lint.text.cue_scan import cue_matches
from lint.text.cues import Phrases, constructions, proposals
from lint.text.figure_clause import is_profile
from lint.text.gated import Gated, gated, lowered
from lint.text.numbers import Figure, FigureKind
from lint.text.quotes import inside
from lint.text.vague_reach import reaches

QUOTED, ATTRIBUTED, VAGUE, UNATTRIBUTED = "quoted", "attributed", "vague", "unattributed"

#: Words that end a paragraph introducing a block quote ("The minister said:").
_INTRO = re.compile(
    r"\b(?:said|says|added|adds|continued|continues|explained|explains|wrote|writes|reads|read"
    r"|stated|states|told \w+(?: \w+)?|tweeted|posted|declared|noted|argued|warned|insisted"
    r"|put it|statement)\s*(?:[^\w\s]\s*)?:\s*$",
    re.IGNORECASE,
)


#: What follows a cue that introduces a quotation: a few words, then a colon or comma and an
#: opening quotation mark ("told the BBC's Mark Lobel: \"This"), or a quotation opening in the
#: clause it governs ('said it would help "generate immediate benefits"').
_QUOTE_AFTER = re.compile(r"[^.\"“”]{0,40}?[:,]\s*[\"“]|[^.:\"“”]{0,50}?\s[\"“]")
#: A speech tag that says the sentences before it were the same source's account ("William
#: Hill also said", ", the agency added"): it covers up to ``reach`` sentences before it.
_ALSO = gated(
    r"\b(?:also|further|additionally) (?:said|says|reported|reports|announced|announces"
    r"|estimated|forecast|noted|notes|told|stated|disclosed)\b"
    r"|,\s*(?:[\w'’.-]+\s+){0,4}(?:added|adds)(?=\s*[.,:;!?]|\s*$)|\b(?:added|adds) that\b",
    re.IGNORECASE,
)
#: Words one of which every ``_ALSO`` match holds ("also", "further", "additionally", "added",
#: "adds": lowercased, "add" is in the last three)
_ALSO_WORDS = ("also", "further", "add")


def _may_continue(text: str) -> bool:
    """False only when ``_ALSO`` cannot match in ``text``: none of the words each of its
    alternatives holds occurs (in the lowered text; a text whose lowering ``re``'s
    case-insensitive matching does not agree with, "alſo", may always match)."""
    low = lowered(text)
    return low is None or any(word in low for word in _ALSO_WORDS)


#: ``_FIRST_PERSON`` as written: "I" before a lowercase word, "my", "me", "myself".
FIRST_PERSON_PLAIN = r"\bI(?= [a-z]|['’][a-z])|\b(?:[Mm]y|me|[Mm]yself)\b"
#: The same matches, written to open with the letters they start with: ``re`` skips in C to the
#: next "I", "M" or "m" instead of trying both alternatives at every character (a third of the
#: instructions on news paragraphs). The word edge before the letter (``\b``: the letter is a
#: word character, so no word character before it) is a lookbehind over the letter and the
#: character before it; which letter each alternative took is a lookbehind over it.
_FIRST_PERSON = re.compile(
    r"[IMm](?<!\w[IMm])(?:(?<=I)(?= [a-z]|['’][a-z])|(?<=[Mm])y\b|(?<=m)e\b|(?<=[Mm])yself\b)"
)
#: Words a paragraph-ending speech tag may have after its cue ("said on Friday").
_TAG_WORDS = 3


class Judged(NamedTuple):
    """A figure with how it is sourced and, when vague, the vague cue."""

    figure: Figure
    attribution: str
    cue: str


class Cues(NamedTuple):
    """Compiled cue patterns and windows (from a rule's options)."""

    real: Phrases | None
    vague: Phrases | None
    window: int = 1
    vague_window: int = 0
    frame: bool = True  # a cue earlier in the paragraph attributes what follows...
    reach: int = 3  # ...for this many sentences after the last one with a cue
    constructions: bool = True  # "puts the toll at", "by its count", "in a filing"...


#: (id(cues), text, quotes) -> (cues, real, vague): a paragraph's cues are asked for by the
#: figure evidence, its neighbours' judgement and the frame, several times per run of the rule
_CUE_MEMO: dict[tuple[int, str, tuple[Span, ...]], tuple[Cues, list[Span], list[Span]]] = {}
_CUE_MEMO_LIMIT = 4096


def cue_spans(text: str, quotes: list[Span], cues: Cues) -> tuple[list[Span], list[Span]]:
    """Real and vague cue spans of ``text`` outside quotations (memoised: new lists each call)."""
    key = (id(cues), text, tuple(quotes))
    found = _CUE_MEMO.get(key)
    if found is None or found[0] is not cues:
        if len(_CUE_MEMO) >= _CUE_MEMO_LIMIT:
            _CUE_MEMO.clear()
        found = _CUE_MEMO[key] = (cues, *_cue_spans(text, quotes, cues))
    return list(found[1]), list(found[2])


def _cue_spans(text: str, quotes: list[Span], cues: Cues) -> tuple[list[Span], list[Span]]:
    together = None
    if cues.constructions and cues.real is not None and cues.vague is not None:
        together = cue_matches(text, cues.real, cues.vague)  # (one pass for all four)
    if together is not None:
        real_found, vague_found, built, proposed = together
        vague = _spans(vague_found, quotes)
    else:
        vague = _matches(cues.vague, text, quotes)
    named = [s for s in vague if _BY_AGENT.match(text, s.end)]  # "is estimated by the embassy"
    if named:
        vague = [s for s in vague if s not in named]
    if together is not None:
        real = _outside(_spans(real_found, quotes), vague) + named
    else:
        real = _outside(_matches(cues.real, text, quotes), vague) + named
    if cues.constructions:
        found = _spans(built if together is not None else constructions(text), quotes)
        plans = _spans(proposed if together is not None else proposals(text), quotes)
        found += _reported(text, plans, vague) if vague else plans
        real += _outside(found, vague)
    if len(real) > 1:
        # ``Span``'s order is its fields' (start, end): the same order from a C key, and the
        # sort is stable, so equal spans keep their places
        real.sort(key=_START_END)
    return real, vague


#: A span's (start, end): :class:`Span`'s own order, read in C.
_START_END = attrgetter("start", "end")


#: What may stand between a vague cue and the clause it reports ("one study found [that]").
_THAT = frozenset(("", "that"))


def _reported(text: str, plans: list[Span], vague: list[Span]) -> list[Span]:
    """``plans`` (a person's plan: "Smith would raise taxes on 8 million") that are not the
    content a vague cue right before reports ("one study found Smith would raise ..."): that
    plan is the unnamed study's claim, not Smith's own account."""
    ends = [v.end for v in vague]
    return [
        p
        for p in plans
        if not any(e <= p.start and text[e : p.start].strip() in _THAT for e in ends)
    ]


def _outside(spans: list[Span], vague: list[Span]) -> list[Span]:
    """``spans`` that overlap no vague cue (:func:`inside`; most paragraphs have none)."""
    return [s for s in spans if not inside(vague, s)] if vague else spans


#: Counts that need their own source even inside another's account (a story's frame, an
#: unnamed source's account).
OWN_SOURCE = frozenset({FigureKind.CASUALTY, FigureKind.PEOPLE})
#: An agent after a passive cue names the source ("is estimated by the embassy at").
_BY_AGENT = re.compile(
    r"\s+by\s+(?:the\s+|its\s+|their\s+)?"
    r"(?!(?:some|many|most|others|end|start|middle|beginning|close|time|then|now|next|early|late"
    r"|mid|year|month|week|day|weekend|deadline|spring|summer|autumn|fall|winter|January|February"
    r"|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[^\W\d_]"
)


def judge(
    text: str,
    sentences: list[Span],
    quotes: list[Span],
    found: Sequence[Figure],
    cues: Cues,
    run_together: bool = False,
) -> list[Judged]:
    """How each figure of one paragraph is sourced, from the paragraph alone (``run_together``:
    the paragraph is part of text whose paragraph breaks were lost)."""
    if not found:
        return []
    if quotes and all(inside(quotes, figure.span) for figure in found):
        return [Judged(figure, QUOTED, "") for figure in found]  # no cue bears on a quotation
    starts = [s.start for s in sentences]
    real, vague = cue_spans(text, quotes, cues)
    # the first person singular: the author's own account (a first-hand report, a reader's
    # comment) is the source of what it says there
    first_hand = _sentences_with(_FIRST_PERSON, text, quotes, starts)
    cued = {_sentence_of(starts, s.start) for s in real}
    # a cue after the figure's sentence that introduces a quotation ('Mr Varoufakis told the
    # BBC: "This programme..."') vouches for the quotation, not for the figure before it
    ahead = {_sentence_of(starts, s.start) for s in real if not _QUOTE_AFTER.match(text, s.end)}
    # a speech tag continuing an account ("X also said", ", he added")
    tags = cues.frame and cues.real is not None
    continued = (
        _sentences_with(_ALSO, text, quotes, starts) if tags and _may_continue(text) else set()
    )
    vague_by_sentence: dict[int, list[Span]] = {}
    for span in vague:
        vague_by_sentence.setdefault(_sentence_of(starts, span.start), []).append(span)
    # sentences where an unnamed source is reported with a figure it reaches: what follows them
    # in the paragraph goes on with that account, and their vague finding covers it
    covered = {
        i
        for f in found
        if (i := _sentence_of(starts, f.span.start)) in vague_by_sentence
        and _reaching(text, starts[i], vague_by_sentence[i], f) is not None
    }
    judged = []
    for figure in found:
        if inside(quotes, figure.span):
            judged.append(Judged(figure, QUOTED, ""))
        else:
            index = _sentence_of(starts, figure.span.start)
            if any(index - cues.reach <= i <= index + 1 for i in first_hand):
                judged.append(Judged(figure, ATTRIBUTED, ""))  # the author's own account
            elif any(index < i <= index + cues.reach for i in continued):
                judged.append(Judged(figure, ATTRIBUTED, ""))  # "..., X also said"
            else:
                judged.append(
                    _by_cues(
                        text,
                        figure,
                        index,
                        starts,
                        (cued, ahead),
                        vague_by_sentence,
                        cues,
                        covered,
                        run_together,
                    )
                )
    return judged


def _by_cues(
    text: str,
    figure: Figure,
    index: int,
    starts: list[int],
    sentences: tuple[set[int], set[int]],
    vague_by_sentence: dict[int, list[Span]],
    cues: Cues,
    covered: set[int] | frozenset[int] = frozenset(),
    run_together: bool = False,
) -> Judged:
    """How a figure of sentence ``index`` (``starts``: every sentence's start), outside
    quotations, is sourced by the paragraph's real cues (sentences with one, and those with one
    not introducing a quotation) and vague ones (each sentence's; in the figure's own sentence,
    the first that reaches it: :mod:`lint.text.vague_reach`)."""
    cued, ahead = sentences
    if figure.kind is FigureKind.CASUALTY and not _GOES_ON.match(text, starts[index]):
        # a toll needs its own source: an earlier speech tag ("The government said it had asked
        # for a study.") vouches for "The fires were the worst in its history, with 64 dead"
        # only if the account from it to the toll is about casualties or names a body that
        # counts them
        between = {i: text[starts[i] : starts[index]] for i in cued if i < index}
        cued = {i for i in cued if i >= index or _TOLL_SOURCE.search(between[i])}
    if (
        index in cued
        or any(i in ahead for i in range(index + 1, index + cues.window + 1))
        or (
            any(i in cued for i in range(index - cues.window, index))
            # in text run together from one-sentence paragraphs, the sentence before may be
            # another paragraph: reported speech is backshifted, so a present-tense profile
            # after it is the narrator's ("Pakistan said India had given no evidence. The
            # network is one of the busiest in the world, carrying more than eight million
            # commuters a day.")
            and not (run_together and is_profile(text, starts[index], figure.span.start))
        )
    ):
        return Judged(figure, ATTRIBUTED, "")
    # (and the sentence before, when this one goes on with its account and that one has no
    # figure, whose finding would cover this: "... rumours are rampant. Among them are that more
    # than 100 armed activists have entered the campus.")
    goes_on = (
        index - 1 in vague_by_sentence
        and index - 1 not in covered
        and _GOES_ON.match(text, starts[index]) is not None
    )
    near = [
        span
        for i, spans in sorted(vague_by_sentence.items())
        if abs(i - index) <= cues.vague_window or (goes_on and i == index - 1)
        if (span := spans[0] if i != index else _reaching(text, starts[i], spans, figure))
        is not None
    ]
    if near:
        return Judged(figure, VAGUE, text[near[0].start : near[0].end])
    if (
        cues.frame
        and any(index - cues.reach <= i < index for i in cued)
        and not is_profile(text, starts[index], figure.span.start)
    ):
        return Judged(figure, ATTRIBUTED, "")  # the paragraph continues a source
    if (
        cues.frame
        and figure.kind not in OWN_SOURCE
        and any(index - cues.reach <= i < index for i in covered)
    ):
        # the paragraph continues an unnamed source's account ("..., the sources said. They
        # include 30,000 tonnes for China"): that source's finding covers it (one problem, one
        # finding)
        return Judged(figure, ATTRIBUTED, "")
    return Judged(figure, UNATTRIBUTED, "")


#: The opening of a sentence that goes on with the account before it: a pronoun or a
#: demonstrative ("It said", "They put", "This brings"), "also", "of those/them".
_GOES_ON = re.compile(
    r"[\"“'‘(\s]*(?:(?:in|of|at|for|by|on|among) (?:this|that|these|those|them|the same)\b"
    r"|(?:it|he|she|they|we|this|these|that|those|its|his|her|their|also|in addition)\b)",
    re.IGNORECASE,
)


#: What makes the sentence before a toll cover it: it is about the dead and injured, or its
#: source is a body that counts them ("The health ministry said on Friday that the fighting had
#: ended. At least 140 fighters were killed.").
_TOLL_SOURCE = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|dying|injur\w*|wound\w*|toll|victims?|casualt\w*|bodies"
    r"|survivors?|missing|ministry|police|hospitals?|officials?|authorit\w+|army|military"
    r"|rescuers?|coroner|health|spokes\w+|agency|U\.?N\.?|Red Cross|Crescent)\b",
    re.IGNORECASE,
)


def profile(text: str, starts: list[int], figure: Figure) -> bool:
    """Whether ``figure``'s sentence (``starts``: each sentence's start) is a present-tense
    profile up to the figure (:func:`lint.text.figure_clause.is_profile`): no frame from the
    paragraph before covers it."""
    return is_profile(text, starts[_sentence_of(starts, figure.span.start)], figure.span.start)


def ends_with_cue(text: str, sentences: list[Span], quotes: list[Span], cues: Cues) -> bool:
    """Whether a paragraph ends with its source ("..., the ministry said."): a real cue outside
    quotations in the last clause of its last sentence (after its last comma), or with at most
    a few words after it ("the bank said on Friday.")."""
    last = sentences[-1]
    real, _ = cue_spans(text, quotes, cues)
    tags = [span for span in real if last.start <= span.start < last.end]
    if not tags:
        return False
    body = text[last.start : last.end].rstrip(" .\"'”’)")
    # (not a thousands separator: "it estimated stocks at 800,000 tonnes from 130,000")
    comma = max((m.start() for m in _CLAUSE_BREAK.finditer(body)), default=-1)
    end = last.start + len(body)
    for span in tags:
        if comma >= 0 and span.start > last.start + comma:
            return True
        if len(text[span.end : end].split()) <= _TAG_WORDS:
            return True
    return False


#: A clause break: a comma (not between digits), a semicolon or a dash.
_CLAUSE_BREAK = re.compile(r",(?!\d)|(?<!\d),|;|—")


_PRONOUN_TAG = re.compile(
    r"\b(?:(?:he|she|they|it|we) (?:said|says|added|told|estimated|reported|noted|wrote)"
    r"|(?:said|added|told) (?:he|she|they|it))\b",
    re.IGNORECASE,
)


def continues_account(text: str, quotes: list[Span]) -> bool:
    """Whether a paragraph carries on an earlier source's account with a pronoun speech tag
    ("..., they said."), so the paragraph before it, between two cues, is that account too."""
    return any(not inside(quotes, Span(m.start(), m.end())) for m in _PRONOUN_TAG.finditer(text))


def has_cue(text: str, quotes: list[Span], cues: Cues) -> bool:
    """Whether a paragraph has any cue, real or vague, outside quotations."""
    real, vague = cue_spans(text, quotes, cues)
    return bool(real or vague)


def introduces_quote(text: str) -> bool:
    """Whether a paragraph ends by introducing a block quote ("The minister said:")."""
    tail = text[-80:]
    if not tail.rstrip().endswith(":"):
        return False  # ``_INTRO`` ends with ":\s*$" (``rstrip`` strips what ``\s`` matches)
    return _INTRO.search(tail) is not None


def _reaching(text: str, start: int, spans: list[Span], figure: Figure) -> Span | None:
    """The first vague cue of ``spans`` (in the sentence opening at ``start``) that hedges
    ``figure``, or None."""
    return next((s for s in spans if reaches(text, start, s, figure.span)), None)


def _sentences_with(
    pattern: re.Pattern[str] | Gated, text: str, quotes: list[Span], starts: list[int]
) -> set[int]:
    """The sentences where ``pattern`` matches outside quotations."""
    return {
        _sentence_of(starts, match.start())
        for match in pattern.finditer(text)
        if not inside(quotes, Span(match.start(), match.end()))
    }


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _matches(
    pattern: re.Pattern[str] | Phrases | None, text: str, quotes: list[Span]
) -> list[Span]:
    if pattern is None:
        return []
    return _spans(pattern.finditer(text), quotes)


def _spans(matches: Iterator[re.Match[str]], quotes: list[Span]) -> list[Span]:
    """The spans of ``matches`` that overlap none of ``quotes``: :func:`inside` written out, a
    span made only for a match kept (the cue spans of every paragraph come through here)."""
    if not quotes:
        return [Span(m.start(), m.end()) for m in matches]
    kept = []
    for match in matches:
        start, end = match.span()
        for quote in quotes:
            if quote.start < end and start < quote.end:
                break
        else:
            kept.append(Span(start, end))
    return kept
