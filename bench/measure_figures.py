"""Score ``unattributed-figure`` and ``vague-attribution`` against the hand-labelled figures.

Usage::

    python bench/measure_figures.py --labels bench/labels/figures-dev.jsonl \
        --reuters ../shared/data/bench-reuters.jsonl \
        --attribution ../shared/data/attribution-dev.jsonl [--show-errors 20]
    python bench/measure_figures.py --labels bench/labels/figures-heldout.jsonl \
        --sample bench/labels/heldout.tsv --tracking ../shared/data/tracking-dev.jsonl \
        --reuters ../shared/data/bench-reuters.jsonl

``--labels`` may be given more than once (or as a comma list); each labels file takes the
``--sample`` list given at the same position (default: ``sample.tsv`` beside it). Sources:
``reuters`` and ``attribution`` records are read by ``id`` and ``text``; ``bbc`` records are the
BBC originals of ``--tracking`` (``tracking-dev.jsonl``), one per ``group`` (the id), taken from
the group's ``llm-rewrite`` rows, with the labels' offsets into ``original``. A data path is only
needed for the sources that the labels and samples use.

Each labelled article is written to a temporary ``.txt`` file (a neutral headline line
``Article <id>``, a blank line, then the record's ``text`` unchanged), the real command line is
run over the folder (``python -m lint check DIR --select ... --format json --no-cache``) and each
finding is mapped back to an offset in the record's ``text`` and matched to the labels by span
overlap. The texts are research data: they live only in the temporary folder and on the terminal.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UNATTRIBUTED = "unattributed-figure"
VAGUE = "vague-attribution"
RULES = (UNATTRIBUTED, VAGUE)
CLASSES = ("needs-source", "sourced", "vague", "no-source-needed")
SOURCES = ("bbc", "reuters", "attribution")
CONTEXT = 60
_NUMBER_LIKE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds?|thousands?|dozens?|millions?|billions?|half|third|quarter|tens)\b",
    re.IGNORECASE,
)

Key = tuple[str, str]  # (source, record id)


@dataclass(frozen=True)
class Label:
    source: str
    id: str
    start: int
    end: int
    cls: str
    type: str


@dataclass(frozen=True)
class Finding:
    rule: str
    source: str
    id: str
    start: int
    end: int
    figure: str


@dataclass
class Article:
    source: str
    id: str
    text: str
    labels: list[Label] = field(default_factory=list)
    contents: list[tuple[int, int]] = field(default_factory=list)  # annotated content spans


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def load_labels(path: Path) -> list[Label]:
    labels = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                labels.append(
                    Label(
                        row["source"],
                        row["id"],
                        row["start"],
                        row["end"],
                        row["class"],
                        row["type"],
                    )
                )
    return labels


def load_sample(path: Path) -> list[Key]:
    """The sampled articles (``source<TAB>id`` lines), those without any figure included."""
    if not path.exists():
        return []
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return [(row[0], row[1]) for row in rows if len(row) == 2]


def read_records(
    source: str, path: Path, wanted: set[str]
) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """``(id, text, attributions)`` of the wanted records of one source's data file."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if source == "bbc":
                if record["origin"] != "llm-rewrite" or record["group"] not in wanted:
                    continue
                wanted = wanted - {record["group"]}  # the group's first original only
                yield record["group"], record["original"], []
            elif record["id"] in wanted:
                yield record["id"], record["text"], record.get("attributions", [])


def load_articles(
    labels: list[Label], sample: list[Key], paths: dict[str, Path | None]
) -> dict[Key, Article]:
    wanted: dict[str, set[str]] = defaultdict(set)
    for source, record_id in sample:
        wanted[source].add(record_id)
    for label in labels:
        wanted[label.source].add(label.id)
    articles: dict[Key, Article] = {}
    for source, ids in wanted.items():
        path = paths.get(source)
        if path is None:
            option = "--tracking" if source == "bbc" else f"--{source}"
            raise SystemExit(f"{len(ids)} {source} articles sampled or labelled: give {option}")
        for record_id, text, attributions in read_records(source, path, ids):
            contents = [
                (a["content"][0], a["content"][1]) for a in attributions if a.get("content")
            ]
            articles[(source, record_id)] = Article(source, record_id, text, contents=contents)
    for label in labels:
        key = (label.source, label.id)
        if key not in articles:
            raise SystemExit(f"{label.source} {label.id}: labelled but not found in the data")
        articles[key].labels.append(label)
    return articles


