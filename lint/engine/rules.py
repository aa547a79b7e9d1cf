"""Load and validate rule files (``rules/*.yaml``) into :class:`Rule` values.

Validation is strict and happens before any document is read: every error names the file and key.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.core.document import BlockKind
from lint.core.finding import Severity
from lint.errors import RuleError
from lint.kinds import KINDS, PAIR_KINDS, kind
from lint.kinds.base import Kind, Scope
from lint.kinds.options import OptionError, build_options

SCOPES: dict[str, frozenset[BlockKind]] = {
    "headline": frozenset({BlockKind.HEADLINE}),
    "dek": frozenset({BlockKind.DEK}),
    "subhead": frozenset({BlockKind.SUBHEAD}),
    "paragraph": frozenset({BlockKind.PARAGRAPH}),
    "metadata": frozenset({BlockKind.METADATA}),
    "body": frozenset({BlockKind.PARAGRAPH, BlockKind.SUBHEAD}),
    "text": frozenset({BlockKind.HEADLINE, BlockKind.DEK, BlockKind.SUBHEAD, BlockKind.PARAGRAPH}),
    # the text and its tables, data lines and sign-offs: what a whole copy of an article repeats
    "article": frozenset(
        {BlockKind.HEADLINE, BlockKind.DEK, BlockKind.SUBHEAD, BlockKind.PARAGRAPH, BlockKind.OTHER}
    ),
}
_KEYS = {"id", "kind", "severity", "scope", "message", "also", "options", "docs"}
_DOC_KEYS = {"what", "why", "fail", "pass"}
_OPTIONAL_DOC_KEYS = {"original", "file"}  # original: pair rules; file: the examples' file name
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Rule:
    """A validated rule: its kind's name and built options, ready to run.

    A plain value (picklable, comparable): worker processes receive rules as they are and resolve
    the kind through the registry."""

    id: str
    kind: str
    severity: Severity
    scope: frozenset[BlockKind]
    message: str
    options: Any
    docs: Mapping[str, str]
    path: str
    also: str = ""  # added to another rule's message when both report one span (engine/collapse)

    @property
    def kind_impl(self) -> Kind:
        """The rule's kind (its module imported on first use)."""
        return kind(self.kind)

    @property
    def level(self) -> Scope:
        """The scope the kind's check runs at."""
        return _level(self.kind)


@functools.cache
def _level(name: str) -> Scope:
    """The scope a kind's check runs at (asked for per rule and document: looked up once)."""
    if name in PAIR_KINDS:
        return Scope.PAIR
    return kind(name).scope


def builtin_dir() -> Path:
    """The shipped rules: inside an installed wheel, or ``rules/`` beside the source package."""
    # the package folder, as importlib.resources.files("lint") finds it for a package on disk
    # (importing importlib.resources loads tempfile, shutil, zipfile... ~5 ms of a one-file run)
    packaged = Path(__file__).parent.parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def _fail(path: Path, key: str, problem: str) -> RuleError:
    return RuleError(f"{path.as_posix()}: {key}: {problem}")


def _scope(path: Path, value: Any) -> frozenset[BlockKind]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names:
        raise _fail(path, "scope", "must be a scope name or a list of them")
    unknown = [n for n in names if n not in SCOPES]
    if unknown:
        raise _fail(path, "scope", f"unknown {unknown[0]!r} (known: {', '.join(SCOPES)})")
    return frozenset().union(*(SCOPES[n] for n in names))


def _lexicons(path: Path, options: dict[str, Any], lexicon_dirs: Iterable[Path]) -> dict[str, Any]:
    """Replace ``lexicon: NAME`` by the categories of ``lexicons/NAME.yaml``."""
    name = options.get("lexicon")
    if not isinstance(name, str):
        return options
    for directory in (path.parent, *lexicon_dirs):
        candidate = directory / "lexicons" / f"{name}.yaml"
        if candidate.is_file():
            data = _read_yaml(candidate)
            if not isinstance(data, Mapping) or not isinstance(data.get("categories"), Mapping):
                raise _fail(candidate, "categories", "a lexicon needs a 'categories' mapping")
            return {**options, "lexicon": data["categories"]}
    raise _fail(path, "options.lexicon", f"no lexicon named {name!r}")


