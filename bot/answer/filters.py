"""What a precedent question filters on: sectors, instruments, buyer types, countries and
years, each found in the question's words (Swedish, with English mixed in) by the vocabularies
below. `analysis` calls these; `precedent_list` and the usefulness benchmark read the results."""

from __future__ import annotations

import re
from functools import cache

from ..knowledge.places import Place
from ..knowledge.refs import find_refs
from ..search.textproc import stem
from .wording import words_of

# Everyday words for each sector and instrument. A word matches when it has the key's Swedish
# stem; a key ending in "*" matches any word that starts with it ("städ*": städning,
# städupphandlingen); "a_b" is the phrase "a b".
SECTOR_WORDS = {
    "städ och lokalvård": "städ* lokalvård* fönsterputs* cleaning",
    "fastighetsskötsel": "fastighetsskötsel* fastighetsservice* fastighetsunderhåll* vaktmästeri* skötselavtal*",
    "bygg och anläggning": "bygg* entreprenad* anläggning* renovering* renoverar* renoverat* renoveras* ombyggnad* nybyggnation* "
    "vägbygge* construction",
    "tvätt": "tvätt* laundry",
    "livsmedel och måltider": "livsmedel* mat matupphandl* matlåd* matkass* matleverans* måltid* kost catering* café* kafé* kafe* fik fiket kaffe* frukt* skolmat* lunch* food",
    "fordon och transport": "fordon* bil bilar bilpool* biltvätt* fordonstvätt* transport* taxi* "
    "färdtjänst* buss* cykel* cyklar skolskjuts* kollektivtrafik*",
    "IT och telefoni": "it it-konsult* datorer dator laptop* bärbara_datorer surfplatt* mobiler mobiltelefon* telefoni* elektronik* programvara* webbplats*",
    "vård och omsorg": "vård omsorg* hemtjänst* äldreomsorg* äldreboende* lss hvb* socialtjänst* sjukvård* "
    "assistans* kvinnojour* stödboende* härbärge* boende",
    "arbetskläder och textil": "arbetskläder* kläder textil* uniform* skyddskläder* handskar* workwear",
    "avfall och återvinning": "avfall* återvinning* sophämtning* återbruk*",
    "park och grönyta": "park parker parkskötsel* parkarbete* grönyt* gräsklippning* trädgård* utemiljö* snöröjning* gaturenhållning*",
    "kontor och tryck": "kontorsmaterial* kontorstjänst* kontorsservice* kontorsmöbler* trycksak* tryckeri* "
    "tryck tryckning* tryckt* kopiering* printing",
    "arbetsmarknadstjänster": "arbetsträning* arbetsmarknadstjänst* arbetsmarknadsinsats* arbetsmarknadsåtgärd* rehabilitering*",
}
INSTRUMENT_WORDS = {
    "sysselsattningskrav": "sysselsättningskrav* sysselsättning långtidsarbetslös* praktik praktikplats* "
    "praktikanter praktikant lärling* arbetsmarknadskrav* sommarjobb* social_return anställa anställer "
    "anställning =jobb =jobben =jobbet",
    "arbetsrattsliga-villkor": "arbetsrättslig* lönevillkor* löner lön semester* arbetstid* kollektivavtal* "
    "lönedumpning* schyssta_villkor schysta_villkor schyssta_arbetsvillkor schysta_arbetsvillkor",
    "socialt-tilldelningskriterium": "tilldelningskriteri* utvärderingskriteri* mervärde* poäng* pluspoäng* extrapoäng* "
    "bonuspoäng* award",
    "sociala-kontraktsvillkor": "uppförandekod* mänskliga_rättigheter ilo leverantörskedja* fairtrade* "
    "kontraktsvillkor* rättvisemärk* rättvis_handel",
    "direktupphandling-socialt-foretag": "direktupphandl* direktköp* direktavrop* köpa_direkt köpt_direkt "
    "köper_direkt köpte_direkt utan_konkurrens utan_konkurrensutsättning utan_att_konkurrensutsätta utan_annonsering",
    "iop": "iop partnerskap*",
    "uteslutning": "uteslut* säga_nej_till_ett_anbud säga_nej_till_anbudet säga_nej_till_deras_anbud stryka_en_leverantör",
    "lov": "valfrihetssystem* lov",
}
# A buyer type filters precedents only when the question asks about such buyers ("vilka
# kommuner", "någon region", "finns det bostadsbolag som"), not when it merely mentions one.
BUYER_TYPE_WORDS = {
    "kommun": r"kommun(er|erna)?|municipalit(y|ies)",
    "region": r"region(er|erna|s)?|landsting(en)?",
    # "en upphandlande myndighet" is any buyer, not a state agency
    "statlig myndighet": r"(statliga? )?(?<!upphandlande )myndighet(er|erna)?|(state |government )?agenc(y|ies)",
    "kommunalt bolag": r"(allmännyttiga |allmännyttigt |kommunala |kommunalt )?(bostadsbolag|fastighetsbolag|energibolag|vattenbolag|avfallsbolag|bolag)(en)?",
}
_BUYER_ASKED = (
    r"\b(vilka|vilken|vilket|någon|nån|ngn|några|något|ngt|nåt|andra|finns det|har|hos|med|exempel på|där|which|any|swedish|in|från (?:en|någon|nån|ngn|några|andra)|(?:köparen|beställaren) "
    r"(?:är|var)) (\w+ ){0,2}(?:PATTERN)\b"
    r"|^\W*(\w+ )?(?:PATTERN)\b[^?]{0,40}\bsom\b"  # "kommunala bolag, t.ex. bostadsbolag, som …"
    r"|\bnär (?:PATTERN) (köper|upphandlar|handlar|beställer)\b"  # "… när regioner köper IT-utrustning"
)
# "flera kommuner som samverkat", "… gått ihop", "en gemensam upphandling": buyers that procured together
_TOGETHER = re.compile(
    r"\b(flera|två|några|olika) (kommuner|regioner|köpare)\b.*\b(samverk|tillsammans|gemensam|(gått|gick|går|slagit sig|slog sig) (ihop|samman))"
    r"|\b(gemensam(ma)?|samordnad(e)?) upphandling|\bupphandla(t|de)? tillsammans\b"
    r"|\bsamverk\w* (mellan|av) (flera |två |några |olika )?(kommuner|regioner)\b"
)
# "köpt tvätt från sociala företag": precedents whose supplier is a (work-integration) social
# enterprise, or whose contract was reserved for one or bought directly from one
SOCIAL_SUPPLIER_WORDS = re.compile(
    r"\b(social(t|a)? ?företag(et|en)?|soc\.? företag(et|en)?|socialföretag\w*|arbetsintegrerande|asf|sociala kooperativ\w*"
    r"|skyddade? verkst\w*|social enterprises?|sheltered workshops?)\b",
    re.IGNORECASE,
)
SOCIAL_SUPPLIER_TYPES = ("social", "arbetsintegrerande", "samhall", "anpassad verksamhet")
SOCIAL_SUPPLIER_INSTRUMENTS = ("reserverad-4-18", "direktupphandling-socialt-foretag")


