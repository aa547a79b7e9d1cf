"""Ranking originals through the run's postings gives what ranking every original gives: the same
candidates in the same order (ties by path), with chosen originals left out, and the same pairs."""

from __future__ import annotations

import random

import pytest

from lint.core.document import Document
from lint.io.readers import parse
from lint.tracking import pairing
from lint.tracking.model import load_model

#: Words drawn with a skewed frequency, so some are in most texts and most in few.
_VOCABULARY = [
    f"{stem}{suffix}"
    for stem in (
        "port",
        "grain",
        "vote",
        "storm",
        "bank",
        "trial",
        "ferry",
        "mine",
        "strike",
        "budget",
        "harvest",
        "court",
    )
    for suffix in ("", "s", "ed", "ing", "er", "ers", "al", "ment", "wide", "ward")
]


def _text(rng: random.Random, sentences: int) -> str:
    weights = [1.0 / (rank + 1) for rank in range(len(_VOCABULARY))]
    said = []
    for _ in range(sentences):
        words = rng.choices(_VOCABULARY, weights=weights, k=rng.randint(6, 14))
        said.append(" ".join(words).capitalize() + ".")
    return "Headline of the day\n\n" + " ".join(said)


def _corpus(seed: int, originals: int, rewrites: int) -> list[Document]:
    rng = random.Random(seed)
    texts = [_text(rng, rng.randint(3, 12)) for _ in range(originals)]
    texts[1] = texts[0]  # two originals alike: a tie, broken by path
    texts += [_text(rng, rng.randint(2, 8)) for _ in range(rewrites)]
    texts.append("Quokka\n\nZebra quokka axolotl narwhal.")  # shares no word with any original
    found = []
    for number, text in enumerate(texts):
        document = parse(f"{'o' if number < originals else 'r'}/{number:04d}.txt", text)
        assert isinstance(document, Document)
        found.append(document)
    return found


def _run(documents: list[Document], originals: int) -> pairing._Run:
    marked = {id(d) for d in documents[:originals]}
    return pairing._Run(documents, lambda d: id(d) in marked)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_postings_rank_as_every_original_would(seed: int) -> None:
    documents = _corpus(seed, originals=150, rewrites=30)
    run = _run(documents, 150)
    assert len(run.originals) > pairing.PLAIN_RANKING  # the postings are used
    rng = random.Random(seed)
    compared = 0
    for rewrite in documents[150:]:
        words = list(run.profile(rewrite).content)
        for subset in (words, rng.sample(words, max(1, len(words) // 3))):
            for chosen in ([], run.originals[:1], rng.sample(run.originals, 3)):
                for candidates in (1, 3):
                    among = [o for o in run.originals if all(o is not c for c in chosen)]
                    plain = pairing._ordered(run, subset, among)[:candidates]
                    assert pairing._ranked(run, subset, candidates, chosen) == plain
                    compared += 1
    assert compared == 31 * 2 * 3 * 2


def test_a_rewrite_sharing_no_word_falls_back_to_the_plain_order() -> None:
    documents = _corpus(4, originals=100, rewrites=0)
    run = _run(documents, 100)
    words = list(run.profile(documents[-1]).content)
    assert pairing._by_postings(run, words, 3, set()) is None
    assert (
        pairing._ranked(run, words, 3)
        == sorted(run.originals, key=lambda o: (o.path, o.line_offset))[:3]
    )


def test_tied_originals_keep_the_path_order() -> None:
    documents = _corpus(5, originals=100, rewrites=0)
    run = _run(documents, 100)
    words = list(run.profile(documents[0]).content)  # the text of originals 0 and 1
    assert pairing._ranked(run, words, 2) == [documents[0], documents[1]]
    assert pairing._ranked(run, words, 1, [documents[0]]) == [documents[1]]


def test_pairs_are_the_same_with_and_without_the_postings(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _corpus(6, originals=120, rewrites=25)
    marked = {id(d) for d in documents[:120]}
    model = load_model()

    def pairs() -> list[tuple[str, str, str | None, float | None]]:
        return [
            (
                p.rewrite.path,
                p.how,
                p.nearest.path if p.nearest else None,
                p.score.score if p.score else None,
            )
            for p in pairing.pair_documents(documents, lambda d: id(d) in marked, model)
        ]

    indexed = pairs()
    monkeypatch.setattr(pairing, "PLAIN_RANKING", len(documents))
    assert pairs() == indexed
    assert len(indexed) == 26
