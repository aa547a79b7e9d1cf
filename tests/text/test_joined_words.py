"""``joined_words`` (byte operations for text that is ASCII once folded) against the plain
computation it replaces: ``normalize.words`` counted, joined by spaces and encoded."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import duplicates_keys
from lint.text.joined_words import joined_words
from lint.text.normalize import words

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _plain(text: str) -> tuple[int, bytes]:
    found = words(text)
    return len(found), " ".join(found).encode("utf-8", "surrogatepass")


#: word characters, the three joiners, spaces and the punctuation between words, plus a few
#: characters that fold to ASCII (curly quotes, a ligature, the Kelvin sign) and some that do not
_ALPHABET = "aZ9_'.,  -\n\t\"!?;:()/&" + "’‘“”ﬁK" + "éß\u0301\ud800"


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(_ALPHABET), max_size=40))
def test_joined_words_are_the_plain_words(text: str) -> None:
    assert joined_words(text) == _plain(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_joined_words_on_any_text(text: str) -> None:
    assert joined_words(text) == _plain(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "...",
        "U.S., Japan and the companies' views... etc.,",
        "a.,b a..b a''b a',b 'a' .a a. ,a a,",
        "1,400 3.5 pct don't rock'n'roll _under_score",
        "'.a.'",
        "a'b'c.d,e",
        "“Quoted,” she said’s ‘thing’ ﬁne",
        "Café crème, naïve",
    ],
)
def test_joined_words_cases(text: str) -> None:
    assert joined_words(text) == _plain(text)


def test_joined_words_on_every_seed_block() -> None:
    from lint.io.readers import parse

    for path in sorted(SEEDS.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        text = path.read_text(encoding="utf-8")
        document = parse(path.name, text)
        for block in getattr(document, "blocks", ()):
            assert joined_words(block.text) == _plain(block.text), block.text
        assert joined_words(text) == _plain(text)


def test_the_kind_keys_the_joined_words() -> None:
    duplicates_keys._WORDS.clear()
    text = "The U.S., Japan's 1,400 firms... said."
    assert duplicates_keys._words(text) == _plain(text)
