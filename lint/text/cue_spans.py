"""The cues of a paragraph: where its reporting cues and vague cues are, outside quotations.

Cues are literal phrases (the rule's ``cues`` and ``vague_cues``) plus a few constructions no
list of phrases covers ("puts the toll at", "by its count", "in a filing", "data compiled by").
A cue that overlaps a vague cue ("sources *say*", "an *estimated*") counts as vague; a vague
cue with an agent after it ("is estimated by the embassy") is a real one.
:mod:`lint.text.attribution` decides what the cues found mean for a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter
from typing import NamedTuple

from lint.core.document import Span
from lint.text.cue_phrases import Phrases
from lint.text.cue_proposals import proposals
from lint.text.cue_scan import cue_matches
from lint.text.cues import constructions
from lint.text.quotes import inside


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


#: An agent after a passive cue names the source ("is estimated by the embassy at").
_BY_AGENT = re.compile(
    r"\s+by\s+(?:the\s+|its\s+|their\s+)?"
    r"(?!(?:some|many|most|others|end|start|middle|beginning|close|time|then|now|next|early|late"
    r"|mid|year|month|week|day|weekend|deadline|spring|summer|autumn|fall|winter|January|February"
    r"|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[^\W\d_]"
)


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
