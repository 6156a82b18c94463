"""Does the knowledge base itself answer a question that names a referral's topic? Only then is
it answered rather than sent on."""

from __future__ import annotations

import re

from ..knowledge.chunking import SHORT_ANSWER_SLUG, Passage
from ..search.referrals import without_definite_ending
from ..search.retrieval import SearchResult
from .analysis import Analysis


def speaks_of(
    result: SearchResult,
    topic_words: tuple[str, ...],
    documents: dict[str, dict],
    passages: dict[str, Passage],
    sections: dict[str, list[Passage]],
    in_passing: bool = True,
) -> bool:
    """The best file's title or short answer name the topic (or a tag its text names too), the
    best file names it more than once, or two of the best three files do. (One word in passing,
    "personuppgifter" in a text on sysselsättningskrav, does not make a GDPR question one it
    answers; unpaid taxes as a ground for exclusion do.) Not `in_passing`: the best file's title
    or short answer, or a tag of it that its text names ("otillåten direktupphandling" on the FAQ
    on what a wrongful direct award costs), unless it is a precedent."""
    docs = [hit.passage.doc_id for hit in result.documents()[:3]]
    record = documents.get(docs[0], {})
    short = passages.get(f"{docs[0]}#{SHORT_ANSWER_SLUG}")
    about = " ".join([record.get("title") or "", short.text if short else ""]).lower()
    tags = " ".join(record.get("tags") or []).lower()
    texts = [" ".join(p.text for p in sections.get(d, [])).lower() for d in docs]

    def spoken_of(word: str) -> bool:
        # a word, not the end of another ("miljö" is not named by "arbetsmiljö"); a tag counts
        # when the text names it too: "miljökrav" tagged on a cleaning contract whose text never
        # says what they were does not answer how to set them
        # ... and without a definite ending: "tilldelningsbeslutet" is named by a text on
        # "tilldelningsbeslut" (a verb's stem is not: "diskriminerad" is not "diskriminering")
        root = without_definite_ending(word)
        named = re.compile(r"(?<![a-zåäöéü])" + re.escape(root))
        if not in_passing:  # only the best file's title, short answer or a tag its text names
            # (a precedent's tags list what the case held, "ekologiska livsmedel", not its subject)
            about_it = record.get("kind") != "example" and named.search(tags) and named.search(texts[0])
            return bool(named.search(about) or about_it)
        return bool(
            named.search(about)
            or (named.search(tags) and named.search(texts[0]))
            or len(named.findall(texts[0])) >= 2
            or sum(bool(named.search(t)) for t in texts) >= 2
        )

    return all(spoken_of(word) for word in topic_words)


def part_asks_of_the_supplier(part: str) -> bool:
    """The same for one part of a compound question ("kan vi utesluta ett bolag som fått böter av
    Arbetsmiljöverket, och …")."""
    return bool(EXCLUDES.search(part) or REQUIRES_HIRING.search(part))


EXCLUDES = re.compile(r"\buteslut\w*", re.IGNORECASE)


def asks_of_the_supplier(analysis: Analysis) -> bool:
    """Whether a question that names a referral's topic asks what a buyer may do to a supplier,
    which is the knowledge base's question, not the authority's: "utesluta ett bolag som fått böter
    av Arbetsmiljöverket" (whether the fine is a ground for exclusion), "kräva att leverantören
    anställer nån från etableringsprogrammet" (an employment requirement)."""
    return "uteslutning" in analysis.instruments or bool(REQUIRES_HIRING.search(analysis.question))


REQUIRES_HIRING = re.compile(
    r"\bkräv\w* att (leverantören|leverantörerna|de|dom|företaget|entreprenören|anbudsgivaren|utföraren)"
    r"( ska)? (anställ|rekryter|ta emot|tar emot|erbjud)\w*",
    re.IGNORECASE,
)


def asks_as_employer(question: str) -> bool:
    """ "Vilka aktiva åtgärder mot diskriminering måste kommunen göra som arbetsgivare?": the
    buyer's own duties as an employer, which a file on what it may require of suppliers does not
    answer (unless the question names the supplier)."""
    return bool(AS_EMPLOYER.search(question)) and not SUPPLIER.search(question)


AS_EMPLOYER = re.compile(r"\bsom arbetsgivare\b", re.IGNORECASE)
SUPPLIER = re.compile(
    r"\b(leverantör\w*|anbudsgivar\w*|entreprenör\w*|upphandl\w*|utförar\w*)", re.IGNORECASE
)
