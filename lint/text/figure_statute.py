"""A rule anyone can look up, named in the clause before a figure ("a minimum wage of", "requires
at least", "a ceiling of") or stated after it ("40 percent of members are required to"): the
statute patterns of :func:`lint.text.figure_record.is_statutory`."""

from __future__ import annotations

import re

from lint.text import figure_after as after
from lint.text.gated import gated, lowered
from lint.text.lazy_re import lazy_re

STATUTORY = gated(
    # ("its then-permitted floor of 31.8850 marks": an exchange-rate band's limit is set by rule)
    r"\b(?:allows?|allowed|permitted|requires?|required|must|minimum|maximum|limit(?:ed|s)?|cap(?:ped|s)?"
    r"|ceiling|threshold|eligible|eligibility|entitled|statutory|by law|punishable|fines? of up to"
    r"|mandatory|(?:minimum|living|national) wage|open to|available to"
    # a target set in law or policy ("the Gramm-Rudman deficit target of 108 billion dlrs"),
    # prize money a competition publishes
    r"|(?:deficit|inflation|borrowing|spending|budget|emissions?) targets? of"
    r"|prize (?:money|fund|pot)"
    r"|(?:offers?|offering|offered|provides?|providing|provided) (?:\w+ ){0,2}"
    r"(?:loans?|grants?|awards?) of"
    r"|(?:tax|levy|duty|vat|rate) (?:[\w-]+ ){0,6}(?:was |is |will be |has been )?"
    r"(?:raised|increased|cut|lowered|reduced|set) (?:to|at)"
    r"|(?:tax|levy|duty|vat|rate)\b[^.;]{0,80}?\b(?:an? )?(?:increase|rise|cut|reduction) to"
    r"|(?:with|of|employing|having|earning) (?:fewer|less) than|(?:population|area) of"
    # a tax measure's scheduled change and its limits ("the taxable portion of a capital gain
    # will increase from 50 pct currently to", "The dividend tax credit will be reduced from",
    # "the deduction for up to 1,000 dlrs")
    r"|(?:taxable|tax credit|deduction|exemption|allowance)\b[^.;]{0,60}?\bwill (?:be )?"
    r"(?:increased?|rise|fall|raised|cut|lowered|reduced|eliminated)\b"
    r"|(?:deduction|exemption|allowance|tax credit) (?:for|of) (?:up to )?$"
    # a tax's rate and an income bracket ("the corporate tax rate, which, at 35 percent",
    # "reducing the tax rate to 28 percent", "incomes of more than $5 million")
    r"|(?:tax|levy|duty|vat|tariff) rates?\b[^.;]{0,60}?\b(?:to|at)"
    # a tax, duty or subsidy set per unit ("a special tax of eight Ecus per tonne")
    r"|(?:tax|levy|duty|tariff|subsidy|export refund|restitution) of(?: about| some| around)?"
    # a tariff imposed ("imposed tariffs on imports of large motorcycles, starting at 49.9 pct")
    r"|tariffs?\b[^;]{0,80}?\b(?:starting|set|fixed|levied)? ?at"
    # a cut or rise in tariffs or duties agreed or decided ("agreed to cut tariffs on regional
    # trade by")
    r"|(?:agreed|decided|voted|pledged)\s+to\s+(?:cut|reduce|lower|raise|increase|eliminate)"
    r"\s+(?:\w+\s+){0,2}(?:tariffs?|duties|taxes|levies)\b[^.;]{0,60}?\bby"
    # a quota or an official price ("The UAE quota assigned by OPEC is", "the official OPEC
    # price of")
    r"|quotas?\b[^.;]{0,60}?\b(?:is|was|of|at)|official (?:[\w-]+ ){0,2}(?:price|rate) of"
    # a bill's provisions ("The bill, which goes to the full Senate, will infuse a badly
    # needed"), not its effects ("would cost", "would drain": estimates, which need a source)
    r"|\b(?:bill|legislation|amendment|act)\b(?:, [^,.;]{0,60},)? (?:would|will) (?:also )?"
    r"(?:provide|give|allow|establish|set up|require|impose|infuse|inject|allocate|authori[sz]e"
    r"|appropriate|earmark|grant|extend)\b"
    r")\b"
    r"|(?:\bincomes? (?:of |above |over |below |under )(?:more than |less than |over |under )?"
    # an ownership limit set by rule ("Foreign firms can currently own no more than", "may hold
    # up to", "will be able to ... buy up to"): statutory, public record
    r"|\b(?:can|cannot|may|be able to|be allowed to|be permitted to)\b[^.;]{0,80}?"
    r"\b(?:own|hold|buy|acquire|control) (?:up to|no more than|not more than|a maximum of"
    r"|at most)|\b(?:not|cannot) (?:own|hold|buy|acquire|control) more than"
    # a country's or bloc's population ("the bloc of 500 million citizens")
    r"|\b(?:bloc|nation|country|continent|union) of (?:about |some |nearly |almost |more than )?"
    # an official price change ("The Tanzanian government raised the price of beer, soft
    # drinks and cigarettes by")
    r"|\b(?:government|ministry|authorities|state|council)\b[^.;]{0,40}?\b(?:raised|increased"
    r"|cut|lowered|reduced)\s+(?:the\s+)?(?:official\s+)?(?:prices?|fares?|tariffs?|charges?)\b"
    r"[^.;]{0,80}?\bby\s+(?:about\s+|some\s+|up\s+to\s+)?"
    # charges and targets on record ("All three were accused in the draining of", "The
    # government this year is targeting")
    r"|\b(?:accused|charged|indicted|convicted) (?:of|in|with)\b[^.;]{0,60}?"
    # (each alternative starts with a rare word: the gate in lint.text.gated reads them)
    r"|\btargeting (?:about |some |an? )?"
    # a tax cut to a rate ("the cut in U.K. Corporation tax to")
    r"|\b(?:cut|increase|rise|reduction) in (?:[\w.-]+ ){0,3}(?:tax|levy|duty|vat)(?: rate)?"
    r" (?:to|from) (?:about )?"
    # a plan's targets ("the production target of")
    r"|\b(?:production|output|export|import|growth|sales) targets? of (?:about |some )?"
    # an official price, a treaty's terms ("Cement is officially priced at", "due to enter
    # into force provisionally when ratified by countries accounting for")
    r"|officially (?:priced|set|fixed) at|\bset at (?:about |some |around |over |under |above "
    # (a bound is set as much as a level: "should the monthly price be set at over 95 pct")
    r"|below |more than |less than |up to |no more than |no less than )?"
    # the old value beside an official one ("is set at 1,020 yen against 1,090")
    r"|\b(?:set|fixed|priced) at [^.;]{0,40}?\b(?:against|from|compared with) (?:about )?"
    # a target a government set, and the plan's other side ("The country has set its export
    # target for the year at 1.1 billion U.S. Dlrs against imports of")
    r"|\bset (?:its|a|an|the|their) (?:[\w-]+ ){0,3}?targets? (?:[\w-]+ ){0,4}?at (?:about |some )?"
    r"(?:[^;]{0,40}?\bagainst (?:\w+ ){0,2}of )?"
    # a target kept or set at a level ("The target for the narrow money supply, M0, was kept
    # unchanged at")
    r"|\btargets? for [^.;]{0,60}?\b(?:was|were|is|are|has been|have been) (?:kept|set|left"
    r"|held|fixed)(?: unchanged)? at (?:about |some )?"
    r"|\binto force\b[^.;]{0,80}?\b(?:accounting for|representing|holding|of)"
    r" (?:at least |over |about |some |more than )?"
    # a lawsuit's claim is on record ("sued the banks last year for"), a request's sum is its
    # requester's ("a supplemental request for fiscal 1987 of")
    r"|\bsued\b[^.;]{0,60}?\bfor (?:about |some |more than |nearly |up to )?"
    # an arbitration's claim ("began arbitration proceedings seeking payment of more than")
    r"|\bseek(?:ing|s)? (?:payment|damages|compensation|restitution) of"
    r" (?:about |some |more than |nearly |up to )?"
    # an appropriation ("negotiators agreed to appropriate 5.6 billion dlrs to the CCC")
    r"|\bappropriat(?:e|ed|es|ing) (?:about |some |nearly |more than |up to )?"
    # an accord's terms ("Under the accord, clinched on Thursday in Paris, 100 pct of")
    r"|\bunder the (?:accord|agreement|deal|pact|treaty|rescheduling|terms)\b[^.;]{0,80}?"
    r"|\brequests? (?:for [^.;]{0,30})?of (?:about |some |nearly |more than )?"
    # deposit insurance's limit is set in law ("deposits are insured by the government up to")
    r"|\binsured\b[^.;]{0,60}?\bup to "
    # a tender's size, which the buyer announces to the trade ("Results still awaited on a
    # tender by Jordan for", "Egypt was rumored to be tendering tomorrow for"): what is bought
    # or rumoured is the tender; its size is part of its published terms (not a takeover's
    # "tender offer for": a bid's terms are read in lint.text.figure_terms)
    r"|\btender(?:s|ed|ing)?\b(?! offer)[^.;]{0,40}?\bfor (?:an? (?:additional|further) "
    r"|about |some |around |up to )?"
    # a package's measures cutting or raising something by an amount ("These include measures
    # to cut the effective price paid to farmers for cereals by over")
    r"|\bmeasures (?:to|that would) (?:cut|reduce|lower|raise|increase|freeze)\b[^.;]{0,80}?"
    r"\bby (?:over |about |some |around |up to |more than |at least )?"
    # a plan's terms in a clause describing it ("a trillion-dollar budget blueprint for the
    # coming fiscal year that reduces the deficit by"): what the plan says, not an estimate
    # of its effect ("the plan would save": no relative clause, left to the rules)
    r"|\b(?:plan|blueprint|budget|bill|package|resolution|proposal)s?\b[^.;]{0,60}?"
    r"\b(?:that|which) (?:would |will )?(?:also )?(?:reduces?|cuts?|lowers?|trims?|raises?"
    r"|increases?) (?:[\w-]+ ){0,4}?by (?:over |about |some |around |up to |more than )?"
    r")\s*$",
    re.IGNORECASE,
)


