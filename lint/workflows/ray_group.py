"""One group's run on a Ray cluster: the stages of :mod:`lint.distributed.stages` driven from the
driver for ``newslint check --engine ray`` (:mod:`lint.workflows.distributed`).

Stage 1 reads the group's files (and its corpus context) into checked documents; with corpus rules,
stage 2 finds the candidate keys documents share, the documents they link are grouped into
components (on the driver, or on the cluster past :data:`DRIVER_LINKS` links) and stage 3 runs the
corpus rules on each; with pair rules, stage 4 pairs each rewrite with its original; stage 5
suppresses and collapses each document's findings from every stage. A stage folder is read back
only for the same rules, files and configuration (and rows of the same :data:`LAYOUT`), so a rerun
of the same inputs restarts after the last finished stage.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.core.finding import Finding
from lint.engine.groups import Group
from lint.kinds.base import Scope

if TYPE_CHECKING:
    from lint.distributed.storage import Stages
    from lint.io.baseline import Entry


#: the stages' row layout: a stage folder of another layout is not read back (2: stage 1's keys
#: are packed int64 pairs, not a pickle; 3: keys made from the rule's own values, bands mixed)
LAYOUT = "3"


def _fingerprint(group: Group, baseline_root: str | None) -> str:
    digest = hashlib.sha256(f"layout {LAYOUT}\n".encode())
    for rule in group.rules:
        digest.update(repr((rule.id, rule.severity, rule.options, rule.message)).encode())
    for kind, paths in (("file", group.files), ("context", group.context)):
        for path in sorted(paths):
            stat = path.stat()
            line = f"{kind}\x00{path.as_posix()}\x00{stat.st_size}\x00{stat.st_mtime_ns}"
            digest.update(line.encode())
    digest.update(repr((group.config.source, group.config.originals, baseline_root)).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Job:
    """What the stages of one group share: the group, its stage folders and the partitioning."""

    group: Group
    steps: Stages
    pairs: bool  # the group has pair rules
    blocks: int  # partitions of a shuffle
    here: str  # the driver's working folder, where the workers read relative paths
    context: frozenset[str]  # the names of the corpus context's files (--corpus-root)
    baseline_root: str | None  # the baseline's folder, when findings need baseline entries


Linted = list[tuple[Finding, "Entry | None"]]


def lint_group(
    group: Group,
    root: Path,
    cpus: int,
    progress: bool = True,
    baseline_root: str | None = None,
) -> Linted:
    """The findings of one group, through the stages under ``root``, each with its baseline
    entry when ``baseline_root`` is given (None otherwise)."""
    from lint.distributed.storage import Stages

    job = _Job(
        group=group,
        steps=Stages(root, _fingerprint(group, baseline_root), progress),
        pairs=any(r.level is Scope.PAIR for r in group.rules),
        blocks=max(2, cpus * 2),
        here=os.getcwd(),
        context=frozenset(p.as_posix() for p in group.context),
        baseline_root=baseline_root,
    )
    try:
        return _stages(job)
    finally:  # a stage refused (not signed with this user's key) is said once, as a warning
        group.warnings.extend(job.steps.warnings)


def _stages(job: _Job) -> Linted:
    group = job.group
    corpus = any(r.level is Scope.CORPUS for r in group.rules)
    documents = job.steps.run("1-documents", lambda: _read(job))
    if documents is None:
        return []
    if job.context:
        rows = documents.filter(lambda row: row["warning"] != "").take_all()
        order = {p.as_posix(): n for n, p in enumerate(group.context)}
        rows.sort(key=lambda row: (order.get(row["name"], -1), row["line"]))
        group.warnings.extend(row["warning"] for row in rows)
    linted = documents.filter(lambda row: not row["context"]) if job.context else documents
    parts = [linted.select_columns(["dkey", "name", "line", "data", "problem", "findings"])]
    if corpus:
        parts += _corpus_parts(job, documents)
    if job.pairs:
        parts += _pair_parts(job, documents)
    return _finish(job, parts)


def _read(job: _Job) -> Any:
    """Stage 1: the group's files read, split into documents and checked."""
    import ray

    from lint.distributed import stages as st

    group = job.group
    linted = [*group.files, *group.context]
    paths = [{"path": p.as_posix(), "absolute": str(p.resolve())} for p in linted]
    files = ray.data.from_items(paths)
    sources = files.flat_map(st._sources).repartition(job.blocks)
    kill = os.environ.get("NEWSLINT_RAY_KILL_ONCE")  # tests: a worker dies mid-stage
    step = st.in_folder(job.here, st.documents_step(group, job.pairs, kill, job.context))
    return sources.map_batches(step, batch_size=64)


