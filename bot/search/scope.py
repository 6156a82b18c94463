"""The law a file is about, when its title names one other than LOU (LOV, LUF, LUK), and
whether a question names it; and the files that are EU law rather than Swedish law.

"Kan vi ställa sysselsättningskrav i ett ramavtal?" reads much like the FAQ on
sysselsättningskrav "i ett valfrihetssystem enligt LOV", and the embedding cannot tell the
contexts apart: a file about another law than the question asks about sinks, and a file about
the law the question names rises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..knowledge.refs import find_refs
from .textproc import fold, words

# Each law, by the word stems (folded) that name it, alone or in a compound. LOU is the default and names nothing.
LAWS: dict[str, tuple[str, ...]] = {
    "LOV": ("valfrihet",),  # valfrihetssystem, valfrihetssystemet
    "LUF": ("forsorjningssektor",),
    "LUK": ("koncession",),
}
ABBREVIATIONS = {"lov": "LOV", "luf": "LUF", "luk": "LUK"}
MISS = 0.7  # a file about a law the question does not name
MATCH = 1.4  # a file about a law the question names


@lru_cache(maxsize=8192)
def laws_in(text: str) -> frozenset[str]:
    """The laws other than LOU a text names. Cached: composing an answer asks it of the same
    files' questions again and again."""
    found = set()
    for word in words(text):
        folded = fold(word.lower())
        if folded in ABBREVIATIONS:
            found.add(ABBREVIATIONS[folded])
            continue
        for law, stems in LAWS.items():
            if any(stem in folded for stem in stems):
                found.add(law)
    return frozenset(found)


def named_in_titles(documents: dict[str, dict], finder) -> dict[str, frozenset[str]]:
    """What `finder` finds in each file's title, for the files whose title names something."""
    return {doc: found for doc, record in documents.items() if (found := finder(record.get("title", "")))}


_LOU = re.compile(r"\bLOU\b")


def titled_laws(title: str) -> frozenset[str]:
    """The laws a title names, LOU too when it names it ("4 kap. 18 § LOU – …")."""
    return laws_in(title) | ({"LOU"} if _LOU.search(title) else frozenset())


class LawScope:
    def __init__(self, documents: dict[str, dict]):
        self.of = named_in_titles(documents, titled_laws)

    def factor(self, doc_id: str, asked: Iterable[str]) -> float:
        """A file titled with LOU alone is about LOU: it sinks only when the question names
        another law ("finns det en motsvarighet till 4 kap. 18 § LOU i LUF?")."""
        laws = self.of.get(doc_id)
        asked = set(asked)
        if not laws or (laws == {"LOU"} and not asked):
            return 1.0
        return MATCH if laws & asked else MISS


# The kinds of purchase a file's title may be about. "Kan vi ställa sysselsättningskrav i ett
# ramavtal?" is not asked of the FAQ on sysselsättningskrav "i en direktupphandling": a file
# about one kind sinks when the question names another kind and not its own (unlike a law, a
# kind the question does not name at all costs nothing).
SETTINGS: dict[str, tuple[str, ...]] = {
    "direktupphandling": ("direktupphandl",),
    "ramavtal": ("ramavtal",),
    "byggentreprenad": ("byggentrepren", "byggupphandl"),
    # which side of the EU threshold: "får vi reservera över EU:s tröskelvärden?" is not asked of
    # the FAQ on social requirements under them
    "under tröskelvärdet": ("under tröskelvärd", "under eu s tröskelvärd", "under och över tröskelvärd"),
    "över tröskelvärdet": ("över tröskelvärd", "över eu s tröskelvärd", "över och under tröskelvärd"),
}


@lru_cache(maxsize=8192)
def settings_in(text: str) -> frozenset[str]:
    joined = " ".join(words(text.lower()))
    found = frozenset(name for name, stems in SETTINGS.items() if any(stem in joined for stem in stems))
    # "under och över tröskelvärdena" asks about both sides: neither narrows it
    return found - THRESHOLD_SIDES if found >= THRESHOLD_SIDES else found


THRESHOLD_SIDES = frozenset({"under tröskelvärdet", "över tröskelvärdet"})
THRESHOLD_ASKED = re.compile(r"tröskelvärd", re.IGNORECASE)
SIDE_NAMED = re.compile(r"\b(under|över)\b[^.?]{0,25}tröskelvärd", re.IGNORECASE)


