"""Directive parsing and ranges (lint/directives.py), and how the segmenter treats comment lines."""

from __future__ import annotations

import pytest

from lint.core.document import BlockKind as K
from lint.core.document import Document
from lint.engine.directives import RECORD, Directive, Span, parse, parse_field, resolve
from lint.text.segment import segment

KNOWN = {"readability", "placeholder-text", "stylistic-inflation"}


def doc(text: str) -> Document:
    return Document("a.txt", text, segment(text))


def at(text: str, needle: str) -> int:
    return text.index(needle)


def test_parse_reads_actions_ids_and_spans():
    text = (
        "Headline here\n"
        "  <!-- newslint: disable=readability, placeholder-text -->  \n"
        "<!--newslint:enable=all-->\n"
        "<!-- newslint: disable-next=stylistic-inflation -->\n"
        "<!-- newslint: disable-file=readability -->\n"
    )
    directives, problems = parse(text)
    assert problems == []
    assert [(d.action, d.ids) for d in directives] == [
        ("disable", ("readability", "placeholder-text")),
        ("enable", ("all",)),
        ("disable-next", ("stylistic-inflation",)),
        ("disable-file", ("readability",)),
    ]
    first = directives[0].span
    assert (
        text[first.start : first.end] == "<!-- newslint: disable=readability, placeholder-text -->"
    )


def test_crlf_line_endings():
    text = "Headline\r\n<!-- newslint: disable=readability -->\r\nText.\r\n"
    (directive,), problems = parse(text)
    assert problems == [] and directive.ids == ("readability",)
    assert text[directive.span.start : directive.span.end].endswith("-->")
    assert [b.kind for b in segment(text)] == [K.HEADLINE, K.OTHER, K.PARAGRAPH]


def test_other_comments_and_prose_mentions_are_not_directives():
    text = "Headline\n<!-- editor: check the figures -->\nWe use newslint: disable=x here.\n"
    assert parse(text) == ([], [])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("<!-- newslint: disabel=readability -->", "unknown directive action 'disabel'"),
        ("<!-- newslint: disable -->", "malformed directive"),
        ("<!-- newslint: disable= -->", "malformed rule id list in disable: an empty id"),
        ("<!-- newslint: disable=a,,b -->", "malformed rule id list in disable: an empty id"),
        ("<!-- newslint: disable=Read_ability -->", "malformed rule id list in disable: 'Read_"),
        ("<!-- NewsLint: disable=readability -->", "malformed directive"),
        ("<!-- newslint-disable readability -->", "malformed directive"),
        ("<!-- newslint: disable=readability", "must be a one-line HTML comment alone on its"),
        ("<!--\nnewslint: disable=readability -->", "must be a one-line HTML comment alone on"),
    ],
)
def test_malformed_directives_are_problems(line, message):
    text = f"Headline\n{line}\nA paragraph.\n"
    directives, problems = parse(text)
    assert directives == []
    assert len(problems) == 1 and message in problems[0].message
    assert problems[0].span.start == at(text, "<!--")


def test_inline_directive_points_at_the_comment():
    text = "Headline\nSome text <!-- newslint: disable=all --> and more.\n"
    _, (problem,) = parse(text)
    assert text[problem.span.start : problem.span.end] == "<!-- newslint: disable=all -->"


def ranges(text: str) -> dict[str, list[str]]:
    directives, _ = parse(text)
    result = resolve(doc(text), directives, KNOWN)
    found: dict[str, list[str]] = {}
    for r in result.ranges:
        found.setdefault(r.rule, []).append(text[r.span.start : r.span.end])
    return found


def test_disable_enable_range_and_disable_to_the_end():
    text = (
        "Headline\n"
        "<!-- newslint: disable=readability,placeholder-text -->\n"
        "One.\n"
        "<!-- newslint: enable=placeholder-text -->\n"
        "Two.\n"
    )
    found = ranges(text)
    assert found["placeholder-text"] == [
        "<!-- newslint: disable=readability,placeholder-text -->\nOne.\n"
    ]
    # open to the end, one past the last character so a hit at the very end is covered too
    assert found["readability"] == [text[at(text, "<!--") :]]


def test_enable_all_closes_every_range():
    text = (
        "Headline\n<!-- newslint: disable=all -->\n<!-- newslint: disable=readability -->\n"
        "One.\n<!-- newslint: enable=all -->\nTwo.\n"
    )
    found = ranges(text)
    assert all("Two." not in span for spans in found.values() for span in spans)
    assert set(found) == {"all", "readability"}


def test_disable_next_covers_the_next_block_past_blank_and_comment_lines():
    text = (
        "Headline here\n"
        "<!-- newslint: disable-next=readability -->\n"
        "\n"
        "<!-- newslint: disable-next=placeholder-text -->\n"
        "The council of [City] approved the plan\n"
        "and the mayor signed it on Tuesday after a\n"
        "long debate that ran late into the night.\n"
        "\n"
        "Next paragraph here, not covered at all.\n"
    )
    found = ranges(text)
    wrapped = text[at(text, "The council") : at(text, "night.") + len("night.")]
    assert found == {"readability": [wrapped], "placeholder-text": [wrapped]}


