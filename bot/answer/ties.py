"""Two files the search cannot tell apart: which of them asks what the user asked."""

from __future__ import annotations

from .asked import asked_words, one_stem, words_of_question
from .modality import modalities

TIE = 0.98  # scores this close are a tie
# a title that holds this many more of the question's words than the other's asks it more nearly
MORE_HELD = 3


def title_words_held(asked: str, title: str) -> int:
    """How many of the question's content words a title holds (one stem)."""
    held = words_of_question(title)
    return sum(any(one_stem(word, h) for h in held) for word in asked_words(asked))


def _title(documents: dict[str, dict], doc_id: str) -> str:
    return documents.get(doc_id, {}).get("title") or ""


def nearer_question(top, docs: list, asked: str, documents: dict[str, dict]):
    """Of two FAQs the search cannot tell apart, the one that asks what the user asks ("får en
    kommun direktupphandla från samhall utan annons?" is "Får vi direktupphandla från ett socialt
    företag?", not "Vad händer om vi direktupphandlar fel?"); when both titles ask it, the one
    that holds more of the question's words."""
    if len(docs) < 2 or docs[0].passage.doc_id != top.doc_id or docs[1].score < TIE * docs[0].score:
        return top
    second = docs[1].passage
    mine = modalities(asked)
    if not (mine and top.kind == second.kind == "faq"):
        return top
    titles = [_title(documents, p.doc_id) for p in (top, second)]
    top_asks, second_asks = (mine & modalities(title) for title in titles)
    if bool(top_asks) != bool(second_asks):
        return second if second_asks else top
    top_words, second_words = (title_words_held(asked, title) for title in titles)
    return second if second_words >= top_words + MORE_HELD else top


def nearest_asked(asking: list[tuple], asked: str, documents: dict[str, dict]):
    """Of the (hit, part) pairs whose own question the user asked, best first: the first, unless
    one the search cannot tell from it has a title that holds more of the question's words ("extra
    poäng till anbud från sociala företag" is "Får vi ge poäng för att anbudsgivaren är ett socialt
    företag?" more than "Måste vi välja lägsta pris …?", whose phrasings ask for points too)."""
    (first, part), *rest = asking
    held = title_words_held(asked, _title(documents, first.passage.doc_id))
    for hit, other in rest:
        if hit.score >= TIE * first.score and (
            title_words_held(asked, _title(documents, hit.passage.doc_id)) >= held + MORE_HELD
        ):
            return other
    return part
