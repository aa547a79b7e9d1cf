"""Shared helpers: run rules over texts without touching the file system."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import lint
from lint.core.finding import Finding
from lint.engine.rules import Rule, builtin_dir, load_rules

# Property tests judge behaviour, not speed: no per-example deadline (a loaded CI machine or a
# cold import must not fail them); speed lives in bench/.
settings.register_profile("newslint", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("newslint")

# The tests' own start-up cache and signing key: in-process runs would otherwise read and write
# the user's (``~/.cache/newslint``), mixing test patterns and rule sets into it. Subprocesses
# inherit it; a test that needs another folder sets ``NEWSLINT_KEY_DIR`` itself.
if not os.environ.get("NEWSLINT_KEY_DIR"):
    os.environ["NEWSLINT_KEY_DIR"] = tempfile.mkdtemp(prefix="newslint-test-key-")
    atexit.register(shutil.rmtree, os.environ["NEWSLINT_KEY_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_texts() -> list[str]:
    """Every file of ``seeds/`` read as text, in path order (undecodable bytes replaced)."""
    return [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(SEEDS.rglob("*"))
        if p.is_file()
    ]


def write(path: Path, content: str | bytes) -> Path:
    """Write a fixture file (text as UTF-8, bytes as they are), creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


ORIGINAL = "0-original.txt"  # sorts first: corpus rules see it as the earlier document


def lint_texts(
    rules: list[Rule], texts: dict[str, str | bytes], original: str | None = None
) -> list[Finding]:
    """Findings of ``rules`` on ``texts`` after inline directives (unused ones reported), through
    the run pipeline (:func:`lint.lint_texts`); with ``original``, that text is linted as the
    declared original (``original.txt``) and only the other documents' findings are returned."""
    texts: dict[str, str | bytes] = dict(texts)
    if original is not None:
        texts[ORIGINAL] = original
    options = lint.Options(
        rules=tuple(rules),
        originals=(ORIGINAL,) if original is not None else (),
        report_unused_directives=True,
    )
    run = lint.lint_texts(texts, options)
    assert not run.errors, run.errors
    return [f for f in run.findings if f.path != ORIGINAL]


@pytest.fixture
def key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A fresh user key folder (and so a fresh start-up cache) for the test, the cache on."""
    from lint.io import signing, startcache

    monkeypatch.setenv(signing.KEY_ENV, str(tmp_path / "key"))
    monkeypatch.delenv(startcache.ENV_OFF, raising=False)
    signing.secret_key.cache_clear()
    yield tmp_path / "key"
    signing.secret_key.cache_clear()


@pytest.fixture(scope="session")
def all_rules() -> dict[str, Rule]:
    return {rule.id: rule for rule in load_rules([builtin_dir()])}


def cli_env(cache_dir: Path | None) -> dict[str, str]:
    """The environment for a CLI run: the cache in ``cache_dir`` (None: newslint's default)."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
    if cache_dir is not None:
        env["NEWSLINT_CACHE_DIR"] = str(cache_dir)
    return env


@pytest.fixture
def run_cli(tmp_path):
    """Run the real command in a subprocess; returns (exit code, stdout, stderr).

    The cache goes to a temporary folder (never into the repository) unless ``cache_dir`` is given;
    ``cache_dir=None`` leaves newslint's default location.
    """
    import subprocess

    default_cache = tmp_path / "cli-cache"

    def run(
        *args: str, cwd: Path | None = None, cache_dir: Path | None = default_cache
    ) -> tuple[int, str, str]:
        proc = subprocess.run(
            [sys.executable, "-m", "lint", *args],
            cwd=cwd or ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env=cli_env(cache_dir),
        )
        return proc.returncode, proc.stdout, proc.stderr

    return run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that runs the real command (fixture ``run_cli``) is ``slow``: a subprocess each."""
    for item in items:
        if "run_cli" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
