"""A rewrite's declared sources, and where they are among a run's documents.

A rewrite declares its original in front-matter ``source:`` (Markdown) or the JSONL ``source_id``
field: a path or an id, or a list of them. :class:`SourceIndex` finds each among the run's
documents by path (relative to the rewrite's folder, or as given), file name, stem, record id or
``id`` field. Pairing (:mod:`lint.tracking.pairing`) and the Ray job's pair stage
(:mod:`lint.distributed.pairs`) resolve declared sources the same way, through here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from lint.core.document import Document


def declared_sources(document: Document) -> list[str]:
    """The sources ``document`` declares (front matter ``source``, a record's ``source_id``), as
    written; none when it declares none."""
    source = document.metadata.get("source")
    items = source if isinstance(source, list | tuple) else [source]
    return [str(item) for item in items if item not in (None, "")]


class SourceIndex:
    """Find a declared source among the run's documents: by path, record id, ``id``, stem."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._keys: dict[str, Document] = {}
        for document in documents:  # first wins: documents are sorted by path and line
            path = PurePosixPath(document.path)
            keys = [str(path), path.name, path.stem, document.record, document.metadata.get("id")]
            for key in keys:
                if key is not None:
                    self._keys.setdefault(str(key), document)

    def find(self, source: str, rewrite: Document) -> Document | None:
        here = PurePosixPath(rewrite.path).parent
        joined = _normpath(here / source)
        for key in (joined, _normpath(PurePosixPath(source)), source):
            if key in self._keys:
                return self._keys[key]
        return None


def _normpath(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            else:
                parts.append(part)
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
