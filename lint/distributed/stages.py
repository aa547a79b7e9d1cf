"""The Ray job's stages, each a Ray Data step over one group (one corpus) that writes Parquet
(kept, signed and read back by :mod:`lint.distributed.storage`).

1. ``documents``: read the files into sources (a file, a JSONL line or a Parquet row), parse and
   segment, run the per-document rules (:func:`lint.engine.parallel.run_tasks`, as ``--jobs``
   workers do, one engine per batch), and compute the corpus keys (:mod:`lint.distributed.keys`)
   and what pairing needs to know.
2. ``candidates``: the keys held twice or more, which link documents (a hash shuffle of
   packed integer keys, :mod:`lint.distributed.candidates`).
3. ``components`` (only when the links are too many for the driver's union-find): connected
   components as Ray Data rounds (:mod:`lint.distributed.components`), joined to the documents
   by a groupby on the document.
4. ``corpus``: each connected component checked by its corpus rule (the engine's
   ``check_corpus``, on whole documents in corpus order, the corpus context first, so first
   copies and Jaccard verification are the rule's own).
5. ``pairs``: rewrites checked against their originals (:mod:`lint.distributed.pairs`).
6. ``finish``: per document, inline directives, per-file ignores and one finding per problem
   (``Group.finish``), and each finding's baseline entry when a baseline is read or written.

Files of the corpus context (``--corpus-root``) go through stage 1 (parsed and keyed, not
linted) and are seen by the corpus and pair rules, never reported.

Rows carry sources (bytes) and pickled findings, never parsed documents: a stage that needs a
document parses its source again.
"""

from __future__ import annotations

import os
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lint.core.document import Document
from lint.core.finding import Finding
from lint.core.kept import full
from lint.distributed.candidates import pack
from lint.distributed.keys import UnionFind, corpus_keys, slot_id
from lint.engine.engine import Engine, document_order
from lint.engine.groups import Group
from lint.engine.parallel import Task, Work, run_tasks
from lint.io.files import Unreadable
from lint.io.records import JsonlFields
from lint.io.sources import Source, read_sources

Row = dict[str, Any]
Batch = dict[str, Any]
NONE = "\x01"  # a document key's record when it has none
NO_KEYS: list[tuple[int, int]] = []


def dkey(path: str, record: str | None) -> str:
    return f"{path}\x00{NONE if record is None else record}"


def _sources(row: Row) -> list[Row]:
    """A file's sources, read by its absolute path (a worker's folder is not the driver's) and
    named as the driver names it."""
    return [
        {"name": row["path"], "line": s.line, "data": s.data, "problem": s.problem or ""}
        for s in read_sources(Path(row["absolute"]))
    ]


def _source(name: str, line: int, data: bytes, problem: str) -> Source:
    return Source(str(name), int(line), bytes(data), problem or None)


def _rows(batch: Batch) -> Iterator[Source]:
    for name, line, data, problem in zip(
        batch["name"], batch["line"], batch["data"], batch["problem"], strict=True
    ):
        yield _source(name, line, data, problem)


def _parse(sources: Sequence[Source], fields: JsonlFields) -> list[Document]:
    documents = [r for s in sources if not isinstance(r := s.parse(fields), Unreadable)]
    return sorted(documents, key=document_order)


def _meta(group: Group, document: Document, context: bool) -> bytes:
    """What pairing needs of a document, without its text."""
    source = document.metadata.get("source")
    ident = document.metadata.get("id")
    return pickle.dumps(
        (document.path, document.line_offset, document.record, ident, source,
         group.config.is_original(document.path), context)
    )  # fmt: skip


def in_folder(folder: str, step: Callable[[Batch], Batch]) -> Callable[[Batch], Batch]:
    """``step`` run from the driver's ``folder``: the configuration resolves linted paths
    (originals, per-file ignores) against the current folder, as ``newslint check`` does."""

    def run(batch: Batch) -> Batch:
        if os.getcwd() != folder and os.path.isdir(folder):
            os.chdir(folder)
        return step(batch)

    return run


def _die_once(marker: str | None) -> None:
    """Tests: the first worker to get here (it creates ``marker``) dies, as a killed node would;
    Ray retries its task."""
    if marker:
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)


