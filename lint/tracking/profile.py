"""A text's profile: what the pair features need, each part computed once per text, on demand.

Texts are normalised first (:func:`clean`): wire copy carries control characters used as
paragraph marks (``\\x19``, ``\\x1e``), lines ended by ``<`` and furniture such as ``(MORE)`` or a
``REUTER`` sign-off, which would otherwise glue a story into three or four "sentences".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cached_property
from itertools import compress, filterfalse

from lint.text.figure_keys import figure_keys
from lint.text.mentions import name_words, quotes
from lint.text.normalize import QUOTE_FOLD, words
from lint.text.sentences import sentence_spans
from lint.text.tokens import FOLDED_WORD

# Function words: left out of content-word sets, kept alone for the function-word n-grams
# (the shape of the sentences, which survives when content words are swapped).
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves said says say told""".split()  # noqa: SIM905
)

Gram = str  # an n-gram's words joined by single spaces

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_FURNITURE = re.compile(
    r"^\W*(?:\(?more\)?|more to come|ends?|reuters?|reuter|ap|afp|pa|upi|ts|nnnn|-+0-+|#+|\^+)"
    r"(?:\W+\w{1,4})?\W*$",
    re.IGNORECASE,
)
_BREAK = re.compile(r"\s*<+[ \t]*(?:\n|$)")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def clean(text: str) -> str:
    """``text`` with control characters, ``<`` line ends and new lines as paragraph breaks
    (a line starting in lower case continues its paragraph), furniture lines dropped, and every
    paragraph ended with terminal punctuation so sentences split there."""
    if "\n" not in text and "<" not in text and (text.isprintable() or not _CONTROL.search(text)):
        return text  # one paragraph of prose: nothing to do (printable: no control character)
    text = _BREAK.sub("\n", _CONTROL.sub("\n", text))
    paragraphs: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or _FURNITURE.match(line):
            continue
        if paragraphs and line[0].islower() and not _TERMINAL.search(paragraphs[-1]):
            paragraphs[-1] += " " + line  # a hard-wrapped line continues its paragraph
        else:
            paragraphs.append(line)
    return "\n\n".join(
        p + "." if not _TERMINAL.search(p) and len(p.split()) >= 4 else p for p in paragraphs
    )


_QUOTE_MARKS = tuple((chr(mark), str(plain)) for mark, plain in QUOTE_FOLD.items())


def _fold_quotes(text: str) -> str:
    """``text.translate(QUOTE_FOLD)``, faster: one character for another, a few times."""
    for mark, plain in _QUOTE_MARKS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


def _joined(left: Sequence[str], right: Sequence[str]) -> list[str]:
    """``left[i] + " " + right[i]``: longer n-grams from shorter ones, one join each."""
    return [f"{a} {b}" for a, b in zip(left, right, strict=False)]


def sequences(tokens: Sequence[str]) -> dict[int, list[str]]:
    """The word n-grams of ``tokens`` in order, for each n in :data:`GRAM_SIZES`, each n-gram
    its words joined by single spaces (words never hold one, so two n-grams are equal exactly
    when their words are). Strings, not tuples: cheaper to build, hash and collect."""
    ones = list(tokens)
    twos = _joined(ones, ones[1:])
    threes = _joined(twos, ones[2:])
    fives = _joined(threes, twos[3:])
    eights = _joined(fives, threes[5:])
    return {1: ones, 2: twos, 3: threes, 5: fives, 8: eights}


