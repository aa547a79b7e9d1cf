"""The README's examples are real: every ``$ newslint ...`` example that can run from a clean
checkout is run and its output compared (``...`` in an example stands for any lines), and the
pre-commit snippet is run as written in a fresh git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, write

pytestmark = pytest.mark.slow  # the real command in subprocesses

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Examples that need what a checkout does not have (shared data, a corpus of your own) or that
# change files, each checked by its own test below or not at all.
NOT_HERE = (
    "newslint train",
    "newslint report",
    "git add",
    "python bench/",
    "newslint check .",
    "newslint check story.txt",  # a rule file and configuration shown as YAML: test_cli.py
)


def examples() -> list[tuple[int, list[tuple[str, list[str]]]]]:
    """(line number, [(command, output lines)]) for each fenced block holding ``$ `` commands."""
    found = []
    for match in re.finditer(r"^```\n(\$ .*?)^```", README, re.M | re.S):
        steps: list[tuple[str, list[str]]] = []
        lines = match.group(1).splitlines()
        i = 0
        while i < len(lines):
            command = lines[i][2:]
            i += 1
            output: list[str] = []
            heredoc = re.search(r"<<'(\w+)'$", command)
            while i < len(lines) and not lines[i].startswith("$ "):
                output.append(lines[i])
                i += 1
                if heredoc and output[-1] == heredoc.group(1):
                    break
            steps.append((command, output))
        found.append((README[: match.start()].count("\n") + 1, steps))
    return found


def same(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` matches ``expected``, where a ``...`` line stands for any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(same(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and same(expected[1:], actual[1:])


def terminal(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """What a terminal shows, in its order: warnings (printed before the report), the report,
    then the rest of stderr (errors, ``Would fix ...``)."""
    errs = proc.stderr.splitlines()
    warnings = [e for e in errs if e.startswith("newslint: warning: ")]
    rest = [e for e in errs if not e.startswith("newslint: warning: ")]
    return warnings + proc.stdout.splitlines() + rest


def _runnable(steps: list[tuple[str, list[str]]]) -> bool:
    commands = [c for c, _ in steps]
    return not any(c.startswith(NOT_HERE) or "corpus" in c for c in commands) and any(
        c.startswith("newslint ") for c in commands
    )


CASES = [(line, steps) for line, steps in examples() if _runnable(steps)]
# files the README shows with `$ cat NAME`: later examples read them too
SHOWN = {c.split()[1]: out for _, steps in examples() for c, out in steps if c.startswith("cat ")}


def _workdir(work: Path) -> None:
    shutil.copytree(ROOT / "seeds", work / "seeds")
    (work / "empty").mkdir()
    for name, lines in SHOWN.items():
        write(work / name, "\n".join(lines) + "\n")


@pytest.mark.parametrize(("line", "steps"), CASES, ids=[f"README.md:{n}" for n, _ in CASES])
def test_readme_example_is_real(tmp_path, line, steps):
    work = tmp_path / "work"
    _workdir(work)
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    for command, expected in steps:
        if command.startswith("cat "):  # the file the next commands read
            write(work / command.split()[1], "\n".join(expected) + "\n")
            continue
        if "<<" in command:  # a shell here-document: run it as written
            script = "\n".join([command, *expected])
            subprocess.run(["bash", "-c", script], cwd=work, env=env, check=True)
            continue
        argv = [sys.executable, "-m", "lint", *command.split()[1:]]
        proc = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True)
        shown = terminal(proc)
        assert same(expected, shown), f"README.md:{line}: {command}\n" + "\n".join(shown)


def test_fix_example(tmp_path):
    ((_, steps),) = [(n, s) for n, s in examples() if s[0][0].startswith("cp -r seeds corpus")]
    (_, expected) = steps[0]
    shutil.copytree(ROOT / "seeds", tmp_path / "corpus")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "corpus", "--fix", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert same(expected, terminal(proc))
    assert "`newslint check seeds/` finds 80;" in README


def test_baseline_example_count(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", ".", "--write-baseline", "newslint-baseline.json"],
        cwd=tmp_path / "seeds",
        capture_output=True,
        text=True,
    )
    wrote = proc.stdout.strip()
    assert f"$ newslint check . --write-baseline newslint-baseline.json\n{wrote}\n" in README


def _precommit_env(tmp_path: Path) -> dict[str, str]:
    """Offline, isolated pre-commit (as tests/test_precommit.py's try-repo test)."""
    from test_precommit import _dependencies_view, _env

    env = _env(tmp_path)
    env.pop("PIP_FIND_LINKS", None)
    env.update(
        PIP_CONFIG_FILE=os.devnull,
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",
        PYTHONPATH=str(_dependencies_view(tmp_path / "deps")),
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
    )
    return env


def _has_rev(rev: str) -> bool:
    proc = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
    )
    return proc.returncode == 0


