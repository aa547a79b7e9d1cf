"""Spans of quoted speech, so rules can skip what a source said rather than the narrator."""

from __future__ import annotations

import re

from lint.core.document import Span

_MARKS = re.compile("[\"“”«»‘’']")
_OPENING = "“«"
_CLOSING = "”»"


def _is_opening_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isalnum()


def _is_closing_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _miscurled(text: str, i: int, after: str) -> bool:
    """A closing mark typed where a quote opens: at the start of the text or after a space or
    an opening bracket or dash, right before a word ('”Fear. I am truly afraid ...” ― Ed')."""
    return after.isalnum() and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–―-")


def _continues(text: str, i: int) -> bool:
    """A straight mark that opens the next paragraph of a quote still open, in text whose
    paragraphs were run together: after a sentence's end and a space, before a word
    ('... the next kick. "The worst part ...')."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.isalnum() and i >= 2 and text[i - 1] == " " and text[i - 2] in ".!?"


def quote_spans(text: str) -> list[Span]:
    """Spans of text inside quotation marks, marks included.

    Double quotes (curly or straight) pair in order. Generated and edited text often has stray
    marks: an opening mark followed by a space closes an open quote, and an opening mark seen
    while a quote is open ends that quote there and starts a new one, and so does a straight mark
    that opens a sentence right after another one ends, as a quote's next paragraph does when the
    paragraphs are run into one line. A straight mark right after a digit opens nothing (an inch
    mark: '6\' 4"'), nor one between a letter and a lower-case letter (an apostrophe typed as a
    double mark: 'the nation"s quota'). A quote left open runs to the end of the text, as a quote
    continued into the next paragraph does in news style. A closing mark at the start of the text
    or after a space, right before a word, opens a quote (a mis-curled opener: '”Fear. I am
    afraid ...”'). Single quotes, curly or straight, count only at word edges, so apostrophes
    ("Syria’s", "don't") are not quotes, and a single quote opens only before a letter
    (not "the '90s"). A curly quote opened inside another and closed, when the next mark is a
    curly closing one after a word, was nested in it: the text up to that mark is the outer
    quote's ('“I'd rather live in what he calls “hell” than live there.”').
    """
    spans: list[Span] = []
    open_at: int | None = None
    single_at: int | None = None
    # a quote cut short by an opening mark inside it ('“I'd rather live in what he calls “hell”
    # than ...”'): set while the inner quote is open, then while its closing mark is the last
    # mark seen, so a closing curly mark right after takes the rest back into the quote
    nested = False
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in _CLOSING and open_at is None and nested and not text[i - 1].isspace():
            spans.append(Span(spans[-1].end, i + 1))  # the outer quote's closing mark
            nested = False
            continue
        if open_at is not None and ch == '"' and _continues(text, i):
            spans.append(Span(open_at, i))  # a quote's next paragraph, run into one line
            open_at = i
            nested = False
        elif open_at is not None and (
            ch in _CLOSING or (ch in '"“' and (after.isspace() or ch == '"'))
        ):
            spans.append(Span(open_at, i + 1))  # a closing mark, or an opening one before a space
            open_at = None
            nested = nested and ch in _CLOSING
        elif ch == '"' and open_at is None and i > 0 and text[i - 1].isdigit():
            continue  # an inch mark ('6\' 4"', 'a 17" screen'): a quote never opens on a digit
        elif ch == '"' and open_at is None and i > 0 and text[i - 1].isalpha() and after.islower():
            continue  # an apostrophe typed as a double mark ('the nation"s quota'): no quote
        elif ch in _OPENING or ch == '"' or (ch in _CLOSING and _miscurled(text, i, after)):
            nested = open_at is not None and ch in _OPENING
            if open_at is not None:
                spans.append(Span(open_at, i))  # an unclosed quote ends where the next begins
            open_at = i
        elif (
            (ch == "‘" or (ch == "'" and single_at is None and after.isalpha()))
            and open_at is None
            and _is_opening_single(text, i)
        ):
            single_at = i
        elif ch in "’'" and single_at is not None and _is_closing_single(text, i):
            spans.append(Span(single_at, i + 1))
            single_at = None
    if open_at is not None:
        spans.append(Span(open_at, len(text)))
    return sorted(spans)


def inside(spans: list[Span], span: Span) -> bool:
    """Whether ``span`` overlaps any of ``spans`` (which are sorted)."""
    return any(s.start < span.end and span.start < s.end for s in spans)
