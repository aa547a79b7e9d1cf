"""Tests for the ``new-names`` kind (rule unsupported-name) and name_support."""

from __future__ import annotations

import pytest
from pair_helpers import declared, run, seed, unmatched

from lint.kinds.pairs import new_names
from lint.text.mentions import names
from lint.tracking.support.names import same_stem, unsupported_names
from lint.tracking.support.spelling import one_edit

ORIGINAL = (
    "Fighters loyal to deposed president Bashar al-Assad clashed with security forces in "
    "Latakia, the Syrian Observatory for Human Rights said. The United Nations said Alawite "
    "families fled to the Russian base. Ukraine and Lebanon sent aid.\n"
)


def unsupported(text: str, original: str = ORIGINAL) -> list[tuple[str, tuple[str, ...]]]:
    return [(u.text, u.missing) for u in unsupported_names(text, original)]


@pytest.mark.parametrize(
    "text",
    [
        "The army said Assad's loyalists had fled, officials in Latakia said.",
        "The army said the Alawites fled to a base run by Russia, officials said.",
        "The army said Syrian and Ukrainian and Lebanese officials met, it said.",
        "The army said the UN and the SOHR counted the dead, officials said.",
        "The army said former President Bashar Al Assad had fled, officials said.",
    ],
)
def test_partial_plural_demonym_acronym_and_titled_names_are_supported(text):
    assert unsupported(text) == []


def test_added_names_and_added_words_of_known_names():
    text = (
        "The army said Amjad Qatrawi was killed. Officials said President Ahmad al-Sharaa "
        "spoke to Maher al-Assad in Damascus, the army said."
    )
    assert unsupported(text) == [
        ("Amjad Qatrawi", ("Amjad", "Qatrawi")),
        ("Ahmad al-Sharaa", ("Ahmad", "Sharaa")),
        ("Maher al-Assad", ("Maher",)),
        ("Damascus", ("Damascus",)),
    ]


def test_stems_need_a_known_suffix():
    assert same_stem("syrian", "syria") and same_stem("lebanese", "lebanon")
    assert not same_stem("johnson", "johnston")


def test_contractions_and_words_after_a_closing_quote_are_not_names():
    text = 'He said: "I\'ve seen it all." Notably, officials in Latakia disagreed with Hmeimim.'
    assert [n.text for n in names(text)] == ["Latakia", "Hmeimim"]


def test_kind_message_says_which_words_are_new():
    pair = declared("The army said Maher al-Assad fled to Amjad Qatrawi's house.\n", ORIGINAL)
    assert [(line, text, values["problem"]) for line, text, values in run(new_names, pair)] == [
        (
            1,
            "Maher al-Assad",
            "is not named in the original: 'Maher' is new (it has 'Assad')",
        ),
        (1, "Amjad Qatrawi", "is not named in the original"),
    ]


def test_kind_message_gives_the_originals_spelling_of_a_wholly_new_name():
    original = "Wayland prison, near Watton in Norfok, holds 1,000 men, Michael Lauber said.\n"
    text = "Wayland prison, near Watton in Norfolk, holds men, Michel Platini said.\n"
    hits = run(new_names, declared(text, original))
    assert [(text, values["problem"]) for _, text, values in hits] == [
        ("Norfolk", "is not named in the original, which has 'Norfok' (spelled differently)"),
        # a new first name beside a new surname: 'Michael' is another man's, not a spelling
        ("Michel Platini", "is not named in the original"),
    ]


def test_kind_is_silent_without_an_original():
    assert run(new_names, unmatched("The army said Amjad Qatrawi fled.\n", ORIGINAL)) == []


def test_seed_000_names_the_son_the_original_never_names():
    hits = run(new_names, declared(seed("000"), seed("002")))
    assert [(line, text) for line, text, _ in hits] == [
        (7, "Amjad Qatrawi"),
        (10, "Ahmad al-Sharaa"),
        (11, "Amjad Qatrawi"),
        (14, "Ahmad al-Sharaa"),
    ]


def test_seed_001_adds_only_the_president():
    hits = run(new_names, declared(seed("001"), seed("002")))
    assert {text for _, text, _ in hits} == {"Ahmad al-Sharaa"}


def test_labels_with_numbers_headings_and_common_acronyms_are_not_names():
    text = "The storm hit.\nKey Points:\nIt was a Category 5 storm, the PC said, near Acapulco."
    assert unsupported(text, "The storm hit.") == [("Acapulco", ("Acapulco",))]


def test_an_ampersand_acronym_supports_its_spelled_out_halves_and_back():
    assert (
        unsupported("Its Accident and Emergency unit shut, the trust said.", "Its A&E shut.") == []
    )
    assert (
        unsupported(
            "Its A&E unit shut, the trust said.", "The trust shut its Accident and Emergency unit."
        )
        == []
    )
    assert unsupported("Shoppers at Marks and Spencer queued, it said.", "M&S queued.") == []


