"""The story's reporting frame: which paragraphs continue a source's account across paragraphs.

News prose attributes once and goes on without repeating "said": a wire story built on one
release, announcement or poll names its source in the lead and gives further parts of the same
account in the paragraphs that follow; "the Bank said" closing one paragraph covers the figures
of the next; "..., the agency added." opening the next paragraph claims the one before it.
FIGURES-POLICY.md counts a paragraph continuing a source's account as sourced, and the reporter's
own background (earlier periods, history) as not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.core.document import Block, BlockKind
from lint.kinds.figures_background import (
    dated_earlier,
    failure_story,
    is_background,
    latest_year,
    without_size,
)
from lint.kinds.figures_exclude import skip_block
from lint.text.analysis import TextAnalysis
from lint.text.cue_spans import cue_spans
from lint.text.figure_clause import SENTENCE_END
from lint.text.numbers import FigureKind

if TYPE_CHECKING:
    from lint.kinds.figures import Options

#: The kinds of figure that need a source (FIGURES-POLICY.md, "needs a source").
NEEDS_SOURCE = frozenset(
    {
        FigureKind.CASUALTY,
        FigureKind.PEOPLE,
        FigureKind.MONEY,
        FigureKind.PERCENTAGE,
        FigureKind.COUNT,
    }
)
#: Paragraphs after the last one naming a source that a story's frame still covers.
REACH = 3


#: A paragraph opening by carrying on the account before it ("The ministry also said",
#: "It added that", "The agency further estimated").
_CONTINUES = re.compile(
    r"\s*(?:[\"“‘']?\w[\w'’.-]*(?: [\w'’.-]+){0,4} )?"
    r"(?:also (?:said|says|reported|estimated|forecast|noted|told)|added|adds"
    r"|further (?:said|noted))\b"
    r"|\s*(?:It|They|He|She) (?:said|says|reported|estimated|noted)\b",
)


#: A name opening a paragraph before its reporting verb ("Toyota Motor Corp <TOYO.T> said"):
#: the source whose account later paragraphs opening with the same name carry on.
_NAMED_HEAD = re.compile(
    # ("Chrysler Corp's Chrysler Motors Corp\nsaid": a possessive, a wrapped line)
    r"\s*(?:The )?([A-Z][\w&-]+)(?:[\s-][A-Z][\w.&'’-]*|\s*<[^>\n]*>|\s*\([^)\n]*\)){0,5}\s*,?\s*$"
)
#: A company's name: "the company" opening a later paragraph carries on its account.
_CORPORATE = re.compile(
    r"\b(?:Corp|Corporation|Inc|Co|Ltd|Plc|PLC|AG|SA|NV|Group|Holdings?|Bank)\b\.?"
)
#: A paragraph opening with the subject of a source's account: its name, possessive or not
#: ("Toyota's exports to the U.S. rose"), or "The company's" after a company.
_OPENING_NAME = re.compile(r"\s*(?:The )?([A-Z][\w&-]+)(?:['’]s?\b)?")
_GENERIC = re.compile(r"\s*The (?:company|group|firm)(?:['’]s)?\b")
_RESULTS_TABLE = re.compile(
    r"(?m)^\s*(?:oper |primary |fully diluted )?(?:shr|net|revs|sales)\b[^\n]*\bvs\b",
    re.IGNORECASE,
)
#: A wire headline naming its source after a dash ("FEEDLOT ROUNDUP - USDA", "... - OFFICIAL",
#: "... - BANKERS"): the story is that source's report. Unnamed sources are left to the
#: vague-attribution rule ("... - SOURCES", "- TRADE SOURCES").
_HEADLINE_SOURCE = re.compile(
    r"^(?!\s*(?:ECONOMIC SPOTLIGHT|FEATURE|ANALYSIS|FOCUS|INTERVIEW|COLUMN|COMMENTARY|RPT"
    r"|CORRECTED)\b)\S+(?:\s+\S+){2,}"  # a headline of three words or more before the dash
    r"\s[-–]\s*(?!(?:[A-Z]+\s)*(?:SOURCES?|TRADE)\s*$)"  # trade sources are unnamed
    r"(?!(?:LIVE|UPDATE|EXCLUSIVE|ANALYSIS|VIDEO|PHOTOS?|OPINION|EDITORIAL|BREAKING|REPORT)\b)"
    r"[A-Z][A-Z.&'/]*(?:\s[A-Z][A-Z.&'/]*){0,2}"
    r"(?:\s[-–]\s*[A-Z]+\.?\s\d{1,2})?\s*$"  # and a date ("PORK TRADE - USDA - APRIL 7")
)
#: A lead introducing a list ("The following proposed securities offerings were filed recently
#: with the Securities and Exchange Commission:", "The following import levies for white and raw
#: sugar are effective tomorrow", "The following deliveries are scheduled for April 6 against"):
#: the items after it are the list's entries, a filing's, an official table's or an exchange's.
_LIST_LEAD = re.compile(
    r"\s*The following\b"
    # (or a source's: "The U.S. Agriculture Department announced the following prices of rice")
    r"|(?:[^.]|(?<=\b[A-Z])\.){0,120}?"
    r"\b(?:announced|said|reported|released|issued|published|set)\s+the following\b"
)
#: A lead naming a dataset or calculation as its source.
_DATASET = re.compile(
    r"\baccording to (?:\w+ ){0,2}(?:calculations|figures|data|statistics|surveys?|estimates)\b"
    r"|\b(?:figures|data|statistics) (?:from|released|published|compiled)\b"
    r"|\b(?:figures|data|statistics) (?:\w+ ){0,2}(?:show|showed)\b",
    re.IGNORECASE,
)
#: An official body or a trade group as a release's source.
_OFFICIAL = re.compile(
    r"\b(?:department|ministry|bureau|office|agency|central bank|reserve bank|board|commission"
    r"|institute|association|federation|authority|exchange|administration|council|treasury"
    # a company named as the lead's source after its cue ("..., Equity Silver Corp said")
    r"|corp|corporation|inc|co|ltd|plc)\b",
    re.IGNORECASE,
)


def _official(text: str, start: int, end: int) -> bool:
    """Whether the source next to a cue (before it, or just after it) is an official body."""
    return _OFFICIAL.search(text, max(0, start - 40), min(len(text), end + 40)) is not None


#: Opening names that are no source's: articles, pronouns, connectives.
_NOT_NAMES = frozenset(
    {
        "The",
        "A",
        "An",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "In",
        "On",
        "At",
        "But",
        "And",
        "For",
        "Of",
        "By",
        "This",
        "That",
        "These",
        "Those",
        "Last",
    }
)


def named_source(text: str, cue_start: int) -> tuple[str, bool] | None:
    """The name that opens ``text`` as the subject of the cue at ``cue_start`` ("Toyota" for
    "Toyota Motor Corp <TOYO.T> said ..."), and whether it names a company; ``None`` when the
    paragraph does not open with its source."""
    head = _NAMED_HEAD.match(text, 0, cue_start)
    if head is None or head.group(1) in _NOT_NAMES:
        return None
    return head.group(1), _CORPORATE.search(text, 0, cue_start) is not None


_OTHER_OWNER = re.compile(r"\s*(?:The )?([A-Z][\w&-]+)(?: [A-Z][\w&-]+){0,3}['’]s?\s")


def opens_with_other(text: str, names: set[str]) -> bool:
    """Whether a paragraph opens with another owner's figures ("Honda's exports rose ...")."""
    owner = _OTHER_OWNER.match(text)
    return owner is not None and owner.group(1) not in names and owner.group(1) not in _NOT_NAMES


