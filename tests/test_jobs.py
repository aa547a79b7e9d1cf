"""--jobs: the same output, byte for byte, whatever the number of processes."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, write
from generated import make_files, make_jsonl

from lint.engine.parallel import MIN_DOCUMENTS_PER_WORKER, Runner, Task, Work, chunks, cpu_count
from lint.engine.rules import builtin_dir, load_rules
from lint.io.records import JsonlFields
from lint.io.sources import read_sources

pytestmark = pytest.mark.slow  # worker processes and the real command


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_seeds_jobs_2_equals_jobs_1(run_cli, fmt):
    one = run_cli("check", "seeds/", "--format", fmt, "--no-cache", "--jobs", "1", cwd=ROOT)
    two = run_cli("check", "seeds/", "--format", fmt, "--no-cache", "--jobs", "2", cwd=ROOT)
    assert one == two
    assert one[0] == 1


def test_generated_corpus_jobs_2_equals_jobs_1(run_cli, tmp_path):
    corpus = make_files(tmp_path / "corpus", 60)
    assert 2 * MIN_DOCUMENTS_PER_WORKER <= 60  # large enough that --jobs 2 starts a pool
    one = run_cli("check", str(corpus), "--no-cache", "--jobs", "1")
    two = run_cli("check", str(corpus), "--no-cache", "--jobs", "2")
    auto = run_cli("check", str(corpus), "--no-cache", "--jobs", "auto")
    assert one == two == auto
    code, out, err = one
    assert (code, err) == (1, "")
    assert "in another document" in out  # corpus rules saw documents parsed by the workers
    assert "stylistic-inflation" in out and "unattributed-figure" in out
    as_json = [
        run_cli("check", str(corpus), "--no-cache", "--format", "json", "--jobs", j) for j in "12"
    ]
    assert as_json[0] == as_json[1]
    assert len(json.loads(as_json[0][1])) == out.count("\n") - 1


def test_two_configurations_share_one_pool(run_cli, tmp_path):
    """Each folder with its own config is its own corpus; workers build both rule sets."""
    first = make_files(tmp_path / "first", 60)
    second = make_files(tmp_path / "second", 2 * MIN_DOCUMENTS_PER_WORKER)  # pooled too
    write(second / "newslint.yaml", "rules:\n  stylistic-inflation: {severity: error}\n")
    args = ("check", str(first), str(second), "--no-cache")
    one, two = run_cli(*args, "--jobs", "1"), run_cli(*args, "--jobs", "2")
    assert one == two
    assert "stylistic-inflation [error]" in one[1] and "stylistic-inflation [warning]" in one[1]


def test_jsonl_jobs_2_equals_jobs_1(run_cli, tmp_path):
    """JSONL findings share a line and column per record, so their order must not move either."""
    path = make_jsonl(tmp_path / "c.jsonl", 80)
    one = run_cli("check", str(path), "--no-cache", "--jobs", "1")
    two = run_cli("check", str(path), "--no-cache", "--jobs", "2")
    assert one == two
    records = set(re.findall(r"\(record (r\d+), text line", one[1]))
    assert len(records) > 40


def test_bad_inputs_reported_the_same_with_jobs(run_cli, tmp_path):
    corpus = make_files(tmp_path / "corpus", 60)
    write(corpus / "part0" / "bad.txt", b"caf\xe9 is Latin-1, not utf-8")
    write(corpus / "part1" / "c.jsonl", '{"id": "a", "text": "Fine text here."}\n{broken\n')
    write(corpus / "part2" / "empty.txt", "  \n")
    one = run_cli("check", str(corpus), "--no-cache", "--jobs", "1")
    two = run_cli("check", str(corpus), "--no-cache", "--jobs", "2")
    assert one == two
    code, out, err = one
    assert (code, err) == (1, "")
    assert "bad.txt:1:1: unreadable-file [error] cannot decode as UTF-8" in out
    assert "c.jsonl:2:1: unreadable-file [error] malformed JSON" in out
    assert "empty.txt:1:1: empty-document [warning] the article is empty" in out


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_bad_jobs_value_is_a_usage_error(run_cli, value):
    code, _, err = run_cli("check", "seeds/", "--jobs", value)
    assert code == 2 and "--jobs" in err


def _work() -> Work:
    return Work(tuple(load_rules([builtin_dir()])), JsonlFields())


def test_runner_uses_a_pool_and_keeps_task_order(tmp_path):
    path = make_jsonl(tmp_path / "c.jsonl", 3 * MIN_DOCUMENTS_PER_WORKER, paragraphs=2)
    sources = list(read_sources(path))
    tasks = [Task(i, s, True, i % 2 == 0) for i, s in enumerate(sources)]
    work = _work()
    serial, pooled = Runner(1, [work]), Runner(2, [work])
    done: list[int] = []
    expected = list(serial.run(0, tasks, done.append))
    try:
        got = list(pooled.run(0, tasks, done.append))
        assert pooled.started and not serial.started
    finally:
        pooled.close()
    assert [o.index for o in got] == list(range(len(tasks)))
    assert [o.findings for o in got] == [o.findings for o in expected]
    assert [o.document for o in got] == [o.document for o in expected]
    assert got[1].document is None and got[0].document is not None  # only kept ones come back
    assert sum(done) == 2 * len(tasks)


def test_small_runs_stay_in_process():
    runner = Runner(2, [_work()])
    assert not runner.worth_a_pool(2 * MIN_DOCUMENTS_PER_WORKER - 1)
    assert runner.worth_a_pool(2 * MIN_DOCUMENTS_PER_WORKER)
    assert not Runner(1, []).worth_a_pool(10_000)


def test_chunks_cover_every_task_in_order(tmp_path):
    path = make_jsonl(tmp_path / "c.jsonl", 37, paragraphs=1)
    tasks = [Task(i, s, True, False) for i, s in enumerate(read_sources(path))]
    for jobs in (1, 2, 3, 8):
        parts = chunks(tasks, jobs)
        assert [t for part in parts for t in part] == tasks
        assert len(parts) >= min(len(tasks), jobs)


def test_chunks_shrink_towards_the_end():
    """Guided scheduling: no chunk is larger than the one before, and the last ones are small,
    so no worker is left with a long last chunk while the others wait."""
    tasks = list(range(2000))
    for jobs in (2, 4):
        sizes = [len(part) for part in chunks(tasks, jobs)]  # type: ignore[arg-type]
        assert sum(sizes) == len(tasks)
        assert sizes[0] == 64 and sizes == sorted(sizes, reverse=True)
        assert max(sizes[-jobs * 2 :]) <= 4


@pytest.mark.parametrize("command", ["check", "report"])
def test_jobs_has_an_upper_bound(run_cli, tmp_path, command):
    """``--jobs 100000`` would try to start that many processes: exit 2 with one line."""
    from lint.workflows import MAX_JOBS

    write(tmp_path / "a.txt", "Headline\n\nA short article.\n")
    extra = ["--output", str(tmp_path / "out")] if command == "report" else []
    code, out, err = run_cli(command, str(tmp_path), "--jobs", str(MAX_JOBS + 1), *extra)
    assert (code, out) == (2, "")
    assert err == (
        f"newslint: error: --jobs {MAX_JOBS + 1}: at most {MAX_JOBS} worker processes on one "
        f"machine (this one has {cpu_count()} CPUs; --jobs auto uses one per CPU)\n"
    )
    code, _, err = run_cli(command, str(tmp_path), "--jobs", str(MAX_JOBS), "--no-cache", *extra)
    assert code in (0, 1) and "--jobs" not in err  # the bound itself is allowed


def test_jobs_auto_is_capped(monkeypatch):
    from lint.engine import parallel
    from lint.workflows import MAX_JOBS, jobs_value

    monkeypatch.setattr(parallel, "cpu_count", lambda: 4 * MAX_JOBS)
    assert jobs_value("auto") == MAX_JOBS
    monkeypatch.setattr(parallel, "cpu_count", lambda: 3)
    assert jobs_value("auto") == 3
