"""The one run pipeline: ``lint_paths`` and ``lint_texts`` -> :class:`~lint.engine.outcome.Run`.

Every command goes through here: files grouped by configuration (rules, selection, corpus context
and tracking model resolved first, see :mod:`lint.engine.resolve`), then per group the cache, the
per-document rules (here or in ``--jobs`` worker processes), the corpus and pair rules once over
every document, inline directives and per-file ignores; then baseline subtraction over the run.
When the cache holds the finished findings for exactly a group's documents, nothing is parsed.
The findings are the same whatever came from where. A file or JSONL record that cannot be read is
an ``unreadable-file`` finding (see :mod:`lint.engine.unreadable`), not an error of the run; a run
that finds no article at all under its paths says so in a warning.
"""

from __future__ import annotations

import functools
import gc
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from lint.core.document import Document
from lint.core.kept import Kept, Linted, full
from lint.engine.feed import CorpusFeed
from lint.engine.groups import Group, Options
from lint.engine.outcome import Part, Run
from lint.engine.parallel import Runner, Work
from lint.engine.plan import Plan, group_cache, plan_for
from lint.engine.resolve import resolve, text_group
from lint.engine.unreadable import findings as unreadable_findings
from lint.io.cache import Cache
from lint.io.files import Unreadable
from lint.io.progress import Progress
from lint.io.records import JsonlFields
from lint.io.sources import Source, read_sources, split_sources

__all__ = ["Options", "lint_groups", "lint_paths", "lint_texts", "lint_texts_in"]


def lint_paths(paths: Iterable[str], options: Options | None = None) -> Run:
    """Lint the files under ``paths``. Raises ConfigError or RuleError (exit 2) before reading
    any document; a missing path is an error of the run, which goes on; an unreadable file is a
    finding."""
    paths = list(paths)
    options = options or Options()
    # The text layer allocates many short-lived containers per document, and loading the rules
    # many that live as long as the run; the cyclic GC's default (a young collection every 700
    # allocations) spent ~10% of a run finding nothing to free.
    threshold = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG, *threshold[1:])
    try:
        groups, errors = resolve(paths, options)
        known = None
        if options.baseline:  # imported when asked for (a one-file run without it saves ~2 ms)
            from lint.io import baseline

            known = baseline.load(options.baseline)
        # Rules, lexicons and modules live as long as the run: keep the cyclic GC from scanning
        # them again and again (``_per_document`` does the same for the documents it keeps).
        gc.freeze()
        try:
            run = lint_groups(groups, errors, options, known)
        finally:
            gc.unfreeze()
    finally:
        gc.set_threshold(*threshold)
    nothing = no_articles(paths, groups)
    return replace(run, warnings=(*run.warnings, nothing)) if nothing else run


def no_articles(paths: Sequence[str], groups: Sequence[Group]) -> str | None:
    """A warning when the existing ``paths`` hold no article to lint (an empty folder, or every
    file excluded); None when there are articles, or no path exists (each is an error)."""
    existing = [p for p in paths if Path(p).exists()]
    if not existing or any(g.files for g in groups):
        return None
    where = ", ".join(existing)
    return (
        f"no articles found under {where} (no .txt, .md, .markdown, .jsonl or .parquet file "
        "that is not excluded); nothing was linted"
    )


def lint_groups(
    groups: Sequence[Group], errors: Sequence[str], options: Options, known: Counter[str] | None
) -> Run:
    """Lint resolved ``groups``; with ``known`` (``options.baseline`` read), without the
    findings it holds. ``errors`` are those found so far."""
    keep = options.keep_documents or known is not None  # fingerprints read the text
    parts, warnings = _lint_groups(groups, options, keep)
    run = Run.of(parts, errors, warnings)
    if options.baseline is not None and known is not None:
        return without_baseline(run, options.baseline, known)
    return run


def lint_texts(
    texts: Mapping[str, str | bytes],
    options: Options | None = None,
    corpus_root: Path | str | None = None,
) -> Run:
    """Lint in-memory texts (name -> text, or a file's bytes; the name's suffix picks the reader,
    as for a file: ``.jsonl`` is a record per line), as one corpus, in this process, without the
    findings cache (tests, an editor server, benchmarks).

    With ``corpus_root`` (or ``options.corpus_root``) the names are paths, as in ``newslint check
    --corpus-root``: the configuration is the one a file of that name would get, and the other
    corpus files under the root are the corpus rules' context, read through the persistent
    corpus index when ``options.cache`` is set (a second call reads only the files that
    changed). The texts are linted in place of any files of those names."""
    options = options or Options()
    if corpus_root is not None:
        options = replace(options, corpus_root=Path(corpus_root))
    return lint_texts_in(text_group(list(texts), options), texts)


def lint_texts_in(group: Group, texts: Mapping[str, str | bytes]) -> Run:
    """Lint in-memory ``texts`` as :func:`lint_texts` does, with a group already prepared (see
    :func:`lint.engine.resolve.text_group`; its corpus context is read on first use and kept)."""
    documents: list[Document] = []
    unread: list[Unreadable] = []
    for name, text in texts.items():
        data = text.encode("utf-8") if isinstance(text, str) else text
        for source in split_sources(name, data):
            result = source.parse(group.config.jsonl)
            if isinstance(result, Unreadable):
                unread.append(result)
            else:
                documents.append(result)
    findings, pairs = group.lint(documents)
    findings += group.finish(unreadable_findings(group.rules, unread), [])  # per-file ignores
    part = Part(group, tuple(sorted(findings)), tuple(documents), tuple(texts), tuple(pairs))
    return Run.of([part], (), group.warnings)