#: A rule stated after the figure ("40 percent of members are typically required to ...").
_REQUIRED_AFTER = lazy_re(
    r"[^.;:]{0,50}?\b(?:(?:are|is|be|were|was)\s+(?:\w+\s+)?(?:required|obliged|obligated"
    r"|permitted|allowed)\s+to"
    r"|needs? (?:\w+ ){0,2}(?:approval|permission|a licen[cs]e))\b",
    re.IGNORECASE,
)
#: A stop: none of ``_REQUIRED_AFTER``'s parts matches one, so the first after a figure ends the
#: text a match can lie in.
_STOP = re.compile(r"[.;:]")


def required_after(text: str, end: int) -> re.Match[str] | None:
    """``_REQUIRED_AFTER().match(text, end)``, tried only when a word every match holds (its
    verb or what is needed) occurs, lowercased, between ``end`` and the next stop (text whose
    lowering would move offsets or hide a case-insensitive match is matched as it is)."""
    if not after.any_after(text, end, after.REQUIRED):
        return None  # none of those words after the figure at all (lowered as below)
    stop = _STOP.search(text, end)
    low = lowered(text[end : len(text) if stop is None else stop.start()])
    if low is not None and not (
        "required" in low
        or "oblig" in low
        or "permitted" in low
        or "allowed" in low
        or "approval" in low
        or "permission" in low
        or "licen" in low
    ):
        return None
    return _REQUIRED_AFTER().match(text, end)


