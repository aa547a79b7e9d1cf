"""Kind ``markup``: the formatting a chat model leaves in copy meant to be plain news text.

A chat model answers in Markdown; pasted into a plain-text article (or a JSONL record's text),
the marks show up as they are. This kind reports, in the selected (prose) blocks:

- **bold**: ``**Post-Match Reaction**`` or ``__...__`` on one line; the fix deletes the two
  markers and keeps the words;
- **headings**: an ATX heading line (``## Background``: one to six ``#`` and a space; a hashtag
  such as ``#MeToo`` is not one); the fix deletes the ``#`` marks (and closing ones), and the
  marks of bold inside the heading, which is part of its finding;
- **bullet lists**: ``min_items`` or more consecutive lines opening with ``*``, ``•`` or ``+``
  and a space, one finding at the first marker (no fix: the items are to be written as
  sentences, which only an editor can do). Dash and numbered lists are newswire style ("The
  issue will consist of four maturities:" and ``- 8 pct bonds due ...`` lines) and are not
  flagged on their own. Bold in a reported list's items (``* **Carnival:** shares rose``) is
  part of the list's finding;
- **chat list labels**: a line that is only a label such as "Key Points:", "Key takeaways:" or
  "Stock Market Highlights:" (``label_pattern``, bold or not), directly followed by a list of any
  marker (``*``, ``•``, ``+``, ``-``, ``1.``). One finding on the label covers the label, its
  bold and its list (no fix: the points must be written into the story).

In a Markdown file (a path ending in one of ``markdown_suffixes``), bold, headings and lists
are the file's format, not artifacts: only chat list labels are reported there. Tables, sign-offs
and separators ("* * *", "---") are not prose blocks, so a rule scoped to ``text`` never sees
them.

Options:

- ``label_pattern``: a regular expression (case-insensitive) the label's words, without their
  colon and bold, must match in full;
- ``markdown_suffixes`` (default ``[.md, .markdown]``): paths whose Markdown is their format;
- ``min_items`` (default 2): how many bullet lines make a list (one starred line is a footnote).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lint.core.document import Block, Document, Span
from lint.core.finding import Edit, Hit
from lint.kinds.base import Kind, Scope

#: Bold on one line: ``**words**`` or ``__words__``, the words neither starting nor ending with
#: white space (Markdown's flanking rule) and the marks at word edges (not ``2**10`` or
#: ``snake__case``).
_BOLD = re.compile(
    r"(?<![\w*\\])(?P<open>\*\*)(?![\s*])(?P<inner>[^\n]+?)(?<![\s*\\])(?P<close>\*\*)(?![\w*])"
    r"|(?<![\w\\])(?P<open2>__)(?![\s_])(?P<inner2>[^\n]+?)(?<![\s_\\])(?P<close2>__)(?![\w])"
)
#: An ATX heading: up to three spaces, one to six ``#``, a space, the title, optional closing ``#``
_HEADING = re.compile(
    r"[ \t]{0,3}(?P<marks>#{1,6})[ \t]+(?P<title>\S.*?)(?P<close>[ \t]+#+)?[ \t]*"
)
#: A list item's marker and the space after it; ``star`` for the Markdown bullets a newswire
#: text does not use, ``other`` for dashes and numbers, which it does
_ITEM = re.compile(r"[ \t]*(?:(?P<star>[*•+])|(?P<other>[-–]|\d{1,2}[.)]))[ \t]+(?=\S)")
#: ``_ITEM`` at the start of any line of a block's text (``^`` in MULTILINE starts a line after
#: each "\n", where ``_lines`` splits): a line ``_ITEM`` matches is a line this finds (with a
#: "\r" left on, a line can only match more)
_ANY_ITEM = re.compile(f"^(?:{_ITEM.pattern})", re.MULTILINE)


@dataclass(frozen=True)
class Options:
    label_pattern: str
    markdown_suffixes: tuple[str, ...] = (".md", ".markdown")
    min_items: int = 2
    label: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            label = re.compile(self.label_pattern, re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"invalid label_pattern {self.label_pattern!r}: {err}") from None
        if label.fullmatch(""):
            raise ValueError(f"label_pattern {self.label_pattern!r} matches the empty string")
        if self.min_items < 2:
            raise ValueError(f"min_items must be 2 or more, not {self.min_items!r}")
        object.__setattr__(self, "label", label)


@dataclass(frozen=True)
class _Line:
    """One line of a selected block, in document offsets (without its line break)."""

    block: int
    span: Span
    text: str


def _lines(blocks: Sequence[Block]) -> list[_Line]:
    lines: list[_Line] = []
    for block in blocks:
        offset = block.start
        for raw in block.text.split("\n"):
            text = raw.removesuffix("\r")
            lines.append(_Line(block.index, Span(offset, offset + len(text)), text))
            offset += len(raw) + 1
    return lines


@dataclass(frozen=True)
class _List:
    """A run of list items: the index of its first line, its lines' count, items and markers."""

    first: int
    end: int  # index after its last line
    items: int
    star: bool  # every item opens with a Markdown bullet (*, •, +)


