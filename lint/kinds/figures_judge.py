"""The document-level judgement of the ``figures`` kind: which figures need a source, and how
each is sourced across paragraphs (carried cues, block quotes, repeats)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.core.document import Block, BlockKind, Span
from lint.kinds.figures_frame import (
    NEEDS_SOURCE,
    SENTENCE_END,
    is_background,
    reports_past_year,
    story_frame,
)
from lint.text.analysis import BlockText, TextAnalysis
from lint.text.attribution import (
    ATTRIBUTED,
    OWN_SOURCE,
    QUOTED,
    UNATTRIBUTED,
    VAGUE,
    Judged,
    continues_account,
    ends_with_cue,
    has_cue,
    introduces_quote,
    judge,
)
from lint.text.figure_context import MONTH
from lint.text.numbers import Figure, FigureKind

if TYPE_CHECKING:
    from lint.kinds.figures import Options

_TOKEN = re.compile(r"\S+")
#: A note under a results table ("Prior year net includes tax credits of 53.7 mln dlrs",
#: "Results include loss of 7,435,000"): part of the company's release, like the table.
_RESULTS_NOTE = re.compile(
    r"\b(?:net|results?|revenues?|revs|earnings|profits?|loss|shr|per share|figures"
    r"|(?:19|20)\d\d|quarter|year|period|months)\b"
    r"[^.;]{0,60}?\b(?:include|includes|included|including|exclude|excludes|excluded"
    r"|reflects?|reflected)\b"
    # a note opening with its verb ("Also excludes loss of 1.7 mln dlrs", "Includes gain of")
    r"|\A\s*(?:also\s+)?(?:include|includes|included|exclude|excludes|excluded|reflects?)\b"
    # a note line under the table ("Note: Full company name is ..."), and the comparison after a
    # note ("This compares with a loss of 137,000 dlrs")
    r"|\A\s*note\s*:|\A\s*(?:this|these|which)\s+compares?\s+with\b",
    re.IGNORECASE,
)
_NUMERIC_TOKEN = re.compile(r"^[(\[]?[-+$£€¥]?\d[\d,.:/-]*%?[)\],;:.]?$")
#: ASCII bytes that are not letters, and not capitals: deleted to count what is left, in C
_NOT_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_CAPITAL = bytes(c for c in range(128) if not chr(c).isupper())
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


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
    carrying = False  # the paragraph before continued a source's account
    sourced: set[tuple[tuple[float, bool], str]] = set()
    latest = max(
        (f.value for b in blocks for f in shared.block(b).figures if f.kind is FigureKind.YEAR),
        default=0.0,
    )
    opening = [b for b in blocks if b.kind is BlockKind.PARAGRAPH][:2]
    past_year_story = any(
        reports_past_year(b.text) and has_cue(b.text, shared.block(b).quotes, options.cue_set)
        for b in opening
    )
    framed = story_frame(shared, blocks, options, past_year_story)
    noting = False  # the paragraph before was a results table or a note under one
    starts = [b.span.start for b in shared.document.blocks]
    for block in blocks:
        adjacent = previous is not None and previous.index == block.index - 1
        table = adjacent and previous is not None and skip_block(previous.text, options)
        # a table or note the rule's scope leaves out (an OTHER block) right before the paragraph
        table = table or _table_before(shared.document.blocks, starts, block.span.start)
        noting = (table or (adjacent and noting)) and _RESULTS_NOTE.search(block.text) is not None
        carried = quoted = False
        if adjacent and previous is not None:
            carried, quoted = _frame(shared.block(previous), options, carrying)
            carried = carried and not is_background(block.text, past_year_story)
        items = judge_block(shared.block(block), options, carried, quoted, latest)
        if block.index in framed or noting:
            items = [i if i.figure.kind in OWN_SOURCE else _attributed(i) for i in items]
        if previous is not None and _between_cues(shared, blocks, block, previous, options):
            items = [_attributed(item) for item in items]
        for item in items:
            results.append((block, _repeated(item, sourced)))
        carrying = carried
        previous = block
    return _titles(shared, results)


def _table_before(blocks: Sequence[Block], starts: list[int], start: int) -> bool:
    """Whether the document block right before ``start`` (``starts``: each block's start) is a
    results table line or a note under one that the rule's scope leaves out ("Net 3,443,392 vs
    3,242,588", "Note: ...")."""
    index = bisect.bisect_left(starts, start) - 1
    if index < 0 or blocks[index].kind is not BlockKind.OTHER:
        return False
    text = blocks[index].text
    return _VERSUS.search(text) is not None or _RESULTS_NOTE.search(text) is not None


_VERSUS = re.compile(r"\bvs\b", re.IGNORECASE)


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


def _frame(before: BlockText, options: Options, carrying: bool) -> tuple[bool, bool]:
    """Whether the paragraph after ``before`` continues a source's account, and whether it is a
    block quote ("The minister said:")."""
    if introduces_quote(before.text):
        return False, True
    if not options.carry_over:
        return False, False
    cues = options.cue_set
    if ends_with_cue(before.text, before.sentences, before.quotes, cues):
        return True, False
    return carrying and not has_cue(before.text, before.quotes, cues), False


def _titles(
    shared: TextAnalysis, results: list[tuple[Block, Judged]]
) -> list[tuple[Block, Judged]]:
    """A figure in a title-like block (no sentence punctuation) takes the class of the same
    figure elsewhere in the document."""
    blocks = {block.index: block for block, _ in results}
    titles = {index: _is_title(block.text) for index, block in blocks.items()}  # once per block
    classes: dict[tuple[float, bool], str] = {}
    for block, item in results:
        if not titles[block.index]:
            classes.setdefault(item.figure.key, item.attribution)
    out = []
    for block, item in results:
        cls = classes.get(item.figure.key)
        if titles[block.index] and cls is not None and cls != item.attribution:
            item = Judged(item.figure, cls, item.cue if cls == VAGUE else "")
        out.append((block, item))
    del shared
    return out


def _is_title(text: str) -> bool:
    """One line with no sentence punctuation, or in title case."""
    if "\n" in text.strip():
        return False
    if not SENTENCE_END.search(text):
        return True
    long = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


def judge_text(text: str, options: Options, carried: bool) -> list[Judged]:
    """The judged figures of one block of text on its own."""
    return judge_block(BlockText(text), options, carried, False)


def judge_block(
    block: BlockText, options: Options, carried: bool, quoted: bool, latest: float = 0.0
) -> list[Judged]:
    """The figures of one paragraph that need a source, each with how it is sourced."""
    if not block.claims or skip_block(block.text, options):
        return []
    found = [
        f
        for f in block.claims
        if f.kind in NEEDS_SOURCE
        and not excluded(block.text, f, options)
        and not _historical(block, f, latest)
        and not _difference(block, f)
        and not _quotient(block, f)
        and not _hypothetical(block, f)
    ]
    items = judge(block.text, block.sentences, block.quotes, found, options.cue_set)
    if block.estimates and _on_the_spot(block):
        # a rough count where the reporter is on the spot ("Others there told us") is what
        # the reporter saw there, like a crowd
        items = [_attributed(i) if i.figure.rough else i for i in items]
    if quoted:
        return [Judged(item.figure, QUOTED, "") for item in items]
    if carried:
        return [
            Judged(item.figure, ATTRIBUTED, "") if item.attribution == UNATTRIBUTED else item
            for item in items
        ]
    return items


#: The reporter on the spot, outside quotations: "told us", "we saw", "we met".
_ON_THE_SPOT = re.compile(
    r"\b(?:told|showed|gave|took) us\b|\b[Ww]e (?:saw|met|visited|spoke|watched|found|were shown)\b"
)


def _on_the_spot(block: BlockText) -> bool:
    return any(
        not any(q.start <= m.start() < q.end for q in block.quotes)
        for m in _ON_THE_SPOT.finditer(block.text)
    )


#: A figure dated this many years before the latest year a document mentions is history.
HISTORY_YEARS = 10


def _sentence(block: BlockText, figure: Figure) -> tuple[Span, Sequence[Figure]]:
    """The sentence holding ``figure`` and every figure in that sentence."""
    index = max(0, bisect.bisect_right(block.sentence_starts, figure.span.start) - 1)
    sentence = block.sentences[index]
    if not sentence.start <= figure.span.start < sentence.end:
        sentence = next(
            (s for s in block.sentences if s.start <= figure.span.start < s.end),
            block.sentences[-1],
        )
    starts = block.figure_starts
    lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
    return sentence, block.figures[lo:hi]


def _historical(block: BlockText, figure: Figure, latest: float) -> bool:
    """A figure whose sentence dates it, with every year it names, well before the latest year
    the story mentions ("the record price of $200,000 paid in 1929"): an established historical
    figure needs no source."""
    sentence, figures = _sentence(block, figure)
    years = [
        (abs(f.span.start - figure.span.start), f.value)
        for f in figures
        if f.kind is FigureKind.YEAR or (f.kind is FigureKind.DATE and 1800 <= f.value <= 2099)
    ]
    if not years:
        return False
    if min(years)[1] <= latest - HISTORY_YEARS:  # the year nearest it
        return True
    # the toll of an event the sentence dates by its year ("the bombings on 11 July 2006 killed
    # 189 people", "In 2000, they attacked the USS Cole, killing 17"): news dates today's
    # events by weekday, not by year
    said = block.text[sentence.start : sentence.end]
    if figure.kind is not FigureKind.CASUALTY and not (
        figure.kind is FigureKind.PEOPLE and _TOLL.search(said)
    ):
        return False
    return _DATED_EVENT.search(said) is not None


def _difference(block: BlockText, figure: Figure) -> bool:
    """A change that is arithmetic on two figures its sentence states ("sits at 85 percent, a 10
    percent drop from the 95 percent Obama received"): no new claim (FIGURES-POLICY.md)."""
    if not figure.percent or not _CHANGE.match(block.text, figure.span.end):
        return False
    _, figures = _sentence(block, figure)
    others = [f.value for f in figures if f.percent and f.span != figure.span]
    return any(
        abs(abs(a - b) - figure.value) < 1e-9 for i, a in enumerate(others) for b in others[i + 1 :]
    )


def _quotient(block: BlockText, figure: Figure) -> bool:
    """A percentage that is the share or the change of two amounts its sentence states ("100 mln
    dlrs or 0.51 pct of the total lending of 19.4 billion dlrs", "a record 19,656,498 contracts,
    up 17 pct from 16,768,145"): arithmetic, no new claim (FIGURES-POLICY.md)."""
    if not figure.percent or figure.value <= 0:
        return False
    _, figures = _sentence(block, figure)
    amounts = [f.value for f in figures if not f.percent and f.value > 0 and f.kind in _AMOUNTS]
    if len(amounts) < 2:
        return False
    digits = figure.text.replace(",", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    # the amounts are rounded too ("19.4 billion"): 2% of the percentage at least
    tolerance = max(0.5 * 10.0**-places, 0.02 * figure.value) + 1e-9
    for i, a in enumerate(amounts):
        for b in amounts[i + 1 :]:
            small, large = min(a, b), max(a, b)
            share = 100 * small / large
            change = 100 * (large - small) / small, 100 * (large - small) / large
            if any(abs(v - figure.value) <= tolerance for v in (share, *change)):
                return True
    return False


_AMOUNTS = frozenset({FigureKind.MONEY, FigureKind.COUNT, FigureKind.PEOPLE, FigureKind.CASUALTY})


_CHANGE = re.compile(
    r"\s*(?:-?\s*points? |-?\s*percentage[- ]points? )?(?:drop|fall|decline|rise|increase|gain"
    r"|jump|cut|swing|lead|gap)\b",
    re.IGNORECASE,
)


def _hypothetical(block: BlockText, figure: Figure) -> bool:
    """A worked example ("For example, on the first 350 tons a grower would receive 6 cts"):
    illustrative sums, not claims."""
    sentence, _ = _sentence(block, figure)
    said = block.text[sentence.start : sentence.end]
    return _EXAMPLE.match(said) is not None and _CONDITIONAL.search(said) is not None


#: A sentence opening a worked example, and the conditional that makes its sums illustrative.
_EXAMPLE = re.compile(
    r"\s*[\"“‘']?(?:For (?:example|instance)|Say|Suppose|Imagine|Take|Consider|If an?)\b"
)
_CONDITIONAL = re.compile(r"\b(?:would|could|might)\b")


_TOLL = re.compile(r"\b(?:kill|die|dead|death|injur|wound)", re.IGNORECASE)


_MONTH = rf"{MONTH}\.?"  # the recogniser's month names
#: An event dated by its year: "In 2000,", "on 11 July 2006", "on July 11, 2006", "in March 2014",
#: "the 11 July 2006 serial bombings".
_DATED_EVENT = re.compile(
    r"\b(?:[Ii]n|[Oo]n|[Dd]uring|[Tt]he)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+|{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?:1[89]|20)\d\d\b(?!\s*[-–])"
)


def _repeated(item: Judged, sourced: set[tuple[tuple[float, bool], str]]) -> Judged:
    """A figure repeated after it was sourced keeps its source."""
    key = (item.figure.key, item.figure.unit)
    if item.attribution in (ATTRIBUTED, QUOTED):
        sourced.add(key)
    elif key in sourced and item.figure.value >= 10:
        return Judged(item.figure, ATTRIBUTED, "")
    return item


def excluded(text: str, figure: Figure, options: Options) -> bool:
    """The rule's own exclusions: spelled numbers below ``spelled_min`` or after a determiner,
    ``not_before`` and ``not_after``."""
    head = text[max(0, figure.extent.start - 40) : figure.extent.start]
    if figure.spelled and not figure.rough:  # rough quantities have their own (estimates.py)
        if figure.value < options.spelled_min:
            return True
        if options.spelled_before_pattern and options.spelled_before_pattern.search(head[-20:]):
            return True
    money_or_percent = figure.kind in (FigureKind.MONEY, FigureKind.PERCENTAGE)
    if not money_or_percent and options.before_pattern and options.before_pattern.search(head):
        return True
    return bool(
        not figure.percent
        and options.after_pattern
        and options.after_pattern.match(text, figure.span.end)
    )


@functools.lru_cache(maxsize=4096)
def skip_block(text: str, options: Options) -> bool:
    """Tables and blocks mostly in a non-Latin script or in capitals are not checked."""
    if text.isascii():  # letters are Latin; the counts below, without a list of letters
        data = text.encode("ascii")
        letters = len(data.translate(None, _NOT_LETTER))
        if not letters:
            return True
        capitals = len(data.translate(None, _NOT_CAPITAL))
    else:
        found = _LETTER.findall(text)
        letters = len(found)
        if not letters or len(_LATIN.findall(text)) * 2 < letters:
            return True
        capitals = sum(1 for ch in found if ch.isupper())
    if capitals * 2 > letters:
        return True  # an all-capitals heading or table
    if options.table_pattern and options.table_pattern.search(text):
        return True
    tokens = text.split()  # what _TOKEN finds: str.split and re's \s agree on white space
    numeric = len(list(filter(_NUMERIC_TOKEN.match, tokens)))
    ratio = numeric / len(tokens)
    if ratio >= options.table_ratio:
        return True
    return ratio >= options.table_ratio / 2 and not SENTENCE_END.search(text)
