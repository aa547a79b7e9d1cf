"""A block's normalised words joined, made without the word pattern for ASCII text (issue 13,
speed only): what the ``duplicates`` kind keys and shingles are made of.

:func:`joined_words` is ``(len(w), " ".join(w).encode("utf-8", "surrogatepass"))`` for
``w = lint.text.normalize.words(text)``. That tokenisation (NFKC, quote folding, case folding, then
``FOLDED_WORD`` = ``\\w+(?:['.,]\\w+)*``) was a fifth of the duplicates kind's instructions, most
of it the pattern stepping over every character. For a text that is ASCII once folded (most
news copy), the same words come from byte operations in C:

* NFKC and the quote table change no ASCII character, and ASCII case folding is ``lower``;
* among ASCII characters ``\\w`` (a ``str`` pattern's) is exactly ``[A-Za-z0-9_]``;
* the pattern's matches are the maximal chains ``w(jw)*`` of word runs ``w`` joined by single
  joiners ``j`` in ``'.,``: it starts at the first word character not yet consumed, takes the
  whole run (greedy), and goes on through a joiner exactly when a word character follows it (no
  backtracking is ever needed: nothing comes after the group). So a joiner belongs to a word
  exactly when the characters on both sides of it are word characters.

Hence: lower-case, turn every character that is neither a word character nor a joiner into a
space, turn every joiner without a word character on each side into a space (one substitution
whose lookarounds read the text before it), and split on the spaces: the words, in order.
"""

from __future__ import annotations

import re
import unicodedata

from lint.text.normalize import QUOTE_FOLD, words

_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_JOINERS = b"'.,"
#: byte -> itself lower-cased for a word character or a joiner, else a space (only ASCII bytes
#: are ever translated: the text is ASCII)
_TABLE = bytes(
    (c if c in _WORD_BYTES or c in _JOINERS else 0x20) if c not in range(65, 91) else c + 32
    for c in range(256)
)
#: a joiner not between two word characters (after the table: its neighbours are word
#: characters, joiners, spaces or the text's ends); the pattern opens with the joiner's set, so
#: ``re`` skips to the joiners in C
_LOOSE_JOINER = re.compile(rb"['.,](?:(?<![A-Za-z0-9_].)|(?![A-Za-z0-9_]))")


def joined_words(text: str) -> tuple[int, bytes]:
    """How many words ``words(text)`` holds, and those words joined by single spaces, encoded
    (UTF-8; lone surrogates passed)."""
    if not text.isascii():
        folded = unicodedata.normalize("NFKC", text)
        if not folded.isascii():
            folded = folded.translate(QUOTE_FOLD)
        folded = folded.casefold()
        if not folded.isascii():
            found = words(text)
            return len(found), " ".join(found).encode("utf-8", "surrogatepass")
        text = folded  # (folded already: lower-casing it again changes nothing)
    data = text.encode("ascii").translate(_TABLE)
    if b"'" in data or b"." in data or b"," in data:
        data = _LOOSE_JOINER.sub(b" ", data)
    tokens = data.split()
    return len(tokens), b" ".join(tokens)
