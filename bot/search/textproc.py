"""Swedish tokenising and stemming for the lexical index and query expansion."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..knowledge.refs import find_refs
from .chat_phrases import CHAT_PHRASES

# Function words and modal verbs that carry no topic ("får vi ...", "kan man ..."), the
# colloquial ones and abbreviations people type in chat ("typ", "dom", "nån", "mkt"), the verbs
# and nouns of a question's frame ("vilka regler gäller för …", "vad betyder …"), and English
# function words.
STOPWORDS = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett han men var vart jag sig från
    vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skall hur
    alla detta dem då här någon några något någonting nånting kanske sina vara vilka vilken vilket vad än bara mycket blir
    ha hade kunna måste får få deras dess denna dessa mig min mitt mina oss vår vårt våra er
    ni du dig din ditt dina utan ut upp över sedan ju väl nog även samt bl.a. t.ex. etc
    typ dom nån nåt nåns sånt sån sådan sådant sådana liksom alltså asså egentligen verkligen
    ok okej hej tack ens väl ju sen mkt ngn ngt ngr iaf osv dvs ba snälla undrar såna
    heter gäller gälla gällande finns fanns gör göra gjort gjorde vill ville behöver brukar
    kommer funkar fungerar menas betyder innebär regel regler snack snackas prat pratas
    the a an of to in is are can we our for and or what how do does have has be it this that
    on with when if us you your any there their they which who may must should would
    """.split()
)
_WORD = re.compile(r"[0-9a-zåäöéüæø]+(?:-[0-9a-zåäöéüæø]+)*", re.IGNORECASE)
_stemmer = snowballstemmer.stemmer("swedish")


_FOLD = str.maketrans("åäöéüæø", "aaoeuao")


def fold(text: str) -> str:
    """Drop Swedish diacritics ("välfärd" -> "valfard"): for matching words typed without them.
    Only a fallback: folding everything would make "städ" (cleaning) and "stad" (city) one word."""
    return text.translate(_FOLD)


_FOLDED_STOPWORDS = frozenset(fold(w) for w in STOPWORDS)


# Snowball conflates a few words that matter here: "billigast" -> "bil" (as in car); and keeps
# apart some it should not: "dyrt" and "dyrare" ("blir det dyrt med sysselsättningskrav?").
STEM_OVERRIDES = {"billig": "billig", "dyrt": "dyr", "dyra": "dyr"}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball's Swedish stem, with a few domain overrides."""
    for prefix, fixed in STEM_OVERRIDES.items():
        if word.startswith(prefix):
            return fixed
    return _stemmer.stemWord(word)