def from_social_supplier(record: dict) -> bool:
    kind = str(record.get("supplier_type") or "").lower()
    return any(word in kind for word in SOCIAL_SUPPLIER_TYPES) or bool(
        set(record.get("instrument") or []) & set(SOCIAL_SUPPLIER_INSTRUMENTS)
    )


COUNTRIES = {
    "Frankrike": "frankrike franska fransk",
    "Spanien": "spanien spanska spansk",
    "Italien": "italien italienska italiensk",
    "Tyskland": "tyskland tyska tysk",
    "Finland": "finland finska finsk",
    "Danmark": "danmark danska dansk",
    "Norge": "norge norska norsk",
    "Island": "island isländska isländsk",
    "Belgien": "belgien belgiska belgisk",
    "Nederländerna": "nederländerna holland nederländska holländska",
    "Irland": "irland irländska irländsk",
    "Polen": "polen polska polsk",
    "Portugal": "portugal portugisiska",
    "Österrike": "österrike österrikiska",
    # (not "engelska": "svara på engelska" names a language, not where a case is)
    "Storbritannien": "storbritannien england brittisk brittiska skottland skotsk skotska wales walesisk uk britain",
    "Sverige": "sverige svensk svenska svenskt sweden swedish",
}
NORDIC = ("Danmark", "Finland", "Norge", "Island")
NORDIC_WORDS = "norden nordiska nordisk nordic"
ABROAD = re.compile(
    r"\b(andra (eu-)?länder|eu-länder|eu-land|eu-exempel|utomlands|i europa|europeiska|utländska|other (eu )?countries|eu countries|abroad|in europe"
    r"|(i|inom|från|ute i) eu|andra länder i eu|utanför (sverige|landet|sveriges gränser))\b"
)