def load_sets(label_paths: list[Path], sample_paths: list[Path]) -> tuple[list[Label], list[Key]]:
    """All labels and sampled articles; each labels file with its sample list."""
    if sample_paths and len(sample_paths) != len(label_paths):
        raise SystemExit("give one --sample per --labels (or none: sample.tsv beside each)")
    labels: list[Label] = []
    sample: list[Key] = []
    seen: dict[Key, Path] = {}
    for index, label_path in enumerate(label_paths):
        sample_path = sample_paths[index] if sample_paths else label_path.with_name("sample.tsv")
        these = load_labels(label_path)
        keys = list(dict.fromkeys(load_sample(sample_path) + [(x.source, x.id) for x in these]))
        for key in keys:
            if key in seen:
                raise SystemExit(f"{key[0]} {key[1]}: in both {seen[key]} and {label_path}")
            seen[key] = label_path
        labels.extend(these)
        sample.extend(keys)
    return labels, sample


def split_sentences(article: Article) -> Article:
    """The article with each sentence its own paragraph (BBC house style; the BBC originals
    of ``tracking-dev.jsonl`` had their paragraph breaks run into spaces): the single space
    between two sentences becomes a blank line, and the labels move with their text."""
    sys.path.insert(0, str(ROOT))
    from lint.text.sentences import sentence_spans

    text = article.text
    breaks = [
        s.start
        for s in sentence_spans(text)[1:]
        if s.start >= 1 and text[s.start - 1] == " " and (s.start < 2 or text[s.start - 2] != " ")
    ]
    pieces, last = [], 0
    for at in breaks:
        pieces.append(text[last : at - 1])
        last = at
    pieces.append(text[last:])

    def moved(offset: int) -> int:
        return offset + bisect.bisect_right(breaks, offset)

    labels = [
        Label(x.source, x.id, moved(x.start), moved(x.end), x.cls, x.type) for x in article.labels
    ]
    contents = [(moved(a), moved(b)) for a, b in article.contents]
    return Article(article.source, article.id, "\n\n".join(pieces), labels, contents)


def joined(article: Article) -> Article:
    """The article run into one line, as some corpora deliver it: every line break becomes a
    space (offsets and labels stay)."""
    text = re.sub(r"[\r\n]", " ", article.text)
    return Article(article.source, article.id, text, article.labels, article.contents)


