"""Two or three words asked at once ("vad betyder sysselsättningskrav och praktikplats?"): each
glossary entry's short answer under its term, in the order the question names them. `c` is the
Composer that holds the loaded passages and document records."""

from __future__ import annotations

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.retrieval import SearchResult
from .analysis import MAX_PARTS, Analysis
from .model import Part
from .sides import comparison_sides


def definitions(c, analysis: Analysis, result: SearchResult) -> list[Part]:
    """One part per glossary term the question asks the meaning of, when it asks of two or more."""
    terms = [d for d in analysis.term_docs if c.documents.get(d, {}).get("kind") == "glossary"]
    if len(terms) < 2:
        return []
    rank = {h.passage.doc_id: n for n, h in enumerate(result.documents())}
    asked = analysis.question.lower()

    def where(doc_id: str) -> int:  # the order the question names them in, else the search's
        record = c.documents[doc_id]
        forms = [str(record.get("term") or record["title"]), *(record.get("synonyms") or [])]
        found = [asked.find(f.lower()) for f in forms if f and f.lower() in asked]
        return min(found) if found else len(asked) + rank.get(doc_id, 10_000)

    def owns(doc_id: str) -> bool:  # "LOU:s tröskelvärde" asks what the threshold is, not LOU
        record = c.documents[doc_id]
        forms = [str(record.get("term") or record["title"]), *(record.get("synonyms") or [])]
        return any(f and f"{f.lower()}:s " in f"{asked} " for f in forms)

    terms = [d for d in terms if not owns(d)]
    parts = []
    for doc_id in sorted(terms, key=lambda d: (where(d), d))[:MAX_PARTS]:
        short = c.section(doc_id, SHORT_ANSWER_SLUG)
        if short is None:
            continue
        part = c.part(short)
        part.label = str(c.documents[doc_id].get("term") or c.documents[doc_id]["title"])
        parts.append(part)
    return parts if len(parts) >= 2 else []


def sole_term(c, analysis: Analysis, result: SearchResult) -> list[Part]:
    """ "social upphandling vs socialt hållbar upphandling, samma sak?": one term asked under
    two of its names is answered by its glossary entry, when the search has it among the best
    three and ranks no other glossary entry above it."""
    if not comparison_sides(analysis.question):  # (only when two sides were named)
        return []
    terms = [d for d in analysis.term_docs if c.documents.get(d, {}).get("kind") == "glossary"]
    best = [h.passage for h in result.documents()[:3]]
    ids = [p.doc_id for p in best]
    if (
        len(terms) != 1
        or terms[0] not in ids
        or any(p.kind == "glossary" for p in best[: ids.index(terms[0])])
    ):
        return []
    short = c.section(terms[0], SHORT_ANSWER_SLUG)
    return [c.part(short)] if short else []


def supplier_named(c, analysis: Analysis, result: SearchResult) -> list[Part]:
    """ "vad är Social Trade?": a supplier the precedents name and the glossary does not is
    answered by its precedent (the one the search ranks best), not by a glossary entry on a word
    it shares ("sociala hänsyn")."""
    if not analysis.supplier_docs or analysis.name_docs or len(analysis.organisations) != 1:
        return []
    rank = {h.passage.doc_id: n for n, h in enumerate(result.documents())}
    best = min(analysis.supplier_docs, key=lambda d: (rank.get(d, 10_000), d))
    short = c.section(best, SHORT_ANSWER_SLUG)
    return [c.part(short)] if short else []
