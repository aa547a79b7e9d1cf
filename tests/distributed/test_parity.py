"""The Ray job's findings equal ``newslint check``'s exactly (same JSON after sorting), on a local
Ray cluster of two CPUs: on seeds/, on Reuters articles with planted copies, and on a synthetic
corpus of originals, rewrites and bad input."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from ray_corpora import REUTERS, reuters_corpus, synthetic_corpus

import lint
from lint.engine.groups import Options

ray = pytest.importorskip("ray")
pytest.importorskip("rensa")

pytestmark = pytest.mark.slow
WORKTREE = str(Path(lint.__file__).resolve().parent)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def cluster():
    from lint.workflows.distributed import connect

    connect(None, 2)
    yield
    ray.shutdown()


def _json(findings) -> list[str]:
    return sorted(json.dumps(f.as_dict(), sort_keys=True) for f in findings)


def _both(paths: list[str], tmp_path: Path, cwd: Path | None = None) -> tuple[list[str], list[str]]:
    from lint.workflows.distributed import lint_paths

    here = Path.cwd()
    os.chdir(cwd or here)
    try:
        local = lint.lint_paths(paths, Options())
        found, _, errors = lint_paths(paths, Options(), 2, tmp_path / "stages", progress=False)
    finally:
        os.chdir(here)
    assert list(errors) == list(local.errors)
    return _json(local.findings), _json(found)


def test_workers_import_this_checkout(cluster):
    @ray.remote
    def where() -> str:
        import lint as imported

        return str(Path(imported.__file__).resolve().parent)

    assert ray.get(where.remote()) == WORKTREE


def test_local_workers_run_at_the_commands_niceness(cluster):
    """Ray's default puts workers at niceness 15, starved by any other work on the machine."""
    if "RAY_worker_niceness" in os.environ:
        pytest.skip("RAY_worker_niceness decides")

    @ray.remote
    def niceness() -> int:
        return os.nice(0)

    assert ray.get(niceness.remote()) == os.nice(0)


def test_parity_on_seeds(cluster, tmp_path):
    local, distributed = _both(["seeds"], tmp_path, SEEDS.parent)
    assert len(local) > 50
    assert distributed == local


@pytest.mark.skipif(not REUTERS.exists(), reason="shared/data/bench-reuters.jsonl is missing")
def test_parity_on_reuters_with_planted_copies(cluster, tmp_path):
    corpus = reuters_corpus(tmp_path / "corpus", 2000)
    local, distributed = _both(["corpus"], tmp_path, tmp_path)
    rules = {json.loads(f)["rule"] for f in local}
    assert {"duplicate-article", "duplicated-paragraph", "near-duplicate-paragraph"} <= rules
    assert "repeated-headline" in rules
    assert distributed == local
    assert corpus.exists()


@pytest.mark.skipif(not REUTERS.exists(), reason="shared/data/bench-reuters.jsonl is missing")
def test_parity_on_rewrites_originals_and_bad_input(cluster, tmp_path):
    synthetic_corpus(tmp_path / "corpus")
    local, distributed = _both(["corpus"], tmp_path, tmp_path)
    rules = {json.loads(f)["rule"] for f in local}
    assert "unreadable-file" in rules
    assert rules & {"introduced-inflation", "loaded-reporting-verb", "off-source"}
    assert distributed == local


def test_a_finished_stage_is_reused(cluster, tmp_path, monkeypatch):
    from lint.workflows.distributed import lint_paths

    monkeypatch.chdir(SEEDS.parent)
    first, _, _ = lint_paths(["seeds"], Options(), 2, tmp_path / "stages", progress=False)
    done = tmp_path / "stages" / "group-0" / "1-documents" / "_DONE"
    stamp = done.stat().st_mtime_ns
    (tmp_path / "stages" / "group-0" / "5-finish" / "_DONE").unlink()  # as if it failed there
    again, _, _ = lint_paths(["seeds"], Options(), 2, tmp_path / "stages", progress=False)
    assert done.stat().st_mtime_ns == stamp
    assert again == first


def test_a_killed_worker_is_retried(cluster, tmp_path, monkeypatch):
    from lint.workflows.distributed import lint_paths

    monkeypatch.chdir(SEEDS.parent)
    local = _json(lint.lint_paths(["seeds"], Options()).findings)
    marker = tmp_path / "killed"
    monkeypatch.setenv("NEWSLINT_RAY_KILL_ONCE", str(marker))
    found, _, _ = lint_paths(["seeds"], Options(), 2, tmp_path / "stages", progress=False)
    assert marker.exists()  # a worker died in the documents stage
    assert _json(found) == local


