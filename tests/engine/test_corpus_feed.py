"""The corpus rules fed as documents come (``CorpusFeed``, the duplicates kind's ``Stream``): the
same findings as the corpus rules run once over every document, whatever the feed's order hint,
for parsed and kept documents; a feed given other documents, or another order, is not used."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence

import pytest

import lint
from lint.core.document import Block, Document
from lint.core.kept import Kept, Linted
from lint.engine.engine import Engine
from lint.engine.feed import CorpusFeed
from lint.engine.rules import Rule, builtin_dir, load_rules
from lint.kinds import duplicates, duplicates_fixes
from lint.kinds.base import Unit
from lint.text.normalize import words
from lint.text.segment import segment

WORDS = [
    *("the", "council", "approved", "budget", "of", "four", "million", "pounds", "for", "new"),
    *("school", "on", "tuesday", "officials", "said", "opposition", "members", "voted"),
    *("against", "plan", "cutting", "services", "port", "strike", "halts", "grain"),
]


def _rules() -> list[Rule]:
    return [r for r in load_rules([builtin_dir()]) if r.kind == "duplicates"]


def _texts(seed: int, count: int) -> list[str]:
    """Articles drawn from a small pool of paragraphs and headlines, with near copies (a word
    changed), copies with other white space, copies within an article (removable), and bodies
    sent again under another headline or none (article copies by their body)."""
    rng = random.Random(seed)
    pool = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 26))).capitalize() + "."
        for _ in range(30)
    ]
    heads = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))).title() for _ in range(8)
    ]
    texts = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(1, 6)):
            text = rng.choice(pool)
            roll = rng.random()
            if roll < 0.3:  # a near copy
                tokens = text.split()
                tokens[rng.randrange(len(tokens))] = rng.choice(WORDS)
                text = " ".join(tokens)
            elif roll < 0.45:  # the same words, other white space
                text = text.replace(" ", rng.choice(["  ", "\t", " \u00a0"]), 2)
            paragraphs.append(text)
        if paragraphs and rng.random() < 0.3:
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), paragraphs[0])
        texts.append(rng.choice(heads) + "\n\n" + "\n\n".join(paragraphs) + "\n")
    resend = random.Random(seed + 1000)  # its own draws: the texts above stay as they were
    for _ in range(count // 8):  # an earlier body under another headline, or under none
        _, _, body = resend.choice(texts).partition("\n\n")
        if body:
            title = resend.choice([*heads, ""])
            at = resend.randrange(len(texts) + 1)
            texts.insert(at, (title + "\n\n" if title else "") + body)
    return texts


def _documents(texts: Sequence[str]) -> list[Document]:
    return [Document(f"d{i:03d}.txt", t, segment(t)) for i, t in enumerate(texts)]


def _kept(texts: Sequence[str], rules: Sequence[Rule]) -> list[Kept]:
    """The documents as a run keeps them: prepared for every rule, then only kept."""
    found = []
    for document, text in zip(_documents(texts), texts, strict=True):
        for rule in rules:
            duplicates.prepare(document, document.blocks_of(rule.scope), rule.options)
        kept = Kept.of(document, directives=False)
        name = document.path
        kept.reparse = lambda text=text, name=name: Document(name, text, segment(text))
        found.append(kept)
    return found


def _units(documents: Sequence[Linted], rule: Rule) -> list[Unit]:
    return [(d, d.blocks_of(rule.scope)) for d in documents]


def _streamed(documents: Sequence[Linted], rule: Rule, expected: int | None) -> list:
    stream = duplicates.check.stream(rule.options, lambda d: d.blocks_of(rule.scope), expected)
    for document in documents:
        stream.add(document, document.blocks_of(rule.scope))  # (a failure fails the test)
    return stream.results()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("kept", [False, True])
def test_a_stream_finds_what_check_finds(seed: int, kept: bool) -> None:
    texts = _texts(seed, 80)
    rules = _rules()
    assert {r.options.match for r in rules} == {"exact", "near", "article"}
    documents: list[Linted] = list(_kept(texts, rules) if kept else _documents(texts))
    some = 0
    for rule in rules:
        expected = duplicates.check(_units(documents, rule), rule.options)
        some += len(expected)
        for hint in (None, 1, 7, len(texts) // 4, len(texts), 10 * len(texts)):
            assert _streamed(documents, rule, hint) == expected, (rule.id, hint)
    assert some > 20


@pytest.mark.parametrize("seed", range(4))
def test_copies_are_looked_for_only_where_two_blocks_share_a_key(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_repeats`` (no two blocks with the same key: no removable copy, no second parse) changes
    no finding: the same hits and fixes as when every document with a hit is parsed again."""
    texts = _texts(seed, 80)
    rules = _rules()
    documents = _kept(texts, rules)
    found = {r.id: duplicates.check(_units(documents, r), r.options) for r in rules}
    assert any(hit.edits for results in found.values() for _, hit in results)
    monkeypatch.setattr(duplicates_fixes, "_repeats", lambda unit, size: True)
    assert found == {r.id: duplicates.check(_units(documents, r), r.options) for r in rules}


