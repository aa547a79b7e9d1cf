"""Plain name globs (``002_*.txt``) are matched without pathspec (lint.io.globs._plain): the
answer is pathspec's for every path, file or folder."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pathspec import GitIgnoreSpec

from lint.io import globs as glob_matching

GLOB = st.text(alphabet="ab0._-*?", min_size=1, max_size=6)
PATH = st.text(alphabet="ab0._-/", min_size=0, max_size=14)


def _pathspec(rel: str, patterns: tuple[str, ...], is_dir: bool) -> bool:
    if is_dir and not rel.endswith("/"):
        rel += "/"
    return bool(GitIgnoreSpec.from_lines(patterns).match_file(rel))


@settings(max_examples=400)
@given(
    st.lists(GLOB, min_size=1, max_size=3), st.lists(PATH, min_size=1, max_size=8), st.booleans()
)
def test_plain_globs_match_as_pathspec_matches(globs, paths, is_dir):
    patterns = tuple(globs)
    for rel in paths:
        expected = _pathspec(rel, patterns, is_dir)
        assert glob_matching.matches(rel, patterns, is_dir=is_dir) == expected, (rel, patterns)


def test_which_globs_are_plain():
    assert glob_matching._plain(("002_*.txt", "*.md", "drafts", "a?b")) is not None
    for other in ("*", "?*", "a/b", "/a", "a/", "**/a", "a**", "!a", "#a", "[ab]", "a b", "é"):
        assert glob_matching._plain(("x", other)) is None, other


def test_examples():
    cases = {
        ("seeds/002_abc.txt", "002_*.txt"): True,
        ("002_abc.txt", "002_*.txt"): True,
        ("a/002_abc.txt/inner.txt", "002_*.txt"): True,  # under a folder of that name
        ("a/x002_abc.txt", "002_*.txt"): False,
        ("/002_abc.txt", "002_*.txt"): True,
        ("//002_abc.txt", "002_*.txt"): False,  # as pathspec: an empty folder name
        ("./002_abc.txt", "002_*.txt"): True,
        ("a\nb/002_abc.txt", "002_*.txt"): False,
    }
    for (rel, glob), expected in cases.items():
        assert glob_matching.matches(rel, (glob,)) is expected, rel
        assert _pathspec(rel, (glob,), False) is expected, rel
    # a name ending in a newline does not end in ".txt"; pathspec's answer depends on its regex
    # backend (google-re2 says no, Python's re lets "$" match before the newline), so only ours
    # is checked
    assert glob_matching.matches("a/002_abc.txt\n", ("002_*.txt",)) is False
