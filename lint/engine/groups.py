"""A run's options, and its groups: files that share a configuration.

Files that share a configuration form one group (one corpus): its rules (selection applied), the
rule ids directives may name, its corpus context (``--corpus-root``) and, when pair rules run, its
validated tracking model. :mod:`lint.engine.resolve` makes and prepares the groups of a run (a
broken configuration, rule file or tracking model raises there, before any document is read); a
:class:`Group` reads its corpus context (through the persistent corpus index when the cache is
used) and finishes its findings (directives, per-file ignores, one finding per problem).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lint.config import Config
from lint.core.document import Document
from lint.core.finding import Finding
from lint.core.kept import Kept, Linted, full
from lint.engine.collapse import one_per_problem
from lint.engine.engine import Engine, Tracking
from lint.engine.rules import Rule
from lint.engine.selection import Selection
from lint.engine.suppress import UNUSED, Suppressor
from lint.io.corpus import read_context
from lint.kinds.base import CORPUS_SCOPES, Scope

if TYPE_CHECKING:
    from lint.io.index import CorpusIndex
    from lint.tracking.model import Model
    from lint.tracking.pairing import Pair


@dataclass(frozen=True)
class Options:
    """What a run does besides the paths: the command line's shared options, and more."""

    config: Path | None = None  # one configuration file for every path
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    originals: tuple[str, ...] = ()  # globs, added to the configuration's
    corpus_root: Path | None = None
    report_unused_directives: bool = False
    rules: tuple[Rule, ...] | None = None  # these rules instead of the configured ones (tests)
    jobs: int = 1
    cache: bool = False
    cache_dir: Path | None = None
    baseline: Path | None = None  # report only findings this baseline does not hold
    keep_documents: bool = False  # Run.documents: the parsed documents
    progress: TextIO | None = None  # where a progress bar goes (a terminal), if anywhere
    exclude: tuple[str, ...] | None = None  # --exclude: replaces the configuration's exclude
    extend_exclude: tuple[str, ...] = ()  # --extend-exclude
    #: where the run writes (--output, --output-shards, --stage-dir): never read as articles
    outputs: tuple[Path, ...] = ()

    @property
    def selection(self) -> Selection:
        unused = (UNUSED,) if self.report_unused_directives else ()
        return Selection(self.select, (*self.extend_select, *unused), tuple(self.ignore))


@dataclass
class Group:
    """Files that share one configuration: one corpus, with its rules."""

    config: Config
    files: list[Path] = field(default_factory=list)
    rules: tuple[Rule, ...] = ()
    known: frozenset[str] = frozenset()  # every rule id a directive may name
    report_unused: bool = False  # --report-unused-directives
    context: list[Path] = field(default_factory=list)  # read by corpus rules, not reported
    model: Model | None = None  # the named tracking model, validated (None: the shipped one)
    warnings: list[str] = field(default_factory=list)
    index_dir: Path | None = None  # the persistent corpus index's folder (the cache's), if used
    _context_documents: list[Document] | None = None
    _index: CorpusIndex | None = None
    _index_warned: int = 0  # the index's warnings (and unread context files) already taken

    @property
    def looks_across(self) -> bool:
        """Whether corpus or pair rules run (they read the corpus context)."""
        return any(r.level in CORPUS_SCOPES for r in self.rules)

    def engine(self) -> Engine:
        config = self.config
        return Engine(self.rules, Tracking(lambda d: config.is_original(d.path), self.model))

    def context_documents(self) -> list[Document]:
        """The whole corpus context, read once (``--fix`` lints a group several times)."""
        if self._context_documents is None:
            if self.index_dir is not None and self.context:
                index = self._open_index()
                self._context_documents, unread = index.read()
                self._take_warnings(index, unread)
            else:
                self._context_documents, unread = read_context(self.context, self.config.jsonl)
                self.warnings.extend(f"{error} (corpus context)" for error in unread)
        return self._context_documents

    def context_for(self, documents: Sequence[Linted]) -> list[Document]:
        """The corpus context the corpus and pair rules need to lint ``documents``: through the
        corpus index, only the context documents that can bear on their findings (see
        :mod:`lint.engine.context`), or all of them when pairing could use any; the same
        findings as with :meth:`context_documents`."""
        if self.index_dir is None or not self.context or self._context_documents is not None:
            return self.context_documents()
        index = self._open_index()
        if index.selector is None or self._pairing_needs_all(index, documents):
            return self.context_documents()
        found, unread = index.select([full(d) for d in documents])  # a hook's few staged files
        self._take_warnings(index, unread)
        return found

    def _open_index(self) -> CorpusIndex:
        if self._index is None or self._index.done:
            from lint.engine.context import Selector
            from lint.io.index import CorpusIndex

            assert self.index_dir is not None
            selector = Selector.of(self.rules)
            self._index = CorpusIndex.load(self.index_dir, self.config.jsonl, selector)
            self._index.refresh(self.context)
            self._index_warned = -1
        return self._index

    def _take_warnings(self, index: CorpusIndex, unread: Sequence[object]) -> None:
        """The index's warnings not taken yet, and the unreadable context files (once)."""
        if self._index_warned < 0:
            self.warnings.extend(f"{error} (corpus context)" for error in unread)
            self._index_warned = 0
        self.warnings.extend(index.warnings[self._index_warned :])
        self._index_warned = len(index.warnings)

    def _pairing_needs_all(self, index: CorpusIndex, documents: Sequence[Linted]) -> bool:
        """Whether pair rules run and a document names a source or is an original: pairing
        may then use any context document (without either, it pairs nothing)."""
        if not any(r.level is Scope.PAIR for r in self.rules):
            return False
        if any(d.metadata.get("source") not in (None, "") for d in documents):
            return True
        config = self.config
        return index.needs_all(config.is_original if config.originals else None)

    def save_index(self) -> None:
        """Save the corpus index, once the corpus rules have run (they fill the memos it keeps);
        a warning if that fails."""
        index = self._index
        if index is not None and not index.done:
            problem = index.save()
            # a part found corrupt only now (read to write the index again: rebuilt) says so too
            taken = max(self._index_warned, 0)
            self.warnings.extend(index.warnings[taken:])
            self._index_warned = len(index.warnings)
            self.warnings.extend([problem] if problem else [])

    def finish(self, findings: Sequence[Finding], documents: Sequence[Linted]) -> list[Finding]:
        """Inline directives, per-file ignores, then one finding per problem. A kept document
        (:mod:`lint.core.kept`) is parsed again for its directives only when it has some."""
        fields = self.config.jsonl.directives
        suppressor = Suppressor(self.rules, self.known, self.report_unused, fields)
        directed = [full(d) for d in documents if not isinstance(d, Kept) or d.directives]
        kept = suppressor.apply(findings, directed)
        ignored = {path: self.config.ignored_for(path) for path in {f.path for f in kept}}
        kept = [f for f in kept if f.rule not in ignored[f.path]]
        pair_rules = {r.id for r in self.rules if r.level is Scope.PAIR}
        return one_per_problem(kept, documents, pair_rules)

    def lint(self, documents: Sequence[Document]) -> tuple[list[Finding], list[Pair]]:
        """Findings on ``documents`` in this process, without the cache, and the pairs made."""
        engine = self.engine()
        findings = engine.run(documents, context=self.context_for(documents))
        self.save_index()
        return self.finish(findings, documents), engine.pairs
