"""One group's run: read sources, take what the cache has, lint the rest, then the corpus rules.

Per-document findings come from the cache or from :class:`lint.parallel.Runner` (here or in worker
processes); corpus rules run once, in this process, over every document, unless the cache holds
their findings for exactly this set of documents, in which case nothing is parsed at all. The
findings (unsorted, in document order) are the same whatever came from where.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.cache import Cache, corpus_key
from lint.document import Document
from lint.engine import Engine
from lint.errors import InputError
from lint.finding import Finding
from lint.parallel import RuleSpec, Runner, Task
from lint.progress import Progress
from lint.rules import Rule
from lint.sources import Source, read_sources


def _sources(files: Iterable[Path], errors: list[str]) -> list[Source]:
    sources = []
    for path in files:
        for item in read_sources(path):
            if isinstance(item, InputError):
                errors.append(str(item))
            else:
                sources.append(item)
    return sorted(sources, key=lambda s: (s.name, s.line))


@dataclass
class _Plan:
    """What the cache already holds for a group, and what is left to do."""

    keys: list[str]  # per source ("" without a cache)
    found: list[list[Finding] | None]  # per source: its per-document findings, once known
    corpus: list[Finding] | None  # the corpus rules' findings, once known
    corpus_key: str

    def tasks(self, sources: Sequence[Source]) -> list[Task]:
        keep = self.corpus is None  # the corpus rules will need every document
        missing = [f is None for f in self.found]
        return [Task(i, s, missing[i], keep) for i, s in enumerate(sources) if missing[i] or keep]


def _plan(sources: Sequence[Source], cache: Cache | None, corpus_rules: bool) -> _Plan:
    if cache is None:
        return _Plan([""] * len(sources), [None] * len(sources), None if corpus_rules else [], "")
    keys = [cache.key(s) for s in sources]
    found = [cache.unit(s, k) for s, k in zip(sources, keys, strict=True)]
    ckey = corpus_key(cache.fingerprint, keys)
    return _Plan(keys, found, cache.corpus(ckey) if corpus_rules else [], ckey)


def lint_group(
    files: Iterable[Path],
    spec: RuleSpec,
    rules: Sequence[Rule],
    runner: Runner,
    cache: Cache | None,
    progress: Progress,
) -> tuple[list[Finding], list[str]]:
    """(findings, one-line errors) of one group of files sharing a configuration."""
    errors: list[str] = []
    sources = _sources(files, errors)
    engine = Engine(rules)
    plan = _plan(sources, cache, bool(engine.corpus_rules))
    tasks = plan.tasks(sources)
    progress.add(len(tasks))
    documents: list[Document] = []
    for outcome in runner.run(spec, tasks, progress.advance):
        if outcome.error is not None:
            errors.append(outcome.error)
        if outcome.findings is not None:
            plan.found[outcome.index] = list(outcome.findings)
            if cache:
                cache.put_unit(sources[outcome.index], plan.keys[outcome.index], outcome.findings)
        if outcome.document is not None:
            documents.append(outcome.document)
    if plan.corpus is None:
        progress.stage("corpus rules")
        plan.corpus = engine.check_corpus(documents)
        if cache:
            cache.put_corpus(plan.corpus_key, plan.corpus)
    return [f for found in plan.found if found for f in found] + plan.corpus, errors