#: A bill's provisions however long its subject ("The bill, already passed by the House, would
#: enable farmers hit by flooding to receive at least"): what the bill's text grants, on record,
#: not what it would cost or save (estimates, which need a source).
_BILL_GRANTS = lazy_re(
    r"\b(?:bill|legislation)\b(?:,[^.;]{0,80},)?\s+(?:would|will)\s+(?:also\s+)?(?:provide|give"
    r"|allow|enable|entitle|permit|guarantee|require|extend|authori[sz]e|appropriate|allocate)\b"
    r"(?:(?!\b(?:costs?|sav\w*|drain\w*|add\w*|lose|lost|losses)\b)[^.;]|\.\d)*$",
    re.IGNORECASE,
)
#: An item of an act passed or signed ("The Senate passed a two year extension of federal housing
#: programs, including"): the act's own text.
_ENACTED_INCLUDING = lazy_re(
    r"\b(?:passed|approved|adopted|enacted|signed)\s+(?:an?|the|its|their)\s+(?:[^.;]|\.\d){0,100}?"
    r"\b(?:bill|extension|legislation|budget|measure|package|act|law|programs?)\b[^.;]{0,40}?"
    r",\s+including\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)


def _billed(text: str) -> bool:
    """Whether ``text`` names a bill or legislation (the gate of ``_BILL_GRANTS``)."""
    return "bill" in text or "Bill" in text or "egislation" in text


def may_hold_bill(text: str) -> bool:
    """Whether :func:`bill_terms` can hold for a sentence in ``text``: a cheap gate, asked of the
    text before a figure before its sentence is cut out."""
    return _billed(text) or "including" in text


def bill_terms(sentence: str) -> bool:
    """Whether ``sentence`` (up to a figure) states what a bill provides or an act passed holds."""
    if _billed(sentence) and _BILL_GRANTS().search(sentence) is not None:
        return True
    return "including" in sentence and _ENACTED_INCLUDING().search(sentence) is not None