def has_words(words: list[str], keys: str) -> bool:
    """Does the text hold one of the keys (see SECTOR_WORDS for how keys match)?"""
    phrases, prefixes, exact, key_stems = _vocabulary(keys)
    if exact.intersection(words) or (prefixes and any(w.startswith(prefixes) for w in words)):
        return True
    if phrases and any(phrase in f" {' '.join(words)} " for phrase in phrases):
        return True
    return bool(key_stems) and any(stem(w) in key_stems for w in words)


@cache
def _vocabulary(keys: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]:
    """A vocabulary's keys sorted by how they match: phrases, prefixes, whole words, stems."""
    phrases, prefixes, exact, key_stems = [], [], set(), set()
    for key in keys.split():
        if "_" in key:
            phrases.append(f" {key.replace('_', ' ')} ")
        elif key.endswith("*"):
            prefixes.append(key[:-1])
        elif key.startswith("="):
            exact.add(key[1:])
        else:
            exact.add(key)
            key_stems.add(stem(key))
    return tuple(phrases), tuple(prefixes), frozenset(exact), frozenset(key_stems)


# "i regionernas upphandlingar": the plural genitive asks about that kind of buyer by itself
_THEIR = {
    "kommun": r"kommunernas",
    "region": r"regionernas|landstingens",
    "statlig myndighet": r"myndigheternas",
    "kommunalt bolag": r"(bostads|fastighets)?bolagens",
}


def buyer_types_asked(text: str) -> list[str]:
    lowered = text.lower()
    if _TOGETHER.search(lowered):
        return ["samverkan"]
    return [
        kind
        for kind, pattern in BUYER_TYPE_WORDS.items()
        if re.search(_BUYER_ASKED.replace("PATTERN", pattern), lowered)
        or re.search(rf"\b({_THEIR[kind]})\b", lowered)
    ]


def buyer_types_named(text: str, places: list[Place]) -> list[str]:
    """The buyer types asked about, with the one a named region gives: "Region Uppsala, finns
    nåt dokumenterat?" asks about the region ("i Region Skåne" is only where)."""
    buyer_types = buyer_types_asked(text)
    lowered = text.lower()
    for place in places:
        name = re.escape(place.name.lower())
        if place.kind == "region" and re.search(rf"(?<!\bi )(?<!\binom )\b{name}\b", lowered):
            buyer_types.append("region")
    return list(dict.fromkeys(buyer_types))


def the_municipality(text: str, place: Place) -> bool:
    """Does the question name the municipality as a buyer ("Örebro kommun", "Malmö stad")? Its
    own precedents and its companies' then come before the region's in its seat."""
    return bool(re.search(rf"\b{re.escape(place.name.lower())}s? (kommun|stad)\b", text.lower()))


def detect_sectors(words: list[str]) -> list[str]:
    found = [sector for sector, stems in SECTOR_WORDS.items() if has_words(words, stems)]
    # "IT-återbruk", "IT-återvinning", "återbruk av datorer": reuse of IT is what was bought
    # (Oslo's computers), not any reuse (furniture), unless waste is named apart from it
    apart = [
        w
        for n, w in enumerate(words)
        if not w.startswith("återbruk") and not (w.startswith("återvinn") and n and words[n - 1] == "it")
    ]
    if (
        WASTE in found
        and IT in found
        and IT_REUSE.search(" ".join(words))
        and not has_words(apart, SECTOR_WORDS[WASTE])
    ):
        found.remove(WASTE)
    return found


IT, WASTE = "IT och telefoni", "avfall och återvinning"
IT_REUSE = re.compile(
    r"\b(it|dator\w*|telefon\w*|mobil\w*)[- ]?(återbruk|återvinn)|\b(återbruk|återvinn)\w* av (it|dator|telefon|mobil)"
)


