"""Precedent answers: the list of precedents a lookup asks for (with the other parts of a
compound question answered above it), one precedent under a rules answer, and whether a
question on a referral's topic still asks for precedents. `c` is the Composer."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.retrieval import SearchResult
from ..search.textproc import stem
from . import precedent_list
from .analysis import Analysis, asks_meaning, asks_something, detect_intent, part_intent, words_of
from .asked import instruments_in
from .filters import detect_instruments, names_object
from .matching import precedent_matches
from .model import Answer
from .names import is_name
from .overview import overview_part
from .precedent_words import ANY_EXAMPLE, IN_COURT, asks_for_precedents
from .rulings import ruling_faq
from .sides import bare_choice
from .wording import COMBINE

if TYPE_CHECKING:
    from .compose import Searches


# "samhall upphandling", "Samhall?": a name alone (with at most the word for procurement)
NAME_ALONE = re.compile(
    r"^\W*(?P<name>[\wåäöéü -]+?)(\s+(och |i |vid )?(offentlig |offentliga )?(upphandling(ar|en)?|lou))?\W*$",
    re.IGNORECASE,
)


def name_alone(c, question: str):
    """The glossary entry of the organisation a question names and nothing else, if it has one."""
    m = NAME_ALONE.match(question)
    asked = m.group("name").strip().lower() if m else ""
    for doc_id in c.glossary_ids if asked else ():
        term = str(c.documents[doc_id].get("term") or "")
        if is_name(term) and asked in (
            term.lower(),
            *(str(s).lower() for s in c.documents[doc_id].get("synonyms") or []),
        ):
            return c.part(c.section(doc_id, SHORT_ANSWER_SLUG))
    return None


def compose_precedents(c, answer: Answer, analysis: Analysis, searches: Searches) -> None:
    """The matching precedents, one line each (the one the question names shown whole), or the
    closest with a plain "none known"; the other parts of a compound question above them."""
    said, mentioned = mentioning(c, analysis)
    records, match, more = precedent_list.lookup(analysis, searches.main, mentioned or c.examples)
    partner = unknown_partner(analysis.question, c.precedent_words) if match == "some" else None
    if partner:  # "IOP med Röda korset": none known with that partner; the others are the closest
        records, match, more = records[: precedent_list.MAX_CLOSEST], "none", 0
    named = [r for r in records if r["id"] in analysis.organisation_docs][:1] if match == "some" else []
    if match == "some" and (who := name_alone(c, analysis.question)) is not None:
        named, answer.parts = [], [who]  # "samhall upphandling": who Samhall is, then all its cases
    if named:  # the case the question names, shown whole; a closest one stays in the list
        answer.parts = [c.part(c.section(named[0]["id"], SHORT_ANSWER_SLUG))]
    answer.precedents = [line_of(c, r) for r in records if r not in named]
    answer.precedent_match = match
    rulings = court_rulings(c, analysis, searches.main) if not answer.parts else None
    if rulings is not None:  # "… som överprövats?": what the courts said leads, the cases follow
        answer.parts = [rulings]
    if (
        match == "none"
        and analysis.instruments
        and not (analysis.places or answer.parts or partner or analysis.year_from or analysis.year_to)
        # ("exempel från Finland på reserverade kontrakt" and none there: the cases elsewhere are
        # the closest, not a judgment from another country or the Swedish rules)
        and not (analysis.abroad or set(analysis.countries) - {"Sverige"})
        # ("Har Region Stockholm ställt arbetsrättsliga villkor?" and none known: what the buyer
        # named did is the closest, not a judgment on the instrument)
        and not analysis.buyer_docs
        and not known_elsewhere(c, analysis)
    ):
        # no known case of the instrument: what the rules say about it leads, the closest follow
        # the rules on the instrument, not a FAQ that weighs it against others
        avoid = c.example_ids | c.deciding_ids
        # ... unless a judgment whose title names the instrument is found (the best ranked): a
        # court case is a case ("Finns det fall där en leverantör uteslutits för brott mot
        # arbetsrätten?" -> Stockholmshem and Belstroj); not when a sector is asked: a judgment
        # on another kind of purchase is no case of it ("väktare med sysselsättningskrav")
        judged = (
            next(
                (
                    h.passage.doc_id
                    for h in searches.main.documents()
                    if judgment_on(c.documents.get(h.passage.doc_id, {}), analysis.instruments)
                ),
                None,
            )
            if not (analysis.sectors or analysis.objects)
            else None
        )
        rule = c.part(c.section(judged, SHORT_ANSWER_SLUG)) if judged else None
        rule = rule or on_the_instrument_asked(c, searches.main, analysis, avoid)
        rule = rule or c.lead(searches.main, analysis.question, "permission", avoid=avoid)
        if rule is not None:
            wanted = precedent_list.wanted_text(analysis)
            rule.label = (
                f"Ett rättsfall ({wanted.removeprefix('på ')})"
                if judged
                else f"Inga kända exempel {wanted}; vad reglerna säger"
            )
            rule.asks = rule.related = None
            answer.parts = [rule]
    answer.more_precedents = more
    if precedent_list.has_filter(analysis) or partner or said:
        # ("… hos kommuner i Sverige" when none is known at home: the closest may be abroad)
        abroad_too = match != "none" and any(r.get("country") not in (None, "Sverige") for r in records)
        wanted = precedent_list.wanted_text(analysis, home=not abroad_too)
        answer.precedent_wanted = f"{wanted} med {partner or said}".strip() if partner or said else wanted
    # the other parts of a compound question ("Får vi reservera städningen? Och har någon
    # kommun gjort så?"): each is answered above the list, in the order asked
    asked_parts, cases_first = [], False
    for n, (asked, result) in enumerate(zip(analysis.parts, searches.parts, strict=False)):
        if len(analysis.parts) < 2 or asks_for_precedents(asked) or not asks_something(asked):
            # "Hur har Helsingborg jobbat med sociala hänsyn, och kan vi göra likadant …?": the
            # case named answers the first part, and comes first
            cases_first = cases_first or (n == 0 and bool(named))
            continue
        if (named and asks_of_named_buyer(asked, analysis)) or ASKS_OUTCOME.match(asked):
            # "Har Göteborgs stad jobbat med …? hur gick det": the case shown answers it (and
            # the cases listed, or what the courts said, answer "… och hur gick det?")
            continue
        if rulings is not None and IN_COURT.search(asked):  # "… nånsin överprövats?": answered
            continue  # by what the courts said
        shown = {p.doc_id for p in answer.parts + asked_parts}
        lead = (
            how_they_did(c, named, asked, shown)
            or choice_faq(c, result, asked, shown)
            or overview_part(c, result, asked, shown)
            or c.lead(
                result, asked, part_intent(asked), avoid=shown | c.example_ids, yes_no=not asks_meaning(asked)
            )
        )
        if lead and lead.kind != "example":
            lead.label = asked
            asked_parts.append(lead)
    answer.parts = answer.parts + asked_parts if cases_first else asked_parts + answer.parts


def choice_faq(c, result: SearchResult, asked: str, shown: set[str]):
    """ "IOP eller upphandling för kvinnojouren, och finns det exempel …": the FAQ among the
    part's best three that helps choose."""
    if not bare_choice(asked):
        return None
    found = next(
        (
            h.passage
            for h in result.documents()[:3]
            if h.passage.doc_id in c.deciding_ids - shown
            # (one or the other is not helped by the FAQ on combining them)
            and (COMBINE.search(asked) or not COMBINE.search(h.passage.title))
        ),
        None,
    )
    return c.part(c.section(found.doc_id, SHORT_ANSWER_SLUG) or found) if found else None