def _grams(tokens: Sequence[str], n: int) -> frozenset[Gram]:
    """The distinct word n-grams of ``tokens`` (words joined by spaces)."""
    return frozenset(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


GRAM_SIZES = (1, 2, 3, 5, 8)


class Profile:
    """A text's profile. Each part is computed the first time it is asked for and kept: scoring
    asks for what the model's features and explanations need, and an original compared with
    many rewrites (pairing, a JSONL of pairs) is worked through once."""

    def __init__(self, text: str) -> None:
        self.text = clean(text)
        self._compared = False  # asked for the figures another text has (see figures_among)

    @cached_property
    def _words(self) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
        """(the text's words, the content words of each of its sentences), as
        :func:`lint.text.normalize.words` gives them for the text and for each sentence."""
        text = self.text
        spans = sentence_spans(text)
        nfkc = unicodedata.normalize("NFKC", text)
        folded = _fold_quotes(nfkc).casefold()
        sentences: list[frozenset[str]] = []
        if nfkc != text or len(folded) != len(text):
            for span in spans:
                kept = {t for t in words(text[span.start : span.end]) if t not in STOPWORDS}
                if len(kept) >= 3:
                    sentences.append(frozenset(kept))
            return tuple(FOLDED_WORD.findall(folded)), tuple(sentences)
        # Every character folded to one, so offsets agree. Sentences are separated by white
        # space alone, which no word holds: the text's words are its sentences' words, in order.
        tokens: list[str] = []
        find = FOLDED_WORD.findall
        for span in spans:
            found = find(folded, span.start, span.end)
            tokens += found
            # a set's difference walks the smaller set: the sentence, not the stopwords
            sentence = frozenset(found) - STOPWORDS
            if len(sentence) >= 3:
                sentences.append(sentence)
        return tuple(tokens), tuple(sentences)

    @property
    def tokens(self) -> tuple[str, ...]:
        return self._words[0]

    @property
    def sentences(self) -> tuple[frozenset[str], ...]:
        """The content words of each sentence (of three content words or more)."""
        return self._words[1]

    @cached_property
    def _sequences(self) -> dict[int, list[str]]:
        return {}

    def sequence(self, n: int) -> list[str]:
        """The word n-grams in order (n in :data:`GRAM_SIZES`), as :func:`sequences` gives
        them; each size built the first time it is asked for (from the shorter ones it needs)."""
        found = self._sequences.get(n)
        if found is None:
            if n == 1:
                found = list(self.tokens)
            elif n == 2:
                ones = self.sequence(1)
                found = _joined(ones, ones[1:])
            else:  # 3 = 2 + 1, 5 = 3 + 2, 8 = 5 + 3
                shorter = {3: 2, 5: 3, 8: 5}[n]
                found = _joined(self.sequence(shorter), self.sequence(n - shorter)[shorter:])
            self._sequences[n] = found
        return found

    @cached_property
    def _grams(self) -> dict[int, frozenset[Gram]]:
        return {}

    def gram(self, n: int) -> frozenset[Gram]:
        """The distinct word n-grams (n in :data:`GRAM_SIZES`)."""
        found = self._grams.get(n)
        if found is None:
            found = self._grams[n] = frozenset(self.sequence(n))
        return found

    def count(self, n: int) -> int:
        """``len(self.gram(n))``, for n of 3 or more without building the n-grams where their
        first 3-gram is not repeated: two n-grams can be equal only where their 3-grams are, so
        an n-gram starting with a 3-gram found once (among those starting an n-gram) is found
        once, and only the others are built and counted."""
        if n <= 3 or n in self._grams:
            return len(self.gram(n))
        size = max(0, len(self.tokens) - n + 1)  # n-grams; each starts with threes[i]
        spots = [i for i in self._repeated if i < size]
        tokens = self.tokens
        return size - len(spots) + len({" ".join(tokens[i : i + n]) for i in spots})

    @cached_property
    def _repeated(self) -> list[int]:
        """The places, in order, of the 3-grams that start a 5-gram and are found at another
        place that starts one: :meth:`count` builds the n-grams there only. Found once for
        5 and 8: a longer n-gram starts at fewer places, and the places among those of a
        3-gram also found elsewhere are all of them (and perhaps more, harmless: an n-gram
        built needlessly is counted once all the same)."""
        threes = self.sequence(3)
        size = max(0, len(self.tokens) - 4)  # 5-grams; each starts with threes[i]
        if len(self.gram(3)) == len(threes):
            return []  # no 3-gram twice: no n-gram twice
        first = threes[:size]
        counts = Counter(first)  # counted in C
        if len(counts) == size:
            return []
        repeated = {gram for gram, count in counts.items() if count > 1}
        return list(compress(range(size), map(repeated.__contains__, first)))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The distinct words."""
        return frozenset(self.tokens)

    @cached_property
    def content(self) -> dict[str, int]:
        """Content word -> count, in order of first use."""
        return Counter(filterfalse(STOPWORDS.__contains__, self.tokens))  # filtered in C

    @cached_property
    def function_grams(self) -> frozenset[Gram]:
        """4-grams of the function-word sequence."""
        return _grams([t for t in self.tokens if t in STOPWORDS], 4)

    @cached_property
    def name_list(self) -> tuple[tuple[str, ...], ...]:
        """Each distinct name, as its words."""
        return tuple(dict.fromkeys(name_words(self.text)))

    @cached_property
    def names(self) -> frozenset[str]:
        """Name words."""
        return frozenset(w for name in self.name_list for w in name)

    @cached_property
    def figures(self) -> frozenset[tuple[float, bool]]:
        """The keys of the figures that are not names with a number (``mentions.figures``)."""
        return figure_keys(self.text)

    def figures_among(self, keys: frozenset[tuple[float, bool]]) -> frozenset[tuple[float, bool]]:
        """``self.figures & keys``. The first time, only the figures whose key is one of
        ``keys`` are asked whether they are names (``figure_keys(text, among)``); an original
        compared again (several rewrites) has all its figures' keys found once and kept."""
        if not keys:
            return frozenset()
        if "figures" in self.__dict__ or self._compared:
            return self.figures & keys
        self._compared = True
        return figure_keys(self.text, keys)

    @cached_property
    def quotes(self) -> tuple[frozenset[Gram], ...]:
        """Word 3-grams of each quotation of three words or more."""
        quoted = []
        for quote in quotes(self.text):
            qtokens = words(quote.text)
            if len(qtokens) >= 3:
                quoted.append(_grams(qtokens, 3))
        return tuple(quoted)

    @cached_property
    def windows(self) -> dict[str, tuple[int, ...]]:
        """Content word -> the windows of :data:`WINDOW` neighbouring sentences holding it (by
        first sentence, in order), for aligning another text's sentences with this one's."""
        # Sentence i lies in windows max(0, i - WINDOW + 1) to min(i, last window): one pass
        # over the sentences, each word's windows added in order without repeats (the bounds
        # never go down), rather than a union of WINDOW sentences per window.
        postings: dict[str, tuple[int, ...]] = {}
        last = max(1, len(self.sentences) - WINDOW + 1) - 1
        for i, sentence in enumerate(self.sentences):
            low, high = max(0, i - WINDOW + 1), min(i, last)
            here = tuple(range(low, high + 1))
            for word in sentence:
                indices = postings.get(word)
                if indices is None:
                    postings[word] = here
                elif indices[-1] < high:
                    postings[word] = indices + here[max(0, indices[-1] + 1 - low) :]
        return postings


WINDOW = 3  # a rewrite sentence often merges up to three neighbouring original sentences


def profile(text: str) -> Profile:
    """The profile of ``text`` (cleaned first)."""
    return Profile(text)
