"""The persistent corpus index: reused when files are unchanged, rebuilt when corrupt."""

from __future__ import annotations

import os
from pathlib import Path

from lint import Options, lint_paths
from lint.io.corpus import read_context
from lint.io.index import CorpusIndex
from lint.io.records import JsonlFields

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
    # a damaged blob is found when it is read (its digest is in the signed header)
    assert again.read(paths) == read_context(paths, fields)
    assert any("corrupt" in w for w in again.warnings)
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
    import lint.io.index_entries as entries_module

    parsed: list[str] = []
    real = entries_module.read_path

    def counted(path, *args, **kwargs):
        parsed.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(entries_module, "read_path", counted)
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


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_corpus(tmp_path: Path, config: bool) -> Path:
    """The seed articles as a corpus under ``tmp_path/corpus``; with ``config``, their
    ``newslint.yaml`` too (002_ is an original: pair rules then use the whole corpus)."""
    root = tmp_path / "corpus"
    root.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (root / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    if config:
        (root / "newslint.yaml").write_text((SEEDS / "newslint.yaml").read_text())
    for i in range(12):  # unrelated committed articles the staged ones share nothing with
        (root / f"filler-{i:02d}.txt").write_text(
            f"Filler story {i} about topic {i * 7}\n\n"
            f"The {i}th committee met on day {i} and discussed subject {i * 3} at length, "
            f"agreeing on nothing in particular before item {i * 11} closed the session.\n"
        )
    return root


def _staged_variants(root: Path) -> dict[str, str]:
    """Staged articles that repeat committed ones: a paragraph copied, a paragraph with one
    word changed (a near copy), a headline reused, a whole article copied, and one new."""
    seed = (root / "002_06a2e6461da98317.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n\n") if len(p.split()) > 20]
    near = paragraphs[1].replace("security forces", "the security forces", 1)
    other = (root / "003_3cca3255a196bd16.txt").read_text(encoding="utf-8")
    headline = other.splitlines()[0]
    return {
        "copied.txt": f"A new headline entirely\n\nAn opening line of ours.\n\n{paragraphs[0]}\n",
        "near.txt": f"Another new headline here\n\n{near}\n\nA closing line of our own here.\n",
        "headline.txt": f"{headline}\n\nSomething else happened somewhere else on another day.\n",
        "article.txt": other,
        "fresh.txt": "Nothing like it\n\nA paragraph nobody committed, about a fair in a town.\n",
    }


def _hook(root: Path, staged: Path, cache: Path | None) -> tuple:
    options = Options(corpus_root=root, cache=cache is not None, cache_dir=cache)
    return lint_paths([str(staged)], options).findings


def test_hook_loads_only_the_context_that_can_matter_and_finds_the_same(
    tmp_path: Path, monkeypatch
):
    """With the index, a hook unpickles only the committed documents sharing a token with the
    staged one, and reports exactly what reading the whole corpus reports."""
    import lint.io.index as index_module

    root = _seed_corpus(tmp_path, config=False)
    variants = _staged_variants(root)
    loaded: list[int] = []
    real = index_module.CorpusIndex.select

    def counted(self, linted):
        found = real(self, linted)
        loaded.append(self.loaded)
        return found

    monkeypatch.setattr(index_module.CorpusIndex, "select", counted)
    corpus_rules = ("duplicate-article", "duplicated-paragraph", "near-duplicate-paragraph")
    for name, text in variants.items():
        staged = tmp_path / "staged" / name
        staged.parent.mkdir(exist_ok=True)
        staged.write_text(text, encoding="utf-8")
        plain = _hook(root, staged, None)
        cold = _hook(root, staged, tmp_path / "cache")
        loaded.clear()
        warm = _hook(root, staged, tmp_path / "cache")
        assert plain == cold == warm, name
        assert len(loaded) == 1 and loaded[0] <= 2, (name, loaded)  # of 17 committed files
        copies = [f for f in plain if f.rule in (*corpus_rules, "repeated-headline")]
        assert bool(copies) == (name != "fresh.txt"), name