def _lists(lines: Sequence[_Line]) -> Iterator[_List]:
    """Runs of consecutive item lines; a line of the same block after an item continues it
    (wrapped text), any other line ends the run."""
    i = 0
    while i < len(lines):
        match = _ITEM.match(lines[i].text)
        if match is None:
            i += 1
            continue
        first, items, star = i, 0, True
        while i < len(lines):
            match = _ITEM.match(lines[i].text)
            if match is not None:
                items += 1
                star = star and match.group("star") is not None
            elif lines[i].block != lines[i - 1].block:
                break
            i += 1
        yield _List(first, i, items, star)


def _strip_bold(text: str) -> str:
    stripped = text.strip()
    for mark in ("**", "__"):
        if len(stripped) > 4 and stripped.startswith(mark) and stripped.endswith(mark):
            return stripped[2:-2].strip()
    return stripped


def _label(line: _Line, options: Options) -> bool:
    """Whether the line is only a chat list label ("Key Points:", "**Highlights:**")."""
    text = line.text.strip()
    if text.endswith(":"):
        words = _strip_bold(text[:-1])
    else:
        inner = _strip_bold(text)
        if inner == text or not inner.endswith(":"):
            return False
        words = inner[:-1].strip()
    return 0 < len(words) <= 60 and options.label.fullmatch(words) is not None


def _stripped(line: _Line) -> Span:
    """The line's document span without its leading and trailing white space."""
    lead = len(line.text) - len(line.text.lstrip())
    trail = len(line.text) - len(line.text.rstrip())
    return Span(line.span.start + lead, line.span.end - trail)


def _quoted(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bold_hits(line: _Line) -> Iterator[Hit]:
    for match in _BOLD.finditer(line.text):
        which = "" if match.group("open") else "2"
        open_, close = match.span(f"open{which}"), match.span(f"close{which}")
        start = line.span.start
        marker = match.group(f"open{which}")
        yield Hit(
            Span(start + match.start(), start + match.end()),
            values={
                "match": match.group(),
                "what": f"Markdown bold '{_quoted(match.group())}' in plain text",
                "advice": f"drop the '{marker}' marks",
            },
            data={"artifact": "bold"},
            edits=(
                Edit(Span(start + open_[0], start + open_[1])),
                Edit(Span(start + close[0], start + close[1])),
            ),
        )


def _heading_hit(line: _Line) -> Hit | None:
    match = _HEADING.fullmatch(line.text)
    if match is None:
        return None
    start = line.span.start
    marks = match.group("marks")
    edits = [Edit(Span(start, start + match.start("title")))]
    if match.group("close"):
        edits.append(Edit(Span(start + match.end("title"), start + match.end("close"))))
    bold = [edit for hit in _bold_hits(line) for edit in hit.edits]  # "## **Reaction**": one
    return Hit(
        _stripped(line),
        values={
            "match": line.text.strip(),
            "what": f"Markdown heading '{_quoted(line.text.strip())}' in plain text",
            "advice": f"drop the '{marks}'" + (" and the bold marks" if bold else ""),
        },
        data={"artifact": "heading"},
        edits=tuple(sorted([*edits, *bold])),
    )


def can_hit(blocks: Sequence[Block]) -> bool:
    """False only when :func:`check` finds nothing in ``blocks``: every finding needs a list item
    (a label's list, a bullet list), a ``#`` (a heading) or a bold mark, on one line of a block.
    Most articles have none, and are not cut into lines."""
    return any(
        "#" in block.text
        or "**" in block.text
        or "__" in block.text
        or _ANY_ITEM.search(block.text) is not None
        for block in blocks
    )


def check(document: Document, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    """Hits in document order: labels with their lists, bullet lists, headings and bold."""
    if not can_hit(blocks):
        return
    markdown = document.path.lower().endswith(options.markdown_suffixes)
    lines = _lines(blocks)
    hits: list[Hit] = []
    # lines a label or list finding covers: a label's bold, and bold in a reported list's items
    # ("* **Carnival:** shares rose 3%"), are part of that finding
    covered: set[int] = set()
    for run in _lists(lines):
        before = run.first - 1
        if before >= 0 and run.items >= 1 and _label(lines[before], options):
            label = lines[before]
            shown = label.text.strip()
            covered.update(range(before, run.end))
            hits.append(
                Hit(
                    _stripped(label),
                    values={
                        "match": shown,
                        "what": f"chat-style list label '{_quoted(shown)}' over a list of"
                        f" {run.items} item{'s' if run.items != 1 else ''}",
                        "advice": "write the points into the story as sentences",
                    },
                    data={"artifact": "label", "items": run.items},
                )
            )
        elif run.star and run.items >= options.min_items and not markdown:
            item = lines[run.first]
            marker = _ITEM.match(item.text)
            assert marker is not None
            at = item.span.start + marker.start("star")
            covered.update(range(run.first, run.end))
            hits.append(
                Hit(
                    Span(at, at + 1),
                    values={
                        "match": marker.group("star"),
                        "what": f"Markdown bullet list ('{marker.group('star')} ', {run.items}"
                        " items) in plain text",
                        "advice": "write the items as sentences",
                    },
                    data={"artifact": "list", "items": run.items},
                )
            )
    if not markdown:
        for index, line in enumerate(lines):
            if index in covered:
                continue
            if "#" in line.text:
                heading = _heading_hit(line)
                if heading is not None:
                    hits.append(heading)
                    continue
            if "**" in line.text or "__" in line.text:
                hits.extend(_bold_hits(line))
    hits.sort(key=lambda hit: (hit.span.start, hit.span.end))
    yield from hits


KIND = Kind("markup", Scope.DOCUMENT, Options, check)
