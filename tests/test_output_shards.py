"""One meaning of ``--output`` for both engines (a file: the merged, sorted report);
``--output-shards DIR`` adds the findings as shards; ``--stage-dir`` is the Ray job's only; an
``--output`` folder keeps the Ray job's earlier layout, with a warning."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from conftest import write

from lint.cli import _parse
from lint.workflows.distributed import Layout, layout

FLAGGED = (
    "Council approves budget\n\n"
    "The council approved a budget of four million pounds on Tuesday, officials said.\n\n"
    "The council approved a budget of four million pounds on Tuesday, officials said.\n"
)


def _args(*argv: str) -> argparse.Namespace:
    args = _parse(["check", "--engine", "ray", *argv, "corpus"])
    args.format = args.format or "json"
    return args


def test_output_is_a_file_and_shards_and_stages_are_named(tmp_path):
    report, shards, stages = tmp_path / "r.json", tmp_path / "s", tmp_path / "st"
    args = _args(
        "--output", str(report), "--output-shards", str(shards), "--stage-dir", str(stages)
    )
    assert layout(args) == Layout(report, shards, stages)
    assert layout(_args()) == Layout(None, None, None)


@pytest.mark.parametrize("existing", [False, True])
def test_an_output_folder_keeps_the_ray_jobs_earlier_layout(tmp_path, existing):
    out = tmp_path / "out"
    if existing:
        out.mkdir()
    found = layout(_args("--output", str(out) + ("" if existing else "/")))
    assert (found.report, found.shards, found.stages) == (
        out / "findings.json",
        out / "shards",
        out / "stages",
    )
    assert found.warning is not None
    assert "give --output FILE, --output-shards DIR and --stage-dir DIR instead" in found.warning


def test_output_shards_hold_every_finding_once_each_file_in_one_shard(run_cli, tmp_path):
    for i in range(12):
        write(tmp_path / "news" / f"a{i:02d}.txt", FLAGGED.replace("Tuesday", f"day {i}"))
    code, out, _ = run_cli("check", "news", "--format", "json", cwd=tmp_path)
    expected = json.loads(out)
    code_shards, printed, err = run_cli(
        "check", "news", "--format", "json", "--output", "r.json", "--output-shards", "shards",
        cwd=tmp_path,
    )  # fmt: skip
    assert (code, code_shards, printed, err) == (1, 1, "", "")
    assert json.loads((tmp_path / "r.json").read_text()) == expected
    shards = sorted((tmp_path / "shards").glob("findings-*.jsonl"))
    assert len(shards) > 1
    rows = [[json.loads(line) for line in s.read_text().splitlines()] for s in shards]
    assert sorted(map(json.dumps, (r for shard in rows for r in shard))) == sorted(
        map(json.dumps, expected)
    )
    for shard in rows:  # each shard sorted, and a file's findings all in one shard
        assert shard == sorted(shard, key=lambda r: (r["path"], r["line"], r["column"]))
    paths = [{r["path"] for r in shard} for shard in rows]
    assert sum(len(p) for p in paths) == len(set().union(*paths))


def test_parquet_shards(run_cli, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    write(tmp_path / "news" / "a.txt", FLAGGED)
    run_cli("check", "news", "--output", "r.parquet", "--output-shards", "shards", cwd=tmp_path)
    (shard,) = (tmp_path / "shards").glob("findings-*.parquet")
    assert pq.read_table(shard).to_pylist() == pq.read_table(tmp_path / "r.parquet").to_pylist()


def test_stage_dir_is_for_the_ray_engine_only(run_cli, tmp_path):
    write(tmp_path / "a.txt", FLAGGED)
    code, out, err = run_cli("check", "a.txt", "--stage-dir", "st", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == (
        "newslint: error: --stage-dir keeps the stages of --engine ray; the local engine reuses "
        "work through its cache (--cache-dir)\n"
    )
    assert not Path(tmp_path / "st").exists()


def _shown_files(capsys, *argv: str) -> list[str]:
    from lint.cli import main

    assert main(["check", "corpus", "--show-files", *argv]) == 0
    return capsys.readouterr().out.splitlines()


def test_where_the_run_writes_inside_the_corpus_is_not_linted(tmp_path, monkeypatch, capsys):
    """A ``--stage-dir``, ``--output-shards`` or ``--output`` inside the corpus holds Parquet
    and JSON Lines a rerun would otherwise read as articles; either engine leaves it out, and a
    rerun into the same places finds what the first run found."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "corpus" / "a.txt", FLAGGED)
    stage = tmp_path / "corpus" / "stages" / "group-0" / "1-documents"
    write(stage / "part.jsonl", json.dumps({"text": FLAGGED}) + "\n")
    write(tmp_path / "corpus" / "shards" / "findings-00.jsonl", json.dumps({"text": FLAGGED}))
    write(tmp_path / "corpus" / "out.jsonl", json.dumps({"text": FLAGGED}) + "\n")
    every = ["corpus/a.txt", "corpus/out.jsonl", "corpus/shards/findings-00.jsonl",
             "corpus/stages/group-0/1-documents/part.jsonl"]  # fmt: skip
    assert _shown_files(capsys) == every
    written = ["--output-shards", "corpus/shards", "--output", "corpus/out.jsonl"]
    ray = ["--engine", "ray", "--stage-dir", "corpus/stages"]
    assert _shown_files(capsys, *written, *ray) == ["corpus/a.txt"]
    assert _shown_files(capsys, "--stage-dir", "corpus/stages/", "--engine", "ray") == every[:3]
    assert _shown_files(capsys, "--output", str(tmp_path / "corpus/out.jsonl")) == [
        p for p in every if p != "corpus/out.jsonl"
    ]
    from lint.cli import main

    (stage / "part.jsonl").unlink()  # the local engine keeps no stages
    local = ["--no-cache", "--format", "json", *written]
    for _ in range(2):  # the second run would lint the first one's report and shards
        assert main(["check", "corpus", *local]) == 1
        found = json.loads((tmp_path / "corpus" / "out.jsonl").read_text())
        assert {f["path"] for f in found} == {"corpus/a.txt"}