def half_of(record_id: str) -> str:
    """``tune`` or ``check``: a stable split of articles by a hash of their id."""
    digest = hashlib.sha256(record_id.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def check_spans(articles: Iterable[Article]) -> int:
    """Print and count labels whose text is not a number-like string."""
    bad = 0
    for article in articles:
        for label in article.labels:
            span = article.text[label.start : label.end]
            if not _NUMBER_LIKE.search(span) or span != span.strip():
                bad += 1
                print(f"  bad span {label.source} {label.id} {label.start}-{label.end}: {span!r}")
    return bad


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def run_lint(articles: dict[Key, Article]) -> tuple[list[Finding], int]:
    """Lint every article through the CLI; findings with offsets into the record's ``text``."""
    findings: list[Finding] = []
    mismatched = 0
    with tempfile.TemporaryDirectory(prefix="newslint-figures-") as tmp:
        files: dict[str, tuple[Article, str]] = {}
        for number, article in enumerate(articles.values()):
            head = f"Article {article.id}\n\n"
            content = head + article.text
            path = Path(tmp) / f"a{number:04d}.txt"
            path.write_text(content, encoding="utf-8", newline="")
            files[path.name] = (article, content)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "lint", "check", tmp, "--select", ",".join(RULES)]
        command += ["--format", "json", "--no-cache", "--exit-zero"]
        done = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"newslint failed ({done.returncode}):\n{done.stderr}")
        for item in json.loads(done.stdout or "[]"):
            article, content = files[Path(item["path"]).name]
            starts = line_starts(content)
            start = starts[item["line"] - 1] + item["column"] - 1
            end = starts[item["end_line"] - 1] + item["end_column"] - 1
            figure = str(item.get("data", {}).get("figure", ""))
            if figure and " ".join(content[start:end].split()) != " ".join(figure.split()):
                mismatched += 1
            offset = len(content) - len(article.text)
            findings.append(
                Finding(
                    item["rule"], article.source, article.id, start - offset, end - offset, figure
                )
            )
            # the other figures of the sentence one finding names (the rules' ``per_sentence``)
            for more in item.get("data", {}).get("more", ()):
                at = starts[more["at"]["line"] - 1] + more["at"]["column"] - 1 - offset
                name = str(more["figure"])
                findings.append(
                    Finding(item["rule"], article.source, article.id, at, at + len(name), name)
                )
    return findings, mismatched


def context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f} ({numerator}/{denominator})" if denominator else "n/a"


@dataclass
class Score:
    flagged: int = 0
    hits: int = 0  # flags on a figure of the target class
    targets: int = 0
    found: int = 0  # targets flagged
    false_alarms: list[tuple[Finding, Label | None]] = field(default_factory=list)
    misses: list[Label] = field(default_factory=list)