# How people type in chat, and the English they mix in, mapped to the words the files use.
CHAT_WORDS = {
    "e": "är",
    "va": "vara",
    "dom": "de",
    "mkt": "mycket",
    "ngn": "någon",
    "ngt": "något",
    "ngr": "några",
    "nån": "någon",
    "nåt": "något",
    "sysskrav": "sysselsättningskrav",
    "sysskraven": "sysselsättningskraven",
    "kolla": "kontrollera",
    # "reservera städ åt samhall": cleaning, in the files' word ("städ" alone is read as an anvil)
    "städ": "städning",
    # "behöver leverantören visa lönespecar": the payslips, in the files' word
    "lönespec": "lönebesked",
    "lönespecar": "lönebesked",
    "lönespecen": "lönebesked",
    "lönespecarna": "lönebeskeden",
    "lönespecifikationer": "lönebesked",
    # "en upphandling på 500 000 kr": amounts as the files write them
    "kr": "kronor",
    "sek": "kronor",
    # "kan vi straffa en leverantör som …": the sanctions a contract has, in the files' word
    "straffa": "ge vite",
    "bestraffa": "ge vite",
    # "kan vi kräva ngt schysst när vi köper kaffe": fair trade ("schyssta villkor" is read as a phrase)
    "schysst": "rättvist",
    "schyst": "rättvist",
    "soc": "sociala",
    "upph": "upphandling",
    "lev": "leverantör",
    "levs": "leverantörs",
    "require": "kräva",
    "requirement": "krav",
    "requirements": "krav",
    "allowed": "tillåtet",
    "procurement": "upphandling",
    "tender": "anbud",
    "tenders": "anbud",
    "supplier": "leverantör",
    "suppliers": "leverantörer",
    "contract": "avtal",
    "contractor": "leverantör",
    "reserve": "reservera",
    "reserved": "reserverad",
    "employment": "sysselsättning",
    "local": "lokala",
    "cheapest": "billigaste",
    "modersmål": "språkkrav",  # "… har svenska som modersmål": a requirement on language
    "laptop": "it-produkter",
    "laptops": "it-produkter",
    "price": "pris",
    "wages": "löner",
    "salary": "lön",
    "enterprise": "företag",
    "enterprises": "företag",
    "company": "företag",
    "companies": "företag",
    "exclude": "utesluta",
    "cleaning": "städning",
    "partnership": "partnerskap",
    "direct": "direkt",
    "award": "tilldelning",
    "bid": "anbud",
    "bids": "anbud",
    "pick": "välja",
    "choose": "välja",
    "evaluation": "utvärdering",
    "criteria": "kriterier",
    "criterion": "kriterium",
    "contracts": "kontrakt",
    "subcontractor": "underleverantör",
    "subcontractors": "underleverantörer",
    "unemployed": "arbetslösa",
    "exclusion": "uteslutning",
    "municipality": "kommun",
    "municipalities": "kommuner",
    "example": "exempel",
    "examples": "exempel",
    "gothenburg": "göteborg",
    "taxes": "skatter",
    "tax": "skatt",
    "paid": "betalat",
    "pay": "betala",
    "org": "organisation",
    "construction": "bygg",
    "kk": "kollektivavtal",
    "af": "arbetsförmedlingen",  # "anställer folk via AF"
    "småkommun": "liten kommun",
    "småkommuner": "små kommuner",
    "sorry": "",
    "elr": "eller",
    "kn": "kan",  # "kn vi sätta krav …"
    "lr": "eller",
    # chat filler that only lowers the confidence: words the knowledge base never uses
    "asap": "",
    "pls": "",
    "plz": "",
    "please": "",
    "hej": "",
    "hejsan": "",
    "tjena": "",
    "quick q": "",
    "quick question": "",
    "btw": "",
    "basically": "",
    "lol": "",
    "ens": "",  # "får man ens kräva …": a word the files use only in "inte ens"
    "haha": "",
    "snabbt": "",  # "snabbt: risk för överprövning …?": how to answer, not what about
    "yo": "",
    "iofs": "",
    "tack": "",  # "länk tack": the files use the word only in "tack vare"
    "fika": "kaffe",  # "köpa fika av ett socialt kafé": what the files call it
    "grej": "",  # "LOU-grejen med sociala företag": a thing, named by the words around it
    "grejen": "",
    "grejer": "",
    "grejerna": "",
    "allow": "tillåter",
    "allows": "tillåter",
    "imorgon": "",
    "peta": "utesluta",
    "petas": "uteslutas",
    "mille": "miljoner",
    "mkr": "miljoner",
    "uhm": "upphandlingsmyndigheten",
    "mnkr": "miljoner",
    "msek": "miljoner",
    "tkr": "tusen",
    "kkr": "tusen",
    "ue": "underleverantörer",
    "mr": "mänskliga rättigheter",
    "threshold": "tröskelvärde",
    "below": "under",
    "above": "över",
    "thresholds": "tröskelvärden",
    "disabilities": "funktionsnedsättning",
    "disabled": "funktionsnedsättning",
    "disadvantaged": "missgynnade",
    "accessibility": "tillgänglighet",
    "laundry": "tvätt",
    "bike": "cykel",
    "bikes": "cyklar",
    "bicycle": "cykel",
    "waste": "avfall",
    "recycling": "återvinning",
    "penalty": "vite",
    "penalties": "viten",
    "sanctions": "sanktioner",
    "ngo": "idéburen organisation",
    "ngos": "idéburna organisationer",
    "trainees": "praktikanter",
    "youth": "unga",
    "wage": "lön",
    "court": "domstol",
    "courts": "domstolar",
    "judgment": "dom",
    "lowest": "lägsta",
    "law": "lagen",
    "mandatory": "obligatoriskt",
    "required": "måste",
    "judgement": "dom",
    # everyday words for what the files call by another name
    "pyttesmå": "små",
    "pyttelitet": "litet",
    "pytteliten": "liten",
    "jättesmå": "små",
    "lönt": "värt",  # "är det lönt": worth it
    "argument": "fördelar",  # "argument för reserverade upphandlingar": what speaks for them
    "argumenten": "fördelarna",
    "jobbcentrum": "arbetsmarknadsenheten",  # the municipality's own labour-market unit
    "jobbcenter": "arbetsmarknadsenheten",
    "jobbtorget": "arbetsmarknadsenheten",
}

