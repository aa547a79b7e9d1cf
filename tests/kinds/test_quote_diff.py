"""Tests for the ``quote-diff`` kind (rule altered-quote) and quote_support."""

from __future__ import annotations

from pair_helpers import declared, run, seed, unmatched

from lint.kinds.pairs import quote_diff
from lint.tracking.support.quotes import altered_quotes as altered

ORIGINAL = (
    "“My only son, just 25 years old,” says Dalaal Mahna. “They took him right from my side "
    "and told me: ‘We’re going to kill him and break your heart with it.’ “ The UN spoke of "
    "‘Summary executions’. Another woman told us: “We need international protection from what "
    "we’re going through. We left our homes, we left everything, our livelihoods, and we came "
    "here.”\n"
)


def found(text: str) -> list[tuple[str, str | None]]:
    return [(a.quote.text, a.closest) for a in altered(text, ORIGINAL)]


def test_excerpts_in_other_quote_styles_are_faithful():
    text = (
        "\"They told me: 'We're going to kill him and break your heart with it,'\" she says. "
        "The UN reported \"summary executions\". 'We left our homes, we left everything,' "
        "one woman said."
    )
    assert found(text) == []


def test_one_changed_word_in_ten_is_tolerated_but_not_in_a_short_quote():
    long = (
        '"We need global protection from what we’re going through. We left our homes, we '
        'left everything," she said.'
    )  # "international" -> "global": 1 of 16 words
    assert found(long) == []
    assert found('"We need protection," she said.') == [('"We need protection,"', None)]


def test_a_reworded_quote_shows_the_closest_passage():
    text = '"We left everything behind. We need protection from what we\'re going through."'
    assert found(text) == [
        (text, "We need international protection from what we’re going through"),
    ]


def test_an_invented_quote_has_no_closest_passage():
    assert found('"The army must leave our villages now," she said.') == [
        ('"The army must leave our villages now,"', None),
    ]


def test_kind_reports_at_the_quote_with_the_passage_in_the_message():
    quote = '"We left everything behind. We need protection from what we\'re going through."'
    pair = declared(f"Mahna spoke.\n\n{quote}\n", ORIGINAL)
    (hit,) = run(quote_diff, pair)
    assert hit[:2] == (3, quote)
    assert hit[2]["problem"] == (
        "differs from the original: 'We need international protection from what we’re going "
        "through'"
    )


def test_kind_is_silent_without_an_original():
    assert run(quote_diff, unmatched('"Invented words here," he said.\n', ORIGINAL)) == []


def test_seed_001_quotes_its_original_faithfully_on_line_7():
    hits = run(quote_diff, declared(seed("001"), seed("002")))
    lines = [line for line, _, _ in hits]
    assert 7 not in lines and 11 not in lines
    assert lines == [9, 13]  # "We left everything behind. ..." is reordered and reworded


def test_a_mended_apostrophe_is_not_an_altered_word():
    # the original's own typo ("it's" for "its"), put right by the rewrite, in a quote of under
    # ten words (where no changed word is allowed)
    original = "The inspectors found a “rift between the hospital board and it's nurses” last year."
    assert [
        a.quote.text
        for a in altered('A "rift between the hospital board and its nurses".', original)
    ] == []
    changed = 'A "rift between the hospital board and the nurses".'
    assert [a.quote.text for a in altered(changed, original)] == [
        '"rift between the hospital board and the nurses"'
    ]


def test_two_chance_words_are_no_closest_passage():
    # "we left" is in the original, but nothing there resembles this quote
    assert found('"Honestly, we left happily," she said.') == [
        ('"Honestly, we left happily,"', None)
    ]
    assert found('"We left our homes happily," she said.') == [
        ('"We left our homes happily,"', "We left our homes")
    ]


def test_a_headline_wrapped_whole_in_quotation_marks_is_a_title_not_a_quote():
    original = (
        "Council closes the old library\n\n"
        'The council closed the old library on Monday. "It was a hard choice," the leader said.\n'
    )
    for headline in ('"Doors Shut on a Town Treasure"', '**"Doors Shut on a Town Treasure"**'):
        rewrite = f"{headline}\n\nThe council closed the old library on Monday.\n"
        assert run(quote_diff, declared(rewrite, original)) == []
    # a quotation inside a headline is someone's words, and so is a paragraph wholly quoted
    rewrite = (
        'Leader: "We had no money left"\n\n'
        "The council closed the old library on Monday.\n\n"
        '"We simply had no money left to keep the doors open."\n'
    )
    found = [line for line, _, _ in run(quote_diff, declared(rewrite, original))]
    assert found == [1, 5]
