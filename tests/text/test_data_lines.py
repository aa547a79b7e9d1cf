"""Wire results and dividend lines ("Record March 16", "Shr 30 cts vs 36 cts") are data, not
titles: they recur across thousands of wire stories and are no repeated headline."""

from __future__ import annotations

import pytest
from conftest import lint_texts

from lint.core.document import BlockKind
from lint.engine.rules import Rule
from lint.text.segment import segment

DIVIDEND = """{company} SETS QUARTERLY DIVIDEND

Qtly div eight cts vs eight cts prior
    Pay April one
    Record March 13
 Reuter
"""


@pytest.mark.parametrize(
    "line",
    [
        "Record March 16",
        "Pay April one",
        "Payable March 31",
        "Qtr ended Jan 31",
        "Qtly div three cts vs three cts prior",
        "Shr not given",
        "Net loss 186,000",
        "Period ended January 31",
        "NOTE: 1986 period ended February One",
        "Operating profit includes -",
    ],
)
def test_a_data_line_is_not_a_title(line: str) -> None:
    blocks = segment(f"TULTEX CORP SETS QUARTERLY DIVIDEND\n\n{line}\n\nIt said so on Monday.\n")
    assert [b.kind for b in blocks] == [BlockKind.HEADLINE, BlockKind.OTHER, BlockKind.PARAGRAPH]


@pytest.mark.parametrize(
    "line", ["We need protection", "Apollo 11 at 50", "Top 10 films of 2024", "Chapter 11"]
)
def test_a_subhead_with_a_number_is_still_a_title(line: str) -> None:
    text = f"Port strike halts grain exports\n\nDock workers walked out.\n\n{line}\n\nMore.\n"
    assert segment(text)[2].kind is BlockKind.SUBHEAD


def test_data_lines_shared_by_two_stories_are_no_repeated_headline(
    all_rules: dict[str, Rule],
) -> None:
    texts = {
        "a.txt": DIVIDEND.format(company="TULTEX CORP"),
        "b.txt": DIVIDEND.format(company="OWENS AND MINOR INC"),
    }
    assert lint_texts([all_rules["repeated-headline"]], texts) == []


def test_a_whole_copy_of_a_results_brief_is_one_duplicate_article(
    all_rules: dict[str, Rule],
) -> None:
    brief = DIVIDEND.format(company="TULTEX CORP") + "    Revs 24.3 mln vs 26.5 mln\n" * 3
    rules = [all_rules[r] for r in ("duplicate-article", "repeated-headline")]
    found = lint_texts(rules, {"a.txt": brief, "b.txt": brief})
    assert [(f.path, f.rule) for f in found] == [("b.txt", "duplicate-article")]
