"""The organisation a "får vi …?" question names, told about under the answer: "Får kommunen
reservera en upphandling enbart för Samhall?" is answered by the rules on reservation, and the
glossary's note on Samhall says what those rules mean for that company."""

from __future__ import annotations

import re

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.textproc import fold
from .analysis import Analysis
from .model import Answer, Part
from .names import is_name

# the section of a name's glossary file that says what it means for a buyer, else its definition
SECTIONS = ("tank-pa", SHORT_ANSWER_SLUG)


def named_party_part(c, answer: Answer, analysis: Analysis) -> Part | None:
    """The glossary note on an organisation the question names (a name, names.is_name:
    "Samhall", "Kriterietjänsten", not "IOP"), when the answer does not show that file already."""
    if analysis.intent not in ("permission", "how-to"):
        return None
    shown = {p.doc_id for p in answer.parts}
    typed = fold(analysis.question.lower())
    for doc_id, record in sorted(c.documents.items()):
        term = str(record.get("term") or "")
        if record.get("kind") != "glossary" or not is_name(term) or doc_id in shown:
            continue
        forms = [term, *(record.get("synonyms") or [])]
        if not any(re.search(rf"\b{re.escape(fold(str(f).lower()))}\b", typed) for f in forms):
            continue
        passage = next((p for slug in SECTIONS if (p := c.section(doc_id, slug)) is not None), None)
        if passage is not None:
            return c.part(passage, label=f"Om {term}")
    return None
