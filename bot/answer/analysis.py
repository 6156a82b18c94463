"""Question analysis: what a question asks for, in which parts, about which places and sectors.

Pure functions over the question text (Swedish, often with English mixed in) and a `Names`
index of the organisations the precedents mention. The composer uses the result to decide how
to answer: one block, one per part of a compound question, one per side of a comparison, or a
list of precedents filtered by place, sector, instrument, buyer type and year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..knowledge.places import Place, find_places
from ..knowledge.precedents import RESERVATIONS
from ..knowledge.refs import find_refs
from ..search.textproc import stem

INTENTS = ("permission", "how-to", "comparison", "precedents", "definition", "provision")
MAX_PARTS = 3

# Everyday words for each sector and instrument. A word matches when it has the key's Swedish
# stem; a key ending in "*" matches any word that starts with it ("städ*": städning,
# städupphandlingen); "a_b" is the phrase "a b".
SECTOR_WORDS = {
    "städ och lokalvård": "städ* lokalvård* fönsterputs* cleaning",
    "fastighetsskötsel": "fastighetsskötsel* fastighetsservice* fastighetsunderhåll* vaktmästeri* skötselavtal*",
    "bygg och anläggning": "bygg* entreprenad* anläggning* renovering* ombyggnad* nybyggnation* "
    "vägbygge* construction",
    "tvätt": "tvätt* laundry",
    "livsmedel och måltider": "livsmedel* mat måltid* kost catering* café* kaffe* frukt* skolmat* lunch* food",
    "fordon och transport": "fordon* bil bilar bilpool* biltvätt* fordonstvätt* transport* taxi* "
    "färdtjänst* buss* cykel* cyklar skolskjuts* kollektivtrafik*",
    "IT och telefoni": "it it-konsult* datorer dator mobiltelefon* telefoni* elektronik* programvara* webbplats*",
    "vård och omsorg": "vård omsorg* hemtjänst* äldreomsorg* äldreboende* lss hvb* socialtjänst* sjukvård* "
    "assistans* kvinnojour* stödboende* härbärge* boende",
    "arbetskläder och textil": "arbetskläder* kläder textil* uniform* skyddskläder* handskar* workwear",
    "avfall och återvinning": "avfall* återvinning* sophämtning* återbruk*",
    "park och grönyta": "park parker grönyt* gräsklippning* trädgård* utemiljö* snöröjning* gaturenhållning*",
    "kontor och tryck": "kontorsmaterial* trycksak* tryckeri* kontorsmöbler*",
    "arbetsmarknadstjänster": "arbetsträning* arbetsmarknadstjänst* rehabilitering*",
}
INSTRUMENT_WORDS = {
    "sysselsattningskrav": "sysselsättningskrav* sysselsättning långtidsarbetslös* praktik praktikplats* "
    "praktikanter praktikant lärling* arbetsmarknadskrav* sommarjobb* social_return anställa anställer "
    "anställning =jobb =jobben =jobbet",
    "arbetsrattsliga-villkor": "arbetsrättslig* lönevillkor* löner lön semester* arbetstid* kollektivavtal* "
    "lönedumpning*",
    "socialt-tilldelningskriterium": "tilldelningskriteri* utvärderingskriteri* mervärde* award",
    "sociala-kontraktsvillkor": "uppförandekod* mänskliga_rättigheter ilo leverantörskedja* fairtrade* "
    "kontraktsvillkor*",
    "direktupphandling-socialt-foretag": "direktupphandl*",
    "iop": "iop partnerskap*",
    "uteslutning": "uteslut*",
    "lov": "valfrihetssystem* lov",
}
# A buyer type filters precedents only when the question asks about such buyers ("vilka
# kommuner", "någon region", "finns det bostadsbolag som"), not when it merely mentions one.
BUYER_TYPE_WORDS = {
    "kommun": r"kommun(er|erna)?",
    "region": r"region(er|erna)?|landsting(en)?",
    "statlig myndighet": r"(statliga? )?myndighet(er|erna)?",
    "kommunalt bolag": r"(allmännyttiga |kommunala )?(bostadsbolag|fastighetsbolag|bolag)(en)?",
}
_BUYER_ASKED = (
    r"\b(vilka|vilken|vilket|någon|nån|ngn|några|något|andra|finns det|har|hos) (\w+ )?(?:PATTERN)\b"
)
COUNTRIES = {
    "Frankrike": "frankrike franska fransk",
    "Spanien": "spanien spanska spansk",
    "Italien": "italien italienska italiensk",
    "Tyskland": "tyskland tyska tysk",
    "Finland": "finland finska finsk",
    "Danmark": "danmark danska dansk",
    "Norge": "norge norska norsk",
    "Belgien": "belgien belgiska belgisk",
    "Nederländerna": "nederländerna holland nederländska holländska",
    "Irland": "irland irländska irländsk",
    "Polen": "polen polska polsk",
    "Portugal": "portugal portugisiska",
    "Österrike": "österrike österrikiska",
    "Sverige": "sverige",
}
ABROAD = re.compile(
    r"\b(andra (eu-)?länder|eu-länder|utomlands|i europa|europeiska|utländska|other countries)\b"
)

_PRECEDENT = re.compile(
    r"\b(exempel|examples?|vilka (kommuner|regioner|myndigheter|bostadsbolag|köpare|organisationer)"
    r"|har (någon|nån|några|ngn|andra) (kommun|region|myndighet|bostadsbolag|köpare|annan|gjort|reserverat|använt)"
    r"|hur (gjorde|har) [A-ZÅÄÖ]|hur gjorde|finns det (några|nån|någon)? ?(kommuner|regioner|fall)"
    r"|andra kommuner|erfarenhet(er)? av|case|prejudikat på|goda exempel|lyckade"
    r"|hur (jobbar|arbetar|har) [\w ]{0,25}(kommuner|regioner|städer|myndigheter|bostadsbolag)"
    r"|hur gick det (för|när|i|med) )",
    re.IGNORECASE,
)
# "någon kommun som reserverat", "vilka allmännyttiga bostadsbolag har ställt krav": a question
# about buyers (or contracts) in the past tense asks for precedents.
_ASKS_ABOUT_BUYERS = re.compile(
    r"\b(vilka|vilken|någon|några|nån|ngn|något|andra)\s+(\w+\s+){0,2}(kommun(er)?|region(er)?|myndighet(er)?|"
    r"bostadsbolag|köpare|städer|organisationer|upphandlingar|kontrakt|avtal)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(har|hade|som)\b(\s+\w+){0,3}?\s+\w+(at|it|tt|ts|ats|its|ort|ått)\b|\b(gjort|gjorts|fått|ställt|"
    r"använt|reserverat|infört|köpt|upphandlat|genomfört|testat|provat|lyckats)\b",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"\b(skillnad(en|er)?|jämför|jämfört med|versus|vs\.?|kontra|eller\b.*\b(bäst|passar|smidigast|"
    r"bättre|välja|väljer|föredra|rekommender|ska vi (köra|ha|välja|använda))|(bäst|passar bäst|smidigast|"
    r"bättre)\b.*\beller\b|what.?s the difference|skiljer|\bbåda\b|\bbägge\b"
    r"|\b(ska|bör) (vi|man) (ha|köra|välja|använda|ta|satsa på)\b.*\beller\b(?! (inte|något|nåt|så|liknande|motsvarande)\b))",
    re.IGNORECASE,
)
_HOW_TO = re.compile(
    r"\b(hur (?!mycket|många|länge|stor|ofta|lång|gammal)[a-zåäö]+ (vi|man|jag|ni)\b|hur går (vi|man) till väga"
    r"|vad ska (vi|man) tänka på|steg för steg|how (do|can|should) (we|i)|tips på hur|checklista)",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"^\W*(vad (är|betyder|menas med|innebär|heter)|vad är det för|what is|what does|förklara|define)\b",
    re.IGNORECASE,
)
_PERMISSION = re.compile(
    r"\b(får (vi|man|jag|kommunen|regionen|ni)|kan (vi|man|jag|kommunen|regionen)|måste (vi|man|jag|"
    r"kommunen|regionen)|ska (vi|man)|behöver (vi|man)|är (det|vi) (ok|okej|tillåtet|lagligt|förbjudet|"
    r"olagligt|skyldiga|tvungna)|can we|may we|must we|do we have to|is it (ok|allowed|legal))",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^(och |samt |men |om inte,? |dessutom |också )?(måste|får|kan|ska|hur|vad|vem|vilka|vilken|vilket|"
    r"är|gäller|behöver|finns|när|var|vart|varför)\b",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(
    r",? (?:och|samt|men) (?=(?:måste|får|kan|ska|hur|vad|vem|vilka|gäller|behöver|"
    r"är det|finns det|om)\b)|\. (?=[A-ZÅÄÖ])|(?<=\?)\s*",
    re.IGNORECASE,
)
_SIDE_FRAME = re.compile(
    r"^\W*(vad är |vad blir )?(skillnaden|skillnad) (mellan|på) |^(ska vi|bör vi|kan vi|vill vi|välja|"
    r"välj|köra|ha|använda|ska vi köra|ska vi ha|ska vi välja|ska vi använda|som|en|ett|att|med|"
    r"vad passar bäst|vad är bäst|vad skiljer|skiljer|sig|ett|en)\b\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[0-9a-zåäöéü:-]+", re.IGNORECASE)


@dataclass(frozen=True)
class Names:
    """Organisations the precedents name (buyers and suppliers), each with its precedent ids."""

    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lower-case name -> doc ids

    @classmethod
    def from_records(cls, records: list[dict]) -> Names:
        out: dict[str, set[str]] = {}
        for record in records:
            names = [record.get("buyer") or "", record.get("municipality") or ""]
            for name in names + list(record.get("suppliers") or []):
                for variant in name_variants(name):
                    out.setdefault(variant.lower(), set()).add(record["id"])
        return cls({k: tuple(sorted(v)) for k, v in out.items()})

    def find(self, text: str) -> list[str]:
        """Names the text mentions, longest first, each only once."""
        if not self.variants:
            return []
        found: list[str] = []
        for match in self._pattern.finditer(text.lower()):
            name = match.group(1)
            if not any(name in longer for longer in found):
                found.append(name)
        return found

    @cached_property
    def _pattern(self) -> re.Pattern:
        names = sorted(self.variants, key=len, reverse=True)
        return re.compile(rf"(?<![\wåäö])({'|'.join(re.escape(n) for n in names)})s?(?![\wåäö])")


GENERIC_NAMES = frozenset(
    "region kommun kommune stad stadsmission stadsmissionen reform iss rfsl rfsu abf jobb ideell förening "
    "upphandlingscenter".split()
)


def name_variants(name: str) -> list[str]:
    """ "Halmstads Fastighets AB (HFAB)" -> Halmstads Fastighets AB, Halmstads Fastighets, HFAB."""
    abbreviations = re.findall(r"\(([A-ZÅÄÖ]{2,6})\)", name)
    core = re.split(r"\s*[(–,]|\s+genom\s+|\s+och\s+|\s+vid\s+|\s+för\s+", name)[0].strip()
    variants = {core, *abbreviations}
    trimmed = re.sub(r"\s+(AB|Oy|kommun|kommune|stad|Stad|Kommune)$", "", core).strip()
    variants.add(trimmed)
    if re.search(r"\s(kommun|stad|Stad)$", core) and trimmed.endswith("s") and len(trimmed) > 4:
        variants.add(trimmed[:-1])  # "Göteborgs Stad" -> Göteborg
    return [v for v in variants if len(v) >= 3 and v.lower() not in GENERIC_NAMES]


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
    sectors: list[str]
    instruments: list[str]
    buyer_types: list[str]
    countries: list[str]
    abroad: bool
    year_from: int | None
    year_to: int | None
    names_provision: bool

    @property
    def compound(self) -> bool:
        return len(self.parts) > 1

    def precedent_filter(self) -> dict:
        """The filter a precedent lookup asks for (keys as in the usefulness rubric)."""
        wanted: dict = {}
        if self.counties:
            wanted["counties"] = sorted(self.counties)
        if self.municipalities:
            wanted["municipalities"] = list(self.municipalities)
        if self.sectors:
            wanted["sectors"] = list(self.sectors)
        if self.instruments:
            wanted["instruments"] = list(self.instruments)
        if self.buyer_types:
            wanted["buyer_types"] = list(self.buyer_types)
        if self.countries:
            wanted["countries"] = list(self.countries)
        if self.abroad:
            wanted["abroad"] = True
        if self.year_from:
            wanted["year_from"] = self.year_from
        if self.year_to:
            wanted["year_to"] = self.year_to
        return wanted


def _has(words: list[str], keys: str) -> bool:
    """Does the text hold one of the keys (see SECTOR_WORDS for how keys match)?"""
    text = f" {' '.join(words)} "
    stems = {stem(w) for w in words}
    for key in keys.split():
        if "_" in key:
            if f" {key.replace('_', ' ')} " in text:
                return True
        elif key.endswith("*"):
            if any(w.startswith(key[:-1]) for w in words):
                return True
        elif key.startswith("="):
            if key[1:] in words:
                return True
        elif key in words or stem(key) in stems:
            return True
    return False


def buyer_types_asked(text: str) -> list[str]:
    lowered = text.lower()
    return [
        kind
        for kind, pattern in BUYER_TYPE_WORDS.items()
        if re.search(_BUYER_ASKED.replace("PATTERN", pattern), lowered)
    ]


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def detect_sectors(words: list[str]) -> list[str]:
    return [sector for sector, stems in SECTOR_WORDS.items() if _has(words, stems)]


def detect_instruments(text: str, words: list[str]) -> list[str]:
    found = []
    reserve = any(w.startswith(("reserver", "reservation")) or w == "reserved" for w in words)
    keys = {k for ref in find_refs(text) for k in ref.query_keys()}
    if reserve or keys & {"ref:lou:4:18"}:
        if "ref:lou:19:25a" in keys or any(w.startswith("idéburn") for w in words):
            found.append("reserverad-19-25a")
        elif "ref:lou:19:25" in keys or any(w.startswith("välfärd") for w in words):
            found.append("reserverad-19-25")
        else:
            found.append("reserverad")
    words = [w for w in words if w != "praktiken"]  # "i praktiken": in practice
    for instrument, keys in INSTRUMENT_WORDS.items():
        if _has(words, keys):
            found.append(instrument)
    return found


def detect_intent(text: str, sides: list[str], names_provision: bool, has_place_or_org: bool) -> str:
    if _PRECEDENT.search(text) or (has_place_or_org and re.search(r"\bhur (gjorde|har)\b", text, re.I)):
        return "precedents"
    if _ASKS_ABOUT_BUYERS.search(text) and _PAST.search(text):
        return "precedents"
    if sides:
        return "comparison"
    if _HOW_TO.search(text):
        return "how-to"
    if _DEFINITION.search(text) and len([w for w in words_of(text) if len(w) > 2]) <= 8:
        return "definition"
    if names_provision and not _PERMISSION.search(text):
        return "provision"
    return "permission"


def part_intent(text: str) -> str:
    """The prior for one part of a compound question."""
    lowered = text.lower()
    if re.search(r"\bhur (gör|går|följer|ska|kollar|kontrollerar)\b", lowered):
        return "how-to"
    if re.match(r"^\W*(vad (är|betyder|menas))\b", lowered):
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
        asks = bool(_QUESTION_START.search(piece))
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
    "A, B eller C", "A vs B", "A jämfört med B". Empty when the question compares nothing."""
    if not _COMPARISON.search(text):
        return []
    clauses = re.split(r"\s+[–-]\s+|[?:;]\s*", text)
    for clause in clauses:
        between = re.search(r"skillnad(?:en|er)? (?:mellan|på) (.+)", clause, re.I)
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