class SettingScope:
    def __init__(self, documents: dict[str, dict]):
        self.of = named_in_titles(documents, settings_in)

    def factor(self, doc_id: str, asked: frozenset[str], query: str = "") -> float:
        kinds = self.of.get(doc_id)
        if (
            kinds
            and kinds & THRESHOLD_SIDES
            and THRESHOLD_ASKED.search(query)
            and not SIDE_NAMED.search(query)
        ):
            # "tröskelvärdena nu?" asks about the thresholds, not about procurement under them
            return MISS
        if not kinds or not asked or kinds & asked:
            return 1.0
        return MISS


# The welfare services of bilaga 2 (19 kap. 25 and 25 a §§ LOU): "whats the deal med reserverade
# kontrakt" asks about reservation for social enterprises, not the narrower reservation of
# welfare services, which sinks a little unless the question names welfare, its services or
# the idéburna organisations it may be reserved for.
WELFARE_TITLE = ("välfärdstjänst", "idéburna organisationer")
WELFARE_WORDS = (
    "välfärd",
    "idéburn",
    "ideell",
    "ideburn",
    "bilaga 2",
    "19 kap",
    "19:25",
    "25 a",
    "25a",
    "kap 25",
    "daglig verksamhet",
    "welfare",
    "care",
    "non-profit",
    "nonprofit",
    "social services",
    "hemtjänst",
    "omsorg",
    "vård",
    "hvb",
    "lss",
    "boende",
    "utbildning",
    "skola",
    "förskol",
    "kultur",
    "personalkooperativ",
    "personalägd",
    "sociala tjänster",
    "hälso",
    "assistans",
    "socialtjänst",
)
WELFARE_MISS = 0.85
# "reservera städningen av vårdcentraler", "tvätt till äldreomsorgen": a service bought for a care
# setting is no welfare service; only the welfare reservations' own words name them then
ORDINARY_SERVICE = re.compile(
    r"\b(städ\w*|lokalvård\w*|tvätt\w*|fastighetsskötsel\w*|bilvård\w*|biltvätt\w*|trädgård\w*"
    r"|snöröjning\w*|fruktkorg\w*|catering\w*|kontorsmaterial\w*|måltid\w*|transport\w*)",
    re.IGNORECASE,
)
WELFARE_OWN_WORDS = WELFARE_WORDS[:10]  # välfärd … kap 25


def titled(documents: dict[str, dict], title_words: tuple[str, ...]) -> set[str]:
    """The files (not precedents) whose title names one of these words."""
    return {
        doc
        for doc, record in documents.items()
        if record.get("kind") != "example"
        and any(w in (record.get("title") or "").lower() for w in title_words)
    }


class WelfareScope:
    def __init__(self, documents: dict[str, dict]):
        self.of = titled(documents, WELFARE_TITLE)

    def factor(self, doc_id: str, query: str) -> float:
        if doc_id not in self.of:
            return 1.0
        lowered = query.lower()
        words = WELFARE_OWN_WORDS if ORDINARY_SERVICE.search(lowered) else WELFARE_WORDS
        return 1.0 if any(w in lowered for w in words) else WELFARE_MISS


# Accessibility (9 kap. 2 § LOU): what is bought must work for people with disabilities. "Får vi
# kräva att en viss andel av personalen har funktionsnedsättning?" asks about the people a
# supplier employs (reservation, employment requirements), not about accessibility: a file whose
# title names accessibility sinks when the question speaks of staff or jobs and not of
# accessibility, what is used or designed.
ACCESS_TITLE = ("tillgänglig",)
STAFF_WORDS = re.compile(
    r"\b(anställ\w*|personal\w*|jobb\w*|arbete|arbeten|arbetstränin\w*|sysselsätt\w*|praktik\w*|medarbetar\w*"
    # "datorer: vilka krav på arbetsvillkoren i fabrikerna?" asks about the workers who make them
    r"|arbetsvillkor\w*|arbetsförhållande\w*|fabrik\w*)\b",
    re.IGNORECASE,
)
ACCESS_WORDS = re.compile(
    r"tillgäng|användbar|webb|utform|lokaler|ramp|hiss|funkar för|fungerar för", re.IGNORECASE
)
ACCESS_MISS = 0.8


class AccessScope:
    def __init__(self, documents: dict[str, dict]):
        self.of = titled(documents, ACCESS_TITLE)

    def factor(self, doc_id: str, query: str) -> float:
        if doc_id not in self.of or ACCESS_WORDS.search(query) or not STAFF_WORDS.search(query):
            return 1.0
        return ACCESS_MISS


