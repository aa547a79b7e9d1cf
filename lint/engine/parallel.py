"""Per-document work, in this process or spread over worker processes (``--jobs``).

Rules are plain values: each worker receives every group's :class:`Work` (rules and JSONL fields)
once, in the pool initializer, and chunks name their group by index. Tasks carry sources (bytes,
cheap to pickle) in chunks; a worker parses them, runs the per-document rules and sends back
findings, plus the parsed document when the parent needs it for corpus rules; a source that
cannot be read gives its ``unreadable-file`` finding instead (cached, like any source's findings,
by its bytes). Results come back in task order, so the output is the same for any ``--jobs``.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lint.core.document import PORTABLE_MEMO, Document
from lint.core.finding import Finding
from lint.core.kept import Kept, Linted
from lint.engine import learned
from lint.engine.engine import Engine
from lint.engine.rules import Rule
from lint.engine.suppress import mentions_directives
from lint.engine.unreadable import finding as unreadable_finding
from lint.engine.unreadable import rule_of
from lint.errors import InternalError, NewslintError
from lint.io.files import Unreadable
from lint.io.records import JsonlFields
from lint.io.sources import Source
from lint.kinds.base import Scope

#: Below this many documents per worker, starting processes is not worth it: a forked pool of two
#: starts and unpickles its rules in about 0.02 s (spawned workers, as on macOS, take longer), and
#: 25 documents are some 50 ms of work.
MIN_DOCUMENTS_PER_WORKER = 25
_CHUNKS_PER_WORKER = 4  # several chunks each, so a slow chunk does not leave a worker idle
_MAX_CHUNK = 64
_MIN_CHUNK = 4  # the last chunks' size (a chunk costs an engine and a round trip)
_POLL = 0.5  # seconds between checks that every worker is still alive


class WorkerDied(NewslintError):
    """A worker process ended while the run still needed it (killed, out of memory)."""


@dataclass(frozen=True)
class Work:
    """What a process needs to lint one group's documents: its rules and how to parse JSONL."""

    rules: tuple[Rule, ...]
    fields: JsonlFields


@dataclass(frozen=True)
class Task:
    """One source to handle: ``lint`` runs the per-document rules, ``keep`` returns the document
    (with ``compact``, only what the later stages read of it: a :class:`lint.core.kept.Kept`)."""

    index: int
    source: Source
    lint: bool
    keep: bool
    compact: bool = False


@dataclass(frozen=True)
class Outcome:
    index: int
    findings: tuple[Finding, ...] | None  # None when the task did not lint
    document: Linted | None  # when kept (never for a source that could not be read)


_Chunk = tuple[list[Outcome], tuple[learned.Pattern, ...]]  # a chunk's outcomes; patterns learned

