"""Compiled patterns kept between runs (lint.io.regexcache): a pattern rebuilt from the store is
the pattern ``re`` compiles (same matches, groups and names), the store is signed, and it can be
turned off. Each run is a fresh interpreter, as a command is."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from lint.io import regexcache, startcache

PATTERNS = [
    (r"(?P<num>\d+(?:[.,]\d+)*)\s*(?P<unit>%|per cent|percent)\b", 0),
    (r"(?<![\w-])(?:said|says|according to)(?!\w)", re.IGNORECASE),
    (r"""(?x) \[ (?: insert | name ) [^\]]* \]  # template slots""", re.IGNORECASE),
    (r"[\u0300-\u036f\u0483-\u0489]+|ß|ﬁ", re.IGNORECASE),
    (r"^(\w+)\s+\1$", re.MULTILINE),
]
TEXT = "It rose 3.5 per cent, officials SAID.\n[Insert Name] ﬁ SS ß\nthe the\n"

_RUN = """
import json, re, sys
from lint.io import regexcache
preloaded = regexcache.preload()
if sys.argv[1] == "forbid":  # every pattern must come from the store
    import re._compiler
    def refuse(*args, **kwargs):
        raise AssertionError("compiled, not rebuilt")
    re._compiler.compile = refuse
patterns = [re.compile(p, f) for p, f in json.loads(sys.argv[2])]
text = sys.argv[3]
found = [
    [[m.span(), m.groups(), m.groupdict()] for m in p.finditer(text)] + [sorted(p.groupindex)]
    for p in patterns
]
print(json.dumps({"preloaded": preloaded, "saved": regexcache.save(), "found": found}))
"""


def _run(key_dir: Path, mode: str, env_off: bool = False, patterns: list | None = None) -> dict:
    return _run_in(ROOT, key_dir, mode, patterns or PATTERNS, env_off)


def _expected() -> list:
    found = []
    for pattern, flags in PATTERNS:
        compiled = re.compile(pattern, flags)
        found.append(
            [[list(m.span()), list(m.groups()), m.groupdict()] for m in compiled.finditer(TEXT)]
            + [sorted(compiled.groupindex)]
        )
    return found


@pytest.mark.slow
def test_patterns_rebuilt_from_the_store_match_as_compiled_ones(tmp_path):
    first = _run(tmp_path, "compile")
    assert first["saved"] >= len(PATTERNS) and first["found"] == _expected()
    (stored,) = (tmp_path / "regex").glob("*/*.bin")
    again = _run(tmp_path, "forbid")  # re's compiler refuses: each pattern comes from the store
    assert again["preloaded"] >= len(PATTERNS) and again["saved"] == 0
    assert again["found"] == first["found"]
    stored.write_bytes(b"\0" * 32 + stored.read_bytes()[32:])  # not signed with the key
    planted = _run(tmp_path, "compile")
    assert planted["preloaded"] == 0 and planted["found"] == first["found"]
    assert planted["saved"] >= len(PATTERNS)  # compiled as usual, and stored again


@pytest.mark.slow
def test_the_store_can_be_turned_off(tmp_path):
    result = _run(tmp_path, "compile", env_off=True)
    assert (result["preloaded"], result["saved"]) == (0, 0)
    assert result["found"] == _expected() and not (tmp_path / "regex").exists()


def test_an_entry_is_kept_only_when_it_rebuilds_the_compiled_pattern():
    for pattern, flags in PATTERNS:
        compiled = re.compile(pattern, flags)
        entry = regexcache._entry(pattern, int(flags), compiled)
        assert entry is not None and entry[:2] == (pattern, int(flags))
        assert regexcache._entry(pattern, int(flags), re.compile(pattern + "x", flags)) is None


@pytest.mark.slow
def test_more_patterns_than_re_keeps_are_all_rebuilt(tmp_path):
    # re keeps 512 compiled patterns; a run compiles about 600: every one stored is rebuilt, and
    # the next run compiles none (with re's default size some were dropped and compiled again)
    many = [(rf"(?:w{i}|x{i})\d+", 0) for i in range(700)]
    first = _run(tmp_path, "compile", patterns=many)
    assert first["saved"] >= len(many)
    again = _run(tmp_path, "forbid", patterns=many)
    assert again["preloaded"] >= len(many) and again["saved"] == 0


def _copy_package(where: Path) -> Path:
    """A second installation of newslint: the package copied to ``where`` (another folder)."""
    import shutil

    shutil.copytree(ROOT / "lint", where / "lint", ignore=shutil.ignore_patterns("__pycache__"))
    return where


def _run_in(tree: Path, key_dir: Path, mode: str, patterns: list, env_off: bool = False) -> dict:
    """Run ``_RUN`` in a fresh interpreter importing ``lint`` from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "NEWSLINT_KEY_DIR": str(key_dir)}
    env.pop(startcache.ENV_OFF, None)
    if env_off:
        env[startcache.ENV_OFF] = "1"
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, mode, json.dumps(patterns), TEXT],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict = json.loads(proc.stdout)
    return result


@pytest.mark.slow
def test_two_installations_keep_their_own_stores(tmp_path):
    # two checkouts used in turn, each compiling more than half of what one store keeps: with one
    # shared store, each run's save restarted the file from its own patterns and the other tree
    # compiled all of its patterns again on its next run
    keys = tmp_path / "key"
    first, second = _copy_package(tmp_path / "a"), _copy_package(tmp_path / "b")
    size = regexcache.LIMIT // 2 + 100
    mine = [(rf"(?:a{i}|b{i})\d+", 0) for i in range(size)]
    theirs = [(rf"(?:c{i}|d{i})\d+", 0) for i in range(size)]
    assert _run_in(first, keys, "compile", mine)["saved"] >= size
    assert _run_in(second, keys, "compile", theirs)["saved"] >= size
    written = {path: path.stat().st_mtime_ns for path in (keys / "regex").rglob("*.bin")}
    for _ in range(2):
        again = _run_in(first, keys, "forbid", mine)  # every pattern from its store
        assert again["preloaded"] >= size and again["saved"] == 0
        again = _run_in(second, keys, "forbid", theirs)
        assert again["preloaded"] >= size and again["saved"] == 0
    assert {path: path.stat().st_mtime_ns for path in written} == written  # none rewritten
    stores = sorted((keys / "regex").glob("*/*.bin"))
    assert len(stores) == 2 and stores[0].parent != stores[1].parent  # a folder each


@pytest.mark.slow
def test_an_edited_installation_starts_a_new_store(tmp_path):
    keys, tree = tmp_path / "key", _copy_package(tmp_path / "a")
    assert _run_in(tree, keys, "compile", PATTERNS)["saved"] >= len(PATTERNS)
    module = tree / "lint" / "text" / "lazy_re.py"
    module.write_text(module.read_text() + "\n# edited\n")  # its code is part of the key
    result = _run_in(tree, keys, "compile", PATTERNS)
    assert result["preloaded"] == 0 and result["saved"] >= len(PATTERNS)
    assert len(list((keys / "regex").glob("*/*.bin"))) == 2
