"""Shared helpers: run rules over texts without touching the file system."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from lint.core.document import Document
from lint.core.finding import Finding
from lint.engine.engine import Engine, Tracking
from lint.engine.rules import Rule, builtin_dir, load_rules, rule_files
from lint.engine.suppress import Suppressor
from lint.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def write(path: Path, content: str | bytes) -> Path:
    """Write a fixture file (text as UTF-8, bytes as they are), creating its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


ORIGINAL = "original.txt"


def lint_texts(
    rules: list[Rule], texts: dict[str, str], original: str | None = None
) -> list[Finding]:
    """Findings of ``rules`` on ``texts`` after inline directives (unused ones reported); with
    ``original``, that text is linted as the declared original (``original.txt``) and only the
    other documents' findings are returned."""
    documents = [Document(path, text, segment(text)) for path, text in texts.items()]
    tracking = None
    if original is not None:
        documents.append(Document(ORIGINAL, original, segment(original)))
        tracking = Tracking(lambda document: document.path == ORIGINAL)
    known = {*rule_files([builtin_dir()]), *(rule.id for rule in rules)}
    findings = Suppressor(rules, known, report_unused=True).apply(
        Engine(rules, tracking).run(documents), documents
    )
    return [f for f in findings if f.path != ORIGINAL]


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
