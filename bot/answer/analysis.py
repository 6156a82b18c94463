"""Question analysis: what a question asks for, in which parts, about which places and sectors.

Pure functions over the question text (Swedish, often with English mixed in) and a `Names`
index of the organisations the precedents mention. The composer uses the result to decide how
to answer: one block, one per part of a compound question, one per side of a comparison, or a
list of precedents filtered by place, sector, instrument, buyer type and year (the
vocabularies for those filters are in `filters`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge.places import Place, find_places
from ..knowledge.refs import find_refs
from .chat import chat_forms, without_english_it
from .filters import (
    ABROAD,
    COUNTRIES,
    NORDIC,
    NORDIC_WORDS,
    SOCIAL_SUPPLIER_WORDS,
    buyer_types_asked,
    detect_instruments,
    detect_sectors,
    has_words,
    objects_asked,
    years_asked,
)
from .names import Names
from .precedent_words import ABOUT_A_CASE, ANYWHERE, ASKS_ABOUT_BUYERS, PAST, PRECEDENT, TEMPLATES

INTENTS = ("permission", "how-to", "comparison", "precedents", "definition", "provision")
MAX_PARTS = 3

_COMPARISON = re.compile(
    r"\b(skillnad(en|er)?|jämför|jämfört med|versus\b|vs\b\.?|kontra\b|eller\b.*\b(bäst|passar|smidigast|"
    r"bättre|välja|väljer|föredra|rekommender|ska vi (köra|ha|välja|använda))|(bäst|passar bäst|smidigast|"
    r"bättre|mest|säkrast|hellre|lämpligast|enklast|smartare|klokare|vettigare)\b.*\beller\b|what.?s the diff|skiljer|\bbåda\b|\bbägge\b"
    r"|\beller\b.*\b(vilket|vilken|mest|säkrast|hellre|lämpligast|enklast)\b"
    r"|\b(ska|bör) (vi|man) \w+\b.*\beller\b(?! (inte|något|nåt|så|liknande|motsvarande)\b)"
    # "ska sysselsättningskravet ligga som kontraktsvillkor eller som tilldelningskriterium?"
    r"|\b(ska|bör) [\wåäö]+ (vara|ligga|läggas|ställas|användas|bli|in) .*\beller\b(?! (inte|något|nåt|så|liknande|motsvarande)\b))",
    re.IGNORECASE,
)
_HOW_TO = re.compile(
    r"\b(hur (?!mycket|många|länge|stor|ofta|lång|gammal)[a-zåäö]+ (vi|man|jag|ni)\b|hur går (vi|man) till väga"
    r"|vad ska (vi|man) tänka på|steg för steg|how (do|can|should) (we|i)|tips på hur|checklista"
    # "hur bör ett socialt tilldelningskriterium formuleras?"
    r"|hur (bör|ska|skall|kan|måste) ([\wåäö]+ ){1,4}(formuleras|utformas|skrivas|viktas|följas upp|kontrolleras|"
    r"göras|ställas|användas|genomföras|hanteras|utvärderas))",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"^\W*((ok|okej|hej|så|men|och|alltså|sorry|förlåt|ursäkta|(en |kanske )?(dum|korkad|enkel) fråga)\W+)*(vad (är|e|ar|betyder|menas med|innebär|heter)|vad är det för|what is|what does|förklara|define)\b",
    re.IGNORECASE,
)
# "ASF – vad står det för?", "asf, vad är det?", "vad har en matchningsansvarig för uppgift?", "är det samma sak som …"
_DEFINITION_ANYWHERE = re.compile(
    r"\bvad (står|stod) [\wåäö]+ för\b|\bvad har (en|ett) [\wåäö]+ för (uppgift|roll|ansvar)\b"
    r"|\bvad heter\b|\bär (det|de|dom) (samma|samma sak) som\b|\bwhat does [\w ]+ mean\b"
    r"|\bw(hat|tf) (is|are) (that|this|it|those)\b|\bwhat'?s (that|this)\b|\bvad är (det|de|dom) för nåt\b"
    r"|\bvad (är|e|ar) (det|de|dom|den|detta)\W*$",  # "asf vad e det"
    re.IGNORECASE,
)
# "socialt foretag def?", "asf definition": a term and the word for its meaning
# "skyddad verkstad = samhall?": is one the other
_TERM_DEFINITION = re.compile(
    r"^[\wåäö -]{2,40}\b(def|definition|definiera|betydelse)\W*$|^[\wåäö -]{2,40}\s=\s*[\wåäö -]{2,40}\W*$",
    re.IGNORECASE,
)
# "Vad menas med personer som står långt från arbetsmarknaden?": a long term is still a term
_MEANING = re.compile(r"\bvad (betyder|menas med)\b", re.IGNORECASE)
_WHICH_PROVISION = re.compile(
    r"\b(var i (lou|luf|luk|lov|lagen)|vilken (paragraf|bestämmelse|regel i lagen)|vilket kapitel|vilka paragrafer"
    r"|vilken lagparagraf|which (section|article|provision))\b",
    re.IGNORECASE,
)
_PERMISSION = re.compile(
    r"\b(får (vi|man|jag|kommunen|regionen|ni)|kan (vi|man|jag|kommunen|regionen)|måste (vi|man|jag|"
    r"kommunen|regionen)|ska (vi|man)|behöver (vi|man)|är (det|vi) (ok|okej|tillåtet|lagligt|förbjudet|"
    r"olagligt|skyldiga|tvungna)|can we|may we|must we|do we have to|is (it|this|that) (even )?(ok|allowed|legal))",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^(och |samt |men |om inte,? |dessutom |också )?(måste|får|kan|ska|hur|vad|vem|vilka|vilken|vilket|"
    r"är|gäller|behöver|finns|när|var|vart|varför|har|hade|går|blir)\b",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(
    r",? (?:och|samt|men) (?=(?:måste|får|kan|ska|hur|vad|vem|vilka|vilket|vilken|när|gäller|behöver|"
    r"är det|finns det|händer|om|har (?:någon|nån|ngn|några|andra|kommunerna|regionerna|myndigheterna))\b)|(?<!t\.ex)(?<!bl\.a)(?<!m\.m)(?<!s\.k)(?<!d\.v\.s)(?<!o\.s\.v)(?<!\bca)\. (?=[A-ZÅÄÖ])|(?<=\?)\s*",
    re.IGNORECASE,
)
_EITHER_MUST = re.compile(
    r"\b(?:räcker|räcker det med|får vi|kan vi|ska vi|bör vi) (.+?),? eller (?:behöver|måste|ska|bör|får) "
    r"(?:vi|man|det)(?: ha| använda| ställa| kräva)? (.+)",
    re.IGNORECASE,
)
_FIGURE_CHOICE = re.compile(r"\d+\s*(%|procent)\s+eller\s+\d+", re.IGNORECASE)
_SIDE_FILLER = re.compile(
    r"(,?\s+(egentligen|typ|asap|alltså|då|i praktiken|snabbt|kort|kortfattat|tack|pls|please))+$",
    re.IGNORECASE,
)
_SIDE_FRAME = re.compile(
    r"^\W*(vad är |vad blir )?(skillnaden|skillnad) (mellan|på) |^(ska vi|bör vi|kan vi|vill vi|välja|"
    r"välj|köra|ha|använda|hellre|snarare|istället|i stället|ska vi köra|ska vi ha|ska vi välja|ska vi använda|som|en|ett|att|med|"
    r"vad passar bäst|vad är bäst|vad skiljer|skiljer|sig|ett|en|eller|är det (bättre|bäst|smartare|klokare|vettigare|enklare))\b\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[0-9a-zåäöéü:-]+", re.IGNORECASE)


@dataclass
class Analysis:
    question: str
    intent: str
    parts: list[str]  # the sub-questions of a compound question (one when it is simple)
    sides: list[str]  # the alternatives a comparison weighs (empty otherwise)
    places: list[Place]
    counties: set[str]
    municipalities: list[str]
    organisations: list[str]  # names from `Names`, lower case
    organisation_docs: set[str]  # precedents that name them
    buyer_docs: set[str]  # ... of them, those whose buyer the question names ("som Kristianstad")
    term_docs: set[str]  # glossary files whose term the question names
    sectors: list[str]
    objects: list[str]  # what was bought, when narrower than its sector (`filters.OBJECT_WORDS`)
    instruments: list[str]
    social_suppliers: bool  # bought from social enterprises ("tvätt från sociala företag")
    buyer_types: list[str]
    countries: list[str]
    abroad: bool
    year_from: int | None
    year_to: int | None
    names_provision: bool

    @property
    def compound(self) -> bool:
        return len(self.parts) > 1


def words_of(text: str) -> list[str]:
    """Lower-case words; a hyphenated one also yields its parts ("IT-upphandling", "LOV-system")."""
    out = []
    for word in _WORD.findall(text.lower()):
        out.append(word)
        if "-" in word.strip("-"):
            out.extend(part for part in word.split("-") if part)
    return out


# "Har Stockholms stad arbetsrättsliga villkor i sina städupphandlingar?": what a buyer has done
_IN_THEIR_CONTRACTS = re.compile(r"\b(i|på) sina \w*(upphandling|avtal|kontrakt|inköp)\w*", re.IGNORECASE)


def detect_intent(text: str, sides: list[str], names_provision: bool, has_place_or_org: bool) -> str:
    if PRECEDENT.search(ANYWHERE.sub(" ", text) if TEMPLATES.search(text) else text) or (
        has_place_or_org
        and re.search(
            # "Har Göteborgs stad något IOP?": what a named buyer has
            r"^\W*har\b(\s+[\wåäö]+){1,4}?\s+(något|någon|några|nåt|nån|ngt|ngn)\b|"
            r"\bhur (gjorde|har)\b|^\W*(finns det|finns de|fins det)\b|\bfinns (det |de )?(nåt|något|några|nån|ngt|ngn)\b|\bhar\b(\s+[\wåäö]+){1,7}?\s+(gjort|"
            r"reserverat|använt|ställt|köpt|upphandlat|testat|infört|jobbat|arbetat|vunnit|fått|levererat|haft|krävt|"
            r"provat|prövat|genomfört)\b",
            text,
            re.I,
        )
    ):
        return "precedents"
    if has_place_or_org and (ABOUT_A_CASE.search(text) or _IN_THEIR_CONTRACTS.search(text)):
        return "precedents"
    # "blekinge, något där?", "Samhall?": a place or organisation and little else asks what is known
    words = words_of(text)
    long_words = len([w for w in words if len(w) > 2])
    short = (
        long_words <= 4
        and not detect_instruments(text, words)
        and not re.search(
            r"\b(ok|okej|okey|lagligt|tillåtet|går det|funkar det)\b", text, re.I
        )  # "samhall direkt ok?"
    )
    if (
        has_place_or_org
        and short
        and not (
            _PERMISSION.search(text)
            or _HOW_TO.search(text)
            or _DEFINITION.search(text)
            or _TERM_DEFINITION.search(text)
        )
    ):
        return "precedents"
    if ASKS_ABOUT_BUYERS.search(text) and PAST.search(text):
        return "precedents"
    if sides:
        return "comparison"
    if _HOW_TO.search(text):
        return "how-to"
    if (
        (names_provision or _WHICH_PROVISION.search(text))
        and not _PERMISSION.search(text)
        and not _HOW_TO.search(text)
    ):
        return "provision"  # "vad är 4 kap. 18 § LOU?", "var i LOU regleras uteslutning?"
    if (_DEFINITION.search(text) and long_words <= (12 if _MEANING.search(text) else 8)) or (
        (_DEFINITION_ANYWHERE.search(text) or _TERM_DEFINITION.search(text)) and long_words <= 12
    ):
        return "definition"
    if names_provision and not _PERMISSION.search(text):
        return "provision"
    return "permission"


def asks_meaning(text: str) -> bool:
    """Does the question ask only what a word means ("vad betyder direktupphandling?", "vad är
    IOP?"), not something about it ("vad är gränsen för direktupphandling?")?"""
    return bool(_MEANING.search(text) or _WHAT_IS_WORD.match(text) or _TERM_DEFINITION.search(text))


_WHAT_IS_WORD = re.compile(
    r"^\W*(vad|va) (är|e) (en |ett )?[\wåäö-]+( [\wåäö-]+)?( för (nåt|något|någonting)| egentligen)?\W*$",
    re.IGNORECASE,
)


def asks_figure(text: str) -> bool:
    """Does the question ask for an amount or a limit ("hur mkt får vi direktupphandla för?",
    "max belopp för direktupphandling?", "tröskelvärdena nu?"), which no yes or no answers?"""
    return bool(_FIGURE.search(text)) and not _PERMISSION.match(text)


_FIGURE = re.compile(
    r"\b(hur (mycket|mkt|mycke|stort|stor|höga?)|max(imalt)? belopp|vilket belopp|vilka belopp|beloppsgräns\w*"
    r"|vad är gränsen|var går gränsen|tröskelvärden(a)?\b(?! för)|hur många procent)",
    re.IGNORECASE,
)


def asks_something(text: str) -> bool:
    """Does this part ask a question of its own, rather than add a detail ("gärna i Skåne")?"""
    return bool(
        _PERMISSION.search(text)
        or _HOW_TO.search(text)
        or _DEFINITION.search(text)
        or _QUESTION_START.search(text)
    )


def part_intent(text: str) -> str:
    """The prior for one part of a compound question."""
    lowered = text.lower()
    if re.search(r"\bhur (gör|går|följer|ska|kollar|kontrollerar)\b", lowered) or _HOW_TO.search(lowered):
        return "how-to"  # "hur formulerar vi …" too
    if re.match(r"^\W*(vad (är|betyder|menas))\b", lowered) or _DEFINITION_ANYWHERE.search(lowered):
        return "definition"
    return "permission"


def split_parts(text: str) -> list[str]:
    """The sub-questions of a compound question: at question marks, and at "och"/"samt" that
    start a new question ("…, och måste vi …"). Fragments too short to ask anything alone
    ("Exempel?") stay with the part before them."""
    pieces = [p.strip(" ,.;–-?") for p in _CLAUSE_SPLIT.split(text) if p and p.strip(" ,.;–-?")]
    parts: list[str] = []
    context = ""  # a statement before the questions ("Vi har en upphandling under …") goes with the next
    for n, piece in enumerate(pieces):
        content = [w for w in words_of(piece) if len(w) > 3]
        asks = asks_something(piece)  # "IOP med stadsmissionen – hur gör man"
        if (
            not asks
            and n + 1 < len(pieces)
            and not text.rstrip().endswith(piece + "?")
            and f"{piece}?" not in text
        ):
            context = f"{context} {piece}".strip()
            continue
        if context:
            piece, context = f"{context}. {piece}", ""
        if parts and not (len(content) >= 2 or (asks and content)):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts[:MAX_PARTS] or [text.strip()]


def comparison_sides(text: str) -> list[str]:
    """The alternatives a comparison names: "skillnaden mellan A och B", "A eller B – …",
    "A, B eller C", "A vs B", "A jämfört med B". Empty when the question compares nothing, or
    asks which of two figures holds ("30 % eller 50 % funktionsnedsatta?" asks what the rule is)."""
    if _FIGURE_CHOICE.search(text):
        return []
    clauses = re.split(r"\s+[–-]\s+|[?:;]\s*", text)
    for clause in clauses:  # two things at once: "kombinera A med B", "A och samtidigt B"
        together = (
            re.search(r"\bkombinera (.+?) (?:med|och) (.+)", clause, re.I)
            or re.search(r"(?:\b(?:ha|ställa|använda)\b )?(.+?),? och samtidigt (.+)", clause, re.I)
            # "ha både tillgänglighetskrav och sysselsättningskrav i samma upphandling"
            or re.search(r"\b(?:ha|ställa|använda|kräva) både (.+?) och (.+)", clause, re.I)
            # "om vi reserverar kontraktet, kan vi då också kräva att de anställer …"
            or re.search(
                r"^\W*(?:om|när) (?:vi|man) (.+?), (?:kan|får|måste|bör) (?:vi|man) (?:då )?(?:också|även) (.+)",
                clause,
                re.I,
            )
        )
        if together:
            sides = _clean_sides(
                [_SIDE_LEAD.sub("", together.group(1)), _SIDE_TAIL.sub("", together.group(2))]
            )
            if len(sides) == 2:
                return sides
    for clause in clauses:  # "räcker A eller behöver vi B?", "får vi A eller måste det B?"
        either = _EITHER_MUST.search(clause)
        if either:
            sides = _clean_sides([either.group(1), either.group(2)])
            if len(sides) == 2:
                return sides
    listed = _LIST_THEN_ASK.match(text)  # "A, B och C – kan du jämföra dem?"
    if listed and (_COMPARISON.search(listed.group("ask")) or _WHICH_IS_BETTER.search(listed.group("ask"))):
        items = [  # "A och B handlar båda om …": the alternatives end at the verb
            re.sub(r"\s+(handlar|gäller|är|har|finns)\b.*$", "", item)
            for item in re.split(r",\s*|\s+och\s+|\s+eller\s+", listed.group("list"))
        ]
        if all(len(item.split()) <= MAX_SIDE_WORDS for item in items):
            sides = _clean_sides(items)
            if sides:
                return sides
    if not (_COMPARISON.search(text) or bare_choice(text)):
        return []
    for clause in clauses:
        listed = re.match(r"^\W*jämför (.+)", clause, re.I)  # "Jämför A, B och C"
        if listed:
            sides = _clean_sides(re.split(r",\s*|\s+och\s+|\s+med\s+", listed.group(1)))
            if len(sides) >= 2:
                return sides
        between = re.search(r"skillnad(?:en|er)? (?:mellan|på) (.+)", clause, re.I) or re.search(
            r"skillnad(?:en|er)? ((?:\S+ ){0,3}\S+ (?:och|eller|vs\.?) .+)", clause, re.I
        )  # "skillnad tilldelningskriterium och kontraktsvillkor"
        if between:
            sides = _clean_sides(re.split(r",\s*|\s+och\s+|\s+eller\s+", between.group(1)))
            if sides:
                return sides
            continue  # "skillnaden mellan domarna": the sides are named in another clause
        apart = re.search(r"skiljer (?:sig )?(.+?) (?:sig )?från (.+)", clause, re.I)
        if apart:
            return _clean_sides([apart.group(1), apart.group(2)])
        for joiner in (r"\s+jämfört med\s+", r"\s+vs\.?\s+", r"\s+versus\s+", r"\s+kontra\s+"):
            if re.search(joiner, clause, re.I):
                return _clean_sides(re.split(joiner, clause, flags=re.I))
        if re.search(r"\beller\b", clause, re.I):
            return _clean_sides(re.split(r",\s*|\s+eller\s+", clause))
    for clause in clauses:  # "A och B – båda handlar om …, vad är skillnaden?"
        both = re.match(
            r"^\W*([\wåäöÅÄÖü:.-]+(?: [\wåäöÅÄÖü:.-]+)?) och ([\wåäöÅÄÖü:.-]+(?: [\wåäöÅÄÖü:.-]+)?)\b", clause
        )
        if both and len(clauses) > 1:
            return _clean_sides([both.group(1), re.sub(r" (handlar|gäller|är|har)$", "", both.group(2))])
    return []


# Alternatives listed first, then the comparison asked: "reserverat kontrakt, IOP och LOV – kan du
# jämföra de tre", "19 kap. 25 § och 19 kap. 25 a § LOU, vad är skillnaden".
_LIST_THEN_ASK = re.compile(
    r"^\W*(?P<list>[^?–:]+?(?:,|\s+och|\s+eller)\s+[^?–:,]+?)\s*(?:,|\s[–-]|:)\s*"
    r"(?P<ask>(?:vad|vilken|vilket|vilka|hur|kan du|kan ni|jämför|skillnad)\b.*)$",
    re.IGNORECASE,
)
MAX_SIDE_WORDS = 6
_WHICH_IS_BETTER = re.compile(r"\b(bäst|bättre|lämpligast|välja|jämföra|skillnaden)\b", re.IGNORECASE)

# What comes before the first and after the second of two things asked for at once.
_SIDE_LEAD = re.compile(
    r"^\W*(?:(?:får|kan|ska|måste|bör) (?:vi|man)\s+)?(?:.*\b(?:ha|ställa|använda)\b\s+)?", re.IGNORECASE
)
_SIDE_TAIL = re.compile(r"\s+(i|för|på|vid) (samma|en|ett|vår|vårt)\b.*$", re.IGNORECASE)

# Words that open a yes/no question rather than an alternative ("Bör …", "Omfattas …").
_FINITE = frozenset("är bör ska får kan måste maste gäller omfattas räcker behöver finns har blir".split())


def bare_choice(text: str) -> bool:
    """Two alternatives and nothing else asked: "Tvätten: reservera eller ställa
    sysselsättningskrav?" (but not "Får vi reservera städ eller tvätt?", "Vad gäller för A eller B?")."""
    if _PERMISSION.search(text) or not text.rstrip().endswith("?") or text.count("?") > 1:
        return False
    pieces = re.split(r"[:–]\s*|\s-\s", text)
    clause = pieces[-1]
    first = (words_of(clause) or [""])[0]
    return bool(
        len(pieces) > 1  # a topic, then the alternatives
        and first not in _FINITE
        and re.search(r"\beller\b(?! (inte|något|nåt|så|liknande|motsvarande|andra)\b)", clause, re.I)
        and not _QUESTION_START.search(clause)
        and not _DEFINITION.search(clause)
    )


def _clean_sides(raw: list[str]) -> list[str]:
    out = []
    for side in raw:
        side = _SIDE_FILLER.sub("", side.strip(" ,.?!"))
        for _ in range(3):
            side = _SIDE_FRAME.sub("", side).strip()
        if re.match(r"^(vad|vilket|vilken|hur)\b", side, re.IGNORECASE):
            continue  # "…, vad passar oss bäst": the question, not a side
        if re.fullmatch(r"(snabbt|kort|kortfattat|tack|pls|please|asap)", side, re.IGNORECASE):
            continue  # "A and B, snabbt": how to answer, not a side
        if re.fullmatch(r"(det|de|dem|dom|den|detta|dessa|sånt)", side, re.IGNORECASE):
            continue  # "går det, och hur skiljer det sig från LOU": a pronoun names no side
        if len(side) >= 2 and words_of(side):
            out.append(side)
    return shared_head(out)[:MAX_PARTS] if len(out) >= 2 else []


# Adjective endings: "obligatorisk", "frivilliga", "öppet", "förenklat", "reserverad", "nationella"
_ADJECTIVE = re.compile(r"^[a-zåäö]+(isk|iska|iskt|ig|iga|igt|lig|liga|ligt|ad|ade|at|et|ell|ella|ellt)$")


def shared_head(sides: list[str]) -> list[str]:
    """ "Obligatorisk eller frivillig uteslutning": two adjectives share the noun after the last
    ("obligatorisk uteslutning", "frivillig uteslutning"), as "öppet eller förenklat förfarande"."""
    *firsts, last = sides
    head = last.split()[1:]
    if not head or not _ADJECTIVE.match(last.split()[0].lower()):
        return sides
    if not all(len(s.split()) == 1 and _ADJECTIVE.match(s.lower()) for s in firsts):
        return sides
    return [f"{s} {' '.join(head)}" for s in firsts] + [last]


def analyse(question: str, names: Names | None = None) -> Analysis:
    """Everything the composer needs to know about a question, from the text alone."""
    text = chat_forms(" ".join(question.split()))
    words = words_of(text)
    names = names or Names()
    # "Stockholms län" names the county, not Stockholms stad
    # ... and "i Region Gävleborg" the county, as "i Gävleborg" does
    organisations = [
        n
        for n in names.find(text)
        if not re.search(rf"\b{re.escape(n)}s? län\b", text, re.I)
        and not (n.startswith("region ") and re.search(rf"\b(i|inom) {re.escape(n)}\b", text, re.I))
    ]
    # ... and "Region Örebro län" names the buyer, not every buyer in the county (but "Malmö
    # stad" also asks for Malmö's municipal companies)
    places = [
        p
        for p in find_places(text)
        if p.kind == "kommun" or not any(p.name.lower() in o for o in organisations)
    ]
    counties = {c for p in places for c in p.counties}
    municipalities = [p.name for p in places if p.kind == "kommun"]
    org_docs = {d for n in organisations for d in names.variants[n]}
    names_provision = bool(find_refs(text))
    sides = comparison_sides(text)
    if not sides and len(judgments := names.case_mentions(text)) >= 2:
        sides = judgments[:MAX_PARTS]  # "… i RegioPost men inte i Rüffert?" sets two judgments side by side
    intent = detect_intent(text, sides, names_provision, bool(places or organisations))
    parts = [text] if intent == "comparison" else split_parts(text)
    # "svenska kommuner" asks for Sweden; "krav på svenska" names a language
    country_words = words_of(re.sub(r"\bpå svenska\b", " ", text, flags=re.IGNORECASE))
    countries = [c for c, stems in COUNTRIES.items() if has_words(country_words, stems)]
    if ABROAD.search(text.lower()) and re.search(
        r"\beller (andra|övriga)\b|\b(t\.? ?ex|till exempel|exempelvis|som)\b", text, re.I
    ):
        # "från Danmark eller andra EU-länder", "andra EU-länder, t.ex. Frankrike": anywhere abroad
        countries = []
    if has_words(country_words, NORDIC_WORDS):  # "i Norden": our neighbours, not Sweden itself
        countries = list(dict.fromkeys([*countries, *NORDIC]))
    year_from, year_to = years_asked(text)
    return Analysis(
        question=text,
        intent=intent,
        parts=parts,
        sides=sides,
        places=places,
        counties=counties,
        municipalities=municipalities,
        organisations=organisations,
        organisation_docs=org_docs,
        buyer_docs={d for n in organisations if n in names.buyers for d in names.variants[n]},
        term_docs=names.find_terms(text),
        sectors=detect_sectors(without_names(without_english_it(text), organisations)),
        objects=objects_asked(without_names(text, organisations)),
        instruments=detect_instruments(text, words),
        social_suppliers=bool(SOCIAL_SUPPLIER_WORDS.search(text)),
        buyer_types=buyer_types_asked(text),
        countries=countries,
        abroad=bool(ABROAD.search(text.lower())),
        year_from=year_from,
        year_to=year_to,
        names_provision=names_provision,
    )


def without_names(text: str, organisations: list[str]) -> list[str]:
    """The words of a text but the organisations it names: "Cykelreturen" names a supplier, not
    the vehicle sector."""
    for name in organisations:
        text = re.sub(rf"\b{re.escape(name)}\w*", " ", text, flags=re.IGNORECASE)
    return words_of(text)