def test_hook_with_originals_reads_the_whole_context(tmp_path: Path):
    """Pair rules pair a staged rewrite with any committed original: the index then hands
    every context document over, and the findings are those of reading the corpus."""
    root = _seed_corpus(tmp_path, config=True)
    original = (root / "002_06a2e6461da98317.txt").read_text(encoding="utf-8")
    staged = root / "rewrite.txt"
    body = "\n\n".join(original.split("\n\n")[1:4]).replace("1,400", "2,400")
    staged.write_text(f"Syria killings\n\n{body}\n\nOfficials said 95% of the people fled.\n")
    plain = _hook(root, staged, None)
    assert any(f.rule == "unsupported-figure" for f in plain)
    assert _hook(root, staged, tmp_path / "cache") == plain
    assert _hook(root, staged, tmp_path / "cache") == plain


def test_changed_rules_recompute_the_tokens(tmp_path: Path):
    """Tokens are kept for one set of corpus rules: other rules (another threshold) make the
    index recompute every file's tokens, once, and find what reading the corpus finds."""
    root = _seed_corpus(tmp_path, config=False)
    staged = tmp_path / "near.txt"
    staged.write_text(_staged_variants(root)["near.txt"], encoding="utf-8")
    cache = tmp_path / "cache"
    for select in (("duplicated-paragraph",), ("near-duplicate-paragraph",), None):
        options = Options(corpus_root=root, select=select)
        plain = lint_paths([str(staged)], options).findings
        cached = Options(corpus_root=root, select=select, cache=True, cache_dir=cache)
        assert lint_paths([str(staged)], cached).findings == plain
        assert lint_paths([str(staged)], cached).findings == plain


def test_damaged_blob_found_by_a_hook_is_rebuilt_with_a_warning(tmp_path: Path):
    """A blob that fails its digest (the header is signed, the blob is not) is never
    unpickled: the index is rebuilt from the files, with a warning, and findings are the same."""
    root = _seed_corpus(tmp_path, config=False)
    staged = tmp_path / "article.txt"
    staged.write_text(_staged_variants(root)["article.txt"], encoding="utf-8")
    cache = tmp_path / "cache"
    plain = _hook(root, staged, None)
    _hook(root, staged, cache)
    (index_file,) = cache.glob("corpus-index-*.bin")
    from lint.engine.context import Selector
    from lint.engine.resolve import resolve

    (group,), _ = resolve([str(staged)], Options(corpus_root=root))
    loaded = CorpusIndex.load(cache, JsonlFields(), Selector.of(group.rules))
    assert loaded.path == index_file
    table = loaded._entries.table
    entry = table.names.index((root / "003_3cca3255a196bd16.txt").as_posix())
    at = table.base + (table.blobs[entry] + table.blobs[entry + 1]) // 2
    table.close()
    data = bytearray(index_file.read_bytes())
    data[at] ^= 0xFF  # inside the blob of the committed article the staged one copies
    index_file.write_bytes(bytes(data))
    options = Options(corpus_root=root, cache=True, cache_dir=cache)
    run = lint_paths([str(staged)], options)
    assert run.findings == plain
    assert any("corpus index" in w and "corrupt" in w for w in run.warnings)
    again = lint_paths([str(staged)], options)
    assert again.findings == plain and not any("corrupt" in w for w in again.warnings)


def test_damaged_blob_found_while_recomputing_tokens_is_rebuilt(tmp_path: Path):
    """Other corpus rules make the index load every blob to recompute tokens: a damaged one
    found then is never unpickled either; the index is rebuilt with a warning."""
    root = _seed_corpus(tmp_path, config=False)
    staged = tmp_path / "near.txt"
    staged.write_text(_staged_variants(root)["near.txt"], encoding="utf-8")
    cache = tmp_path / "cache"
    first = Options(corpus_root=root, cache=True, cache_dir=cache, select=("repeated-headline",))
    lint_paths([str(staged)], first)
    (index_file,) = cache.glob("corpus-index-*.bin")
    data = bytearray(index_file.read_bytes())
    data[-20] ^= 0xFF  # inside the last blob
    index_file.write_bytes(bytes(data))
    # another rule set, whose index file this one becomes (same name: copy it over)
    other = ("near-duplicate-paragraph",)
    plain = lint_paths([str(staged)], Options(corpus_root=root, select=other)).findings
    from lint.engine.context import Selector
    from lint.engine.resolve import resolve

    (group,), _ = resolve([str(staged)], Options(corpus_root=root, select=other))
    target = CorpusIndex.load(cache, JsonlFields(), Selector.of(group.rules)).path
    target.write_bytes(bytes(data))  # tokens of another signature, and a damaged blob
    run = lint_paths(
        [str(staged)], Options(corpus_root=root, cache=True, cache_dir=cache, select=other)
    )
    assert run.findings == plain
    assert any("corrupt" in w for w in run.warnings)


