"""Rough quantities stated as fact: "tens of thousands of voters", "thousands of bankers",
"hundreds of times", "two-thirds of the world's countries", "up by a third".

They are claims like any figure (FIGURES-POLICY.md: people affected in large or contested numbers,
shares from studies), but they are not numbers: the recogniser (:mod:`lint.text.numbers`) does
not see them, and the pair features that compare a rewrite's numbers with its original's do not
use them. Only the figure rules ask for them, through ``BlockText.estimates``.

What is left out on purpose: "millions of Americans" and "millions of dollars" (rhetoric, not a
count anyone made), "hundreds of years" (a duration), "half" in any form ("half-hour", "half of
his supporters"), a fraction naming a band ("the middle one-fifth"), a fraction restating a
figure just given ("18.7 percent, or less than one-third of"), and ordinals ("a third boy").
"""

from __future__ import annotations

import re

from lint.core.document import Span
from lint.text.figure import Figure
from lint.text.figure_context import FigureKind
from lint.text.figure_counts import PEOPLE_NOUNS, count_kind
from lint.text.figure_record import is_statutory
from lint.text.gated import lowered
from lint.text.tokens import wordlist

#: Cheap test: no estimate without one of these words.
_HINT = re.compile(r"(?i)hundreds|thousands|millions|billions|thirds?\b|quarters?\b|fifths?\b")
_SCALE = {"hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_APPROX = (
    r"(?:(?:about|nearly|almost|roughly|around|some|over|more than|less than|fewer than|"
    r"just over|just under|up to|perhaps|at least|an estimated)\s+)?"
)
#: "tens of thousands (of voters)", "hundreds of millions", "thousands of bankers"
_MULTITUDE = re.compile(
    rf"\b{_APPROX}(?P<many>(?:tens|hundreds)\s+of\s+(?P<scale>thousands|millions|billions)"
    r"|(?P<bare>hundreds|thousands))"
    r"(?:\s+of\s+(?:(?:the|these|those)\s+)?(?P<counted>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}))?",
    re.IGNORECASE,
)
#: What a crowd does ("thousands of farmers battled with police", "hundreds of students pour
#: into the area"): the size of a crowd at an event is, like an attendance, seen, not counted.
_CROWD = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:marched|march|rallied|rally|protested|protest|demonstrated"
    r"|gathered|gather|poured|pour|roared|roar|battled|battle|chanted|chant|cheered|cheer"
    r"|lined|line|turned out|flocked|flock|packed|pack|filled|fill|took to|take to|thronged"
    r"|throng|clashed|clash|attended|attend|stormed|storm|waved|wave|sang|sing|reconvened"
    r"|reconvene|assembled|assemble|converged|converge)\b",
    re.IGNORECASE,
)
#: An event's draw, like an attendance: "the festival draws thousands of music lovers", "spoke
#: before hundreds of supporters", "the march, which saw thousands of activists ...".
_DRAWING = re.compile(
    r"\b(?:draws?|drew|drawing|attracts?|attracted|attracting|welcomes|welcomed|before"
    r"|in front of|address(?:ed|es|ing)?|(?:which|that) saw)\s+(?:some\s+)?$",
    re.IGNORECASE,
)
#: Things whose count is a claim when given as "hundreds/thousands of ...".
_COUNTED_THINGS = frozenset(
    wordlist(
        """times cases incidents complaints attacks arrests accounts homes houses properties
    buildings businesses shops firms companies flights jobs sightings calls claims shootings
    deaths lives"""
    )
)
_MONEY_WORDS = frozenset(wordlist("dollars pounds euros dlrs"))
#: "the tens of millions flowing into races": money when the paragraph speaks of money
_MONEY_TALK = re.compile(r"\$|\b(?:money|raised|spent|donat|contribut|fund)")
#: "two-thirds of", "about a third", "up by a quarter"
_SHARE = re.compile(
    rf"\b(?P<lead>by\s+)?{_APPROX}(?P<share>(?:a|one|two|three)[-\s](?P<part>thirds?|quarters?|fifths?))\b"
    r"(?P<of>\s+of\b(?!\s+(?:a|an|one)\b))?",
    re.IGNORECASE,
)
_PARTS = {"third": 3.0, "quarter": 4.0, "fifth": 5.0}
_NUMERATORS = {"a": 1.0, "one": 1.0, "two": 2.0, "three": 3.0}
#: a statutory majority ("two-thirds of the votes", "a two-thirds majority")
_SHARE_RULE = re.compile(r"\s+of\s+(?:the\s+)?(?:votes?|seats|members|majority)\b", re.IGNORECASE)
#: a share of a figure just given ("a record 169.8 billion dlrs, with more than one-third of it")
_SHARE_OF_IT = re.compile(r"\s+of\s+(?:it|them|that|this|those)\b", re.IGNORECASE)
#: a band of a distribution ("the middle one-fifth"), a restatement ("or less than one-third")
_SHARE_NOT_AFTER = re.compile(
    r"(?:\b(?:middle|top|bottom|lowest|highest|richest|poorest)\s+|,?\s+or\s+)$", re.IGNORECASE
)
#: a "the" right before a multitude points back at a count already given ("the thousands of")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|their|its|his|her)\s+$", re.IGNORECASE)


