"""The per-document shortcuts of the lexicon, grade, markup and pattern kinds and of the engine's
loop, each against the plain computation it replaces (issue 13: every finding unchanged)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.core.document import Document, Span
from lint.engine.engine import Engine
from lint.engine.rules import SCOPES, builtin_dir, load_rules
from lint.io.readers import parse
from lint.kinds import markup, pattern, phrases
from lint.text import grade, lexicon, pronouncing, syllables
from lint.text.quotes import inside, quote_spans

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "rules" / "lexicons"
SHIPPED = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["categories"]
    for path in sorted(LEXICONS.glob("*.yaml"))
}
MADE_UP = {
    "short": ["a stark reminder", "a stark", "stark", "in*", "inside job", "A1 rating"],
    "long": ["stated", "state of the art", "state-of-the-art", "9 lives", "it's", "ok"],
}
CASES = [
    *((name, entries, True) for name, entries in SHIPPED.items()),
    ("made-up", MADE_UP, True),
    ("made-up, case kept", MADE_UP, False),
]
WORDS = st.sampled_from(
    [
        "a", "A", "stark", "Stark", "reminder", "in", "In", "inside", "job", "the", "edge",
        "A1", "rating", "stated", "State", "state", "of", "art", "9", "lives", "it", "'s",
        "ok", "OK", "_", "amid", "unwavering", "testament", "to", "underscores", "emphasized",
        "noted", "said", "remarked", "pivotal", "role", "played", "a", "crucial", "\u00e9t\u00e9",
        "\u201cstark\u201d", "\u2019s",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", "", "  ", "\n", ",", ".", "-", "_", "'", '"', "(", "\t"])
TEXTS = st.lists(st.tuples(WORDS, SEPARATORS), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _plain_matches(text: str, options: phrases.Options) -> tuple[tuple[Span, int], ...]:
    """What :func:`lexicon.matches` answers, from the lexicon's whole pattern's ``finditer``."""
    compiled = options.pattern.compiled()
    quotes = quote_spans(text) if options.skip_quotes else []
    found = []
    for match in compiled.finditer(text):
        span = Span(match.start(), match.end())
        if not (quotes and inside(quotes, span)):
            found.append((span, int(str(match.lastgroup)[1:])))
    return tuple(found)


@pytest.mark.parametrize(("name", "entries", "ignore_case"), CASES)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_lexicon_matches_are_the_whole_patterns(name, entries, ignore_case, text):
    options = phrases.Options(lexicon=entries, ignore_case=ignore_case)
    source = options.pattern
    found = lexicon.matches.__wrapped__(text, source.pattern, source.flags, True)
    assert found == _plain_matches(text, options), name


def test_places_holding_several_keys_keep_them_all():
    """Two keys starting at one place ("stark" as a whole word, and "in*"'s "in" against "inside
    job"): each key's entries are tried there."""
    options = phrases.Options(lexicon=MADE_UP)
    for text in ("It was a stark reminder.", "An inside job, inside", "a Stark, in stark terms"):
        source = options.pattern
        found = lexicon.matches.__wrapped__(text, source.pattern, source.flags, False)
        assert found == _plain_matches(text, phrases.Options(MADE_UP, skip_quotes=False)), text


# ------------------------------------------------------------------------------------- grade
SENTENCE_PARTS = st.lists(
    st.sampled_from(
        ["word", "it's", "'", "\u2014", "-", "...", "a", "U.S.", "$5", "(", ")", "'tis", "x_y",
         "\u00e9t\u00e9", "10%", "\u00bd", "'re", ",", ";", "ok'", "\u2019s", "_", "\u0663"]
    ),
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(sentence=st.one_of(SENTENCE_PARTS, st.text(max_size=40)))
def test_a_short_sentence_is_told_as_textstat_tells_it(sentence):
    plain = len(grade.without_punctuation(sentence).split()) <= 2
    assert grade.is_short(sentence) == plain


def test_short_sentences_at_the_edges():
    for sentence, short in [
        ("a b", True),
        ("a b c", False),
        ("\u2014 \u2014 a b", True),
        ("' ' a b", True),
        ("it's a b", False),
        ("$5 , a", True),
    ]:
        assert grade.is_short(sentence) is short, sentence
        assert (len(grade.without_punctuation(sentence).split()) <= 2) is short, sentence


# ------------------------------------------------------------------------------------ markup
MARKUP_LINES = st.lists(
    st.sampled_from(
        ["Plain words here.", "* item", "  * item", "+ item", "- dash", "1. one", "12) two",
         "\u2022 dot", "Key Points:", "**Key Points:**", "## Heading", "#tag", "**bold** text",
         "__under__ words", "a__b", "2**10", "*", "* ", "-", "*\r", "* x\r", "", "   "]
    ),
    max_size=8,
).map("\n".join)  # fmt: skip
LABELS = r"key\s+points|(?:\w+\s+){0,3}highlights"


@settings(max_examples=400, deadline=None)
@given(
    paragraphs=st.lists(MARKUP_LINES, min_size=1, max_size=4),
    name=st.sampled_from(["a.txt", "a.md"]),
)
def test_markup_skips_only_documents_it_finds_nothing_in(paragraphs, name):
    text = "\n\n".join(paragraphs) + "\n"
    document = parse(name, text)
    assert isinstance(document, Document)
    options = markup.Options(label_pattern=LABELS)
    blocks = document.blocks_of(frozenset(b.kind for b in document.blocks))
    fast = list(markup.check(document, blocks, options))
    with pytest.MonkeyPatch.context() as patcher:
        patcher.setattr(markup, "can_hit", lambda _blocks: True)
        plain = list(markup.check(document, blocks, options))
    assert fast == plain
    if not markup.can_hit(blocks):
        assert plain == []


# ----------------------------------------------------------------------------------- pattern
def test_a_pattern_keeps_one_gate_found_by_identity():
    options = pattern.Options(pattern=r"\bfoo\b")
    gate = pattern._gate(options.regex)
    assert pattern._gate(options.regex) is gate
    other = re.compile(r"\bbar\b")
    # an entry left under another pattern's id (a pattern freed, its id reused) is not taken
    pattern._GATES[id(other)] = (options.regex, gate)
    try:
        assert pattern._gate(other).pattern is other
    finally:
        pattern._GATES.pop(id(other), None)


@settings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_pattern_hits_are_finditers(text):
    options = pattern.Options(pattern=r"\b(?:stark|in\w*|a1)\b", ignore_case=True)
    hits = [(h.span.start, h.span.end) for h in pattern.check(text, options)]
    assert hits == [m.span() for m in options.regex.finditer(text) if m.end() > m.start()]


# ------------------------------------------------------------------------------------ engine
def _plain_findings(engine: Engine, document: Document) -> list[object]:
    """The engine's per-document loop as it was: each rule reads its blocks itself."""
    found: list[object] = []
    for rule in engine.per_document_rules:
        blocks = document.blocks_of(rule.scope)
        try:
            if rule.level.value == "document":
                hits = list(rule.kind_impl.check(document, blocks, rule.options))
            else:
                hits = [
                    h.shift(b.start)
                    for b in blocks
                    for h in rule.kind_impl.check(b.text, rule.options)
                ]
        except Exception as err:
            found.append(engine._internal_error(rule, document, err))
            continue
        found.extend(engine.finding(rule, document, hit) for hit in hits)
    return found


def test_the_engine_loop_gives_each_rule_the_blocks_of_its_scope():
    rules = load_rules([builtin_dir()])
    assert len({r.scope for r in rules}) > 1  # rules of several scopes share a document
    engine = Engine(rules)
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:40]:
        document = parse(path.name, path.read_text(encoding="utf-8"))
        assert isinstance(document, Document)
        assert engine.check_document(document) == _plain_findings(Engine(rules), document), path


def test_rules_of_other_scopes_get_their_own_blocks():
    shipped = {r.id: r for r in load_rules([builtin_dir()])}
    inflation = shipped["stylistic-inflation"]
    rules = [
        dataclasses.replace(inflation, id="in-headline", scope=SCOPES["headline"]),
        dataclasses.replace(inflation, id="in-text", scope=SCOPES["text"]),
        dataclasses.replace(inflation, id="in-body", scope=SCOPES["body"]),
        dataclasses.replace(shipped["markup-artifact"], scope=SCOPES["paragraph"]),
    ]
    text = (
        "A stark reminder of a pivotal role\n\n"
        "The council, in a stark reminder, played a pivotal role.\n\n"
        "## A testament to the region\n\n"
        "It is a testament to the region's unwavering resolve.\n"
    )
    document = parse("a.txt", text)
    assert isinstance(document, Document)
    found = Engine(rules).check_document(document)
    assert found == _plain_findings(Engine(rules), document)
    assert {f.rule for f in found} == {"in-headline", "in-text", "in-body"}
    assert len([f for f in found if f.rule == "in-text"]) > len(
        [f for f in found if f.rule == "in-headline"]
    )


# --------------------------------------------------------------------------------- syllables
def _bisected(table: pronouncing.SyllableTable, word: str) -> int | None:
    """:meth:`SyllableTable.get` as it was: a bisection over the entries, a step per word."""
    low, high = 0, len(table)
    while low < high:
        middle = (low + high) // 2
        if table._word(middle) < word:
            low = middle + 1
        else:
            high = middle
    if low < len(table) and table._word(low) == word:
        return int(table._counts[low])
    return None


ENTRY_WORDS = st.text(alphabet="ab'(2)-\u00e9", max_size=5)


@settings(max_examples=300, deadline=None)
@given(
    entries=st.lists(st.tuples(ENTRY_WORDS, st.integers(0, 3)), max_size=100),
    asked=st.lists(ENTRY_WORDS, max_size=20),
)
def test_a_syllable_lookup_is_the_bisections(entries, asked):
    lines = [f"{word} " + " ".join(["AH1"] * count + ["K"]) for word, count in entries]
    table = pronouncing.SyllableTable.of(pronouncing.Lexicon(lines))
    for word in [*asked, *(word for word, _ in entries)]:
        assert table.get(word) == _bisected(table, word), word


def test_the_dictionarys_lookups_are_the_bisections():
    table = syllables._syllables()._table
    words = [table._word(i) for i in range(0, len(table), 97)]
    for word in [*words, *(w + "s" for w in words), *(w[:-1] for w in words), "", "zzzz"]:
        assert table.get(word) == _bisected(table, word), word
