"""The organisation a "får vi …?" question names, told about under the answer: "Får kommunen
reservera en upphandling enbart för Samhall?" is answered by the rules on reservation, and the
glossary's note on Samhall says what those rules mean for that company."""

from __future__ import annotations

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from .analysis import Analysis
from .meaning import IS_IT_A
from .model import Answer, Part

# the section of a name's glossary file that says what it means for a buyer, else its definition
SECTIONS = ("tank-pa", SHORT_ANSWER_SLUG)


def note_on(c, doc_id: str):
    """The section of a name's glossary file that says what it means for a buyer, if any."""
    return next((p for slug in SECTIONS if (p := c.section(doc_id, slug)) is not None), None)


def named_party_part(c, answer: Answer, analysis: Analysis) -> Part | None:
    """The glossary note on an organisation the question names (Analysis.name_docs: "Samhall",
    "Kriterietjänsten", not "IOP"), when the answer does not show that file already."""
    if analysis.intent not in ("permission", "how-to"):
        return None
    shown = {p.doc_id for p in answer.parts}
    for doc_id in analysis.name_docs:
        passage = note_on(c, doc_id)
        if doc_id not in shown and passage is not None:
            return c.part(passage, label=f"Om {c.documents[doc_id]['term']}")
    return None


def with_the_kind(c, parts: list[Part], analysis: Analysis) -> list[Part]:
    """ "Är samhall ett socialt företag?": a lead that answers another yes/no question ("Måste
    ett socialt företag vara kooperativ? Nej.") gives way to what the kind of supplier is, which
    follows the note on the organisation."""
    if not parts or not (parts[0].related or parts[0].asks):
        return parts
    kind = next((d for d in sorted(analysis.term_docs) if d not in analysis.name_docs), None)
    short = c.section(kind, SHORT_ANSWER_SLUG) if kind else None
    if short is None or kind in {p.doc_id for p in parts}:
        return parts
    return [c.part(short), *parts[1:]]


def who_it_is(c, asked: str, analysis: Analysis) -> Part | None:
    """ "samhall e väl ett socialt företag? kan vi ge dom städet direkt": a part that asks whether
    an organisation the question names is a kind of supplier is answered by the glossary's note
    on that organisation."""
    if not IS_IT_A.search(asked):
        return None
    for doc_id in sorted(analysis.name_docs):
        term = str(c.documents[doc_id].get("term") or "")
        passage = note_on(c, doc_id)
        if term and term.lower() in asked.lower() and passage is not None:
            return c.part(passage)
    return None