def test_halves_or_acronyms_the_original_lacks_are_still_reported():
    assert unsupported("Its Accident and Emergency unit shut, it said.", "Its ward shut.") == [
        ("Accident", ("Accident",)),
        ("Emergency", ("Emergency",)),
    ]
    # an acronym of other initials, and a half alone, are not the original's A&E
    assert unsupported("Staff at B&Q said its Accident unit shut.", "Its A&E shut.") == [
        ("B", ("B",)),
        ("Q", ("Q",)),
        ("Accident", ("Accident",)),
    ]


def test_a_dotted_name_the_original_gives_is_supported():
    # the original's "Petition.net" is one name, though its words split at the dot
    original = "Campaigners began a petition at Petition.net last week."
    assert unsupported("It said a petition on Petition.net had grown, it said.", original) == []
    # a dotted name the original does not give is still reported
    assert unsupported("It said a petition on Signup.net had grown, it said.", original) == [
        ("Signup.net", ("Signup.net",))
    ]


def test_an_acronym_in_the_possessive_supports_its_spelled_out_form():
    original = "The NHS's chief said the WHO's advice was clear."
    assert (
        unsupported("A National Health Service chief said the advice was clear, it said.", original)
        == []
    )
    # other initials are still reported
    assert unsupported("A National Health Board chief spoke, officials said.", original) == [
        ("National Health Board", ("National", "Health", "Board"))
    ]


def test_hyphenated_and_person_forms_of_the_originals_words_support_a_name():
    original = "The race is at the crossroads of south-east Asia, said the Welshman."
    assert (
        unsupported("It is at the heart of Southeast Asia, said the Welsh driver.", original) == []
    )
    # a compass word the original does not join, or a demonym it does not give, is reported
    assert unsupported("It is in Southwest Asia, the Scottish driver said.", original) == [
        ("Southwest Asia", ("Southwest",)),
        ("Scottish", ("Scottish",)),
    ]


def test_a_name_spelled_out_from_the_originals_acronym_is_supported_whole():
    original = "In a statement, the PSNI said the roads would close."
    assert (
        unsupported("The Police Service of Northern Ireland said roads would close.", original)
        == []
    )
    assert unsupported(
        "The Police Service of Northern Wales said roads would close.", original
    ) == [
        ("Police Service", ("Police", "Service")),
        ("Wales", ("Wales",)),
    ]


def test_title_case_headings_with_small_words_and_common_acronyms_are_not_names():
    original = "Two memorials were listed by the heritage body."
    assert (
        unsupported("Two memorials were listed.\n**Importance of Conservation**\n", original) == []
    )
    assert unsupported("He was stopped at a DUI checkpoint, police said.", original) == []
    # a sentence with small words is no heading: its names are still checked
    assert unsupported("The memorial was listed by Historic England, it said.", original) == [
        ("Historic England", ("Historic", "England")),
    ]


@pytest.mark.parametrize(
    ("text", "original"),
    [
        ("The officials said the UK would act.", "Ministers said Britain would act."),
        ("The officials said Britain would act.", "Ministers said the U.K. would act."),
        ("The officials said the US would act.", "American diplomats said so."),
        ("He had spent a year in the United States.", "He had spent a year Stateside."),
        ("The memorial to those who died in WWI opened.", "A First World War memorial opened."),
        ("The veterans of WWII met.", "Veterans of World War Two met."),
        ("The fans said the Netherlands won.", "Holland won, the fans said."),
    ],
)
def test_other_names_of_a_country_or_war_the_original_names_are_supported(text, original):
    assert unsupported(text, original) == []


@pytest.mark.parametrize(
    ("text", "original", "flagged"),
    [
        # the pronoun "us" names no country
        ("The officials said the United States acted.", "Let us act, they said.", "United States"),
        # the other war is not the same thing
        ("The memorial to the dead of WWII opened.", "A First World War memorial opened.", "WWII"),
        # an alias supports its own words, not a new name around them
        ("The fans said Manchester United won.", "The United States said so.", "Manchester United"),
    ],
)
def test_aliases_support_only_the_thing_the_original_names(text, original, flagged):
    assert [name for name, _ in unsupported(text, original)] == [flagged]


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("norfolk", "norfok", True),  # a letter dropped
        ("jonson", "johnson", True),  # added
        ("smyth", "smith", True),  # changed
        ("hawkins", "hawkisn", True),  # two swapped
        ("smith", "smith", False),
        ("johnson", "johnston", True),
        ("platini", "plantin", False),
        ("hawkins", "hwakisn", False),
    ],
)
def test_one_edit_is_one_letter_added_dropped_changed_or_two_swapped(a, b, near):
    assert one_edit(a, b) is near and one_edit(b, a) is near
