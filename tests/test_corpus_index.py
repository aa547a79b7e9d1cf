"""The persistent corpus index: reused when files are unchanged, rebuilt when corrupt."""

from __future__ import annotations

import os
from pathlib import Path

from lint import Options, lint_paths
from lint.io.corpus import read_context
from lint.io.index import CorpusIndex
from lint.io.readers import JsonlFields

PARAGRAPH = "The council approved the budget on Tuesday after a long debate about the new library."


def _corpus(tmp_path: Path, n: int = 4) -> list[Path]:
    root = tmp_path / "corpus"
    root.mkdir()
    paths = []
    for i in range(n):
        path = root / f"{i:02d}.txt"
        path.write_text(f"Headline number {i}\n\n{PARAGRAPH} Item {i} of the series.\n")
        paths.append(path)
    return paths


def test_same_documents_as_reading(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    fields = JsonlFields()
    index = CorpusIndex.load(tmp_path / "cache", fields)
    assert index.read(paths) == read_context(paths, fields)
    assert index.parsed == len(paths)
    assert index.save() is None
    again = CorpusIndex.load(tmp_path / "cache", fields)
    assert again.read(paths) == read_context(paths, fields)
    assert again.parsed == 0 and not again.changed and not again.warnings


def test_changed_file_reparsed_touched_file_not(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    fields = JsonlFields()
    index = CorpusIndex.load(tmp_path / "cache", fields)
    index.read(paths)
    index.save()
    paths[0].write_text("A new headline\n\nSomething else entirely happened in the city today.\n")
    stat = paths[1].stat()
    os.utime(paths[1], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, same bytes
    again = CorpusIndex.load(tmp_path / "cache", fields)
    assert again.read(paths) == read_context(paths, fields)
    assert again.parsed == 1


def test_corrupt_index_rebuilt_with_warning(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    fields = JsonlFields()
    index = CorpusIndex.load(tmp_path / "cache", fields)
    index.read(paths)
    index.save()
    data = bytearray(index.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    index.path.write_bytes(bytes(data))
    again = CorpusIndex.load(tmp_path / "cache", fields)
    assert any("corrupt" in w for w in again.warnings)
    assert again.read(paths) == read_context(paths, fields)
    assert again.parsed == len(paths)
    assert again.save() is None
    assert not CorpusIndex.load(tmp_path / "cache", fields).warnings
    index.path.write_bytes(b"")  # truncated
    assert any("corrupt" in w for w in CorpusIndex.load(tmp_path / "cache", fields).warnings)


def test_hook_findings_same_with_index(tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    staged = tmp_path / "staged.txt"
    staged.write_text(f"Headline number 1\n\n{PARAGRAPH} Item 1 of the series.\n")
    root = paths[0].parent
    plain = lint_paths([str(staged)], Options(corpus_root=root))
    cached = Options(corpus_root=root, cache=True, cache_dir=tmp_path / "cache")
    first = lint_paths([str(staged)], cached)
    warm = lint_paths([str(staged)], cached)
    assert plain.findings and plain.findings == first.findings == warm.findings
    assert list((tmp_path / "cache").glob("corpus-index-*.bin"))


def _counting(monkeypatch) -> list[str]:
    """The paths the corpus index parses (reads and segments), in order."""
    import lint.io.index as index_module

    parsed: list[str] = []
    real = index_module.read_path

    def counted(path, *args, **kwargs):
        parsed.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(index_module, "read_path", counted)
    return parsed


def test_lint_texts_with_a_corpus_root_uses_the_persistent_index(tmp_path: Path, monkeypatch):
    from lint import lint_texts

    paths = _corpus(tmp_path)
    root = paths[0].parent
    copy = paths[2].read_text()
    options = Options(select=("duplicate-article",), cache=True, cache_dir=tmp_path / "cache")
    parsed = _counting(monkeypatch)
    # the buffer of 00.txt repeats 02.txt: a corpus finding against a context file
    run = lint_texts({str(paths[0]): copy}, options, corpus_root=root)
    assert [f.rule for f in run.findings] == ["duplicate-article"]
    assert run.findings[0].path == str(paths[0])
    assert sorted(parsed) == ["01.txt", "02.txt", "03.txt"]  # the named file is not context
    # a second call parses nothing: every context file is unchanged
    parsed.clear()
    again = lint_texts({str(paths[0]): copy}, options, corpus_root=root)
    assert again.findings == run.findings and parsed == []
    # a changed corpus file is parsed again, alone, and its change is seen
    paths[2].write_text("A new headline\n\nSomething else entirely happened in the city today.\n")
    assert lint_texts({str(paths[0]): copy}, options, corpus_root=root).findings == ()
    assert parsed == ["02.txt"]


def test_lint_texts_with_a_corpus_root_and_no_cache_reads_the_files(tmp_path: Path, monkeypatch):
    from lint import lint_texts

    paths = _corpus(tmp_path)
    parsed = _counting(monkeypatch)
    options = Options(select=("duplicate-article",))
    run = lint_texts({str(paths[0]): paths[3].read_text()}, options, corpus_root=paths[0].parent)
    assert [f.rule for f in run.findings] == ["duplicate-article"]
    assert parsed == []  # no index without the cache
    assert not (paths[0].parent / ".newslint_cache").exists()