_WORKS: list[Work] = []  # in a worker process: every group's work, from the initializer


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGTERM to this worker when the parent process dies, so a
    killed run leaves no worker behind (elsewhere the pool's pipes end them)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _warm(works: Sequence[Work]) -> None:
    """Pool initializer: keep every group's rules in the worker. Ctrl-C is left to the parent,
    which stops the pool, so workers do not print a traceback each; SIGTERM ends a worker at once,
    without a traceback, and so does the parent's death."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        _die_with_parent()
    _WORKS[:] = works
    learned.forked()


def run_tasks(work: Work, tasks: Sequence[Task]) -> list[Outcome]:
    """Handle a chunk of tasks with one engine (its line indexes live as long as the chunk)."""
    engine = Engine(work.rules)
    unreadable = rule_of(work.rules)
    outcomes = []
    for task in tasks:
        try:
            outcomes.append(_run_task(engine, unreadable, work, task))
        except NewslintError:
            raise
        except Exception as err:  # not a rule's (those are findings): stop, naming the document
            raise InternalError.of(err, task.source.slot) from err
    return outcomes


def _run_task(engine: Engine, unreadable: Rule | None, work: Work, task: Task) -> Outcome:
    result = task.source.parse(work.fields)
    if isinstance(result, Unreadable):
        found = (unreadable_finding(unreadable, result),) if unreadable else ()
        return Outcome(task.index, found if task.lint else None, None)
    try:
        return _lint_task(engine, work, task, result)
    finally:
        # The text layer's analysis points back at its document (a cycle): left in the memo,
        # every document's analysis (thousands of objects) waited for the cyclic GC, which
        # scanned it in each young collection until then. The outcome holds what travels
        # (``Document.portable``, ``Kept``: copies of the portable memo), so the rest goes now.
        for key in [k for k in result.memo if k not in PORTABLE_MEMO]:
            del result.memo[key]


def _lint_task(engine: Engine, work: Work, task: Task, result: Document) -> Outcome:
    findings = tuple(engine.check_document(result)) if task.lint else None
    if not task.keep:
        return Outcome(task.index, findings, None)
    for rule in engine.corpus_rules:  # their per-document part, here rather than in the parent
        if rule.level is Scope.PAIR:  # pair kinds prepare nothing (their modules stay unloaded)
            continue
        if (prepare := rule.kind_impl.prepare) is not None:
            prepare(result, result.blocks_of(rule.scope), rule.options)
    if task.compact:
        kept = Kept.of(result, mentions_directives(result, work.fields.directives))
        return Outcome(task.index, findings, kept)
    # the text layer's analysis stays behind: ten times the document's size to pickle
    return Outcome(task.index, findings, result.portable())


def _run_chunk(job: tuple[int, Sequence[Task]]) -> _Chunk:
    """A chunk's outcomes, with the patterns the worker compiled for it that the start-up
    cache lacks (see :mod:`lint.engine.learned`)."""
    group, tasks = job
    outcomes = run_tasks(_WORKS[group], tasks)
    return outcomes, learned.new()


def chunks(tasks: Sequence[Task], jobs: int) -> list[Sequence[Task]]:
    """``tasks`` in order, cut into chunks that shrink towards the end (guided scheduling): a
    chunk is at most a ``jobs * _CHUNKS_PER_WORKER``-th of the run and of what is left, so the
    workers finish together instead of one idling while the other does a last full chunk (64
    documents, some 0.2 s)."""
    size = max(1, min(_MAX_CHUNK, len(tasks) // (jobs * _CHUNKS_PER_WORKER) or 1))
    found: list[Sequence[Task]] = []
    start = 0
    while start < len(tasks):
        left = len(tasks) - start
        step = max(min(size, _MIN_CHUNK), min(size, left // (jobs * _CHUNKS_PER_WORKER)))
        found.append(tasks[start : start + step])
        start += step
    return found


def cpu_count() -> int:
    """CPUs this process may use (the affinity mask, where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class Runner:
    """Runs task chunks serially, or in a process pool started on first need and reused."""

    def __init__(self, jobs: int, works: Sequence[Work]) -> None:
        self.jobs = jobs
        self.works = list(works)  # each group's work; ``run`` names one by its index
        self._pool: Any = None
        self._workers: list[Any] = []  # the pool's first processes; any exit is a death

    @property
    def started(self) -> bool:
        """Whether worker processes were started (and not yet closed)."""
        return self._pool is not None

    def worth_a_pool(self, documents: int) -> bool:
        return self.jobs > 1 and documents >= self.jobs * MIN_DOCUMENTS_PER_WORKER

    def run(
        self, group: int, tasks: Sequence[Task], progress: Callable[[int], None]
    ) -> Iterator[Outcome]:
        """Outcomes in task order; ``progress`` is told how many tasks each chunk finished."""
        if not self.worth_a_pool(sum(t.lint for t in tasks)):
            for task in tasks:
                yield from run_tasks(self.works[group], [task])
                progress(1)
            return
        if self._pool is None:
            import multiprocessing  # only when a pool starts (a hook run never needs one)

            context = multiprocessing.get_context()
            if context.get_start_method() == "fork":
                # The first document linted here, before the fork: what a process builds on its
                # first document (lazy imports, compiled patterns, gates) is then built once
                # and inherited, not once per worker. Its outcome comes first, as in order.
                first = next((i for i, t in enumerate(tasks) if t.lint), None)
                if first is not None:
                    for task in tasks[: first + 1]:
                        yield from run_tasks(self.works[group], [task])
                        progress(1)
                    tasks = tasks[first + 1 :]
            self._pool = context.Pool(self.jobs, initializer=_warm, initargs=(self.works,))
            self._workers = list(getattr(self._pool, "_pool", []))
        results = self._pool.imap(_run_chunk, [(group, c) for c in chunks(tasks, self.jobs)])
        for outcomes, patterns in self._watched(results):
            if patterns:  # compiled by a worker: compiled here too, so that the run saves them
                learned.learn(patterns)
            # Received documents live until the run ends: keep the cyclic GC from scanning them
            # again and again while the result thread unpickles more (1,000 documents, two
            # workers: 0.9 s instead of 1.5 to 2.0 s, on a noisy machine). close() undoes it.
            gc.freeze()
            yield from outcomes
            progress(len(outcomes))

    def _watched(self, results: Iterator[_Chunk]) -> Iterator[_Chunk]:
        """``results`` as they come, failing with :class:`WorkerDied` if a worker process ends
        (the pool would replace it and wait forever for the chunk it held)."""
        import multiprocessing  # imported by the pool that made ``results``

        while True:
            try:
                yield results.next(timeout=_POLL)  # type: ignore[attr-defined]
            except StopIteration:
                return
            except multiprocessing.TimeoutError:
                dead = next((p for p in self._workers if p.exitcode is not None), None)
                if dead is not None:
                    self.close(interrupted=True)
                    how = (
                        f"killed by signal {-dead.exitcode}"
                        if dead.exitcode < 0
                        else f"exit status {dead.exitcode}"
                    )
                    raise WorkerDied(
                        f"a worker process died ({how}; out of memory?); the run was stopped"
                    ) from None

    def close(self, interrupted: bool = False) -> None:
        """Wait for the workers to exit, or stop them at once when the run was interrupted."""
        if self._pool is not None:
            gc.unfreeze()
            if interrupted:
                _stop(self._pool)
            else:
                self._pool.close()
                self._pool.join()
            self._pool = None
            self._workers = []


def _stop(pool: Any) -> None:
    """Kill the pool's workers and forget the pool, without ``Pool.terminate``: that first takes
    the task queue's lock, which a worker killed while waiting for a task (by the OOM killer, or a
    SIGTERM sent to the whole process group) holds forever, so it would hang."""
    from multiprocessing.pool import TERMINATE

    handler = getattr(pool, "_worker_handler", None)
    if handler is not None:
        handler._state = TERMINATE  # start no replacement workers
    workers = list(getattr(pool, "_pool", []))
    for process in workers:
        if process.exitcode is None:
            process.kill()
    for process in workers:
        process.join(timeout=5)
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None:
        finalizer.cancel()  # the exit-time terminate would take the same lock
