"""newslint as a pre-commit hook, driven by the real pre-commit in throwaway git repositories.

The commit tests run this repository's hook manifest as a local hook with ``language: system``
(the ``newslint`` of this environment), so they test the manifest's entry, file filter and
``require_serial`` without installing anything. The try-repo test installs the hook the way a
corpus repository would (pre-commit makes a virtualenv and pip-installs this repository), offline:
no index, no dependencies resolved, and the dependencies are taken from this environment through
``PYTHONPATH`` (a view of site-packages without newslint itself, so the hook must run the copy
pre-commit installed).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from conftest import write as _write

pytestmark = pytest.mark.slow  # the real pre-commit and git in subprocesses

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
HEADLINE = "Council approves budget\n"
PARAGRAPH = "The council approved a budget of four million pounds on Tuesday, the mayor said.\n"
CLEAN = "Port strike ends\nDockers returned to work on Monday after a week on strike.\n"


def _env(tmp_path: Path) -> dict[str, str]:
    """An environment that leaks nothing in or out: own HOME, pre-commit store, no git config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    bin_dir = Path(sys.executable).parent
    env.update(
        HOME=str(tmp_path / "home"),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_CONFIG_NOSYSTEM="1",
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _git(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    who = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]
    return _run(["git", *who, "-c", "commit.gpgsign=false", *args], repo, env)


def _precommit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "pre_commit", *args], repo, env)


@pytest.fixture
def corpus_repo(tmp_path):
    """A git repository whose pre-commit config runs this repository's ``newslint`` hook."""
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert (Path(sys.executable).parent / "newslint").exists(), "newslint is not installed"
    repo, env = tmp_path / "corpus", _env(tmp_path)
    repo.mkdir()
    assert _git(repo, env, "init", "-q", ".").returncode == 0
    config = {"repos": [{"repo": "local", "hooks": [{**hook, "language": "system"}]}]}
    _write(repo / ".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
    installed = _precommit(repo, env, "install")
    assert installed.returncode == 0, installed.stderr
    assert _git(repo, env, "add", ".pre-commit-config.yaml").returncode == 0
    return repo, env


def _commit(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    assert _git(repo, env, "add", *files).returncode == 0
    return _git(repo, env, "commit", "-q", "-m", "add articles")


def _commits(repo: Path, env: dict[str, str]) -> int:
    out = _git(repo, env, "rev-list", "--count", "HEAD").stdout.strip()
    return int(out or 0)


def test_manifest_is_valid_and_runs_serially():
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["id"] == "newslint" and hook["language"] == "python"
    assert hook["require_serial"] is True
    assert hook["entry"].split()[:2] == ["newslint", "check"]


def test_commit_with_duplicated_paragraph_is_refused(corpus_repo):
    repo, env = corpus_repo
    _write(repo / "articles" / "budget.txt", HEADLINE + PARAGRAPH + PARAGRAPH)
    proc = _commit(repo, env, "articles/budget.txt")
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "newslint" in output and "Failed" in output
    assert (
        "articles/budget.txt:3:1: duplicated-paragraph [error] "
        "paragraph duplicates articles/budget.txt:2 (earlier in this document)"
    ) in output
    assert _commits(repo, env) == 0


def test_clean_commit_passes_despite_faults_in_unstaged_files(corpus_repo):
    repo, env = corpus_repo
    _write(repo / "articles" / "strike.txt", CLEAN)
    # a draft on disk but not staged: its own duplicate is not this commit's business
    _write(repo / "articles" / "draft.txt", HEADLINE + PARAGRAPH + PARAGRAPH)
    proc = _commit(repo, env, "articles/strike.txt")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "draft.txt" not in proc.stdout + proc.stderr
    assert _commits(repo, env) == 1


def test_staged_copy_of_committed_paragraph_is_refused(corpus_repo):
    repo, env = corpus_repo
    _write(repo / "articles" / "z_budget.txt", HEADLINE + PARAGRAPH)
    assert _commit(repo, env, "articles/z_budget.txt").returncode == 0
    # sorts before the committed article, so the corpus order alone would blame the old one
    _write(repo / "articles" / "a_copy.txt", "Budget passes\n" + PARAGRAPH)
    proc = _commit(repo, env, "articles/a_copy.txt")
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert (
        "articles/a_copy.txt:2:1: duplicated-paragraph [error] "
        "paragraph duplicates articles/z_budget.txt:2 (in another document)"
    ) in output
    assert "articles/z_budget.txt:2:1" not in output  # the committed file is not reported
    assert _commits(repo, env) == 1


def _dependencies_view(target: Path) -> Path:
    """This environment's site-packages as symlinks, without newslint itself."""
    target.mkdir()
    purelib = Path(sysconfig.get_paths()["purelib"])
    for entry in purelib.iterdir():
        name = entry.name.lower()
        if entry.name == "lint" or "newslint" in name or name.startswith("__editable__"):
            continue
        (target / entry.name).symlink_to(entry)
    return target


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs a git checkout")
def test_try_repo_installs_this_repository_offline(tmp_path):
    # try-repo installs this checkout's tracked files with their uncommitted changes: a new,
    # never added module is missing from the hook's install until `git add`.
    repo, env = tmp_path / "corpus", _env(tmp_path)
    repo.mkdir()
    assert _git(repo, env, "init", "-q", ".").returncode == 0
    _write(repo / "articles" / "z_budget.txt", HEADLINE + PARAGRAPH)
    _write(repo / "articles" / "a_copy.txt", "Budget passes\n" + PARAGRAPH)
    assert _git(repo, env, "add", "articles").returncode == 0
    env.pop("PIP_FIND_LINKS", None)
    env.update(
        PIP_CONFIG_FILE=os.devnull,  # no index or wheel folder from the machine's pip config
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip reads "0" as --no-build-isolation: hatchling from here
        PYTHONPATH=str(_dependencies_view(tmp_path / "deps")),
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
    )
    args = ("try-repo", str(ROOT), "newslint", "--files", "articles/a_copy.txt")
    proc = _precommit(repo, env, *args)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Installing environment" in output
    assert (
        "articles/a_copy.txt:2:1: duplicated-paragraph [error] "
        "paragraph duplicates articles/z_budget.txt:2 (in another document)"
    ) in output