# A verb with its particle, and the noun the files use for it ("hur följer vi upp kraven" asks
# about "uppföljning"); the noun is added after the words, or replaces them when it starts with "=".
PARTICLE_VERBS = {
    r"\bfölj(a|er|s|t|de|des)?(\s+[a-zåäö]+){0,2}\s+upp\b": "uppföljning",
    # "hur kontrollerar vi under avtalstiden att …" is following up, not checking before award
    r"\b(kontroller|kolla)(a|ar|as|ade|r)?\b(?=[^?]*\bunder (avtals|kontrakts)tiden\b)": "uppföljning",
    # "bara låta sociala företag lämna anbud", "en upphandling bara för sociala företag": reserving
    r"\bbara\b(\s+[a-zåäö]+){0,3}?\s+(sociala|socialt|arbetsintegrerande) (företag|kooperativ)\b": "reserverad",
    # ... and "begränsa en upphandling till bara ideella föreningar": reserving for non-profits
    r"\bbara\b(\s+[a-zåäö]+){0,3}?\s+(ideella|idéburna) (föreningar|organisationer|aktörer)\b": "reserverad",
    # "att entreprenören tar in folk som …": hires them
    r"\bta(r)? in\b(?=\s+(folk|personer|ungdomar|unga|nyanlända|arbetslösa|långtidsarbetslösa)\b)": "=anställer",
    # "kräva svenska löner i alla avtal": wages at the level of Swedish collective agreements
    # (not for posted workers: "svenska löner för utländska arbetare" is the FAQ on them)
    r"^(?![^?]*\b(utländsk\w*|utstationer\w*)\b)[^?]*?\bsvenska löner\b": "lön enligt kollektivavtal",
    # "lss och sociala företag", "HVB-placeringar": welfare services (bilaga 2)
    r"\b(lss|hvb)\b": "välfärdstjänster",
    # "kräva att leverantören är idéburen": only such suppliers may take part, a reservation
    r"\bkräva att (leverantören|leverantörerna|utföraren|utförarna|anbudsgivaren|anbudsgivarna|de|dom) (är|ska vara) "
    r"(en |ett )?(idéburen|idéburna|idéburet|ideell|ideella|en förening|socialt företag|sociala företag)\b": "reserverad",
    # "säga nej till ett anbud för att företaget har dålig arbetsmiljö": excluding the supplier for
    # what it has done (not rejecting a tender for what it offers: "… som är orimligt lågt")
    r"\bsäga nej till (ett|en|deras|dess|anbudet|leverantören)( anbud| leverantör)?\b(?=[^?]*\b(företaget|leverantören"
    r"|bolaget|de|dom|firman) (har|haft|är|varit|brutit|fuskat|saknar)\b)": "=utesluta en leverantör",
    # "när måste vi utesluta en leverantör": the grounds for mandatory exclusion
    r"\b(måste|ska|skall|är (vi|man|ni) skyldiga att|tvungna att) (vi |man |ni )?utesluta\b": "obligatorisk uteslutning",
    # "om de inte betalt skatt": tax debts, a ground for exclusion
    r"\b(inte|ej|aldrig) (har )?(betalt|betalat|betalar|betala) (in )?(sin |sina |någon |nån )?(skatt|skatter|moms"
    r"|arbetsgivaravgift\w*|sociala avgifter)\b": "skatteskulder",
    # "att leverantören inte är dömd för brott": exclusion for crimes
    r"\b(dömd|dömda|dömts|straffad|straffade|lagförd|lagförda) för ([a-zåäö]+ )?[a-zåäö]*brott\b": "uteslutning",
    # "kicka ut en leverantör … mitt i avtalet": ending a running contract, not excluding a bidder
    r"\b(utesluta|kicka ut|sparka ut|slänga ut|bli av med)\b(?=[^?]*\b(mitt i|under) (avtalet|avtalstiden|kontraktet|"
    r"kontraktstiden)\b)": "häva hävning",
    # "vår kaffeleverantör anlitar barnarbete, kan vi slänga ut dem?": a supplier we already have
    r"(?<=\bvår )[a-zåäö]*leverantör\b(?=[^?]*\b(kicka ut|sparka ut|slänga ut|utesluta)\b)": "bryter mot häva hävning",
    # "kräva att de anställer ungdomar från vår kommun", "anställer lokalt": people who live
    # there, not local firms ("personalen ska vara skrivna i vår kommun" too)
    r"\b(anställ|rekryter)[a-zåäö]*\b(?:[^?.]{0,30}?\bfrån (just |bara )?(vår|er|den egna|egna|vår egen) (kommun|ort)[a-zåäö]*"
    r"|\s+(lokalt|lokal arbetskraft|lokalbefolkningen|folk från orten)\b)": "=anställa personer som bor i kommunen",
    r"\b(skrivna|skriven|folkbokförda|folkbokförd|mantalsskrivna|bosatta) i (vår|er|den egna|egna|kommunen|orten)"
    r"( (kommun|ort)[a-zåäö]*)?": "=bor i kommunen",
    # "köpa fika från ett socialt företag utan upphandling": a purchase without a procurement
    # is a direct award (unless it is a partnership or a non-profit: "IOP utan upphandling")
    r"^(?![^?]*\b(iop|partnerskap|bidrag|idéburen|idéburna|ideell|ideella)\b)[^?]*?\butan (upphandling|att upphandla"
    r"|annonsering|att annonsera)\b": "direktupphandling",
    # "lönedumpning hos underleverantörer i våra avtal": wages in a running contract are its
    # labour-law conditions and their follow-up, not an abnormally low tender
    r"\blönedumpning\b(?=[^?]*\b(i|på|inom) (våra|vårt|era|ert|befintliga|pågående|löpande) (avtal|kontrakt)\w*)": (
        "=arbetsrättsliga villkor uppföljning"
    ),
    # "vilka sociala företag finns det i skåne?": how to find out which there are
    r"\bvilka (arbetsintegrerande )?(sociala|socialt) företag (som )?finns( det)?\b": "=hur hittar vi sociala företag som finns",
    # "kan vi ge dom städet direkt", "ge uppdraget direkt till …": a direct award
    # (not to a non-profit, a partnership, or "utan konkurrens", read as it stands)
    r"\b(ge|ger|gav|lämna)\b(?![^?]*\b(iop|partnerskap|bidrag|idéburen|idéburna|ideell|ideella|utan konkurrens)\b)"
    r"(\s+[a-zåäö]+){1,5}?\s+direkt\b": "direktupphandling",
    # "ge företag från vår egen kommun fördel": favouring them
    r"\bge\b(\s+[a-zåäö]+){1,6}?\s+(en )?fördel(ar)?\b": "gynna",
}