def _clean_sides(raw: list[str]) -> list[str]:
    out = []
    for side in raw:
        side = side.strip(" ,.?!")
        for _ in range(3):
            side = _SIDE_FRAME.sub("", side).strip()
        if len(side) >= 2 and words_of(side):
            out.append(side)
    return out[:MAX_PARTS] if len(out) >= 2 else []


def _years(text: str) -> tuple[int | None, int | None]:
    years = [int(y) for y in re.findall(r"\b(?:19[9]\d|20[0-4]\d)\b", text)]
    if not years:
        return None, None
    year = years[0]
    if re.search(rf"\b(efter|after)\s+{year}\b", text, re.I):
        return year + 1, None
    if re.search(rf"\b(sedan|från|since|from)\s+{year}\b", text, re.I):
        return year, None
    if re.search(rf"\b(före|innan|before)\s+{year}\b", text, re.I):
        return None, year - 1
    if re.search(rf"\b(till|fram till|until|to)\s+{year}\b", text, re.I):
        return None, year
    return year, year


def analyse(question: str, names: Names | None = None) -> Analysis:
    """Everything the composer needs to know about a question, from the text alone."""
    text = " ".join(question.split())
    words = words_of(text)
    names = names or Names()
    places = [p for p in find_places(text)]
    counties = {c for p in places for c in p.counties}
    municipalities = [p.name for p in places if p.kind == "kommun"]
    organisations = names.find(text)
    org_docs = {d for n in organisations for d in names.variants[n]}
    names_provision = bool(find_refs(text))
    sides = comparison_sides(text)
    intent = detect_intent(text, sides, names_provision, bool(places or organisations))
    parts = [text] if intent in ("comparison", "precedents") else split_parts(text)
    countries = [c for c, stems in COUNTRIES.items() if _has(words, stems)]
    year_from, year_to = _years(text)
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
        sectors=detect_sectors(words),
        instruments=detect_instruments(text, words),
        buyer_types=buyer_types_asked(text),
        countries=countries,
        abroad=bool(ABROAD.search(text.lower())),
        year_from=year_from,
        year_to=year_to,
        names_provision=names_provision,
    )


