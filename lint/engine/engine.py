"""Rules x documents -> findings. The engine, never a kind, stamps id, severity and position."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lint.core.document import Block, BlockKind, Document, Span
from lint.core.finding import Finding, Hit, Ref, Severity
from lint.core.kept import Linted, full
from lint.engine.feed import CorpusFeed, Stream
from lint.engine.located import FORMATTER, Positions
from lint.engine.rules import Rule
from lint.errors import ConfigError
from lint.kinds.base import CORPUS_SCOPES, Scope

if TYPE_CHECKING:  # the classifier is imported only when pair rules run
    from lint.tracking.model import Model
    from lint.tracking.pairing import Pair

INTERNAL_ERROR = "internal-error"


#: Scopes whose rules need other documents than the one linted: they run once, in the parent.
CORPUS_LEVELS = CORPUS_SCOPES


def document_order(document: Linted) -> tuple[str, int]:
    """The order documents are linted in: by path, then JSONL line."""
    return document.path, document.line_offset


def _pairable(documents: Sequence[Linted]) -> bool:
    """Whether pairing ``documents`` can make a pair: a pair needs a rewrite that declares a
    source, or two documents (an original and a rewrite). A lone document that declares none
    pairs with nothing, whichever it is, so a one-file run does not import the classifier,
    load its model or match the ``originals`` globs (pathspec) to learn that."""
    return len(documents) > 1 or any(d.metadata.get("source") is not None for d in documents)


#: a document's blocks of each scope asked for so far
_Scopes = dict[frozenset[BlockKind], tuple[Block, ...]]


@dataclass(frozen=True)
class Tracking:
    """What pair rules need: which documents are originals, and the model: loaded and validated
    (the run pipeline does that before reading), or its path (None: the shipped model), loaded
    when pair rules first run."""

    is_original: Callable[[Linted], bool]  # reads the path only
    model: Model | str | None = None


class Engine:
    """Runs rules over one corpus of documents."""

    def __init__(self, rules: Sequence[Rule], tracking: Tracking | None = None) -> None:
        # each rule's level read once (a run with one job makes an engine per document)
        levels = [(r, r.level) for r in rules if r.level is not Scope.POST]
        self.rules = [r for r, _ in levels]  # POST rules: see lint/engine/suppress.py
        # asked for per document: split once
        self._per_document = [r for r, level in levels if level not in CORPUS_LEVELS]
        #: the per-document rules, each with whether its kind checks the document as a whole
        self._plan = [
            (r, level is Scope.DOCUMENT) for r, level in levels if level not in CORPUS_LEVELS
        ]
        self._corpus = [r for r, level in levels if level is Scope.CORPUS] + [
            r for r, level in levels if level is Scope.PAIR
        ]
        self.tracking = tracking or Tracking(lambda _document: False)
        self._positions = Positions()
        self.pairs: list[Pair] = []  # after run(): each rewrite and its original
        self._feed: CorpusFeed | None = None

    def _resolve(self, value: Any, for_data: bool) -> Any:
        if isinstance(value, Ref):
            line, column, _, _ = self._positions.location(value.document, value.span)
            if for_data:
                return {"path": value.document.path, "line": line, "column": column}
            return f"{value.document.path}:{line}"
        if for_data and isinstance(value, list):  # places listed in the data (a sentence's figures)
            return [
                {k: self._resolve(v, True) for k, v in item.items()}
                if isinstance(item, dict)
                else self._resolve(item, True)
                for item in value
            ]
        return value

    def finding(self, rule: Rule, document: Linted, hit: Hit) -> Finding:
        """The finding ``hit`` of ``rule`` makes in ``document`` (lint/suppress.py uses it too)."""
        values = {k: self._resolve(v, False) for k, v in hit.values.items()}
        data = {k: self._resolve(v, True) for k, v in hit.data.items()}
        if document.record is not None:
            line, column = self._positions.of(document, hit.span.start)
            data.update(record=document.record, text_line=line, text_column=column)
        line, column, end_line, end_column = self._positions.location(document, hit.span)
        return Finding(
            path=document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=rule.id,
            severity=rule.severity,
            message=FORMATTER.format(rule.message, **values),
            start=hit.span.start,
            end=hit.span.end,
            data=data,
            record=document.record,
            edits=hit.edits,
            covers=hit.covers,
            note=FORMATTER.format(rule.also, **values) if rule.also else "",
        )

    def _internal_error(self, rule: Rule, document: Linted, err: Exception) -> Finding:
        hit = Hit(Span(0, 0), data={"rule": rule.id, "exception": type(err).__name__})
        message = f"rule {rule.id} failed on this document: {type(err).__name__}: {err}"
        finding = self.finding(rule, document, hit)
        return replace(finding, rule=INTERNAL_ERROR, severity=Severity.ERROR, message=message)

    @staticmethod
    def _document_hits(
        rule: Rule,
        whole: bool,
        document: Document,
        scopes: _Scopes,
    ) -> list[Hit]:
        """The hits of ``rule`` in ``document`` (``whole``: its kind checks the document at once,
        else block by block); ``scopes`` holds the document's blocks of each scope asked for so
        far (rules of one scope share them: ``blocks_of`` gives equal tuples each time)."""
        blocks = scopes.get(rule.scope)
        if blocks is None:
            blocks = scopes[rule.scope] = document.blocks_of(rule.scope)
        if whole:
            return list(rule.kind_impl.check(document, blocks, rule.options))
        check, options = rule.kind_impl.check, rule.options  # looked up once, not per block
        return [hit.shift(block.start) for block in blocks for hit in check(block.text, options)]

    def _run_per_document(self, document: Document) -> Iterator[Finding]:
        scopes: _Scopes = {}
        for rule, whole in self._plan:
            try:
                hits = self._document_hits(rule, whole, document, scopes)
            except Exception as err:  # a failing check becomes a finding, the run goes on
                yield self._internal_error(rule, document, err)
                continue
            for hit in hits:
                yield self.finding(rule, document, hit)

    def _run_corpus(
        self,
        rule: Rule,
        documents: Sequence[Linted],
        context: int = 0,
        stream: Stream | None = None,
    ) -> Iterator[Finding]:
        """``context``: how many of ``documents`` (the first) are context, never reported on;
        ``stream``: the rule's stream, fed ``documents`` (see :class:`CorpusFeed`)."""
        kind = rule.kind_impl
        if stream is not None:
            try:
                results = stream.results()
            except Exception:  # as without the stream
                stream = None
            else:
                for index, hit in results:
                    yield self.finding(rule, documents[index], hit)
                return
        units = [(d, d.blocks_of(rule.scope)) for d in documents]
        try:
            if kind.takes_context:
                results = list(kind.check(units, rule.options, context=context))
            else:
                results = list(kind.check(units, rule.options))
        except Exception as err:
            if documents:
                yield self._internal_error(rule, documents[0], err)
            return
        for index, hit in results:
            yield self.finding(rule, documents[index], hit)

    def _pair_documents(self, documents: Sequence[Document]) -> list[Pair]:
        from lint.tracking.model import ModelError, load_model
        from lint.tracking.pairing import pair_documents

        model = self.tracking.model
        if model is None or isinstance(model, str):
            try:
                model = load_model(model)
            except ModelError as err:
                raise ConfigError(str(err)) from None
        return pair_documents(documents, self.tracking.is_original, model)

    def _can_pair(self, documents: Sequence[Linted]) -> bool:
        """Whether pairing ``documents`` can make a pair: one declares a source, or one is an
        original (without either, :func:`lint.tracking.pairing.pair_documents` makes none)."""
        return any(
            d.metadata.get("source") is not None or self.tracking.is_original(d) for d in documents
        )

    def _run_pair(self, rule: Rule, pair: Pair) -> Iterator[Finding]:
        try:
            blocks = pair.rewrite.blocks_of(rule.scope)
            hits = list(rule.kind_impl.check(pair, blocks, rule.options))
        except Exception as err:
            yield self._internal_error(rule, pair.rewrite, err)
            return
        source = pair.original or pair.nearest
        name = (
            ""
            if source is None
            else source.path + (f" record {source.record}" if source.record else "")
        )
        for hit in hits:  # messages may name the original as {original}
            values = {"original": name, **hit.values}
            yield self.finding(rule, pair.rewrite, replace(hit, values=values))

    @property
    def per_document_rules(self) -> list[Rule]:
        return list(self._per_document)

    @property
    def corpus_rules(self) -> list[Rule]:
        """Rules that look across documents: corpus rules, then pair rules."""
        return list(self._corpus)

    def check_document(self, document: Document) -> list[Finding]:
        """Findings of the per-document rules on one document, unsorted (rule order)."""
        return list(self._run_per_document(document))

    def feed(self, expected: int | None = None) -> CorpusFeed:
        """A feed for the documents :meth:`check_corpus` will be given, as they come (about
        ``expected`` of them); the engine keeps it for that call."""
        self._feed = CorpusFeed(self.rules, expected)
        return self._feed

    def check_corpus(
        self, documents: Iterable[Linted], context: Iterable[Document] = ()
    ) -> list[Finding]:
        """Findings of the corpus rules, then of the pair rules on each rewrite paired with its
        original (see :mod:`lint.tracking.pairing`), unsorted. ``context`` documents are seen
        by these rules only, ahead of ``documents`` (a copy in a linted document names its first
        copy in the context; a linted rewrite may follow an original in the context); nothing
        located in them is returned. ``documents`` may be kept documents (:mod:`lint.core.kept`):
        the corpus rules read what was kept, and pairing, which reads whole texts, parses them
        again only when a pair can be made (a document declares a source or is an original).
        The rules' work done as ``documents`` came (:meth:`feed`, see :class:`CorpusFeed`) is
        taken when the feed was given these documents in this order and there is no context."""
        documents = sorted(documents, key=document_order)
        context = sorted(context, key=document_order)
        hidden = {d.path for d in context}
        feed = self._feed
        streams = feed.streams if feed is not None and not context and feed.fed(documents) else {}
        findings: list[Finding] = []
        for position, rule in enumerate(self.rules):
            if rule.level is Scope.CORPUS:
                stream = streams.get(position)
                found = self._run_corpus(rule, [*context, *documents], len(context), stream)
                findings.extend(
                    f for f in found if f.path not in hidden or f.rule == INTERNAL_ERROR
                )
        if any(r.level is Scope.PAIR for r in self.rules):
            everything: list[Linted] = [*context, *documents]
            pairs = (
                self._pair_documents([full(d) for d in everything])
                if _pairable(everything) and self._can_pair(everything)
                else []
            )
            self.pairs = [p for p in pairs if p.rewrite.path not in hidden]
            findings.extend(self.check_pairs(self.pairs))
        return findings

    def check_pairs(self, pairs: Iterable[Pair]) -> list[Finding]:
        """Findings of the pair rules on ``pairs`` made beforehand (by :meth:`check_corpus`, or
        by the Ray job, which pairs rewrites on its workers), unsorted."""
        pair_rules = [r for r in self.rules if r.level is Scope.PAIR]
        return [f for pair in pairs for rule in pair_rules for f in self._run_pair(rule, pair)]

    def run(self, documents: Iterable[Document], context: Iterable[Document] = ()) -> list[Finding]:
        """Every finding of every rule, sorted by path, position and rule.

        Per-document rules run document by document (all rules on one document, then the next),
        so a document's blocks are hot in any cache kinds keep; then :meth:`check_corpus`.
        """
        documents = sorted(documents, key=document_order)
        findings = [f for document in documents for f in self.check_document(document)]
        findings.extend(self.check_corpus(documents, context))
        return sorted(findings)
