"""Questions about social considerations in general ("whats the deal med sociala hänsyn",
"chefen vill att vi gör nåt socialt, tips?", "vad kan vi ens göra för fler jobb via
upphandlingarna?"): they are answered by the file that lays out the instruments and when each
fits, the one an admin tags `översikt`, not by whichever single rule ranks first."""

from __future__ import annotations

import re

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.scope import settings_in
from .analysis import Analysis, words_of
from .filters import detect_instruments, detect_sectors

OVERVIEW_TAG = "översikt"
# Goods made in global supply chains ("vilka sociala krav kan vi ställa när vi köper datorer"):
# the overview is the file on human rights in the supply chain, tagged so by an admin
GOODS_OVERVIEW_TAG = "översikt leverantörskedja"
GOODS_SECTORS = frozenset({"IT och telefoni", "arbetskläder och textil"})
# "nyanlända jobb via kommunens inköp?": jobs through procurement as a whole
JOBS_VIA = re.compile(
    r"\b(jobb|arbete|anställning)\w* (genom|via|med hjälp av) (\w+ ){0,2}?(upphandling\w*|inköp\w*)\b",
    re.IGNORECASE,
)
MORE_JOBS = re.compile(
    r"\bfler (\w+ ){0,2}?(jobb|i jobb|i arbete|anställning|anställda)\b"  # "fler ska få jobb via …"
    r"|\bstår långt från (jobb|arbete|arbetsmarknaden)\b|\barbetslöshet(en)?\b|\bförsörjningsstöd\b|"
    + JOBS_VIA.pattern,
    re.IGNORECASE,
)
TOPIC = re.compile(
    r"\bsocial(a|t)? (hänsyn|krav(et)?|upphandling|villkor|hållbarhet|ansvar\w*|klausul\w*)\b|\bsocial (hänsyn|upphandling)\b"
    r"|\bsoc\.? (hänsyn|krav)\b"
    r"|\bsocial (clauses|procurement|considerations|requirements)\b|\b(nåt|något|nånting|ngt) socialt\b|"
    r"\b(kräva|krävas|ställa|göra|ha med) socialt\b|\bsocialt( hur)?\W*$|\bsociala kriterier\b|"  # "måltider socialt hur"
    + MORE_JOBS.pattern,  # "vad kan vi kräva socialt?"
    re.IGNORECASE,
)
BROAD_ASK = re.compile(
    r"\btips\b|\bquick wins?\b|\bvad kan (vi|man|ni|en kommun|kommunen|en region|regionen)( ens)? (göra|kräva|ställa)\b|\bwhat'?s the deal\b|\bvad säger\b(?! (lagen|lou|luf|luk|lov|eu|eu-\w+|direktiv\w*|\d))"
    r"|\bwhat can (we|you)\b|\bhur (börjar|kommer) (vi|man|jag)( igång)?\b|\bvar (börjar|ska) (vi|man|jag)( börja)?\b"
    r"|\bvad (ska|bör) (jag|vi|man) ta med\b"
    # "kan upphandlingen hjälpa …", "hänger det ihop nåt?", "kan man ha sociala hänsyn i …"
    r"|\bkan (upphandling\w*|vi|man) hjälpa\b|\bhänger (det|de) ihop\b"
    r"|\b(kan|får) (vi|man) (ha|ta|använda) sociala hänsyn\b"
    # "hur förklarar jag för fullmäktige varför vi ska ha sociala krav": why at all
    r"|\bvarför (ska|bör|skulle|behöver) (vi|man|kommunen|regionen|en kommun)\b"
    r"|\bvarför (vi|man|kommunen|regionen) (ska|bör|skulle|behöver)\b"
    # "nåt socialt vi kan lägga in innan?"
    r"|\b(vad|nåt|något|ngt) (socialt |sociala krav )?(vi|man|ni) kan (lägga in|ha med|ta med|skriva in|göra|kräva)\b"
    # "kan upphandling användas för att minska arbetslösheten", "jobb genom upphandling"
    r"|\bkan (upphandling\w*|inköp\w*) användas (för|till)\b|"
    + JOBS_VIA.pattern
    + r"|\böversikt\b|\bkort om\b|\bwhere do (we|i) start\b|\bid[eé]er\b|\bideas\b"  # "…, idéer?"
    r"|\b(nån|någon|ngn|några) id[eé]\b|\bvad gäller\W*$"  # "…, nån idé", "social upphandling, vad gäller"
    r"|\bvilka (instrument|verktyg|möjligheter|alternativ)\b|\bvilket är (enklast|lättast|smidigast|bäst)\b"
    # "vilka sociala krav kan vi ha i bygg", "hur funkar sociala hänsyn i städupphandling",
    # "enklaste sättet att få in sociala krav"
    r"|\bvilka (sociala )?(krav|hänsyn|villkor)\w* kan (vi|man|ni)\b"
    r"|\bvilka (sociala )?(krav|hänsyn|villkor)\w* (funkar|fungerar|passar)\b"  # "… funkar på IT-grejer"
    r"|\b(enklaste|lättaste|bästa|smidigaste) (sättet|vägen|sociala kravet|kravet|grejen)\b|\bfå(r (vi|man|ni|kommunen|regionen))? in\b",
    re.IGNORECASE,
)
# "hur funkar sociala hänsyn i städupphandling" is broad; "hur funkar social procurement i
# sverige" asks what the term means; "sociala hänsyn i städupphandling hur gör ni" asks the same
HOW_IT_WORKS = re.compile(r"\bhur (funkar|fungerar|gör (ni|andra))\b", re.IGNORECASE)


