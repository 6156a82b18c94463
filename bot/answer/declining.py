"""A question the knowledge base does not answer: the files the user may have meant ("Menar du
…?"), and where to ask instead (the referral whose topics the question names)."""

from __future__ import annotations

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.retrieval import SearchResult
from .analysis import Analysis
from .core_topics import names_core_topic
from .coverage import asks_as_employer, asks_of_the_supplier, speaks_of
from .model import FRAGESERVICE_URL, Answer, Referral
from .precedent_answer import asks_social_precedents

# A decline offers the best files as "Menar du …?" when the search is at least this sure
NEAR_MISS = 0.30


def told_elsewhere(c, analysis: Analysis, main: SearchResult) -> bool:
    """Does the question name a referral's topic that the knowledge base does not answer: the
    best files do not speak of it, the municipality asks as an employer, or no social
    consideration is asked and the files name the topic only in passing ("vilken andel
    ekologiska livsmedel bör vi kräva?")? Not when it asks for social precedents or what a buyer
    may do to a supplier."""
    referral = c.referrals.match(analysis.question)
    if not referral or asks_social_precedents(analysis) or asks_of_the_supplier(analysis):
        return False
    texts = (c.documents, c.passages, c.sections)
    return (
        not speaks_of(main, referral.matched, *texts)
        or asks_as_employer(analysis.question)
        or (
            not names_core_topic(analysis.question)
            and analysis.intent != "precedents"
            and (
                not speaks_of(main, referral.matched, *texts, in_passing=False)
                # ("hur lång tid har en leverantör på sig att begära överprövning?": a word's
                # definition is no answer to how the procedure goes)
                or (analysis.intent != "definition" and _best(c, main).get("kind") == "glossary")
                # ("kan vi köra option på avtalet fast det löpt ut?": a procurement question the
                # file on adding social requirements to a signed contract names, but is not about)
                or (referral.referral.default and names_core_topic(_best(c, main).get("title", "")))
            )
        )
    )


def _best(c, main: SearchResult) -> dict:
    """The front matter of the best file found."""
    docs = main.documents()
    return c.documents.get(docs[0].passage.doc_id, {}) if docs else {}


def decline(
    c, answer: Answer, analysis: Analysis, result: SearchResult, force_referral: bool = False
) -> Answer:
    """No answer: the files the user may have meant, or where to ask instead."""
    answer.answered = False
    if not force_referral:
        rank = {h.passage.doc_id: n for n, h in enumerate(result.documents())}
        named = sorted(
            (d for d in analysis.organisation_docs if d in c.documents),
            key=lambda d: (rank.get(d, 999), d),
        )[:2]
        close = [h.passage.doc_id for h in result.documents()[:2]] if result.confidence >= NEAR_MISS else []
        candidates = list(dict.fromkeys(named + close))[:2]
        answer.near_miss = [{"doc_id": d, "title": c.documents[d]["title"]} for d in candidates]
    referral = c.referrals.for_question(analysis.question)
    if referral is not None:
        text = _referral_text(c, referral.id, analysis.question)
        answer.referral = Referral(referral.id, referral.where, referral.url, text)
    else:
        answer.referral = Referral(
            "fragservice", "Upphandlingsmyndighetens frågeservice", FRAGESERVICE_URL, ""
        )
    answer.sources = [c._source(n, h.passage.doc_id, h) for n, h in enumerate(result.documents()[:3], 1)]
    return answer


def _referral_text(c, referral_id: str, question: str) -> str:
    short = c.section(referral_id, SHORT_ANSWER_SLUG)  # its paragraph on what was asked
    text = short.text if short else c.documents.get(referral_id, {}).get("summary", "")
    return c.referrals.paragraph_for(question, text)
