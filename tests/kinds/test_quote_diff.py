"""Tests for the ``quote-diff`` kind (rule altered-quote) and quote_support."""

from __future__ import annotations

from pair_helpers import declared, run, seed, unmatched

from lint.kinds.pairs import quote_diff
from lint.tracking.support.quotes import Altered
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
        "differs from the original (+'We left everything behind'): 'We need international "
        "protection from what we’re going through'"
    )


def test_a_whole_output_wrapped_in_quotation_marks_is_not_a_quote():
    original = (
        "Council closes the old library\n\n"
        'The council closed the old library on Monday. "It was a hard choice," the leader said.\n'
    )
    rewrite = '"The council shut its old library this week after a hard choice, its leader said."\n'
    assert run(quote_diff, declared(rewrite, original)) == []
    # the same words quoted in a paragraph of a longer text are someone's words
    longer = f"Library shuts\n\nThe council acted on Monday.\n\n{rewrite}"
    assert [line for line, _, _ in run(quote_diff, declared(longer, original))] == [5]


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


LONG_ORIGINAL = (
    "“The river has never been this high, not in all the years we have kept the mill,” said "
    "the miller, Ruth Okafor. She and her two sons spent the night carrying sacks of flour up to "
    "the loft while the water crept across the yard and into the old grinding room below the "
    "house, where the family has worked since her grandfather bought the place in the spring of "
    "1951. “By morning the stones were under a foot of water and we had lost most of a "
    "season’s work,” she said. The county said 20 per cent of the valley’s farms were flooded.\n"
)


def _alt(text: str, original: str) -> list[Altered]:
    return list(altered(text, original))


def test_an_ellipsis_marks_a_cut_so_each_part_is_compared_alone():
    # the two parts are further apart in the original than a plain excerpt may reach
    joined = (
        '"The river has never been this high ... we had lost most of a season’s work," she said.'
    )
    assert _alt(joined, LONG_ORIGINAL) == []
    reworded = '"The river has never been this high ... we had lost a whole year," she said.'
    assert [a.quote.text for a in _alt(reworded, LONG_ORIGINAL)] == [reworded[:-10]]


def test_words_in_square_brackets_are_the_writers_not_the_speakers():
    # quotes under ten words, where no changed word is tolerated
    assert _alt('"The [mill] stones were under a foot of water," she said.', LONG_ORIGINAL) == []
    assert _alt('"[The mill\'s] stones were under a foot of water."', LONG_ORIGINAL) == []
    # a word outside the brackets that the original lacks still counts
    text = '"The [mill] stones were under a yard of water," she said.'
    assert len(_alt(text, LONG_ORIGINAL)) == 1


def test_a_share_in_per_cent_or_with_a_sign_is_the_same_words():
    assert _alt('The county said "20% of the valley’s farms were flooded".', LONG_ORIGINAL) == []
    assert _alt('The county said "20 percent of the valley’s farms".', LONG_ORIGINAL) == []
    assert len(_alt('The county said "25% of the valley’s farms".', LONG_ORIGINAL)) == 1


def test_the_message_names_a_few_changed_words_and_shows_the_last_one():
    quote = (
        '"By morning the stones were under a foot of water and we had lost most of a year\'s crop,"'
    )
    (one,) = _alt(f"{quote} she said.", LONG_ORIGINAL)
    # the passage runs on to the original's words for the changed last two
    assert one.closest is not None and one.closest.endswith("lost most of a season’s work")
    assert one.changes == ("'season’s work' -> 'year's crop'",)
    pair = declared(f"The mill flooded.\n\n{quote} she said.\n", LONG_ORIGINAL)
    (hit,) = run(quote_diff, pair)
    assert hit[2]["problem"].startswith(
        "differs from the original ('season’s work' -> 'year's crop'): "
    )


def test_a_rewording_too_wide_to_list_shows_only_the_passage():
    quote = '"When dawn came our grindstones sat in deep water and a season of labour was gone,"'
    (one,) = _alt(f"{quote} she said.", LONG_ORIGINAL)
    assert one.changes == ()


def nearest(text: str) -> list[tuple[str | None, str | None]]:
    return [(a.closest, a.nearest) for a in altered(text, ORIGINAL)]


def test_a_quote_reworded_past_any_passage_names_the_quotation_it_rewords():
    # fewer than half its words in order in any passage, but most of its content words are in
    # one quotation: paraphrased, not invented
    assert nearest('"Since we arrived here we need protection, having left our livelihoods."') == [
        (
            None,
            "We need international protection from what we’re going through. We left our homes,"
            " we left everything, our livelihoods, and we came here.",
        )
    ]
    assert nearest('"hasty executions"') == [(None, "Summary executions")]  # one of two words
    pair = declared('Mahna spoke.\n\n"Summary killings," the UN said.\n', ORIGINAL)
    (hit,) = run(quote_diff, pair)
    assert hit[2]["problem"] == (
        "is not in the original (nearest quotation there: 'Summary executions')"
    )


def test_a_quote_sharing_few_content_words_with_any_quotation_has_no_nearest():
    # "son" and "years" are in the first quotation, but 2 of 7 content words is chance
    assert nearest('"Her son served nine years in the navy before the war."') == [(None, None)]
    assert nearest('"The army must leave our villages now," she said.') == [(None, None)]
    pair = declared('Mahna spoke.\n\n"The army must leave our villages now," she said.\n', ORIGINAL)
    (hit,) = run(quote_diff, pair)
    assert hit[2]["problem"] == "is not in the original"


COMPOUNDS = (
    'The director called her "a multi-faceted, creative film artist" and said the loss was '
    '"heartbreaking for everyone who worked with her".\n'
)


def test_a_compound_hyphenated_in_one_text_and_joined_in_the_other_is_the_same_word():
    text = (
        'He called her "a multifaceted, creative film artist" and said the loss was '
        '"heart-breaking for everyone who worked with her".'
    )
    assert [a.quote.text for a in altered(text, COMPOUNDS)] == []


def test_a_compound_the_original_does_not_write_is_still_a_change():
    text = (
        'He called her "a many-sided, creative film artist" and said the loss was '
        '"heart breaking for everyone who worked with her".'  # no hyphen: two words
    )
    assert [(a.quote.text, a.changes) for a in altered(text, COMPOUNDS)] == [
        ('"a many-sided, creative film artist"', ("+'a many sided'",)),
        (
            '"heart breaking for everyone who worked with her"',
            ("'heartbreaking' -> 'heart breaking'",),
        ),
    ]
