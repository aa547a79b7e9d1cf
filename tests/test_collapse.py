"""One problem, one finding: copies' repeats dropped, one finding per span (engine/collapse)."""

from __future__ import annotations

from conftest import lint_texts

from lint.core.document import Block, BlockKind, Document, Span
from lint.core.finding import Finding, Severity
from lint.engine.collapse import one_per_problem

ARTICLE = (
    "Storm floods coastal town\n"
    "The heart-wrenching scenes are a stark reminder of the danger to the town.\n"
    "At least 140 homes were flooded overnight in the worst storm for a decade.\n"
    "Residents were moved to a school hall while the water was pumped out of the streets.\n"
)
SELECTED = (
    "duplicate-article",
    "duplicated-paragraph",
    "repeated-headline",
    "stylistic-inflation",
    "unattributed-figure",
    "inflation-density",
    "introduced-inflation",
)


def _rules(all_rules, ids=SELECTED):
    return [all_rules[i] for i in ids]


def test_a_wholly_duplicated_article_is_one_finding(all_rules):
    findings = lint_texts(_rules(all_rules), {"a.txt": ARTICLE, "b.txt": ARTICLE})
    on_b = [f for f in findings if f.path == "b.txt"]
    assert [(f.rule, f.line, f.column) for f in on_b] == [("duplicate-article", 1, 1)]
    assert "a.txt:1" in on_b[0].message
    assert {f.rule for f in findings if f.path == "a.txt"} >= {"stylistic-inflation"}


def test_nothing_is_reported_inside_a_duplicated_paragraph(all_rules):
    text = ARTICLE + ARTICLE.splitlines(keepends=True)[1]
    findings = lint_texts(_rules(all_rules), {"a.txt": text})
    on_copy = [(f.rule, f.column) for f in findings if f.line == 5]
    assert on_copy == [("duplicated-paragraph", 1)]
    assert [f.rule for f in findings if f.line == 2].count("stylistic-inflation") == 2


def test_a_rewrites_inflated_word_is_one_finding_that_says_the_original_lacks_it(all_rules):
    original = "Storm floods coastal town\nHomes were flooded overnight, the council said.\n"
    rewrite = "Storm floods coastal town\nThe heart-wrenching floods hit homes, the council said.\n"
    findings = lint_texts(_rules(all_rules), {"rewrite.txt": rewrite}, original)
    words = [f for f in findings if f.line == 2]
    assert [f.rule for f in words] == ["stylistic-inflation"]
    assert words[0].message.endswith("the original (0-original.txt) does not use it")
    assert words[0].data["also"] == ["introduced-inflation"]


def test_with_one_rule_disabled_the_other_still_reports(all_rules):
    original = "Storm floods coastal town\nHomes were flooded overnight, the council said.\n"
    rewrite = "Storm floods coastal town\nThe heart-wrenching floods hit homes, the council said.\n"
    ids = ("introduced-inflation",)
    findings = lint_texts(_rules(all_rules, ids), {"rewrite.txt": rewrite}, original)
    assert [f.rule for f in findings] == ["introduced-inflation"]


def _finding(rule: str, start: int, end: int, severity: Severity, **kw: object) -> Finding:
    return Finding(
        "a.txt",
        1,
        start + 1,
        1,
        end + 1,
        rule,
        severity,
        rule,
        start,
        end,
        **kw,  # type: ignore[arg-type]
    )


def _document(text: str) -> Document:
    spans = [Span(0, len(text))]
    return Document("a.txt", text, tuple(Block(BlockKind.PARAGRAPH, 0, s, text) for s in spans))


def test_word_level_overlap_keeps_the_most_severe_and_appends_notes():
    text = "x" * 100
    found = [
        _finding("b-rule", 10, 20, Severity.INFO, note="b adds this"),
        _finding("a-rule", 12, 18, Severity.WARNING),
        _finding("c-rule", 40, 50, Severity.INFO),
    ]
    kept = one_per_problem(found, [_document(text)], pair_rules=set())
    assert [(f.rule, f.message) for f in sorted(kept, key=lambda f: f.start)] == [
        ("a-rule", "a-rule; b adds this"),
        ("c-rule", "c-rule"),
    ]