def test_concurrent_hooks_share_the_index_safely(tmp_path: Path):
    """Hooks started together on a cold, then a changed, corpus each report what reading the
    corpus reports, and leave a complete index (atomic replacement: the last writer wins)."""
    import json
    import os
    import subprocess
    import sys

    root = _seed_corpus(tmp_path, config=False)
    staged = tmp_path / "copied.txt"
    staged.write_text(_staged_variants(root)["copied.txt"], encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    env["NEWSLINT_KEY_DIR"] = str(tmp_path / "key")
    env.pop("NEWSLINT_CACHE_DIR", None)
    command = [sys.executable, "-m", "lint", "check", "--format", "json", "--corpus-root"]
    command += [str(root), "--cache-dir", str(cache), str(staged)]

    def together(n: int) -> list[str]:
        procs = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            for _ in range(n)
        ]
        outs = [p.communicate(timeout=300) for p in procs]
        assert all(p.returncode == 1 for p in procs), [o[1] for o in outs]
        assert not any(b"corrupt" in err for _, err in outs)
        return [out.decode() for out, _ in outs]

    once = subprocess.run([*command, "--no-cache"], capture_output=True, env=env, check=False)
    plain = json.loads(once.stdout)
    assert plain
    for outs in (together(4), together(4)):
        assert all(json.loads(out) == plain for out in outs)
    (root / "filler-03.txt").write_text("Changed\n\nA committed file edited between hooks here.\n")
    for outs in (together(4), together(2)):
        assert all(json.loads(out) == plain for out in outs)
    assert len(list(cache.glob("corpus-index-*.bin"))) == 1
    assert not list(cache.glob(".corpus-index-*"))  # no temporary file left behind


def _written_table(tmp_path: Path, entries: list[list[int]]):
    """An index file written with these tokens per entry (sorted), read back."""
    from array import array

    from lint.io.index_file import read_index
    from lint.io.index_writer import Writer

    writer = Writer()
    for i, tokens in enumerate(entries):
        writer.add(
            f"{i}.txt",
            (i, i, bytes(16)),
            b"",
            bytes(16),
            tokens=array("Q", sorted(tokens)),
            declared=False,
            where=None,
            problems=[],
        )
    counts = {t: sum(t in e for e in entries) for e in entries for t in e}
    rank_tokens = array("Q", sorted(t for t, c in counts.items() if c > 1))
    rank_counts = array("q", (counts[t] for t in rank_tokens))
    path = tmp_path / "index.bin"
    path.write_bytes(writer.encode("sig", rank_tokens, rank_counts))
    table = read_index(path)
    assert table is not None
    return table, path, counts


def test_token_section_lookups_read_single_chunks_and_agree_with_the_arrays(tmp_path: Path):
    """Postings, ranks and each entry's tokens read chunk by chunk (through the fence) are what
    the whole arrays hold, for tokens whose postings cross chunk boundaries, and a look-up
    reads a chunk or two of each array, not the section."""
    import random

    from lint.io.index_file import CHUNK

    rng = random.Random(7)
    common = [rng.randrange(2**64) for _ in range(40)]  # in many entries: long postings
    entries = [
        sorted({*rng.sample(common, 12), *(rng.randrange(2**64) for _ in range(90))})
        for _ in range(500)
    ]
    table, _, counts = _written_table(tmp_path, entries)
    assert len(table.post_tokens) > 90 * CHUNK
    probes = [*common[:5], *rng.sample(sorted(counts), 20), 0, 2**64 - 1, rng.randrange(2**64)]
    for token in probes:
        expected = {i for i, e in enumerate(entries) if token in e}
        assert table.owners([token]) == expected
        assert table.rank(token) == (counts.get(token, 0) if counts.get(token, 0) > 1 else 0)
    read = len(table.post_tokens._chunks), len(table.post_owners._chunks)
    assert read[0] <= 2 * len(probes) and read[0] < len(table.post_tokens) // CHUNK
    for i in (0, 17, 499):
        assert list(table.entry_tokens(i)) == entries[i]
    whole = table.post_tokens.whole()
    assert list(whole) == sorted(t for e in entries for t in e)
    table.close()


