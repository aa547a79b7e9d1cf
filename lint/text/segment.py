"""Split an article's text into classified blocks, keeping character offsets.

Generated news separates paragraphs by single newlines in some files and blank lines in others;
newswire is often hard-wrapped with indented paragraph starts. The segmenter finds which layout a
text uses, groups lines into blocks and classifies each as headline, dek, metadata line, sub-head,
paragraph or other (tables, sign-offs).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from lint.core.document import Block, BlockKind, Span
from lint.text.layout import CLOSERS, ENDS, block_spans, indented_paragraphs, letter_count
from lint.text.tokens import WORD

_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[*_]{1,3}|>\s*)|[*_]{1,3}\s*$")
_TERMINAL = re.compile(r"[.!?;:,…]['\"”’)\]]*$")
_METADATA = re.compile(
    r"^\s*(?:date|dated|by|byline|published|updated|posted|dateline|filed)\b[\s:]"
    r"|^\s*\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
#: ``_MARKUP`` removes nothing from a stripped text that neither starts with one of these (its
#: first branch matches only at the start, past white space that a stripped text does not start
#: with) nor ends with one of ``_MARKUP_LAST`` (its second branch ends at the end, past white
#: space that a stripped text does not end with): then the second pass has the same text again
_MARKUP_FIRST = frozenset("#*_>")
_MARKUP_LAST = frozenset("*_")
_SIGN_OFF = re.compile(r"^\s*(?:reuters?|&#\d+;|-{3,}|\*{3,}|_{3,}|<!--.*-->)\s*$", re.IGNORECASE)
#: A line that is only an HTML comment (newslint directives among them): a block of its own, never
#: prose, and never part of the paragraph before or after it.
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_TABLE_GAP = re.compile(r"\S {3,}\S")


MAX_TITLE_WORDS = 25
#: A short line of data, not a title: a wire results or dividend line ("Qtly div three cts vs
#: three cts prior", "Shr 30 cts vs 36 cts", "Record March 16", "Pay April one"). Such lines recur
#: across thousands of wire stories; as titles they were "repeated headlines".
_DATA_WORDS = 6
_DATUM = re.compile(
    r"(?:\d[\d,./:-]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    r"|july|august|september|october|november|december|cts|dlrs?|pct|mln|bln|billion|million"
    r"|qtr|qtly|mthly|shr|shrs|revs|div|avg|net|loss|profit)",  # wire results words
    re.IGNORECASE,
)
MAX_SUMMARY_WORDS = 80  # a summary printed above the headline


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    """Spans of each line in ``text[start:end]``, without the line break."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        line_end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        yield Span(pos, line_end)
        pos = stop + 1


def _is_wrapped(text: str, lines: list[Span]) -> bool:
    """Hard-wrapped text: most line breaks fall mid-sentence, at about the same width."""
    bare = [text[s.start : s.end].rstrip() for s in lines]
    texts = [t for t in bare if t.strip() and not _SIGN_OFF.match(t)]
    if len(texts) < 2:
        return False
    longest = max(len(t) for t in texts)
    if longest > 120:
        return False
    open_breaks = [
        (line, nxt)
        for line, nxt in itertools.pairwise(texts)
        if not _TERMINAL.search(line) and not _is_table_line(line)
    ]
    if any(nxt.lstrip()[:1].islower() for _, nxt in open_breaks):
        return True  # a line that goes on in lower case continues a sentence
    at_width = sum(1 for line, _ in open_breaks if len(line) >= 0.8 * longest)
    if at_width >= 2 and at_width * 2 >= len(texts) - 1:
        return True
    return indented_paragraphs(
        bare,
        [bool(_TERMINAL.search(line)) for line in bare],
        [bool(_SIGN_OFF.match(line)) or _is_table_line(line) for line in bare],
    )


def _is_table_line(line: str) -> bool:
    return _table_gaps(line) >= 2


def _table_gaps(line: str) -> int:
    """How many table gaps ``line`` holds: none without three spaces in a row after its
    indentation (a gap starts after a non-space), as in most lines of prose, told in C without
    running the pattern."""
    return len(_TABLE_GAP.findall(line)) if "   " in line.lstrip() else 0


def _group(text: str, lines: list[Span], wrapped: bool) -> Iterator[Span]:
    """Group line spans into raw block spans."""
    current: Span | None = None
    # what ``_is_table_line`` and ``_is_comment`` say of ``current``'s text, kept as lines are
    # added instead of asked again of the growing block: a table gap never spans a line break,
    # so the block's gaps are its lines' gaps added up, and a block of one comment line ends at
    # the next line (a block of several lines is never a comment line: they are not blank)
    gaps = 0
    comment = False
    last = ""  # the line before, without its trailing space
    for span in lines:
        line = text[span.start : span.end]
        if not line.strip():
            if current:
                yield current
            current = None
            last = ""
            continue
        line_gaps = _table_gaps(line)
        line_comment = _is_comment(line)
        # (a line wrapped with one space before a lowercase word, after a line with no end
        # punctuation, is the same sentence: " were allotted around 81 pct" after "... of
        # 97.625 stg"; not a sign-off, " Reuter")
        indented = line[:1].isspace() and not (
            line[:1] == " " and line[1:2].islower() and last and not _TERMINAL.search(last)
        )
        starts_new = not wrapped or indented or line_gaps >= 2 or line_comment
        last = line.rstrip()
        if current is not None and (starts_new or gaps >= 2 or comment):
            yield current
            current = None
        if current:
            current = Span(current.start, span.end)
            gaps += line_gaps
            comment = False
        else:
            current = span
            gaps = line_gaps
            comment = line_comment
    if current:
        yield current