_CHAT_REF = re.compile(
    r"\b(\d{1,2})\s*kap\.?\s*(\d{1,3})(?:\s?([a-f]))?\b(?:\s*[-–]\s*(\d{1,3})\b)?(\s*§§?)?"
    r"(\s+(?:i\s+)?(?=(?:lou|luf|luk|lov)\b))?",
    re.IGNORECASE,
)
# "vad står i 16 kap lou": a whole chapter, its law typed in lower case
_CHAT_CHAPTER = re.compile(r"\b(\d{1,2})\s*kap\.?\s+(?:i\s+)?(lou|luf|luk|lov)\b", re.IGNORECASE)
# A law named in words: "4 kap. 2 § i lagen om valfrihetssystem" is 4 kap. 2 § LOV.
_LAW_IN_WORDS = {
    "LOV": r"(i )?lagen om valfrihetssystem",
    "LUF": r"(i )?lagen om upphandling inom försörjningssektorerna",
    "LUK": r"(i )?lagen om upphandling av koncessioner",
    "LOU": r"(i )?lagen om offentlig upphandling",
}


def written_refs(text: str) -> str:
    """A provision typed without its "§" or with its law in words written out: "4 kap 18 lou"
    -> "4 kap. 18 § lou", "16 kap lou" -> "16 kap. LOU", "19 kap. 25 a i LOU" -> "19 kap. 25 a § LOU", "19 kap 25a" -> "19 kap.
    25 a §" (LOU when no law is named), "4 kap 2 § i lagen om valfrihetssystem" -> "4 kap. 2 § LOV"."""
    for law, pattern in _LAW_IN_WORDS.items():
        text = re.sub(rf"(?<=§ ){pattern}\b", law, text, flags=re.IGNORECASE)
    text = _CHAT_CHAPTER.sub(lambda m: f"{m.group(1)} kap. {m.group(2).upper()}", text)
    return _CHAT_REF.sub(_written_ref, text)