def precedent_matches(record: dict, analysis: Analysis) -> bool:
    """Does a precedent match every filter the question states?"""
    from ..knowledge.places import county_of

    country = record.get("country") or "Sverige"
    if analysis.counties:
        county = record.get("county") or county_of(record.get("municipality") or "")
        if county not in analysis.counties and record["id"] not in analysis.organisation_docs:
            return False
    if analysis.municipalities and record["id"] not in analysis.organisation_docs:
        place = {m.lower() for m in analysis.municipalities}
        municipality = (record.get("municipality") or "").lower()
        if municipality not in place and not any(m in record["buyer"].lower() for m in place):
            return False
    if analysis.organisations and not analysis.places and record["id"] not in analysis.organisation_docs:
        return False
    if analysis.sectors and not set(analysis.sectors) & set(record.get("sector", [])):
        return False
    if analysis.instruments:
        have = set(record.get("instrument", []))
        wanted = {i for i in analysis.instruments if i != "reserverad"}
        if "reserverad" in analysis.instruments:
            if not have & set(RESERVATIONS):
                return False
        elif wanted and not wanted & have:
            return False
    if analysis.buyer_types and record.get("buyer_type") not in analysis.buyer_types:
        return False
    if analysis.countries and country not in analysis.countries:
        return False
    if analysis.abroad and country == "Sverige":
        return False
    if analysis.year_from and not (record.get("year") and record["year"] >= analysis.year_from):
        return False
    return not (analysis.year_to and not (record.get("year") and record["year"] <= analysis.year_to))