def test_disable_next_at_the_end_covers_nothing():
    assert ranges("Headline\nText.\n<!-- newslint: disable-next=readability -->\n") == {
        "readability": [""]
    }


def test_disable_file_covers_the_whole_document():
    text = "Headline\nText.\n<!-- newslint: disable-file=readability -->\n"
    assert ranges(text) == {"readability": [text]}


def test_unknown_ids_are_problems_with_a_hint_and_dropped():
    text = "Headline\n<!-- newslint: disable=readablity,placeholder-text -->\nText.\n"
    directives, _ = parse(text)
    result = resolve(doc(text), directives, KNOWN)
    (problem,) = result.problems
    assert problem.message == (
        "unknown rule id 'readablity' in disable; did you mean 'readability'?"
    )
    assert [r.rule for r in result.ranges] == ["placeholder-text"]


def test_fixed_ids_cannot_be_disabled():
    text = "Headline\n<!-- newslint: disable-file=invalid-directive -->\nText.\n"
    directives, _ = parse(text)
    result = resolve(doc(text), directives, KNOWN | {"invalid-directive"}, {"invalid-directive"})
    assert [p.message for p in result.problems] == [
        "'invalid-directive' cannot be disabled by a directive"
    ]
    assert result.ranges == ()


def test_enable_without_disable_is_unmatched():
    text = "Headline\n<!-- newslint: disable=readability -->\n<!-- newslint: enable=all -->\n"
    text += "<!-- newslint: enable=readability -->\n"
    directives, _ = parse(text)
    result = resolve(doc(text), directives, KNOWN)
    assert result.unmatched == ((2, "readability"),)


def test_jsonl_field():
    assert parse_field({"disable": ["readability", "placeholder-text"]}, "newslint") == (
        [Directive("disable-file", ("readability", "placeholder-text"), RECORD)],
        [],
    )
    assert parse_field({"disable": "readability"}, "newslint")[0][0].ids == ("readability",)
    assert parse_field({"disable": []}, "newslint") == ([], [])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["readability"], "field 'newslint' must be an object"),
        ({"disabel": ["readability"]}, "field 'newslint': unknown key 'disabel'"),
        ({"disable": [1]}, "field 'newslint': disable must be a list of rule ids"),
        ({"disable": "a, b"}, "field 'newslint': disable must be a list of rule ids"),
    ],
)
def test_bad_jsonl_field(value, message):
    directives, (problem,) = parse_field(value, "newslint")
    assert directives == [] and problem.message.startswith(message)
    assert problem.span == Span(0, 0)


def test_comment_lines_are_blocks_of_their_own_in_wrapped_text():
    text = (
        "Council approves new budget\n"
        "\n"
        "The council of Leeds approved its budget on Tuesday after a\n"
        "long debate, and the mayor said the plan would be signed soon.\n"
        "<!-- newslint: disable-next=readability -->\n"
        "The chair of the finance committee, who had pressed for the\n"
        "vote since the spring of last year, welcomed the decision.\n"
    )
    blocks = segment(text)
    assert [b.kind for b in blocks] == [K.HEADLINE, K.PARAGRAPH, K.OTHER, K.PARAGRAPH]
    assert blocks[2].text == "<!-- newslint: disable-next=readability -->"
    assert blocks[3].text.startswith("The chair") and blocks[1].text.endswith("soon.")
    # without the comment line the hard-wrapped lines form one paragraph
    merged = segment(text.replace(blocks[2].text + "\n", ""))
    assert [b.kind for b in merged] == [K.HEADLINE, K.PARAGRAPH]


def test_comment_above_the_headline_does_not_take_its_place():
    body = "Council approves new budget\nThe council approved its budget on Tuesday.\n"
    plain = [b.kind for b in segment(body)]
    commented = [b.kind for b in segment("<!-- newslint: disable-file=readability -->\n" + body)]
    assert commented == [K.OTHER, *plain]
    assert plain[0] is K.HEADLINE


def test_stacked_disable_next_directives_resolve_in_linear_time():
    """Each disable-next used to scan past every directive stacked after it: 10,000 of them took
    150 s (issue 14). A stack shares one scan."""
    import time

    stack = "\n".join(["<!-- newslint: disable-next=readability -->"] * 20_000)
    text = f"Headline\n{stack}\nThe covered sentence.\nNot covered.\n"
    document = doc(text)
    directives, problems = parse(text)
    started = time.perf_counter()
    resolved = resolve(document, directives, KNOWN)
    assert time.perf_counter() - started < 10
    assert not problems and len(resolved.ranges) == 20_000
    covered = {text[r.span.start : r.span.end] for r in resolved.ranges}
    assert covered == {"The covered sentence."}
