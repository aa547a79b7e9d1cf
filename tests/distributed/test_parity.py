"""The Ray job's findings equal ``newslint check``'s exactly (same JSON after sorting), on a local
Ray cluster of two CPUs: on seeds/, on Reuters articles with planted copies, and on a synthetic
corpus of originals, rewrites and bad input."""

from __future__ import annotations

import json
import os
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
