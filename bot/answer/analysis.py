"""Question analysis: what a question asks for, in which parts, about which places and sectors.

Pure functions over the question text (Swedish, often with English mixed in) and a `Names`
index of the organisations the precedents mention. The composer uses the result to decide how
to answer: one block, one per part of a compound question, one per side of a comparison, or a
list of precedents filtered by place, sector, instrument, buyer type and year (the
vocabularies for those filters are in `filters`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..knowledge.places import Place, find_places
from ..knowledge.refs import find_refs
from ..search.textproc import without_filler
from .chat import chat_forms, without_english_it
from .demands import two_actions, two_demands, two_objects
from .filters import (
    ABROAD,
    COUNTRIES,
    NORDIC,
    NORDIC_WORDS,
    SOCIAL_SUPPLIER_WORDS,
    buyer_types_named,
    detect_instruments,
    detect_sectors,
    has_words,
    objects_asked,
    without_names,
    years_asked,
)
from .meaning import (
    COUNTS_AS,
    DEFINITION_ANYWHERE,
    IS_IT_A,
    MEANING,
    TERM_DEFINITION,
    WHAT_IS_WORD,
    WHAT_IT_MEANS,
)
from .names import Names
from .places_asked import guesses_dropped, where_the_asker_sits
from .precedent_words import (
    ABOUT_A_CASE,
    ANY_EXAMPLE,
    ASKS_ABOUT_BUYERS,
    IN_THEIR_CONTRACTS,
    PAST,
    PRECEDENT,
    asks_in_court,
    without_anywhere,
)
from .sides import bare_choice, comparison_sides
from .wording import (
    DEFINITION,
    HOW_TO,
    NAMED_MAY,
    PERMISSION,
    QUESTION_START,
    WHICH_GOVERNS,
    WHICH_PROVISION,
    words_of,
)

INTENTS = ("permission", "how-to", "comparison", "precedents", "definition", "provision")
MAX_PARTS = 3

_CLAUSE_SPLIT = re.compile(
    r",? (?:och|samt|men|\+|&) (?=(?:måste|får|kan|ska|bör|hur|vad|vem|vilka|vilket|vilken|när|gäller|behöver|behövs|riskerar|räcker|räknas|omfattas|"
    r"är det|finns det|går det|funkar det|händer|om|har (?:någon|nån|ngn|några|andra|kommunerna|regionerna|myndigheterna))\b"
    # "… och har Region Örebro län använt den?": a buyer named
    r"|har (?-i:[A-ZÅÄÖ])[\wåäö]+ [\wåäö ]{0,25}?(?:använt|gjort|reserverat|ställt|köpt|upphandlat)\b)"
    # "Vad är IOP, är det förenligt med LOU …": a new question after a comma
    r"|, (?=(?:är det|e det|får vi|får man|kan vi|kan man|måste vi|måste man|finns det|vilka (?:får|kan|ska|måste)"
    # "vad är IOP, när får man använda det …"
    r"|när (?:får|kan|måste|ska|bör) (?:vi|man|ni)|(?:räknas|omfattas|ingår) [\wåäö]+ (?:dit|där|av|i|som)\b"
    # "Vad är ett socialt tilldelningskriterium, vilken paragraf reglerar det …"
    r"|vilken (?:paragraf|lag|bestämmelse)|var (?:regleras|står)"
    # "Vad är ett arbetsintegrerande socialt företag, hur hittar vi sådana …", "får vi köpa
    # direkt, vad är beloppsgränsen …"
    r"|hur (?:hittar|gör|ska|kan|får|följer|kontrollerar|väljer) (?:vi|man|ni)|hur skiljer (?:det|den|de) sig|vad (?:är|blir|krävs)\b)\b)|(?<!t\.ex)(?<!bl\.a)(?<!m\.m)(?<!s\.k)(?<!d\.v\.s)(?<!o\.s\.v)(?<!\bca)(?<!\bkap)\. (?=[A-ZÅÄÖ])|(?<=\?)\s*",
    re.IGNORECASE,
)


# A question word alone asks for more of the part before it
_BARE_FOLLOW_UP = re.compile(
    r"^\W*(vilka|vilken|vilket|vem|vilka då|hur då|var då|var|när|varför|vilka är det|vilka var det|which"
    # "måste vi följa upp villkoren, och hur ofta?": how often it is done, not how common it is
    r"|hur ofta|hur länge|how often|vad (gällde|var|handlade) (det|den|de)( om)?( i så fall| då)?"
    # "Finns det bolag som …? Ge flera exempel": more of the same cases, not a question of its own
    r"|(ge|visa|lista|nämn) (gärna |mig |oss )?(flera|fler|några|ett par|alla)( exempel| fall)?( tack)?)\W*$",
    re.IGNORECASE,
)
# "… och hur gör man isf": how to do what the part before asked, a part of its own
BARE_HOW = re.compile(r"^\W*hur (gör|går) (man|vi|ni)( det)?( (då|isf|i så fall|i praktiken))?\W*$", re.I)
_FILLER = re.compile(
    r"^\W*((ok|okej|okey|hej|hejsan|tjena|tja|hallå|ja|jaha|nej|alltså|så|tack|hmm+|aha)\W*)+$", re.IGNORECASE
)
_GREETING = re.compile(r"^\W*(hej|hejsan|tjena|tja|hallå|hello|hi)\W*$", re.IGNORECASE)


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
    name_docs: list[str]  # ... and those that are names ("Samhall"), however specific the others
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
    # precedents of the municipalities named only as guesses beside their county (they still
    # rank first, but filter nothing)
    guessed_docs: set[str] = field(default_factory=set)
    in_court: bool = False  # a precedent lookup for cases tried in court ("… som överprövats?")
    # the suppliers it names (not buyers: "Samhall … i Uppsala län") and the precedents naming them
    suppliers: list[str] = field(default_factory=list)
    supplier_docs: set[str] = field(default_factory=set)
    # the names it asks to leave out ("förutom Samhall", "mer än Cykelreturen")
    excluded: list[str] = field(default_factory=list)
    not_reserved: bool = False  # "… en upphandling som inte var reserverad": no reserved ones

    @property
    def compound(self) -> bool:
        return len(self.parts) > 1


def detect_intent(
    text: str, sides: list[str], names_provision: bool, has_place_or_org: bool, has_place: bool = False
) -> str:
    if ANY_EXAMPLE.search(text):
        return "precedents"
    if PRECEDENT.search(without_anywhere(text)) or (
        has_place_or_org
        and re.search(
            # "Har Göteborgs stad något IOP?": what a named buyer has
            r"^\W*har\b(\s+[\wåäö]+){1,4}?\s+(något|någon|några|nåt|nån|ngt|ngn)\b|"
            # "har stockholms stad IOP med stadsmissionen?": whether a named buyer has one
            r"^\W*har\s+(?!(vi|ni|man|jag|du)\b)[\wåäö]+(\s+[\wåäö]+)?\s+(iop|ett iop|avtal med|kontrakt med)\b|"
            r"\bhur (gjorde|har)\b|\bhur (gör|jobbar|arbetar) (de|dom)\b|\bvad (har )?(det )?(gjorts|görs|hänt)\b|\bvad gör (?!(vi|ni|man|jag)\b)|^\W*(finns det|finns de|fins det)\b|\bfinns (det |de )?(nåt|något|några|nån|ngt|ngn)\b|\bhar\b(\s+[\wåäö]+){1,7}?\s+(gjort|"
            r"reserverat|använt|ställt|köpt|upphandlat|testat|infört|jobbat|arbetat|vunnit|fått|levererat|haft|krävt|"
            r"provat|prövat|genomfört)\b"
            # "har göteborg direktupphandlat från sociala företag nån gång?"
            r"|^\W*har\s+(?!(vi|ni|man|jag|du)\b)[\wåäö]+(\s+[\wåäö]+)?\s+[\wåäö]{4,}(at|it)\b",
            text,
            re.I,
        )
    ):
        return "precedents"
    if has_place_or_org and (ABOUT_A_CASE.search(text) or IN_THEIR_CONTRACTS.search(text)):
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
        and not sides  # "ASF vs samhall skillnad?" weighs two things
        and not (
            PERMISSION.search(text)
            or HOW_TO.search(text)
            or DEFINITION.search(text)
            or TERM_DEFINITION.search(text)
            or IS_IT_A.search(text)  # "är samhall ett socialt företag"
        )
    ):
        return "precedents"
    if ASKS_ABOUT_BUYERS.search(text) and PAST.search(text):
        return "precedents"
    if has_place and long_words <= 8 and not sides and not asks_something(text) and not IS_IT_A.search(text):
        return "precedents"  # "uppsala kommun arbetsintegrerande sociala företag avtal?": what is known there
    if sides:
        return "comparison"
    if HOW_TO.search(text) and not COUNTS_AS.search(text):
        return "how-to"
    if (
        (names_provision or WHICH_PROVISION.search(text))
        and (not PERMISSION.search(text) or WHICH_GOVERNS.search(text))
        and not HOW_TO.search(text)
        and not NAMED_MAY.search(text)
    ):
        return "provision"  # "vad är 4 kap. 18 § LOU?", "var i LOU regleras uteslutning?"
    # chat filler is no word of a question on what a term means ("what are social considerations
    # …, short pls")
    content_words = len([w for w in words_of(without_filler(text)) if len(w) > 2])
    if (
        (DEFINITION.search(text) and content_words <= (12 if MEANING.search(text) else 8))
        or (
            # "jag e ny i nämnden, vad betyder sociala hänsyn rent konkret?": a word's meaning after a preamble
            (
                DEFINITION_ANYWHERE.search(text)
                or WHAT_IT_MEANS.search(text)
                or TERM_DEFINITION.search(text)
                or _MEANING_AFTER_PREAMBLE.search(text)
            )
            and long_words <= 12
        )
        or (COUNTS_AS.search(text) and long_words <= 12 and not PERMISSION.search(text))
        or _defined_then_remarked(text)
    ):
        return "definition"
    if names_provision and not PERMISSION.search(text) and not NAMED_MAY.search(text):
        return "provision"
    return "permission"


# "jag e ny i nämnden, vad betyder sociala hänsyn rent konkret?": what a word means, asked after
# words on the asker (not "vad betyder det för oss?", which asks what a thing means for them)
_MEANING_AFTER_PREAMBLE = re.compile(
    r"\b(jag|vi)\b[^?]*,\s*(vad betyder|vad menas med)\s+(?!(det|de|dom|detta|dessa|den|dem)\b)",
    re.IGNORECASE,
)


def asks_meaning(text: str) -> bool:
    """Does the question ask only what a word means ("vad betyder direktupphandling?", "vad är
    IOP?"), not something about it ("vad är gränsen för direktupphandling?")?"""
    text = without_preamble(text)
    return bool(
        MEANING.search(text)
        or WHAT_IS_WORD.match(text)
        or TERM_DEFINITION.search(text)
        or WHAT_IT_MEANS.search(text)
    )


def without_preamble(text: str) -> str:
    """The question without the statements before it ("hej, vi är nya i nämnden. vad är sociala
    hänsyn egentligen?" asks what social considerations are)."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    asks = (s.rstrip().endswith("?") or asks_something(s) or PRECEDENT.search(s) for s in sentences)
    return " ".join(sentences[next((n for n, asked in enumerate(asks) if asked), 0) :])


# a full stop after a word, before a new sentence ("t.ex. ", "19 kap. 25 a" and "dvs. " go on)
_SENTENCE_END = re.compile(r"(?<=[a-zåäö]{3}[.!])(?<!dvs\.)(?<!osv\.)(?<!kap\.)\s+(?=[a-zåäöA-ZÅÄÖ])")


def _defined_then_remarked(text: str) -> bool:
    """ "jaha men vad är ett socialt företag då, alla företag är väl sociala på nåt sätt": what a
    word means, then a remark that asks nothing of its own."""
    asked, comma, remark = text.partition(",")
    return bool(
        comma
        and DEFINITION.search(asked)
        and len([w for w in words_of(asked) if len(w) > 2]) <= 8
        and not asks_something(remark)
        and "?" not in remark
    )


def asks_something(text: str) -> bool:
    """Does this part ask a question of its own, rather than add a detail ("gärna i Skåne")?"""
    return bool(
        PERMISSION.search(text)
        or HOW_TO.search(text)
        or DEFINITION.search(text)
        or QUESTION_START.search(
            _TOPIC_FIRST.sub("", without_filler(text).strip())
        )  # "arbetsrättsliga villkor: när är de …"
        or _TAG_QUESTION.search(text)
        or WHAT_IT_MEANS.search(text)  # "IOP – vad är det"
        or TERM_DEFINITION.search(text)
        or bare_choice(text)  # "reservera eller sysselsättningskrav för städningen? o finns det exempel"
    )


# A topic named before a colon, then the question about it
# ... or a statement before a dash: "vi vill reservera tvätten – vad krävs av leverantören"
_TOPIC_FIRST = re.compile(r"^[^:?–]{1,60}(:|\s[–-])\s+(?!\d)")


# "Vi vill köpa fruktkorgar direkt från ett socialt företag – går det": a statement, then a question
_TAG_QUESTION = re.compile(
    r"\b(går det|funkar det|är det (ok|okej|tillåtet|lagligt)|får vi det|får man det|kan vi det|ok)\W*$",
    re.IGNORECASE,
)


def part_intent(text: str) -> str:
    """The prior for one part of a compound question ("vad står det i 16 kap. LOU om …" asks
    for the law's text)."""
    lowered = without_filler(text).strip().lower()  # ("basically vad är …")
    if re.search(r"\bhur (gör|går|följer|ska|kollar|kontrollerar)\b", lowered) or HOW_TO.search(lowered):
        return "how-to"  # "hur formulerar vi …" too
    if (
        re.match(r"^\W*(vad (är|betyder|menas)|hur (definieras|definierar))\b", lowered)
        or DEFINITION_ANYWHERE.search(lowered)
        or WHAT_IT_MEANS.search(lowered)
        or MEANING.search(lowered)
    ):
        return "definition"
    if find_refs(text) and not PERMISSION.search(text):
        return "provision"
    return "permission"


# A statement after the last question says why it is asked, and asks nothing of its own
_AFTERTHOUGHT = re.compile(  # (… "facket tjatar": who wants it asked)
    r"^(vi|jag|vill|behöver|för att|eftersom|det är|det e|tack|pls|facket|chefen|politikerna|nämnden|ledningen)\b",
    re.IGNORECASE,
)


_CONCESSION = re.compile(r"\s+(ok|okej|okey|visst|fine|fattar)\s*,?\s+men\b", re.IGNORECASE)


def split_parts(text: str) -> list[str]:
    """The sub-questions of a compound question: at question marks, and at "och"/"samt" that
    start a new question ("…, och måste vi …"). Fragments too short to ask anything alone
    ("Exempel?") stay with the part before them."""
    if (
        demands := two_demands(text) or two_actions(text) or two_objects(text)
    ):  # "kan vi kräva att A och att B?"
        return demands
    text = _CONCESSION.sub(" men", text)  # "sociala hänsyn ok men …": granted, not asked
    pieces = [p.strip(" ,.;–-?") for p in _CLAUSE_SPLIT.split(text) if p and p.strip(" ,.;–-?")]
    parts: list[str] = []
    context = ""  # a statement before the questions ("Vi har en upphandling under …") goes with the next
    for n, piece in enumerate(pieces):
        content = [w for w in words_of(piece) if len(w) > 3]
        asks = asks_something(piece)  # "IOP med stadsmissionen – hur gör man"
        if _GREETING.match(piece) and n + 1 < len(pieces):
            continue  # "tjena, kan man …": a greeting is no context
        if (
            (not asks or _FILLER.match(piece))  # "ok men hur funkar IOP": "ok" asks nothing
            and n + 1 < len(pieces)
            and not text.rstrip().endswith(piece + "?")
            and f"{piece}?" not in text
        ):
            context = f"{context} {piece}".strip()
            continue
        if context:
            piece, context = f"{context}. {piece}", ""
        if parts and _BARE_FOLLOW_UP.match(piece):  # "… blivit överprövad i domstol? Vilka?"
            parts[-1] = f"{parts[-1]}? {piece}"
            continue
        if parts and not asks and n + 1 == len(pieces) and _AFTERTHOUGHT.match(piece):
            parts[-1] = f"{parts[-1]}, {piece}"  # "… lokala leverantörer? vill stötta näringslivet"
            continue
        # ("nån som gjort det?" after a question asks for the cases of it: a part of its own)
        asks_cases = PRECEDENT.search(piece) and len(words_of(piece)) >= 3  # not a bare "Exempel?"
        if parts and not (len(content) >= 2 or (asks and content) or asks_cases or BARE_HOW.match(piece)):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts[:MAX_PARTS] or [text.strip()]


def analyse(question: str, names: Names | None = None) -> Analysis:
    """Everything the composer needs to know about a question, from the text alone."""
    text = chat_forms(" ".join(question.split()))
    words = words_of(text)
    names = names or Names()
    found = find_places(text)
    asker = {p.name.lower() for p in where_the_asker_sits(text, found)}
    # "Stockholms län" names the county, not Stockholms stad
    # ... and "i Region Gävleborg" the county, as "i Gävleborg" does
    organisations = [
        n
        for n in names.find(text)
        if n not in asker
        if not re.search(rf"\b{re.escape(n)}s? län\b", text, re.I)
        and not (n.startswith("region ") and re.search(rf"\b(i|inom) {re.escape(n)}\b", text, re.I))
    ]
    # "biltvätt från sociala företag förutom Samhall": a name left out filters nothing
    excluded = [n for n in organisations if re.search(EXCEPT + re.escape(n), text, re.IGNORECASE)]
    organisations = [n for n in organisations if n not in excluded]
    # ... and "Region Örebro län" names the buyer, not every buyer in the county (but "Malmö
    # stad" also asks for Malmö's municipal companies)
    places = [
        p
        for p in found
        if (p.kind == "kommun" or not any(p.name.lower() in o for o in organisations))
        and p.name.lower() not in asker
    ]
    counties = {c for p in places for c in p.counties}
    municipalities = guesses_dropped(text, places)
    guessed = {p.name.lower() for p in places if p.kind == "kommun" and p.name not in municipalities}
    org_docs = {d for n in organisations for d in names.variants[n]}
    # "Vad köpte Region Örebro län av Cykelreturen?": a buyer and a supplier named together ask
    # for what passed between them, when the knowledge base has that
    bought = {d for n in organisations if n in names.buyers for d in names.variants[n]}
    sold = {d for n in organisations if n not in names.buyers for d in names.variants[n]}
    org_docs = (bought & sold) or org_docs
    names_provision = bool(find_refs(text))
    sides = comparison_sides(text)
    if not sides and len(judgments := names.case_mentions(text)) >= 2:
        sides = judgments[:MAX_PARTS]  # "… i RegioPost men inte i Rüffert?" sets two judgments side by side
    # (a buyer named is a place too: "region örebro län sociala företag upphandling?")
    where = bool(places) or any(n in names.buyers for n in organisations)
    intent = detect_intent(
        without_preamble(text), sides, names_provision, bool(places or organisations), where
    )
    if (
        len(sides) >= 2
        and len({names.term_named(s) for s in sides} - {None}) == 1
        and all(map(names.term_named, sides))
    ):
        sides, intent = [], "definition"  # "social upphandling vs socialt hållbar upphandling": one term
    if intent == "permission" and names.term_named(_TERM_FRAME.sub("", re.sub(r"[^\w -]", "", text)).strip()):
        intent = "definition"  # "IOP??", "hur funkar sociala hänsyn egentligen": what a term is
    parts = [text] if intent == "comparison" else split_parts(text)
    # "svenska kommuner" asks for Sweden; "krav på svenska" names a language
    # ... and "utanför Sverige" asks for anywhere but Sweden
    country_words = words_of(re.sub(r"\bpå svenska\b|\butanför sverige\b", " ", text, flags=re.IGNORECASE))
    countries = [c for c, stems in COUNTRIES.items() if has_words(country_words, stems)]
    if ABROAD.search(text.lower()) and re.search(
        r"\beller (andra|övriga)\b|\b(t\.? ?ex|till exempel|exempelvis|som)\b", text, re.I
    ):
        # "från Danmark eller andra EU-länder", "andra EU-länder, t.ex. Frankrike": anywhere abroad
        countries = []
    if has_words(country_words, NORDIC_WORDS):  # "i Norden": our neighbours, not Sweden itself
        countries = list(dict.fromkeys([*countries, *NORDIC]))
    year_from, year_to = years_asked(text)
    buyer_types = buyer_types_named(text, places)
    not_reserved = bool(NOT_RESERVED.search(text))
    if buyer_types == ["samverkan"] and _ANY_THERE.match(text):
        intent = "precedents"  # "nån samverkan mellan flera kommuner kring sociala hänsyn?": are there cases
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
        name_docs=names.find_names(text),
        sectors=detect_sectors(without_names(without_english_it(text), organisations + excluded)),
        objects=objects_asked(without_names(text, organisations + excluded)),
        instruments=[
            i for i in detect_instruments(text, words) if not (not_reserved and i.startswith("reserverad"))
        ],
        social_suppliers=bool(SOCIAL_SUPPLIER_WORDS.search(text)),
        buyer_types=buyer_types,
        countries=countries,
        abroad=bool(ABROAD.search(text.lower())),
        year_from=year_from,
        year_to=year_to,
        names_provision=names_provision,
        guessed_docs={d for n in organisations if n in guessed for d in names.variants[n]},
        in_court=intent == "precedents" and asks_in_court(text),
        suppliers=[n for n in organisations if n not in names.buyers],
        supplier_docs=sold,
        excluded=excluded,
        not_reserved=not_reserved,
    )


# the words around a term asked alone: "hur funkar sociala hänsyn i upphandling egentligen"
_TERM_FRAME = re.compile(
    r"^\s*hur (funkar|fungerar) |\s(i (offentlig )?upphandling(ar|en)?|egentligen|i sverige|rent juridiskt)\b"
    r"|\s(vad (betyder|innebär|är) (det|de|dom|detta)|vad menas( med det)?)\b",  # "sociala hänsyn vad betyder det"
    re.I,
)
NOT_RESERVED = re.compile(
    r"\b(inte|ej|icke)( (var|är|varit|blev))? reserver\w*|\butan (att )?reserver\w*|\bicke-reserver\w*",
    re.IGNORECASE,
)
_ANY_THERE = re.compile(r"^\W*((finns|fins) (det|de) )?(nån|någon|några|något|nåt|ngn|ngt)\b", re.IGNORECASE)

EXCEPT = r"\b(förutom|utom|utöver|bortsett från|(mer|annat|andra|fler|flera|nåt annat|något annat) än|inte)\s+(just\s+|bara\s+)?"
