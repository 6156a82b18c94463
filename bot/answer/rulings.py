"""Questions about judgments in general ("finns det domar om sysselsättningskrav?"): the
answer shows both what the knowledge base says about Swedish courts (the FAQ on rulings) and
the best judgment on the subject. The judgment leads when the FAQ's passage is about other
instruments than the one asked ("rättsfall om kollektivavtal": Rüffert, not a list of rulings
on reservations). `c` is the Composer."""

from __future__ import annotations

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.retrieval import SearchResult
from .filters import detect_instruments
from .model import Part
from .wording import RULINGS, words_of


def with_rulings(c, result: SearchResult, lead: Part, asked: str, instruments: list[str]) -> list[Part]:
    """The lead and its companion (the best judgment under a rulings FAQ, the rulings FAQ's
    short answer under a judgment), in the order that answers the question."""
    if not RULINGS.search(asked) or lead.kind not in ("case-law", "faq"):
        return [lead]
    wanted = "faq" if lead.kind == "case-law" else "case-law"
    other = next((p for p in _best_of(c, result, wanted, lead.doc_id)), None)
    if other is None:
        return [lead]
    if (
        wanted == "case-law"
        and instruments
        and not _family(instruments) & _family(detect_instruments(lead.text, words_of(lead.text)))
    ):
        short = c.section(lead.doc_id, SHORT_ANSWER_SLUG)
        return [other, c.part(short) if short else lead]
    return [lead, other]


def on_rulings(c, result: SearchResult, lead: Part | None, asked: str, analysis) -> Part | None:
    """A question about rulings ("finns det någon dom om sociala krav i upphandling?", "… om
    sysselsättningskrav i Sverige?") that the search answers with neither a judgment nor a FAQ
    on what courts have said: that FAQ leads, the best ranked of them, when it names no
    instrument or the FAQ speaks of those it names."""
    if (
        lead is None
        or not RULINGS.search(asked)
        or analysis.organisation_docs
        or lead.kind == "case-law"
        or lead.doc_id in c.ruling_ids
    ):
        return lead
    found = ruling_faq(c, result, asked)
    instruments = _family(detect_instruments(asked, words_of(asked)))
    if (
        found is not None
        and instruments
        and not instruments <= _family(detect_instruments(found.text, words_of(found.text)))
    ):
        return lead  # ("rättsfall om kollektivavtal": the FAQ does not speak of it; a judgment may)
    return found or lead


def ruling_faq(c, result: SearchResult, asked: str | None = None) -> Part | None:
    """The short answer of the FAQ on what courts have said that the search ranks best."""
    if not c.ruling_ids:
        return None
    rank = {h.passage.doc_id: n for n, h in enumerate(result.documents())}
    best = min(c.ruling_ids, key=lambda d: (rank.get(d, 10_000), d))
    short = c.section(best, SHORT_ANSWER_SLUG)
    return c.part(short, asked=asked) if short else None


def _best_of(c, result: SearchResult, kind: str, lead_id: str):
    for hit in result.documents():
        record = c.documents.get(hit.passage.doc_id, {})
        if record.get("id") == lead_id or record.get("kind") != kind:
            continue
        if kind == "faq" and not RULINGS.search(record.get("title") or ""):
            continue
        short = c.section(record["id"], SHORT_ANSWER_SLUG)
        if short:
            yield c.part(short)


def _family(instruments: list[str]) -> set[str]:
    """ "reserverad-4-18" and "reserverad-19-25a" are both a reservation."""
    return {"reserverad" if i.startswith("reserverad") else i for i in instruments}
