"""A question the knowledge base does not answer: the files the user may have meant ("Menar du
…?"), and where to ask instead (the referral whose topics the question names)."""

from __future__ import annotations

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.retrieval import SearchResult
from .analysis import Analysis
from .model import FRAGESERVICE_URL, Answer, Referral

# A decline offers the best files as "Menar du …?" when the search is at least this sure
NEAR_MISS = 0.30


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
