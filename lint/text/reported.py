"""Reported speech: the parts of a sentence that give a named source's words in paraphrase.

Edited news reports what sources say without quotation marks as often as with them: "The
company said it made a significant discovery", "Economists described the plan as a significant
step", "the trees are in excellent condition, an official said". The evaluation there is the
source's, not the writer's, and an editor would no more change it than a quotation. A sentence
is read as reported speech:

- after a speech verb ("said", "told", "described", "according to", ...) outside quotation marks:
  the rest of the sentence is the content of what was said;
- before a speech tag that closes the sentence after a comma (", traders said.", ", the fund
  said on Monday.") or a wire headline in capitals after a dash ("TIMING CRUCIAL - ANALYSTS"):
  the whole clause before it is;
- on both sides of a speech tag set off by commas inside the sentence ("Climate change, the
  president often says, is the greatest threat");
- everywhere, when the sentence names its source with "according to".

Of these, a clause after a speech verb ("He noted that the loss would be devastating") is the
source's own evaluation (:func:`speech_clauses`), where the other forms may carry the writer's
wording of what the source reported.

Only a sentence's own speech verb counts: a paraphrase running on into the next sentence is left
to the narrator (a paragraph may go back to the writer's voice at any sentence).
"""

from __future__ import annotations

import re

from lint.core.document import Span
from lint.text.quotes import inside, quote_spans
from lint.text.sentences import sentence_spans
from lint.text.speaker import introduces_speech

#: Verbs that report what a source said or wrote (past and present, the forms of news copy).
#: Not the forms that are also nouns ("reports", "notes", "claims", "estimates", "States"), nor
#: "reported" or "announced" with an object ("announced a groundbreaking deal": the adjective is
#: the writer's choice of words for a fact), nor "wrote" with an object ("wrote a novel which is
#: his greatest gift"): it reports only as a tag (", he wrote in a blog post"); "added" only
#: with "that" or as a tag (market copy's "the index added 5 points"); not "claimed" ("claimed
#: the lives of", "claimed victory").
_VERBS = (
    r"said|says|say|saying|told|tells|described|describes|describing|noted|warned|warns"
    r"|argued|argues|insisted|insists|stated|explained|explains|predicted|predicts|believes"
    r"|believe|believed|stressed|stresses|(?:added|adds|adding) that"
    # a source repeating or holding to its view ("reiterated that", "maintained that",
    # "maintained Canadian gas was crucial"); not "maintained" with an object ("maintained a
    # significant presence", "maintained it at"): :func:`_holds_view`
    r"|reiterated|reiterates|reiterating|maintained|maintains|reaffirmed|reaffirms"
    # a source's reason or example named with "as" ("cited the oilseeds regime as one of three
    # crucial barriers", "citing the dollar as a significant factor"); not "cited" alone ("he
    # cited reports of winterkill": what follows is a fact the source named, not its words)
    r"|(?:cited|cites|citing)(?=[^;]*?\bas\b)"
)
#: A speech verb (not "said" of a thing's name: "the said company" is rare in news)
_VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
#: The verbs of a speech tag (", X said"): the ones that need no object or clause after them.
_TAG_VERBS = (
    r"said|says|say|added|adds|wrote|writes|noted|warned|warns|argued|argues|insisted|insists"
    r"|stated|explained|explains|claimed|predicted|predicts|reiterated|maintained|pointed out"
)
#: A tag that ends the sentence after a comma: ", X said", ", the fund said on Monday", ", he told
#: Reuters", ", according to the fund": at most eight words before the verb, and after it only
#: a time or place ("on Monday", "in a statement") or the one told; not a clause (", Henry
#: believes there is more": the clause after the verb is the content, not the part before).
_TAG = re.compile(
    rf",\s*(?:[^\s,;:!?\"“”]+\s+){{0,8}}"
    rf"(?:(?:{_TAG_VERBS})(?:\s+(?:on|in|at|to|during|after|before|earlier|later|last|this"
    r"|yesterday|today|tonight|recently|late|when|while|from)\b(?:\s+[^\s,;:!?\"“”]+){0,5})?"
    r"|(?:told|tells)(?:\s+[^\s,;:!?\"“”]+){1,5}|according to(?:\s+[^\s,;:!?\"“”]+){1,8})"
    r"[\s.!?\"”’)]*$"
    # the inverted tag right after the comma: ", said the survey.", ", says Dr Smith.", with
    # the speaker's title after a comma (", said Jorge Gonzalez, undersecretary for external debt
    # in the economics ministry."), not a participle or a relative clause the writer adds
    rf"|,\s*(?:{_TAG_VERBS})\s+(?:the|a|an|(?-i:[A-Z])[\w.'’-]*)(?:\s+[^\s;:!?\"“”]+){{0,5}}"
    r"(?:,(?!\s+(?:who|whose|which|\w+ing)\b)(?:\s+[^\s,;:!?\"“”]+){1,10})?"
    r"[\s.!?\"”’)]*$",
    re.IGNORECASE,
)
#: A tag set off by commas inside the sentence: "Climate change, the president often says, is the
#: greatest threat", "The economy, he said, is slowing": a subject of one to five words (an
#: adverb may stand before the verb) and the verb, between commas; what is on both sides of it
#: is the source's. Not a tag that opens a quotation ('Reflecting on his loss, he said, "I ...':
#: the part before it is the narrator's framing) nor one the narrator goes on from with a
#: participle (", analysts said, making it one of the most ...", as after a closing tag). Only
#: the wire's plain verbs: a tag that colours the words (", the board warns,", ", he insisted,")
#: is the writer framing them, and the generators pin their own wording on a source that way
#: ("Doing nothing, the health board warns, would pose a significant risk", where the original
#: has no "significant")
_MID_TAG = re.compile(
    r",\s*(?:[^\s,;:!?\"“”]+\s+){1,5}(?:said|says|say|added|adds|noted|wrote|writes),"
    r"\s+(?![\"“‘']|\w+ing\b)",
    re.IGNORECASE,
)
#: What follows a speech verb that gives its content: a word or an opening quotation mark, not
#: the comma or full stop of a tag (", he said, reflecting on his injury": what follows is the
#: narrator's again)
_CONTENT = re.compile(r"\s+[\w\"“‘']")
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
#: The wire headline's tag: a source of one to three words after a dash at the end of a headline
#: in capitals ("NEXT FEW MONTHS CRUCIAL FOR OIL - HERNANDEZ", "TIMING CRUCIAL - ANALYSTS"); the
#: headline before it is what the source said
_HEADLINE_TAG = re.compile(r"\s--?\s*[A-Z][A-Z.'’&-]*(?:\s+[A-Z][A-Z.'’&-]*){0,2}\s*$")
#: Cheap gate: a block with none of these words has no reported speech.
_GATE = re.compile(
    rf"\b(?:{_VERBS}|{_TAG_VERBS}|told|tells|according)\b|(?-i:\s--?\s*[A-Z]{{2}})", re.IGNORECASE
)