def documents_step(
    group: Group, pairs: bool, kill: str | None = None, context: frozenset[str] = frozenset()
) -> Callable[[Batch], Batch]:
    """Parse, per-document rules, keys. A source of a ``context`` file (``--corpus-root``) is
    parsed and keyed but not linted; if it cannot be read, it is a warning, as in ``newslint
    check``, not a finding."""
    work = Work(group.rules, group.config.jsonl)

    def step(batch: Batch) -> Batch:
        _die_once(kill)
        out: dict[str, list[Any]] = defaultdict(list)
        sources = list(_rows(batch))
        hidden = [s.name in context for s in sources]
        tasks = [
            Task(i, s, not h, True) for i, (s, h) in enumerate(zip(sources, hidden, strict=True))
        ]
        outcomes = run_tasks(work, tasks)  # one engine for the batch
        for source, outcome, is_context in zip(sources, outcomes, hidden, strict=True):
            document = None if outcome.document is None else full(outcome.document)  # not kept
            keys = corpus_keys(group.rules, document) if document is not None else NO_KEYS
            out["slot"].append(slot_id(source.name, source.line))
            out["name"].append(source.name)
            out["line"].append(source.line)
            out["data"].append(source.data)
            out["problem"].append(source.problem or "")
            key = dkey(document.path, document.record) if document else dkey(source.name, None)
            out["dkey"].append(key)
            out["findings"].append(pickle.dumps(list(outcome.findings or ())))
            out["keys"].append(pack(keys))
            meta = _meta(group, document, is_context) if pairs and document else b""
            out["meta"].append(meta)
            out["context"].append(is_context)
            unread = is_context and document is None
            out["warning"].append(f"{source.parse(work.fields)} (corpus context)" if unread else "")
        return dict(out)

    return step


def components(candidates: Sequence[Row]) -> list[tuple[int, list[int]]]:
    """``(rule index, sorted slots)`` of every connected component of linked documents."""
    finders: dict[int, UnionFind] = defaultdict(UnionFind)
    for row in candidates:
        finders[int(row["r"])].union([int(d) for d in row["ds"]])
    return [(r, c) for r, finder in sorted(finders.items()) for c in finder.components()]


def _member(row: Row, rule: int, component: int) -> Row:
    return {"r": rule, "c": component, "name": row["name"], "line": row["line"],
            "data": row["data"], "problem": row["problem"], "context": row["context"]}  # fmt: skip


def assign_step(
    members: dict[int, list[int]], rule_of: dict[int, int]
) -> Callable[[Row], list[Row]]:
    """A document's rows, one per component (numbered on the driver) it is in."""

    def step(row: Row) -> list[Row]:
        return [_member(row, rule_of[c], c) for c in members.get(int(row["slot"]), ())]

    return step


SOURCE_COLUMNS = ["slot", "name", "line", "data", "problem", "context"]


def as_source_rows(batch: Batch) -> Batch:
    """Documents' rows for the join with labels (no rule, no component)."""
    n = len(batch["slot"])
    return {**{k: batch[k] for k in SOURCE_COLUMNS}, "r": [-1] * n, "c": [0] * n}


def as_label_rows(batch: Batch) -> Batch:
    """Labels' rows ``(r, slot, c)`` for the join with documents (no source)."""
    n = len(batch["slot"])
    return {
        "slot": batch["slot"], "name": [""] * n, "line": [-1] * n, "data": [b""] * n,
        "problem": [""] * n, "context": [False] * n, "r": batch["r"], "c": batch["c"],
    }  # fmt: skip


def join_labels(group: Batch) -> Batch:
    """One slot's rows: its source and its labels, as one row per ``(rule, component)``."""
    names = list(group)
    rows = [
        dict(zip(names, row, strict=True)) for row in zip(*(group[n] for n in names), strict=True)
    ]
    source = next((row for row in rows if int(row["r"]) < 0), None)
    out: dict[str, list[Any]] = defaultdict(list)
    if source is None:
        return dict(out)
    for rule, component in sorted({(int(r["r"]), int(r["c"])) for r in rows if int(r["r"]) >= 0}):
        for key, value in _member(source, rule, component).items():
            out[key].append(value)
    return dict(out)


def corpus_step(group: Group) -> Callable[[Batch], Batch]:
    """One component of one corpus rule: the rule on its documents, in corpus order."""

    def step(batch: Batch) -> Batch:
        rule = group.rules[int(batch["r"][0])]
        sources = list(zip(_rows(batch), batch["context"], strict=True))
        documents = _parse([s for s, hidden in sources if not hidden], group.config.jsonl)
        context = _parse([s for s, hidden in sources if hidden], group.config.jsonl)
        found = Engine([rule]).check_corpus(documents, context)  # nothing in context returned
        return _by_document(found)

    return step


def _by_document(findings: Sequence[Finding]) -> Batch:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[dkey(finding.path, finding.record)].append(finding)
    keys = sorted(grouped)
    return {"dkey": keys, "findings": [pickle.dumps(grouped[k]) for k in keys]}


def finish_step(group: Group, baseline_root: str | None) -> Callable[[Batch], Batch]:
    """Per document: directives, per-file ignores, one finding per problem; with
    ``baseline_root`` (the baseline file's folder), each finding's baseline entry too, made here
    where the document's text is."""

    def step(batch: Batch) -> Batch:
        from lint.io import baseline

        sources = [s for s, n in zip(_rows(batch), batch["line"], strict=True) if n >= 0]
        documents = _parse(sources, group.config.jsonl)
        findings = [f for blob in batch["findings"] for f in pickle.loads(blob)]
        finished = sorted(group.finish(findings, documents))
        entries = (
            baseline.entries(finished, documents, Path(baseline_root)) if baseline_root else []
        )
        return {
            "dkey": [batch["dkey"][0]],
            "findings": [pickle.dumps(finished)],
            "entries": [pickle.dumps(entries)],
        }

    return step