# Things bought that name less than their sector ("cykelreparationer" is not every vehicle
# contract): a precedent whose title, tags or suppliers name one is what was asked for.
OBJECT_WORDS = (
    "cykel biltvätt fordonstvätt bilvård taxi färdtjänst skolskjuts frukt kaffe fönsterputs möbel möbler "
    "handskar snöröjning gräsklippning kvinnojour tjejjour kafé café äldreomsorg äldreboende "
    # things bought that no precedent names yet: a lookup for them is told so, not given others
    "bevakning väktar vaktbolag flyttjänst flyttfirm flytthjälp budtransport budtjänst budbil"
).split()
# ... unless they only illustrate ("IOP, t.ex. kvinnojourer") or a broader word is asked too
# ("biltvätt eller fordonsvård")
_FOR_INSTANCE = re.compile(r"\b(t\.? ?ex|typ|till exempel|bland annat|eller liknande|eller andra)\b")


# ... and the forms of them that do not start with the key ("cyklar", "cyklarna")
_OBJECT_FORMS = {"cykl": "cykel"}


def _object_of(word: str) -> str | None:
    """The object a word names, at its start or as the last part of a compound
    ("tjänstecyklar", "kontorsmöbler")."""
    for form, key in _OBJECT_FORMS.items():
        if word.startswith(form) or form in word[3:]:
            return key
    return next((key for key in OBJECT_WORDS if word.startswith(key) or key in word[3:]), None)


# "återbrukade", "begagnad", "renoverat": a participle or adjective before the thing
_ADJECTIVE_ENDINGS = ("ade", "ad", "at", "ande", "ende", "da", "de", "ta", "te")


def objects_asked(words: list[str]) -> list[str]:
    objects = list(dict.fromkeys(key for w in words if (key := _object_of(w))))
    # "kvinnojourer eller skyddat boende": a sheltered home is as narrow as a women's shelter
    narrowed = {
        n for n, w in enumerate(words[1:], 1) if w.startswith("boende") and words[n - 1].startswith("skydd")
    }
    # ... and a sector's word that only describes the thing ("återbrukade möbler") is not broader
    describes = {
        n for n, w in enumerate(words[:-1]) if w.endswith(_ADJECTIVE_ENDINGS) and _object_of(words[n + 1])
    }
    broader = [
        w
        for n, w in enumerate(words)
        if n not in narrowed | describes and not _object_of(w) and detect_sectors([w])
    ]
    return [] if broader or _FOR_INSTANCE.search(" ".join(words)) else objects


# Things bought that go by several names: a precedent tagged "biltvätt" is one of "fordonstvätt"
SAME_OBJECT = (
    {"biltvätt", "fordonstvätt", "bilvård"},
    {"möbel", "möbler"},
    {"väktar", "bevakning", "vaktbolag"},
    {"kafé", "café"},
    {"äldreomsorg", "äldreboende", "hemtjänst"},  # elderly care: a home or care at home
)


def names_object(record: dict, objects: list[str]) -> bool:
    text = " ".join(
        [record.get("title") or "", *(record.get("tags") or []), *(record.get("suppliers") or [])]
    ).lower()
    keys = set(objects).union(*(same for same in SAME_OBJECT if same & set(objects)))
    return any(key in text for key in keys)


_OUTCOME = re.compile(
    r"\b(hur många|fick|fått|gav|ledde|blev det|resulterade)\b[^?.]{0,25}\b(jobb|jobben|jobbet|anställning)\b",
    re.IGNORECASE,
)


# Welfare services by their everyday names ("ett HVB-uppdrag", "daglig verksamhet enligt LSS")
WELFARE_WORDS = frozenset({"hvb", "lss", "hemtjänst", "hemtjänsten"})


