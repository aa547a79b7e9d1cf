"""The configuration of each path a run names or walks (``--config``, or the nearest
``newslint.yaml``), with the run's excludes: what groups files into corpora."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import Config, Finder, load
from lint.io.paths import resolved

if TYPE_CHECKING:
    from lint.engine.groups import Options


class Configs:
    """The configuration of a path, as a run finds it: ``--config`` for every path, or the
    nearest ``newslint.yaml``; with the run's excludes."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.finder = Finder()
        self.fixed = load(options.config) if options.config else None
        # folder (a string: hashing a Path costs more) -> its configuration, with excludes
        self._folders: dict[str, Config] = {}
        self._last: tuple[Path, Config] | None = None  # a walk asks excluded, then key
        self._keys: dict[int, str] = {}
        self.outputs = tuple(_resolved(p) for p in options.outputs)

    def of(self, path: Path, is_dir: bool | None = None) -> Config:
        last = self._last
        if last is not None and last[0] is path:
            return last[1]
        name = os.fspath(path)
        folder = name if (path.is_dir() if is_dir is None else is_dir) else os.path.dirname(name)
        config = self._folders.get(folder)
        if config is None:
            found = self.fixed or self.finder.for_directory(Path(folder))
            config = found.with_excludes(self.options.exclude, self.options.extend_exclude)
            self._folders[folder] = config
        self._last = (path, config)
        return config

    def excluded(self, path: Path, is_dir: bool | None = None) -> bool:
        return self._written(path) or self.of(path, is_dir).excludes(path, is_dir)

    __call__ = excluded  # a walk's Excluded (lint.io.discover.FolderExcluded)

    def may_exclude_files(self, folder: Path) -> bool:
        """Whether :meth:`excluded` can be true for a file in ``folder`` (False: a walk need
        not ask per file)."""
        config = self.of(folder, is_dir=True)
        return bool(self.outputs or config.exclude or config.extend_exclude)

    def _written(self, path: Path) -> bool:
        """Whether ``path`` is, or is under, a place the run writes to: its stages, shards and
        report are not articles (a rerun would lint them)."""
        if not self.outputs:
            return False
        where = _resolved(path)
        return any(where == out or where.is_relative_to(out) for out in self.outputs)

    def key(self, path: Path, is_dir: bool | None = None) -> str:
        """The group key of ``path``'s configuration (a folder's: its files')."""
        config = self.of(path, is_dir)
        found = self._keys.get(id(config))
        if found is None:
            found = self._keys[id(config)] = group_key(config)
        return found


def _resolved(path: Path) -> Path:
    try:
        return resolved(path)
    except (OSError, RuntimeError):  # a symbolic link loop
        return path.absolute()


def group_key(config: Config) -> str:
    """The key of the group of files that share ``config``."""
    return config.source + str(config.root)