def _corpus_parts(job: _Job, documents: Any) -> list[Any]:
    """Stages 2 and 3: candidate keys shared by documents, then the corpus rules' findings."""
    from lint.distributed import stages as st
    from lint.distributed.candidates import ROWS_PER_PART
    from lint.distributed.candidates import candidates as shared

    blocks = job.blocks
    # about 120 keys a document: a reduce partition per ~2.5 M keys beyond the default
    parts = max(blocks, job.steps.rows("1-documents") * 120 // ROWS_PER_PART)
    candidates = job.steps.run("2-candidates", lambda: shared(documents, parts))
    if candidates is None:
        return []
    if _distributed_components(job.steps.rows("2-candidates")):
        assigned = _assign_on_cluster(job, documents, candidates)
    else:
        assigned = _assign_on_driver(documents, candidates)
    if assigned is None:
        return []
    done = job.steps.run(
        "3-corpus",
        lambda: assigned.groupby(["r", "c"], num_partitions=blocks).map_groups(
            st.in_folder(job.here, st.corpus_step(job.group)), batch_format="numpy"
        ),
    )
    return [_findings_only(done)] if done is not None else []


#: linking keys up to which the driver finds the components (a union-find in memory, ~100 B a
#: link); above, or with NEWSLINT_RAY_COMPONENTS=cluster, the cluster does (large-star and
#: small-star rounds, :mod:`lint.distributed.components`)
DRIVER_LINKS = 2_000_000


def _distributed_components(links: int) -> bool:
    where = os.environ.get("NEWSLINT_RAY_COMPONENTS", "auto")
    return where == "cluster" or (where == "auto" and links > DRIVER_LINKS)


def _assign_on_driver(documents: Any, candidates: Any) -> Any:
    """Each linked document's rows, one per component: union-find on the driver."""
    from lint.distributed import stages as st

    found = st.components(candidates.take_all())
    if not found:
        return None
    members: dict[int, list[int]] = {}
    for number, (_, slots) in enumerate(found):
        for slot in slots:
            members.setdefault(slot, []).append(number)
    rule_of = {number: r for number, (r, _) in enumerate(found)}
    return documents.flat_map(st.assign_step(members, rule_of))


def _assign_on_cluster(job: _Job, documents: Any, candidates: Any) -> Any:
    """Each linked document's rows, one per component: connected components and the join with
    the documents as Ray Data steps (nothing of size ~links on the driver)."""
    from lint.distributed import components as cc
    from lint.distributed import stages as st

    def make() -> Any:
        found, rounds = cc.labels(candidates.select_columns(["r", "ds"]), job.blocks)
        if job.steps.progress:
            print(f"newslint: ray: components: {rounds} rounds", file=sys.stderr)
        return found

    labels = job.steps.run("3-components", make)
    if labels is None:
        return None
    sources = documents.select_columns(st.SOURCE_COLUMNS).map_batches(st.as_source_rows)
    union = sources.union(labels.map_batches(st.as_label_rows))
    grouped = union.groupby("slot", num_partitions=job.blocks)
    return grouped.map_groups(st.join_labels, batch_format="numpy")


def _pair_parts(job: _Job, documents: Any) -> list[Any]:
    """Stage 4: the pair rules' findings, each rewrite checked against its original."""
    import ray

    from lint.distributed import pairs as pr
    from lint.distributed import stages as st

    group = job.group
    metas = documents.select_columns(["slot", "meta"]).take_all()
    marked = pr.originals(metas)
    if not marked and not pr.declares_a_source(metas):
        return []  # no original, no declared source: no pair (the stage read every document)
    known = documents.filter(lambda row: int(row["slot"]) in marked).take_all()
    sources = [st._source(r["name"], r["line"], r["data"], r["problem"]) for r in known]
    ref = ray.put(sources)
    own = pr.pair_findings(group, st._parse(sources, group.config.jsonl), [], job.context)
    pair_step = st.in_folder(job.here, pr.pairs_step(group, ref, marked, job.context))
    paired = job.steps.run(
        "4-pairs",
        lambda: documents.map_batches(pair_step, batch_size=64),
    )
    parts = []
    if paired is not None:
        parts.append(_findings_only(paired))
    if own:
        parts.append(_findings_only(ray.data.from_items(_rows(st._by_document(own)))))
    return parts


def _finish(job: _Job, parts: list[Any]) -> Linted:
    """Stage 5: each document's findings from every stage, suppressed and collapsed."""
    from lint.distributed import stages as st

    union = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    finish = st.in_folder(job.here, st.finish_step(job.group, job.baseline_root))
    finished = job.steps.run(
        "5-finish",
        lambda: union.groupby("dkey", num_partitions=job.blocks).map_groups(finish),
    )
    if finished is None:
        return []
    linted: Linted = []
    for row in finished.iter_rows():
        found: list[Finding] = pickle.loads(row["findings"])
        entries: list[Entry | None] = [None] * len(found)
        if job.baseline_root:
            entries = pickle.loads(row["entries"])
        linted += zip(found, entries, strict=True)
    return linted


def _rows(batch: dict[str, list[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(batch, values, strict=True)) for values in zip(*batch.values(), strict=True)]


def _findings_only(dataset: Any) -> Any:
    """Rows of findings with the columns of source rows (``line`` -1: no source)."""

    def widen(batch: dict[str, Any]) -> dict[str, Any]:
        n = len(batch["dkey"])
        return {
            "dkey": batch["dkey"],
            "name": [""] * n,
            "line": [-1] * n,
            "data": [b""] * n,
            "problem": [""] * n,
            "findings": batch["findings"],
        }

    return dataset.map_batches(widen)