def _read_yaml(path: Path) -> Any:
    import yaml  # here, not at import: a run whose rule set is cached reads no YAML

    from lint.io.yamlload import load_yaml

    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise RuleError(f"{path.as_posix()}{where}: YAML syntax error: {problem}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise RuleError(f"{path.as_posix()}: cannot read rule file ({err})") from None


def _docs(path: Path, docs: Any) -> dict[str, str]:
    if not isinstance(docs, Mapping):
        raise _fail(path, "docs", "must be a mapping with what, why, fail, pass")
    unknown = set(docs) - _DOC_KEYS - _OPTIONAL_DOC_KEYS
    if unknown:
        raise _fail(path, f"docs.{sorted(unknown)[0]}", "unknown key")
    missing = _DOC_KEYS - set(docs)
    if missing:
        raise _fail(path, f"docs.{sorted(missing)[0]}", "missing")
    return {k: str(v) for k, v in docs.items()}


def _message(path: Path, message: Any, key: str = "message") -> str:
    if not isinstance(message, str) or not message.strip():
        raise _fail(path, key, "must be a non-empty string")
    try:
        list(string.Formatter().parse(message))
    except ValueError as err:
        raise _fail(path, key, f"bad template ({err})") from None
    return message


def _options(
    path: Path, data: Mapping[str, Any], overrides: Mapping[str, Any], lexicon_dirs: Iterable[Path]
) -> Any:
    """The kind's options built from the rule's ``options`` and the config's overrides."""
    raw = data.get("options") or {}
    if not isinstance(raw, Mapping):
        raise _fail(path, "options", "must be a mapping")
    raw = {**raw, **(overrides.get("options") or {})}
    options_type: type[Any] = kind(data["kind"]).options
    try:
        return build_options(options_type, _lexicons(path, dict(raw), lexicon_dirs))
    except (OptionError, ValueError, TypeError) as err:
        raise _fail(path, "options", str(err)) from None


def _check_keys(path: Path, data: Any) -> None:
    if not isinstance(data, Mapping):
        raise RuleError(f"{path.as_posix()}: a rule file must be a YAML mapping")
    unknown = set(data) - _KEYS
    if unknown:
        raise _fail(path, sorted(unknown)[0], f"unknown key (known: {', '.join(sorted(_KEYS))})")
    for key in ("id", "kind", "severity", "message"):
        if key not in data:
            raise _fail(path, key, "missing")
    if data["id"] != path.stem:
        raise _fail(path, "id", f"{data['id']!r} must equal the file name {path.stem!r}")
    if data["kind"] not in KINDS:
        raise _fail(path, "kind", f"unknown kind {data['kind']!r} (known: {', '.join(KINDS)})")


def build_rule(
    path: Path,
    data: Any,
    lexicon_dirs: Iterable[Path] = (),
    overrides: Mapping[str, Any] | None = None,
) -> Rule:
    """Validate one rule's data; ``overrides`` are config values (severity, options)."""
    _check_keys(path, data)
    overrides = overrides or {}
    try:
        severity = Severity.parse(str(overrides.get("severity", data["severity"])))
    except ValueError as err:
        raise _fail(path, "severity", str(err)) from None
    options = _options(path, data, overrides, lexicon_dirs)  # checked first, as it always was
    return Rule(
        id=data["id"],
        kind=data["kind"],
        severity=severity,
        scope=_scope(path, data.get("scope", "text")),
        message=_message(path, data["message"]),
        options=options,
        docs=_docs(path, data.get("docs")),
        path=path.as_posix(),
        also=_message(path, data["also"], "also") if "also" in data else "",
    )


def rule_files(directories: Iterable[Path]) -> dict[str, Path]:
    """Rule id -> file; a later directory's rule replaces an earlier one of the same id."""
    found: dict[str, Path] = {}
    for directory in directories:
        if not directory.is_dir():
            raise RuleError(f"{directory.as_posix()}: rule directory not found")
        for path in sorted(directory.iterdir()):
            if path.suffix in SUFFIXES and path.is_file():
                found[path.stem] = path
    return found


def load_rules(
    directories: Iterable[Path],
    selected: Iterable[str] | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Rule]:
    """Load the rules in ``directories`` (builtin first), keeping ``selected`` ids when given."""
    directories = list(directories)
    files = rule_files(directories)
    ids = sorted(files) if selected is None else sorted(set(selected))
    rules = []
    for rule_id in ids:
        path = files[rule_id]
        rule = build_rule(path, _read_yaml(path), directories, (overrides or {}).get(rule_id))
        rules.append(rule)
    return rules