#: The end of a quotation and at most four words before a speech verb: the verb tags the
#: quotation ('"It was harrowing," said one resident, amidst the chaos'), and what follows the
#: tag is the narrator's again
_QUOTE_TAG = re.compile(r"[\"”’][,.!?]?\s*(?:[^\s\"“”]+\s+){0,4}$")


def _after_quote(body: str, verb: re.Match[str]) -> bool:
    """Whether ``verb`` tags a quotation that ends just before it."""
    return bool(_QUOTE_TAG.search(body, max(0, verb.start() - 80), verb.start()))


#: "maintained" / "reaffirmed", which report a view only before a clause; a pronoun object after
#: them is no subject: "maintained it at 7.5 pct" (but "maintained it was crucial")
_HELD = re.compile(r"maintain|reaffirm", re.IGNORECASE)
_PRONOUN_OBJECT = re.compile(
    r"\s+(?:it|them|this)\s+(?!(?:is|was|were|are|would|will|had|has|could|should|might|may|can)\b)",
    re.IGNORECASE,
)


def _holds_view(text: str, end: int) -> bool:
    """Whether "maintained" / "reaffirmed" ending at ``end`` reports a view: "that" or a clause
    follows ("Hesse maintained Canadian gas was crucial"), not an object ("maintained its rate
    at", "reaffirmed its commitment", "maintained it at 7.5 pct")."""
    return introduces_speech(text, Span(end, end)) and not _PRONOUN_OBJECT.match(text, end)