# A file on a narrow case of a topic sinks for a question that does not name that case: the FAQ
# on posted workers does not answer "är arbetsrättsliga villkor tvingande?", nor the FAQ on a
# political policy "vad kan en kommun göra?".
SIGNED = re.compile(
    r"redan|tecknad|tecknat|befintlig|pågående|löpande avtal|ingånget|ingångna|påskriv|underskriv|skrivit"
    r"|ändra|ändring|lägga till|lägga in|lägger till|tillägg|förläng|option|under avtalstiden|nuvarande"
    r"|gällande avtal|existing|signed|already|amend",
    re.IGNORECASE,
)
NARROW_MISS = 0.8
# ... the file on changing a signed contract speaks of contracts and framework agreements
# throughout, so it sinks further for a question about them that is not about changing one
SIGNED_MISS = 0.6
# Subcontractors, asked for in any words: the files titled on them rise a little when asked
# ("Får vi kräva lön enligt kollektivavtal även hos underleverantörerna?") and keep their place
# when not
SUBCONTRACTORS = re.compile(
    r"underleverant|underentrepren|\bUE\b|leverantörsled|alla led|hela (leverantörs)?kedjan|subcontract",
    re.IGNORECASE,
)
SUBCONTRACTORS_HIT = 1.06
# How long a ground for exclusion lasts, asked as people ask it: the file titled on the time
# limits rises ("… och hur länge gäller det?")
HOW_LONG = re.compile(r"hur länge|hur många år|år bakåt|tidsgräns|hur gammal", re.IGNORECASE)
HOW_LONG_HIT = 1.1
# "kan vi kräva att städarna kan svenska / har svenska som modersmål?"
LANGUAGE = re.compile(
    r"\b(kan|pratar|talar|prata|tala|behärska\w*|förstå\w*|skriver|skriva) (bra |god |flytande |okej )?svenska\b"
    r"|\bsvenska som modersmål|\bsvenskkunskap\w*|\bspråkkrav\w*|\bspråkkunskap\w*|\bmodersmål\w*",
    re.IGNORECASE,
)
LANGUAGE_HIT = 1.35
# a supplier that does not keep what the contract asks ("leverantören skiter i
# sysselsättningskravet", "blir det vite då?"): the FAQ on what the buyer can do then (a later part
# "… och vad händer om de inte gör det?" is also searched as that question: answer.queries.BREACH)
BROKEN_CONTRACT = re.compile(
    r"\b(vite|vitet|viten|vitesbelopp\w*|sanktion\w*|häv(a|er|as|ning)\w*|skiter i|struntar i|fuskar|sviker"
    r"|avtalsbrott|(inte|int|aldrig) (klarar|uppfyller|följer|håller|lever upp|gör det)"
    r"|(bryter|bröt|brutit) mot (avtalet|kraven|villkoren|kontraktet|det|dem))\b"  # (not "… mot arbetsrätten")
    # the supplier under contract misbehaving, and what to do ("vår städfirma verkar betala svart …,
    # vad kan vi göra", "leverantören vi anlitat betalar skitdåligt, vad kan vi göra nu")
    r"|\b((vår|våran|vårt) (städfirma|leverantör|entreprenör|utförare|städbolag|firma)|leverantören (som )?vi "
    r"(har )?anlitat)\b[^?]{0,80}\bvad (kan|ska|gör|bör) (vi|man)\b",
    re.IGNORECASE,
)
BROKEN_CONTRACT_HIT = 1.3
# where to read more or whom to ask ("har upphandlingsmyndigheten ngn guide om sociala hänsyn?
# länk tack", "kan du tipsa om en bra källa"): the files on support and on whom to ask
FURTHER_READING = re.compile(
    r"\b(guide[ns]?|guider(na)?|vägledning(en|ar)?|källa|källor(na)?|länk(ar|en)?|läsa mer|läsa på|mer info\w*"
    r"|stödmaterial\w*|vart vänder|vem (kan|ska) (vi|jag|man) fråga)\b",
    re.IGNORECASE,
)
FURTHER_READING_HIT = 1.25


