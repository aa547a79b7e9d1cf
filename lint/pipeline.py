"""One group's run: read sources, take what the cache has, lint the rest, then the corpus rules.

Per-document findings come from the cache or from :class:`lint.parallel.Runner` (here or in worker
processes); corpus rules run once, in this process, over every document, unless the cache holds
their findings for exactly this set of documents, in which case nothing is parsed at all. The
findings (unsorted, in document order) are the same whatever came from where.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    keys = [cache.key(s) for s in sources] if cache else [""] * len(sources)
    per_unit = [cache.unit(s, k) if cache else None for s, k in zip(sources, keys, strict=True)]
    corpus: list[Finding] | None = [] if not engine.corpus_rules else None
    ckey = corpus_key(cache.fingerprint, keys) if cache else ""
    if cache and corpus is None:
        corpus = cache.corpus(ckey)
    keep = corpus is None  # the corpus rules will need every document
    tasks = [
        Task(i, s, per_unit[i] is None, keep)
        for i, s in enumerate(sources)
        if per_unit[i] is None or keep
    ]
    progress.add(len(tasks))
    documents: list[Document] = []
    for outcome in runner.run(spec, tasks, progress.advance):
        if outcome.error is not None:
            errors.append(outcome.error)
        if outcome.findings is not None:
            per_unit[outcome.index] = list(outcome.findings)
            if cache:
                cache.put_unit(sources[outcome.index], keys[outcome.index], outcome.findings)
        if outcome.document is not None:
            documents.append(outcome.document)
    if corpus is None:
        progress.stage("corpus rules")
        corpus = engine.check_corpus(documents)
        if cache:
            cache.put_corpus(ckey, corpus)
    findings = [f for found in per_unit if found for f in found]
    return findings + corpus, errors