SAME_THING = re.compile(
    r"\b(göra|gör|jobba) (likadant|samma sak|detsamma|så)\b|\bsamma (sätt|modell)\b", re.IGNORECASE
)


def how_they_did(c, named: list[dict], asked: str, shown: set[str]):
    """ "… och kan vi göra likadant i en mindre kommun?" after a case named: the guidance on
    the instrument that case used."""
    if not named or not SAME_THING.search(asked):
        return None
    guide = next((c.guides[i] for i in named[0].get("instrument") or [] if i in c.guides), None)
    short = c.section(guide, SHORT_ANSWER_SLUG) if guide and guide not in shown else None
    return c.part(short) if short is not None else None


def known_elsewhere(c, analysis: Analysis) -> bool:
    """Has the instrument asked known cases in other purchases ("tvätteri-avtal med
    sysselsättningskrav": none in laundry, several elsewhere)? Then the closest cases answer,
    not what the rules say about the instrument."""
    if not (analysis.sectors or analysis.objects):
        return False
    # (by any kind of buyer: "har någon region upphandlat tvätt med sysselsättningskrav?" is
    # answered by the municipalities' laundry contracts and the instrument's other cases)
    wider = replace(analysis, sectors=[], objects=[], buyer_types=[])
    # ... and the purchase has known cases too ("väktare med sysselsättningskrav": no case of
    # guarding at all, so what the rules say answers)
    bought = replace(analysis, instruments=[], social_suppliers=False, buyer_types=[])
    return any(precedent_matches(r, wider) for r in c.examples) and any(
        names_object(r, analysis.objects) if analysis.objects else precedent_matches(r, bought)
        for r in c.examples
    )


