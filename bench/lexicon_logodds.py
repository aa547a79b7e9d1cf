"""Which words and bigrams do LLM rewrites use more than the originals they rewrote?

Usage, from the repository root with PYTHONPATH=. (data is read by path, never copied):

    python bench/lexicon_logodds.py ../shared/data/tracking-dev.jsonl \
        ../shared/data/bench-reuters.jsonl [--half tune] [--top 150] \
        [--phrase 'stated that' ...] [--lexicon rules/lexicons/reporting-verbs.yaml] \
        [--puffery ../shared/data/puffery-dev.jsonl]

Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin'
Words"): for term w with count y_a in the rewrites (n_a tokens) and y_b in the originals (n_b),
and prior a_w = scale * (y_a + y_b) (scale 0.1 by default) (a_0 the sum over the vocabulary),

    delta = log((y_a + a_w) / (n_a + a_0 - y_a - a_w)) - log((y_b + a_w) / (n_b + a_0 - y_b - a_w))
    z = delta / sqrt(1 / (y_a + a_w) + 1 / (y_b + a_w))

Each original is counted once (three rewrites share it). Only the ``--half`` of the groups named is
read (``tune`` by default: curate there, measure on ``check``; see bench/tracking_split.py).

Prints the top rewrite-leaning terms with z, counts, and how many of the Reuters articles per
1,000 contain the term (``reuters/1k``): a term that occurs in more than ~5 per 1,000 newswire
articles is ordinary news language and would false-alarm. ``--phrase`` and ``--lexicon`` report
lexicon phrases the same way, matched with the rule engine's phrase syntax (quotations skipped, as
the rules do). With ``--puffery``, each probed phrase also gets the number of puffery-labelled and
unlabelled sentences that use it (``puf+``, ``puf-``): the precision of a peacock-word entry.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from tracking_split import half, read_jsonl, rewrite_rows  # bench/ (scripts run from bench/)

from lint.core.document import Span
from lint.kinds import phrases
from lint.text.quotes import inside, quote_spans

_CHUNK = re.compile(r"[.,;:!?()\[\]\"“”‘]+|\s[’']|[’']\s|\s[-–—]+\s")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def tokens(text: str) -> Iterator[list[str]]:
    """Lower-cased word tokens of each punctuation-free chunk (bigrams never cross punctuation)."""
    for chunk in _CHUNK.split(text.lower()):
        words = _TOKEN.findall(chunk.replace("’", "'"))
        if words:
            yield words


def terms(text: str) -> Iterator[str]:
    """Unigrams and bigrams of ``text``."""
    for words in tokens(text):
        yield from words
        yield from (f"{a} {b}" for a, b in itertools.pairwise(words))


def count_terms(texts: Iterable[str]) -> tuple[Counter[str], int]:
    """Term counts and the number of word tokens."""
    counts: Counter[str] = Counter()
    words = 0
    for text in texts:
        for term in terms(text):
            counts[term] += 1
            words += " " not in term
    return counts, words


def log_odds(y_a: float, y_b: float, n_a: float, n_b: float, a_w: float, a_0: float) -> float:
    """z-score of the log-odds ratio of a term, a over b, with prior a_w (of total a_0)."""
    delta = math.log((y_a + a_w) / (n_a + a_0 - y_a - a_w)) - math.log(
        (y_b + a_w) / (n_b + a_0 - y_b - a_w)
    )
    return delta / math.sqrt(1 / (y_a + a_w) + 1 / (y_b + a_w))


def reuters_docs(path: str) -> Iterator[str]:
    for row in read_jsonl(path):
        yield f"{row.get('title', '')}\n{row.get('text', '')}"


def reuters_rates(path: str, wanted: set[str]) -> tuple[Counter[str], int]:
    """Number of Reuters articles containing each wanted term, and the number of articles."""
    found: Counter[str] = Counter()
    docs = 0
    for doc in reuters_docs(path):
        docs += 1
        found.update(wanted.intersection(terms(doc)))
    return found, docs


def _probe_patterns(entries: Iterable[phrases.Entry]) -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per entry, so each phrase is counted on its own (the rule's single pattern
    gives a place to the longest phrase only: ``stated that`` would hide ``stated``)."""
    return [(e.phrase, phrases.compile_entries((e,), ignore_case=True)) for e in entries]


