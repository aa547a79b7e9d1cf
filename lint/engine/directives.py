"""Inline suppression directives: parse them and turn them into suppressed ranges.

A directive is an HTML comment on a line of its own, so it never shows in rendered Markdown::

    <!-- newslint: disable=ID[,ID...] -->       from here to a matching enable, or to the end
    <!-- newslint: enable=ID[,ID...] -->        closes the ranges opened for these ids
    <!-- newslint: disable-next=ID[,ID...] -->  the next line that is not blank or a comment,
                                                 and the rest of the block it starts
    <!-- newslint: disable-file=ID[,ID...] -->  the whole document

``all`` stands for every rule. ``enable=all`` closes every open range; ``enable=ID`` closes only
ranges opened for ``ID`` (it does not carve ``ID`` out of ``disable=all``).

A JSONL record suppresses rules for itself with a field (``newslint`` by default)::

    {"id": "a1", "text": "...", "newslint": {"disable": ["readability", "stylistic-inflation"]}}

Everything here is pure: text in, directives, ranges and problems out. Checking ids against the
known rules happens in :func:`resolve`, which is given the ids.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lint.core.document import Block, Document, Span

ALL = "all"
ACTIONS = ("disable", "enable", "disable-next", "disable-file")
FIELD_KEYS = ("disable",)

_ATTEMPT = re.compile(r"<!--\s*newslint\b", re.IGNORECASE)  # a comment meant as a directive
_LINE = re.compile(r"\s*<!--(?:(?!-->).)*-->\s*")  # a line that is exactly one comment
_DIRECTIVE = re.compile(r"<!--\s*newslint:\s*(?P<action>[\w-]+)\s*=(?P<ids>(?:(?!-->).)*)-->")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COMMENT_LINE = re.compile(r"\s*<!--.*-->\s*")
_SHAPE = "<!-- newslint: ACTION=ID[,ID...] -->"
_NOT_ALONE = "a newslint directive must be a one-line HTML comment alone on its line"
RECORD = Span(0, 0)  # where a JSONL record's field directive stands (findings show the record line)


@dataclass(frozen=True)
class Directive:
    """One directive: its action, the ids it names, and where it stands."""

    action: str
    ids: tuple[str, ...]
    span: Span


@dataclass(frozen=True)
class Problem:
    """A directive that cannot be used: malformed, or naming an unknown rule."""

    span: Span
    message: str


@dataclass(frozen=True)
class Range:
    """Findings of ``rule`` (or of every rule, for ``all``) starting in ``span`` are suppressed;
    ``directive`` is the index of the directive that made the range."""

    rule: str
    span: Span
    directive: int


@dataclass(frozen=True)
class Resolved:
    """The directives of one document, their ranges, and what is wrong with them.

    ``unmatched`` lists (directive index, id) of ``enable`` ids that closed nothing."""

    directives: tuple[Directive, ...]
    ranges: tuple[Range, ...]
    problems: tuple[Problem, ...]
    unmatched: tuple[tuple[int, str], ...]


def _line_at(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    return Span(start, end).strip(text)


def _parse_one(text: str, line: Span) -> Directive | Problem:
    raw = text[line.start : line.end]
    match = _DIRECTIVE.fullmatch(raw)
    if match is None:
        return Problem(line, f"malformed directive {raw!r}; expected {_SHAPE}")
    action = match["action"]
    if action not in ACTIONS:
        return Problem(line, f"unknown directive action {action!r} (known: {', '.join(ACTIONS)})")
    ids = tuple(i.strip() for i in match["ids"].split(","))
    bad = next((i for i in ids if not _ID.fullmatch(i)), None)
    if bad is not None:
        shown = repr(bad) if bad else "an empty id"
        return Problem(line, f"malformed rule id list in {action}: {shown}; expected {_SHAPE}")
    return Directive(action, ids, line)


def attempted(text: str) -> bool:
    """Whether ``text`` holds a comment meant as a directive (:func:`parse` finds nothing else)."""
    return _ATTEMPT.search(text) is not None


def parse(text: str) -> tuple[list[Directive], list[Problem]]:
    """The directives in ``text`` in order, and problems with comments meant as directives."""
    directives: list[Directive] = []
    problems: list[Problem] = []
    seen: set[int] = set()
    for attempt in _ATTEMPT.finditer(text):
        line = _line_at(text, attempt.start())
        if line.start in seen:
            continue
        seen.add(line.start)
        if not _LINE.fullmatch(text, line.start, line.end):
            close = text.find("-->", attempt.start(), line.end)
            comment = Span(attempt.start(), line.end if close == -1 else close + 3)
            problems.append(Problem(comment, _NOT_ALONE))
            continue
        parsed = _parse_one(text, line)
        if isinstance(parsed, Problem):
            problems.append(parsed)
        else:
            directives.append(parsed)
    return directives, problems


def parse_field(value: Any, key: str) -> tuple[list[Directive], list[Problem]]:
    """The JSONL field ``{"disable": [IDS]}`` as one whole-record ``disable-file`` directive."""
    whole = RECORD
    if not isinstance(value, Mapping):
        return [], [Problem(whole, f'field {key!r} must be an object like {{"disable": [IDS]}}')]
    unknown = sorted(str(k) for k in value if k not in FIELD_KEYS)
    if unknown:
        return [], [Problem(whole, f"field {key!r}: unknown key {unknown[0]!r} (known: disable)")]
    ids = value.get("disable", [])
    if isinstance(ids, str):
        ids = [ids]
    if not isinstance(ids, list) or not all(isinstance(i, str) and _ID.fullmatch(i) for i in ids):
        return [], [Problem(whole, f"field {key!r}: disable must be a list of rule ids")]
    return [Directive("disable-file", tuple(ids), whole)] if ids else [], []


class _NextBlocks:
    """Where each ``disable-next`` in a document reaches: from the next line that is not blank or a
    comment to the end of the block it starts. A stack of directives shares one answer: a scan
    that starts between an earlier scan's start and the line it found finds the same line, so it
    is reused, and N stacked directives cost one scan, not N (issue 14)."""

    def __init__(self, text: str, blocks: Sequence[Block]) -> None:
        self.text = text
        self.blocks = blocks
        self.starts = [b.span.start for b in blocks]
        self._last: tuple[int, Span] | None = None  # (where a scan started, what it found)

    def after(self, pos: int) -> Span:
        last = self._last
        if last is not None and last[0] <= pos <= last[1].start:
            return last[1]
        found = self._scan(pos)
        self._last = (pos, found)
        return found

    def _scan(self, pos: int) -> Span:
        text = self.text
        while pos < len(text):
            line = _line_at(text, pos)
            if line.end > line.start and not _COMMENT_LINE.fullmatch(text, line.start, line.end):
                index = bisect.bisect_right(self.starts, line.start) - 1
                end = line.end
                if index >= 0 and self.blocks[index].span.end > line.start:
                    end = max(end, self.blocks[index].span.end)
                return Span(line.start, end)
            nl = text.find("\n", pos)
            if nl == -1:
                break
            pos = nl + 1
        return Span(len(text), len(text))


def _checked(
    directive: Directive, known: Collection[str], fixed: Collection[str]
) -> Iterator[str | Problem]:
    for rule in directive.ids:
        if rule in fixed:
            yield Problem(directive.span, f"{rule!r} cannot be disabled by a directive")
        elif rule != ALL and rule not in known:
            import difflib  # only for an unknown rule id

            close = difflib.get_close_matches(rule, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            yield Problem(directive.span, f"unknown rule id {rule!r} in {directive.action}{hint}")
        else:
            yield rule


def resolve(
    document: Document,
    directives: Sequence[Directive],
    known: Collection[str],
    fixed: Collection[str] = (),
) -> Resolved:
    """Ranges of ``directives`` in ``document``. Ids not in ``known`` (or in ``fixed``, rules a
    directive may not disable) are problems and are dropped."""
    text, end = document.text, len(document.text) + 1  # open ranges cover a hit at the very end
    ranges: list[Range] = []
    problems: list[Problem] = []
    unmatched: list[tuple[int, str]] = []
    open_: dict[str, list[tuple[int, int]]] = {}  # id -> [(start, directive index)]
    next_blocks = _NextBlocks(text, document.blocks)
    for index, directive in enumerate(directives):
        checked = list(_checked(directive, known, fixed))
        problems.extend(p for p in checked if isinstance(p, Problem))
        for rule in (r for r in checked if isinstance(r, str)):
            if directive.action == "disable":
                open_.setdefault(rule, []).append((directive.span.start, index))
            elif directive.action == "enable":
                closing = list(open_) if rule == ALL else [rule]
                closed = [(r, s, i) for r in closing for s, i in open_.pop(r, [])]
                ranges.extend(Range(r, Span(s, directive.span.start), i) for r, s, i in closed)
                if not closed:
                    unmatched.append((index, rule))
            elif directive.action == "disable-next":
                span = next_blocks.after(directive.span.end)
                ranges.append(Range(rule, span, index))
            else:
                ranges.append(Range(rule, Span(0, end), index))
    for rule, starts in open_.items():
        ranges.extend(Range(rule, Span(start, end), index) for start, index in starts)
    return Resolved(tuple(directives), tuple(ranges), tuple(problems), tuple(unmatched))
