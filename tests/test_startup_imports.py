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

HEAVY = ("yaml", "pathspec", "sklearn", "numpy", "scipy", "tomllib")

_PROBE = """
import json, sys
from lint.cli import main
status = main(sys.argv[1:])
heavy = json.loads(sys.stdin.read())
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))))
sys.exit(status)
"""


@pytest.fixture(scope="module")
def user_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xdg")
    warm = tmp_path_factory.mktemp("warm")
    write(warm / "a.txt", "Headline\n\nThe council met on Monday.\n")
    _imported(folder, warm, "a.txt", status=0)
    return folder


def _imported(user_cache: Path, folder: Path, *args: str, status: int = 1) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(user_cache)}
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, "check", "--no-cache", *args],
        input=json.dumps(HEAVY),
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
    )
    assert proc.returncode == status, proc.stderr  # the seed has a finding
    found: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return found


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    write(tmp_path / "a.txt", (SEEDS / "002_06a2e6461da98317.txt").read_text(encoding="utf-8"))
    return tmp_path


def test_without_configuration_no_glob_matcher_parser_or_classifier_is_imported(
    article, user_cache
):
    found = set(_imported(user_cache, article, "a.txt"))
    assert not found & {"pathspec", "sklearn", "numpy", "scipy", "tomllib"}


@pytest.mark.xfail(
    strict=True,
    reason="lint/io/readers.py imports yaml at module level (front matter); being split apart",
)
def test_a_file_without_configuration_or_front_matter_does_not_import_yaml(article, user_cache):
    assert "yaml" not in _imported(user_cache, article, "a.txt")


def test_a_configuration_imports_what_it_asks_for(article, user_cache):
    write(article / "newslint.yaml", 'originals: ["o_*.txt"]\n')
    found = _imported(user_cache, article, "a.txt")
    assert "yaml" in found  # the configuration is read
    assert "pathspec" in found  # its originals glob is matched against the file
    assert "sklearn" not in found


def test_a_pyproject_table_is_read_with_tomllib_not_yaml_parsers(article, user_cache):
    write(article / "pyproject.toml", '[tool.newslint]\nignore = ["readability"]\n')
    found = _imported(user_cache, article, "a.txt")
    assert "tomllib" in found
    assert "pathspec" not in found
