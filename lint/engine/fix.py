"""``check --fix`` and ``--diff``: apply the edits findings carry, and nothing else.

A kind attaches a fix to a hit as :class:`lint.core.finding.Edit` values (document offsets); the
fixer knows no rule by name. Each round applies, per document, the edits of every finding whose
edits do not overlap an earlier finding's (by position), then lints again, until no finding carries
an applicable edit (or ``MAX_ROUNDS``): a fix can change how the rest is segmented. JSONL records
are never edited (re-serialising records is not a safe edit). A file is written only if it
changes, atomically, with its BOM and mode kept; never through a symbolic link, and not at all
(a warning) when read-only, owned by another user or hard-linked elsewhere, unless forced
(``--force-fix``: the file is then replaced as any other, so it becomes the user's and its other
hard links keep the old text).
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import glob
import itertools
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.core.document import Document
from lint.core.finding import Edit, Finding
from lint.errors import OutputError
from lint.io.atomic import write_atomic
from lint.io.files import Unreadable, decode, read_regular
from lint.io.readers import parse

MAX_ROUNDS = 10

Lint = Callable[[list[Document]], list[Finding]]


def applicable(findings: Iterable[Finding]) -> list[Finding]:
    """The findings whose edits apply together: first by position, skipping any that overlaps
    one taken before it (it may apply in the next round)."""
    taken: list[Finding] = []
    end = -1
    fixes = sorted((f for f in findings if f.edits), key=lambda f: min(e.span for e in f.edits))
    for finding in fixes:
        edits = sorted(finding.edits)
        if edits[0].span.start < end or _overlapping(edits):
            continue
        taken.append(finding)
        end = max(e.span.end for e in edits)
    return taken


def _overlapping(edits: Sequence[Edit]) -> bool:
    return any(a.span.end > b.span.start for a, b in itertools.pairwise(edits))


def apply(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with the (disjoint) ``edits`` made."""
    parts, pos = [], 0
    for edit in sorted(edits):
        parts.append(text[pos : edit.span.start])
        parts.append(edit.replacement)
        pos = edit.span.end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(frozen=True)
class Change:
    """One file's text before and after fixing, and how many findings the fix removed."""

    path: str
    before: str
    after: str
    fixed: int


@dataclass(frozen=True)
class Outcome:
    """The corpus after fixing: documents, their remaining findings, and what changed."""

    documents: tuple[Document, ...]
    originals: tuple[Document, ...]
    findings: tuple[Finding, ...]
    changes: tuple[Change, ...]

    def reverting(self, paths: set[str]) -> list[Document]:
        """The fixed documents, with those of ``paths`` (fixes not written) as they were."""
        return [
            o if o.path in paths else d for d, o in zip(self.documents, self.originals, strict=True)
        ]


def _fixed(document: Document, text: str) -> Document:
    result = parse(document.path, text)
    if isinstance(result, Unreadable):  # a fix broke the front matter: keep the document as it was
        raise RuntimeError(str(result))
    return result


def _round(current: list[Document], counts: list[int], findings: list[Finding]) -> bool:
    """Apply one round of edits in place; whether anything changed."""
    by_key: dict[tuple[str, str | None], list[Finding]] = {}
    for finding in findings:
        by_key.setdefault(finding.key, []).append(finding)
    changed = False
    for i, document in enumerate(current):
        if document.record is not None:
            continue
        fixes = applicable(by_key.get((document.path, None), ()))
        if fixes:
            text = apply(document.text, (e for f in fixes for e in f.edits))
            current[i] = _fixed(document, text)
            counts[i] += len(fixes)
            changed = True
    return changed


def fix_corpus(
    documents: Sequence[Document], lint: Lint, findings: Sequence[Finding] | None = None
) -> Outcome:
    """Fix ``documents`` in memory until no finding's edits apply (or ``MAX_ROUNDS``);
    ``findings`` are ``lint(documents)`` when the caller has them already."""
    current = list(documents)
    counts = [0] * len(current)
    findings = list(findings) if findings is not None else lint(current)
    for _ in range(MAX_ROUNDS):
        if not _round(current, counts, findings):
            break
        findings = lint(current)
    changes = tuple(
        Change(o.path, o.text, d.text, n)
        for o, d, n in zip(documents, current, counts, strict=True)
        if n
    )
    return Outcome(tuple(current), tuple(documents), tuple(findings), changes)


def _lines(text: str) -> list[str]:
    """Lines with their ``\\n`` (unlike ``str.splitlines``, only ``\\n`` breaks a line)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def unified_diff(change: Change) -> str:
    """A unified diff of one change, ``--- a/PATH`` / ``+++ b/PATH`` for a relative path."""
    prefix_a, prefix_b = ("", "") if Path(change.path).is_absolute() else ("a/", "b/")
    out = []
    for line in difflib.unified_diff(
        _lines(change.before),
        _lines(change.after),
        fromfile=prefix_a + change.path,
        tofile=prefix_b + change.path,
    ):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


class FixSkipped(OutputError):
    """A fix left unwritten on purpose (a link, a read-only file, another user's file, a file
    with other hard links): a warning, not an error."""


#: what ``--force-fix`` overrides; a symbolic link or a file that is not regular is never written
FORCE_HINT = "--force-fix writes it"


def refusal(path: str, force: bool = False) -> str | None:
    """Why ``--fix`` must not replace the file at ``path``, or None. It never writes through a
    symbolic link (the target may lie outside the corpus); unless ``force``, it never replaces a
    read-only file or one another user owns (replacing would change its owner), and never splits
    hard links."""
    try:
        info = os.lstat(path)
    except OSError:
        return None  # reported when it is read again
    if stat.S_ISLNK(info.st_mode):
        return "a symbolic link"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if force:
        return None
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "owned by another user"
    if not info.st_mode & stat.S_IWUSR:
        return "read-only"
    if info.st_nlink > 1:
        return f"it has {info.st_nlink - 1} other hard link{'s' if info.st_nlink > 2 else ''}"
    return None


def _sweep(path: str) -> None:
    """Remove the temporary files a killed earlier run left beside ``path`` (``write_atomic``
    removes its own on any failure it lives through, but not on SIGKILL)."""
    folder = Path(path).parent
    for temp in folder.glob(f".{glob.escape(Path(path).name)}.*.newslint-tmp"):
        with contextlib.suppress(OSError):
            if temp.is_file() and not temp.is_symlink():
                temp.unlink()


def write(change: Change, force: bool = False) -> None:
    """Write ``change.after`` over the file atomically, keeping its BOM and mode.

    The file is read again first: if it no longer holds ``change.before`` (edited meanwhile), it is
    left alone. A file :func:`refusal` rejects (given ``force``) raises :class:`FixSkipped`; any
    other failure raises :class:`OutputError`, each with a one-line message.
    """
    _sweep(change.path)
    why = refusal(change.path, force)
    if why is not None:
        hint = "" if refusal(change.path, force=True) else f" ({FORCE_HINT})"
        raise FixSkipped(f"{change.path}: {why}, fix not written{hint}")
    try:
        raw = read_regular(change.path)
        if decode(change.path, raw) != change.before:
            raise OutputError(f"{change.path}: changed while being fixed, left unchanged")
        bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
        write_atomic(change.path, bom + change.after.encode("utf-8"))
    except OSError as err:
        reason = err.strerror or str(err)
        message = f"{change.path}: cannot write the fix ({reason}), left unchanged"
        raise OutputError(message) from None
