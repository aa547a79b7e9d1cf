"""Find, load, merge and validate configuration.

Configuration comes from ``newslint.yaml`` (or ``.newslint.yaml``) or ``[tool.newslint]`` in
``pyproject.toml``: the nearest one found by walking up from each linted file's directory, as ruff
does; ``--config`` overrides the search. Paths inside a file are relative to that file's folder.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lint.core.finding import Severity
from lint.errors import ConfigError
from lint.io import configcache
from lint.io.globs import check_patterns, matches
from lint.io.paths import resolved, resolved_folder
from lint.io.records import JsonlFields
from lint.io.schema import validate_config, validate_model_file

NAMES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
_LIST_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "exclude",
    "extend-exclude",
    "rule-dirs",
    "originals",
)
_KEYS = {*_LIST_KEYS, "rules", "fail-on", "per-file-ignores", "jsonl", "tracking-model"}
_RULE_KEYS = {"severity", "options"}


@dataclass(frozen=True)
class Config:
    """Settings for the files under one configuration file (or the defaults)."""

    root: Path
    source: str = "defaults"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()  # added to exclude; --exclude replaces only exclude
    rule_dirs: tuple[Path, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    originals: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    jsonl: JsonlFields = field(default_factory=JsonlFields)
    tracking_model: Path | None = None  # None: the model shipped with newslint

    def relative(self, path: Path) -> str:
        try:
            return resolved(path).relative_to(resolved_folder(self.root)).as_posix()
        except (ValueError, RuntimeError, OSError):  # another drive, a symbolic link loop
            return path.as_posix()

    def excludes(self, path: Path, is_dir: bool | None = None) -> bool:
        """Whether ``path`` (a file or a directory: ``is_dir``, if the caller knows) matches the
        ``exclude`` globs."""
        globs = (*self.exclude, *self.extend_exclude)
        if not globs:  # nothing to match: no path to resolve, no folder to stat
            return False
        folder = path.is_dir() if is_dir is None else is_dir
        return matches(self.relative(path), globs, is_dir=folder)

    def with_excludes(
        self, exclude: tuple[str, ...] | None, extend_exclude: tuple[str, ...] = ()
    ) -> Config:
        """With the command line's ``--exclude`` (replaces ``exclude``, as ruff's does) and
        ``--extend-exclude`` (adds); their globs are relative to :attr:`root`, as the file's."""
        if exclude is None and not extend_exclude:
            return self
        return replace(
            self,
            exclude=self.exclude if exclude is None else exclude,
            extend_exclude=(*self.extend_exclude, *extend_exclude),
        )

    def is_original(self, path: str) -> bool:
        if not self.originals:
            return False
        return matches(self.relative(Path(path)), self.originals)

    def ignored_for(self, path: str) -> frozenset[str]:
        rel = self.relative(Path(path))
        return frozenset(
            rule
            for pattern, rules in self.per_file_ignores.items()
            if matches(rel, (pattern,))
            for rule in rules
        )


def _strings(source: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key}: must be a list of strings")
    return tuple(value)