_CITED = re.compile(r"cit", re.IGNORECASE)
#: The "as" of "cited X as Y" and the rest of its phrase, to a comma or the sentence's end
_CITED_AS = re.compile(r"\bas\b[^,;]*")
_DESCRIBED = re.compile(r"describ", re.IGNORECASE)
#: "described X as Y" up to the end of its "as" phrase, no comma before the "as" ("described the
#: disruption as tragic"; not "describes her son, evoking sympathy as she recounts"), nor a verb
#: the writer coordinates ("described it as horrific and emphasized the devastating impact")
_DESCRIBED_AS = re.compile(r"[^,;]*?\bas\b(?:(?!\s(?:and|but)\s+\w+ed\b)[^,;])*")


def _content_end(body: str, verb: re.Match[str]) -> int:
    """Where what the source said after ``verb`` ends in the sentence ``body``: its end, but for
    "cited X as Y", whose content ends with the "as" phrase ("cited the pressure as a factor,
    with its unit particularly impacting the result": the clause after the comma is the
    writer's)."""
    if not _CITED.match(verb.group()):
        return len(body)
    phrase = _CITED_AS.search(body, verb.end())
    return len(body) if phrase is None else phrase.end()


def _clause_end(text: str, body: str, verb: re.Match[str], span: Span) -> int | None:
    """Where the source's own evaluation after ``verb`` (the content ``span`` of the sentence
    ``body``) ends in ``text``, or None if it gives none: a clause ("that", or a subject and its
    verb: :func:`lint.text.speaker.introduces_speech`) or anything after the verb of a headline
    in capitals, which leaves out the verb "be" ("INVESTIGATORS SAY LOSSES DEVASTATING"), to the
    end of the content; the "as" phrase of "described X as Y"; not an object ("describes her
    son", "warned of a devastating flood")."""
    if _DESCRIBED.match(verb.group()):
        phrase = _DESCRIBED_AS.match(body, verb.end())
        return None if phrase is None else span.start + phrase.end() - verb.end()
    if body.isupper() or introduces_speech(text, Span(span.start, span.start)):
        return span.end
    return None


def reported_spans(text: str, tags: bool = True) -> list[Span]:
    """Spans of ``text`` in reported speech (see the module docstring), in order.

    With ``tags`` false, only what the source said: not a closing tag (", the minister stated"),
    nor a sentence that names its source with "according to" but has no verb of its own that
    reports it. A reporting verb there is the writer's choice, where one inside what was said
    ("Lawson said he had merely stated the pound's value", "Management has repeatedly stated it
    will not sell, he said") is the source's."""
    return [span for span, _ in _reported(text, tags)]


def speech_clauses(text: str) -> list[Span]:
    """Spans of ``text`` that give a source's own words as a clause after a speech verb ("He
    noted that the cuts would be devastating", "she said the losses were horrific"), in order: the
    source's evaluation, where the wording of an attributed fact ("According to the monitor, over
    1,000 people have lost their lives", "..., officials said") or of the narrator's framing ("She
    describes her son, evoking sympathy") is the writer's. The clause ends before a participle the
    writer adds after a comma (", leaving countless families homeless")."""
    return [span for span, clause in _reported(text, True) if clause]


#: A participle tacked on after a comma: the narrator's words again ("he said the attack was
#: brutal, leaving countless families grieving")
_PARTICIPLE = re.compile(r",\s+\w+ing\b")


def _split_clause(span: Span, text: str, end: int | None) -> list[tuple[Span, bool]]:
    """The content ``span`` after a speech verb, its part up to ``end`` (:func:`_clause_end`)
    marked as a clause; a clause ends at a participle after a comma too."""
    if end is None:
        return [(span, False)]
    participle = _PARTICIPLE.search(text, span.start, end)
    if participle is not None:
        end = participle.start()
    if end >= span.end:
        return [(span, True)]
    return [(Span(span.start, end), True), (Span(end, span.end), False)]


