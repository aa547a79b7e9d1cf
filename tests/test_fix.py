"""``check --fix`` and ``--diff`` through the real command, plus the fixer's edge cases."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest
from conftest import SEEDS
from conftest import write as _write

from lint import cli
from lint.core.document import Document
from lint.engine import fix
from lint.errors import OutputError
from lint.kinds.edits import delete_blocks
from lint.text.segment import segment

BOM = b"\xef\xbb\xbf"
HEAD = "Port strike halts grain exports"
P1 = "Dock workers walked out on Monday, the union said in a statement."
P2 = "Ships queued outside the harbour as the strike went into a second day."
P3 = "Talks between the union and the port authority resume on Friday, both sides said."
P4 = "Grain prices rose on the news, traders in the capital said on Tuesday."
SEED = "000_ff806e430f618b52.txt"


def _copy_seeds(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target, ignore=shutil.ignore_patterns(".*"))
    return target


def _snapshot(folder):
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in folder.iterdir()
    }


def test_fix_seed_equals_hand_written_expectation(run_cli, tmp_path):
    corpus = _copy_seeds(tmp_path)
    lines = (SEEDS / SEED).read_text(encoding="utf-8").split("\n")
    assert len(lines) == 14 and lines[-1]  # 14 lines, no final line break
    assert lines[3] == lines[1]  # the headline printed again on line 4
    assert lines[10:14] == lines[6:10]  # lines 11-14 repeat lines 7-10
    expected = "\n".join(lines[:3] + lines[4:10])  # line 4 and lines 11-14 gone, nothing else

    code, out, err = run_cli("check", "--fix", "corpus", cwd=tmp_path)

    assert (corpus / SEED).read_text(encoding="utf-8") == expected
    # two runs of four copied paragraphs, three repeated headlines, three bold lines
    assert out.splitlines()[-1] == "Fixed 8 findings in 3 files."
    assert "duplicated-paragraph" not in out and "repeated-headline" not in out
    assert "corpus/000_ff806e430f618b52.txt:5:356: unattributed-figure" in out  # re-linted text
    assert (code, err) == (1, "")  # warnings remain


def test_fix_leaves_untouched_files_alone_and_is_idempotent(run_cli, tmp_path):
    corpus = _copy_seeds(tmp_path)
    before = _snapshot(corpus)
    run_cli("check", "--fix", "corpus", cwd=tmp_path)
    after = _snapshot(corpus)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {SEED, "001_c282f05ba4023b88.txt", "003_3cca3255a196bd16.txt"}

    code, out, _ = run_cli("check", "--fix", "corpus", cwd=tmp_path)
    assert _snapshot(corpus) == after  # the second run changes nothing, not even an mtime
    assert "Fixed" not in out
    code, out, _ = run_cli("check", "--diff", "corpus", cwd=tmp_path)
    assert (code, out) == (0, "")


def test_crlf_and_bom_are_kept(run_cli, tmp_path):
    text = f"{HEAD}\r\n\r\n{HEAD}\r\n\r\n{P1}\r\n\r\n{P2}\r\n\r\n{P1}\r\n\r\n{P3}\r\n"
    path = _write(tmp_path / "a.txt", BOM + text.encode())
    code, out, _ = run_cli("check", "--fix", str(path), "--select", "duplicated-paragraph")
    assert (
        path.read_bytes()
        == BOM + f"{HEAD}\r\n\r\n{HEAD}\r\n\r\n{P1}\r\n\r\n{P2}\r\n\r\n{P3}\r\n".encode()
    )
    assert (code, out) == (0, "No findings.\nFixed 1 finding in 1 file.\n")
    code, out, _ = run_cli("check", "--fix", str(path), "--select", "repeated-headline")
    assert path.read_bytes() == BOM + f"{HEAD}\r\n\r\n{P1}\r\n\r\n{P2}\r\n\r\n{P3}\r\n".encode()
    assert code == 0


def test_mixed_line_endings_and_single_newline_layout(run_cli, tmp_path):
    text = f"{HEAD}\n{P1}\r\n{P2}\n{P1}\r\n{P3}\n\n{P2}"
    path = _write(tmp_path / "a.txt", text.encode())
    code, _, _ = run_cli("check", "--fix", str(path), "--select", "duplicated-paragraph")
    assert path.read_bytes() == f"{HEAD}\n{P1}\r\n{P2}\n{P3}".encode()  # no final break, as before
    assert code == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(run_cli, tmp_path):
    corpus = _copy_seeds(tmp_path)
    before = _snapshot(corpus)
    code, out, err = run_cli("check", "--diff", "corpus/003_3cca3255a196bd16.txt", cwd=tmp_path)
    assert _snapshot(corpus) == before
    assert code == 1
    assert err == "Would fix 1 finding in 1 file.\n"
    headline = (SEEDS / "003_3cca3255a196bd16.txt").read_text(encoding="utf-8").split("\n")[1]
    assert out.splitlines()[:3] == [
        "--- a/corpus/003_3cca3255a196bd16.txt",
        "+++ b/corpus/003_3cca3255a196bd16.txt",
        "@@ -1,7 +1,6 @@",
    ]
    assert [line for line in out.splitlines() if line.startswith(("-", "+"))][2:] == [
        f"-{headline}"
    ]


def test_diff_of_a_clean_file_exits_zero(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", f"{HEAD}\n{P1}\n")
    assert run_cli("check", "--diff", str(path)) == (0, "", "Would fix 0 findings in 0 files.\n")


def test_fix_and_diff_are_exclusive(run_cli, tmp_path):
    code, _, err = run_cli("check", "--fix", "--diff", str(tmp_path))
    assert code == 2 and "not allowed with argument" in err


def test_copy_of_another_files_paragraph_is_kept(run_cli, tmp_path):
    a = _write(tmp_path / "a.txt", f"{HEAD}\n{P1}\n{P2}\n")
    b = _write(tmp_path / "b.txt", f"Another headline for the port\n{P1}\n{P3}\n{P1}\n")
    code, out, _ = run_cli("check", "--fix", str(tmp_path), "--select", "duplicated-paragraph")
    assert a.read_text() == f"{HEAD}\n{P1}\n{P2}\n"
    assert b.read_text() == f"Another headline for the port\n{P1}\n{P3}\n"  # its own copy only
    assert f"{b.as_posix()}:2:1: duplicated-paragraph" in out  # still a copy of a.txt's
    assert code == 1


def test_near_duplicates_are_reported_not_fixed(run_cli, tmp_path):
    variant = P1.upper()  # the exact rule folds case; the fixer only removes identical text
    path = _write(tmp_path / "a.txt", f"{HEAD}\n{P1}\n{P2}\n{variant}\n")
    code, out, _ = run_cli("check", "--fix", str(path))
    assert path.read_text() == f"{HEAD}\n{P1}\n{P2}\n{variant}\n"
    assert "4:1: duplicated-paragraph" in out and "Fixed" not in out
    assert code == 1


def test_three_copies_and_a_trailing_run_with_blank_lines(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", f"{HEAD}\n\n{P1}\n\n{P2}\n\n{P1}\n\n{P2}\n\n{P1}\n\n")
    code, out, _ = run_cli("check", "--fix", str(path), "--select", "duplicated-paragraph")
    assert path.read_text() == f"{HEAD}\n\n{P1}\n\n{P2}\n\n"
    assert out.endswith("Fixed 2 findings in 1 file.\n") and code == 0  # a run of two, then one


def test_markdown_front_matter_offsets(run_cli, tmp_path):
    text = f"---\ntitle: {HEAD}\nid: a1\n---\n\n{P1}\n\n{P2}\n\n{P1}\n\n{P3}\n"
    path = _write(tmp_path / "a.md", text)
    code, _, _ = run_cli("check", "--fix", str(path), "--select", "duplicated-paragraph")
    assert path.read_text() == f"---\ntitle: {HEAD}\nid: a1\n---\n\n{P1}\n\n{P2}\n\n{P3}\n"
    assert code == 0


def test_jsonl_records_are_not_fixed(run_cli, tmp_path):
    record = {"id": "a", "title": HEAD, "text": f"{P1}\n{P2}\n{P1}"}
    path = _write(tmp_path / "c.jsonl", json.dumps(record) + "\n")
    before = path.read_bytes()
    code, out, _ = run_cli("check", "--fix", str(path), "--select", "duplicated-paragraph")
    assert path.read_bytes() == before
    assert "duplicated-paragraph" in out and code == 1


def test_mode_kept_and_json_format_reports_fixes_on_stderr(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", f"{HEAD}\n{P1}\n{P2}\n{P1}\n")
    path.chmod(0o640)
    code, out, err = run_cli(
        "check", "--fix", str(path), "--select", "duplicated-paragraph", "--format", "json"
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert (code, json.loads(out), err) == (0, [], "Fixed 1 finding in 1 file.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left


def test_fix_never_writes_through_a_symbolic_link(run_cli, tmp_path):
    """A link may lead anywhere (issue 14): --fix leaves it and its target alone, says so, and
    still reports the finding."""
    text = f"{HEAD}\n{P1}\n{P2}\n{P1}\n"
    real = _write(tmp_path / "real" / "a.txt", text)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    code, out, err = run_cli("check", "--fix", str(link), "--select", "duplicated-paragraph")
    assert link.is_symlink()
    assert real.read_text() == text
    assert code == 1 and "4:1: duplicated-paragraph" in out
    assert "a symbolic link, fix not written" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_leaves_original(run_cli, tmp_path):
    folder = tmp_path / "ro"
    path = _write(folder / "a.txt", f"{HEAD}\n{P1}\n{P2}\n{P1}\n")
    folder.chmod(0o555)
    try:
        code, out, err = run_cli("check", "--fix", str(path))
    finally:
        folder.chmod(0o755)
    assert path.read_text() == f"{HEAD}\n{P1}\n{P2}\n{P1}\n"
    assert code == 2 and "cannot write the fix" in err and "4:1: duplicated-paragraph" in out


def test_failing_replace_leaves_original_and_the_run_goes_on(tmp_path, monkeypatch, capsys):
    bad = _write(tmp_path / "a.txt", f"{HEAD}\n{P1}\n{P2}\n{P1}\n")
    good = _write(tmp_path / "b.txt", f"Another headline for the port\n{P3}\n{P4}\n{P3}\n")
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith("a.txt"):
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(fix.os, "replace", replace)
    code = cli.main(["check", "--fix", str(tmp_path), "--select", "duplicated-paragraph"])
    out, err = capsys.readouterr()
    assert code == 2
    assert bad.read_text() == f"{HEAD}\n{P1}\n{P2}\n{P1}\n"
    assert good.read_text() == f"Another headline for the port\n{P3}\n{P4}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    assert err == (
        f"newslint: error: {bad.as_posix()}: cannot write the fix (Permission denied), "
        "left unchanged\n"
    )
    # the report shows what is on disk: a.txt's copy is still there, b.txt's is gone
    assert f"{bad.as_posix()}:4:1: duplicated-paragraph" in out
    assert f"{good.as_posix()}:" not in out
    assert out.endswith("Fixed 1 finding in 1 file.\n")


def test_file_changed_since_reading_is_not_overwritten(tmp_path):
    path = _write(tmp_path / "a.txt", "edited meanwhile\n")
    change = fix.Change(path.as_posix(), before="what was linted\n", after="fixed\n", fixed=1)
    with pytest.raises(OutputError, match="changed while being fixed"):
        fix.write(change)
    assert path.read_text() == "edited meanwhile\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # single-newline layout: the copy takes its own line break
        ("H h h\nA a a.\nB b b.\nA a a.\nC c c.\n", "H h h\nA a a.\nB b b.\nC c c.\n"),
        # blank-line layout: the copy takes the blank line after it
        ("H h h\n\nA a a.\n\nA a a.\n\nC c c.", "H h h\n\nA a a.\n\nC c c."),
        # at the end: the separator before it goes, the ending (none here) stays
        ("H h h\n\nA a a.\n\nA a a.", "H h h\n\nA a a."),
        ("H h h\r\n\r\nA a a.\r\n\r\nA a a.\r\n", "H h h\r\n\r\nA a a.\r\n"),
        # indented (wrapped newswire) start and trailing spaces go with the line
        ("H h h\n  A a a.\n  A a a.  \n  C c c.\n", "H h h\n  A a a.\n  C c c.\n"),
    ],
)
def test_removal_keeps_the_layout(text, expected):
    document = Document("x.txt", text, segment(text))
    copies = [b for b in document.blocks if b.text == "A a a." and b.index > 1]
    assert len(copies) == 1
    edits = delete_blocks(text, [c.span for c in copies])
    assert fix.apply(text, edits.values()) == expected


def test_unified_diff_marks_a_missing_final_line_break():
    change = fix.Change("a.txt", before="x\ny\nx", after="x\ny", fixed=1)
    assert fix.unified_diff(change) == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,2 @@\n x\n-y\n-x\n\\ No newline at end of file\n"
        "+y\n\\ No newline at end of file\n"
    )


def test_the_fixer_knows_no_rule_by_name(all_rules):
    """Any rule whose findings carry edits is fixable: a renamed copy of a shipped rule too."""
    from dataclasses import replace

    from lint.engine.engine import Engine

    rule = replace(all_rules["duplicated-paragraph"], id="my-copies")
    text = f"{HEAD}\n{P1}\n{P2}\n{P1}\n"
    outcome = fix.fix_corpus([Document("a.txt", text, segment(text))], Engine([rule]).run)
    assert outcome.documents[0].text == f"{HEAD}\n{P1}\n{P2}\n"
    assert [c.fixed for c in outcome.changes] == [1]


def test_overlapping_edits_apply_first_by_position():
    from lint.core.document import Span
    from lint.core.finding import Edit, Finding, Severity

    def finding(start: int, end: int, text: str = "") -> Finding:
        edit = Edit(Span(start, end), text)
        return Finding(
            "a.txt", 1, start + 1, 1, end + 1, "r", Severity.INFO, "m", start, end, edits=(edit,)
        )

    later, first, overlapping = finding(6, 8, "X"), finding(0, 3), finding(2, 5)
    taken = fix.applicable([later, overlapping, first, finding(9, 9, "!")])
    assert [f.start for f in taken] == [0, 6, 9]
    assert fix.apply("abcdefghij", (e for f in taken for e in f.edits)) == "defXi!j"


def test_force_fix_writes_protected_files_but_never_through_a_link(run_cli, tmp_path):
    """--fix skips a read-only or hard-linked file with a warning naming --force-fix, which then
    replaces it (mode kept, the other hard link keeps the old text); a link stays refused."""
    text = f"{HEAD}\n{P1}\n{P2}\n{P1}\n"
    fixed = f"{HEAD}\n{P1}\n{P2}\n"
    read_only = _write(tmp_path / "c" / "ro.txt", text)
    read_only.chmod(0o444)
    linked = _write(tmp_path / "c" / "hard.txt", text)
    other = tmp_path / "elsewhere.txt"
    os.link(linked, other)
    args = ("check", str(tmp_path / "c"), "--select", "duplicated-paragraph", "--no-cache")
    code, _, err = run_cli(*args, "--fix")
    assert code == 1 and read_only.read_text() == text and linked.read_text() == text
    assert f"{read_only}: read-only, fix not written (--force-fix writes it)" in err
    assert "1 other hard link, fix not written (--force-fix writes it)" in err
    code, out, err = run_cli(*args, "--fix", "--force-fix")
    assert err == "" and out.endswith("Fixed 2 findings in 2 files.\n")  # copies across files stay
    assert read_only.read_text() == fixed and stat.S_IMODE(read_only.stat().st_mode) == 0o444
    assert linked.read_text() == fixed and other.read_text() == text
    real = _write(tmp_path / "real.txt", text)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    code, out, err = run_cli("check", str(link), "--fix", "--force-fix", "--no-cache")
    assert link.is_symlink() and real.read_text() == text
    assert code == 1 and "link.txt:4:1: duplicated-paragraph" in out
    assert err.endswith("a symbolic link, fix not written\n")  # no hint: --force-fix cannot


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_force_fix_writes_another_users_file(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", f"{HEAD}\n{P1}\n{P2}\n{P1}\n")
    os.chown(path, 12345, 12345)
    code, _, err = run_cli("check", str(path), "--fix", "--select", "duplicated-paragraph")
    assert "owned by another user, fix not written (--force-fix writes it)" in err
    assert path.stat().st_uid == 12345
    code, out, err = run_cli(
        "check", str(path), "--fix", "--force-fix", "--select", "duplicated-paragraph"
    )
    assert (code, err) == (0, "") and out.endswith("Fixed 1 finding in 1 file.\n")
    assert path.read_text() == f"{HEAD}\n{P1}\n{P2}\n"


@pytest.mark.parametrize("other", [(), ("--diff",)])
def test_force_fix_needs_fix(run_cli, tmp_path, other):
    path = _write(tmp_path / "a.txt", f"{HEAD}\n{P1}\n")
    code, out, err = run_cli("check", str(path), "--force-fix", *other)
    assert (code, out, err) == (2, "", "newslint: error: --force-fix only applies with --fix\n")
