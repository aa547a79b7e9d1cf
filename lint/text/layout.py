"""The segmenter's line reading done per text (issue 13, speed only): a text's lines are split
once with ``str.split``, and what the segmenter asks of each line (does it end a sentence, is it
a sign-off) is found with one multi-line pattern over the whole text instead of one call per line.

:func:`block_spans` gives exactly the stripped block spans of ``lint.text.segment``'s line by
line reading (``_lines``, ``_is_wrapped``, ``_group``, ``Span.strip``) for any text without a
table gap (three spaces between two non-spaces) or an HTML comment opener (``<!--``): those rare
texts (tables, directives) are left to the line by line reading, whose block rules for them
(a table line is a block of its own, a comment line too) are not repeated here.

Why the whole-text patterns say what the per-line ones say: a line is the text between two
``"\\n"`` (``_lines``), and in a multi-line pattern ``^`` and ``$`` match exactly at those line
starts and ends; ``[^\\S\\n]`` is the white space that stays within a line, so a match never
crosses a line break, and the white space it allows before ``$`` is what ``str.rstrip`` (or the
dropped ``"\\r"``) took off the line the per-line pattern saw. A match ends at its line's end, so
the lines that match are known by where they end.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress
from operator import itemgetter, methodcaller

from lint.core.document import Span

#: ``segment._SIGN_OFF``, asked only of the lines whose first character (past the indentation)
#: can start one of its matches: "r" or "R" (no other character matches them ignoring case), "&",
#: "-", "*", "_" or "<"
SIGN_OFF = re.compile(r"^\s*(?:reuters?|&#\d+;|-{3,}|\*{3,}|_{3,}|<!--.*-->)\s*$", re.IGNORECASE)
SIGN_OFF_FIRST = frozenset("rR&-*_<")
#: ``segment._TERMINAL`` of a line stripped of trailing white space is whether the line, without
#: its closing quotes and brackets, ends with one of these
ENDS = frozenset(".!?;:,…")
CLOSERS = "'\"”’)]"
#: what makes a text one for the line by line reading (``segment._TABLE_GAP``)
TABLE_GAP = re.compile(r"\S {3,}\S")

_PLUS_ONE = (1).__add__
_FIRST = itemgetter(slice(0, 1))
_LAST = itemgetter(slice(-1, None))
_RSTRIP_CLOSERS = methodcaller("rstrip", CLOSERS)


def block_spans(text: str, start: int) -> list[Span] | None:
    """The stripped spans of the blocks of ``text[start:]``, or ``None`` for a text with a table
    gap or a comment opener (then the line by line reading gives them)."""
    body = text[start:] if start else text
    if "<!--" in body:
        return None
    pieces = body.split("\n")  # after a final line break, an empty (blank) line: no block
    lines = [p[:-1] if p[-1:] == "\r" else p for p in pieces] if "\r" in body else pieces
    bare = list(map(str.rstrip, lines))  # "" for a blank line
    core = list(map(str.lstrip, bare))
    # a table gap is three spaces after a non-space: past a line's indentation
    if "   " in "\n".join(core) and TABLE_GAP.search(body):
        return None
    # starts[i]: where line i starts in body
    starts = list(accumulate(map(_PLUS_ONE, map(len, pieces)), initial=0))
    # whether each line ends a sentence (segment._TERMINAL); every map here runs in C
    terminal = list(map(ENDS.__contains__, map(_LAST, map(_RSTRIP_CLOSERS, bare))))
    firsts = list(map(_FIRST, core))
    if _is_wrapped(bare, firsts, terminal):
        pairs = _wrapped_blocks(lines, bare, terminal)
    else:
        nonblank = list(compress(range(len(bare)), bare))
        pairs = list(zip(nonblank, nonblank, strict=True))
    return [
        Span(
            start + starts[first] + len(bare[first]) - len(core[first]),
            start + starts[last] + len(bare[last]),
        )
        for first, last in pairs
    ]


def _is_wrapped(bare: list[str], firsts: list[str], terminal: list[bool]) -> bool:
    """``segment._is_wrapped`` for a text without table lines."""
    keep = list(compress(range(len(bare)), bare))
    candidates = set(compress(range(len(bare)), map(SIGN_OFF_FIRST.__contains__, firsts)))
    if candidates:
        keep = [i for i in keep if i not in candidates or not SIGN_OFF.match(bare[i])]
    if len(keep) < 2:
        return False
    texts = [bare[i] for i in keep]
    longest = max(map(len, texts))
    if longest > 120:
        return False
    # the line breaks that fall mid-sentence: after a kept line that does not end one
    opens = [j for j in range(len(keep) - 1) if not terminal[keep[j]]]
    if any(firsts[keep[j + 1]].islower() for j in opens):
        return True  # a line that goes on in lower case continues a sentence
    width = 0.8 * longest
    at_width = sum(1 for j in opens if len(texts[j]) >= width)
    if at_width >= 2 and at_width * 2 >= len(texts) - 1:
        return True
    signed = [
        bool(bare[i]) and i in candidates and bool(SIGN_OFF.match(bare[i]))
        for i in range(len(bare))
    ]
    return indented_paragraphs(bare, terminal, signed)


def _wrapped_blocks(
    lines: list[str], bare: list[str], terminal: list[bool]
) -> list[tuple[int, int]]:
    """``segment._group`` of a wrapped text without table or comment lines, as (first, last)
    line indices: a block runs until a blank line or an indented line (but for a line wrapped
    with one space before a lowercase word after a line that does not end a sentence)."""
    pairs: list[tuple[int, int]] = []
    first = -1
    indented = list(map(str.isspace, map(_FIRST, lines)))
    for i, line in enumerate(lines):
        if not bare[i]:
            if first >= 0:
                pairs.append((first, i - 1))
                first = -1
        elif first < 0:
            first = i
        elif indented[i] and not (line[:1] == " " and line[1:2].islower() and not terminal[i - 1]):
            pairs.append((first, i - 1))
            first = i
    if first >= 0:
        pairs.append((first, len(lines) - 1))
    return pairs


def indented_paragraphs(bare: list[str], terminal: list[bool], aside: list[bool]) -> bool:
    """Newswire's layout, told in a text too short for the width test: an indented line starts a
    paragraph right after a line that ends a sentence, and a line that does not end one goes on,
    unindented, on the next line (not the first line: a headline goes on into the body in a text
    with no blank line under it). "Hyundai Motor America said" over "February sales of its Excel
    subcompact car totaled 18,656." is then one sentence, not a second headline and a paragraph.
    ``bare``: the lines without trailing white space ("" for a blank one); ``aside``: sign-off and
    table lines, which say nothing of the layout. Prose only (letters at least
    :data:`_PROSE_LETTERS` of what is not white space): in a freight list or a rate table a
    line of figures under a line of names is a row, not a sentence going on."""
    pairs = list(zip(range(len(bare) - 1), bare, bare[1:], strict=False))
    first = next((i for i, line in enumerate(bare) if line), len(bare))
    goes_on = any(
        i > first
        and line
        and after
        and not after[:1].isspace()
        and not terminal[i]
        and not aside[i]
        and not aside[i + 1]
        for i, line, after in pairs
    )
    if not goes_on or not any(
        line and after[:1].isspace() and after.strip() and terminal[i] and not aside[i + 1]
        for i, line, after in pairs
    ):
        return False
    joined = "".join(bare)  # (asked last: the two tests above rule out most texts)
    nonspace = len(joined) - sum(map(str.isspace, joined))
    return letter_count(joined) >= _PROSE_LETTERS * nonspace


def letter_count(text: str) -> int:
    """How many letters (``str.isalpha``) ``text`` holds, counted in C: for an ASCII text, its
    length once every other byte is deleted (a generator cost ~4% of a ``--jobs 1`` run)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, NOT_LETTER))
    return sum(map(str.isalpha, text))


#: The share of letters in a text's non-space characters below which its layout is not read as
#: newswire prose (:func:`indented_paragraphs`; wire prose has about 0.8 to 0.95, freight lists
#: and rate tables 0.55 to 0.7)
_PROSE_LETTERS = 0.7
#: the ASCII bytes that are not letters (``str.isalpha``), deleted to count an ASCII text's letters
NOT_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
