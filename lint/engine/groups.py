"""A run's configuration, resolved before any document is read.

Files that share a configuration form one group (one corpus): its rules (selection applied), the
rule ids directives may name, its corpus context (``--corpus-root``) and, when pair rules run, its
validated tracking model. A broken configuration, rule file or tracking model raises here, so the
run stops with one line before it reads a document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lint.config import Config, Finder, load
from lint.core.document import Document
from lint.core.finding import Finding
from lint.engine.collapse import one_per_problem
from lint.engine.engine import INTERNAL_ERROR, Engine, Tracking
from lint.engine.rules import Rule, builtin_dir, load_rules, rule_files
from lint.engine.selection import Selection, did_you_mean, select_ids
from lint.engine.suppress import UNUSED, Suppressor
from lint.errors import ConfigError, InputError
from lint.io.corpus import context_files, read_context
from lint.io.discover import expand
from lint.io.paths import forget, resolved
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
    model: Model | None = None  # the validated tracking model, when pair rules run
    warnings: list[str] = field(default_factory=list)
    index_dir: Path | None = None  # the persistent corpus index's folder (the cache's), if used
    _context_documents: list[Document] | None = None
    _index: CorpusIndex | None = None

    @property
    def looks_across(self) -> bool:
        """Whether corpus or pair rules run (they read the corpus context)."""
        return any(r.level in CORPUS_SCOPES for r in self.rules)

    def engine(self) -> Engine:
        config = self.config
        return Engine(self.rules, Tracking(lambda d: config.is_original(d.path), self.model))

    def context_documents(self) -> list[Document]:
        """The corpus context, read once (``--fix`` lints a group several times)."""
        if self._context_documents is None:
            if self.index_dir is not None and self.context:
                from lint.io.index import CorpusIndex

                index = self._index = CorpusIndex.load(self.index_dir, self.config.jsonl)
                self._context_documents, unread = index.read(self.context)
                self.warnings.extend(index.warnings)
            else:
                self._context_documents, unread = read_context(self.context, self.config.jsonl)
            self.warnings.extend(f"{error} (corpus context)" for error in unread)
        return self._context_documents

    def save_index(self) -> None:
        """Save the corpus index, once the corpus rules have run (they fill the memos it keeps);
        a warning if that fails."""
        if self._index is not None:
            problem = self._index.save()
            self.warnings.extend([problem] if problem else [])

    def finish(self, findings: Sequence[Finding], documents: Sequence[Document]) -> list[Finding]:
        """Inline directives, per-file ignores, then one finding per problem."""
        fields = self.config.jsonl.directives
        suppressor = Suppressor(self.rules, self.known, self.report_unused, fields)
        kept = suppressor.apply(findings, documents)
        ignored = {path: self.config.ignored_for(path) for path in {f.path for f in kept}}
        kept = [f for f in kept if f.rule not in ignored[f.path]]
        pair_rules = {r.id for r in self.rules if r.level is Scope.PAIR}
        return one_per_problem(kept, documents, pair_rules)

    def lint(self, documents: Sequence[Document]) -> tuple[list[Finding], list[Pair]]:
        """Findings on ``documents`` in this process, without the cache, and the pairs made."""
        engine = self.engine()
        findings = engine.run(documents, context=self.context_documents())
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
    """Load the group's rules, and its tracking model when pair rules run or one is named."""
    files = rule_files(rule_dirs(group.config))
    if options.rules is not None:
        group.rules = options.rules
        group.known = frozenset(files) | {r.id for r in options.rules}
    else:
        ids = select_ids(files, group.config, options.selection)
        group.rules = tuple(load_rules(rule_dirs(group.config), ids, group.config.rules))
        group.known = frozenset(files)
    group.report_unused = options.report_unused_directives
    group.warnings.extend(unknown_ignored(group.config, group.known))
    pairs = any(r.level is Scope.PAIR for r in group.rules)
    if pairs or group.config.tracking_model is not None:
        group.model = load_tracking_model(group.config)


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


class _Configs:
    """The configuration of a path, as a run finds it: ``--config`` for every path, or the
    nearest ``newslint.yaml``; with the run's excludes."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.finder = Finder()
        self.fixed = load(options.config) if options.config else None
        self.outputs = tuple(_resolved(p) for p in options.outputs)

    def of(self, path: Path) -> Config:
        config = self.fixed or self.finder.for_directory(path if path.is_dir() else path.parent)
        return config.with_excludes(self.options.exclude, self.options.extend_exclude)

    def excluded(self, path: Path) -> bool:
        return self._written(path) or self.of(path).excludes(path)

    def _written(self, path: Path) -> bool:
        """Whether ``path`` is, or is under, a place the run writes to: its stages, shards and
        report are not articles (a rerun would lint them)."""
        if not self.outputs:
            return False
        where = _resolved(path)
        return any(where == out or where.is_relative_to(out) for out in self.outputs)

    def key(self, path: Path) -> str:
        return _key(self.of(path))


def _resolved(path: Path) -> Path:
    try:
        return resolved(path)
    except (OSError, RuntimeError):  # a symbolic link loop
        return path.absolute()


def resolve(paths: Iterable[str], options: Options) -> tuple[list[Group], list[str]]:
    """The groups of the files under ``paths``, prepared; and one-line errors for missing paths.

    Raises ConfigError or RuleError (a broken configuration, rule file or tracking model)."""
    forget()  # symbolic links may have changed since the last run in this process
    configs = _Configs(options)
    groups: dict[str, Group] = {}
    errors: list[str] = []
    for item in expand(list(paths), configs.excluded):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        config = with_originals(configs.of(item), options)
        groups.setdefault(_key(config), Group(config)).files.append(item)
    for group in groups.values():
        prepare(group, options)
    if options.corpus_root:
        _add_context(groups, options.corpus_root, configs.key, configs.excluded)
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
    configs = _Configs(options)
    root = options.corpus_root
    if root is None:
        config = configs.fixed or Config(root=Path.cwd())
    else:
        config = configs.of(Path(names[0]) if names else root)
    group = Group(with_originals(config, options), [Path(name) for name in names])
    prepare(group, options)
    if root is not None:
        _add_context({_key(config): group}, root, configs.key, configs.excluded)
        _use_index(group, options)
    return group


def _use_index(group: Group, options: Options) -> None:
    """The persistent corpus index lives in the cache folder: used when the cache is."""
    if options.cache:
        from lint.io.cache import directory_for

        group.index_dir = directory_for(group.config.root, options.cache_dir)


def _key(config: Config) -> str:
    return config.source + str(config.root)


def _add_context(
    groups: dict[str, Group],
    root: Path,
    key: Callable[[Path], str],
    excluded: Callable[[Path], bool],
) -> None:
    """Every corpus file under ``root`` joins its group's context (only corpus and pair rules
    read the context, so only groups running them get one)."""
    wanting = {k for k, g in groups.items() if g.looks_across}
    if not wanting:
        return
    linted = [path for group in groups.values() for path in group.files]
    for path in context_files(root, linted, excluded):
        if (group_key := key(path)) in wanting:
            groups[group_key].context.append(path)
