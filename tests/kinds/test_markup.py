"""Kind ``markup`` and the shipped ``markup-artifact`` rule: what is an artifact in plain text
and in Markdown, the fixes ``--fix`` applies, and the options."""

from __future__ import annotations

import json

import pytest
from conftest import lint_texts
from conftest import write as _write
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import cli
from lint.core.document import Document
from lint.io.readers import parse
from lint.kinds import markup
from lint.kinds.options import OptionError, build_options

LABELS = r"key\s+points|(?:\w+\s+){0,3}highlights"
STORY = (
    "**Port strike halts grain exports**\n"
    "Dock workers walked out on Monday, the union said.\n"
    "\n"
    "## Reaction ##\n"
    "\n"
    "Grain prices rose, the __traders__ said.\n"
    "\n"
    "* Ships queued outside the harbour.\n"
    "* Talks resume on Friday.\n"
)


def options(**raw: object) -> markup.Options:
    return build_options(markup.Options, {"label_pattern": LABELS, **raw})


def hits(name: str, text: str, **raw: object) -> list[tuple[str, str, int]]:
    document = parse(name, text)
    assert isinstance(document, Document)
    return [
        (h.data["artifact"], text[h.span.start : h.span.end], h.data.get("items", 0))
        for h in markup.check(document, document.blocks, options(**raw))
    ]


def test_plain_text_reports_bold_headings_and_lists_in_order():
    assert hits("story.txt", STORY) == [
        ("bold", "**Port strike halts grain exports**", 0),
        ("heading", "## Reaction ##", 0),
        ("bold", "__traders__", 0),
        ("list", "*", 2),
    ]


def test_markdown_source_reports_only_chat_labels():
    assert hits("story.md", STORY) == []
    assert hits("story.markdown", STORY) == []
    labelled = "# Shares rise\n\nThe index closed higher.\n\n**Key Points:**\n\n- One.\n- Two.\n"
    assert hits("story.md", labelled) == [("label", "**Key Points:**", 2)]
    assert hits("story.txt", labelled) == [
        ("heading", "# Shares rise", 0),
        ("label", "**Key Points:**", 2),  # its bold is part of the label's finding
    ]


def test_markdown_suffixes_option_decides_what_is_a_markdown_file():
    assert hits("story.txt", STORY, markdown_suffixes=[".txt"]) == []
    assert [kind for kind, _, _ in hits("story.md", STORY, markdown_suffixes=[])] == [
        "bold",
        "heading",
        "bold",
        "list",
    ]


def test_min_items_and_a_single_starred_footnote():
    footnote = "Grain exports fall\nExports fell 3 pct.\n    * year ago data is not available.\n"
    assert hits("a.txt", footnote) == []
    three = "Squad named\nThe coach named the squad.\n* One\n* Two\n"
    assert hits("a.txt", three, min_items=3) == []
    assert hits("a.txt", three) == [("list", "*", 2)]


def test_label_must_be_whole_line_and_followed_by_a_list():
    no_list = "Shares rise\nKey Points:\nThe index closed higher on Tuesday.\n"
    assert hits("a.txt", no_list) == []
    sentence = "Shares rise\nThe key points were these:\n- One.\n- Two.\n"
    assert hits("a.txt", sentence) == []  # a sentence introducing a list is newswire style
    bold_colon_outside = "Shares rise\n**Stock Market Highlights**:\n- One.\n- Two.\n"
    assert hits("a.txt", bold_colon_outside) == [("label", "**Stock Market Highlights**:", 2)]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"label_pattern": "("}, "invalid label_pattern"),
        ({"label_pattern": "x?"}, "matches the empty string"),
        ({"min_items": 1}, "min_items must be 2 or more"),
    ],
)
def test_bad_options_fail_when_the_rule_loads(raw, problem):
    with pytest.raises((ValueError, OptionError), match=problem):
        build_options(markup.Options, {"label_pattern": LABELS, **raw})