def court_rulings(c, analysis: Analysis, result: SearchResult):
    """For cases tried in court, the FAQ on what Swedish courts have said (the best ranked of
    the FAQs whose title asks about rulings), labelled as such."""
    part = ruling_faq(c, result) if analysis.in_court else None
    if part is None:
        return None
    part.label, part.asks, part.related = "Vad domstolarna har sagt", None, None
    return part


def judgment_on(record: dict, instruments: list[str]) -> bool:
    """A judgment whose title names one of the instruments."""
    title = record.get("title") or ""
    return record.get("kind") == "case-law" and bool(
        set(detect_instruments(title, words_of(title))) & set(instruments)
    )


def precedent_aside(c, answer: Answer, analysis: Analysis, result: SearchResult) -> None:
    """One precedent under an answer, only when it ranks among the best three files and
    matches the place, sector or instrument the question names."""
    if not (analysis.places or analysis.sectors or analysis.organisation_docs):
        return
    shown = {p.doc_id for p in answer.parts}
    for hit in result.documents()[:3]:
        record = c.documents.get(hit.passage.doc_id, {})
        if (
            record.get("kind") == "example"
            and record["id"] not in shown
            and precedent_matches(record, analysis)
        ):
            answer.precedents = [line_of(c, record)]
            return


def asks_social_precedents(analysis: Analysis) -> bool:
    """ "Exempel på återvinning som gått till sociala företag?" asks for precedents of social
    enterprises or a social instrument, even on a topic a referral covers (waste: Kriterietjänsten):
    answered by the matching precedents, or by saying none is known."""
    # ... and "ge mig tre bra exempel att visa för kommunstyrelsen" asks for cases, not the kommunallag
    return analysis.intent == "precedents" and bool(
        analysis.social_suppliers or analysis.instruments or ANY_EXAMPLE.search(analysis.question)
    )


def line_of(c, record: dict):
    short = c.section(record["id"], SHORT_ANSWER_SLUG)
    return precedent_list.line(record, short.text if short else "")


# A partner named after "med" ("IOP med Röda korset"): up to three words, ending at a word that
# starts something else ("… med idéburna i Skåne").
PARTNER = re.compile(r"\b(?:med|m)\s+((?:[\wåäöé-]+\s*){1,3})", re.IGNORECASE)
ENDS_NAME = frozenset(
    "i för inom som och eller på av från till under när där om någonstans nånstans ngnstans också även "
    "då nu idag typ osv".split()
)
ARTICLES = frozenset("en ett den det de dom".split())


