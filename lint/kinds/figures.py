"""Kind ``figures``: statistics stated in the narrator's voice without (or with a vague) source.

Document level: each block (paragraph) is analysed on its own, and the paragraph before it may
carry an attribution into it (see ``carry_over``).

A *figure* is a count, percentage, amount of money or other quantity written as a numeral
("1,400", "10%", "5.9 mln", "$3 billion") or in words ("thirteen civilians", "two million"). The
figure as reported is the number with its currency, multiplier or percent sign, and for counts
the thing counted ("13 officers", "111 civilian deaths").

Not figures (skipped):

- years (a bare 1800-2099 without comma, currency, multiplier or percent), decades ("1980s");
- dates: a number of at most 31 next to a month name ("March 6", "6 March", "Feb. 22"), numeric
  dates ("14/03/2025", "2025-03-14");
- times ("10:30", "3 p.m.", "1400 GMT") and phone numbers;
- ordinals ("19th") and anything with letters attached that are not a unit ("3D", "737MAX");
- names with numbers: letters or a hyphen before the number ("G7", "COVID-19", "F-16"), a label
  word before it (option ``not_before``: "Section 3", "aged 25", "No. 10") or a capitalised word
  in mid-sentence ("Boeing 737", "FTSE 100"), unless the number carries a currency or percent;
- compound modifiers ("25-year-old", "10-day", "15-member");
- what option ``not_after`` lists right after the number: durations ("two days", "four more
  weeks"), ages ("25 years old"), clock times, distances used as directions ("30 km north");
- list numbering at the start of a line ("1. ", "(2) ");
- numbers inside quotation marks (what a source said carries its own attribution);
- vague quantities: multiplier words without a number ("hundreds", "a few hundred thousand",
  "tens of thousands", "a million") are not precise claims, and spelled numbers below
  ``spelled_min`` (default 2: "one" is nearly always a pronoun or article);
- table rows: blocks where numbers make up ``table_ratio`` of the tokens or more, or short blocks
  with no sentence punctuation that have many numbers ("Shr 12 cts vs 10 cts");
- blocks mostly in a non-Latin script: the cue lists are English.

Attribution (per figure):

- *attributed*: a cue (option ``cues``: "said", "according to", "estimated"...) outside quotation
  marks in the figure's sentence or within ``window`` sentences of it in the same block. The
  source may precede or follow the content ("X said", "said X", "according to X"). A quotation
  with its speech tag ("..., she said.") is a sentence with a cue like any other.
- *carried*: with ``carry_over`` (default on), a cue in the last sentence of the paragraph just
  before also attributes the figures of a paragraph (newswire continues "..., the ministry
  said." into the next paragraph). Only the immediately preceding block counts.
- *vague*: no cue, but a vague cue (option ``vague_cues``: "reports suggest", "it is believed")
  in the figure's sentence or within ``vague_window`` sentences (default 0: a vague cue covers its
  own sentence only). A cue that overlaps a vague cue ("sources *say*", "it is *estimated*",
  "according to reports") counts as vague.
- *unattributed*: neither.

``report`` picks which of ``unattributed`` and ``vague`` the rule yields.

Hit values: ``figure`` (as written) and ``cue`` (the vague cue, empty for unattributed). Hit data:
``figure``, ``value`` (the number parsed, a float; the lower bound for a range), ``attribution``
and ``cue``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lint.core.document import Block, Document, Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.text.quotes import inside, quote_spans
from lint.text.sentences import sentence_spans

REPORTS = ("unattributed", "vague")

DEFAULT_CUES: tuple[str, ...] = (
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "according to",
    "reported",
    "estimated",
    "estimates",
    "announced",
    "confirmed",
    "stated",
    "claimed that",
    "claims that",
    "added",
    "adding",
    "noted",
    "showed",
    "shows",
    "show",
    "found",
    "finds",
    "notes",
    "figures show",
    "data show",
    "statistics show",
    "projected",
    "forecast",
    "predicted",
    "predicts",
    "expects",
    "verified",
    "disclosed",
    "citing",
    "cited",
    "quoted",
    "quoting",
    "wrote",
    "put the toll at",
    "put the death toll at",
    "puts the toll at",
    "puts the death toll at",
    "figures from",
    "data from",
    "statistics from",
    "in a statement",
)
DEFAULT_VAGUE_CUES: tuple[str, ...] = (
    "reports suggest",
    "reports indicate",
    "reports say",
    "it is believed",
    "it is thought",
    "it is estimated",
    "it is reported",
    "reportedly",
    "sources say",
    "sources said",
    "some say",
    "according to reports",
)
DEFAULT_NOT_BEFORE: tuple[str, ...] = (
    r"aged",
    r"age",
    r"ages",
    r"aged between",
    r"no\.",
    r"nos\.",
    r"number",
    r"section",
    r"article",
    r"chapter",
    r"page",
    r"flight",
    r"route",
    r"resolution",
)
DEFAULT_SPELLED_NOT_BEFORE: tuple[str, ...] = (
    "the",
    "these",
    "those",
    "both",
    "all",
    "its",
    "their",
    "his",
    "her",
    "our",
    "each",
    "every",
    "other",
    "'s",
    "’s",
)
DEFAULT_TABLE_MARKERS: tuple[str, ...] = (r"\bvs\b", r"^\s*note\s*:")
DEFAULT_NOT_AFTER: tuple[str, ...] = (
    r"(?:more |other |full |straight |consecutive |previous |past |next )?"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies)"
    r"|secs?|mins?|hrs?|wks?|mths?|mos|yrs?|qtrs?)\b",
    r"times\b",
    r"(?:GMT|EST|EDT|BST|UTC|CET|local time|a\.m\.|p\.m\.|am|pm|o'clock)\b",
    r"(?:km|kilomet(?:re|er)s?|miles?) (?:\(\d+ (?:km|miles?)\) )?"
    r"(?:north|south|east|west|away|from|outside)",
)


def _words(text: str) -> list[str]:
    return text.split()


_DIGITS = r"[0-9]"
_NUM = rf"{_DIGITS}{{1,3}}(?:,{_DIGITS}{{3}})+(?:\.{_DIGITS}+)?|{_DIGITS}+(?:\.{_DIGITS}+)?"
_CURRENCY = r"(?:(?:US|C|A|HK|NZ|S)\$|\$|£|€|¥|₹)"
_MULTIPLIERS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "trln": 1e12,
}
_NUMERAL = re.compile(
    rf"(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUM})"
    rf"(?:\s?(?:-|–|to\b)\s?{_CURRENCY}?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<mult>{'|'.join(_MULTIPLIERS)})\b)?"
    r"(?P<pct>%|\s?(?:per\s?cent|percent|pct|percentage points?)\b)?"
)
_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_SMALL)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_UNIT_WORDS = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
_ANY_WORD = "|".join(sorted([*_WORD_VALUES, *_SCALES], key=len, reverse=True))
_SPELLED = re.compile(
    rf"\b(?:{_UNIT_WORDS})\b(?:(?:-|\s+|\s+and\s+)(?:{_ANY_WORD})\b)*"
    rf"(?:\s+(?:to|or)\s+(?:{_ANY_WORD})\b(?:(?:-|\s+)(?:{_ANY_WORD})\b)*)?",
    re.IGNORECASE,
)
#: Letters that may be glued to a number and still make a quantity ("5km", "$3bn", "10m").
_ATTACHED_UNITS = frozenset(
    _words("m bn mn k km kg mw gw kw mm cm t tn b pc ft mph kph ml l lb lbs oz g ha sq")
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b")
_MASKS = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # ISO dates
    r"|\d+(?:/\d+)+"  # numeric dates, fractions, 24/7
    r"|\b\d{1,2}[:.]\d{2}\s?(?:a\.?m\.?|p\.?m\.?)"  # clock times
    r"|\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}\s?(?:a\.m\.|p\.m\.)"
    r"|(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b"  # phone numbers
    r"|\+\d{1,3}(?:[\s.-]\d{1,4}){2,}"
    r"|(?m:^)\s*\(?\d{1,2}[.)](?=\s)",  # list numbering, at any line start
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\S+")
_NUMERIC_TOKEN = re.compile(r"^[(\[]?[-+$£€¥]?\d[\d,.:/-]*%?[)\],;:.]?$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_ABBREVIATION_END = re.compile(r"\.[A-Za-z]")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w&-]*)\s$")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
_STOP_WORDS = frozenset(
    _words(
        "a an the of and or but nor to in on at by for with from into onto as than then since "
        "per via vs versus against was were is are am be been being has have had will would "
        "could should shall may might must can do does did that which who whom whose this these "
        "those its their his her our my your it he she they we you i me him us them there here "
        "when while after before until if so because also only just still more less fewer over "
        "under up down out about around compared last next ago each every year years "
        "yesterday today tomorrow now earlier later previously a.m p.m"
    )
)
_IRREGULAR_PLURALS = frozenset(
    _words("people personnel children men women police staff troops cattle sheep fish livestock")
)


class Figure(NamedTuple):
    """A statistic found in a block: its span (relative to the block), text and value."""

    span: Span
    text: str
    value: float


def _phrases(phrases: tuple[str, ...], name: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern for literal phrases; a space matches any white space."""
    for phrase in phrases:
        if not phrase.strip():
            raise ValueError(f"option {name!r} has an empty entry")
    if not phrases:
        return None
    parts = sorted({r"\s+".join(map(re.escape, p.split())) for p in phrases}, key=len)
    return re.compile(rf"(?<!\w)(?:{'|'.join(reversed(parts))})(?!\w)", re.IGNORECASE)


