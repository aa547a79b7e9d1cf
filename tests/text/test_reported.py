"""Reported speech (lint.text.reported) and the phrases kind's ``skip_reported`` option."""

from __future__ import annotations

import pytest

from lint.core.document import Span
from lint.kinds import density, phrases, readability
from lint.text.capitals import in_name
from lint.text.reported import (
    is_reported,
    is_speaker,
    opens_clause,
    reported_spans,
    speech_clauses,
)
from lint.text.speaker import introduces_speech

LEXICON = {
    "hype": ["significant", "stunning", "excellent", "spectacular", "a stark reminder", "brilliant"]
}


def _found(text: str, skip_reported: bool = True) -> list[str]:
    options = phrases.Options(lexicon=LEXICON, skip_reported=skip_reported)
    return [text[m.span.start : m.span.end] for m in phrases.find(text, options)]


@pytest.mark.parametrize(
    "text",
    [
        "The company said it made a significant discovery in the north.",
        "Economists described the plan as a significant step.",
        "The trees are in excellent condition, an official said on Monday.",
        "Prices had a stunning fall, he told Reuters.",
        "According to the fund, the spectacular rise was welcome.",
        "There was an excellent harvest in the south, said the survey.",
        "The minister stressed that the fall was significant.",
        "Brilliant said there would be a charge for the service.",
        "Stunning Software Inc said it would sell debentures.",
        # a source repeating or holding to its view
        "A company lawyer reiterated that the report was significant to the bid.",
        "The union maintained that the offer was an excellent one for its members.",
        "The union maintained the offer was an excellent one for its members.",
        "The plan is excellent, the minister reiterated on Tuesday.",
        # a tag set off by commas inside the sentence: both sides are the source's
        "Flooding, the mayor often says, is the most significant risk to the town.",
        "The harvest, growers said, was excellent and prices fell.",
    ],
)
def test_a_sources_paraphrase_is_not_flagged(text: str) -> None:
    assert _found(text) == []
    assert _found(text, skip_reported=False) != []  # the option is what skips it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the narrator's words before the speaker's verb
        ("In a stunning turn, the mayor said the harbour would close.", ["stunning"]),
        # a verb that tags a quotation does not make the rest of the sentence the source's
        ('"It is gone," said one resident, a stark reminder of the loss.', ["a stark reminder"]),
        ('"We will rebuild," he said, a stunning promise.', ["stunning"]),
        # not speech: "claimed the lives", "added 5 points", "wrote" with an object
        ("The avalanche claimed the lives of two guides, a stunning toll.", ["stunning"]),
        ("The index added 5 points to a spectacular record.", ["spectacular"]),
        # "maintained" with an object is no speech
        ("The bank maintained a significant presence in the city.", ["significant"]),
        ("The bank maintained it at a significant level.", ["significant"]),
        ("She wrote a novel which is her most significant work.", ["significant"]),
        # a clause after the verb is the content, not a tag for the part before the comma
        ("Despite the stunning rise, Smith believes more rain will come.", ["stunning"]),
        # a tag inside the sentence that opens a quotation, or that the narrator goes on from
        # with a participle, leaves the narrator's words the narrator's
        ('In a stunning reversal, he said, "We stay."', ["stunning"]),
        ("Costs rose, analysts said, making it a stunning year.", ["stunning"]),
        # a tag that colours the words is the writer's framing, not the wire's plain verb
        ("Waiting, the board warns, would be a stunning risk.", ["stunning"]),
        # commas around plain words are no tag
        ("The result, by any measure, was spectacular.", ["spectacular"]),
        # a paraphrase does not run on into the next sentence
        ("He said prices rose. The spectacular rise surprised dealers.", ["spectacular"]),
        # capitalised, but no name follows
        ("Stunning scenes followed in the capital.", ["Stunning"]),
    ],
)
def test_the_narrators_words_are_still_flagged(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_reported_spans_cover_what_was_said() -> None:
    text = "Dealers said the fall was significant. The rise was stunning."
    spans = reported_spans(text)
    assert [text[s.start : s.end] for s in spans] == [" the fall was significant."]
    at = text.index("significant")
    assert is_reported(spans, Span(at, at + len("significant")))
    at = text.index("stunning")
    assert not is_reported(spans, Span(at, at + len("stunning")))
    assert reported_spans("No speech verb at all here.") == []


def test_speech_clauses_are_a_sources_clause_after_a_speech_verb() -> None:
    text = (
        "He noted that the loss would be devastating. She said the flood was over, leaving "
        "families homeless. She describes her son, evoking sympathy. According to the monitor, "
        "dozens died. The toll was grim, officials said."
    )
    assert [text[s.start : s.end] for s in speech_clauses(text)] == [
        " that the loss would be devastating.",
        " the flood was over",
    ]
    text = "He described the drought as tragic and stressed the aid. LOSSES DEVASTATING, MEN SAY"
    assert [text[s.start : s.end] for s in speech_clauses(text)] == [" the drought as tragic"]
    text = "INSPECTORS SAY LOSSES DEVASTATING"
    assert [text[s.start : s.end] for s in speech_clauses(text)] == [" LOSSES DEVASTATING"]
    text = "He noted that the loss would be devastating. She said the flood was over, leaving "
    text += "families homeless."
    # the spans of reported speech are the same, with the participle and the object too
    assert [text[s.start : s.end] for s in reported_spans(text)][1:3] == [
        " the flood was over",
        ", leaving families homeless.",
    ]


def test_a_wire_headline_in_capitals_with_a_dash_tag_is_reported() -> None:
    assert reported_spans("RATES CRUCIAL - ANALYSTS") == [Span(0, 24)]
    assert reported_spans("RATES CRUCIAL - ANALYSTS", tags=False) == [Span(0, 13)]
    assert reported_spans("Rates crucial - analysts") == []
    assert reported_spans("RATES CRUCIAL FOR BANKS") == []


def test_is_speaker_needs_a_capital_and_a_verb_or_company_suffix() -> None:
    assert is_speaker("Brilliant said so", Span(0, 9))
    assert is_speaker("JOURNEY'S END MOTEL CORP SIX MTHS", Span(0, 7))
    assert not is_speaker("brilliant said so", Span(0, 9))
    assert not is_speaker("Brilliant work followed", Span(0, 9))


def test_density_skips_reported_speech_when_asked() -> None:
    text = "The mayor said the stunning, spectacular night was a stark reminder. " * 20
    block_options = {"lexicon": LEXICON, "threshold": 1, "min_count": 1}
    counted = density.Options(**block_options)  # type: ignore[arg-type]
    skipped = density.Options(**block_options, skip_reported=True)  # type: ignore[arg-type]
    assert len(list(phrases.find(text, counted.matcher))) == 60
    assert list(phrases.find(text, skipped.matcher)) == []


QUOTED = (
    '"The regional administration, which had previously announced a comprehensive modernisation '
    "programme intended to consolidate municipal transportation authorities, confirmed that "
    "implementation would be postponed indefinitely pending additional environmental assessments, "
    "consultations with neighbouring jurisdictions and a reconsideration of the considerable "
    'financial obligations associated with the infrastructure commitments," the mayor said.'
)


def test_readability_skips_a_mostly_quoted_block_when_asked() -> None:
    judged = readability.Options(max=24)
    skipping = readability.Options(max=24, max_quoted=0.5)
    assert list(readability.check(QUOTED, judged))
    assert list(readability.check(QUOTED, skipping)) == []
    unquoted = QUOTED.replace('"', "")
    assert list(readability.check(unquoted, skipping))


def test_readability_max_quoted_is_a_share() -> None:
    with pytest.raises(ValueError, match="max_quoted"):
        readability.Options(max=24, max_quoted=1.5)


def test_need_speaker_names_phrases_of_the_lexicon() -> None:
    with pytest.raises(ValueError, match="need_speaker"):
        phrases.Options(lexicon=LEXICON, need_speaker=["underscored"])
    options = phrases.Options(lexicon={"v": ["underscored"]}, need_speaker=["underscored"])
    text = "The prices underscored the risk. The minister underscored the risk."
    assert [m.span.start for m in phrases.find(text, options)] == [46]


def test_cited_as_reports_only_its_as_phrase() -> None:
    assert _found("Analysts cited the dollar as a significant drag on exports.") == []
    # not without "as", and the clause after the "as" phrase's comma is the writer's again
    assert _found("He cited a significant rise in costs.") == ["significant"]
    assert _found("He cited the yen as a factor, a stunning admission.") == ["stunning"]


def test_tags_false_leaves_out_the_tag_and_according_to() -> None:
    text = "The price is final, the minister stated."
    assert [text[s.start : s.end] for s in reported_spans(text, tags=False)] == [
        "The price is final"
    ]
    assert reported_spans("According to the fund, prices rose.", tags=False) == []
    text = "Lawson said he had stated the value."
    assert [text[s.start : s.end] for s in reported_spans(text, tags=False)] == [
        " he had stated the value."
    ]
    # a tag inside the sentence: both sides, without the tag
    text = "The price, the minister said, is final."
    assert [text[s.start : s.end] for s in reported_spans(text, tags=False)] == [
        "The price",
        "is final.",
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Frenzel said it was flawed, but he emphasized the talks.", "emphasized", True),
        ("The firm said it erred, stating there was no merit.", "stating", True),
        ('He called it "horrific," emphasizing the loss.', "emphasizing", True),
        ("Lawson said he had merely stated the value.", "stated", False),
    ],
)
def test_opens_clause(text: str, phrase: str, expected: bool) -> None:
    at = text.index(phrase)
    assert opens_clause(text, Span(at, at + len(phrase))) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("He mentioned that the plant would close.", "mentioned", True),
        ("She mentioned they would sell.", "mentioned", True),
        ("One insider mentioned the plan was dead.", "mentioned", True),
        ('"We are ready," the chairman mentioned.', "mentioned", True),
        ("He then mentioned the SEC and said he had not decided.", "mentioned", False),
        ("Dealers mentioned two brewers as buyers.", "mentioned", False),
        ("Firms mentioned in the rumours rose.", "mentioned", False),
    ],
)
def test_introduces_speech(text: str, phrase: str, expected: bool) -> None:
    at = text.index(phrase)
    assert introduces_speech(text, Span(at, at + len(phrase))) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The loan is guaranteed by High Voltage and two banks.", "High Voltage", True),
        ("In addition, High Voltage gave 800 shares to the plan.", "High Voltage", True),
        # the sentence's first words, a title-case line, an all-capitals line, one word
        ("High Voltage gave 800 shares to the plan.", "High Voltage", False),
        ("Village Celebrates Its Rich History Again", "Rich History", False),
        ("THE PLAN IS GUARANTEED BY HIGH VOLTAGE NOW", "HIGH VOLTAGE", False),
        ("The plan was Stunning for the town and its people.", "Stunning", False),
        ("The plan drew a high voltage crowd to the town.", "high voltage", False),
    ],
)
def test_in_name(text: str, phrase: str, expected: bool) -> None:
    at = text.index(phrase)
    assert in_name(text, Span(at, at + len(phrase))) is expected


def test_a_ticker_after_capitals_makes_a_company_name() -> None:
    text = "STUNNING SOFTWARE <STS> TO SELL BONDS"
    assert is_speaker(text, Span(0, len("STUNNING")))
    assert is_speaker("STUNNING SOFTWARE &lt;STS> TO SELL", Span(0, len("STUNNING")))
    assert not is_speaker("STUNNING RISE IN SOFTWARE SALES", Span(0, len("STUNNING")))