def test_on_a_tie_the_pair_rule_wins_and_block_level_findings_are_left_alone():
    text = "x" * 100
    found = [
        _finding("unattributed", 10, 20, Severity.WARNING, note="no source either"),
        _finding("unsupported", 10, 15, Severity.WARNING),
        _finding("readability", 0, 100, Severity.INFO),  # the whole block
    ]
    kept = one_per_problem(found, [_document(text)], pair_rules={"unsupported"})
    assert sorted((f.rule, f.message) for f in kept) == [
        ("readability", "readability"),
        ("unsupported", "unsupported; no source either"),
    ]


def test_a_copy_covers_word_findings_inside_it_but_not_a_document_level_one():
    text = "x" * 100
    found = [
        _finding("copy", 50, 100, Severity.ERROR, covers=True),
        _finding("word", 60, 70, Severity.WARNING),
        _finding("density", 0, 0, Severity.WARNING),
        _finding("internal-error", 60, 60, Severity.ERROR),
    ]
    kept = one_per_problem(found, [_document(text)], pair_rules=set())
    assert sorted(f.rule for f in kept) == ["copy", "density", "internal-error"]


def _covered_by_definition(findings, extent):
    """The quadratic definition ``_drop_covered`` must keep to: widest cover first, each kept
    unless a kept one spans it; a zero-length finding is covered only by a whole-text cover."""

    def covers(cover, finding):
        if cover is finding or not (cover.start <= finding.start and finding.end <= cover.end):
            return False
        return finding.end != finding.start or (extent is not None and extent.whole(cover))

    order = sorted(
        (f for f in findings if f.covers),
        key=lambda f: (-(f.end - f.start), -f.severity, f.rule, f.start),
    )
    kept: list[Finding] = []
    for cover in order:
        if not any(covers(k, cover) for k in kept):
            kept.append(cover)
    return [
        f
        for f in findings
        if (f.covers and any(f is k for k in kept))
        or (not f.covers and not any(covers(k, f) for k in kept))
    ]


def test_dropping_covered_findings_keeps_to_its_definition_in_n_log_n():
    """Random spans, copies and zero-length findings: the Fenwick-tree version of dropping
    covered findings keeps exactly what the pairwise definition keeps."""
    import random

    from lint.engine.collapse import _drop_covered, _Extent

    text = "Headline\n\n" + "\n\n".join(f"Paragraph {i} of the text." for i in range(30)) + "\n"
    starts = [0] + [i + 2 for i in range(len(text) - 1) if text[i : i + 2] == "\n\n"]
    blocks = tuple(
        Block(BlockKind.PARAGRAPH, text[s : text.find("\n", s)], Span(s, text.find("\n", s)), n)
        for n, s in enumerate(starts)
    )
    extent = _Extent(Document("a.txt", text, blocks))
    rng = random.Random(14)
    for _ in range(300):
        findings = []
        for n in range(rng.randint(0, 40)):
            start = rng.randint(0, len(text))
            end = start if rng.random() < 0.15 else rng.randint(start, len(text))
            if rng.random() < 0.05:
                start, end = extent.start, extent.end  # a whole copy
            findings.append(
                Finding(
                    "a.txt",
                    1,
                    1,
                    1,
                    1,
                    rng.choice("abc"),
                    Severity(rng.randint(1, 3)),
                    f"m{n}",
                    start,
                    end,
                    covers=rng.random() < 0.4,
                )
            )
        for where in (extent, None):
            expected = _covered_by_definition(findings, where)
            assert [id(f) for f in _drop_covered(findings, where)] == [id(f) for f in expected]