def asks_overview(analysis: Analysis) -> bool:
    """A broad question on the topic as a whole: no instrument, side, place or organisation named."""
    # "fler jobb via upphandlingarna" names jobs, which is the topic here, not one instrument
    jobs = {"sysselsattningskrav"} if MORE_JOBS.search(analysis.question) else set()
    return bool(
        analysis.intent in ("permission", "how-to")
        and (TOPIC.search(analysis.question) or _goods_asked(analysis))
        and (
            BROAD_ASK.search(analysis.question)
            or (HOW_IT_WORKS.search(analysis.question) and analysis.sectors)
            # "bygg + sociala hänsyn = ?": the topic in a sector, and nothing else
            or (analysis.sectors and len([w for w in words_of(analysis.question) if len(w) > 2]) <= 4)
        )
        and not (
            set(analysis.instruments) - jobs or analysis.sides or analysis.places or analysis.organisations
        )
        # "hur får vi in sociala hänsyn i vår upphandlingspolicy" asks about a policy document,
        # "tips på uppföljning av sociala krav" about following them up
        and not POLICY.search(analysis.question)
        and not FOLLOW_UP.search(analysis.question)
        # "lättaste sättet att få in sociala krav i en liten upphandling?" asks about small purchases
        and not (SMALL_PURCHASE.search(analysis.question) or settings_in(analysis.question) & SMALL_SETTINGS)
    )


# "vilka krav kan vi ställa när vi köper datorer?": of goods made in global supply chains, the
# requirements asked about are the social ones, named or not
WHICH_REQUIREMENTS = re.compile(r"\bvilka (krav|villkor)\w* (kan|får|bör|ska) (vi|man|ni)\b", re.IGNORECASE)


def _goods_asked(analysis: Analysis) -> bool:
    return bool(GOODS_SECTORS & set(analysis.sectors)) and bool(WHICH_REQUIREMENTS.search(analysis.question))


SMALL_SETTINGS = frozenset({"direktupphandling", "under tröskelvärdet"})
SMALL_PURCHASE = re.compile(
    r"\b(liten|litet|små|mindre) (upphandling(ar)?|köp|kontrakt|avtal)\b", re.IGNORECASE
)


FOLLOW_UP = re.compile(
    r"\b(uppföljning\w*|följa upp|följer upp|följs upp|avtalsuppföljning\w*|vite\w*|sanktion\w*)\b",
    re.IGNORECASE,
)


def part_asks_overview(part: str) -> bool:
    """Is one part of a compound question broad ("Vilka sociala hänsyn kan vi ta i byggprojekt, och
    finns det exempel från Stockholm?"): the topic as a whole, no instrument but jobs named?"""
    jobs = {"sysselsattningskrav"} if MORE_JOBS.search(part) else set()
    return bool(
        TOPIC.search(part)
        and BROAD_ASK.search(part)
        and not set(detect_instruments(part, words_of(part))) - jobs
        and not POLICY.search(part)
    )


POLICY = re.compile(
    r"\b\w*(policy|policyn|riktlinje|riktlinjer|riktlinjerna|strategi|strategin)\b", re.IGNORECASE
)


def overview_docs(documents: dict[str, dict], tag: str = OVERVIEW_TAG) -> list[str]:
    return sorted(d for d, r in documents.items() if tag in (r.get("tags") or []))


