"""Gitignore-style globs: every glob in newslint (``exclude``, ``originals``,
``per-file-ignores``) is checked when its configuration loads (:func:`check_patterns`) and matched
by :func:`matches`, with pathspec, or without importing it for a list of plain name globs
(:func:`_plain`). The ignore files of the folders a walk enters are read in
:mod:`lint.io.discover`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathspec is imported when there are patterns to match
    from pathspec import GitIgnoreSpec


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def readable_pattern(line: str) -> bool:
    """Whether pathspec can read ``line`` as a pattern (``"!"`` it cannot)."""
    try:
        check_patterns([line])
    except ValueError:
        return False
    return True


def check_patterns(patterns: Iterable[str]) -> None:
    """Raise ``ValueError`` naming a pattern pathspec cannot read (``"!"``), so a configuration
    is refused when it loads rather than crashing the run that first matches a path."""
    found = tuple(patterns)
    if found:
        _spec(found)


def matches(rel: str, patterns: Iterable[str], is_dir: bool = False) -> bool:
    """Whether gitignore-style ``patterns`` match ``rel``, a ``/``-separated path relative to the
    folder the patterns belong to: a name without a slash matches at any depth, a leading ``/``
    anchors, ``**`` spans folders, a trailing ``/`` matches folders only, ``!`` re-includes, and a
    matched folder covers everything under it (``drafts`` excludes ``sub/drafts/a.txt``)."""
    patterns = tuple(patterns)
    if not patterns:
        return False
    if is_dir and not rel.endswith("/"):
        rel += "/"
    plain = _plain(patterns)
    if plain is not None:
        return plain.match(_normalized(rel)) is not None
    return _spec(patterns).match_file(rel)


#: what a glob may hold for :func:`_plain` to match it without pathspec
_PLAIN_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-*?")


@lru_cache(maxsize=256)
def _plain(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The regular expression pathspec makes of ``patterns`` when each is a plain name glob:
    letters, digits, ``. _ -``, ``*`` and ``?`` only, with a character that is none of ``*?`` and
    no ``**`` (``"002_*.txt"``, ``"*.md"``, ``"drafts"``); None otherwise. pathspec makes
    ``^(?:.+/)?NAME(?:/|$)`` of such a glob (``*`` as ``[^/]*``, ``?`` as ``[^/]``: a name at any
    depth, and everything under a folder of that name), and a path matches a list of them when
    it matches one; a one-file run with an ``originals`` glob so does without importing
    pathspec (~5% of the run). tests/test_discover_plain.py checks both agree. (The end is
    ``\\Z``, as ``$`` is in pathspec's re2 back end: a name and a newline is not that name.)"""
    names = []
    for pattern in patterns:
        if not pattern or "**" in pattern or not set(pattern) <= _PLAIN_CHARACTERS:
            return None
        if not set(pattern) - {"*", "?"}:
            return None
        parts = ("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c) for c in pattern)
        names.append("".join(parts))
    return re.compile(f"^(?:.+/)?(?:{'|'.join(names)})(?:/|\\Z)")


_SEPARATORS = tuple(sep for sep in (os.sep, os.altsep) if sep and sep != "/")


def _normalized(rel: str) -> str:
    """``rel`` as pathspec's ``normalize_file`` makes it: ``/`` separators, relative."""
    for sep in _SEPARATORS:
        rel = rel.replace(sep, "/")
    if rel.startswith("/"):
        return rel[1:]
    return rel[2:] if rel.startswith("./") else rel
