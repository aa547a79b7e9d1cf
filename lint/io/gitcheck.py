"""Whether git tracks the cache folder: a committed cache is neither read nor written, with a
warning that says how to untrack it. A run outside any git work tree never starts git, and a slow
or hung git never holds the run up for longer than :data:`GIT_TIMEOUT`.
"""

from __future__ import annotations

from pathlib import Path

GIT_TIMEOUT = 5.0  # seconds: a slow or hung git never holds the run up for longer


def _in_git_work_tree(folder: Path) -> bool:
    """Whether ``folder`` or a parent holds ``.git`` (a folder, or a file for a worktree): a few
    stat calls, so a run outside any repository never starts git."""
    try:
        folder = folder.resolve()
    except (OSError, RuntimeError):
        return False
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))


def git_tracked(directory: Path, timeout: float = GIT_TIMEOUT) -> int:
    """How many files under ``directory`` git tracks: 0 when the folder does not exist, lies in no
    git work tree, or git is missing, fails or takes over ``timeout`` seconds."""
    if not directory.is_dir() or not _in_git_work_tree(directory):
        return 0
    import subprocess  # only when there is a git work tree to ask (a run without the cache never)

    try:
        done = subprocess.run(
            ["git", "-C", str(directory), "ls-files", "-z", "--", "."],
            capture_output=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return 0
    return done.stdout.count(b"\0") if done.returncode == 0 else 0


def tracked_warning(directory: Path, count: int) -> str:
    """The warning for a cache folder git tracks; the folder relative to the current one when it
    lies under it (the ``git rm`` it suggests runs as shown)."""
    try:
        shown = directory.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        shown = directory.as_posix()
    return (
        f"{shown}: the cache folder is tracked by git ({count} file{'s' * (count != 1)}), so "
        f"it is neither read nor written; untrack it: git rm -r --cached {shown}"
    )
