"""Corpus context: read for corpus rules, never reported (``--corpus-root``, Engine context)."""

from __future__ import annotations

from conftest import write as _write

from lint.core.document import Document
from lint.engine.engine import Engine
from lint.text.segment import segment

PARAGRAPH = "The council approved a budget of four million pounds on Tuesday, the mayor said.\n"
OLD = "Council approves budget\n" + PARAGRAPH
COPY = "Council budget passes\n" + PARAGRAPH


def _doc(path: str, text: str) -> Document:
    return Document(path, text, segment(text))


def test_engine_context_comes_first_and_is_not_reported(all_rules):
    rules = [all_rules["duplicated-paragraph"], all_rules["placeholder-text"]]
    context = [_doc("z_old.txt", OLD + "[Insert quote here]\n" + PARAGRAPH)]
    findings = Engine(rules).run([_doc("a_new.txt", COPY)], context=context)
    assert [(f.path, f.line, f.rule) for f in findings] == [
        ("a_new.txt", 2, "duplicated-paragraph")
    ]
    assert findings[0].data["first"] == {"path": "z_old.txt", "line": 2, "column": 1}


def test_engine_without_context_is_unchanged(all_rules):
    rules = [all_rules["duplicated-paragraph"]]
    findings = Engine(rules).run([_doc("a_new.txt", COPY), _doc("z_old.txt", OLD)])
    assert [(f.path, f.line) for f in findings] == [("z_old.txt", 2)]


def test_corpus_root_reports_only_named_files(run_cli, tmp_path):
    _write(tmp_path / "z_old.txt", OLD + PARAGRAPH)  # its own duplicate: context, not reported
    new = _write(tmp_path / "a_new.txt", COPY)
    _write(
        tmp_path / "headline.txt", "Council budget passes\nDockers returned to work on Monday.\n"
    )
    code, out, err = run_cli(
        "check", str(new), "--corpus-root", str(tmp_path), "--fail-on", "error"
    )
    root = tmp_path.as_posix()
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{root}/a_new.txt:1:1: repeated-headline [error] headline repeats "
        f"{root}/headline.txt:1 (in another document)",
        f"{root}/a_new.txt:2:1: duplicated-paragraph [error] paragraph duplicates "
        f"{root}/z_old.txt:2 (in another document)",
        "Found 2 findings (2 errors) in 1 file.",
    ]
    code, out, _ = run_cli("check", str(new), "--fail-on", "error")
    assert (code, out.strip()) == (0, "No findings.")


def test_corpus_root_honours_exclude_and_configuration(run_cli, tmp_path):
    _write(tmp_path / "newslint.yaml", "exclude: [drafts]\n")
    _write(tmp_path / "drafts" / "old.txt", OLD)
    _write(tmp_path / "other" / "newslint.yaml", "select: [duplicated-paragraph]\n")
    _write(tmp_path / "other" / "old.txt", OLD)  # another configuration: another corpus
    new = _write(tmp_path / "a_new.txt", COPY)
    code, out, _ = run_cli("check", str(new), "--corpus-root", str(tmp_path), "--fail-on", "error")
    assert (code, out.strip()) == (0, "No findings.")


def test_unreadable_context_is_a_warning_not_an_error(run_cli, tmp_path):
    _write(tmp_path / "empty.txt", "")  # empty: a document of the context, no warning
    _write(tmp_path / "latin.txt", b"Caf\xe9")
    _write(tmp_path / "z_old.txt", OLD)
    new = _write(tmp_path / "a_new.txt", COPY)
    args = ("check", str(new), "--corpus-root", str(tmp_path))
    code, out, err = run_cli(*args, "--select", "duplicated-paragraph")
    assert code == 1 and "duplicated-paragraph" in out and "unreadable-file" not in out
    assert err == (
        f"newslint: warning: {tmp_path.as_posix()}/latin.txt:1:1: cannot decode as UTF-8 at "
        "byte 3 (unexpected end of data); save the file as UTF-8 (corpus context)\n"
    )
    # no corpus rule selected: the context is not even read
    code, out, err = run_cli(*args, "--select", "placeholder-text")
    assert (code, out.strip(), err) == (0, "No findings.", "")


def test_corpus_root_must_be_a_directory(run_cli, tmp_path):
    new = _write(tmp_path / "a_new.txt", COPY)
    code, out, err = run_cli("check", str(new), "--corpus-root", str(tmp_path / "nope"))
    assert (code, out) == (2, "")
    assert (
        err
        == f"newslint: error: --corpus-root: {(tmp_path / 'nope').as_posix()}: not a directory\n"
    )


def test_staged_rewrites_are_paired_with_originals_in_the_context(run_cli, tmp_path):
    """With --corpus-root, a rewrite named on the command line is matched to an original that is
    only context (committed, not staged); the original itself is not reported."""
    import shutil

    from conftest import SEEDS

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns(".*"))
    staged = ["corpus/000_ff806e430f618b52.txt", "corpus/003_3cca3255a196bd16.txt"]
    select = "off-source,unsupported-name"
    code, out, _ = run_cli(
        "check", "--corpus-root", "corpus", *staged, "--select", select, cwd=tmp_path
    )
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("corpus/003_3cca3255a196bd16.txt:1:1: off-source") for line in lines)
    assert any(
        line.startswith("corpus/000_ff806e430f618b52.txt:7:137: unsupported-name")
        and "'Amjad Qatrawi'" in line
        and "(corpus/002_06a2e6461da98317.txt)" in line
        for line in lines
    )
    assert not [
        line for line in lines if "000_ff806e430f618b52.txt" in line and "off-source" in line
    ]
    assert not [line for line in lines if line.startswith("corpus/002_")]
