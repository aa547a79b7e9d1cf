"""``--changed-since REF``: the articles under PATHs that git says changed since REF (committed,
staged, unstaged or untracked, deleted ones left out), with every article under PATHs as the
corpus context, so corpus and pair rules still compare with the whole corpus."""

from __future__ import annotations

import argparse
import os
import subprocess
from pathlib import Path

from lint.errors import InputError
from lint.io.readers import SUFFIXES


def _git(*args: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, text=True, check=False, timeout=120
        )
    except OSError as err:
        raise InputError(f"--changed-since: cannot run git ({err.strerror})") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["git failed"])[0]
        raise InputError(f"--changed-since: {first}")
    return [line for line in done.stdout.split("\0") if line]


def changed_files(ref: str) -> list[str]:
    """Paths relative to the current folder of the files changed since ``ref`` (and untracked
    ones), that still exist."""
    diff = _git("diff", "--name-only", "--relative", "-z", "--diff-filter=d", ref, "--")
    untracked = _git("ls-files", "--others", "--exclude-standard", "-z")
    return sorted(p for p in dict.fromkeys(diff + untracked) if Path(p).is_file())


def _under(path: str, roots: list[str]) -> bool:
    full = os.path.abspath(path)
    return any(full == r or full.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def targets(args: argparse.Namespace) -> tuple[list[str], Path]:
    """(the changed articles under ``args.paths``, the corpus root: ``--corpus-root`` or the
    folder the paths share)."""
    roots = [os.path.abspath(p) for p in args.paths]
    for raw, full in zip(args.paths, roots, strict=True):
        if not os.path.exists(full):
            raise InputError(f"{raw}: no such file or directory")
    files = [
        p
        for p in changed_files(args.changed_since)
        if Path(p).suffix in SUFFIXES and _under(p, roots)
    ]
    if args.corpus_root is not None:
        return files, args.corpus_root
    common = os.path.commonpath(roots)
    root = Path(common if os.path.isdir(common) else os.path.dirname(common))
    return files, Path(os.path.relpath(root))