def score(
    articles: dict[Key, Article],
    findings: list[Finding],
    rule: str,
    target: str,
    source: str | None,
) -> Score:
    result = Score()
    chosen = [a for a in articles.values() if source is None or a.source == source]
    by_article: dict[Key, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.rule == rule:
            by_article[(finding.source, finding.id)].append(finding)
    for article in chosen:
        flags = by_article[(article.source, article.id)]
        for finding in flags:
            result.flagged += 1
            hit = [
                label
                for label in article.labels
                if overlaps(finding.start, finding.end, label.start, label.end)
            ]
            if any(label.cls == target for label in hit):
                result.hits += 1
            else:
                result.false_alarms.append((finding, hit[0] if hit else None))
        for label in article.labels:
            if label.cls != target:
                continue
            result.targets += 1
            if any(overlaps(f.start, f.end, label.start, label.end) for f in flags):
                result.found += 1
            else:
                result.misses.append(label)
    return result


def content_flag_share(
    articles: dict[Key, Article], findings: list[Finding], rule: str
) -> tuple[int, int]:
    """Labelled attribution-dev figures inside an annotated content span; how many are flagged."""
    inside = flagged = 0
    for article in articles.values():
        if article.source != "attribution":
            continue
        flags = [
            f
            for f in findings
            if f.rule == rule and (f.source, f.id) == ("attribution", article.id)
        ]
        for label in article.labels:
            if not any(s <= label.start and label.end <= e for s, e in article.contents):
                continue
            inside += 1
            flagged += any(overlaps(f.start, f.end, label.start, label.end) for f in flags)
    return inside, flagged


def report(articles: dict[Key, Article], findings: list[Finding], source: str | None) -> None:
    chosen = [a for a in articles.values() if source is None or a.source == source]
    counts = Counter(label.cls for a in chosen for label in a.labels)
    total = sum(counts.values())
    print(f"== {source or 'all'}: {len(chosen)} articles, {total} labelled figures")
    print("   " + ", ".join(f"{cls} {counts[cls]}" for cls in CLASSES))
    for rule, target in ((UNATTRIBUTED, "needs-source"), (VAGUE, "vague")):
        result = score(articles, findings, rule, target, source)
        print(f"   {rule} (target class {target}): {result.flagged} flags")
        print(f"     precision       {ratio(result.hits, result.flagged)}")
        print(f"     recall          {ratio(result.found, result.targets)}")
        per_article = result.flagged / len(chosen) if chosen else 0.0
        print(f"     flags/article   {per_article:.2f}")
        if rule == UNATTRIBUTED:
            wrong = Counter(
                f"{label.cls}/{label.type}" if label else "unlabelled (not a figure)"
                for _, label in result.false_alarms
            )
            print(
                "     false alarms by label: "
                + ", ".join(f"{k} {n}" for k, n in wrong.most_common())
            )


def show_errors(articles: dict[Key, Article], findings: list[Finding], limit: int) -> None:
    for rule, target in ((UNATTRIBUTED, "needs-source"), (VAGUE, "vague")):
        result = score(articles, findings, rule, target, None)
        print(f"== {rule}: first {limit} false alarms")
        for finding, label in result.false_alarms[:limit]:
            text = articles[(finding.source, finding.id)].text
            what = f"{label.cls}/{label.type}" if label else "unlabelled"
            print(f"  - {finding.id} [{what}] {context(text, finding.start, finding.end)}")
        print(f"== {rule}: first {limit} misses")
        for label in result.misses[:limit]:
            text = articles[(label.source, label.id)].text
            print(f"  - {label.id} [{label.type}] {context(text, label.start, label.end)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--labels",
        action="append",
        required=True,
        help="a labels file (JSON lines); repeat it or give a comma list",
    )
    parser.add_argument("--reuters", type=Path, help="bench-reuters.jsonl (source reuters)")
    parser.add_argument("--attribution", type=Path, help="attribution-dev.jsonl")
    parser.add_argument(
        "--tracking", type=Path, help="tracking-dev.jsonl (source bbc: the BBC originals)"
    )
    parser.add_argument(
        "--sample",
        action="append",
        help="source<TAB>id of every sampled article, one per --labels in the same order "
        "(default: sample.tsv beside each labels file)",
    )
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    parser.add_argument(
        "--half",
        choices=("tune", "check", "all"),
        default="all",
        help="score only the articles of one half (split by a hash of the id): tune on 'tune', "
        "report 'check' as the honest estimate",
    )
    parser.add_argument(
        "--paragraphs",
        choices=("as-is", "sentences", "joined"),
        default="as-is",
        help="'sentences': make each sentence of a BBC original its own paragraph, as BBC pages "
        "print them (the data ran the paragraphs into one line); 'joined': run every article's "
        "lines into one (each line break becomes a space, so offsets stay)",
    )
    args = parser.parse_args(argv)
    label_paths = [Path(p) for arg in args.labels for p in arg.split(",") if p]
    sample_paths = [Path(p) for arg in args.sample or [] for p in arg.split(",") if p]
    labels, sample = load_sets(label_paths, sample_paths)
    paths = {"bbc": args.tracking, "reuters": args.reuters, "attribution": args.attribution}
    articles = load_articles(labels, sample, paths)
    if args.half != "all":
        articles = {key: a for key, a in articles.items() if half_of(a.id) == args.half}
        print(f"half {args.half}: {len(articles)} articles")
    if args.paragraphs == "sentences":
        articles = {
            key: split_sentences(a) if a.source == "bbc" else a for key, a in articles.items()
        }
    if args.paragraphs == "joined":
        articles = {key: joined(a) for key, a in articles.items()}
    bad = check_spans(articles.values())
    print(f"labels: {len(labels)} figures in {len(articles)} articles; {bad} spans not number-like")
    findings, mismatched = run_lint(articles)
    print(f"findings: {len(findings)}; {mismatched} whose position does not match their text")
    report(articles, findings, None)
    present = {article.source for article in articles.values()}
    for source in SOURCES:
        if source in present:
            report(articles, findings, source)
    for rule in RULES if "attribution" in present else ():
        inside, flagged = content_flag_share(articles, findings, rule)
        print(
            f"attribution-dev figures inside annotated content flagged by {rule}: "
            f"{ratio(flagged, inside)} (target <= 5%)"
        )
    if args.show_errors:
        show_errors(articles, findings, args.show_errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
