"""Segmentation: layouts and block kinds on the seeds and on fixtures."""

from __future__ import annotations

from conftest import SEEDS

from lint.core.document import BlockKind as K
from lint.text.segment import segment


def kinds(text: str) -> list[str]:
    return [b.kind.value for b in segment(text)]


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_generated_article_with_summary_headline_and_repeat():
    blocks = segment(seed("000"))
    assert [b.kind for b in blocks[:4]] == [K.DEK, K.HEADLINE, K.HEADLINE, K.PARAGRAPH]
    assert len(blocks) == 13 and all(b.kind is K.PARAGRAPH for b in blocks[4:])


def test_original_with_dateline_and_blank_line_paragraphs():
    blocks = segment(seed("002"))
    assert blocks[0].kind is K.METADATA
    assert blocks[0].text == "date 2025-03-14 Feras Killani BBC News Arabic, western Syria"
    assert [b.text for b in blocks if b.kind is K.SUBHEAD] == [
        "‘Summary executions’",
        "‘We need protection’",
    ]


def test_article_without_headline_has_subheads():
    blocks = segment(seed("004"))
    assert blocks[0].kind is K.PARAGRAPH
    assert next(b.text for b in blocks if b.kind is K.SUBHEAD) == "Recent violence and casualties"


def test_spans_index_the_raw_text():
    text = seed("001")
    for block in segment(text):
        assert text[block.span.start : block.span.end] == block.text


def test_hard_wrapped_newswire_with_indented_paragraphs_and_sign_off():
    text = (
        "The company said it may buy back up to 100,000 of its\n"
        "shares from time to time in the open market, it said in a\n"
        "statement.\n"
        "    It said it has 9.2 mln shares outstanding after the\n"
        "offering, which closed on Friday.\n"
        " Reuter\n"
        "&#3;"
    )
    blocks = segment(text, title=None)
    assert [b.kind for b in blocks] == [K.PARAGRAPH, K.PARAGRAPH, K.OTHER]
    assert blocks[0].text.endswith("statement.")
    assert blocks[1].text.startswith("It said it has 9.2 mln")


def test_tables_are_not_prose():
    text = "Results\n\nWheat   2.55   2.40   IV   4.65\nCorn    1.35   1.92   IV   3.15\n"
    assert kinds(text) == ["headline", "other", "other"]


def test_crlf_lines():
    text = "Headline here\r\nFirst paragraph of the story.\r\nSecond paragraph.\r\n"
    blocks = segment(text)
    assert [b.text for b in blocks] == [
        "Headline here",
        "First paragraph of the story.",
        "Second paragraph.",
    ]


def test_empty_and_whitespace():
    assert segment("") == ()
    assert segment("\n\n  \n") == ()


SHORT_WIRE = (
    "CAR MAKER SAYS SALES STRONG\n\n"
    "Northgate Motor America said\n"
    "February sales of its compact car totaled 18,656.\n"
    "    Northgate began selling the car in the U.S. on February 20,\n"
    "1986. Sales that month totaled 588.\n"
    " Reuter\n"
)


def test_short_wire_item_read_by_its_indented_paragraphs():
    """Too short for the width test: the indentation tells the layout. The lead's short first
    line is not a second headline, and no sentence is cut at a line break."""
    blocks = segment(SHORT_WIRE)
    assert [b.kind for b in blocks] == [K.HEADLINE, K.PARAGRAPH, K.PARAGRAPH, K.OTHER]
    assert blocks[1].text.startswith("Northgate Motor America said\nFebruary sales")
    assert blocks[2].text.endswith("February 20,\n1986. Sales that month totaled 588.")


def test_indentation_alone_does_not_join_a_headline_or_a_freight_list():
    # a headline with the body right under it: the headline stays a block of its own
    text = "Council approves budget\nThe council approved it on Monday.\n    Members voted 30-12.\n"
    assert kinds(text) == ["headline", "paragraph", "paragraph"]
    # a list of figures under names is rows, not sentences going on (letters under 70%)
    freights = (
        "LONDON FREIGHTS\n\n"
        "Rotterdam/Karachi 20,000/21,000 mt scrap 7,000/1,100 15-30/4.\n"
        "    Geraldton/Tampico 13,500 mt sands fio\n"
        "10,000/2,000 1-10/5.\n"
    )
    assert len(segment(freights)) == 4