def test_damaged_token_section_found_by_a_hook_is_rebuilt_with_a_warning(tmp_path: Path):
    """The token section is not under the header's MAC: each chunk is checked against its digest
    (in the signed header) when read. A damaged chunk of the inverted list or the token order,
    read by a hook's look-up, is never used: the index is rebuilt with a warning, findings same."""
    from lint.engine.context import Selector
    from lint.engine.resolve import resolve
    from lint.io.index_file import CHUNK

    root = _seed_corpus(tmp_path, config=False)
    staged = tmp_path / "copied.txt"
    staged.write_text(_staged_variants(root)["copied.txt"], encoding="utf-8")
    cache = tmp_path / "cache"
    plain = _hook(root, staged, None)
    assert plain
    _hook(root, staged, cache)
    (index_file,) = cache.glob("corpus-index-*.bin")
    good = index_file.read_bytes()
    (group,), _ = resolve([str(staged)], Options(corpus_root=root))
    selector = Selector.of(group.rules)
    options = Options(corpus_root=root, cache=True, cache_dir=cache)
    for name in ("post_tokens", "rank_tokens"):
        loaded = CorpusIndex.load(cache, JsonlFields(), selector)
        section = getattr(loaded._entries.table, name)
        assert len(section) > 0
        start, end = section.offset, section.offset + 8 * len(section)
        loaded._entries.table.close()
        data = bytearray(good)
        for at in range(start, end, 8 * CHUNK):  # one byte in every chunk
            data[at] ^= 0xFF
        index_file.write_bytes(bytes(data))
        run = lint_paths([str(staged)], options)
        assert run.findings == plain, name
        assert any("corpus index" in w and "corrupt" in w for w in run.warnings), name
        again = lint_paths([str(staged)], options)
        assert again.findings == plain and not again.warnings, name


def test_damaged_tokens_found_when_the_index_is_written_again(tmp_path: Path):
    """Each file's tokens are read only to write the index again (a committed file changed):
    a damaged chunk then is found, never written into the new index; rebuilt with a warning."""
    from lint.engine.context import Selector
    from lint.engine.resolve import resolve

    root = _seed_corpus(tmp_path, config=False)
    staged = tmp_path / "near.txt"
    staged.write_text(_staged_variants(root)["near.txt"], encoding="utf-8")
    cache = tmp_path / "cache"
    _hook(root, staged, cache)
    (index_file,) = cache.glob("corpus-index-*.bin")
    (group,), _ = resolve([str(staged)], Options(corpus_root=root))
    loaded = CorpusIndex.load(cache, JsonlFields(), Selector.of(group.rules))
    tokens = loaded._entries.table.tokens
    at = tokens.offset + 4 * len(tokens)
    loaded._entries.table.close()
    data = bytearray(index_file.read_bytes())
    data[at] ^= 0xFF
    index_file.write_bytes(bytes(data))
    (root / "filler-03.txt").write_text("Changed\n\nA committed file edited between hooks here.\n")
    plain = _hook(root, staged, None)
    options = Options(corpus_root=root, cache=True, cache_dir=cache)
    run = lint_paths([str(staged)], options)
    assert run.findings == plain
    assert any("corpus index" in w and "corrupt" in w for w in run.warnings)
    again = lint_paths([str(staged)], options)
    assert again.findings == plain and not again.warnings
    table = CorpusIndex.load(cache, JsonlFields(), Selector.of(group.rules))._entries.table
    assert len(table.tokens.whole()) > 0  # written whole again: every chunk passes its check
    table.close()
