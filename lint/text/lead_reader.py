"""The leading words of a pattern read from its text, without ``re``'s parser.

:func:`lint.text.gated.leading_words` reads them from ``re._parser.parse``'s tree: after
zero-width assertions, each alternative's leading literal, lowercased. Parsing is Python code,
and the patterns gated together (:mod:`lint.text.gate_set`) are long (some 11,000 characters):
reading their words cost about 86 M instructions, of which the parse was 66 M, once per run
(2% of a 300-file run). Only the start of each alternative matters, so :func:`fast_leading_words`
finds the groups and alternatives in one ``re`` pass (escapes and character sets skipped in C)
and reads, in Python, only the few characters where each alternative starts.

It gives the parser-based answer exactly, or says it cannot (:data:`UNKNOWN`, and the caller
parses): the parser's rewrites that change what the tree starts with are refused rather than
copied. An alternation whose alternatives all start with the same item is factored by the parser
("ab|ac" becomes "a" then a branch of "b" and "c"), and one whose alternatives are each a single
character or set becomes a set; a character set in the leading words (``[a]`` is a literal),
a ``{`` (a repeat, or a literal), an escape of a letter or digit other than the assertions and
classes below, a group other than plain, non-capturing, named and lookaround ones, and verbose
patterns or comments are also refused. A test compares both readings on every gated pattern and
on generated ones.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any, Final

#: returned when the text alone does not tell (the caller parses the pattern)
UNKNOWN: Final = "unknown"

#: what matters for the structure: an escape or a set (skipped whole), a bracket, a bar
#: (the end of the text closes the last match: no search from every place after the last one)
_STRUCTURE = re.compile(r"(?:[^\\\[()|]+|\\.|\[\^?\]?(?:[^\\\]]+|\\.)*\])*+([()|]|\Z)", re.DOTALL)
#: a repeat's bounds, as ``re`` reads them ("{3}", "{3,}", "{,5}", "{,}", "{3,5}"; "{}" and
#: any other "{" are literals)
_BOUNDS = re.compile(r"\{(?:\d+|\d*,\d*)\}")
#: literals that can be read together (the others are read one at a time)
_RUN = re.compile(r"[^\\\[\](){}|*+?.^$]+")
_SET = re.compile(r"\[\^?\]?(?:\\.|[^\\\]])*\]", re.DOTALL)

# kinds of item, as the parser's tree has them
_LITERAL, _AT, _ASSERT, _GROUP, _CLASS, _OTHER, _ANY, _REPEAT, _BRANCH, _MADE_SET = range(10)
#: items the parser's common-start check can find equal (the others hold a subpattern)
_COMPARABLE = frozenset((_LITERAL, _AT, _CLASS, _OTHER, _ANY))
#: items the parser puts in a set when each alternative is one of them
_ONE = frozenset((_LITERAL, _CLASS))
#: (kind, key, where): a group's offset, a branch's alternatives (each an iterator of items)
Item = tuple[int, str, Any]
_ASSERTION_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("sSdDwW")
_QUANTIFIERS = frozenset("*+?{")


#: a set or class escape's text -> (kind, key) as the parser reads it
_ITEMS: dict[str, tuple[int, str]] = {}


def _parsed(text: str) -> tuple[int, str]:
    """(kind, key) of one set ("[a]" is the literal "a" to the parser) or class escape: a
    literal's key is its character; other items are equal when their keys are (the parser's
    items, written out)."""
    found = _ITEMS.get(text)
    if found is None:
        from re import _constants, _parser  # type: ignore[attr-defined]

        items = list(_parser.parse(text))
        if len(items) != 1:
            raise _Unknown
        op, av = items[0]
        if op is _constants.LITERAL:
            found = (_LITERAL, chr(av))
        elif op is _constants.IN and av[0][0] is not _constants.NEGATE:
            found = (_CLASS, repr(items[0]))
        else:
            found = (_OTHER, repr(items[0]))
        _ITEMS[text] = found
    return found


class _Unknown(Exception):
    """The text alone does not tell: the caller parses the pattern."""


class _Reader:
    __slots__ = ("close", "pipes", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        stack = [-1]  # the open brackets; -1 for the whole pattern
        close: dict[int, int] = {}
        pipes: dict[int, list[int]] = {-1: []}
        for match in _STRUCTURE.finditer(source):  # escapes and sets skipped in C
            at = match.start(1)
            if at == len(source):
                break
            char = source[at]
            if char == "(":
                stack.append(at)
                pipes[at] = []
            elif char == ")":
                close[stack.pop()] = at
            elif char == "|":
                pipes[stack[-1]].append(at)
        self.close, self.pipes = close, pipes

    def item(self, at: int, end: int) -> tuple[int, str, int, bool]:
        """(kind, key, where the next item starts, repeated) of the item at ``at``."""
        source = self.source
        char = source[at]
        if char == "\\":
            escaped = source[at + 1]
            if escaped in _ASSERTION_ESCAPES:
                kind, key = _AT, source[at : at + 2]
            elif escaped in _CLASS_ESCAPES:
                kind, key = _parsed(source[at : at + 2])
            elif escaped.isascii() and escaped.isalnum():
                raise _Unknown
            else:
                kind, key = _LITERAL, escaped
            after = at + 2
        elif char == "[":
            found = _SET.match(source, at)
            if found is None:
                raise _Unknown
            (kind, key), after = _parsed(found.group()), found.end()
        elif char == "(":
            if source.startswith("(?", at):
                if source.startswith(("(?=", "(?!", "(?<=", "(?<!"), at):
                    kind = _ASSERT
                elif source.startswith(("(?:", "(?P<"), at):
                    kind = _GROUP
                else:
                    raise _Unknown
            else:
                kind = _GROUP
            key, after = "(", self.close[at] + 1
        elif char == ".":
            kind, key, after = _ANY, char, at + 1
        elif char in "^$":
            kind, key, after = _AT, char, at + 1
        elif char in "*+?)|":
            raise _Unknown
        else:  # a run of literals (its last one alone when a repeat follows it)
            run = _RUN.match(source, at, end)
            after = at + 1 if run is None else run.end()  # "]" and "}" one at a time
            if (
                after < end
                and after - at > 1
                and source[after] in _QUANTIFIERS
                and (source[after] != "{" or _BOUNDS.match(source, after) is not None)
            ):
                return _LITERAL, source[at : after - 1], after - 1, False
            kind, key = _LITERAL, source[at:after]
        repeated = False
        if after < end and source[after] in _QUANTIFIERS:
            if source[after] == "{":  # a repeat when well formed, else a literal "{"
                bounds = _BOUNDS.match(source, after)
                repeated = bounds is not None
                after = after if bounds is None else bounds.end()
            else:
                repeated = True
                after += 1
            if repeated:
                if kind in (_AT, _ASSERT):
                    raise _Unknown
                if after < end and source[after] in "?+":  # lazy or possessive
                    after += 1
        return kind, key, after, repeated

    def inside(self, bracket: int) -> int:
        """Where the inside of the group opened at ``bracket`` starts: after "(", "(?:" or
        "(?P<name>"."""
        source = self.source
        if source.startswith("(?P<", bracket):
            return source.index(">", bracket) + 1
        return bracket + 3 if source.startswith("(?:", bracket) else bracket + 1

    def items(self, start: int, end: int) -> Iterator[Item]:
        """The items of one alternative ``source[start:end]``, read as they are needed, with a
        non-capturing group (not repeated) replaced by its inside, as the parser does."""
        source = self.source
        at = start
        while at < end:
            kind, key, after, repeated = self.item(at, end)
            if repeated:
                yield _REPEAT, key, at
            elif kind == _GROUP and source.startswith("(?:", at):
                yield from self.alternation(at, at + 3, self.close[at])
            else:
                yield kind, key, at
            at = after

    def alternation(self, bracket: int, start: int, end: int) -> Iterator[Item]:
        """The items of the alternation ``source[start:end]`` (the inside of the bracket at
        ``bracket``, or the whole pattern for -1) as the parser gives them: the items all
        alternatives start with, moved out in front, then a set (each alternative left with
        one character or class) or a branch of what is left of each."""
        bars = self.pipes[bracket]
        if not bars:
            yield from self.items(start, end)
            return
        bounds = zip([start, *(bar + 1 for bar in bars)], [*bars, end], strict=True)
        streams = [self.items(first, last) for first, last in bounds]
        heads = [next(stream, None) for stream in streams]
        while True:
            first = heads[0]
            if first is None or first[0] not in _COMPARABLE:
                break
            if first[0] == _LITERAL:  # runs: the parser compares one literal at a time
                char = first[1][0]
                if any(head is None or head[0] != _LITERAL or head[1][0] != char for head in heads):
                    break
                yield _LITERAL, char, None  # the same literal starts every alternative
                heads = [
                    (_LITERAL, head[1][1:], None)
                    if head is not None and len(head[1]) > 1
                    else next(stream, None)
                    for head, stream in zip(heads, streams, strict=True)
                ]
                continue
            if any(head is None or head[:2] != first[:2] for head in heads):
                break
            yield first  # the same item starts every alternative: moved out
            heads = [next(stream, None) for stream in streams]
        if any(head is not None and head[0] == _MADE_SET for head in heads):
            raise _Unknown  # a set may equal another item: the parser would move it out
        if all(head is not None and head[0] in _ONE and len(head[1]) == 1 for head in heads):
            # each alternative one character or class, or more: a set when nothing follows
            seconds = [next(stream, None) for stream in streams]
            if all(second is None for second in seconds):
                yield _MADE_SET, "", None
                return
            streams = [
                itertools.chain(() if second is None else (second,), stream)
                for second, stream in zip(seconds, streams, strict=True)
            ]
        yield _BRANCH, "", list(zip(heads, streams, strict=True))

    def lead(self, items: Iterator[Item], head: Item | None = None) -> set[str] | None:
        """The words of a sequence of items, ``head`` (when given) then ``items`` (``lead`` in
        :func:`lint.text.gated._read_starts`)."""
        prefix: list[str] = []
        if head is not None:
            items = itertools.chain((head,), items)
        for kind, key, where in items:
            if not prefix and kind in (_AT, _ASSERT):
                continue
            if kind == _LITERAL:  # a run of literals, none repeated
                if not key.isascii():
                    return None
                prefix.append(key.lower())
                continue
            if prefix:
                break
            if kind == _GROUP:
                return self.lead(self.alternation(where, self.inside(where), self.close[where]))
            if kind == _BRANCH:
                words: set[str] = set()
                for head, rest in where:
                    found = self.lead(rest, head)
                    if not found:
                        return None
                    words |= found
                return words
            return None
        return {"".join(prefix)} if prefix else None


def fast_leading_words(pattern: re.Pattern[str]) -> frozenset[str] | str | None:
    """:func:`lint.text.gated.leading_words` of ``pattern`` read from its text, or
    :data:`UNKNOWN` when the text alone does not tell."""
    source = pattern.pattern
    if not isinstance(source, str) or pattern.flags & re.VERBOSE or "(?#" in source:
        return UNKNOWN
    try:
        reader = _Reader(source)
        words = reader.lead(reader.alternation(-1, 0, len(source)))
    except (_Unknown, KeyError, IndexError, ValueError):
        return UNKNOWN
    return frozenset(words) if words else None