def continues_named(text: str, names: set[str], company: bool) -> bool:
    """Whether a paragraph opens with the subject of an earlier source's account: the same
    name ("Toyota's exports ...", "Nissan exports ...") or "The company" after a company."""
    if company and _GENERIC.match(text):
        return True
    opening = _OPENING_NAME.match(text)
    return opening is not None and opening.group(1) in names


def story_frame(
    shared: TextAnalysis, blocks: Sequence[Block], options: Options, past_year_story: bool
) -> dict[int, bool]:
    """:func:`framed_blocks`, once per document for these blocks and options."""
    spans = tuple((b.span.start, b.span.end) for b in blocks)
    key = ("figures-frame", options, spans, past_year_story)
    return shared.memo(key, lambda: framed_blocks(shared, blocks, options, past_year_story))


def framed_blocks(
    shared: TextAnalysis, blocks: Sequence[Block], options: Options, past_year_story: bool
) -> dict[int, bool]:
    """Indices of the paragraphs, with no cue of their own, that continue a source's account,
    each with whether it is a further item of a company's own release (whose counts of its
    workers are its own: "Some 2,800 workers will be laid off" after "Chrysler Corp said")."""
    if not options.carry_over:
        return {}
    paragraphs = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    # only paragraphs with a figure that may need a source are judged: the frame is read up to
    # the last of them
    judged = [
        i
        for i, b in enumerate(paragraphs)
        if not skip_block(b.text, options)
        and any(f.kind in NEEDS_SOURCE for f in shared.block(b).claims)
    ]
    if not judged:
        return {}
    read = paragraphs[: judged[-1] + 1]
    cued = []
    reals = []  # each paragraph's real cue spans
    for block in read:
        text = shared.block(block)
        real, vague = cue_spans(text.text, text.quotes, options.cue_set)
        # an unnamed source counts only where it is reported with a figure (its finding)
        figured = bool(vague) and any(f.kind in NEEDS_SOURCE for f in text.figures)
        cued.append((bool(real), figured))
        reals.append(real)
    covered: dict[int, bool] = {}
    names: set[str] = set()  # sources that opened a paragraph naming them before their cue
    company = False
    lead = bool(paragraphs) and cued[0][0]
    # the story's lead: the first paragraph, or the second after a headline (capitals or no stop)
    heading = paragraphs[0].text if paragraphs else ""
    first = int(len(paragraphs) > 1 and (not SENTENCE_END.search(heading) or heading.isupper()))
    # a release story: its lead is a company's own statement, an official body's release or a
    # dataset, or it opens with a company's results table ("Shr 2.03 dlrs vs 1.53 dlrs"), whose
    # rows may be headings or paragraphs (so the document is read up to the lead's end)
    headline = shared.document.headline
    table_lead = (
        bool(paragraphs)
        and _RESULTS_TABLE.search(shared.document.text, 0, paragraphs[first].span.end) is not None
    )
    company_lead = table_lead  # the release is a company's own
    release_lead = (
        table_lead
        # (a lead ending "...:" or "... -" may be read as a heading: any block up to the lead)
        or (
            bool(paragraphs)
            and any(
                _LIST_LEAD.match(b.text)
                for b in shared.document.blocks
                if b.span.start <= paragraphs[first].span.start
            )
        )
        or (
            bool(paragraphs)
            and headline is not None
            and _HEADLINE_SOURCE.search(headline.text) is not None
        )
    )
    latest = latest_year([b.text for b in paragraphs])
    failure = lead and failure_story(paragraphs[first].text)
    last = -REACH - 1  # the last paragraph naming a source
    unnamed = -REACH - 1  # the last paragraph whose only source is unnamed ("sources said")
    for i, block in enumerate(read):
        before_unnamed = unnamed  # (a paragraph's own unnamed source does not cover it)
        if cued[i][0]:
            last = i
            real = reals[i]
            source = named_source(block.text, min(s.start for s in real))
            if source is not None:
                names.add(source[0])
                company = company or source[1]
            # a lead naming a company, a dataset or calculation ("according to calculations by
            # Reuters Pipeline") or an official body ("..., the statistics department said")
            company_lead = company_lead or (i == first and source is not None and source[1])
            release_lead = (
                release_lead
                or company_lead
                or (
                    i == first
                    and (
                        _DATASET.search(block.text) is not None
                        or any(_official(block.text, s.start, s.end) for s in real)
                    )
                )
            )
        elif cued[i][1]:
            unnamed = i
        # (a paragraph with an unnamed source's figure may be framed too: its vague findings stay,
        # and the figures its vague cue does not reach, lint.text.vague_reach, are judged in the
        # story's frame like any other: "offering of 1.2 mln shares at an estimated 10 dlrs")
        # (in a story of an institution's failure its size is the regulator's account)
        plain = without_size(block.text) if failure else block.text
        if cued[i][0] or is_background(plain, past_year_story, release_lead):
            continue
        # a paragraph going on with an unnamed source's account ("freight sources said" and a
        # list of cargoes after it): that source's vague-attribution finding covers it, one
        # problem one finding
        near_source = (lead and i - last <= REACH) or (
            before_unnamed > last and i - before_unnamed <= REACH
        )
        carried_on = i + 1 < len(paragraphs) and _CONTINUES.match(paragraphs[i + 1].text)
        # a paragraph whose subject is an earlier source's ("Toyota's exports to the U.S. rose"
        # after "Toyota Motor Corp said its exports fell"): further parts of the same release
        same_subject = bool(names) and continues_named(block.text, names, company)
        # a release story: its further results, not a profile dated before them
        release = (
            same_subject or (release_lead and not opens_with_other(block.text, names))
        ) and not dated_earlier(block.text, latest)
        if near_source or carried_on or release:
            covered[block.index] = release and company_lead
    return covered
