"""Paths and options resolved into prepared :class:`~lint.engine.groups.Group` values, before any
document is read.

The files under the paths are found (:func:`lint.io.discover.expand`), grouped by configuration,
and each group is prepared: its rules (selection applied), the rule ids directives may name, a
warning for each unknown rule id ``per-file-ignores`` names, its validated tracking model and, with
``--corpus-root``, its corpus context. A broken configuration, rule file or tracking model raises
here, so the run stops with one line before it reads a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import Config
from lint.engine.configs import Configs, group_key
from lint.engine.engine import INTERNAL_ERROR
from lint.engine.groups import Group, Options
from lint.engine.rulecache import cached_rules
from lint.engine.rules import builtin_dir, rule_files
from lint.engine.selection import did_you_mean, select_ids
from lint.errors import ConfigError, InputError
from lint.io.corpus import context_files_in_folders
from lint.io.discover import expand
from lint.io.paths import forget

if TYPE_CHECKING:
    from lint.tracking.model import Model


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