def _reported(text: str, tags: bool) -> list[tuple[Span, bool]]:
    """The spans of :func:`reported_spans`, each with whether it is a clause after a speech verb
    (:func:`speech_clauses`; such a span is cut at a participle after a comma)."""
    if not _GATE.search(text):
        return []
    quotes = quote_spans(text)
    spans: list[tuple[Span, bool]] = []
    for sentence in sentence_spans(text):
        start, end = sentence.start, sentence.end
        body = text[start:end]

        def spoken(match: re.Match[str], start: int = start) -> bool:
            return not (quotes and inside(quotes, Span(start + match.start(), start + match.end())))

        if tags and any(spoken(m) for m in _ACCORDING.finditer(body)):
            spans.append((Span(start, end), False))  # the source is named for the whole sentence
            continue
        tag = _MID_TAG.search(body)
        if tag is not None and spoken(tag):
            # both sides of the tag, and the tag itself unless left out
            if tags:
                spans.append((Span(start, end), False))
            else:
                spans += [
                    (Span(start, start + tag.start()), False),
                    (Span(start + tag.end(), end), False),
                ]
            continue
        tag = _HEADLINE_TAG.search(body) if body.isupper() else None
        if tag is None:
            tag = _TAG.search(body)
        if tag is not None and spoken(tag):
            # the clause before the tag, and the tag itself unless left out
            spans.append((Span(start, end if tags else start + tag.start()), False))
            continue
        for verb in _VERB.finditer(body):
            if _HELD.match(verb.group()) and not _holds_view(text, start + verb.end()):
                continue
            if spoken(verb) and _CONTENT.match(body, verb.end()) and not _after_quote(body, verb):
                span = Span(start + verb.end(), start + _content_end(body, verb))
                spans += _split_clause(span, text, _clause_end(text, body, verb, span))
                break
    return spans


#: A coordinating "and" / "but" with at most a short subject ("he", "one", "the treasurer",
#: "one trader") and "also", or a comma (a quotation's closing comma too) right before a match,
#: or both (", and he emphasized"); not a comma and other words (", who joined last year, has
#: been emphasizing", "There, the producers expressed": the sentence's own clause goes on)
_SUBJECT = r"(?:(?:he|she|they|we|it|one)\s+|(?:the|a|an|one|another)\s+[\w'’-]+\s+)?"
_CLAUSE_BREAK = re.compile(
    rf"(?:,[\"”’']?\s+(?:(?:and|but)\s+{_SUBJECT})?|\b(?:and|but)\s+{_SUBJECT})(?:also\s+)?$",
    re.IGNORECASE,
)


def opens_clause(text: str, span: Span) -> bool:
    """Whether ``span`` follows a comma or a coordinating "and" / "but" (and a short subject):
    a reporting verb there is a tag the writer adds, not a word of what was said ("Frenzel said
    the bill was flawed, but he emphasized there was a consensus", "the company reiterated its
    denial, stating there was no merit", "one analyst said it was old, and one commented that
    ...")."""
    return _CLAUSE_BREAK.search(text, max(0, span.start - 30), span.start) is not None


def is_reported(spans: list[Span], span: Span) -> bool:
    """Whether ``span`` lies within one of ``spans`` (from :func:`reported_spans`)."""
    return any(s.start <= span.start and span.end <= s.end for s in spans)


#: What follows a speaker's name: more capitalised words of it, then a speech verb or a company
#: suffix, in any case ("Brilliant said", "Innovative Software Inc said", "JOURNEY'S END MOTEL
#: CORP")
_NAME_REST = re.compile(
    r"(?:['’][sS])?(?:\s+[A-Z][\w.&'’-]*){0,4}\s+(?:(?i:said|says|told|tells|added|adds"
    r"|inc|corp|co|ltd|plc|llc|group)\b"
    # or a company's ticker in angle brackets, as newswire headlines give it ("HIGH VOLTAGE
    # <HVE> ADOPTS ...", escaped "&lt;HVE>" in some copy)
    r"|(?:<|&lt;)[A-Z])"
)


def is_speaker(text: str, span: Span) -> bool:
    """Whether the capitalised word at ``span`` starts a speaker's or a company's name: a speech
    verb, a company suffix or a ticker follows it, after at most four more capitalised words
    ("Brilliant said there will be a charge", "Innovative Software Inc said", "INNOVATIVE
    SOFTWARE <INSO> TO OFFER"): a word of a lexicon does not speak."""
    return text[span.start : span.start + 1].isupper() and bool(_NAME_REST.match(text, span.end))