def _context_corpus(root: Path) -> Path:
    """seeds/ as the committed corpus, and new articles copying its paragraphs, its headline,
    following its original; one committed file cannot be read."""
    shutil.copytree(SEEDS, root / "corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paragraphs = [p for t in texts for p in t.split("\n\n") if len(p.split()) > 25]
    new = root / "corpus" / "new"
    new.mkdir()
    (new / "a.txt").write_text(texts[0].split("\n")[0] + "\n\n" + paragraphs[1] + "\n")
    (new / "b.txt").write_text("Fresh headline\n\n" + paragraphs[2].replace(" the ", " a ", 1))
    (new / "c.txt").write_text(texts[2].replace(" said ", " claimed "))  # follows the original
    (root / "corpus" / "zz-binary.txt").write_bytes(b"\x00\x01 not text")
    return root


def test_parity_with_corpus_root(cluster, tmp_path, monkeypatch):
    from lint.workflows.distributed import lint_paths

    monkeypatch.chdir(_context_corpus(tmp_path))
    options = Options(corpus_root=Path("corpus"))
    local = lint.lint_paths(["corpus/new"], options)
    found, groups, _ = lint_paths(["corpus/new"], options, 2, tmp_path / "st", progress=False)
    assert {f.path for f in local.findings} <= {f"corpus/new/{n}.txt" for n in "abc"}
    rules = {f.rule for f in local.findings}
    assert {"duplicated-paragraph", "repeated-headline"} <= rules
    assert _json(found) == _json(local.findings)
    warnings = [w for g in groups for w in g.warnings]
    assert [w for w in local.warnings if "corpus context" in w] == warnings
    assert any("zz-binary.txt" in w for w in warnings)


def test_parity_with_a_baseline(cluster, tmp_path, monkeypatch):
    from lint.io import baseline
    from lint.workflows.distributed import lint_linted, lint_paths

    monkeypatch.chdir(SEEDS.parent)
    every = lint.lint_paths(["seeds"], Options(keep_documents=True))
    entries = baseline.entries(every.findings, every.documents, tmp_path)
    linted, _, _ = lint_linted(["seeds"], Options(), 2, tmp_path / "st", False, tmp_path)
    assert [e for _, e in linted] == entries  # entries made on the workers
    known = tmp_path / "baseline.json"
    baseline.write(known, entries[::2])  # half of them known
    local = lint.lint_paths(["seeds"], Options(baseline=known))
    found, _, _ = lint_paths(["seeds"], Options(baseline=known), 2, tmp_path / "st", False)
    assert 0 < len(local.findings) < len(every.findings)
    assert _json(found) == _json(local.findings)


def test_parity_with_components_found_on_the_cluster(cluster, tmp_path, monkeypatch):
    from ray_corpora import chain_corpus

    monkeypatch.setenv("NEWSLINT_RAY_COMPONENTS", "cluster")
    chain_corpus(tmp_path / "chains")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    for corpus in ("seeds", "chains"):
        local, distributed = _both([corpus], tmp_path / f"st-{corpus}", tmp_path)
        stages = tmp_path / f"st-{corpus}" / "stages" / "group-0"
        assert (stages / "3-components" / "_DONE").exists()
        assert distributed == local
    rules = {json.loads(f)["rule"] for f in local}
    assert {"near-duplicate-paragraph", "duplicated-paragraph"} <= rules
    near = [json.loads(f) for f in local if json.loads(f)["rule"] == "near-duplicate-paragraph"]
    assert len(near) >= 4 * 10  # most of each chain's articles: linked through their neighbours


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    from lint.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _without_raylet(err: str) -> str:
    """stderr without the messages Ray's node manager pushes to the driver (``(raylet)
    WARNING: ... worker processes have been started``): Ray's, not newslint's, and timing-bound."""
    return "".join(line for line in err.splitlines(True) if "(raylet)" not in line)


def _without_ray_lines(err: str) -> str:
    """stderr without Ray's messages and the Ray job's progress and summary lines."""
    lines = _without_raylet(err).splitlines(True)
    return "".join(line for line in lines if not line.startswith("newslint: ray:"))


REPORT_OPTIONS = [
    ["--statistics"],
    ["--statistics", "--format", "json", "-q"],
    ["-q", "--exit-zero"],
    ["--show-source", "--color", "always", "--fail-on", "error"],
]


def test_report_options_give_the_local_engines_output(cluster, tmp_path, monkeypatch, capsys):
    """``--statistics``, ``-q`` and ``--show-source``: the same stdout, stderr and exit status
    as the local engine (one run's stages, reused by the others: they only change the report)."""
    monkeypatch.chdir(SEEDS.parent)
    ray_args = ["--engine", "ray", "--jobs", "2", "--stage-dir", str(tmp_path / "stages")]
    seen = set()
    for options in REPORT_OPTIONS:
        local = _cli(capsys, "check", "seeds", "--no-cache", *options)
        code, out, err = _cli(capsys, "check", "seeds", *ray_args, *options)
        assert (code, out) == local[:2], options
        if "-q" in options:
            assert _without_raylet(err) == local[2] == "", options
        else:
            assert _without_ray_lines(err) == local[2], options
            assert "newslint: ray: " in err  # its progress: not quiet
        seen.add((code, out))
    assert len(seen) == len(REPORT_OPTIONS)  # each option changed the report
    assert "^" in out and "\x1b[" in out  # the source line, underlined, in colour


def _git(root: Path, *args: str) -> None:
    import subprocess

    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root, check=True, capture_output=True,
    )  # fmt: skip


