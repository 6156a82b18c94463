"""Compose an answer from retrieval results. Pure functions: no I/O, no Telegram.

Everything an answer states is copied from the retrieved passages: the short answer is the best
file's `## Kort svar`, the provisions are that file's refs, the precedent is an example file's
short answer, and every source is a retrieved file with its link and checked date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from ..knowledge.chunking import SHORT_ANSWER_SLUG, Passage
from ..knowledge.loader import STALE_AFTER_DAYS
from ..knowledge.precedents import instrument_label
from ..search.retrieval import Hit, SearchResult

# Calibrated by benchmarks/calibrate.py: the lowest bar that declines >= 92 % of the
# out-of-scope questions it is fitted on, so that >= 90 % of unseen ones are declined.
# Declining costs a user a link to the frågeservice; answering an out-of-scope question
# risks a wrong statement of law, so the bar errs high.
MIN_CONFIDENCE = 0.59

MAX_REFS = 5
EXCERPT_CHARS = 300
PRECEDENT_WINDOW = 6  # an example must be among this many top documents to be shown
FRAGESERVICE_URL = "https://www.upphandlingsmyndigheten.se/frageportalen/"
NO_BASIS = (
    "Kunskapsbanken har inget underlag för att svara på den frågan, så jag vill inte gissa. "
    "Fråga Upphandlingsmyndighetens frågeservice via Frågeportalen: " + FRAGESERVICE_URL
)
GUIDANCE_NOTE = "Vägledning från Hänsyns kunskapsbank, inte ett juridiskt beslut."


@dataclass
class Source:
    n: int
    id: str  # passage id
    doc_id: str
    title: str
    kind: str
    refs: list[str]
    url: str | None
    checked: str
    score: float
    excerpt: str


@dataclass
class Precedent:
    doc_id: str
    title: str
    summary: str
    url: str | None
    buyer: str | None = None
    suppliers: list[str] = field(default_factory=list)
    year: int | None = None
    instrument: str | None = None
    outcome: str | None = None


@dataclass
class Answer:
    question: str
    answered: bool
    short_answer: str
    refs: list[str]
    sources: list[Source]
    precedent: Precedent | None = None
    more: str | None = None  # the fuller passage behind the short answer
    more_heading: str | None = None
    more_id: str | None = None
    notes: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    confidence: float = 0.0
    latency_ms: float = 0.0
    top_doc_id: str | None = None
    # A short answer that opens with "Ja"/"Nej" replies to its file's own question, which may
    # not be the one asked: shown above the answer so a reader knows what "Nej" refers to.
    replies_to: str | None = None

    def to_json(self, text: str) -> dict:
        """The CLI's JSON contract (design.md), plus a few extra fields."""
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": text,
            "refs": self.refs,
            "sources": [
                {
                    "id": s.id,
                    "title": s.title,
                    "kind": s.kind,
                    "refs": s.refs,
                    "url": s.url,
                    "score": round(s.score, 4),
                    "excerpt": s.excerpt,
                    "checked": s.checked,
                }
                for s in self.sources
            ],
            "precedent": asdict(self.precedent) if self.precedent else None,
            "replies_to": self.replies_to,
            "confidence": round(self.confidence, 4),
            "latency_ms": round(self.latency_ms, 1),
        }


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def is_stale(checked: str, today: dt.date) -> bool:
    try:
        return (today - dt.date.fromisoformat(checked)).days > STALE_AFTER_DAYS
    except ValueError:
        return True


def _short_answer_of(doc_id: str, passages: dict[str, Passage]) -> Passage | None:
    return passages.get(f"{doc_id}#{SHORT_ANSWER_SLUG}")


def _doc_sections(doc_id: str, passages: dict[str, Passage]) -> list[Passage]:
    return [p for p in passages.values() if p.doc_id == doc_id and not p.is_question]


def _precedent(hits: list[Hit], top_doc: str, documents: dict, passages: dict) -> Precedent | None:
    for hit in hits[:PRECEDENT_WINDOW]:
        passage = hit.passage
        if passage.kind != "example" or passage.doc_id == top_doc:
            continue
        record = documents.get(passage.doc_id, {})
        summary = _short_answer_of(passage.doc_id, passages) or passage
        return Precedent(
            doc_id=passage.doc_id,
            title=passage.title,
            summary=summary.text,
            url=passage.url,
            buyer=record.get("buyer"),
            suppliers=list(record.get("suppliers") or []),
            year=record.get("year"),
            instrument=", ".join(instrument_label(k) for k in record.get("instrument") or []) or None,
            outcome=record.get("outcome"),
        )
    return None


def _refs_for(top_doc: str, documents: dict, result: SearchResult) -> list[str]:
    refs = list(documents.get(top_doc, {}).get("refs", []))
    if result.ref_keys:
        from ..knowledge.refs import parse_ref

        def asked(ref: str) -> bool:
            try:
                return bool(parse_ref(ref).keys() & result.ref_keys)
            except ValueError:
                return False

        refs.sort(key=lambda r: not asked(r))
    return refs[:MAX_REFS]


POLAR = re.compile(r"^(Ja|Nej|Det beror på)\b")


def replies_to(short_text: str, record: dict) -> str | None:
    """The question a yes/no short answer replies to: an FAQ's title, else the file's first
    `questions:` phrasing; None when the answer does not open with a yes or no."""
    if not POLAR.match(short_text):
        return None
    if record.get("kind") == "faq" and record.get("title", "").rstrip().endswith("?"):
        return record["title"]
    return record.get("question")


def compose(
    result: SearchResult,
    passages: dict[str, Passage],
    documents: dict[str, dict],
    k: int = 3,
    today: dt.date | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> Answer:
    """Turn a search result into an Answer (answered or not)."""
    today = today or dt.date.today()
    docs = result.documents()
    sources = [
        Source(
            n=n,
            id=hit.passage.id,
            doc_id=hit.passage.doc_id,
            title=hit.passage.title,
            kind=hit.passage.kind,
            refs=list(documents.get(hit.passage.doc_id, {}).get("refs", hit.passage.refs)),
            url=hit.passage.url,
            checked=hit.passage.checked,
            score=hit.score,
            excerpt=excerpt(hit.passage.text),
        )
        for n, hit in enumerate(docs[:k], 1)
    ]
    if not docs or result.confidence < min_confidence:
        return Answer(
            question=result.query,
            answered=False,
            short_answer=NO_BASIS,
            refs=[],
            sources=sources,
            suggestions=[s.title for s in sources],
            confidence=result.confidence,
        )

    top = docs[0]
    top_doc = top.passage.doc_id
    short = _short_answer_of(top_doc, passages) or top.passage
    if top.passage.id != short.id:
        more = top.passage
    else:
        others = [p for p in _doc_sections(top_doc, passages) if p.id != short.id]
        more = others[0] if others else None
    notes = []
    stale = sorted({s.checked for s in sources if is_stale(s.checked, today)})
    if stale:
        notes.append(
            f"Uppgifterna kontrollerades senast {stale[0]}, för mer än ett år sedan: "
            "kontrollera aktuella regler innan du går vidare."
        )
    return Answer(
        question=result.query,
        answered=True,
        short_answer=short.text,
        refs=_refs_for(top_doc, documents, result),
        sources=sources,
        precedent=_precedent(docs, top_doc, documents, passages),
        more=more.text if more else None,
        more_heading=more.heading if more else None,
        more_id=more.id if more else None,
        notes=notes,
        confidence=result.confidence,
        top_doc_id=top_doc,
        replies_to=replies_to(short.text, documents.get(top_doc, {})),
    )
