"""Print every number-like span of one article, to help a labeller not miss a figure.

Usage::

    python bench/labels/spot_figures.py --data ../shared/data/bench-reuters.jsonl --id reuters-1
    python bench/labels/spot_figures.py --data ... --id ... --mark   # the text, spans marked
    python bench/labels/spot_figures.py --data ../shared/data/tracking-dev.jsonl --id l2r-17
        # a BBC original: --id is the group, the text its llm-rewrite rows' ``original``

Prints to the terminal only (the data is research-licensed: never redirect it into the
repository). Spans are suggestions: digits with ``,``/``.`` separators, fractions, currency
symbols, percent signs and scale/currency words (``m``, ``bn``, ``mln``, ``billion``, ``dlrs``,
``pct``...), and spelled-out numerals (``one``..``twenty``, tens, ``dozens``, ``hundreds``,
``thousands``, ``million(s)``, ``billion(s)``, ``half``, ``a third``), and any other run of
digits (``16cm``, ``83mph``, ``T20``). A stray ``Â`` before ``£`` (mis-decoded text in the BBC
originals) is ignored so that ``Â£480`` yields ``£480``. The labeller decides the span and the
class by reading.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

_SCALE = r"(?:m|bn|k|mln|mn|billion|million|trillion|thousand|pct|per\s+cent|percent|%)"
_CURRENCY = (
    r"(?:dlrs?|dollars?|stg|sterling|yen|marks|francs|cts|cents|guilders|lire|pesos|pounds"
    r"|rupees|crowns|riyals|rand|dinars)"
)
_DIGITS = (
    r"(?:(?:[A-Z]{1,3})?\$|£|€)?\s?"
    r"(?:\d+(?:[,.]\d+)*|\.\d+)"
    r"(?:-\d+/\d+|/\d+|st|nd|rd|th|s)?"
    rf"(?:%|(?:\s*{_SCALE}\b)?(?:\s+{_CURRENCY}\b)?)"
)
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    "|eighty|ninety"
)
_BIG = "hundreds?|thousands?|dozens?|millions?|billions?|trillions?|tens"
_WORDNUM = rf"(?:{_SMALL}|{_BIG})(?:-(?:{_SMALL}))?"
_SPELLED = (
    rf"\b(?:a\s+(?:third|quarter|half|dozen|hundred|thousand|million|billion)|half"
    rf"|{_WORDNUM}(?:(?:\s+|\s+of\s+|-){_WORDNUM})*)\b"
    rf"(?:\s+(?:pct|per\s+cent|percent|mln|billion|million)\b)?(?:\s+{_CURRENCY}\b)?"
)
CANDIDATE = re.compile(rf"(?<![\w$£€.#]){_DIGITS}(?![\w])|{_SPELLED}", re.IGNORECASE)


_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*[A-Za-z]*")


def candidates(text: str) -> Iterator[tuple[int, int]]:
    """Candidate spans in text order (offsets into ``text`` itself)."""
    cleaned = text.replace("\u00c2", " ")  # same length: offsets are kept
    spans = []
    for match in CANDIDATE.finditer(cleaned):
        start, end = match.span()
        while start < end and cleaned[start].isspace():
            start += 1
        spans.append((start, end))
    for match in _DIGIT_RUN.finditer(cleaned):
        if not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append(match.span())
    yield from sorted(spans)


def load(path: Path, record_id: str) -> dict[str, object]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("origin") == "llm-rewrite" and record["group"] == record_id:
                return {"id": record_id, "text": record["original"]}
            if record["id"] == record_id:
                return record
    raise SystemExit(f"{record_id}: not in {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--id", required=True)
    parser.add_argument("--mark", action="store_true", help="print the text with spans marked")
    parser.add_argument("--context", type=int, default=60)
    args = parser.parse_args(argv)
    record = load(args.data, args.id)
    text = str(record["text"])
    spans = list(candidates(text))
    if args.mark:
        out, pos = [], 0
        for index, (start, end) in enumerate(spans):
            out.append(text[pos:start])
            out.append(f"[[{index}|{text[start:end]}]]")
            pos = end
        out.append(text[pos:])
        print("".join(out))
        return 0
    for index, (start, end) in enumerate(spans):
        before = text[max(0, start - args.context) : start].replace("\n", " ")
        after = text[end : end + args.context].replace("\n", " ")
        print(f"{index:3d} {start:5d}-{end:<5d} {text[start:end]!r:24} ...{before}<<>>{after}...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
