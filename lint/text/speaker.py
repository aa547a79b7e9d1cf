"""Whether a verb's subject can speak: "the minister underscored" against "prices underscored".

Verbs such as "underscored", "emphasises" or "clarified" dress up "said" only when a person or
an organisation is their subject; with a thing as subject they are the plain verb of another
sense ("a weak dollar and falling bond prices underscored the market's anxiety", "the plan also
emphasises retail banking"), which news uses freely. The subject is read as the word right before
the verb, past adverbs ("also", "further", "strongly"): a pronoun, a capitalised word (a name,
"Police", a sentence's first word) or a noun for people or their bodies counts as a speaker;
any other lower-case word does not. A relative pronoun ("which", "that") is read through to
the noun before it ("a published report which stated" is a document's verb).
"""

from __future__ import annotations

import re

from lint.core.document import Span

#: Lower-case nouns for people and for bodies that speak through a spokesperson.
SPEAKER_NOUNS = frozenset(
    """he she they we i you it who which that one others
    spokesman spokeswoman spokesperson spokespeople official officials minister ministers
    analyst analysts economist economists president chairman chairwoman chair chief executive
    executives director directors secretary governor leader leaders source sources dealer dealers
    trader traders broker brokers banker bankers lawyer lawyers attorney attorneys expert experts
    researcher researchers scientist scientists author authors police officer officers
    spokesmen spokeswomen manager managers member members delegate delegates negotiator
    negotiators diplomat diplomats lawmaker lawmakers senator senators mayor council government
    company companies firm bank banks group union unions committee board ministry agency
    department administration authorities authority court judge prosecutors prosecutor
    investors investor people residents witnesses critics supporters campaigners doctors
    parties party coach captain manager player players team club
    treasurer trust driver drivers insider insiders""".split()  # noqa: SIM905
)
_WORD_BEFORE = re.compile(r"([\w'’.-]+)([\s,]*)$")
#: Words passed over to the subject: adverbs and auxiliaries ("has also underscored")
_ADVERBS = frozenset(
    "also further generally again repeatedly once then later earlier has have had".split()  # noqa: SIM905
)
#: A time passed over too: "the company last week had stated" (not a bare "yesterday" or "last":
#: "a study published in the journal yesterday stated", "the stake last stated by Adsteam")
_TIME = re.compile(r"\b(?:last|this|that)\s+(?:week|month|year)\s*$", re.IGNORECASE)
#: Relative pronouns: the subject is the noun they stand for, the word before them ("a published
#: report which stated", "the case, which highlighted": a thing; "the ministry, which stated": a
#: body that speaks)
_RELATIVES = frozenset(["which", "that"])
#: Words before "that" / "which" that are not its antecedent: a verb that takes a clause ("said
#: that", "believes that"), a preposition ("of which", "in which") or a determiner use
_NOT_ANTECEDENT = frozenset(
    """said says say told tells believe believes believed think thinks thought noted added
    argued argues claimed claims warned warns stressed insisted so such of in on at by for to
    from with about after before than like is was are were be been""".split()  # noqa: SIM905
)
#: A word before the verb that hides its subject: a coordinated verb ("acknowledged mistakes but
#: highlighted"), whose subject is further back; kept, as is a subject set off by a comma (an
#: apposition: "Kath Harper, a lead prosecutor, highlighted")
_HIDES = frozenset(["and", "but", "or"])


def has_speaker(text: str, span: Span) -> bool:
    """Whether the word before ``span`` (past adverbs) can be the subject of a speech verb."""
    end = span.start
    for _ in range(4):  # at most three adverbs or auxiliaries: "has also strongly emphasised"
        match = _WORD_BEFORE.search(text, max(0, end - 60), end)
        if match is None:
            return True  # the verb opens the block: nothing to judge, keep it
        word = match.group(1)
        lower = word.lower()
        if "," in match.group(2) or lower in _HIDES:
            return True
        if lower in _ADVERBS or (lower.endswith("ly") and len(lower) > 4):
            end = match.start()
            continue
        time = _TIME.search(text, max(0, end - 30), end)
        if time is not None:
            end = time.start()
            continue
        if lower in _RELATIVES:
            return _antecedent_speaks(text, match.start())
        return word[:1].isupper() or lower in SPEAKER_NOUNS
    return True


def _antecedent_speaks(text: str, end: int) -> bool:
    """Whether the noun before a relative pronoun that starts at ``end`` can speak; a pronoun
    that opens the block, or one after a word that is not a noun ("said that", "and which"), is
    kept."""
    match = _WORD_BEFORE.search(text, max(0, end - 60), end)
    if match is None:
        return True
    word = match.group(1)
    lower = word.lower()
    if lower in _HIDES or lower in _NOT_ANTECEDENT or lower in _ADVERBS:
        return True
    return word[:1].isupper() or lower in SPEAKER_NOUNS


#: What follows a verb that reports speech: "that", a quotation or the end of a tag (", . : ;"
#: or the end), or a clause: a pronoun subject ("mentioned they would"), or at most four words
#: (no conjunction or second verb among them) and then an auxiliary or a past tense of "be" or
#: "have" ("mentioned the plan was dead")
_CLAUSE_AFTER = re.compile(
    r"\s*(?:$|[,.:;!?\"“”'‘’—–-]|that\b|(?:he|she|they|it|we|i|you|there)\b"
    r"|(?:(?!(?:and|or|but|said|says)\b)[^\s,;:.!?\"“”]+\s+){1,4}"
    r"(?:is|are|was|were|would|will|had|has|have|could|should|might|may|can|did|does)\b)",
    re.IGNORECASE,
)


#: A noun with a relative clause's subject right after it, "that" left out: "mentioned the
#: remarks Smith had made", "mentioned a plan she has backed": the object, then who did it (a
#: determiner before the name is the clause's own subject: "mentioned the Fed had acted")
_RELATIVE = re.compile(
    r"\b(?!(?:a|an|the|his|her|its|their|our|my|your|this|these|those|some|any)\b)"
    r"[a-z][\w'’-]*\s+(?:(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*|he|she|they|we|you)"
    r"\s+(?:had|has|have)\s*$"
)


def introduces_speech(text: str, span: Span) -> bool:
    """Whether what follows the verb at ``span`` is what was said, or the verb ends a tag: "he
    mentioned that", '..., he mentioned.', "mentioned the plan was dead"; not an object ("he
    mentioned the SEC and said", "sources mentioned Anheuser-Busch", "Companies mentioned in
    market speculation", "mentioned disparaging remarks Smith had made about her"), where the
    verb names a topic, not words said."""
    match = _CLAUSE_AFTER.match(text, span.end)
    return match is not None and _RELATIVE.search(match.group()) is None
