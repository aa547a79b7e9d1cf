"""Who vouches for a figure: reporting cues, vague cues, quotations and the paragraph's frame.

A figure is *quoted* (inside quotation marks, or in a block quote introduced by "X said:"),
*attributed* (a reporting cue outside quotation marks governs it: in its sentence, within
``window`` sentences after it, up to ``reach`` sentences before it in its paragraph, which then
continues the source's account unless the figure's sentence is the narrator's present-tense
profile of a subject (a paragraph is a few sentences; text whose paragraphs were run into one line
must not make one cue cover a whole article), or in the last sentence of the paragraph before),
*vague* (no cue, but an agentless one in its sentence: "reports suggest", "an estimated") or
*unattributed*.

The cues themselves are found in :mod:`lint.text.cue_spans`; what a paragraph tells of the
paragraphs after it (a source at its end, a block quote's introduction) in
:mod:`lint.text.paragraph_frame`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from lint.core.document import Span
from lint.text.cue_spans import Cues, cue_spans
from lint.text.figure_clause import is_profile, profiled_after
from lint.text.gated import Gated, gated, lowered
from lint.text.numbers import Figure, FigureKind
from lint.text.quotes import inside
from lint.text.vague_named import named_later
from lint.text.vague_reach import reaches

QUOTED, ATTRIBUTED, VAGUE, UNATTRIBUTED = "quoted", "attributed", "vague", "unattributed"


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


class Judged(NamedTuple):
    """A figure with how it is sourced and, when vague, the vague cue."""

    figure: Figure
    attribution: str
    cue: str


#: Counts that need their own source even inside another's account (a story's frame, an
#: unnamed source's account).
OWN_SOURCE = frozenset({FigureKind.CASUALTY, FigureKind.PEOPLE})


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
    the first that reaches it: :mod:`lint.text.vague_reach`). An unnamed study that a later
    sentence names is no longer vague (:mod:`lint.text.vague_named`)."""
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
        cue = text[near[0].start : near[0].end]
        if named_later(text, starts, cued, index, cue):
            return Judged(figure, ATTRIBUTED, "")  # "A study found ... The research was published"
        return Judged(figure, VAGUE, cue)
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
    start = starts[_sentence_of(starts, figure.span.start)]
    return is_profile(text, start, figure.span.start) or profiled_after(
        text, figure.span.start, figure.span.end
    )


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
