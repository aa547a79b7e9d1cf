"""The document-level judgement of the ``figures`` kind: which figures need a source, and how
each is sourced across paragraphs (carried cues, block quotes, repeats). The frame a paragraph
takes from the one before it is read in :mod:`lint.kinds.figures_carry`, a title's figures are
judged in :mod:`lint.kinds.figures_titles`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from lint.core.document import Block, BlockKind, Span
from lint.kinds.figures_background import reports_past_year
from lint.kinds.figures_carry import Frames, in_frame
from lint.kinds.figures_exclude import left_out, skip_block
from lint.kinds.figures_frame import NEEDS_SOURCE, story_frame
from lint.kinds.figures_remainder import is_remainder
from lint.kinds.figures_repeats import Sourced, note_limits, repeated
from lint.kinds.figures_titles import judge_titles
from lint.text.analysis import BlockText, TextAnalysis
from lint.text.attribution import ATTRIBUTED, OWN_SOURCE, UNATTRIBUTED, Judged, judge, profile
from lint.text.gated import found_in
from lint.text.numbers import FigureKind
from lint.text.paragraph_frame import continues_account, has_cue
from lint.text.quotes import inside

if TYPE_CHECKING:
    from lint.kinds.figures import Options

#: A note under a results table ("Prior year net includes tax credits of 53.7 mln dlrs",
#: "Results include loss of 7,435,000"): part of the company's release, like the table.
_RESULTS_NOTE = re.compile(
    r"\b(?:net|results?|revenues?|revs|earnings|profits?|loss|shr|per share|figures"
    r"|(?:19|20)\d\d|quarter|year|period|months)\b"
    r"[^.;]{0,60}?\b(?:include|includes|included|including|exclude|excludes|excluded"
    r"|reflects?|reflected|restated)\b"
    # a note opening with its verb ("Also excludes loss of 1.7 mln dlrs", "Includes gain of")
    r"|\A\s*(?:also\s+)?(?:include|includes|included|exclude|excludes|excluded|reflects?)\b"
    # a note line under the table ("Note: Full company name is ..."), and the comparison after a
    # note ("This compares with a loss of 137,000 dlrs")
    r"|\A\s*note\s*:|\A\s*(?:this|these|which)\s+compares?\s+with\b"
    # the share count the per-share figures rest on ("average shares outstanding were")
    r"|\b(?:average|avg)\s+shares\b|\bshares\s+outstanding\b",
    re.IGNORECASE,
)


#: A further note under a results table, in the table's terms, with no verb of its own that
#: ``_RESULTS_NOTE`` knows ("per share amounts are calculated after preferred dividends", "Fiscal
#: 1986 net reduced by currency losses", "4.2 mln dlrs and 22.5 mln dlrs for 1987 and 1986,
#: respectively", "Pretax profit 555.0 mln, a 11.7 pct rise"): read only right after a table or
#: a note, whose release it goes on with.
_NOTE_GOES_ON = re.compile(
    r"\b(?:shr|per shr|qtr|mths|net|revs|pretax|pre-tax|operating profit|turnover|dividends?"
    r"|respectively)\b",
    re.IGNORECASE,
)


def judged_blocks(
    shared: TextAnalysis, blocks: Sequence[Block], options: Options
) -> list[tuple[Block, Judged]]:
    """:func:`judge_blocks`, once per document for these blocks and options (the two figure
    rules and the learned judge's evidence all ask for it)."""
    key = ("figures-judged", options, tuple((b.span.start, b.span.end) for b in blocks))
    return shared.memo(key, lambda: judge_blocks(shared, blocks, options))


def judge_blocks(
    shared: TextAnalysis, blocks: Sequence[Block], options: Options
) -> list[tuple[Block, Judged]]:
    """Every judged figure of ``blocks`` with its block, in order."""
    results: list[tuple[Block, Judged]] = []
    previous: Block | None = None
    sourced: Sourced = {}  # sourced figures by number
    # the story's latest year, from the paragraphs the rule reads (a table's figures are never
    # classified: a quarter of a wire corpus's numerals are in tables)
    skipped = [skip_block(b.text, options) for b in blocks]  # (asked once per block here)
    latest = _latest_year(shared, blocks, skipped)
    opening = [b for b in blocks if b.kind is BlockKind.PARAGRAPH][:2]
    past_year_story = any(
        reports_past_year(b.text) and has_cue(b.text, shared.block(b).quotes, options.cue_set)
        for b in opening
    )
    framed: dict[int, bool] | None = None  # the story's frame, read once a figure needs it
    noting = False  # the paragraph is a note under a results table
    chained = False  # the paragraph before was a results table or a note under one
    starts = [b.span.start for b in shared.document.blocks]
    frames = Frames(options, past_year_story)
    before: BlockText | None = None  # the analysis of ``previous``
    for at, block in enumerate(blocks):
        adjacent = previous is not None and previous.index == block.index - 1
        table = adjacent and previous is not None and skipped[at - 1]
        # a table or note the rule's scope leaves out (an OTHER block) right before the paragraph
        table = table or _table_before(shared.document.blocks, starts, block.span.start, options)
        here = shared.block(block)
        noting = (table or (adjacent and chained)) and (
            found_in(_RESULTS_NOTE, block.text) or found_in(_NOTE_GOES_ON, block.text)
        )
        # (a line with no figure to judge between two notes does not end them: "The company
        # discontinued operations in that unit on Jan. 17.")
        chained = noting or (
            adjacent and chained and not any(f.kind in NEEDS_SOURCE for f in here.claims)
        )
        frames.add(before if adjacent else None, here)
        items: list[Judged] = []
        if not skipped[at] and here.claims:  # a table's figures are not read
            run_together = _run_together(shared.document.blocks, starts, block)
            items = _judged(here, options, latest, run_together)
            if items:  # the frame from the paragraph before, read only for figures to judge
                items = in_frame(
                    here, items, frames.carried, frames.quoted, frames.estimated, frames.recounted
                )
        if framed is None and any(i.attribution == UNATTRIBUTED for i in items):
            framed = story_frame(shared, blocks, options, past_year_story)
        if (framed is not None and block.index in framed) or noting:
            # casualties and people counts need their own source, except a company's count of
            # its own workers in its release (a results note is a company's release too)
            own = noting if framed is None else framed.get(block.index, noting)
            items = [i if _needs_own(i.figure.kind, own) else _attributed(i) for i in items]
        if (
            previous is not None
            and any(i.attribution == UNATTRIBUTED for i in items)
            and _between_cues(shared, blocks, block, previous, options)
        ):
            # (not a present-tense profile: "The company has 12,000 employees")
            here = shared.block(block)
            items = [
                item if profile(here.text, here.sentence_starts, item.figure) else _attributed(item)
                for item in items
            ]
        if not skipped[at]:
            note_limits(here, sourced)  # a limit or target a later figure is measured against
        for item in items:
            if item.attribution == UNATTRIBUTED and is_remainder(
                here, item.figure, _read_before(shared, blocks, skipped, at)
            ):
                item = _attributed(item)  # "the remaining 26" of a set stated before
            results.append((block, repeated(item, sourced, here)))
        previous, before = block, here
    return judge_titles(shared, results)


def _read_before(
    shared: TextAnalysis, blocks: Sequence[Block], skipped: list[bool], at: int
) -> Iterator[BlockText]:
    """The paragraphs before ``blocks[at]`` whose figures the rule reads (a table's are never
    read), run only when iterated."""
    for block, table in zip(blocks[:at], skipped, strict=False):
        if not table:
            yield shared.block(block)


def _latest_year(shared: TextAnalysis, blocks: Sequence[Block], skipped: list[bool]) -> float:
    """The latest year among the figures of the blocks not ``skipped`` (0.0 if none): a loop in
    place of ``max`` over a generator, which resumed once per figure (the first of equal
    values, as ``max`` keeps)."""
    latest: float | None = None
    year = FigureKind.YEAR
    for block, skip in zip(blocks, skipped, strict=True):
        if not skip:
            for figure in shared.block(block).figures:
                if figure.kind is year and (latest is None or figure.value > latest):
                    latest = figure.value
    return 0.0 if latest is None else latest


def _run_together(blocks: Sequence[Block], starts: list[int], block: Block) -> bool:
    """Whether ``block`` is one of the paragraphs :meth:`TextAnalysis.paragraphs` split a
    run-together block into, not a block of the document (``blocks``, starting at ``starts``)."""
    index = bisect.bisect_right(starts, block.span.start) - 1
    return index < 0 or blocks[index].span != block.span


def _table_before(blocks: Sequence[Block], starts: list[int], start: int, options: Options) -> bool:
    """Whether the document block right before ``start`` (``starts``: each block's start) is a
    results table line or a note under one that the rule's scope leaves out ("Net 3,443,392 vs
    3,242,588", "Operating profit 629.0 mln, a 12.1 pct increase", "Note: ...", a note with no
    stop read as a title)."""
    index = bisect.bisect_left(starts, start) - 1
    if index < 0 or blocks[index].kind is BlockKind.PARAGRAPH:
        return False  # a table line, or a note line with no stop (read as a title)
    text = blocks[index].text
    if _VERSUS.search(text) is not None or found_in(_RESULTS_NOTE, text):
        return True
    # a row of figures the scope leaves out as a table's (not a heading in capitals)
    return (
        blocks[index].kind is BlockKind.OTHER
        and _DIGIT.search(text) is not None
        and skip_block(text, options)
    )


_DIGIT = re.compile(r"\d")


_VERSUS = re.compile(r"\bvs\b", re.IGNORECASE)


def _needs_own(kind: FigureKind, company_release: bool) -> bool:
    """Whether a figure of this kind needs its own source inside a framed paragraph."""
    return kind in OWN_SOURCE and not (company_release and kind is FigureKind.PEOPLE)


def _between_cues(
    shared: TextAnalysis,
    blocks: Sequence[Block],
    block: Block,
    previous: Block,
    options: Options,
) -> bool:
    """A paragraph with no cue between one with a cue and one continuing that account with a
    pronoun speech tag ("..., they said.") is part of the account."""
    if not options.carry_over or previous.index != block.index - 1:
        return False
    after = next((b for b in blocks if b.index == block.index + 1), None)
    if after is None:
        return False
    here, before, later = shared.block(block), shared.block(previous), shared.block(after)
    cues = options.cue_set
    return (
        not has_cue(here.text, here.quotes, cues)
        and has_cue(before.text, before.quotes, cues)
        and continues_account(later.text, later.quotes)
    )


def _attributed(item: Judged) -> Judged:
    return Judged(item.figure, ATTRIBUTED, "") if item.attribution == UNATTRIBUTED else item


def judge_text(text: str, options: Options, carried: bool) -> list[Judged]:
    """The judged figures of one block of text on its own."""
    return judge_block(BlockText(text), options, carried, False)


def judge_block(
    block: BlockText,
    options: Options,
    carried: bool,
    quoted: bool,
    latest: float = 0.0,
    run_together: bool = False,
) -> list[Judged]:
    """The figures of one paragraph that need a source, each with how it is sourced."""
    if skip_block(block.text, options) or not block.claims:  # a table's figures are not read
        return []
    items = _judged(block, options, latest, run_together)
    return in_frame(block, items, lambda: carried, lambda: quoted) if items else items


def _judged(block: BlockText, options: Options, latest: float, run_together: bool) -> list[Judged]:
    """The figures of one paragraph (not a table, with claims) that need a source, each with
    how the paragraph alone sources it."""
    found = [
        f
        for f in block.claims
        if f.kind in NEEDS_SOURCE and not left_out(block, f, options, latest)
    ]
    items = judge(block.text, block.sentences, block.quotes, found, options.cue_set, run_together)
    if block.estimates and _on_the_spot(block):
        # a rough count where the reporter is on the spot ("Others there told us") is what
        # the reporter saw there, like a crowd
        items = [_attributed(i) if i.figure.rough else i for i in items]
    return items


#: The reporter on the spot, outside quotations: "told us", "we saw", "we met".
_ON_THE_SPOT = re.compile(
    r"\b(?:told|showed|gave|took) us\b|\b[Ww]e (?:saw|met|visited|spoke|watched|found|were shown)\b"
)


def _on_the_spot(block: BlockText) -> bool:
    return any(
        not inside(block.quotes, Span(m.start(), m.end()))
        for m in _ON_THE_SPOT.finditer(block.text)
    )
