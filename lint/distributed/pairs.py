"""The Ray job's pairing stage (``pairs``): originals found on the driver from compact metadata
(declared sources resolved as :mod:`lint.tracking.pairing` resolves them, by
:mod:`lint.tracking.declared`), sent to every worker; each batch of rewrites is paired by
``pair_documents`` and checked by the engine's ``check_pairs``."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from typing import Any

from lint.core.document import Document
from lint.core.finding import Finding
from lint.distributed.keys import slot_id
from lint.distributed.stages import Batch, Row, _by_document, _parse, _rows
from lint.engine.engine import document_order
from lint.engine.groups import Group
from lint.kinds.base import Scope


def _stub(meta: bytes) -> tuple[Document, bool, bool]:
    """A text-less document with what pairing's index reads, whether it is an original and
    whether it is corpus context."""
    path, line, record, ident, source, original, context = pickle.loads(meta)
    metadata = {k: v for k, v in (("id", ident), ("source", source)) if v is not None}
    stub = Document(path, "", (), metadata=metadata, line_offset=line, record=record)
    return stub, original, context


def pairing_order(context: frozenset[str]) -> Callable[[Document], tuple[bool, Any]]:
    """The order pairing sees documents in, as ``newslint check`` hands them over: the corpus
    context first, then the linted documents, each in corpus order."""
    return lambda d: (d.path not in context, document_order(d))


def originals(metas: Sequence[Row]) -> set[int]:
    """The slots of the originals: declared by the configuration, or named as a rewrite's
    source (resolved by pairing's own index, over every document in corpus order)."""
    from lint.tracking.declared import SourceIndex, declared_sources

    stubs = [(*_stub(m["meta"]), int(m["slot"])) for m in metas if m["meta"]]
    stubs.sort(key=lambda item: (not item[2], document_order(item[0])))
    index = SourceIndex([stub for stub, _, _, _ in stubs])
    slots = {id(stub): slot for stub, _, _, slot in stubs}
    marked = {slot for _, original, _, slot in stubs if original}
    for stub, _, _, _ in stubs:
        for declared in declared_sources(stub):  # a rewrite may name several sources
            found = index.find(declared, stub)
            if found is not None and found is not stub:
                marked.add(slots[id(found)])
    return marked


def declares_a_source(metas: Sequence[Row]) -> bool:
    """Whether any document declares a source (front matter ``source``, a record's
    ``source_id``): with no original and no declared source, pairing pairs nothing
    (:func:`lint.tracking.pairing.pair_documents`)."""
    from lint.tracking.declared import declared_sources

    return any(declared_sources(_stub(m["meta"])[0]) for m in metas if m["meta"])


_BROADCAST: dict[str, list[Document]] = {}


def pairs_step(
    group: Group, ref: Any, marked: set[int], context: frozenset[str]
) -> Callable[[Batch], Batch]:
    def step(batch: Batch) -> Batch:
        import ray

        key = ref.hex()
        if key not in _BROADCAST:
            _BROADCAST.clear()
            _BROADCAST[key] = _parse(ray.get(ref), group.config.jsonl)
        known = _BROADCAST[key]
        sources = [
            s
            for s, hidden in zip(_rows(batch), batch["context"], strict=True)
            if not hidden and slot_id(s.name, s.line) not in marked
        ]
        rewrites = _parse(sources, group.config.jsonl)
        return _by_document(pair_findings(group, known, rewrites, context))

    return step


def pair_findings(
    group: Group,
    known: Sequence[Document],
    batch: Sequence[Document],
    context: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Pair rule findings on the rewrites in ``batch`` (none an original nor context), paired
    against the ``known`` originals; with no ``batch``, on the originals that declare a source
    (not those in the ``context`` files)."""
    from lint.tracking.model import load_model
    from lint.tracking.pairing import pair_documents

    # the configuration's model, validated when the group was prepared; else the shipped one,
    # read only when pairs are made (as lint.engine.engine does)
    if group.model is None and not any(r.level is Scope.PAIR for r in group.rules):
        return []  # no pair rule and no named model: nothing to pair for
    model = group.model if group.model is not None else load_model(None)
    documents = sorted([*known, *batch], key=pairing_order(context))
    ids = {id(d) for d in known}
    pairs = pair_documents(documents, lambda d: id(d) in ids, model)
    wanted = {id(d) for d in batch} if batch else {id(d) for d in known if d.path not in context}
    engine = group.engine()
    return engine.check_pairs([p for p in pairs if id(p.rewrite) in wanted])
