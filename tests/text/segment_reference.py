"""lint.text.segment as it was before its per-text line reading (6bbaa63): the functions that
changed kept verbatim (the helpers it left alone are imported from it), the plain computation
the faster segmenter is tested against (tests/text/test_segment_shortcuts.py).

Split an article's text into classified blocks, keeping character offsets.

Generated news separates paragraphs by single newlines in some files and blank lines in others;
newswire is often hard-wrapped with indented paragraph starts. The segmenter finds which layout a
text uses, groups lines into blocks and classifies each as headline, dek, metadata line, sub-head,
paragraph or other (tables, sign-offs).
"""

from __future__ import annotations

from lint.core.document import Block, BlockKind, Span
from lint.text.layout import NOT_LETTER

# what the faster segmenter did not change is shared with it, not copied
from lint.text.segment import (
    _MARKUP,
    _METADATA,
    _SIGN_OFF,
    _TERMINAL,
    MAX_TITLE_WORDS,
    _first_title,
    _group,
    _is_data_line,
    _is_table_line,
    _is_wrapped,
    _lines,
)
from lint.text.tokens import WORD


def plain(text: str) -> str:
    """Block text without Markdown emphasis or heading markers, for classification."""
    if "*" not in text and "_" not in text and "#" not in text and ">" not in text:
        return text.strip()  # every marker _MARKUP removes is one of these: nothing to remove
    return _MARKUP.sub("", _MARKUP.sub("", text.strip())).strip()


def _is_title(raw: str) -> bool:
    text = plain(raw)
    return (
        len(text) <= 200  # first: most blocks are longer, and counting their words costs
        and not text[:1].islower()
        and not _TERMINAL.search(text)
        and 0 < len(WORD.findall(text)) <= MAX_TITLE_WORDS
        and any(ch.isalpha() for ch in text)
    )


def _is_other(raw: str) -> bool:
    if all(_SIGN_OFF.match(line) for line in raw.splitlines()) or _is_table_line(raw):
        return True
    if raw.isascii():  # the letters' count: the length once every other byte is deleted
        letters = len(raw.encode("ascii").translate(None, NOT_LETTER))
    else:
        letters = sum(map(str.isalpha, raw))  # in C: a generator cost ~4% of a --jobs 1 run
    return letters < len(raw.strip()) * 0.4


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
        if self.count > 0 and _is_title(raw) and _is_data_line(plain(raw)):
            return BlockKind.OTHER  # a data line under the headline ("Record March 16")
        if self.in_top:
            if _METADATA.match(raw) and len(WORD.findall(raw)) <= MAX_TITLE_WORDS:
                return BlockKind.METADATA
            if _is_title(raw) or raw.lstrip().startswith("# "):
                return BlockKind.HEADLINE
            if self.first_title is not None and self.count < self.first_title:
                return BlockKind.DEK
            self.in_top = False
        if _is_title(raw) or raw.lstrip().startswith("#"):
            return BlockKind.SUBHEAD
        return BlockKind.PARAGRAPH


def strip(span: Span, text: str) -> Span:
    """``Span.strip`` as it was (a new span, stripped character by character)."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def segment(text: str, start: int = 0, title: Span | None = None) -> tuple[Block, ...]:
    """Blocks of ``text[start:]``; ``title`` is a headline given outside the body (front matter)."""
    lines = list(_lines(text, start, len(text)))
    wrapped = _is_wrapped(text, lines)
    blocks: list[Block] = []
    if title is not None:
        blocks.append(Block(BlockKind.HEADLINE, 0, title, text[title.start : title.end]))
    spans = [strip(s, text) for s in _group(text, lines, wrapped)]
    raws = [text[s.start : s.end] for s in spans]
    classifier = _Classifier(title is not None, _first_title(raws))
    for span, raw in zip(spans, raws, strict=False):
        blocks.append(Block(classifier.classify(raw), len(blocks), span, raw))
    return tuple(blocks)
