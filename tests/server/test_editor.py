"""The server's newslint side without the protocol: positions, ranges, directives, hover."""

from __future__ import annotations

from conftest import SEEDS

from lint.engine.fix import apply
from lint.workflows.editor import (
    Lines,
    Position,
    Workspace,
    at,
    directive_edit,
    hover_text,
    span_of,
)

ARTICLE = SEEDS / "000_ff806e430f618b52.txt"


def test_positions_count_utf16_code_units():
    text = "a😀b\nsecond “line”"
    lines = Lines(text)
    assert lines.position(3) == Position(0, 4)  # the emoji is two UTF-16 units
    assert lines.offset(Position(0, 4)) == 3
    assert lines.position(len(text)) == Position(1, 13)
    assert lines.offset(Position(5, 0)) == len(text)


def test_buffer_is_linted_in_place_of_the_file():
    workspace = Workspace(SEEDS)
    text = ARTICLE.read_text(encoding="utf-8")
    linted = workspace.lint(ARTICLE, text)
    rules = {f.rule for f in linted.findings}
    assert "duplicated-paragraph" in rules
    assert {f.path for f in linted.findings} == {ARTICLE.as_posix()}
    lines = Lines(text)
    duplicate = next(f for f in linted.findings if f.rule == "duplicated-paragraph")
    start, end = span_of(duplicate, lines)
    assert (start.line, start.character, end.line) == (10, 0, 13)  # a run of four copies
    assert duplicate in at(linted.findings, lines, Position(12, 5))
    trimmed = apply(text, duplicate.edits)
    again = workspace.lint(ARTICLE, trimmed)
    assert sum(f.rule == "duplicated-paragraph" for f in again.findings) == 0  # the run is gone
    hover = hover_text(linted.rules["duplicated-paragraph"], duplicate)
    assert "What it finds" in hover and "Why it matters" in hover


def test_disable_next_directive_goes_above_the_line():
    workspace = Workspace(SEEDS)
    text = ARTICLE.read_text(encoding="utf-8")
    finding = next(
        f for f in workspace.lint(ARTICLE, text).findings if f.rule == "vague-attribution"
    )
    edited = apply(text, [directive_edit(finding, text)])
    assert not any(f.rule == "vague-attribution" for f in workspace.lint(ARTICLE, edited).findings)


def test_untitled_buffer_goes_through_lint_texts():
    linted = Workspace().lint(None, ARTICLE.read_text(encoding="utf-8"))
    assert any(f.rule == "duplicated-paragraph" for f in linted.findings)


def test_workspace_corpus_context_comes_through_the_persistent_index(tmp_path, monkeypatch):
    """Corpus rules see the workspace's other files, read through the corpus index in the cache
    folder: a second file opened re-reads nothing that did not change."""
    import shutil

    import lint.io.index_entries as entries_module

    for path in SEEDS.glob("*"):
        if path.is_file():  # not a cache folder a run there left
            shutil.copy(path, tmp_path / path.name)
    parsed: list[str] = []
    real = entries_module.read_path

    def counted(path, *args, **kwargs):
        parsed.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(entries_module, "read_path", counted)
    workspace = Workspace(tmp_path)
    article = tmp_path / ARTICLE.name
    text = ARTICLE.read_text(encoding="utf-8")
    linted = workspace.lint(article, text)
    assert len(parsed) == 4 and ARTICLE.name not in parsed  # the other four seeds
    assert (tmp_path / ".newslint_cache").is_dir()
    # the corpus rules compare the buffer with the workspace: a copy of another seed is reported
    other = tmp_path / "003_3cca3255a196bd16.txt"
    copied = workspace.lint(article, other.read_text(encoding="utf-8"))
    assert any(f.rule == "duplicate-article" for f in copied.findings)
    assert not any(f.rule == "duplicate-article" for f in linted.findings)
    # another file opened: its context comes from the index; only the first seed is parsed
    parsed.clear()
    workspace.lint(other, other.read_text(encoding="utf-8"))
    assert parsed == [ARTICLE.name]
