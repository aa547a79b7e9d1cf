"""Per-document work, in this process or spread over worker processes (``--jobs``).

A :class:`Rule` holds its kind module and cannot be pickled, so workers rebuild the rules from a
:class:`RuleSpec` (rule directories, selected ids, config overrides) once each, in the pool
initializer. Tasks carry sources (bytes, cheap to pickle) in chunks; a worker parses them, runs the
per-document rules and sends back findings, plus the parsed document when the parent needs it for
corpus rules. Results come back in task order, so the output is the same for any ``--jobs``.
"""

from __future__ import annotations

import functools
import gc
import json
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.core.document import Document
from lint.core.finding import Finding
from lint.engine.engine import Engine
from lint.engine.rules import Rule, load_rules
from lint.errors import InputError
from lint.io.readers import JsonlFields
from lint.io.sources import Source

#: Below this many documents per worker, starting processes is not worth it: a forked pool of two
#: starts and rebuilds its rules in about 0.02 s (spawned workers, as on macOS, take longer), and
#: 25 documents are some 50 ms of work.
MIN_DOCUMENTS_PER_WORKER = 25
_CHUNKS_PER_WORKER = 4  # several chunks each, so a slow chunk does not leave a worker idle
_MAX_CHUNK = 64


@dataclass(frozen=True)
class RuleSpec:
    """What a process needs to build a group's rules and parse its documents."""

    directories: tuple[str, ...]
    ids: tuple[str, ...]
    overrides: str  # JSON of the config's per-rule overrides: hashable and picklable
    fields: JsonlFields

    @classmethod
    def of(
        cls,
        directories: Sequence[Path],
        ids: Sequence[str],
        overrides: Mapping[str, Any],
        fields: JsonlFields,
    ) -> RuleSpec:
        dirs = tuple(str(d) for d in directories)
        return cls(dirs, tuple(ids), json.dumps(overrides, sort_keys=True, default=str), fields)

    def load(self) -> list[Rule]:
        return load_rules([Path(d) for d in self.directories], self.ids, json.loads(self.overrides))


@dataclass(frozen=True)
class Task:
    """One source to handle: ``lint`` runs the per-document rules, ``keep`` returns the document."""

    index: int
    source: Source
    lint: bool
    keep: bool


@dataclass(frozen=True)
class Outcome:
    index: int
    findings: tuple[Finding, ...] | None  # None when the task did not lint
    document: Document | None  # when kept
    error: str | None  # the source could not be read


@functools.cache
def _rules(spec: RuleSpec) -> list[Rule]:
    """The rules of ``spec``, built once per process (a memo, never mutated)."""
    return spec.load()


def _warm(specs: Sequence[RuleSpec]) -> None:
    """Pool initializer: build every group's rules once in each worker. Ctrl-C is left to the
    parent, which stops the pool, so workers do not print a traceback each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for spec in specs:
        _rules(spec)


def run_tasks(spec: RuleSpec, tasks: Sequence[Task], rules: Sequence[Rule] = ()) -> list[Outcome]:
    """Handle a chunk of tasks with one engine (its line indexes live as long as the chunk);
    ``rules`` are the spec's rules when the caller has them already."""
    engine = Engine(rules or _rules(spec))
    outcomes = []
    for task in tasks:
        result = task.source.parse(spec.fields)
        if isinstance(result, InputError):
            outcomes.append(Outcome(task.index, None, None, str(result)))
            continue
        findings = tuple(engine.check_document(result)) if task.lint else None
        outcomes.append(Outcome(task.index, findings, result if task.keep else None, None))
    return outcomes


def _run_chunk(job: tuple[RuleSpec, Sequence[Task]]) -> list[Outcome]:
    return run_tasks(*job)


def chunks(tasks: Sequence[Task], jobs: int) -> list[Sequence[Task]]:
    size = max(1, min(_MAX_CHUNK, len(tasks) // (jobs * _CHUNKS_PER_WORKER) or 1))
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def cpu_count() -> int:
    """CPUs this process may use (the affinity mask, where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class Runner:
    """Runs task chunks serially, or in a process pool started on first need and reused."""

    def __init__(self, jobs: int, rules: Mapping[RuleSpec, Sequence[Rule]]) -> None:
        self.jobs = jobs
        self._rules = rules  # each spec's rules, built in this process
        self._pool: Any = None

    @property
    def started(self) -> bool:
        """Whether worker processes were started (and not yet closed)."""
        return self._pool is not None

    def worth_a_pool(self, documents: int) -> bool:
        return self.jobs > 1 and documents >= self.jobs * MIN_DOCUMENTS_PER_WORKER

    def run(
        self, spec: RuleSpec, tasks: Sequence[Task], progress: Callable[[int], None]
    ) -> Iterator[Outcome]:
        """Outcomes in task order; ``progress`` is told how many tasks each chunk finished."""
        if not self.worth_a_pool(sum(t.lint for t in tasks)):
            for task in tasks:
                yield from run_tasks(spec, [task], self._rules[spec])
                progress(1)
            return
        if self._pool is None:
            context = multiprocessing.get_context()
            self._pool = context.Pool(self.jobs, initializer=_warm, initargs=(list(self._rules),))
        for outcomes in self._pool.imap(_run_chunk, [(spec, c) for c in chunks(tasks, self.jobs)]):
            # Received documents live until the run ends: keep the cyclic GC from scanning them
            # again and again while the result thread unpickles more (1,000 documents, two
            # workers: 0.9 s instead of 1.5 to 2.0 s, on a noisy machine). close() undoes it.
            gc.freeze()
            yield from outcomes
            progress(len(outcomes))

    def close(self, interrupted: bool = False) -> None:
        """Wait for the workers to exit, or stop them at once when the run was interrupted."""
        if self._pool is not None:
            gc.unfreeze()
            if interrupted:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None