def test_messages_and_data_through_the_engine(all_rules):
    findings = lint_texts([all_rules["markup-artifact"]], {"story.txt": STORY})
    assert [(f.line, f.column, f.message) for f in findings] == [
        (
            1,
            1,
            "Markdown bold '**Port strike halts grain exports**' in plain text;"
            " drop the '**' marks",
        ),
        (4, 1, "Markdown heading '## Reaction ##' in plain text; drop the '##'"),
        (6, 24, "Markdown bold '__traders__' in plain text; drop the '__' marks"),
        (8, 1, "Markdown bullet list ('* ', 2 items) in plain text; write the items as sentences"),
    ]
    assert [f.data["artifact"] for f in findings] == ["bold", "heading", "bold", "list"]
    assert [bool(f.edits) for f in findings] == [True, True, True, False]


def test_jsonl_record_text_is_plain_text_and_is_reported(all_rules):
    record = json.dumps({"id": "a", "text": "**Port strike**\nDock workers walked out."})
    (finding,) = lint_texts([all_rules["markup-artifact"]], {"feed.jsonl": record + "\n"})
    assert (finding.line, finding.data["record"], finding.data["artifact"]) == (1, "a", "bold")


def test_fix_drops_bold_and_heading_marks_and_leaves_lists_and_markdown(tmp_path, capsys):
    plain = _write(tmp_path / "story.txt", STORY.replace("\n", "\r\n"))
    source = _write(tmp_path / "story.md", STORY)
    code = cli.main(["check", "--fix", "--no-cache", str(tmp_path), "--select", "markup-artifact"])
    out, _ = capsys.readouterr()
    assert plain.read_bytes().decode() == (
        "Port strike halts grain exports\r\n"
        "Dock workers walked out on Monday, the union said.\r\n"
        "\r\n"
        "Reaction\r\n"
        "\r\n"
        "Grain prices rose, the traders said.\r\n"
        "\r\n"
        "* Ships queued outside the harbour.\r\n"
        "* Talks resume on Friday.\r\n"
    )
    assert source.read_text() == STORY  # Markdown is the file's format: nothing to fix
    assert code == 1  # the list is still there: an editor writes it as sentences
    assert f"{plain.as_posix()}:8:1: markup-artifact [warning] Markdown bullet list" in out
    assert out.endswith("Fixed 3 findings in 1 file.\n")


WORDS = ["port", "ships", "grain", "union", "Council", "River", "rose", "fell", "week"]
_words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


@st.composite
def _marked_lines(draw: st.DrawFn) -> tuple[str, str]:
    """A plain-text article with Markdown bold and headings, and the same without the marks."""
    marked, plain = [], []
    for _ in range(draw(st.integers(1, 6))):
        heading = draw(st.integers(0, 6))
        parts, clean = [], []
        for _ in range(draw(st.integers(1, 3))):
            words = draw(_words)
            mark = draw(st.sampled_from(["", "", "**", "__"]))
            parts.append(f"{mark}{words}{mark}")
            clean.append(words)
        line, text = " ".join(parts), " ".join(clean)
        if heading:
            line = "#" * heading + " " + line
        marked.append(line)
        plain.append(text)
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return separator.join(marked) + "\n", separator.join(plain) + "\n"


@settings(max_examples=150, deadline=None)
@given(_marked_lines())
def test_fix_removes_exactly_the_marks_and_leaves_nothing_to_fix(case):
    from lint.engine import fix

    marked, plain = case
    document = parse("story.txt", marked)
    assert isinstance(document, Document)
    found = list(markup.check(document, document.blocks, options()))
    fixed = fix.apply(marked, (e for h in found for e in h.edits))
    assert fixed == plain
    again = parse("story.txt", fixed)
    assert isinstance(again, Document)
    assert list(markup.check(again, again.blocks, options())) == []
