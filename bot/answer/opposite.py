"""The other answer to a yes/no question: a close second FAQ that answers the other way, shown
beside the lead so that one phrasing never reads as a plain yes and another as a plain no. `c`
is the Composer that holds the loaded passages and document records."""

from __future__ import annotations

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.retrieval import SearchResult
from .asked import ASKS_WHAT_OR_HOW
from .model import Part
from .wording import POLAR

# A second FAQ answering the other way is shown when it scores this close to the lead.
OPPOSITE_SHARE = 0.85


def opposite_answer(c, result: SearchResult, lead: Part, asked: str) -> Part | None:
    """A close second FAQ that answers the other way ("Ja, lön i nivå med kollektivavtal" led;
    "Nej, men …" to "får vi kräva kollektivavtal?" is nearly as likely what was asked): shown
    too, under its own question, so that one phrasing never reads as a plain yes and another
    as a plain no."""
    lead_short = c.section(lead.doc_id, SHORT_ANSWER_SLUG)
    said = POLAR.match(lead_short.text) if lead_short else None  # its short answer, shown or not
    docs = result.documents()
    scores = {h.passage.doc_id: h.score for h in docs}
    if not said or said.group(1) == "Det beror på" or lead.doc_id not in scores:
        return None
    if ASKS_WHAT_OR_HOW.search(asked):  # "vad händer om ingen lämnar anbud …": no yes or no asked
        return None
    for hit in docs[:3]:
        doc = hit.passage.doc_id
        short = c.section(doc, SHORT_ANSWER_SLUG)
        other = POLAR.match(short.text) if short and hit.passage.kind == "faq" else None
        if (
            doc != lead.doc_id
            and other
            and other.group(1) in ("Ja", "Nej")
            and other.group(1) != said.group(1)
            and hit.score >= OPPOSITE_SHARE * scores[lead.doc_id]
        ):
            return c.part(short, asked=asked)
    return None
