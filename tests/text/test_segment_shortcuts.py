"""The segmenter's per-text line reading and its other shortcuts (issue 13, speed only) against
the plain computation they replace (tests/text/segment_reference.py, the segmenter as it was):
the same blocks (kind, index, span, text) for texts mixing blank and white-space lines, indented
and wrapped paragraphs, lowercase continuations, headings and Markdown emphasis, tables, sign-offs,
comments, unicode, CRLF and lone CR line ends, with and without a front-matter start."""

from __future__ import annotations

import pickle
import re
import sys

import segment_reference as reference
from conftest import SEEDS
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint.core.document import Block, BlockKind, Document, Span
from lint.core.kept import Kept
from lint.text import layout
from lint.text import segment as segmenter

LINES = [
    "",
    " ",
    "\t",
    "  \x0c ",
    "\u2028",
    "BAHIA COCOA REVIEW",
    "Showers continued throughout the week in",
    "the Bahia cocoa zone, alleviating the drought since early",
    "January and improving prospects for the coming temporao,",
    "Comissaria Smith said in its weekly review.",
    "    The dry period means the temporao will be late this year.",
    "    Arrivals for the week ended February 22 were 155,221 bags",
    " were allotted around 81 pct",
    " Reuter",
    "Reuter",
    "  REUTERS  ",
    "&#3;",
    "---",
    "***",
    "___",
    "<!-- newslint: disable -->",
    "   <!-- a comment -->  ",
    "Shr 30 cts vs 36 cts",
    "Qtly div three cts vs three cts prior",
    "Net    1,234    5,678",
    "Revs   12.5 mln   10.1 mln   9.0 mln",
    "Period ended Jan 31",
    "# A heading",
    "## Sub heading",
    "**Bold head**",
    "_emphasis_",
    "> quoted line",
    "* a bullet",
    "- a dash bullet",
    "date: 2025-03-14",
    "By Jane Doe",
    "2024-01-02 Beirut",
    "“Quoted,” he said.",
    "Zoë Ünal said… prices rose 5%.",
    "ends with a quote.”",
    "ends with a bracket)",
    "no end",
    "x" * 130,
    "A very long line of prose that goes on and on, well past the usual width of wire copy at "
    "all, and ends here.",
    "rose sharply in early trading",
    "\tTabbed start of a paragraph",
    "ΑΘΗΝΑ Greek capital",
    "مرحبا بالعالم",
]
ENDS = ["\n", "\r\n", "\r"]
_CHARACTERS = " \t\r\x0caRr.,;:!?-*_#><&'\")]”’“eé\u00a0T1 "


@st.composite
def texts(draw: st.DrawFn) -> str:
    """A text of lines from :data:`LINES` (and random ones), with mixed line ends."""
    lines = draw(
        st.lists(
            st.one_of(
                st.sampled_from(LINES),
                st.text(
                    st.sampled_from(" \t\r\x0caRr.,;:!?-*_#><&'\")]”’“eé\u00a0T1 "), max_size=12
                ),
            ),
            max_size=14,
        )
    )
    if draw(st.booleans()):  # one layout for the whole text, as real files have
        end = draw(st.sampled_from(ENDS[:2]))
        text = end.join(lines)
    else:
        text = "".join(line + draw(st.sampled_from(ENDS)) for line in lines)
    return text + draw(st.sampled_from(["", "\n", "\n\n", "\r\n", " "]))


def _line_reading(text: str, start: int) -> list[Span]:
    """The stripped block spans of the plain line by line reading."""
    lines = list(reference._lines(text, start, len(text)))
    wrapped = reference._is_wrapped(text, lines)
    return [reference.strip(s, text) for s in reference._group(text, lines, wrapped)]


def _check(text: str) -> None:
    assert segmenter.segment(text) == reference.segment(text)
    spans = layout.block_spans(text, 0)
    assert spans is None or spans == _line_reading(text, 0)
    # a front-matter start: just after a line break
    for at in [m.end() for m in re.finditer("\n", text)][:3]:
        title = Span(0, min(at, 3))
        assert segmenter.segment(text, at, title) == reference.segment(text, at, title)
        spans = layout.block_spans(text, at)
        assert spans is None or spans == _line_reading(text, at)
    for raw in (text, text.strip(), *text.splitlines()):
        assert segmenter.plain(raw) == reference.plain(raw)
        assert segmenter._is_other(raw) == reference._is_other(raw)
        assert segmenter._is_title(raw) == reference._is_title(raw)
        bare = raw.strip()
        assert segmenter._ends_sentence(bare) == bool(segmenter._TERMINAL.search(bare))


@settings(max_examples=1500, deadline=None)
@given(texts())
@example("Reuter\n    The price rose\nsharply.\n")
@example(" \n\nReuter")
@example("a.\n were allotted\n    b")
def test_segment_is_the_plain_segmenter(text: str) -> None:
    _check(text)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ab .,\n\r\t R#*_>-<!&3;'\")\u2028\x0c"), max_size=60))
def test_segment_on_random_characters(text: str) -> None:
    _check(text)


def test_segment_on_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert segmenter.segment(text) == reference.segment(text), path.name
        assert layout.block_spans(text, 0) is not None or "<!--" in text or "   " in text


def test_block_spans_leaves_tables_and_comments_to_the_line_reading() -> None:
    assert layout.block_spans("Net    1,234    5,678\n", 0) is None
    assert layout.block_spans("Text\n<!-- newslint: disable -->\n", 0) is None
    assert layout.block_spans("    indented only\n", 0) == [Span(4, 17)]


def test_the_first_characters_the_patterns_start_with() -> None:
    """Only "r" and "R" match "r" ignoring case (what SIGN_OFF_FIRST leaves out never starts a
    sign-off), and the terminal and closing characters are the patterns' own."""
    r = re.compile("r", re.IGNORECASE)
    assert {chr(c) for c in range(sys.maxunicode + 1) if r.fullmatch(chr(c))} == {"r", "R"}
    assert segmenter._SIGN_OFF.pattern == layout.SIGN_OFF.pattern
    assert segmenter._TABLE_GAP.pattern == layout.TABLE_GAP.pattern
    ends, closers = re.fullmatch(r"\[(.*)\]\[(.*)\]\*\$", segmenter._TERMINAL.pattern).groups()
    assert set(ends) == layout.ENDS and closers.replace("\\", "") == layout.CLOSERS


@settings(max_examples=300, deadline=None)
@given(st.text(" \t\nab\u2028", max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_span_strip_is_the_character_walk(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    assert Span(start, end).strip(text) == reference.strip(Span(start, end), text)


@settings(max_examples=200, deadline=None)
@given(texts())
def test_blocks_of_and_kept(text: str) -> None:
    blocks = segmenter.segment(text)
    document = Document("a.txt", text, blocks)
    document.memo.update({"duplicates": 1, "sentences": 2})
    for kinds in (frozenset({BlockKind.PARAGRAPH}), frozenset(BlockKind), frozenset()):
        for _ in range(2):
            assert document.blocks_of(kinds) == tuple(b for b in blocks if b.kind in kinds)
    again = pickle.loads(pickle.dumps(document))
    assert again == document and "_blocks_of" not in again.__dict__
    kept = Kept.of(document, False)
    assert kept.memo == dict(document.portable().memo) == {"duplicates": 1}
    stripped = [reference.strip(b.span, text) for b in blocks]
    assert kept.stripped_spans() == [(s.start, s.end) for s in stripped]
    assert isinstance(blocks, tuple) and all(isinstance(b, Block) for b in blocks)