def test_changed_since_gives_the_local_engines_output(cluster, tmp_path, monkeypatch, capsys):
    """``--changed-since REF``: only the changed articles are reported, the rest of the corpus
    is their context (a new article copying a committed paragraph is flagged), as locally."""
    root = _context_corpus(tmp_path)
    (root / "corpus" / "zz-binary.txt").unlink()
    _git(root, "init", "-q")
    _git(root, "add", "corpus")
    _git(root, "commit", "-q", "-m", "corpus")
    monkeypatch.chdir(root)
    ray_args = ["--engine", "ray", "--jobs", "2", "--stage-dir", str(tmp_path / "st")]
    code, out, err = _cli(capsys, "check", "corpus", "--changed-since", "HEAD", *ray_args)
    local = _cli(capsys, "check", "corpus", "--changed-since", "HEAD", "--no-cache")
    assert (code, out, _without_ray_lines(err)) == local
    assert code == 0 and "nothing was linted" in err
    seed = sorted((root / "corpus").glob("*.txt"))[0]
    seed.write_text(seed.read_text() + "\nAn added line.\n")  # changed, unstaged
    (root / "corpus" / "new" / "d.txt").write_text((root / "corpus/new/a.txt").read_text())
    options = ["--changed-since", "HEAD", "--format", "json"]
    local = _cli(capsys, "check", "corpus", *options, "--no-cache")
    code, out, err = _cli(capsys, "check", "corpus", *options, *ray_args)
    assert (code, out) == local[:2]
    assert _without_ray_lines(err) == local[2]
    paths = {f["path"] for f in json.loads(out)}
    assert paths <= {"corpus/new/d.txt", seed.relative_to(root).as_posix()}
    assert "corpus/new/d.txt" in paths  # its paragraph and headline are in the committed corpus


class _Runs:
    """Unpickled, it leaves ``marker`` behind: what a forged stage row could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_forged_stage_is_refused_and_computed_again(cluster, tmp_path, monkeypatch):
    """A stage folder not signed with this user's key (written elsewhere, or edited since) is
    never unpickled: a warning says so in one line, the stage runs again, the findings are the
    same."""
    import pickle

    import pyarrow.parquet as pq

    from lint.workflows.distributed import lint_paths

    monkeypatch.chdir(SEEDS.parent)
    stages = tmp_path / "stages"
    first, groups, _ = lint_paths(["seeds"], Options(), 2, stages, progress=False)
    assert [w for g in groups for w in g.warnings] == []
    marker = tmp_path / "code-ran"
    finish = stages / "group-0" / "5-finish"
    for part in finish.glob("*.parquet"):  # each row's findings: a pickle that runs code
        table = pq.read_table(part)
        evil = [pickle.dumps(_Runs(marker))] * table.num_rows
        index = table.schema.get_field_index("findings")
        pq.write_table(table.set_column(index, "findings", [evil]), part)
    documents_done = stages / "group-0" / "1-documents" / "_DONE"
    documents_done.write_text(json.dumps({"rows": 5}))  # as an unsigned stage folder has it
    again, groups, _ = lint_paths(["seeds"], Options(), 2, stages, progress=False)
    assert not marker.exists()
    assert again == first
    warnings = [w for g in groups for w in g.warnings]
    assert len(warnings) == 2 and all("\n" not in w for w in warnings)
    assert "1-documents: is not signed with this user's key" in warnings[0]
    assert "5-finish: has files changed" in warnings[1]
    assert all(w.endswith("computed again") for w in warnings)
    third, groups, _ = lint_paths(["seeds"], Options(), 2, stages, progress=False)
    assert third == first and [w for g in groups for w in g.warnings] == []  # signed anew
