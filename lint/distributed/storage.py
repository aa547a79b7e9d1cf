"""Where the Ray job keeps its stages: one folder per stage under the stage root, read back
instead of run again when it holds a finished stage, so a failed run restarts from the last
finished stage; a run of different inputs or rules (its ``fingerprint``) starts afresh. A folder
holding anything else than the job's own stage files is refused (an error), never emptied.

Stage rows hold pickles (findings, corpus keys), and unpickling runs code: a stage folder is only
read back when its ``_DONE`` file, which lists every file of the stage with its SHA-256, carries
an HMAC made with this user's cache key (:func:`lint.io.signing.signed`, the key the findings
cache and the corpus index are signed with, kept outside any repository). A stage folder
written by someone else (a committed or shared ``--stage-dir``) or changed since is refused with
a warning and computed again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lint.errors import OutputError
from lint.io.signing import signed, verified

DONE = "_DONE"
MANIFEST = "manifest.json"
#: the stage folders the Ray job writes (lint/workflows/ray_group.py)
STAGE_NAMES = frozenset(
    {"1-documents", "2-candidates", "3-components", "3-corpus", "4-pairs", "5-finish"}
)
_MAX_DONE = 64 * 1024 * 1024  # a _DONE lists a stage's files: far less, unless forged


def listing(folder: Path) -> dict[str, str]:
    """Every file under a stage's ``folder`` but ``_DONE`` (as Ray Data reads them), with its
    SHA-256."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.name != DONE and path.is_file():
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
            found[path.relative_to(folder).as_posix()] = digest
    return found


def seal(folder: Path, rows: int) -> None:
    """Mark the stage in ``folder`` finished: its row count and files, signed."""
    body = json.dumps({"rows": rows, "files": listing(folder)}, sort_keys=True)
    (folder / DONE).write_bytes(signed(body.encode("utf-8")))


def finished(folder: Path) -> int | str | None:
    """The rows of the finished stage in ``folder``; None when it has not finished; a reason
    (a string) when its ``_DONE`` is not this user's or its files changed since."""
    done = folder / DONE
    try:
        with done.open("rb") as handle:
            data = handle.read(_MAX_DONE + 1)
    except FileNotFoundError:
        return None
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    body = verified(data) if len(data) <= _MAX_DONE else None
    if body is None:
        return "is not signed with this user's key (written by another user or run, or edited)"
    try:
        sealed = json.loads(body)
        rows, files = int(sealed["rows"]), sealed["files"]
    except (ValueError, TypeError, KeyError):
        return "is not signed with this user's key (written by another user or run, or edited)"
    if files != listing(folder):
        return "has files changed, added or removed since it finished"
    return rows


class Stages:
    """Stage folders under ``root``: a finished stage (``_DONE``, signed) is read back, not run
    again; a run of different inputs or rules (``fingerprint``) starts afresh. ``warnings``:
    the stages refused (one line each)."""

    def __init__(self, root: Path, fingerprint: str, progress: bool = True) -> None:
        self.root = root
        foreign = stranger(root)
        if foreign is not None:
            raise OutputError(
                f"stage folder {root.as_posix()} holds {foreign}, which is not a newslint stage "
                "file: it is neither read nor emptied; give --stage-dir a new or empty folder"
            )
        manifest = root / MANIFEST
        if manifest.exists() and _fingerprint(manifest) != fingerprint:
            shutil.rmtree(root)  # only stage files (above): a new run of other inputs or rules
        root.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps({"fingerprint": fingerprint}))
        self.progress = progress
        self.summary: list[tuple[str, int, float, bool]] = []
        self.warnings: list[str] = []
        self._rows: dict[str, int] = {}

    def run(self, name: str, make: Callable[[], Any]) -> Any:
        """The dataset of stage ``name`` (None when it has no rows), made by ``make`` unless
        finished before."""
        import ray

        folder = self.root / name
        start = time.perf_counter()
        rows = finished(folder)
        if isinstance(rows, str):
            self.warnings.append(
                f"ray stage {folder.as_posix()}: {rows}; it is not read (its rows are pickles) "
                "but computed again"
            )
        reused = isinstance(rows, int)
        if not isinstance(rows, int):
            shutil.rmtree(folder, ignore_errors=True)
            make().write_parquet(str(folder))
            rows = ray.data.read_parquet(str(folder)).count() if _has_files(folder) else 0
            folder.mkdir(parents=True, exist_ok=True)
            seal(folder, rows)
        self._rows[name] = rows
        seconds = time.perf_counter() - start
        self.summary.append((name, rows, seconds, reused))
        if self.progress:
            how = "reused" if reused else f"{rows / max(seconds, 1e-9):,.0f} rows/s"
            print(f"newslint: ray: {name}: {rows:,} rows, {seconds:.1f} s ({how})", file=sys.stderr)
        return ray.data.read_parquet(str(folder)) if rows else None

    def rows(self, name: str) -> int:
        """The rows stage ``name`` wrote (it has finished in this run)."""
        return self._rows[name]


def stranger(root: Path) -> str | None:
    """The first entry under ``root`` (relative, sorted) that the Ray job does not write: only
    ``manifest.json`` and the stage folders, holding Parquet files and ``_DONE``, are its own.
    None when there is none (or no ``root``)."""
    if not root.is_dir():
        return None if not root.exists() else "."
    for entry in sorted(root.iterdir()):
        if entry.name == MANIFEST and entry.is_file() and not entry.is_symlink():
            continue
        if entry.name not in STAGE_NAMES or entry.is_symlink() or not entry.is_dir():
            return entry.name
        for path in sorted(entry.rglob("*")):
            own = path.name == DONE or path.suffix == ".parquet"
            if path.is_symlink() or not path.is_file() or not own:
                return path.relative_to(root).as_posix()
    return None


def _fingerprint(manifest: Path) -> str | None:
    try:
        found = json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return None
    return found if isinstance(found, str) else None


def _has_files(folder: Path) -> bool:
    return folder.exists() and any(folder.glob("*.parquet"))