def phrase_hits(text: str, patterns: list[tuple[str, re.Pattern[str]]]) -> Counter[str]:
    """Matches of each phrase outside quotations."""
    spans = quote_spans(text)
    found: Counter[str] = Counter()
    for phrase, pattern in patterns:
        for match in pattern.finditer(text):
            if not (spans and inside(spans, Span(match.start(), match.end()))):
                found[phrase] += 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tracking", help="tracking-dev.jsonl")
    parser.add_argument("reuters", help="bench-reuters.jsonl")
    parser.add_argument("--half", choices=("tune", "check", "all"), default="tune")
    parser.add_argument("--top", type=int, default=150)
    parser.add_argument("--min-count", type=int, default=5, help="in the rewrites")
    parser.add_argument("--prior-scale", type=float, default=0.1, help="a_w = scale * pooled count")
    parser.add_argument("--phrase", action="append", default=[], help="phrase-syntax probe")
    parser.add_argument("--lexicon", action="append", default=[], help="lexicon YAML to report")
    parser.add_argument("--puffery", help="puffery-dev.jsonl: sentences using each probed phrase")
    args = parser.parse_args(argv)

    rows = half(rewrite_rows(args.tracking), args.half)
    rewrites = [row["rewrite"] for row in rows]
    originals = list({row["group"]: row["original"] for row in rows}.values())
    counts_a, n_a = count_terms(rewrites)
    counts_b, n_b = count_terms(originals)
    pooled = counts_a + counts_b
    a_0 = args.prior_scale * (n_a + n_b)
    print(
        f"half {args.half}: {len(rewrites)} rewrites ({n_a} words), "
        f"{len(originals)} originals ({n_b} words)"
    )

    def z_of(term: str, y_a: float, y_b: float) -> float:
        return log_odds(y_a, y_b, n_a, n_b, args.prior_scale * (y_a + y_b), a_0)

    scored = sorted(
        (
            (z_of(term, counts_a[term], counts_b[term]), term)
            for term in pooled
            if counts_a[term] >= args.min_count
        ),
        reverse=True,
    )[: args.top]
    in_reuters, docs = reuters_rates(args.reuters, {term for _, term in scored})
    print(f"reuters: {docs} articles; reuters/1k = articles per 1,000 containing the term")
    print(f"{'rank':>4} {'z':>6} {'rewrite':>7} {'orig':>5} {'reuters/1k':>10}  term")
    for rank, (z, term) in enumerate(scored, 1):
        rate = 1000 * in_reuters[term] / max(docs, 1)
        print(f"{rank:4d} {z:6.2f} {counts_a[term]:7d} {counts_b[term]:5d} {rate:10.2f}  {term}")

    probes: dict[str, list] = {}
    if args.phrase:
        probes["probe"] = list(args.phrase)
    for path in args.lexicon:
        categories = yaml.safe_load(Path(path).read_text("utf-8"))["categories"]
        for category, entries in categories.items():
            probes[f"{Path(path).stem}:{category}"] = list(entries)
    if probes:
        matcher = phrases.Options(lexicon=probes, ignore_case=True, skip_quotes=True)
        patterns = _probe_patterns(matcher.entries)
        p_a, p_b, p_r = Counter[str](), Counter[str](), Counter[str]()
        for text in rewrites:
            p_a.update(phrase_hits(text, patterns))
        for text in originals:
            p_b.update(phrase_hits(text, patterns))
        docs = 0
        for text in reuters_docs(args.reuters):
            docs += 1
            p_r.update(set(phrase_hits(text, patterns)))
        puf_pos, puf_neg = Counter[str](), Counter[str]()
        for row in read_jsonl(args.puffery) if args.puffery else []:
            used = set(phrase_hits(" ".join(row["text"].split()), patterns))
            (puf_pos if int(row["puffery"]) else puf_neg).update(used)
        print("\nphrases, each counted on its own (quotations skipped; '!' = over 5 per 1,000)")
        print(
            f"{'z':>6} {'rewrite':>7} {'orig':>5} {'reuters/1k':>10} {'puf+':>4} {'puf-':>4}"
            "  category: phrase"
        )
        for entry in matcher.entries:
            key = entry.phrase
            z = z_of(key, p_a[key], p_b[key]) if p_a[key] + p_b[key] else 0.0
            rate = 1000 * p_r[key] / max(docs, 1)
            flag = "  !" if rate > 5 else ""
            print(
                f"{z:6.2f} {p_a[key]:7d} {p_b[key]:5d} {rate:10.2f} {puf_pos[key]:4d}"
                f" {puf_neg[key]:4d}  {entry.category}: {key}{flag}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