def _finite(value: Any) -> bool:
    """Whether every number in ``value`` is finite (YAML's ``.nan`` and ``.inf`` are floats that
    would turn every comparison a rule makes with them false)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list | tuple):
        return all(_finite(v) for v in value)
    if isinstance(value, Mapping):
        return all(_finite(v) for v in value.values())
    return True


def _rules(source: str, value: Any) -> dict[str, Mapping[str, Any]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: rules: must map rule ids to {{severity, options}}")
    for rule_id, settings in value.items():
        if not isinstance(settings, Mapping) or set(settings) - _RULE_KEYS:
            raise ConfigError(f"{source}: rules.{rule_id}: only 'severity' and 'options' allowed")
        if "options" in settings and not isinstance(settings["options"], Mapping):
            raise ConfigError(f"{source}: rules.{rule_id}.options: must be a mapping")
        for key, option in (settings.get("options") or {}).items():
            if not _finite(option):
                raise ConfigError(
                    f"{source}: rules.{rule_id}.options.{key}: must be a finite number, "
                    f"not {option!r}"
                )
    return {str(k): dict(v) for k, v in value.items()}


def _jsonl(source: str, value: Any) -> JsonlFields:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{source}: jsonl: must be a mapping of field names")
    known = set(JsonlFields.__dataclass_fields__)
    unknown = set(value) - known
    if unknown:
        raise ConfigError(f"{source}: jsonl.{sorted(unknown)[0]}: unknown key")
    return JsonlFields(**{k: _strings(source, f"jsonl.{k}", v) for k, v in value.items()})


def from_mapping(data: Any, root: Path, source: str) -> Config:
    """Validate a configuration mapping; errors name ``source: key``."""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: configuration must be a mapping")
    validate_config(source, data)  # newslint.schema.json: types, enums and unknown keys
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{source}: {sorted(unknown)[0]}: unknown key")
    lists = {k: _strings(source, k, data[k]) for k in _LIST_KEYS if k in data}
    for key in ("exclude", "extend-exclude", "originals"):
        try:
            check_patterns(lists.get(key, ()))
        except ValueError as err:
            raise ConfigError(f"{source}: {key}: {err}") from None
    config = Config(root=root, source=source)
    try:
        fail_on = Severity.parse(str(data.get("fail-on", "warning")))
    except ValueError as err:
        raise ConfigError(f"{source}: fail-on: {err}") from None
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, Mapping):
        raise ConfigError(f"{source}: per-file-ignores: must map globs to rule ids")
    return replace(
        config,
        select=lists.get("select"),
        extend_select=lists.get("extend-select", ()),
        ignore=lists.get("ignore", ()),
        exclude=lists.get("exclude", ()),
        extend_exclude=lists.get("extend-exclude", ()),
        rule_dirs=tuple(root / d for d in lists.get("rule-dirs", ())),
        originals=lists.get("originals", ()),
        rules=_rules(source, data.get("rules", {})),
        fail_on=fail_on,
        per_file_ignores={
            str(k): _strings(source, f"per-file-ignores.{k}", v) for k, v in pfi.items()
        },
        jsonl=_jsonl(source, data.get("jsonl", {})),
        tracking_model=_model_path(source, root, data.get("tracking-model")),
    )


def _model_path(source: str, root: Path, value: Any) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{source}: tracking-model: must be a path to a model JSON file")
    validate_model_file(root / value)  # a model that is not a model fails here, in one line
    return root / value


def _loaded(path: Path, root: Path) -> Config | None:
    """The configuration in file ``path``, its paths relative to ``root``; None for a
    ``pyproject.toml`` without our table. Raises ConfigError. A file read before comes from the
    user's start-up cache (:mod:`lint.io.configcache`), its tracking model validated again."""

    def parse(path: Path, text: str) -> Config | None:
        present, data = _parse(path, text)
        return from_mapping(data, root, path.as_posix()) if present else None

    return configcache.loaded(path, root, Config, parse, _recheck)


def _recheck(config: Config) -> None:
    """What a cached configuration must pass again: the tracking model it names is a file of its
    own, which may have changed since."""
    if config.tracking_model is not None:
        validate_model_file(config.tracking_model)


def _parse(path: Path, text: str) -> tuple[bool, Any]:
    """(found, data) for one candidate file; a pyproject without our table is not a config."""
    # The parsers are imported for the file that needs one (PyYAML alone costs ~10 ms at
    # start-up), not when this module is.
    if path.name == "pyproject.toml":
        import tomllib

        try:
            table = tomllib.loads(text).get("tool", {})
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(_syntax_error(path, err)) from None
        return ("newslint" in table), table.get("newslint")
    import yaml

    from lint.io.yamlload import load_yaml

    try:
        return True, load_yaml(text)
    except yaml.YAMLError as err:
        raise ConfigError(_syntax_error(path, err)) from None


def _syntax_error(path: Path, err: Exception) -> str:
    return f"{path.as_posix()}: syntax error: {str(err).splitlines()[0]}"


def load(path: Path) -> Config:
    """Load one configuration file."""
    if not path.is_file():
        raise ConfigError(f"{path.as_posix()}: configuration file not found")
    config = _loaded(path, path.parent)
    if config is None:
        raise ConfigError(f"{path.as_posix()}: no [tool.newslint] table")
    return config


@dataclass
class Finder:
    """Finds the nearest configuration for a directory, caching what it has looked at."""

    cache: dict[Path, Config] = field(default_factory=dict)

    def for_directory(self, directory: Path) -> Config:
        directory = resolved_folder(directory)
        if directory in self.cache:
            return self.cache[directory]
        config = None
        for name in NAMES:
            candidate = directory / name
            if candidate.is_file():
                config = _loaded(candidate, directory)
                if config is not None:
                    break
        if config is None:
            parent = directory.parent
            config = Config(root=Path.cwd()) if parent == directory else self.for_directory(parent)
        self.cache[directory] = config
        return config