# A company named by its form ("Har Misa AB fått …", "Returbutiken ek. för."), wherever it stands
COMPANY = re.compile(
    r"\b((?:[A-ZÅÄÖ][\wåäöé&-]*\s+){1,3})(AB|HB|KB|ek\.?\s?för\.?|ekonomisk förening)(?![\wåäö])"
)

QUESTION_WORDS = frozenset(
    "har hade har finns fanns vilka vilken vad vem hur kan får fick köpte köper anlitade anlitar om och "
    "med från av till i".split()
)


def mentioning(c, analysis: Analysis) -> tuple[str, list[dict]]:
    """ "vilka kommuner har samarbetat med Coompanion?": a partner the question names, which no
    precedent has as buyer or supplier but some mention in their text; and those precedents."""
    if analysis.organisation_docs:
        return "", []
    for match in PARTNER.finditer(analysis.question):
        words = match.group(1).split()
        name = " ".join(words[: next((n for n, w in enumerate(words) if not w[:1].isupper()), len(words))])
        if not name or name.isupper() or name.lower() in analysis.organisations:
            continue  # ("med LOV", "med Samhall": a law, a known supplier)
        said = re.compile(rf"\b{re.escape(name)}\b")
        found = [r for r in c.examples if any(said.search(p.text) for p in c.sections.get(r["id"], []))]
        if found:
            return name, found
    return "", []


def unknown_partner(question: str, known: frozenset[str]) -> str | None:
    """The name of a partner the question asks about that no precedent mentions (`known`: the
    stems of the precedents' words), if any."""
    for match in COMPANY.finditer(question):
        words = match.group(1).split()
        while len(words) > 1 and words[0].lower() in QUESTION_WORDS:  # "Har Misa AB …"
            words = words[1:]
        if not any(stem(w.lower()) in known for w in words if len(w) > 2):
            return " ".join([*words, match.group(2)])
    for match in PARTNER.finditer(question):
        name: list[str] = []
        for word in match.group(1).split():
            if word.lower() in ENDS_NAME:
                break
            if name or word.lower() not in ARTICLES:
                name.append(word)
        if name and len(name[-1]) > 3 and stem(name[-1].lower()) not in known:
            return " ".join(name)
    return None


def on_the_instrument_asked(c, result: SearchResult, analysis: Analysis, avoid: set[str]):
    """For "har någon använt LOV för att få in sociala företag?" with no known case: among the
    best files, the first guidance or FAQ whose title names the instrument asked (the guidance on
    LOV, not the one on social enterprises as suppliers), its short answer."""
    asked = set(analysis.instruments)
    for hit in result.documents()[:ON_THE_INSTRUMENT_DEPTH]:
        record = c.documents.get(hit.passage.doc_id, {})
        if hit.passage.doc_id in avoid or hit.passage.kind not in ("guidance", "faq"):
            continue
        if instruments_in(record.get("title") or "") & asked:
            return c.part(c.section(hit.passage.doc_id, SHORT_ANSWER_SLUG) or hit.passage)
    return None


# How deep among the best files a rule on the instrument asked is looked for
ON_THE_INSTRUMENT_DEPTH = 6


def asks_of_named_buyer(asked: str, analysis: Analysis) -> bool:
    """Does a part ask what a buyer it names has done ("Har Göteborgs stad jobbat med …")?"""
    lowered = asked.lower()
    return (
        any(name.lower() in lowered for name in [*analysis.organisations, *analysis.municipalities])
        and detect_intent(asked, [], False, True) == "precedents"
    )


# "… hur gick det?", "vad blev resultatet?": how the case named went, which its card tells
ASKS_OUTCOME = re.compile(
    r"^\W*(och )?(hur (gick|blev|funkade|fungerade) det|vad blev (resultatet|utfallet|effekten)|"
    r"(funkade|fungerade|blev) det (bra|nåt|något))\b",
    re.IGNORECASE,
)