#: A word every match of ``_HINT`` holds (lowercase): a text lowered with none of them has none.
_HINT_WORDS = ("hundreds", "thousands", "millions", "billions", "third", "quarter", "fifth")


def has_estimate(text: str) -> bool:
    """``_HINT.search(text) is not None``: ``re`` finds no literal prefix in the pattern to skip
    to and tries its seven words at every character; most texts hold none of them, which a
    substring test of the lowered text tells (a text whose lowering would move offsets or hide a
    case-insensitive match is searched as it is)."""
    low = lowered(text)
    if low is not None and not any(word in low for word in _HINT_WORDS):
        return False
    return _HINT.search(text) is not None


def estimates(text: str) -> tuple[Figure, ...]:
    """The rough quantities of ``text``, in order, as figures of a kind that needs a source."""
    if not has_estimate(text):
        return ()
    found = [*_multitudes(text), *_shares(text)]
    return tuple(sorted(found))


def _multitudes(text: str) -> list[Figure]:
    out = []
    for m in _MULTITUDE.finditer(text):
        words = (m.group("counted") or "").lower().split()
        # the thing counted: the first plural of the words after "of" ("wild birds during")
        counted = next((w for w in words if w.endswith("s")), words[0] if words else "")
        counted_end = m.end("many")
        if counted:
            where = m.group("counted").lower().find(counted)
            counted_end = m.start("counted") + where + len(counted)
        if m.group("bare"):
            if _DEFINITE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "the thousands of employees": a count given before
            # "thousands" alone is a count only of people or of countable events
            if not _people(counted) and counted not in _COUNTED_THINGS:
                continue
            drawn = _DRAWING.search(text, max(0, m.start() - 30), m.start())
            if drawn or _CROWD.match(text, counted_end):
                continue  # a crowd the reporter saw, like an attendance: no source needed
            value = _SCALE[m.group("bare").lower()]
        else:
            value = 10 * _SCALE[m.group("scale").lower()]
            if counted in ("years", "miles", "kilometres", "kilometers"):
                continue
        start = m.start("many")
        if counted in _MONEY_WORDS or (not counted and _MONEY_TALK.search(text)):
            kind = FigureKind.MONEY
        else:
            head = text[max(0, start - 60) : start]
            kind = count_kind(text, counted_end, counted, value, True, head)
            if kind is FigureKind.COUNT and _people(counted):
                kind = FigureKind.PEOPLE  # "thousands of bankers"
        extent = Span(start, counted_end)
        out.append(_figure(text, Span(start, m.end("many")), extent, value, kind, counted))
    return out


def _people(word: str) -> bool:
    """People counted: "voters", "bankers", "farmers", "Syrians" (not "numbers", "letters")."""
    return word in PEOPLE_NOUNS or (
        word.endswith(("ers", "ians", "ists", "ants", "ents")) and word not in _NOT_PEOPLE
    )


_NOT_PEOPLE = frozenset(
    wordlist(
        """numbers letters papers orders containers computers others matters layers towers
    barrels documents comments percents cents events moments elements segments payments
    components instruments agreements statements apartments departments oysters lobsters
    flowers waters rivers hours powers centers centres offers answers barriers borders
    chambers chapters clusters corners covers dinners disasters filters folders markers meters
    metres parameters quarters registers sensors shelters towers trailers transfers vouchers
    waivers cheers posters stickers banners leaflets flyers tickets"""
    )
)


def _shares(text: str) -> list[Figure]:
    out = []
    for m in _SHARE.finditer(text):
        share = m.group("share")
        if _SHARE_NOT_AFTER.search(text, max(0, m.start() - 20), m.start()):
            continue
        if _SHARE_RULE.match(text, m.end("share")) or _SHARE_OF_IT.match(text, m.end("share")):
            continue  # a statutory majority; arithmetic on the figure before
        approx = m.start("share") > m.start() + len(m.group("lead") or "")
        if m.group("part").lower().startswith("quarter") and not m.group("of"):
            continue  # "by a quarter point", "more than one quarter": a rate move, a period
        if not (m.group("lead") or m.group("of") or approx):
            continue  # "a third boy", "a third term": an ordinal; "one-fifth of a share"
        numerator = _NUMERATORS[share.split("-")[0].split()[0].lower()]
        part = m.group("part").lower().rstrip("s")
        if numerator == 1 and m.group("part").lower().endswith("s"):
            continue  # "one thirds": not a share
        value = round(100 * numerator / _PARTS[part], 1)
        span = Span(m.start("share"), m.end("share"))
        # a rule's or an accord's share ("Under the proposal, pay would have been cut by one
        # third") is on record
        kind = FigureKind.RECORD if is_statutory(text, span.start) else FigureKind.PERCENTAGE
        out.append(_figure(text, span, span, value, kind, "", unit="%"))
    return out


def _figure(
    text: str,
    span: Span,
    extent: Span,
    value: float,
    kind: FigureKind,
    counted: str,
    unit: str = "",
) -> Figure:
    return Figure(
        span=span,
        text=text[span.start : span.end],
        value=value,
        kind=kind,
        unit=unit,
        extent=extent,
        phrase=text[extent.start : extent.end],
        counted=counted,
        spelled=True,
        rough=True,
    )
