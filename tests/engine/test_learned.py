"""Patterns compiled in ``--jobs`` workers reach the process that saves the start-up cache
(lint.engine.learned): ``new`` (which skips the scan when ``re``'s cache did not grow) against
the plain scan, and a pool's worker-compiled pattern compiled in the parent."""

from __future__ import annotations

import multiprocessing
import os
import re
import uuid

import pytest
from generated import make_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.engine import learned, parallel
from lint.engine.parallel import MIN_DOCUMENTS_PER_WORKER, Runner, Task, Work
from lint.engine.rules import builtin_dir, load_rules
from lint.io import regexcache
from lint.io.records import JsonlFields
from lint.io.sources import read_sources


@pytest.fixture
def store_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a command: the store preloaded (here: nothing stored) and enabled."""
    monkeypatch.setattr(regexcache, "_loaded", True)
    monkeypatch.setattr(regexcache, "_stored", set())
    monkeypatch.delenv("NEWSLINT_NO_RULE_CACHE", raising=False)


def _fresh(tag: str) -> str:
    return f"newslint-learned-{tag}-{uuid.uuid4().hex}"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "old", "i"]), max_size=4), max_size=6),
    st.booleans(),
)
def test_new_equals_the_plain_scan(steps: list[list[str]], full: bool) -> None:
    """After any sequence of compiles (new patterns, repeats, flags), ``new`` reports what the
    plain scan reports, each pattern once; also when ``re``'s cache is full (each compile then
    drops its oldest pattern: the size stays the same)."""
    with pytest.MonkeyPatch.context() as mp:
        if full:
            mp.setattr(re, "_MAXCACHE", len(re._cache) + 1)  # type: ignore[attr-defined]
        mp.setattr(regexcache, "_loaded", True)
        mp.setattr(regexcache, "_stored", set())
        mp.delenv("NEWSLINT_NO_RULE_CACHE", raising=False)
        old = re.compile(_fresh("old"))
        learned.forked()  # what was compiled before is the parent's
        shadow = set(learned._reported)
        reported: list[learned.Pattern] = []
        for step in steps:
            for what in step:
                if what == "old":
                    re.compile(old.pattern)  # already known: nothing new
                elif what == "i":
                    re.compile(_fresh("i"), re.IGNORECASE)
                else:
                    re.compile(_fresh(what))
            expected = tuple(p for p in regexcache.unsaved() if p not in shadow)
            shadow.update(expected)
            got = learned.new()
            assert got == expected
            reported.extend(got)
        assert len(reported) == len(set(reported))
        assert (old.pattern, 0) not in reported


def test_nothing_is_reported_without_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "_loaded", False)
    learned.forked()
    re.compile(_fresh("off"))
    assert learned.new() == ()


def test_learn_compiles_here(store_in_use: None) -> None:
    pattern = _fresh("learn")
    learned.learn([(pattern, re.IGNORECASE), ("(unbalanced", 0)])  # a bad one is skipped
    assert (pattern, re.IGNORECASE) in regexcache.unsaved()  # so save() stores it


@pytest.mark.slow
@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="forked workers only")
def test_a_pattern_compiled_in_a_worker_is_compiled_in_the_parent(
    tmp_path, monkeypatch: pytest.MonkeyPatch, store_in_use: None
) -> None:
    path = make_jsonl(tmp_path / "c.jsonl", 3 * MIN_DOCUMENTS_PER_WORKER, paragraphs=2)
    tasks = [Task(i, s, True, True, True) for i, s in enumerate(read_sources(path))]
    work = Work(tuple(load_rules([builtin_dir()])), JsonlFields())
    parent = os.getpid()
    pattern = _fresh("worker")
    original = parallel.run_tasks

    def run_tasks(work: Work, chunk: list[Task]) -> list[parallel.Outcome]:
        outcomes = original(work, chunk)
        if os.getpid() != parent:
            re.compile(pattern)  # a pattern only a worker compiles (last: re's cache may be full)
        return outcomes

    monkeypatch.setattr(parallel, "run_tasks", run_tasks)
    pooled = Runner(2, [work])
    try:
        got = list(pooled.run(0, tasks, lambda n: None))
        assert pooled.started
    finally:
        pooled.close()
    assert [o.index for o in got] == list(range(len(tasks)))
    assert (pattern, 0) in regexcache.unsaved()
    assert (str, pattern, 0) in re._cache  # type: ignore[attr-defined]
