"""Start-up: ``newslint check`` on one file imports only what the run needs (issue 13's one-file
target). Each case runs the real command in a fresh interpreter and lists the heavy optional
libraries left in ``sys.modules`` when it ends. The user's start-up cache of the rule set (a
folder of this module's own) is warmed first, as after any first run: a cold run parses the rule
files' YAML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, write

from lint.kinds import KINDS, PAIR_KINDS, kind
from lint.kinds.base import Scope

HEAVY = ("yaml", "pathspec", "sklearn", "numpy", "scipy", "tomllib")

_PROBE = """
import json, sys
from lint.cli import main
status = main(sys.argv[1:])
wanted = json.loads(sys.stdin.read())
found = [m for m in sys.modules if any(m == w or m.startswith(w + ".") for w in wanted)]
print(json.dumps(sorted(found)))
sys.exit(status)
"""


@pytest.fixture(scope="module")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xdg")
    warm = tmp_path_factory.mktemp("warm")
    write(warm / "a.txt", "Headline\n\nThe council met on Monday.\n")
    _imported(folder, warm, "a.txt", status=0)
    return folder


def _modules(
    user_cache: Path, folder: Path, wanted: list[str], *args: str, status: int
) -> list[str]:
    """The modules under ``wanted`` (packages) loaded by ``newslint check --no-cache ARGS`` run
    in ``folder``, which must exit with ``status``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(user_cache)}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, "check", "--no-cache", *args],
        input=json.dumps(wanted),
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
    )
    assert proc.returncode == status, proc.stderr
    found: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return found


def _imported(user_cache: Path, folder: Path, *args: str, status: int = 1) -> list[str]:
    """The :data:`HEAVY` libraries a run imports (status 1: the seed article has a finding)."""
    return sorted(
        {m.split(".")[0] for m in _modules(user_cache, folder, list(HEAVY), *args, status=status)}
    )


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    write(tmp_path / "a.txt", (SEEDS / "002_06a2e6461da98317.txt").read_text(encoding="utf-8"))
    return tmp_path


def test_without_configuration_no_glob_matcher_parser_or_classifier_is_imported(
    article, user_cache
):
    found = set(_imported(user_cache, article, "a.txt"))
    assert not found & {"pathspec", "sklearn", "numpy", "scipy", "tomllib"}


def test_a_file_without_configuration_or_front_matter_does_not_import_yaml(article, user_cache):
    assert "yaml" not in _imported(user_cache, article, "a.txt")


def test_a_configuration_imports_what_it_asks_for(article, user_cache):
    write(article / "newslint.yaml", 'originals: ["o_*.txt"]\n')
    found = _imported(user_cache, article, "a.txt")
    assert "yaml" in found  # the configuration is read
    assert "pathspec" in found  # its originals glob is matched against the file
    assert "sklearn" not in found


def test_a_configuration_read_before_comes_from_the_start_up_cache(article, user_cache):
    write(article / "newslint.yaml", 'originals: ["o_*.txt"]\nignore: [readability]\n')
    assert "yaml" in _imported(user_cache, article, "a.txt")  # parsed, then kept (signed)
    # nor is pathspec imported to match a plain originals glob ("o_*.txt") against the file
    assert not {"yaml", "pathspec"} & set(_imported(user_cache, article, "a.txt"))


def test_a_lone_file_is_not_paired(article, user_cache):
    """One document that declares no source pairs with nothing: no classifier, no pairing."""
    found = _modules(user_cache, article, ["lint.tracking.pairing"], "a.txt", status=1)
    assert found == []
    # nor is the shipped tracking model read (it is, when a pair is made: test_run, tracking/)
    assert _modules(user_cache, article, ["lint.tracking.model"], "a.txt", status=1) == []


def test_a_pyproject_table_is_read_with_tomllib_not_yaml_parsers(article, user_cache):
    write(article / "pyproject.toml", '[tool.newslint]\nignore = ["readability"]\n')
    found = _imported(user_cache, article, "a.txt")
    assert "tomllib" in found
    assert "pathspec" not in found


def test_the_pair_kinds_known_without_import_are_the_kinds_of_pair_scope():
    assert {name for name in KINDS if kind(name).scope is Scope.PAIR} == PAIR_KINDS
    # the per-document preparation of corpus rules skips them (lint/engine/parallel.py)
    assert all(kind(name).prepare is None for name in PAIR_KINDS)


def _pair_modules(user_cache: Path, folder: Path, *args: str) -> list[str]:
    return _modules(user_cache, folder, ["lint.kinds.pairs"], *args, status=1)


def test_the_pair_kinds_load_only_for_a_pair(article, user_cache):
    # one document: the rule set (pair rules included) comes from the start-up cache, but no
    # pair kind's check is imported, only the module holding their options
    assert _pair_modules(user_cache, article, "a.txt") == [
        "lint.kinds.pairs",
        "lint.kinds.pairs.options",
    ]
    write(article / "newslint.yaml", 'originals: ["a.txt"]\n')
    write(article / "b.txt", "---\nsource: a.txt\n---\nHeadline\n\nSomething else entirely.\n")
    assert "lint.kinds.pairs.quote_diff" in _pair_modules(user_cache, article, ".")