def _phrases_before(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Literal words or endings ("the", "'s") that may stand right before a spelled number."""
    if not phrases:
        return None
    parts = "|".join(re.escape(p.strip()) for p in phrases if p.strip())
    return re.compile(rf"(?:(?<![\w'’])(?:{parts}))\s+$", re.IGNORECASE)


def _regexes(patterns: tuple[str, ...], name: str, template: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern from regex fragments, each checked on its own first."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"option {name!r}: bad pattern {pattern!r}: {err}") from None
    if not patterns:
        return None
    joined = "|".join("(?:" + p.replace(" ", r"\s+") + ")" for p in patterns)
    return re.compile(template.format(joined), re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    """Options of the ``figures`` kind (see the module docstring)."""

    # ``report`` only picks which results ``check`` yields; it is left out of equality and hashing
    # so rules that differ only in it share one cached analysis of each block.
    report: str = field(default="unattributed", compare=False)
    window: int = 1
    vague_window: int = 0
    cues: tuple[str, ...] = DEFAULT_CUES
    vague_cues: tuple[str, ...] = DEFAULT_VAGUE_CUES
    not_before: tuple[str, ...] = DEFAULT_NOT_BEFORE
    not_after: tuple[str, ...] = DEFAULT_NOT_AFTER
    spelled_not_before: tuple[str, ...] = DEFAULT_SPELLED_NOT_BEFORE
    table_markers: tuple[str, ...] = DEFAULT_TABLE_MARKERS
    capitalised_names: bool = True
    spelled_min: int = 2
    table_ratio: float = 0.4
    carry_over: bool = True

    cue_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    vague_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    before_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    after_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    spelled_before_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    table_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.report not in REPORTS:
            raise ValueError(f"option 'report' must be one of {', '.join(REPORTS)}")
        for name in ("window", "vague_window", "spelled_min"):
            if getattr(self, name) < 0:
                raise ValueError(f"option {name!r} must not be negative")
        if not 0 < self.table_ratio <= 1:
            raise ValueError("option 'table_ratio' must be in (0, 1]")
        if not self.cues:
            raise ValueError("option 'cues' must not be empty")
        compiled = {
            "cue_pattern": _phrases(self.cues, "cues"),
            "vague_pattern": _phrases(self.vague_cues, "vague_cues"),
            "before_pattern": _regexes(self.not_before, "not_before", r"(?<!\w)(?:{})\s*$"),
            "after_pattern": _regexes(self.not_after, "not_after", r"\s*(?:{})"),
            "spelled_before_pattern": _phrases_before(self.spelled_not_before),
            "table_pattern": _regexes(self.table_markers, "table_markers", "{}"),
        }
        for name, value in compiled.items():
            object.__setattr__(self, name, value)


def check(document: Document, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    """Hits for every block; with ``carry_over``, a cue in the last sentence of the paragraph
    just before a block also attributes that block's figures (newswire carries "..., the ministry
    said." into the paragraph that follows)."""
    previous: Block | None = None
    for block in blocks:
        carried = (
            options.carry_over
            and previous is not None
            and previous.index == block.index - 1
            and _ends_with_cue(previous.text, options)
        )
        for hit in block_hits(block.text, options, carried):
            yield Hit(hit.span.shift(block.start), hit.values, hit.data)
        previous = block


def block_hits(text: str, options: Options, carried: bool = False) -> Iterator[Hit]:
    """One hit per figure of ``text`` (one block) whose attribution is ``options.report``;
    ``carried`` means the paragraph before ended with an attribution."""
    for figure, found, cue in analyse(text, options):
        attribution = "attributed" if carried and found == "unattributed" else found
        if attribution != options.report:
            continue
        yield Hit(
            span=figure.span,
            values={"figure": figure.text, "cue": cue},
            data={
                "figure": figure.text,
                "value": figure.value,
                "attribution": attribution,
                "cue": cue,
            },
        )


@functools.lru_cache(maxsize=64)
def analyse(text: str, options: Options) -> tuple[tuple[Figure, str, str], ...]:
    """Each figure of ``text`` with its attribution (attributed, vague or unattributed) and the
    vague cue. Cached (bounded) because two rules usually ask about the same block in a row."""
    quotes = quote_spans(text)
    found = figures(text, options, quotes)
    if not found:
        return ()
    sentences = sentence_spans(text) or [Span(0, len(text))]
    starts = [s.start for s in sentences]
    vague = _matches(options.vague_pattern, text, quotes)
    cues = [m for m in _matches(options.cue_pattern, text, quotes) if not inside(vague, m)]
    cue_sentences = {_sentence_of(starts, m.start) for m in cues}
    vague_by_sentence: dict[int, Span] = {}
    for m in vague:
        vague_by_sentence.setdefault(_sentence_of(starts, m.start), m)
    results = []
    for figure in found:
        index = _sentence_of(starts, figure.span.start)
        if any(abs(i - index) <= options.window for i in cue_sentences):
            results.append((figure, "attributed", ""))
            continue
        near = [
            span
            for i, span in sorted(vague_by_sentence.items())
            if abs(i - index) <= options.vague_window
        ]
        cue = text[near[0].start : near[0].end] if near else ""
        results.append((figure, "vague" if near else "unattributed", cue))
    return tuple(results)


def figures(text: str, options: Options, quotes: list[Span] | None = None) -> list[Figure]:
    """The statistics of ``text`` in order, after every exclusion (quotes included)."""
    if _skip_block(text, options):
        return []
    quotes = quote_spans(text) if quotes is None else quotes
    masks = [Span(m.start(), m.end()) for m in _MASKS.finditer(text)]
    found: list[Figure] = []
    for m in _NUMERAL.finditer(text):
        figure = _numeral(text, m, options)
        if figure and not inside(masks, figure.span) and not inside(quotes, figure.span):
            found.append(figure)
    for m in _SPELLED.finditer(text):
        figure = _spelled(text, m, options)
        if figure and not inside(quotes, figure.span):
            found.append(figure)
    found.sort()
    kept: list[Figure] = []
    for figure in found:
        if not kept or figure.span.start >= kept[-1].span.end:
            kept.append(figure)
    return kept


def _numeral(text: str, m: re.Match[str], options: Options) -> Figure | None:
    start, end = m.start(), m.end()
    before = text[start - 1] if start else " "
    if (
        before.isalnum()
        or before in "_#&"
        or (before in "-–/." and start > 1 and text[start - 2].isalnum())
    ):
        return None  # G7, COVID-19, F-16, v2.5, #1, &#3;
    cur, num, mult, pct = m["cur"], m["num"], m["mult"], m["pct"]
    if re.match(r"0[0-9]", num):
        return None  # 0700 (a time), 007 (a code)
    if not (mult or pct) and text[end : end + 1].isalpha():
        glued = re.match(r"[A-Za-z]+", text[end:])
        unit = glued.group(0) if glued else ""
        if (
            unit.lower() not in _ATTACHED_UNITS
            or text[end + len(unit) : end + len(unit) + 1].isalnum()
        ):
            return None  # 19th, 1980s, 3D, 737MAX
        end += len(unit)
        mult = unit
    if text[end : end + 1] in "-–" and (
        text[end + 1 : end + 2].isalpha() or text[end + 1 : end + 2].isspace()
    ):
        return None  # 25-year-old, 10-day, 15-member, 18- to 24-year-olds
    value = float(num.replace(",", ""))
    plain = not (cur or mult or pct)
    if plain and "," not in num and "." not in num and 1800 <= value <= 2099:
        return None  # a year
    if (
        plain
        and value <= 31
        and (_MONTH_BEFORE.search(text, 0, start) or _MONTH_AFTER.match(text, end))
    ):
        return None  # a date
    if not (cur or pct) and _is_name(text, start, options):
        return None
    if not pct and options.after_pattern and options.after_pattern.match(text, end):
        return None
    if mult:
        value *= _MULTIPLIERS.get(mult.lower(), 1.0)
    if not (cur or pct):
        end = _tail(text, end)
    return Figure(Span(start, end), text[start:end], value)


def _spelled(text: str, m: re.Match[str], options: Options) -> Figure | None:
    start, end = m.start(), m.end()
    value = _spelled_value(m.group(0))
    if value < options.spelled_min or value < 2:
        return None
    if text[end : end + 1] in "-–" and text[end + 1 : end + 2].isalpha():
        return None  # two-day, three-judge
    if _is_name(text, start, options):
        return None
    head = text[max(0, start - 20) : start]
    if options.spelled_before_pattern and options.spelled_before_pattern.search(head):
        return None  # the two men, both three
    if options.after_pattern and options.after_pattern.match(text, end):
        return None
    pct = re.match(r"\s?(?:per\s?cent|percent|pct)\b", text[end:], re.IGNORECASE)
    end = end + pct.end() if pct else _tail(text, end)
    return Figure(Span(start, end), text[start:end], float(value))


def _spelled_value(words: str) -> int:
    total, current = 0, 0
    first = re.split(r"\s+(?:to|or)\s+", words.lower())[0]  # a range: its lower bound
    for word in re.split(r"[-\s]+", first):
        if word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current


def _is_name(text: str, start: int, options: Options) -> bool:
    """A label word before the number ("Section 3", "aged 25") or a mid-sentence name."""
    head = text[max(0, start - 40) : start]
    if options.before_pattern and options.before_pattern.search(head):
        return True
    if not options.capitalised_names:
        return False
    match = _CAPITALISED_BEFORE.search(head)
    if not match or _MONTH_BEFORE.search(head):
        return False
    word_start = start - len(head) + match.start(1)
    prefix = text[:word_start].rstrip()
    return bool(prefix) and not _SENTENCE_END.search(prefix) and prefix[-1] not in '"“‘('


def _tail(text: str, end: int) -> int:
    """Extend a count over the thing counted: "13 officers", "111 civilian deaths"."""
    for taken in range(2):
        m = _WORD_AFTER.match(text, end)
        if not m:
            break
        word = m.group(1).lower().rstrip("'’-")
        abbreviation = _ABBREVIATION_END.match(text, m.end()) is not None  # "U.S."
        if word in _STOP_WORDS or len(word) < 2 or abbreviation:
            break
        plural = word in _IRREGULAR_PLURALS or (
            word.endswith("s") and not word.endswith(("ss", "us", "is"))
        )
        if taken == 1 and not plural:
            break
        end = m.start(1) + len(m.group(1).rstrip("'’-"))
        if plural:
            break
    return end


@functools.lru_cache(maxsize=64)
def _ends_with_cue(text: str, options: Options) -> bool:
    """Whether the last sentence of ``text`` has a real (not vague) cue outside quotations."""
    sentences = sentence_spans(text)
    if not sentences:
        return False
    last = sentences[-1]
    quotes = quote_spans(text)
    vague = _matches(options.vague_pattern, text, quotes)
    return any(
        last.start <= m.start < last.end and not inside(vague, m)
        for m in _matches(options.cue_pattern, text, quotes)
    )


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _matches(pattern: re.Pattern[str] | None, text: str, quotes: list[Span]) -> list[Span]:
    if pattern is None:
        return []
    spans = (Span(m.start(), m.end()) for m in pattern.finditer(text))
    return [s for s in spans if not inside(quotes, s)]


def _skip_block(text: str, options: Options) -> bool:
    """Tables and blocks mostly in a non-Latin script are not checked."""
    letters = _LETTER.findall(text)
    if not letters or len(_LATIN.findall(text)) * 2 < len(letters):
        return True
    if sum(1 for ch in letters if ch.isupper()) * 2 > len(letters):
        return True  # an all-capitals heading or table
    if options.table_pattern and options.table_pattern.search(text):
        return True
    tokens = _TOKEN.findall(text)
    numeric = sum(1 for t in tokens if _NUMERIC_TOKEN.match(t))
    ratio = numeric / len(tokens)
    if ratio >= options.table_ratio:
        return True
    return ratio >= options.table_ratio / 2 and not _SENTENCE_END.search(text)


KIND = Kind("figures", Scope.DOCUMENT, Options, check)
