"""textstat 0.7.13's syllable count without any of our memos: the reference the readability
tests compare the memoised and native paths with."""

from __future__ import annotations

from pyphen import Pyphen

from lint.text import pronouncing, syllables


def unmemoised_syllables(text: str, lang: str = "en_US") -> int:
    """textstat's ``count_syllables`` loop on the dictionary file and pyphen itself: cmudict's
    vowel count, else pyphen's hyphenation points plus one."""
    syllables.load()  # textstat importable offline (no NLTK download)
    from textstat.backend.selections._list_words import list_words

    if not text:
        return 0
    lexicon, pyphen = pronouncing.bundled_lexicon(), Pyphen(lang=lang)
    count = 0
    for word in list_words(text, lowercase=True):
        try:
            count += sum(1 for phone in lexicon[word][0] if phone[-1].isdigit())
        except KeyError:
            count += len(pyphen.positions(word)) + 1
    return count