# "sysselsättningskrav funkar det ens", "funkar sociala hänsyn på riktigt eller e det mest
# pappersexercis": whether it works, which the file on what the follow-ups show (tagged
# `resultat`) answers; not how it works ("hur funkar …") nor whether it may be done ("funkar det
# att reservera …")
RESULTS_TAG = "resultat"
ASKS_IF_IT_WORKS = re.compile(
    # (no setting between: "funkar sysselsättningskrav på små kontrakt ens" asks whether it fits them)
    r"(?<!hur )\b(funkar|fungerar)\b(?! det att)(\s+(?!(på|i|för|vid|inom|med|under)\b)[\wåäö-]+){0,3}?"
    r"\s+(ens|på riktigt|egentligen|verkligen|alls)\b"
    r"|(?<!hur )\b(funkar|fungerar) [\wåäö ]{1,30}? eller (e|är) (det|de) (bara|mest)\b"
    r"|\bgör (det|de|dom|[\wåäö]+krav\w*) (någon|nån) (skillnad|nytta)\b"
    # "… och hur mycket jobb brukar det ge": what the follow-ups show
    r"|\bhur (mycket|många) jobb (ger|brukar|blir|skapar)\b|\bger (det|de|dom|[\wåäö]+krav\w*) (några|nåt|något|fler) jobb\b",
    re.IGNORECASE,
)


def part_asks_if_it_works(part: str) -> bool:
    """Does one part of a compound question ask whether it works ("… och hur mycket jobb brukar
    det ge")?"""
    return bool(ASKS_IF_IT_WORKS.search(part)) and set(detect_instruments(part, words_of(part))) <= {
        "sysselsattningskrav"
    }


def asks_if_it_works(analysis: Analysis) -> bool:
    """Whether social considerations, or employment requirements, work at all."""
    return bool(
        ASKS_IF_IT_WORKS.search(analysis.question)
        and set(analysis.instruments) <= {"sysselsattningskrav"}
        and not (analysis.sides or analysis.places or analysis.organisations)
    )


# "oppositionen säger att sysselsättningskrav blir dyrt, stämmer det?": what social requirements
# cost the buyer, which the file tagged `merkostnad` answers (not what a breach or an unlawful
# direct award costs)
COST_TAG = "merkostnad"
ASKS_WHAT_IT_COSTS = re.compile(
    r"\b([\wåäö]+krav\w*|sociala (krav|hänsyn|villkor)|det|de|dom) (blir|är|bli) ([\wåäö]+ ){0,2}?(dyr|dyrt|dyra|dyrare)\b"
    r"|\b(blir|är) (det|de|dom|[\wåäö]+krav\w*|sociala (krav|hänsyn|villkor)) ([\wåäö]+ ){0,2}?(dyr|dyrt|dyra|dyrare)\b"
    r"|\bkostar (det|de|dom|[\wåäö]+krav\w*|sociala (krav|hänsyn|villkor)) (mer|extra|mycket)\b|\bfördyr\w*",
    re.IGNORECASE,
)


def asks_what_it_costs(analysis: Analysis) -> bool:
    """Whether social requirements make the purchase dearer."""
    return bool(
        ASKS_WHAT_IT_COSTS.search(analysis.question)
        and "direktupphandling-socialt-foretag" not in analysis.instruments
        and not (analysis.sides or analysis.places or analysis.organisations)
    )


def overview_tag(analysis: Analysis) -> str:
    """The tag of the overview a broad question gets: the supply chain's for goods, else the general one."""
    return _tag_for(analysis.sectors)


def _tag_for(sectors: list[str]) -> str:
    return GOODS_OVERVIEW_TAG if GOODS_SECTORS & set(sectors) else OVERVIEW_TAG


def broad_in_parts(analysis: Analysis) -> bool:
    """ "sociala hänsyn i upphandling?? vad kan vi göra typ": a broad question typed in parts, each
    only the topic or only the broad ask, is one broad question."""
    return asks_overview(analysis) and all(TOPIC.search(p) or BROAD_ASK.search(p) for p in analysis.parts)


def part_overview_tag(part: str) -> str:
    """... and a broad part's ("Vilka sociala krav kan vi ställa när vi köper arbetskläder, och …")."""
    return _tag_for(detect_sectors(words_of(part)))


def overview_of(c, result, tag: str = OVERVIEW_TAG):
    """The short answer of the overview file (tagged `översikt`, or `tag`) the search ranks best.
    `c` is the Composer."""
    rank = {h.passage.doc_id: n for n, h in enumerate(result.documents())}
    docs = sorted(overview_docs(c.documents, tag), key=lambda d: rank.get(d, 10_000))
    short = c.section(docs[0], SHORT_ANSWER_SLUG) if docs else None
    return c.part(short) if short else None


def overview_part(c, result, asked: str, shown: set[str]):
    """The overview for a broad part of a compound question ("vilka sociala krav …"), unless shown."""
    broad = overview_of(c, result, part_overview_tag(asked)) if part_asks_overview(asked) else None
    broad = broad or (overview_of(c, result, RESULTS_TAG) if part_asks_if_it_works(asked) else None)
    return broad if broad and broad.doc_id not in shown else None