def detect_instruments(text: str, words: list[str]) -> list[str]:
    found = []
    reserve = any(w.startswith(("reserver", "reservation")) or w == "reserved" for w in words)
    keys = {k for ref in find_refs(text) for k in ref.query_keys()}
    if reserve or keys & {"ref:lou:4:18", "ref:lou:19:25a", "ref:lou:19:25"}:
        if "ref:lou:19:25a" in keys or any(w.startswith("idéburn") for w in words):
            found.append("reserverad-19-25a")
        elif "ref:lou:19:25" in keys or any(w.startswith("välfärd") or w in WELFARE_WORDS for w in words):
            found.append("reserverad-19-25")
        elif "ref:lou:4:18" in keys:  # "vilka har använt 4 kap. 18 §?": that paragraph, not 19 kap.
            found.append("reserverad-4-18")
        else:
            found.append("reserverad")
    words = [w for w in words if w != "praktiken"]  # "i praktiken": in practice
    if _OUTCOME.search(text):  # "hur många fick jobb?" asks what came of it, not for the requirement
        words = [w for w in words if w not in ("jobb", "jobben", "jobbet", "anställning")]
    for instrument, keys in INSTRUMENT_WORDS.items():
        if has_words(words, keys):
            found.append(instrument)
    if FAIR_GOODS.search(text):  # (of the supply chain's workers, not the supplier's staff here)
        found = [i for i in found if i != "arbetsrattsliga-villkor"]
        found += [] if "sociala-kontraktsvillkor" in found else ["sociala-kontraktsvillkor"]
    if "uteslutning" in found:  # "uteslutits pga arbetsrättsliga brott": the breaches are the ground
        found = [i for i in found if i != "arbetsrattsliga-villkor"]
    if "socialt-tilldelningskriterium" in found and _REWARDS.search(text):
        # "tilldelningskriterier som gett poäng för praktikplatser": the jobs are what the
        # criterion rewards, not a requirement of their own
        found = [i for i in found if i != "sysselsattningskrav"]
    return found


# "schyssta villkor för kaffe eller bananer": fair conditions where goods are made, asked of the
# supply chain (contract conditions on human rights), not of the supplier's staff here
_GOODS = (
    r"(kaffe|te|bananer|kakao|choklad|frukt|livsmedel|kläder|textil\w*|arbetskläder|skor|datorer|mobiler"
    r"|it-utrustning|elektronik|leverantörsked\w*|odlare|bönder|fabrik\w*|import\w*)"
)
_FAIR = r"(schyss?ta|rättvisa|etiska|mänskliga|goda) (arbets)?villkor(en)?"
FAIR_GOODS = re.compile(
    rf"\b{_FAIR}\b[^?.]{{0,40}}\b{_GOODS}\b|\b{_GOODS}\b[^?.]{{0,30}}\b{_FAIR}\b", re.IGNORECASE
)


# "poäng för", "poäng i utvärderingen för att …"
_REWARDS = re.compile(
    r"\b(poäng|pluspoäng|extrapoäng|mervärde|bonus)\w*\s+(i\s+\w+\s+)?(för|om|till)\b"
    # "viktat anställning av arbetslösa i utvärderingen": the hiring is what the evaluation weighs
    r"|\b(viktat|viktar|vikta|viktade|värderat|värderar|värdera)\b[^?]{0,40}\b(utvärdering\w*|tilldelning\w*)\b",
    re.IGNORECASE,
)


def years_asked(text: str) -> tuple[int | None, int | None]:
    span = re.search(r"\b(19[9]\d|20[0-4]\d)\s*(?:[–-]|till|och)\s*(19[9]\d|20[0-4]\d)\b", text)
    if span:  # "2015–2018", "mellan 2015 och 2018"
        return int(span.group(1)), int(span.group(2))
    years = [int(y) for y in re.findall(r"\b(?:19[9]\d|20[0-4]\d)\b", text)]
    if not years:
        return None, None
    year = years[0]
    if re.search(rf"\b{year}\s+(och|eller)\s+(tidigare|bakåt|före|äldre)\b", text, re.I):
        return None, year
    if re.search(rf"\b(efter|after)\s+{year}\b", text, re.I):
        return year + 1, None
    if re.search(
        rf"\b(sedan|sen|since|from|fr\.?\s?o\.?\s?m\.?|från och med|från)\s+{year}\s*(och|eller)?\s*(framåt|senare|nyare|onwards)\b"
        rf"|\b(sedan|sen|since|fr\.?\s?o\.?\s?m\.?|från och med)\s+{year}\b|\b{year}\s+(och|eller)\s+(framåt|senare|efter|nyare)\b",
        text,
        re.I,
    ):
        return year, None
    if re.search(rf"\b(före|innan|before)\s+{year}\b", text, re.I):
        return None, year - 1
    if re.search(rf"\b(till|fram till|until|to)\s+{year}\b", text, re.I):
        return None, year
    # "exempel från 2021" is that year, not "2021 and later"
    return year, year


def without_names(text: str, organisations: list[str]) -> list[str]:
    """The words of a text but the organisations it names: "Cykelreturen" names a supplier, not
    the vehicle sector."""
    for name in organisations:
        text = re.sub(rf"\b{re.escape(name)}\w*", " ", text, flags=re.IGNORECASE)
    return words_of(text)
