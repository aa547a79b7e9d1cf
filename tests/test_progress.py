"""The progress bar: on a terminal's stderr for long runs, never when piped or for json."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import tempfile

import pytest
from conftest import ROOT, cli_env
from generated import make_jsonl

from lint.io.progress import DELAY, EAGER, Progress


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_silent_for_a_short_run_then_drawn_and_cleared():
    clock, stream = _Clock(), io.StringIO()
    progress = Progress(stream, clock)
    progress.add(10)
    progress.advance(3)
    assert stream.getvalue() == ""  # a short run never shows the bar
    clock.now = DELAY + 0.01
    progress.advance(2)
    drawn = stream.getvalue()
    assert drawn.startswith("\r") and "5/10 documents" in drawn and "\n" not in drawn
    progress.stage("corpus rules")
    assert stream.getvalue().endswith("corpus rules")
    progress.close()
    assert stream.getvalue().endswith("\r") and stream.getvalue().rstrip("\r").endswith(" ")


def test_many_documents_show_at_once_and_redraws_are_throttled():
    clock, stream = _Clock(), io.StringIO()
    progress = Progress(stream, clock)
    progress.add(EAGER)
    progress.advance()
    assert "1/" in stream.getvalue()
    for _ in range(50):
        progress.advance()  # the clock stands still: no redraw until 0.1 s passed
    assert stream.getvalue().count("\r") == 1
    clock.now = 0.2
    progress.advance()
    assert f"52/{EAGER}" in stream.getvalue()


def test_without_a_stream_it_only_counts():
    progress = Progress(None, _Clock())
    progress.add(EAGER * 2)
    progress.advance(5)
    progress.close()
    assert (progress.done, progress.total) == (5, EAGER * 2)


def _run_with_stderr_on_a_pty(args: list[str], cache) -> tuple[int, str, str]:
    """Run the CLI with stdout to a file and stderr on a pseudo-terminal; (code, stdout, stderr)."""
    master, slave = os.openpty()
    with tempfile.TemporaryFile() as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint", *args],
            cwd=ROOT,
            stdout=stdout,
            stderr=slave,
            env=cli_env(cache),
        )
        os.close(slave)
        chunks = []
        while True:  # drain the terminal as the run goes, so the child never blocks on it
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(master, 4096)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=300)
        os.close(master)
        stdout.seek(0)
        return code, stdout.read().decode(), b"".join(chunks).decode()


@pytest.mark.slow
def test_bar_on_a_terminal_never_when_piped_and_stdout_identical(tmp_path):
    corpus = make_jsonl(tmp_path / "many.jsonl", EAGER + 20, paragraphs=1)
    args = ["check", str(corpus), "--select", "placeholder-text,stylistic-inflation", "--no-cache"]
    code, out, err = _run_with_stderr_on_a_pty(args, tmp_path / "cache")
    assert "newslint: [" in err and f"/{EAGER + 20} documents" in err
    assert err.endswith("\r")  # cleared at the end
    piped = subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=cli_env(tmp_path / "cache"),
        timeout=300,
    )
    assert (piped.returncode, piped.stdout) == (code, out)
    assert piped.stderr == ""
    assert out.count("stylistic-inflation") > 10


@pytest.mark.slow
def test_no_bar_for_json_even_on_a_terminal(tmp_path):
    corpus = make_jsonl(tmp_path / "many.jsonl", EAGER + 20, paragraphs=1)
    args = ["check", str(corpus), "--select", "placeholder-text", "--no-cache", "--format", "json"]
    code, out, err = _run_with_stderr_on_a_pty(args, tmp_path / "cache")
    assert err == ""
    assert code == 0 and out.strip() == "[]"
