"""One group's run: read sources, take what the cache has, lint the rest, then the corpus rules.

Per-document findings come from the cache or from :class:`lint.engine.parallel.Runner` (here or
in worker processes); corpus and pair rules run once, in this process, over every document, then
``finish`` (inline directives, per-file ignores) over everything. When the cache holds the
finished findings for exactly this set of documents, nothing is parsed at all. The findings
(unsorted, in document order) are the same whatever came from where.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.core.document import Document
from lint.core.finding import Finding
from lint.engine.engine import Engine
from lint.engine.parallel import Runner, Task
from lint.errors import InputError
from lint.io.cache import Cache, corpus_key
from lint.io.progress import Progress
from lint.io.sources import Source, read_sources

Finish = Callable[[list[Finding], list[Document]], list[Finding]]


def _sources(files: Iterable[Path], errors: list[str]) -> list[Source]:
    sources = []
    for path in files:
        for item in read_sources(path):
            if isinstance(item, InputError):
                errors.append(str(item))
            else:
                sources.append(item)
    return sorted(sources, key=lambda s: (s.name, s.line))


@dataclass(frozen=True)
class GroupResult:
    findings: list[Finding]
    errors: list[str]
    paths: tuple[str, ...]  # every document read (path), for formats that list clean files
    documents: list[Document] | None  # None when the cache held the finished findings


@dataclass
class _Plan:
    """What the cache already holds for a group, and what is left to do."""

    keys: list[str]  # per source ("" without a cache)
    found: list[list[Finding] | None]  # per source: its per-document findings, once known
    corpus_key: str

    def tasks(self, sources: Sequence[Source]) -> list[Task]:
        # every document is kept: corpus and pair rules and the directives need them all
        pairs = enumerate(zip(sources, self.found, strict=True))
        return [Task(i, s, f is None, True) for i, (s, f) in pairs]


def _plan(sources: Sequence[Source], cache: Cache | None) -> _Plan:
    if cache is None:
        return _Plan([""] * len(sources), [None] * len(sources), "")
    keys = [cache.key(s) for s in sources]
    found = [cache.unit(s, k) for s, k in zip(sources, keys, strict=True)]
    return _Plan(keys, found, corpus_key(cache.fingerprint, keys))


def lint_group(
    files: Iterable[Path],
    group: int,
    engine: Engine,
    runner: Runner,
    cache: Cache | None,
    progress: Progress,
    finish: Finish,
    context: Sequence[Document] = (),
    need_documents: bool = False,
) -> GroupResult:
    """The findings of one group of files sharing a configuration, and one-line errors.

    ``context`` documents (``--corpus-root``) are seen by corpus and pair rules only; a run with
    context, or one whose caller ``need_documents``, never takes the finished-findings shortcut.
    """
    errors: list[str] = []
    sources = _sources(files, errors)
    plan = _plan(sources, cache)
    paths = tuple(dict.fromkeys(s.name for s in sources))
    if cache and not context and not need_documents and all(f is not None for f in plan.found):
        done = cache.corpus(plan.corpus_key)
        if done is not None:
            return GroupResult(done, errors, paths, None)
    tasks = plan.tasks(sources)
    progress.add(len(tasks))
    documents: list[Document] = []
    for outcome in runner.run(group, tasks, progress.advance):
        if outcome.error is not None:
            errors.append(outcome.error)
        if outcome.findings is not None:
            plan.found[outcome.index] = list(outcome.findings)
            if cache:
                cache.put_unit(sources[outcome.index], plan.keys[outcome.index], outcome.findings)
        if outcome.document is not None:
            documents.append(outcome.document)
    if engine.corpus_rules:
        progress.stage("corpus rules")
    found = [f for unit in plan.found if unit for f in unit]
    finished = finish(found + engine.check_corpus(documents, context), documents)
    if cache and not context:
        cache.put_corpus(plan.corpus_key, finished)
    read = tuple(dict.fromkeys(d.path for d in documents))
    return GroupResult(finished, errors, read, documents)