def _written_ref(m: re.Match) -> str:
    space = " " if m.group(6) else ""
    if m.group(4):  # "17 kap 2-5": a range of paragraphs
        return f"{m.group(1)} kap. {m.group(2)}–{m.group(4)} §§" + space
    letter = f" {m.group(3).lower()}" if m.group(3) else ""
    return f"{m.group(1)} kap. {m.group(2)}{letter} §" + space


# The patterns of normalise_chat compiled once: it runs on every question and every part of it.
_PERCENT = re.compile(r"(\d?)\s?%")
_CHAT_PHRASES = [
    (phrase, re.compile(rf"\b{re.escape(phrase)}\b"), swedish) for phrase, swedish in CHAT_PHRASES.items()
]
_PARTICLE_VERBS = [
    (re.compile(verb), noun[1:] if noun.startswith("=") else rf"\g<0> {noun}")
    for verb, noun in PARTICLE_VERBS.items()
]
# ... of which those that put the files' words in place of the user's ("anställer ungdomar från
# just vår kommun" -> "anställa personer som bor i kommunen"), which mean the same
_SAME_MEANING = [
    compiled
    for compiled, noun in zip(_PARTICLE_VERBS, PARTICLE_VERBS.values(), strict=True)
    if noun.startswith("=")
]
_CHAT_WORD = re.compile(r"[a-zåäö]+")


# "skitdåligt", "jättelågt", "svindyrt": the word without the chat intensifier
_INTENSIFIED = re.compile(r"^(skit|jätte|svin)(?=[a-zåäö]{3,}$)")


def _chat_word(match: re.Match) -> str:
    word = match.group()
    return CHAT_WORDS.get(word) if word in CHAT_WORDS else _INTENSIFIED.sub("", word)


