"""A run's configuration, resolved before any document is read.

Files that share a configuration form one group (one corpus): its rules (selection applied), the
rule ids directives may name, its corpus context (``--corpus-root``) and, when pair rules run, its
validated tracking model. A broken configuration, rule file or tracking model raises here, so the
run stops with one line before it reads a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lint.config import Config
from lint.core.document import Document
from lint.core.finding import Finding
from lint.core.kept import Kept, Linted, full
from lint.engine.collapse import one_per_problem
from lint.engine.configs import Configs, group_key
from lint.engine.engine import INTERNAL_ERROR, Engine, Tracking
from lint.engine.rulecache import cached_rules
from lint.engine.rules import Rule, builtin_dir, rule_files
from lint.engine.selection import Selection, did_you_mean, select_ids
from lint.engine.suppress import UNUSED, Suppressor
from lint.errors import ConfigError, InputError
from lint.io.corpus import context_files_in_folders, read_context
from lint.io.discover import expand
from lint.io.paths import forget
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


def rule_dirs(config: Config) -> list[Path]:
    return [builtin_dir(), *config.rule_dirs]


def load_tracking_model(config: Config) -> Model:
    """The configured tracking model (None: shipped), validated; ConfigError if it is not."""
    from lint.tracking.model import ModelError, load_model

    try:
        return load_model(str(config.tracking_model) if config.tracking_model else None)
    except ModelError as err:
        raise ConfigError(str(err)) from None


def prepare(group: Group, options: Options) -> None:
    """Load the group's rules, and the tracking model the configuration names (validated)."""
    files = rule_files(rule_dirs(group.config))
    if options.rules is not None:
        group.rules = options.rules
        group.known = frozenset(files) | {r.id for r in options.rules}
    else:
        ids = select_ids(files, group.config, options.selection)
        rules, problem = cached_rules(rule_dirs(group.config), ids, group.config.rules)
        group.rules = tuple(rules)
        group.warnings.extend([problem] if problem else [])
        group.known = frozenset(files)
    group.report_unused = options.report_unused_directives
    group.warnings.extend(unknown_ignored(group.config, group.known))
    if group.config.tracking_model is not None:  # a named model is checked now, pairs or not
        group.model = load_tracking_model(group.config)
    # the shipped one is loaded when a pair is made (lint.engine.engine): a lone document that
    # names no source, as a hook's, pairs nothing, and reading the model was ~8 ms of its run


def unknown_ignored(config: Config, known: Iterable[str]) -> list[str]:
    """A warning for each rule id ``per-file-ignores`` names that no rule has (a typo ignores
    nothing, silently); ``internal-error`` is known (a crashed rule's finding can be ignored)."""
    ids = {*known, INTERNAL_ERROR}
    warnings = []
    for pattern, rules in config.per_file_ignores.items():
        for rule_id in dict.fromkeys(rules):
            if rule_id not in ids:
                hint = did_you_mean(rule_id, ids)
                warnings.append(
                    f"{config.source}: per-file-ignores.{pattern}: unknown rule id "
                    f"{rule_id!r}{hint}; it ignores nothing"
                )
    return warnings


def with_originals(config: Config, options: Options) -> Config:
    if not options.originals:
        return config
    return replace(config, originals=config.originals + tuple(options.originals))


def resolve(paths: Iterable[str], options: Options) -> tuple[list[Group], list[str]]:
    """The groups of the files under ``paths``, prepared; and one-line errors for missing paths.

    Raises ConfigError or RuleError (a broken configuration, rule file or tracking model)."""
    forget()  # symbolic links may have changed since the last run in this process
    configs = Configs(options)
    groups: dict[str, Group] = {}
    errors: list[str] = []
    for item in expand(list(paths), configs):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        config = with_originals(configs.of(item), options)
        groups.setdefault(group_key(config), Group(config)).files.append(item)
    for group in groups.values():
        prepare(group, options)
    if options.corpus_root:
        _add_context(groups, options.corpus_root, configs)
        for group in groups.values():
            _use_index(group, options)
    return list(groups.values()), errors


def text_group(names: Sequence[str], options: Options) -> Group:
    """The one group in-memory texts named ``names`` are linted as, prepared.

    Without ``options.corpus_root``: ``--config`` or the default configuration, no corpus
    context. With it, the names are files (which need not exist): their configuration is found as
    for a file on disk (``--config`` or the nearest ``newslint.yaml`` of the first), and every
    corpus file under the root but the named ones is corpus context for the corpus and pair
    rules, read through the persistent corpus index when ``options.cache`` is set."""
    configs = Configs(options)
    root = options.corpus_root
    if root is None:
        config = configs.fixed or Config(root=Path.cwd())
    else:
        config = configs.of(Path(names[0]) if names else root)
    group = Group(with_originals(config, options), [Path(name) for name in names])
    prepare(group, options)
    if root is not None:
        _add_context({group_key(config): group}, root, configs)
        _use_index(group, options)
    return group


def _use_index(group: Group, options: Options) -> None:
    """The persistent corpus index lives in the cache folder: used when the cache is."""
    if options.cache:
        from lint.io.cache import directory_for

        group.index_dir = directory_for(group.config.root, options.cache_dir)


def _add_context(groups: dict[str, Group], root: Path, configs: Configs) -> None:
    """Every corpus file under ``root`` joins its group's context (only corpus and pair rules
    read the context, so only groups running them get one). A file's group is its folder's
    (looked up once per folder the walk enters: per file, that was a third of a 20,000-file
    hook's walk)."""
    wanting = {k for k, g in groups.items() if g.looks_across}
    if not wanting:
        return
    linted = [path for group in groups.values() for path in group.files]
    last: Path | None = None
    folder_key = ""
    for path, folder in context_files_in_folders(root, linted, configs):
        if folder is None:  # a symbolic link: its own configuration, as before
            group_key = configs.key(path)
        else:
            if folder is not last:
                last, folder_key = folder, configs.key(folder, is_dir=True)
            group_key = folder_key
        if group_key in wanting:
            groups[group_key].context.append(path)
