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
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.core.finding import Finding, Severity
from lint.engine.groups import Group, Options, resolve
from lint.engine.run import no_articles
from lint.errors import ConfigError
from lint.formats import BINARY_FORMATS, Report, binary_formatter, formatter
from lint.kinds.base import Scope
from lint.workflows import ExitStatus
from lint.workflows.output import emit, print_errors, print_warnings, write_shards

if TYPE_CHECKING:
    from lint.distributed.stages import Stages

OBJECT_STORE = 256 * 1024 * 1024  # a local cluster shares the machine with other work


def connect(address: str | None, cpus: int) -> None:
    """Join the cluster at ``address`` or start a local one of ``cpus`` CPUs. Workers get this
    checkout of newslint first on their path (a cluster's nodes must have newslint installed)."""
    import ray

    if ray.is_initialized():
        return
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
        ray.init(address=address, runtime_env=runtime_env, log_to_driver=False)
    else:
        ray.init(
            num_cpus=cpus,
            object_store_memory=OBJECT_STORE,
            include_dashboard=False,
            runtime_env=runtime_env,
            log_to_driver=False,
        )


def _fingerprint(group: Group) -> str:
    digest = hashlib.sha256()
    for rule in group.rules:
        digest.update(repr((rule.id, rule.severity, rule.options, rule.message)).encode())
    for path in sorted(group.files):
        stat = path.stat()
        digest.update(f"{path.as_posix()}\x00{stat.st_size}\x00{stat.st_mtime_ns}".encode())
    digest.update(repr((group.config.source, group.config.originals)).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Job:
    """What the stages of one group share: the group, its stage folders and the partitioning."""

    group: Group
    steps: Stages
    pairs: bool  # the group has pair rules
    blocks: int  # partitions of a shuffle
    here: str  # the driver's working folder, where the workers read relative paths


def lint_group(group: Group, root: Path, cpus: int, progress: bool = True) -> list[Finding]:
    """The findings of one group, through the stages under ``root``."""
    from lint.distributed import stages as st

    job = _Job(
        group=group,
        steps=st.Stages(root, _fingerprint(group), progress),
        pairs=any(r.level is Scope.PAIR for r in group.rules),
        blocks=max(2, cpus * 2),
        here=os.getcwd(),
    )
    corpus = any(r.level is Scope.CORPUS for r in group.rules)
    documents = job.steps.run("1-documents", lambda: _read(job))
    if documents is None:
        return []
    parts = [documents.select_columns(["dkey", "name", "line", "data", "problem", "findings"])]
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
    paths = [{"path": p.as_posix(), "absolute": str(p.resolve())} for p in group.files]
    files = ray.data.from_items(paths)
    sources = files.flat_map(st._sources).repartition(job.blocks)
    kill = os.environ.get("NEWSLINT_RAY_KILL_ONCE")  # tests: a worker dies mid-stage
    step = st.in_folder(job.here, st.documents_step(group, job.pairs, kill))
    return sources.map_batches(step, batch_size=64)


def _corpus_parts(job: _Job, documents: Any) -> list[Any]:
    """Stages 2 and 3: candidate keys shared by documents, then the corpus rules' findings."""
    from ray.data.aggregate import AsList, Count, Max

    from lint.distributed import stages as st

    blocks = job.blocks
    candidates = job.steps.run(
        "2-candidates",
        lambda: (
            documents.flat_map(st._explode_keys)
            .groupby("k", num_partitions=blocks)
            .aggregate(
                Count(alias_name="n"), AsList("d", alias_name="ds"), Max("r", alias_name="r")
            )
            .filter(lambda row: row["n"] >= 2)
        ),
    )
    found = st.components(candidates.take_all() if candidates is not None else [])
    if not found:
        return []
    members: dict[int, list[int]] = {}
    for number, (_, slots) in enumerate(found):
        for slot in slots:
            members.setdefault(slot, []).append(number)
    rule_of = {number: r for number, (r, _) in enumerate(found)}
    done = job.steps.run(
        "3-corpus",
        lambda: (
            documents.flat_map(st.assign_step(members))
            .groupby("c", num_partitions=blocks)
            .map_groups(st.in_folder(job.here, st.corpus_step(job.group, rule_of)))
        ),
    )
    return [_findings_only(done)] if done is not None else []


def _pair_parts(job: _Job, documents: Any) -> list[Any]:
    """Stage 4: the pair rules' findings, each rewrite checked against its original."""
    import ray

    from lint.distributed import stages as st

    group = job.group
    metas = documents.select_columns(["slot", "meta"]).take_all()
    marked = st.originals(metas)
    known = documents.filter(lambda row: int(row["slot"]) in marked).take_all()
    sources = [st._source(r["name"], r["line"], r["data"], r["problem"]) for r in known]
    ref = ray.put(sources)
    own = st.pair_findings(group, st._parse(sources, group.config.jsonl), [])
    pair_step = st.in_folder(job.here, st.pairs_step(group, ref, marked))
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


def _finish(job: _Job, parts: list[Any]) -> list[Finding]:
    """Stage 5: each document's findings from every stage, suppressed and collapsed."""
    from lint.distributed import stages as st

    union = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    finish = st.in_folder(job.here, st.finish_step(job.group))
    finished = job.steps.run(
        "5-finish",
        lambda: union.groupby("dkey", num_partitions=job.blocks).map_groups(finish),
    )
    if finished is None:
        return []
    return [f for row in finished.iter_rows() for f in pickle.loads(row["findings"])]


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


def lint_paths(
    paths: list[str], options: Options, cpus: int, root: Path, progress: bool = True
) -> tuple[list[Finding], list[Group], list[str]]:
    """Sorted findings of the files under ``paths`` (stages under ``root``), the groups and the
    errors (missing paths), on the connected cluster (see :func:`connect`)."""
    if options.corpus_root is not None:
        raise ConfigError("--engine ray does not take --corpus-root yet")
    groups, errors = resolve(paths, options)
    findings: list[Finding] = []
    for number, group in enumerate(groups):
        if group.files:
            findings += lint_group(group, root / f"group-{number}", cpus, progress)
            print_warnings(group.warnings)
    return sorted(findings), groups, errors


def run(args: argparse.Namespace, options: Options) -> ExitStatus:
    """``newslint check --engine ray``."""
    started = time.perf_counter()
    where = layout(args)
    print_warnings([where.warning] if where.warning else [])
    stdout, sys.stdout = sys.stdout, sys.stderr  # Ray's log monitor prints; the report is ours
    try:
        connect(getattr(args, "address", None), args.jobs)
        with tempfile.TemporaryDirectory(prefix="newslint-ray-") as scratch:
            root = where.stages or Path(scratch)
            findings, groups, errors = lint_paths(args.paths, options, args.jobs, root)
    finally:
        sys.stdout = stdout
    nothing = no_articles(args.paths, groups)
    print_warnings([nothing] if nothing else [])
    paths = {f.as_posix() for g in groups for f in g.files}
    rules = [r for g in groups for r in g.rules]
    context = Report.of(rules, paths, Path.cwd())
    if args.format in BINARY_FORMATS:
        emit(where.report, binary_formatter(args.format)(findings, context))
    else:
        emit(where.report, formatter(args.format)(findings, context))
    if where.shards:
        write_shards(findings, where.shards, args.format, context)
    seconds = time.perf_counter() - started
    print(f"newslint: ray: {len(findings):,} findings in {seconds:.1f} s", file=sys.stderr)
    print_errors(errors)
    if errors:
        return ExitStatus.ERROR
    fail_on = Severity.parse(args.fail_on) if args.fail_on else None
    configs = {path.as_posix(): g.config for g in groups for path in g.files}
    failing = any(  # each file judged by its own configuration's fail-on unless --fail-on
        f.severity >= (fail_on or configs[f.path].fail_on) for f in findings if f.path in configs
    )
    return ExitStatus.FINDINGS if failing and not args.exit_zero else ExitStatus.CLEAN


def _suffix(name: str) -> str:
    return {"junit": "xml", "text": "txt"}.get(name, name)