def normalise_chat(text: str) -> str:
    """A question as people type it, in the files' words: chat abbreviations ("e" -> "är",
    "ngn" -> "någon") and English mixed in ("require" -> "kräva")."""
    lowered = _PERCENT.sub(r"\1 procent", text.lower())  # "30%", "hur många %" as the files write it
    for phrase, pattern, swedish in _CHAT_PHRASES:
        if phrase in lowered:  # most questions hold none of them: skip the regular expression
            lowered = pattern.sub(swedish, lowered)
    for pattern, replacement in _PARTICLE_VERBS:  # "följer upp" also names "uppföljning"
        lowered = pattern.sub(replacement, lowered)
    return _CHAT_WORD.sub(_chat_word, lowered)


_FILLER_PHRASES = [(pattern, phrase) for phrase, pattern, swedish in _CHAT_PHRASES if not swedish]
_FILLER_WORDS = frozenset(word for word, swedish in CHAT_WORDS.items() if not swedish)


def without_filler(text: str) -> str:
    """A question without the chat filler that `normalise_chat` drops ("får man ens kräva
    kollektivavtal nu för tiden" -> "får man kräva kollektivavtal"), its other words as typed but
    for the phrases read in the files' own words."""
    lowered = text.lower()
    for pattern, phrase in _FILLER_PHRASES:
        if phrase in lowered:
            lowered = pattern.sub("", lowered)
    for pattern, replacement in _SAME_MEANING:
        lowered = pattern.sub(replacement, lowered)
    return _CHAT_WORD.sub(lambda m: "" if m.group() in _FILLER_WORDS else m.group(), lowered)


def words(text: str) -> list[str]:
    """Lower-cased words; hyphenated compounds also yield their parts."""
    out: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        out.append(word.replace("-", ""))
        if "-" in word:
            out.extend(part for part in word.split("-") if part)
    return out


def tokens(text: str) -> list[str]:
    """Stemmed content tokens (stop words and one-letter words dropped)."""
    return [stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS and w not in _FOLDED_STOPWORDS]


def ref_tokens(text: str, query: bool = False) -> list[str]:
    """Reference keys mentioned in a text; `query=True` keeps only the most specific ones."""
    out: list[str] = []
    for ref in find_refs(text):
        keys = ref.query_keys() if query else ref.keys()
        out.extend(sorted(keys))
    return out


class SpellingCorrector:
    """Maps an unknown token to the most frequent known one a single edit away (a letter left
    out, added, changed or two swapped: rapidfuzz's optimal string alignment distance), for
    typos such as "kollektivavtl"."""

    def __init__(self, frequencies: dict[str, int], min_length: int = 6):
        self.freq = frequencies
        self.min_length = min_length
        self.terms = sorted(t for t in frequencies if len(t) >= min_length - 1 and not t.startswith("ref:"))
        # the terms by length: a word one edit away is at most one letter longer or shorter, so
        # a token is compared with those three lengths only, not with the whole vocabulary
        self.by_length: dict[int, list[str]] = {}
        for term in self.terms:
            self.by_length.setdefault(len(term), []).append(term)

    def correct(self, token: str) -> str | None:
        if token in self.freq or len(token) < self.min_length or token.isdigit():
            return None
        near = [
            t for size in (len(token) - 1, len(token), len(token) + 1) for t in self.by_length.get(size, ())
        ]
        found = process.extract(token, near, scorer=OSA.distance, score_cutoff=1, limit=None)
        if not found:
            return None
        return max(sorted(term for term, _, _ in found), key=lambda term: self.freq[term])


def compound_parts(word: str, known: set[str] | dict, min_part: int = 3) -> list[str]:
    """Split an unknown Swedish compound into two known stems ("kollektivavtalslön" ->
    kollektivavtal + lön), allowing the linking -s-. Empty when no split is known."""
    word = word.lower()
    best: list[str] = []
    for cut in range(min_part, len(word) - min_part + 1):
        head, tail = word[:cut], word[cut:]
        tail_stem = stem(tail)
        if tail_stem not in known:
            continue
        for candidate in (head, head[:-1] if head.endswith("s") else None):
            if candidate and len(candidate) >= min_part and stem(candidate) in known:
                parts = [stem(candidate), tail_stem]
                if not best or len(parts[0]) > len(best[0]):
                    best = parts
    return best
