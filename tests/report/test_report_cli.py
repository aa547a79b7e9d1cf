"""``newslint report`` end to end in a subprocess: pages, errors, determinism."""

from __future__ import annotations

import json

from conftest import SEEDS, write

FILES = [
    ".newslint-report.json",
    "article.html",
    "article.js",
    "data",
    "index.html",
    "index.js",
    "report.css",
]


def test_report_on_seeds_writes_the_index_viewer_and_data(run_cli, tmp_path):
    out = tmp_path / "report"
    code, stdout, stderr = run_cli("report", str(SEEDS), "--output", str(out), "--no-cache")
    assert (code, stderr) == (0, "")
    assert stdout == f"Wrote 5 articles in 7 files: {(out / 'index.html').as_posix()}\n"
    assert sorted(p.name for p in out.iterdir()) == FILES
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = json.loads(index.split('id="report-data">')[1].split("</script>")[0])["rows"]
    assert sorted(r[1] for r in rows) == sorted(p.as_posix() for p in SEEDS.glob("*.txt"))


def test_rebuild_from_the_cache_leaves_an_unchanged_report(run_cli, tmp_path):
    corpus, out, cache = tmp_path / "corpus", tmp_path / "out", tmp_path / "cache"
    for seed in (p for p in SEEDS.iterdir() if p.is_file()):
        write(corpus / seed.name, seed.read_bytes())
    command = ["report", str(corpus), "--output", str(out), "--cache-dir", str(cache)]
    assert run_cli(*command)[0] == 0
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    code, stdout, _ = run_cli(*command)
    assert (code, stdout) == (0, f"Report up to date: {(out / 'index.html').as_posix()}\n")
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == written
    changed = corpus / "004_696d2abe624ca1f4.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing line.\n")
    code, stdout, _ = run_cli(*command)
    assert code == 0 and stdout.startswith("Wrote 5 articles")
    assert "A new closing line." in (out / "data/articles-000.js").read_text(encoding="utf-8")


def test_report_is_deterministic(run_cli, tmp_path):
    for name in ("one", "two"):
        code, _, _ = run_cli("report", "seeds", "--output", str(tmp_path / name))
        assert code == 0
    one = sorted(p for p in (tmp_path / "one").rglob("*") if p.is_file())
    two = sorted(p for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert [p.name for p in one] == [p.name for p in two]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two, strict=True))


def test_bad_input_is_listed_and_the_rest_is_reported(run_cli, tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "bad.txt", b"\x00\x01binary")
    write(
        corpus / "good.txt", "Council approves budget\nThe council approved it, officials said.\n"
    )
    records = [{"id": "r1", "title": "One", "text": "First."}, {"id": "r2", "text": "Second."}]
    write(corpus / "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n{oops\n")
    code, stdout, stderr = run_cli("report", str(corpus), "--output", str(tmp_path / "out"))
    assert (code, stderr) == (0, "")  # unreadable input is a finding, listed in the index
    assert stdout.startswith("Wrote 5 articles")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    listed = index.split('id="unreadable"')[1].split("</section>")[0]
    assert "bad.txt" in listed and "binary file" in listed
    assert "feed.jsonl" in listed and "malformed JSON" in listed
    data = (tmp_path / "out" / "data" / "articles-000.js").read_text(encoding="utf-8")
    assert data.count('"unreadable":true') == 2 and data.count('"record":"r') == 2


def test_select_limits_the_rules_reported(run_cli, tmp_path):
    out = tmp_path / "out"
    code, _, _ = run_cli("report", "seeds", "--select", "repeated-headline", "--output", str(out))
    assert code == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "repeated-headline" in index and "stylistic-inflation" not in index


def test_unwritable_output_is_a_one_line_error(run_cli, tmp_path):
    blocker = write(tmp_path / "taken", "a file, not a folder")
    code, stdout, stderr = run_cli("report", "seeds", "--output", str(blocker))
    assert code == 2 and stdout == ""
    assert stderr == (
        f"newslint: error: {blocker.as_posix()}: cannot write the report (File exists)\n"
    )