def test_white_space_never_changes_words() -> None:
    """What ``_repeats`` relies on: texts equal up to white space (``" ".join(text.split())``)
    have the same words, so the same key. Every white-space character normalises (NFKC) to
    white space, which no word pattern matches."""
    for code in range(0x110000):
        char = chr(code)
        if not char.isspace():
            continue
        assert all(c.isspace() for c in unicodedata.normalize("NFKC", char)), hex(code)
        assert words(f"a{char}b") == ["a", "b"] == words(f"a,{char}b") == words(f"a.{char}b")
        assert words(f"1{char}400 'x{char}'") == words("1 400 'x '")


def _blocks(document: Linted, rule: Rule) -> tuple[Block, ...]:
    return tuple(document.blocks_of(rule.scope))


def _corpus_findings(documents: Sequence[Linted], feed_order: Sequence[Linted] | None) -> list:
    engine = Engine(_rules())
    if feed_order is not None:
        feed = engine.feed(len(feed_order))
        for document in feed_order:
            feed.add(document)
    return engine.check_corpus(documents)


@pytest.mark.parametrize("kept", [False, True])
def test_check_corpus_takes_a_feed_only_of_the_same_documents_in_order(kept: bool) -> None:
    texts = _texts(11, 60)
    documents: list[Linted] = list(_kept(texts, _rules()) if kept else _documents(texts))
    plain = _corpus_findings(documents, None)
    assert len(plain) > 20
    assert _corpus_findings(documents, documents) == plain
    assert _corpus_findings(list(reversed(documents)), documents) == plain  # sorted by path
    # fed in another order, or other documents: the feed is left alone (the same findings)
    assert _corpus_findings(documents, list(reversed(documents))) == plain
    assert _corpus_findings(documents, documents[:-1]) == plain


def test_a_feed_streams_the_duplicates_rules() -> None:
    rules = _rules()
    feed = CorpusFeed(rules, 10)
    assert sorted(feed.streams) == list(range(len(rules)))  # every duplicates rule is streamed
    engine = Engine(rules)
    taken: list[int] = []
    original = duplicates.Stream.results

    def results(stream: duplicates.Stream) -> list:
        taken.append(1)
        return original(stream)

    documents = _documents(_texts(3, 20))
    feed = engine.feed(20)
    for document in documents:
        feed.add(document)
    duplicates.Stream.results = results  # type: ignore[method-assign]
    try:
        engine.check_corpus(documents)
    finally:
        duplicates.Stream.results = original  # type: ignore[method-assign]
    assert len(taken) == len(rules)


def _run(paths: list[str], **options: object) -> tuple:
    run = lint.lint_paths(paths, lint.Options(**options))  # type: ignore[arg-type]
    return run.findings


def test_a_run_gives_the_same_findings_with_and_without_the_feed(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number, text in enumerate(_texts(5, 40)):
        (tmp_path / f"a{number:03d}.txt").write_text(text, encoding="utf-8")
    fed = _run([str(tmp_path)])
    assert any(f.rule == "near-duplicate-paragraph" for f in fed)
    assert any(f.edits for f in fed)
    monkeypatch.setattr(CorpusFeed, "fed", lambda self, documents: False)
    assert _run([str(tmp_path)]) == fed


@pytest.mark.slow
def test_jobs_and_the_cache_give_the_same_findings(tmp_path) -> None:
    """--jobs 1, --jobs 2 (a pool: the feed takes documents as the workers send them), and a
    cold then a warm cache: the same findings in the same order."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, text in enumerate(_texts(7, 120)):
        (corpus / f"a{number:03d}.txt").write_text(text, encoding="utf-8")
    one = _run([str(corpus)], jobs=1)
    assert len(one) > 50
    assert _run([str(corpus)], jobs=2) == one
    cache = tmp_path / "cache"
    assert _run([str(corpus)], jobs=2, cache=True, cache_dir=cache) == one
    assert _run([str(corpus)], jobs=2, cache=True, cache_dir=cache) == one
    assert _run([str(corpus)], jobs=1, cache=True, cache_dir=cache) == one
