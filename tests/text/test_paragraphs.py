"""TextAnalysis.paragraphs: run-together paragraphs are split, real ones are kept."""

from __future__ import annotations

from lint.core.document import BlockKind, Document
from lint.text.analysis import RUN_TOGETHER, analysis
from lint.text.segment import segment


def _paragraphs(text: str) -> list[str]:
    document = Document("a.txt", text, segment(text))
    blocks = document.blocks_of(frozenset({BlockKind.PARAGRAPH}))
    return [b.text for b in analysis(document).paragraphs(blocks)]


def test_short_paragraphs_are_kept_as_they_are() -> None:
    text = "Title\n\nOne sentence here. Another one.\n\nA second paragraph.\n"
    assert _paragraphs(text) == ["One sentence here. Another one.", "A second paragraph."]


def test_a_run_together_article_is_split_at_sentences_and_nothing_is_lost() -> None:
    sentences = [f"Sentence number {w} is here with a few more words." for w in "abcdefghijkl"]
    assert len(sentences) >= RUN_TOGETHER
    body = " ".join(sentences)
    parts = _paragraphs(f"Title\n\n{body}\n")
    assert len(parts) > 1
    assert " ".join(parts) == body
    assert all(p.endswith(".") for p in parts)


def test_a_quotation_is_never_split() -> None:
    quote = '"' + " ".join(f"Part {w} of what she said went on." for w in "abcdefghij") + '"'
    body = " ".join(f"Plain sentence {w} of the story goes on." for w in "abcdef")
    parts = _paragraphs(f"Title\n\n{body} She said: {quote} {body}\n")
    assert any(quote in p for p in parts)


def test_neighbours_stay_neighbours_and_a_gap_stays_a_gap() -> None:
    body = " ".join(f"Sentence {w} of a long run-together text goes on." for w in "abcdefghijkl")
    text = f"Title\n\n{body}\n\n- a list item\n\nLast paragraph.\n"
    document = Document("a.txt", text, segment(text))
    blocks = document.blocks_of(frozenset({BlockKind.PARAGRAPH}))
    parts = analysis(document).paragraphs(blocks)
    indices = [p.index for p in parts]
    assert indices[:-1] == list(range(indices[0], indices[0] + len(parts) - 1))
    for part in parts:
        assert text[part.span.start : part.span.end] == part.text
    assert [b.index for b in blocks] == [1, 3]  # the list item (a subhead) stands between
    assert indices[-1] > indices[-2] + 1
