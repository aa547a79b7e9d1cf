"""The pool's start: the first document is linted in the parent before the fork (what a process
builds on its first document is then built once), and the outcomes stay in task order."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from generated import make_jsonl

from lint.engine import parallel
from lint.engine.parallel import MIN_DOCUMENTS_PER_WORKER, Runner, Task, Work
from lint.engine.rules import builtin_dir, load_rules
from lint.io.records import JsonlFields
from lint.io.sources import read_sources

pytestmark = pytest.mark.slow  # worker processes


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="forked workers only")
def test_the_first_document_is_linted_before_the_pool_starts(tmp_path, monkeypatch) -> None:
    path = make_jsonl(tmp_path / "c.jsonl", 3 * MIN_DOCUMENTS_PER_WORKER, paragraphs=2)
    sources = list(read_sources(path))
    # the first two are only kept: the first to lint is the third
    tasks = [Task(i, s, i >= 2, True, True) for i, s in enumerate(sources)]
    work = Work(tuple(load_rules([builtin_dir()])), JsonlFields())
    expected = list(Runner(1, [work]).run(0, tasks, lambda n: None))
    parent = os.getpid()
    here: list[int] = []
    original = parallel.run_tasks

    def run_tasks(work: Work, chunk: list[Task]) -> list[parallel.Outcome]:
        if os.getpid() == parent:
            here.extend(t.index for t in chunk)
        return original(work, chunk)

    monkeypatch.setattr(parallel, "run_tasks", run_tasks)
    pooled = Runner(2, [work])
    try:
        got = list(pooled.run(0, tasks, lambda n: None))
        assert pooled.started
    finally:
        pooled.close()
    assert here == [0, 1, 2]  # up to the first document to lint, then the workers
    assert [o.index for o in got] == list(range(len(tasks)))
    assert [(o.findings, o.document is None) for o in got] == [
        (o.findings, o.document is None) for o in expected
    ]
