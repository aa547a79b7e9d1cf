"""Quote spans and sentence spans on news text."""

from __future__ import annotations

from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from lint.text.quotes import quote_spans
from lint.text.sentences import sentence_spans


def _texts(text, spans):
    return [text[s.start : s.end] for s in spans]


def test_quotes_in_the_original_report_including_a_stray_mark():
    (path,) = SEEDS.glob("002_*.txt")
    paragraph = path.read_text(encoding="utf-8").split("\n")[2]
    quoted = _texts(paragraph, quote_spans(paragraph))
    assert quoted[0] == "“My only son, just 25 years old,”"
    assert quoted[1].startswith("“They took him right from my side")
    assert quoted[1].endswith("with it.’ “")  # the stray opening mark closes it
    assert quoted[2].startswith("“Everyone knew he had diabetes")
    assert not any("That was the last Dalaal saw" in q for q in quoted)


def test_apostrophes_are_not_quotes_but_single_quotes_are():
    text = "Syria’s army said ‘summary executions’ took place; it’s unclear."
    assert _texts(text, quote_spans(text)) == ["‘summary executions’"]


def test_straight_quotes_and_unclosed_quote():
    text = 'He said "no" and then "we will go on'
    assert _texts(text, quote_spans(text)) == ['"no"', '"we will go on']


def test_an_apostrophe_typed_as_a_double_mark_opens_no_quote():
    # wire copy types some apostrophes as straight double marks; a quote opened there would run
    # to the end of the paragraph and hide its speech tag
    text = (
        'Sales fell below the country"s quota, officials said. He called it "a blow" to the plan.'
    )
    assert _texts(text, quote_spans(text)) == ['"a blow"']
    # a mark after a letter and before a capital, or a space, still opens and closes quotes
    text = 'He said"We will go" and left.'
    assert _texts(text, quote_spans(text)) == ['"We will go"']


def test_sentences_keep_abbreviations_and_initials_together():
    text = "Mr. Smith of Acme Corp. said sales rose. L.K. Evans was named president. Shares fell."
    assert _texts(text, sentence_spans(text)) == [
        "Mr. Smith of Acme Corp. said sales rose.",
        "L.K. Evans was named president.",
        "Shares fell.",
    ]


def test_sentence_ending_inside_a_quote():
    text = "“We left everything behind.” She said more. “Why?” he asked."
    assert _texts(text, sentence_spans(text)) == [
        "“We left everything behind.”",
        "She said more.",
        "“Why?” he asked.",
    ]


@given(st.text(max_size=300))
def test_property_spans_inside_text_and_ordered(text):
    for spans in (quote_spans(text), sentence_spans(text)):
        assert all(0 <= s.start <= s.end <= len(text) for s in spans)
        assert spans == sorted(spans)


def test_a_quotes_next_paragraph_run_into_one_line_opens_a_new_quote() -> None:
    text = (
        'He told BBC Sport: "It is hard. You feel good. "The worst part is behind me. I want six."'
        ' Gundogan made 15 appearances. He said: "Optimism is big."'
    )
    quoted = [text[s.start : s.end] for s in quote_spans(text)]
    assert quoted == [
        '"It is hard. You feel good. ',
        '"The worst part is behind me. I want six."',
        '"Optimism is big."',
    ]
    narrator = text.index("Gundogan made 15")
    assert not any(s.start <= narrator < s.end for s in quote_spans(text))


def test_an_inch_mark_after_a_digit_opens_no_quote() -> None:
    # a height in feet and inches used to open a quote running to the end of the article, so
    # every rule that skips quotations skipped the whole rest of it
    text = 'The 6\' 4" centre-half, who was released by Crewe, said "we will go on" today.'
    assert _texts(text, quote_spans(text)) == ['"we will go on"']
    closing = 'He said "the score was 2-1" and left.'
    assert _texts(closing, quote_spans(closing)) == ['"the score was 2-1"']


def test_a_closing_mark_typed_where_a_quote_opens_opens_it() -> None:
    # scraped reader comments open with a closing mark and end with the reader's name
    text = "”I am truly afraid of what comes next.” ― A. Reader"
    assert _texts(text, quote_spans(text)) == ["”I am truly afraid of what comes next.”"]
    # a closing mark after a word still only closes
    text = "He said “no” and ” left"
    assert _texts(text, quote_spans(text)) == ["“no”"]


def test_straight_single_quotes_at_word_edges_are_quotes() -> None:
    text = "Storms Are 'Terrifying,' Mayor Says; he called it 'a disgrace to the city'."
    assert _texts(text, quote_spans(text)) == ["'Terrifying,'", "'a disgrace to the city'"]
    # apostrophes, a decade and a possessive plural open and close nothing
    text = "It's the '90s again, the players' union said; don't go."
    assert _texts(text, quote_spans(text)) == []


def test_a_curly_quote_nested_in_another_gives_the_rest_back_to_the_outer_one() -> None:
    # the inner quote cuts the outer one short; the next closing curly mark after a word is the
    # outer quote's, so the words between are quoted too
    text = (
        "“I would sooner move to what she calls “the swamp” than live in a town where he is"
        " mayor.” ― A reader"
    )
    quoted = "".join(_texts(text, quote_spans(text)))
    assert "live in a town where he is mayor" in quoted
    assert "A reader" not in quoted


def test_a_closing_mark_with_no_nested_quote_before_it_opens_nothing() -> None:
    # two quotes in a row, then a stray closing mark: nothing nested, the narrator's words stay
    text = "He said “go” and then “stop” before the vote in a town where” nothing moved."
    assert _texts(text, quote_spans(text)) == ["“go”", "“stop”"]
