"""Corpus keys (stage 1 of the Ray job): LSH band keys link exactly the blocks that share a
band, exact and article keys link exact copies, and the keys are made from the values the rule
prepared (the run's ``prepare``), the same as from a document parsed afresh."""

from __future__ import annotations

import random

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("rensa")

from lint.distributed.keys import (  # noqa: E402
    BANDS,
    PERMUTATIONS,
    ROWS,
    band_keys,
    corpus_keys,
)
from lint.engine.parallel import Task, Work, run_tasks  # noqa: E402
from lint.engine.rules import builtin_dir, load_rules  # noqa: E402
from lint.io.readers import parse  # noqa: E402
from lint.io.records import JsonlFields  # noqa: E402
from lint.io.sources import Source  # noqa: E402
from lint.kinds.base import Scope  # noqa: E402

WORDS = ["port", "strike", "grain", "exports", "union", "dock", "workers", "ships", "harbour"]


def _signatures(seed: int, blocks: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.integers(0, 2**32, size=(blocks, PERMUTATIONS), dtype=np.uint64)


def test_blocks_share_a_band_key_exactly_when_they_share_a_band():
    sigs = _signatures(1, 60)
    # plant shared bands: block i + 30 takes band i % BANDS of block i
    for i in range(30):
        band = i % BANDS
        cols = slice(band * ROWS, (band + 1) * ROWS)
        sigs[i + 30, cols] = sigs[i, cols]
    sigs[59, :] = sigs[0, :]  # an exact copy shares every band
    keys = band_keys(sigs, seed=42).reshape(-1, BANDS)
    assert keys.dtype == np.int64
    bands = sigs.reshape(-1, BANDS, ROWS)
    for a in range(len(sigs)):
        for b in range(a + 1, len(sigs)):
            shared_bands = {i for i in range(BANDS) if (bands[a, i] == bands[b, i]).all()}
            shared_keys = set(keys[a].tolist()) & set(keys[b].tolist())
            assert len(shared_keys) == len(shared_bands), (a, b)
    # the same values in another band are another key
    shifted = sigs[:1].copy()
    shifted[0, :ROWS] = sigs[0, ROWS : 2 * ROWS]
    assert band_keys(shifted, 42)[0] != band_keys(sigs[:1], 42)[1]
    # another rule (seed), other keys
    assert not set(band_keys(sigs, 43).tolist()) & set(keys.reshape(-1).tolist())


def _paragraph(rng: random.Random, words: int = 40) -> str:
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(words)) + "."


def _documents(texts: dict[str, str]) -> tuple[list, list]:
    """The texts linted and kept as a run keeps them (the corpus kinds' ``prepare`` done)."""
    rules = list(load_rules([builtin_dir()]))
    work = Work(tuple(rules), JsonlFields())
    sources = [Source(name, 0, text.encode(), None) for name, text in texts.items()]
    outcomes = run_tasks(work, [Task(i, s, True, True) for i, s in enumerate(sources)])
    return rules, [o.document for o in outcomes]


def _by_rule(rules: list, keys: np.ndarray) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {r.id: set() for r in rules if r.level is Scope.CORPUS}
    for r, k in keys.tolist():
        found[rules[r].id].add(k)
    return found


def test_copies_share_keys_and_other_text_does_not():
    rng = random.Random(7)
    shared, other, third = _paragraph(rng), _paragraph(rng), _paragraph(rng)
    near = shared.split()
    near[20] = "changed"
    texts = {
        "a.txt": f"Port strike halts grain exports\n\n{shared}\n\n{other}\n",
        "b.txt": f"Dock workers walk out\n\n{_paragraph(rng)}\n\n{shared}\n",
        "c.txt": f"Ships wait in the harbour\n\n{' '.join(near)}\n",
        "d.txt": f"Port strike halts grain exports\n\n{third}\n",
        "e.txt": f"Port strike halts grain exports\n\n{shared}\n\n{other}\n",
    }
    rules, documents = _documents(texts)
    pairs = zip(texts, documents, strict=True)
    keys = {name: _by_rule(rules, corpus_keys(rules, d)) for name, d in pairs}
    a, b, c, d, e = (keys[n] for n in texts)
    assert a["duplicated-paragraph"] & b["duplicated-paragraph"]  # the same paragraph
    assert not a["duplicated-paragraph"] & c["duplicated-paragraph"]  # one word changed
    assert a["near-duplicate-paragraph"] & c["near-duplicate-paragraph"]
    assert not d["near-duplicate-paragraph"] & a["near-duplicate-paragraph"]
    assert a["repeated-headline"] & d["repeated-headline"]
    assert not a["repeated-headline"] & b["repeated-headline"]
    assert a["duplicate-article"] == e["duplicate-article"] != set()
    assert not a["duplicate-article"] & d["duplicate-article"]
    # rules never share a key
    every = [k for found in keys.values() for rule, ks in found.items() for k in ks]
    owners = {k: r for found in keys.values() for r, ks in found.items() for k in ks}
    assert len(owners) == len(set(every))
    for found in keys.values():
        ids = list(found)
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                assert not found[x] & found[y]


def test_keys_from_the_prepared_values_equal_keys_of_a_fresh_parse():
    rng = random.Random(3)
    texts = {f"{i}.txt": f"Headline {i} here now\n\n{_paragraph(rng)}\n" for i in range(4)}
    rules, kept = _documents(texts)
    for (name, text), document in zip(texts.items(), kept, strict=True):
        assert document.memo  # prepared by the run
        fresh = parse(name, text)
        assert not fresh.memo
        assert corpus_keys(rules, document).tolist() == corpus_keys(rules, fresh).tolist()