def without_baseline(run: Run, path: Path, known: Counter[str]) -> Run:
    """``run`` without the findings the baseline ``known`` (read from ``path``) holds."""
    from lint.io import baseline

    entries = baseline.entries(run.findings, run.documents, path.parent)
    new = baseline.subtract(run.findings, entries, known)
    kept = set(new)
    parts = tuple(replace(p, findings=tuple(f for f in p.findings if f in kept)) for p in run.parts)
    return replace(run, parts=parts, findings=tuple(new))


def _lint_groups(
    groups: Sequence[Group], options: Options, keep: bool
) -> tuple[list[Part], list[str]]:
    """Every group through the cache and the workers, with a progress bar if asked."""
    progress = Progress(options.progress)
    runner = Runner(options.jobs, [Work(g.rules, g.config.jsonl) for g in groups])
    parts: list[Part] = []
    warnings: list[str] = []
    untracked: dict[Path, bool] = {}  # cache folder -> not tracked by git (asked once a run)
    try:
        for index, group in enumerate(groups):
            cache = group_cache(options, group, untracked, warnings)
            parts.append(_lint_group(group, index, runner, cache, progress, keep))
            problem = cache.save() if cache else None
            warnings.extend(group.warnings + ([problem] if problem else []))
    except BaseException:
        runner.close(interrupted=True)
        raise
    finally:
        progress.close()
    runner.close()
    return parts, warnings


def _sources(files: Iterable[Path]) -> list[Source]:
    sources = [source for path in files for source in read_sources(path)]
    return sorted(sources, key=lambda s: (s.name, s.line))


#: allocations between two young collections of the cyclic GC during a run (Python's default: 700)
_GC_YOUNG = 20_000

#: kept documents between two ``gc.freeze()`` calls
_FREEZE_EVERY = 128


def _lint_group(
    group: Group,
    index: int,
    runner: Runner,
    cache: Cache | None,
    progress: Progress,
    keep: bool,
) -> Part:
    """One group: a run with corpus context, or one that must ``keep`` its documents, never
    takes the finished-findings shortcut."""
    sources = _sources(group.files)
    plan = plan_for(sources, cache)
    if cache and not group.context and not keep and all(f is not None for f in plan.found):
        done = cache.corpus(plan.corpus_key)
        if done is not None:
            paths = tuple(dict.fromkeys(s.name for s in sources))
            return Part(group, tuple(sorted(done)), (), paths)
    engine = group.engine()
    # the corpus rules' work on each document as it comes, while the workers lint the next ones
    # (without corpus context: a hook's context is known once every document is)
    feed = engine.feed(len(sources)) if not group.context else None
    documents = _per_document(group, index, runner, sources, plan, cache, progress, not keep, feed)
    if engine.corpus_rules:
        progress.stage("corpus rules")
    found = [f for unit in plan.found if unit for f in unit]
    context = group.context_for(documents)
    corpus = engine.check_corpus(documents, context)  # with what ``feed`` did
    finished = group.finish(found + corpus, documents)
    group.save_index()
    if cache and not group.context:
        cache.put_corpus(plan.corpus_key, finished)
    read = tuple(dict.fromkeys(s.name for s in sources))  # as a warm run lists them
    kept = tuple(full(d) for d in documents) if keep else ()  # kept whole when ``keep``
    return Part(group, tuple(sorted(finished)), kept, read, tuple(engine.pairs))


def _per_document(
    group: Group,
    index: int,
    runner: Runner,
    sources: Sequence[Source],
    plan: Plan,
    cache: Cache | None,
    progress: Progress,
    compact: bool,
    feed: CorpusFeed | None = None,
) -> list[Linted]:
    """Parse every source and run the per-document rules on those the cache does not hold.

    With ``compact``, each document is dropped once its per-document stage is done: what the
    corpus and pair rules, the directives and the one-finding-per-problem pass read of it is
    kept (:class:`lint.core.kept.Kept`), and the source's bytes, read already, parse it again
    for the rare stage that needs its text. ``feed`` is given each document as it comes."""
    tasks = plan.tasks(sources, compact)
    progress.add(len(tasks))
    fields = group.config.jsonl
    documents: list[Linted] = []
    for outcome in runner.run(index, tasks, progress.advance):
        if len(documents) % _FREEZE_EVERY == _FREEZE_EVERY - 1:
            # kept documents live until the run ends: the GC need not scan them. Collect first:
            # a dropped document's analysis holds cycles, and frozen garbage is never freed
            gc.collect()
            gc.freeze()
        if outcome.findings is not None:
            plan.found[outcome.index] = list(outcome.findings)
            if cache and plan.keys[outcome.index]:
                cache.put_unit(sources[outcome.index], plan.keys[outcome.index], outcome.findings)
        if isinstance(outcome.document, Kept):
            outcome.document.reparse = functools.partial(_parse, sources[outcome.index], fields)
        if outcome.document is not None:
            documents.append(outcome.document)
            if feed is not None:
                feed.add(outcome.document)
    return documents


def _parse(source: Source, fields: JsonlFields) -> Document:
    """A kept document's source parsed again (it parsed to a document the first time)."""
    result = source.parse(fields)
    if not isinstance(result, Document):
        raise LookupError(f"{source.slot}: no longer parses to a document")
    return result
