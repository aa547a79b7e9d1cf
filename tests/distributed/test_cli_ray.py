"""``newslint check --engine ray`` from the command line: the same report file as the local
engine, the same shards, restartable stages, nothing on stderr with ``-q``; ``--fix`` refused
with one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("ray")
pytest.importorskip("rensa")
pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.slow
def test_report_file_and_shards_equal_the_local_engines(run_cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    rows = [{"id": f"r{i}", "title": "Budget", "text": (SEEDS / n).read_text()}
            for i, n in enumerate(sorted(p.name for p in SEEDS.glob("*.txt"))[:3])]  # fmt: skip
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "seeds" / "feed.parquet")
    local = ["--format", "json", "--output", "local.json", "--output-shards", "local-shards"]
    ray = ["--engine", "ray", "--jobs", "2", "--format", "json", "--output", "ray.json"]
    ray += ["--output-shards", "ray-shards", "--stage-dir", "stages", "-q"]
    code_local, _, _ = run_cli("check", "seeds", *local, cwd=tmp_path)
    code_ray, out, err = run_cli("check", "seeds", *ray, cwd=tmp_path)
    assert (code_local, code_ray, out) == (1, 1, ""), err
    # -q: neither newslint's progress nor Ray's log lines (its node manager's pushed warnings,
    # "(raylet) ...", depend on the machine's load and are not filtered)
    assert [line for line in err.splitlines() if "(raylet)" not in line] == []
    expected = json.loads((tmp_path / "local.json").read_text())
    assert any(f["path"] == "seeds/feed.parquet" for f in expected)
    assert json.loads((tmp_path / "ray.json").read_text()) == expected
    names = sorted(p.name for p in (tmp_path / "local-shards").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "ray-shards").iterdir())
    for name in names:
        same = (tmp_path / "local-shards" / name).read_text()
        assert (tmp_path / "ray-shards" / name).read_text() == same
    assert (tmp_path / "stages" / "group-0" / "5-finish" / "_DONE").exists()


def test_fix_is_refused_with_the_ray_engine(run_cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    for flag in ("--fix", "--diff"):
        code, out, err = run_cli("check", "seeds", "--engine", "ray", flag, cwd=tmp_path)
        assert (code, out) == (2, "")
        assert err == (
            "newslint: error: --fix and --diff rewrite files in place and lint them again until "
            "they are stable, on this machine's files: run them with the local engine (without "
            "--engine ray)\n"
        )


@pytest.mark.slow
def test_write_baseline_then_baseline_with_the_ray_engine(run_cli, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    ray = ["--engine", "ray", "--jobs", "2"]
    code_local, out_local, _ = run_cli("check", "seeds", "--write-baseline", "l.json", cwd=tmp_path)
    code, out, err = run_cli("check", "seeds", *ray, "--write-baseline", "r.json", cwd=tmp_path)
    assert (code_local, code) == (0, 0), err
    assert out == out_local.replace("l.json", "r.json")
    assert out.startswith("Wrote ")
    assert (tmp_path / "r.json").read_text() == (tmp_path / "l.json").read_text()
    code, out, err = run_cli(
        "check", "seeds", *ray, "--baseline", "r.json", "--format", "json", cwd=tmp_path
    )
    assert (code, json.loads(out)) == (0, []), err
