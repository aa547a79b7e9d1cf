"""What a run asks of the cache before linting a group: the group's cache (unless ``--no-cache``
or git tracks its folder) and the :class:`Plan` of what the cache already holds, per source."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import Config
from lint.core.finding import Finding
from lint.engine.parallel import Task
from lint.io.cache import Cache, corpus_key, directory_for, fingerprint
from lint.io.gitcheck import git_tracked, tracked_warning
from lint.io.sources import Source

if TYPE_CHECKING:
    from lint.engine.groups import Group, Options


def group_cache(
    options: Options, group: Group, untracked: dict[Path, bool], warnings: list[str]
) -> Cache | None:
    """The group's cache, unless ``--no-cache`` or git tracks its folder (then a warning, once
    per folder: a committed cache is never trusted, and newslint does not change tracked files;
    the corpus index in the same folder is not used either)."""
    if not options.cache:
        return None
    directory = directory_for(group.config.root, options.cache_dir)
    if directory not in untracked:
        count = git_tracked(directory)
        untracked[directory] = count == 0
        if count:
            warnings.append(tracked_warning(directory, count))
    if not untracked[directory]:
        group.index_dir = None
        return None
    config = group.config  # its identity keeps groups sharing a --cache-dir in separate files
    settings = {
        "config": config.source,
        "jsonl": config.jsonl,
        "originals": config.originals,
        "per_file_ignores": config.per_file_ignores,
        "tracking_model": model_digest(config),
        "directives": [sorted(group.known), group.report_unused],
    }
    return Cache(directory, fingerprint(group.rules, settings))


def model_digest(config: Config) -> str:
    """The tracking model's bytes: a retrained model must not reuse cached scores."""
    from lint.tracking.model import model_bytes

    try:
        data = model_bytes(str(config.tracking_model) if config.tracking_model else None)
    except OSError:
        return "unreadable"
    return hashlib.sha256(data).hexdigest()


@dataclass
class Plan:
    """What the cache already holds for a group, and what is left to do."""

    keys: list[str]  # per source ("" without a cache)
    found: list[list[Finding] | None]  # per source: its per-document findings, once known
    corpus_key: str

    def tasks(self, sources: Sequence[Source], compact: bool) -> list[Task]:
        # every document is kept: corpus and pair rules and the directives need them all;
        # ``compact``: only what they read of it (lint.core.kept), not the parsed document
        pairs = enumerate(zip(sources, self.found, strict=True))
        return [Task(i, s, f is None, True, compact) for i, (s, f) in pairs]


def plan_for(sources: Sequence[Source], cache: Cache | None) -> Plan:
    if cache is None:
        return Plan([""] * len(sources), [None] * len(sources), "")
    # a file that could not be read has no bytes to key: it is never cached
    keys = ["" if s.problem is not None else cache.key(s) for s in sources]
    found = [cache.unit(s, k) for s, k in zip(sources, keys, strict=True)]
    return Plan(keys, found, corpus_key(cache.fingerprint, keys))
