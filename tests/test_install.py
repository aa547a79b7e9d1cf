"""A non-editable install (a built wheel) ships the rules and lints without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow  # builds and installs a wheel


def test_wheel_contains_rules_and_runs(tmp_path):
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-w", str(wheels)],
        check=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("newslint-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    assert (target / "lint" / "_rules" / "duplicated-paragraph.yaml").is_file()
    assert (target / "lint" / "_rules" / "lexicons" / "inflation.yaml").is_file()
    assert (target / "lint" / "html" / "report.css").is_file()  # copied by `newslint report`
    assert (target / "lint" / "html" / "article.js").is_file()
    assert (target / "lint" / "html" / "index.js").is_file()
    env = {**os.environ, "PYTHONPATH": str(target), "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import lint, sys; from lint.cli import main; print(lint.__file__);"
            " sys.exit(main(['check', sys.argv[1], '--select', 'repeated-headline']))",
            str(SEEDS),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.splitlines()[0].startswith(str(target))
    assert proc.returncode == 1, proc.stderr
    assert "repeated-headline" in proc.stdout