def test_precommit_snippet_works_as_written(tmp_path):
    snippet = README[README.index("```yaml\nrepos:\n") + 8 :]
    snippet = snippet[: snippet.index("```")]
    config = yaml.safe_load(snippet)
    (repo_entry,) = config["repos"]
    if not (ROOT / ".git").exists() or not _has_rev(repo_entry["rev"]):
        pytest.skip(f"this checkout has no {repo_entry['rev']!r} to install from")
    from test_precommit import _git, _precommit

    env = _precommit_env(tmp_path)
    repo = tmp_path / "corpus"
    repo.mkdir()
    assert _git(repo, env, "init", "-q", ".").returncode == 0
    # the snippet as written; only the URL points at this checkout
    write(repo / ".pre-commit-config.yaml", snippet.replace(repo_entry["repo"], str(ROOT)))
    paragraph = "The council approved a budget of four million pounds on Tuesday, the mayor said.\n"
    write(repo / "articles" / "z_budget.txt", "Council approves budget\n" + paragraph)
    write(repo / "articles" / "a_copy.txt", "Budget passes\n" + paragraph)
    notes = "The archive holds every story the desk has published since the first issue.\n"
    write(repo / "README.md", "Notes\n" + notes * 2)  # a fault outside files: ^articles/
    assert _git(repo, env, "add", ".").returncode == 0
    proc = _precommit(repo, env, "run", "--files", "articles/a_copy.txt", "README.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert (
        "articles/a_copy.txt:2:1: duplicated-paragraph [error] "
        "paragraph duplicates articles/z_budget.txt:2 (in another document)"
    ) in output
    assert "README.md:" not in output
    # the README's advice: pin the branch to its commit
    proc = _precommit(repo, env, "autoupdate", "--freeze")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pinned = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{40}", pinned["repos"][0]["rev"])


def _elided(expected: list[str], actual: list[str]) -> list[str]:
    """``actual`` cut as ``expected`` was: its first and last lines around one ``...``."""
    if "..." not in expected:
        return actual
    head = expected.index("...")
    tail = len(expected) - 1 - max(i for i, e in enumerate(expected) if e == "...")
    if head + tail >= len(actual):
        return actual
    return [*actual[:head], "...", *actual[len(actual) - tail :]]


def update(readme: Path = ROOT / "README.md") -> int:
    """Rewrite the output of every runnable README example that no longer matches (run
    ``python tests/test_readme.py`` from the repository root); returns how many changed."""
    import tempfile

    text = readme.read_text(encoding="utf-8")
    changed = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work"
        _workdir(work)
        env = {**os.environ, "NEWSLINT_CACHE_DIR": str(Path(tmp) / "cache")}
        for _line, steps in CASES:
            for command, expected in steps:
                if command.startswith("cat "):
                    write(work / command.split()[1], "\n".join(expected) + "\n")
                    continue
                if "<<" in command:
                    script = "\n".join([command, *expected])
                    subprocess.run(["bash", "-c", script], cwd=work, env=env, check=True)
                    continue
                argv = [sys.executable, "-m", "lint", *command.split()[1:]]
                proc = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True)
                shown = terminal(proc)
                if same(expected, shown):
                    continue
                old = "\n".join([f"$ {command}", *expected]) + "\n"
                new = "\n".join([f"$ {command}", *_elided(expected, shown)]) + "\n"
                text = text.replace(old, new, 1)
                changed += 1
    readme.write_text(text, encoding="utf-8")
    return changed


if __name__ == "__main__":
    print(f"{update()} README examples updated")
