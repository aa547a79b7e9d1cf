"""Property: a fix removes exactly the reported copies (with their separators) and keeps every
other character, in order, whatever the layout and line endings."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.core.document import BlockKind, Document, Span
from lint.engine import fix
from lint.engine.engine import Engine
from lint.engine.rules import builtin_dir, load_rules
from lint.text.segment import segment

WORDS = [
    "port",
    "ships",
    "grain",
    "union",
    "workers",
    "council",
    "river",
    "bridge",
    "market",
    "prices",
    "rose",
    "fell",
    "week",
]
TITLE_WORDS = [
    "Port",
    "Strike",
    "Halts",
    "Grain",
    "Exports",
    "Council",
    "Approves",
    "Budget",
    "River",
    "Floods",
]
SEPARATORS = ["\n", "\n\n", "\r\n", "\r\n\r\n", " \n", "\n \n", "\n\n\n", "\t\r\n"]
ENDINGS = ["", "\n", "\r\n", "\n\n", " "]
ENGINE = Engine(load_rules([builtin_dir()], ["duplicated-paragraph", "repeated-headline"]))


def _line_break(separator: str) -> tuple[str, str]:
    """A separator split at its first line break: (white space ending the line, the rest)."""
    cut = min((i for i in (separator.find("\r\n"), separator.find("\n")) if i >= 0), default=-1)
    return (separator, "") if cut < 0 else (separator[:cut], separator[cut:])


def _expected(blocks: list[str], separators: list[str]) -> tuple[list[str], str]:
    """The texts a fix must remove and the text it must leave, built from the pieces.

    A removed block takes its own separator; when the copies end the article, the kept text ends
    with the last kept line (and its trailing white space) followed by the article's final line
    break(s), whatever the removed lines had before.
    """
    seen: set[str] = set()
    removed = []
    for index, block in enumerate(blocks):
        if block in seen:
            removed.append(index)
        seen.add(block)
    kept = [i for i in range(len(blocks)) if i not in removed]
    last = kept[-1]
    parts = [blocks[i] + separators[i] for i in kept[:-1]]
    if last == len(blocks) - 1:
        parts.append(blocks[last] + separators[last])
    else:  # a trailing run of copies goes with the separator before it
        parts.append(blocks[last] + _line_break(separators[last])[0])
        parts.append(_line_break(separators[-1])[1])
    return [blocks[i] for i in removed], "".join(parts)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str], str]:
    """An article, the text of every block a fix must remove, and the fixed text."""
    paragraph = st.lists(st.sampled_from(WORDS), min_size=16, max_size=30).map(
        lambda ws: " ".join(ws).capitalize() + "."
    )
    pool = draw(st.lists(paragraph, min_size=1, max_size=5, unique=True))
    picks = draw(st.lists(st.tuples(st.sampled_from(pool), st.booleans()), min_size=1, max_size=9))
    # an upper-cased copy is a duplicate to the rule (it folds case) but not identical: kept
    body = [p.upper() if shout else p for p, shout in picks]
    headline = " ".join(
        draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=3, max_size=6, unique=True))
    )
    blocks = [headline, headline, *body] if draw(st.booleans()) else [headline, *body]
    size = len(blocks) - 1
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=size, max_size=size))
    separators.append(draw(st.sampled_from(ENDINGS)))
    text = "".join(b + s for b, s in zip(blocks, separators, strict=True))
    return text, *_expected(blocks, separators)


def _kept(text: str, ranges: list[Span]) -> str:
    """Characters outside ``ranges``, one by one (independent of ``fix.apply``)."""
    inside = set()
    for span in ranges:
        inside.update(range(span.start, span.end))
    return "".join(ch for i, ch in enumerate(text) if i not in inside)


@settings(max_examples=150, deadline=None)
@given(articles())
def test_fix_removes_only_reported_copies(article):
    text, expected_removed, expected_text = article
    engine = ENGINE
    document = Document("a.txt", text, segment(text))
    findings = engine.run([document])

    fixes = fix.applicable(findings)
    assert fixes == [f for f in findings if f.edits]  # every fix applies in one round
    # a fix spans a run of copies (one block or more), each deleted by an edit of its own
    blocks = [b for b in document.blocks if any(f.start <= b.start < f.end for f in fixes)]
    assert len(blocks) == sum(len(f.edits) for f in fixes)
    assert all(  # a fix's blocks are whole blocks inside its reported span
        any(f.start <= b.start and b.span.end <= f.end for f in findings) for b in blocks
    )
    assert [b.text for b in blocks] == expected_removed  # and all identical later copies

    edits = sorted(e for f in fixes for e in f.edits)
    ranges = [e.span for e in edits]
    assert all(a.end <= b.start for a, b in itertools.pairwise(ranges))
    for span in ranges:  # a range is its blocks plus white space, nothing else
        inner = [b.span for b in blocks if span.start <= b.span.start and b.span.end <= span.end]
        assert inner
        rest = text[span.start : span.end]
        for block in sorted(inner, reverse=True):
            rest = rest[: block.start - span.start] + rest[block.end - span.start :]
        assert not rest.strip()
    assert sum(len(r) for r in ranges) < len(text)

    outcome = fix.fix_corpus([document], engine.run)
    fixed = outcome.documents[0].text
    assert fixed == expected_text
    assert fixed == _kept(text, ranges) == fix.apply(text, edits)

    # the article reads the same, minus the copies: headline once, paragraphs de-duplicated
    doc_after = outcome.documents[0]
    kept_blocks = [b.text for b in doc_after.blocks]
    originals = [b.text for b in document.blocks]
    expected_blocks = []
    pending = list(expected_removed)
    for block in reversed(originals):  # later copies go, first copies stay
        if block in pending:
            pending.remove(block)
        else:
            expected_blocks.append(block)
    assert kept_blocks == expected_blocks[::-1]
    assert [b.kind for b in doc_after.blocks].count(BlockKind.HEADLINE) == 1
    assert not any(f.rule == "repeated-headline" for f in outcome.findings)

    # a second fix changes nothing
    assert fix.fix_corpus(list(outcome.documents), engine.run).changes == ()