# (title words, what asks for the case, the factor when a question does not, when it does)
NARROW_CASES: tuple[tuple[tuple[str, ...], re.Pattern, float, float], ...] = (
    (("underleverantör",), SUBCONTRACTORS, 1.0, SUBCONTRACTORS_HIT),
    (("tidsgränser",), HOW_LONG, 1.0, HOW_LONG_HIT),
    (
        ("utstationerad",),
        re.compile(
            r"utstation|utländsk|utland|utomlands|annat (eu-)?land|andra (eu-)?länder|eu-land|foreign|posted"
            r"|abroad|polsk|polen|baltikum|baltisk|litau|lettisk|lettland|estnisk|estland|rumän|bulgar",
            re.IGNORECASE,
        ),
        NARROW_MISS,
        1.0,
    ),
    (("bryter mot de sociala kraven",), BROKEN_CONTRACT, 1.0, BROKEN_CONTRACT_HIT),
    (("var du får stöd", "någon vi kan fråga"), FURTHER_READING, 1.0, FURTHER_READING_HIT),
    # a requirement on the staff's Swedish, in any service ("städarna kan svenska")
    (("kan svenska",), LANGUAGE, 1.0, LANGUAGE_HIT),
    # a contract already signed: asked when the question says so or speaks of changing it,
    # not by "får vi ställa sysselsättningskrav i ramavtalet?"
    (("redan är tecknat",), SIGNED, SIGNED_MISS, 1.0),
    # the social economy, a term of its own, not "skillnaden på idéburen och socialt företag"
    (("social ekonomi",), re.compile(r"social(a)? ?ekonomi|social economy", re.IGNORECASE), NARROW_MISS, 1.0),
    (
        ("policy",),
        re.compile(
            r"polic|riktlinj|styrdokument|fullmäktige|nämnd|politik|politisk|beslut|kommunstyrelse|strategi",
            re.IGNORECASE,
        ),
        NARROW_MISS,
        1.0,
    ),
)


def asks_its_case(title: str, query: str) -> bool:
    """Is a file titled on a narrow case ("… bryter mot de sociala kraven …") asked for that
    case (`query`: "leverantören skiter i sysselsättningskravet")?"""
    low = title.lower()
    return any(
        hit > 1.0 and any(w in low for w in words) and asked.search(query)
        for words, asked, _, hit in NARROW_CASES
    )


class NarrowScope:
    def __init__(self, documents: dict[str, dict]):
        self.of = {
            doc: (asked, miss, hit)
            for words, asked, miss, hit in NARROW_CASES
            for doc in titled(documents, words)
        }

    def factor(self, doc_id: str, query: str) -> float:
        if doc_id not in self.of:
            return 1.0
        asked, miss, hit = self.of[doc_id]
        return hit if asked.search(query) else miss


def eu_law_of(documents: dict[str, dict]) -> set[str]:
    """The EU directive's articles and the EU Court's judgments: EU law, not Swedish law (a
    search weighs them by "eu" in its `prefer`). A file is known by its first ref."""
    out = set()
    for doc, record in documents.items():
        refs = find_refs(" ".join((record.get("refs") or [])[:1]))
        if record.get("kind") in ("law", "case-law") and refs and refs[0].kind in ("eu", "cjeu"):
            out.add(doc)
    return out


def law_terms_of(documents: dict[str, dict]) -> set[str]:
    """The glossary files that define a law ("LUF – lagen om upphandling inom
    försörjningssektorerna"): they answer what the law is, not what it allows (a search weighs
    them by "law-term" in its `prefer`). A glossary file's first synonym is its term."""
    return {
        d
        for d, record in documents.items()
        if (record.get("synonyms") or [""])[0] in ABBREVIATIONS | {"lou": "LOU"}
    }


# Local suppliers in the words people use, shared by the answer wing's party
# reading and the wider local reading below
LOCAL_SUPPLIERS = (
    r"lokal[at]?|ortens|närproducera\w*|bygden|sitt säte i kommunen"
    r"|(kontor|säte|filial|verksamhet) (i|på) (kommunen|orten|länet|regionen)"  # "… som har kontor i kommunen"
    r"|leverantör\w* (finns|ligger) (i|på) (kommunen|orten)"  # "kräva att leverantören finns i kommunen"
)

# Local suppliers or local people, in any words ("som finns i vår egen kommun", "bor i kommunen")
LOCAL = re.compile(
    rf"\b({LOCAL_SUPPLIERS}|(från|i) (just )?(vår|den) (egen |egna )?"
    r"kommun\w*|här i (stan|kommunen)|(bor|bo|bosatt\w*|boende) i (just )?(kommunen|orten)"
    r"|folkbokförd\w*|skrivna i|kommuninvånar\w*"
    r"|från (orten|trakten|bygden)|härifrån)\b",
    re.IGNORECASE,
)


class Scopes:
    """Every scope at once: how far a file sinks or rises for a question by the law, the kind of
    purchase, the welfare services, accessibility and the narrow case it is about."""

    def __init__(self, documents: dict[str, dict]):
        self.law = LawScope(documents)
        self.setting = SettingScope(documents)
        self.welfare = WelfareScope(documents)
        self.access = AccessScope(documents)
        self.narrow = NarrowScope(documents)

    def factor(self, doc_id: str, query: str, laws: frozenset[str], kinds: frozenset[str]) -> float:
        return (
            self.law.factor(doc_id, laws)
            * self.setting.factor(doc_id, kinds, query)
            * self.welfare.factor(doc_id, query)
            * self.access.factor(doc_id, query)
            * self.narrow.factor(doc_id, query)
        )
