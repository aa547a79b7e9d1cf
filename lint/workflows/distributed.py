"""``newslint check --engine ray``: the same run on a Ray cluster (``pip install newslint[ray]``).

Groups, rules and the tracking model are resolved on the driver exactly as for ``newslint
check`` (a broken configuration stops the run before anything is read); each group then goes
through the stages of :mod:`lint.distributed.stages`, which call the same engine, kinds,
suppression and collapse. As for ``newslint check``, the merged, deterministically sorted report
goes to stdout or ``--output FILE`` and ``--output-shards DIR`` adds the findings as shards (see
:func:`lint.workflows.output.write_shards`). With ``--stage-dir DIR`` the stages' Parquet stays
there and a rerun of the same inputs restarts after the last finished stage; without it the
stages live in a temporary folder.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.core.finding import Finding
from lint.distributed.threads import ray_shutdown_races_hidden
from lint.engine.groups import Group, Options
from lint.engine.outcome import Part, Run
from lint.engine.resolve import resolve
from lint.engine.run import no_articles
from lint.kinds.base import Scope
from lint.workflows import ExitStatus
from lint.workflows.output import emit, print_errors, print_warnings

if TYPE_CHECKING:
    from lint.distributed.storage import Stages
    from lint.io.baseline import Entry

OBJECT_STORE = 256 * 1024 * 1024  # a local cluster shares the machine with other work


def connect(address: str | None, cpus: int, quiet: bool = False) -> bool:
    """Join the cluster at ``address`` or start a local one of ``cpus`` CPUs; False when this
    process was connected already. Workers get this checkout of newslint first on their path (a
    cluster's nodes must have newslint installed). ``quiet`` (``-q``): Ray's and Ray Data's own
    log lines and warnings are errors only."""
    import ray
    import ray.data  # it sets up its loggers when first imported

    if quiet:
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        warnings.filterwarnings("ignore", module=r"ray(\.|$)")
    if ray.is_initialized():
        return False
    here = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
    runtime_env = {"env_vars": {"PYTHONPATH": path}}
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.default_hash_shuffle_parallelism = max(2, cpus * 2)  # not 200 partitions of a few rows
    context.max_hash_shuffle_aggregators = max(1, cpus)
    if os.environ.get("NEWSLINT_RAY_SHUFFLE", "sort") == "sort":  # tasks, not aggregator actors
        from ray.data.context import ShuffleStrategy

        context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
    if address:
        ray.init(
            address=address,
            runtime_env=runtime_env,
            log_to_driver=False,
            logging_level=logging.ERROR if quiet else logging.INFO,
        )
    else:
        # Ray runs its workers at niceness 15, under everything else on the machine: a local
        # cluster's workers are this command's own, as `--jobs` workers are, so they run at the
        # command's niceness (RAY_worker_niceness, if set, still decides)
        system = {} if "RAY_worker_niceness" in os.environ else {"worker_niceness": 0}
        ray.init(
            num_cpus=cpus,
            object_store_memory=OBJECT_STORE,
            _system_config=system,
            include_dashboard=False,
            runtime_env=runtime_env,
            log_to_driver=False,
            logging_level=logging.ERROR if quiet else logging.INFO,
        )
    return True


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


@dataclass(frozen=True)
class Layout:
    """Where ``--engine ray`` writes: the merged, sorted report (None: stdout), the findings'
    shards and the stages (None: a temporary folder, no restart)."""

    report: Path | None
    shards: Path | None
    stages: Path | None
    warning: str | None = None  # the folder ``--output`` of before, still read as it was


def layout(args: argparse.Namespace) -> Layout:
    """``--output FILE``, ``--output-shards DIR`` and ``--stage-dir DIR``; an ``--output``
    written as a folder (``out/``, or an existing folder) keeps the layout it had before them:
    ``out/findings.EXT``, ``out/shards/`` and ``out/stages/``, with a warning."""
    output: Path | None = args.output
    shards: Path | None = getattr(args, "output_shards", None)
    stages: Path | None = getattr(args, "stage_dir", None)
    if output is None or not (getattr(args, "output_is_folder", False) or output.is_dir()):
        return Layout(output, shards, stages)
    where, suffix = output.as_posix(), _suffix(args.format)
    warning = (
        f"--output {where}/ names a folder: the report goes to {where}/findings.{suffix}, "
        f"shards to {where}/shards and stages to {where}/stages as before; give --output FILE, "
        "--output-shards DIR and --stage-dir DIR instead"
    )
    return Layout(
        output / f"findings.{suffix}",
        shards or output / "shards",
        stages or output / "stages",
        warning,
    )


def lint_linted(
    paths: list[str],
    options: Options,
    cpus: int,
    root: Path,
    progress: bool = True,
    baseline_root: Path | None = None,
) -> tuple[Linted, list[Group], list[str]]:
    """The findings of the files under ``paths`` (stages under ``root``), sorted, each with its
    baseline entry relative to ``baseline_root`` if given; the groups; the errors (missing
    paths). On the connected cluster (see :func:`connect`)."""
    groups, errors = resolve(paths, options)
    root_name = str(baseline_root.resolve()) if baseline_root is not None else None
    linted: Linted = []
    for number, group in enumerate(groups):
        if group.files:
            linted += lint_group(group, root / f"group-{number}", cpus, progress, root_name)
    linted.sort(key=lambda pair: pair[0])
    return linted, groups, errors


def lint_paths(
    paths: list[str], options: Options, cpus: int, root: Path, progress: bool = True
) -> tuple[list[Finding], list[Group], list[str]]:
    """Sorted findings of the files under ``paths`` (stages under ``root``), the groups and the
    errors (missing paths), on the connected cluster (see :func:`connect`); with
    ``options.baseline``, without the findings it holds, as ``newslint check`` subtracts it."""
    from lint.io import baseline

    known = baseline.load(options.baseline) if options.baseline else None  # before any work
    where = options.baseline.parent if options.baseline else None
    linted, groups, errors = lint_linted(paths, options, cpus, root, progress, where)
    findings = [f for f, _ in linted]
    if known is not None:
        entries = [e for _, e in linted if e is not None]
        findings = baseline.subtract(findings, entries, known)
    return findings, groups, errors


def _write_baseline(
    args: argparse.Namespace, paths: list[str], options: Options, root: Path
) -> tuple[str, list[str]]:
    """``--write-baseline FILE`` with the Ray job: every finding's entry, made on the workers.
    Returns what to print and the errors."""
    from lint.io import baseline

    target: Path = args.write_baseline
    progress = not args.quiet
    linted, groups, errors = lint_linted(paths, options, args.jobs, root, progress, target.parent)
    if not args.quiet:
        print_warnings(w for g in groups for w in g.warnings)
    count = baseline.write(target, [e for _, e in linted if e is not None])
    return f"Wrote {count} finding{'s' * (count != 1)} to {target.as_posix()}.\n", errors


def as_run(
    findings: list[Finding], groups: list[Group], errors: list[str], paths: list[str]
) -> Run:
    """The Ray job's outcome as the local engine's :class:`~lint.engine.outcome.Run`, for the same
    report (one part per group: its files, its findings; its warnings, then the run's)."""
    parts: list[Part] = []
    for group in groups:
        files = tuple(p.as_posix() for p in group.files)
        mine = set(files)
        parts.append(Part(group, tuple(f for f in findings if f.path in mine), (), files))
    said = [w for g in groups for w in g.warnings]
    nothing = no_articles(paths, groups)
    if nothing:
        said.append(nothing)
    return Run(tuple(parts), tuple(findings), tuple(errors), tuple(said))


def run(args: argparse.Namespace, options: Options) -> ExitStatus:
    """``newslint check --engine ray``: the stages on the cluster, then the same report as
    ``newslint check`` (:func:`lint.workflows.check.report`: ``--statistics``, ``-q``,
    ``--show-source``, ``--strict``, shards and exit status alike)."""
    from lint.workflows import check

    started = time.perf_counter()
    where = layout(args)
    if where.warning and not args.quiet:
        print_warnings([where.warning])
    paths, note = list(args.paths), None
    if args.changed_since:  # as the local engine: the changed files, the rest as context
        from lint.workflows import changed

        paths, corpus_root = changed.targets(args)
        options = replace(options, corpus_root=corpus_root)
        if not paths:
            note = (
                f"no article under {', '.join(args.paths)} changed since {args.changed_since}; "
                "nothing was linted"
            )
    stdout, sys.stdout = sys.stdout, sys.stderr  # Ray's log monitor prints; the report is ours
    connected = False
    with ray_shutdown_races_hidden():  # Ray Data's own threads racing at a stage's end
        try:
            if paths:  # nothing changed: no cluster to start
                connected = connect(getattr(args, "address", None), args.jobs, args.quiet)
            with tempfile.TemporaryDirectory(prefix="newslint-ray-") as scratch:
                root = where.stages or Path(scratch)
                if args.write_baseline:
                    wrote, errors = _write_baseline(args, paths, options, root)
                else:
                    options = replace(options, baseline=args.baseline)
                    findings, groups, errors = lint_paths(
                        paths, options, args.jobs, root, not args.quiet
                    )
        finally:
            if connected:  # Ray's thread printing its node's warnings ("(raylet) ...") to
                import ray  # sys.stdout stops before the report goes there

                ray.shutdown()
            sys.stdout = stdout
    if args.write_baseline:  # the baseline holds the findings: nothing is left to report
        emit(where.report, wrote)
        print_errors(errors)
        return ExitStatus.ERROR if errors else ExitStatus.CLEAN
    result = as_run(findings, groups, errors, paths)
    if note is not None:
        result = replace(result, warnings=(note,))
    shown = argparse.Namespace(
        **{**vars(args), "output": where.report, "output_shards": where.shards}
    )
    status = check.report(shown, result)
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(f"newslint: ray: {len(findings):,} findings in {seconds:.1f} s", file=sys.stderr)
    return status


def _suffix(name: str) -> str:
    return {"junit": "xml", "text": "txt"}.get(name, name)
