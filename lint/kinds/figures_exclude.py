"""Figures the ``figures`` kind leaves out before judging attribution: the rule's own
exclusions (``not_before``, ``not_after``, small spelled numbers), tables and non-Latin or
all-capitals blocks, history (a toll its sentence dates years before the story), arithmetic on
figures in the same sentence (a difference, a share or change of two amounts) and worked
examples ("if a family earned $50,000, it would pay ...")."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.core.document import Span
from lint.text.analysis import BlockText
from lint.text.figure_clause import SENTENCE_END
from lint.text.figure_context import MONTH
from lint.text.gated import found_in
from lint.text.layout import NOT_LETTER
from lint.text.numbers import Figure, FigureKind

if TYPE_CHECKING:
    from lint.kinds.figures import Options

#: A table cell: a number, or a table's word for none ("nil", "n.a.", "unch"), in a row like
#: "Soybean prev 100.9, Feb 45.1, Mar nil, Apr nil, total 166.1 (218.5)."
_NUMERIC_TOKEN = re.compile(
    r"^[(\[]?(?:[-+$£€¥]?\d[\d,.:/-]*%?|nil|n\.?a\.?|unch|nc)[)\],;:.]{0,2}$", re.IGNORECASE
)
#: A value with the previous one in brackets, as price and registration tables give them.
_PAIRED = re.compile(r"\d[\d,.]*\s+\((?:[\d,.]+|nil)\)")
#: ASCII bytes that are not capitals: deleted to count what is left, in C (letters: NOT_LETTER)
_NOT_CAPITAL = bytes(c for c in range(128) if not chr(c).isupper())
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def left_out(block: BlockText, figure: Figure, options: Options, latest: float) -> bool:
    """Whether ``figure`` of ``block`` is left out before its attribution is judged."""
    return (
        excluded(block.text, figure, options)
        or _historical(block, figure, latest)
        or _difference(block, figure)
        or _quotient(block, figure)
        or _hypothetical(block, figure)
    )


#: A figure dated this many years before the latest year a document mentions is history.
HISTORY_YEARS = 10


def figure_sentence(block: BlockText, figure: Figure) -> tuple[Span, Sequence[Figure]]:
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
    sentence, figures = figure_sentence(block, figure)
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
    _, figures = figure_sentence(block, figure)
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
    _, figures = figure_sentence(block, figure)
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
    sentence, _ = figure_sentence(block, figure)
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


#: ASCII bytes as :func:`_cells_at_most` reads them: a digit as "0", anything else a space
_DIGIT_RUNS = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))
#: What a table cell that is a word holds (lowercase): every match of "nil|n\.?a\.?|unch|nc"
_CELL_WORDS = ("nil", "na", "n.a", "unch", "nc")


def _cells_at_most(text: str, data: bytes | None = None) -> int:
    """At least the number of tokens of an ASCII ``text`` (``data``: its bytes, when already
    encoded) that ``_NUMERIC_TOKEN`` matches, counted in C: such a token holds a run of digits
    or one of ``_CELL_WORDS``, and tokens do not share them (white space parts them)."""
    runs = len((text.encode("ascii") if data is None else data).translate(_DIGIT_RUNS).split())
    low = text.lower()
    # ``_CELL_WORDS`` counted one by one (no generator)
    nil, na, n_a, unch, nc = _CELL_WORDS
    return runs + low.count(nil) + low.count(na) + low.count(n_a) + low.count(unch) + low.count(nc)


@functools.lru_cache(maxsize=4096)
def skip_block(text: str, options: Options) -> bool:
    """Tables and blocks mostly in a non-Latin script or in capitals are not checked."""
    data: bytes | None = None
    if text.isascii():  # letters are Latin; the counts below, without a list of letters
        data = text.encode("ascii")
        letters = len(data.translate(None, NOT_LETTER))
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
    if options.table_pattern and found_in(options.table_pattern, text):
        return True
    if "(" in text and len(_PAIRED.findall(text)) >= 2:
        return True  # values with the previous ones in brackets: "oil 290 (280), meal 99 (98)"
    tokens = text.split()
    if data is not None and _cells_at_most(text, data) / len(tokens) < options.table_ratio / 2:
        return False  # too few tokens can be numeric for either test below
    numeric = len(list(filter(_NUMERIC_TOKEN.match, tokens)))
    ratio = numeric / len(tokens)
    if ratio >= options.table_ratio:
        return True
    return ratio >= options.table_ratio / 2 and not SENTENCE_END.search(text)