def _is_comment(line: str) -> bool:
    return "<!--" in line and _COMMENT_LINE.match(line) is not None


def plain(text: str) -> str:
    """Block text without Markdown emphasis or heading markers, for classification."""
    bare = text.strip()
    if bare[:1] not in _MARKUP_FIRST and bare[-1:] not in _MARKUP_LAST:
        return bare  # nothing for _MARKUP to remove (see _MARKUP_FIRST)
    return _MARKUP.sub("", _MARKUP.sub("", text.strip())).strip()


def _is_title(raw: str) -> bool:
    text = plain(raw)
    return (
        len(text) <= 200  # first: most blocks are longer, and counting their words costs
        and not text[:1].islower()
        and not _ends_sentence(text)
        and 0 < len(WORD.findall(text)) <= MAX_TITLE_WORDS
        and any(map(str.isalpha, text))  # in C, not a generator
    )


def _ends_sentence(text: str) -> bool:
    """``_TERMINAL.search(text)`` for a text that does not end with white space (``plain``'s):
    its last character past closing quotes and brackets is a terminal mark (the two sets do not
    meet, so the pattern's match, if any, starts just there)."""
    return text.rstrip(CLOSERS)[-1:] in ENDS


_RESULTS_NOTE = re.compile(
    r"\s*(?:Period\s+end(?:ed|ing)?\b|NOTE\b|Note:|Pretax\b|Operating\s+(?:profit|loss|net)\b)"
    r"|.*\s[-–]\s*$"  # a label introducing the lines under it ("Operating profit includes -")
)
_RESULTS_LABELS = frozenset({"Shr", "Shrs", "Qtr", "Qtly", "Mthly", "Revs", "Oper", "Avg", "Div"})


def _is_data_line(raw: str) -> bool:
    """A short title-like line that is data (see :data:`_DATA_WORDS`)."""
    words = WORD.findall(raw)
    if any(w.lower() == "vs" for w in words) or (words and words[0] in _RESULTS_LABELS):
        return True  # a results comparison, a results line ("Shr not given")
    if _RESULTS_NOTE.match(raw):
        return True  # "Period ended Jan 31", "NOTE: 1986 period ended", "Pretax profit includes -"
    if len(words) > _DATA_WORDS:
        return False
    data = sum(1 for w in words if _DATUM.fullmatch(w))
    return len(words) >= 2 and 2 * data > len(words)


#: the characters a ``_SIGN_OFF`` match can start with past white space ("r" and "R" are the only
#: characters that match "r" ignoring case)
_SIGN_OFF_FIRST = frozenset("rR&-*_<")


def _is_other(raw: str) -> bool:
    # every line a sign-off: not when the first line (its first character past white space is
    # the text's) cannot start one, or is blank; an empty text has no lines, all of them sign-offs
    first = raw.lstrip()[:1]
    if (
        (not first or first in _SIGN_OFF_FIRST)
        and all(_SIGN_OFF.match(line) for line in raw.splitlines())
    ) or _is_table_line(raw):
        return True
    return letter_count(raw) < len(raw.strip()) * 0.4


class _Classifier:
    """Classifies blocks in order; top matter (metadata, summary, headlines) ends at the body."""

    def __init__(self, has_title: bool, first_title: int | None) -> None:
        self.in_top = not has_title
        self.first_title = first_title  # blocks before the first title line are a summary
        self.count = 0

    def classify(self, raw: str) -> BlockKind:
        kind = self._classify(raw)
        self.count += 1
        return kind

    def _classify(self, raw: str) -> BlockKind:
        if _is_other(raw):
            return BlockKind.OTHER
        title = _is_title(raw)  # asked once: it is a function of the text
        if self.count > 0 and title and _is_data_line(plain(raw)):
            return BlockKind.OTHER  # a data line under the headline ("Record March 16")
        if self.in_top:
            if _METADATA.match(raw) and len(WORD.findall(raw)) <= MAX_TITLE_WORDS:
                return BlockKind.METADATA
            if title or raw.lstrip().startswith("# "):
                return BlockKind.HEADLINE
            if self.first_title is not None and self.count < self.first_title:
                return BlockKind.DEK
            self.in_top = False
        if title or raw.lstrip().startswith("#"):
            return BlockKind.SUBHEAD
        return BlockKind.PARAGRAPH


def _first_title(raws: list[str]) -> int | None:
    """Index of the headline when at most one short summary stands above it."""
    for index, raw in enumerate(raws):
        if _METADATA.match(raw) or _is_comment(raw):
            continue
        if _is_title(raw):
            return index
        summary = [r for r in raws[:index] if not (_METADATA.match(r) or _is_comment(r))]
        if summary or len(WORD.findall(raw)) > MAX_SUMMARY_WORDS:
            return None
    return None


def segment(text: str, start: int = 0, title: Span | None = None) -> tuple[Block, ...]:
    """Blocks of ``text[start:]``; ``title`` is a headline given outside the body (front matter)."""
    spans = block_spans(text, start)
    if spans is None:  # a text with a table or a comment: read line by line
        lines = list(_lines(text, start, len(text)))
        wrapped = _is_wrapped(text, lines)
        spans = [s.strip(text) for s in _group(text, lines, wrapped)]
    blocks: list[Block] = []
    if title is not None:
        blocks.append(Block(BlockKind.HEADLINE, 0, title, text[title.start : title.end]))
    raws = [text[s.start : s.end] for s in spans]
    classifier = _Classifier(title is not None, _first_title(raws))
    for span, raw in zip(spans, raws, strict=False):
        blocks.append(Block(classifier.classify(raw), len(blocks), span, raw))
    return tuple(blocks)
