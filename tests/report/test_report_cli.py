"""``newslint report`` end to end in a subprocess: pages, errors, determinism."""

from __future__ import annotations

import json

from conftest import SEEDS, write


def test_report_on_seeds_writes_index_and_one_page_per_article(run_cli, tmp_path):
    out = tmp_path / "report"
    code, stdout, stderr = run_cli("report", str(SEEDS), "--output", str(out))
    assert (code, stderr) == (0, "")
    assert stdout == f"Wrote 5 article pages and {(out / 'index.html').as_posix()}\n"
    pages = sorted(p.name for p in out.iterdir())
    assert len(pages) == 6 and "index.html" in pages
    index = (out / "index.html").read_text(encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt")):
        name = f"{seed.as_posix().lstrip('/').replace('/', '_')}.html"
        assert f'href="{name}"' in index
        assert (out / name).is_file()


def test_report_is_deterministic(run_cli, tmp_path):
    for name in ("one", "two"):
        code, _, _ = run_cli("report", "seeds", "--output", str(tmp_path / name))
        assert code == 0
    one = sorted((tmp_path / "one").iterdir())
    two = sorted((tmp_path / "two").iterdir())
    assert [p.name for p in one] == [p.name for p in two]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two, strict=True))


def test_bad_input_is_named_and_the_rest_is_reported(run_cli, tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "bad.txt", b"\x00\x01binary")
    write(
        corpus / "good.txt", "Council approves budget\nThe council approved it, officials said.\n"
    )
    records = [{"id": "r1", "title": "One", "text": "First."}, {"id": "r2", "text": "Second."}]
    write(corpus / "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n{oops\n")
    code, stdout, stderr = run_cli("report", str(corpus), "--output", str(tmp_path / "out"))
    assert (code, stderr) == (0, "")  # unreadable input is a finding with a page of its own
    assert stdout.startswith("Wrote 5 article pages")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 6
    assert sum("feed.jsonl-r" in n for n in names) == 2
    bad = next(tmp_path.glob("out/*bad.txt.html")).read_text(encoding="utf-8")
    assert "could not be read" in bad and "unreadable-file" in bad and "binary file" in bad
    feed = next(tmp_path.glob("out/*feed.jsonl.html")).read_text(encoding="utf-8")
    assert "Records of this file could not be read" in feed and "malformed JSON" in feed
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert index.count("could not be read") == 2


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
