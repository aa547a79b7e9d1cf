"""A text's profile: everything the pair features need, computed once per text.

Texts are normalised first (:func:`clean`): wire copy carries control characters used as
paragraph marks (``\\x19``, ``\\x1e``), lines ended by ``<`` and furniture such as ``(MORE)`` or a
``REUTER`` sign-off, which would otherwise glue a story into three or four "sentences".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.text.mentions import figures, names, quotes
from lint.text.normalize import words
from lint.text.sentences import sentence_spans

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

Gram = tuple[str, ...]

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
    if not _CONTROL.search(text) and "<" not in text and "\n" not in text:
        return text  # the common case for prose: nothing to do
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


def _grams(tokens: tuple[str, ...], n: int) -> frozenset[Gram]:
    return frozenset(zip(*(tokens[i:] for i in range(n)), strict=False))


@dataclass(frozen=True)
class Profile:
    tokens: tuple[str, ...]
    grams: dict[int, frozenset[Gram]]  # word n-grams for each n in GRAM_SIZES
    sentences: tuple[frozenset[str], ...]  # content words of each sentence
    content: dict[str, int]  # content word -> count
    function_grams: frozenset[Gram]  # 4-grams of the function-word sequence
    names: frozenset[str]  # name words
    name_list: tuple[tuple[str, ...], ...]  # each distinct name, as its words
    figures: frozenset[tuple[float, bool]]
    quotes: tuple[frozenset[Gram], ...]  # word 3-grams (or unigrams, if short) of each quote

    def gram(self, n: int) -> frozenset[Gram]:
        return self.grams[n]


GRAM_SIZES = (1, 2, 3, 5, 8)


def profile(text: str) -> Profile:
    text = clean(text)
    tokens = tuple(words(text))
    content: dict[str, int] = {}
    for token in tokens:
        if token not in STOPWORDS:
            content[token] = content.get(token, 0) + 1
    sentences = []
    for span in sentence_spans(text):
        sentence = {t for t in words(text[span.start : span.end]) if t not in STOPWORDS}
        if len(sentence) >= 3:
            sentences.append(frozenset(sentence))
    function = tuple(t for t in tokens if t in STOPWORDS)
    quoted = []
    for quote in quotes(text):
        qtokens = tuple(words(quote.text))
        if len(qtokens) >= 3:
            quoted.append(_grams(qtokens, 3))
    found = list(dict.fromkeys(name.words for name in names(text) if name.words))
    return Profile(
        tokens=tokens,
        grams={n: _grams(tokens, n) for n in GRAM_SIZES},
        sentences=tuple(sentences),
        content=content,
        function_grams=_grams(function, 4),
        names=frozenset(w for name in found for w in name),
        name_list=tuple(found),
        figures=frozenset(f.key for f in figures(text)),
        quotes=tuple(quoted),
    )
