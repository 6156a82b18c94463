"""How people type a question in chat, written out before it is analysed: "o" and "and" for
"och", "or" for "eller", "va" for "vad", English "what's the difference between", provisions
typed without "§", and English "it" that is not the IT sector."""

from __future__ import annotations

import re

from ..search.textproc import written_refs

# English "it" ("is it even legal?") is not the IT sector
_ENGLISH_IT = re.compile(
    r"\b(?P<verb>(?:is|do|does|make|was|can|will|would|could|should|about|of|if) )it\b"
    r"|\bit(?= (is|was|does|will|would|seems|even|work|works|matter|ok)\b)|\bit's\b",
    re.IGNORECASE,
)


def without_english_it(text: str) -> str:
    return _ENGLISH_IT.sub(lambda m: m.group("verb") or " ", text)


_DIFFERENCE = re.compile(
    r"\bwhat'?s the (difference|diff) between\b|\b(what'?s the |vad är |va e |vad e )?(diff|diffen) (mellan|between)\b",
    re.IGNORECASE,
)


def chat_forms(text: str) -> str:
    """The chat shorthands that change how a question splits, written out with the case kept:
    "o" (and "and") for "och", "or" for "eller", "m" for "med", "e" for "är", "ex" for "exempel", a leading "va" for "vad" ("va e
    skillnaden på lou o lov"), "what's the difference between" and "diffen mellan" for "vad är skillnaden mellan"."""
    text = written_refs(re.sub(r"(?<=[\w§),]) (o|and) (?=\w)", " och ", text))  # "18 § o finns", ", o räknas"
    text = re.sub(r"(?<=\w) or (?=\w)", " eller ", text)
    text = _DIFFERENCE.sub("vad är skillnaden mellan", text)
    text = re.sub(r"(?<=\w) m (?=\w)", " med ", text)
    # "vad e grejen med …, e det ens lagligt": "e" for "är" where a question word or "det" is next to it
    text = re.sub(r"\b(vad|va|det|vem|vilken|vilket|vilka|hur) e\b", r"\1 är", text, flags=re.IGNORECASE)
    text = re.sub(r"(^|[,.?!;] ?)e det\b", r"\1är det", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(vad är) (grejen|grejjen|greja) med\b", r"\1", text, flags=re.IGNORECASE)
    # "finns ex?", "ex på sysselsättningskrav": "exempel" ("t.ex." goes on as it is)
    text = re.sub(r"(?<![.\w])ex\.?(?=[\s?!,]|$)", "exempel", text, flags=re.IGNORECASE)
    return re.sub(r"^(\W*)va\b(?= )", r"\1vad", text, flags=re.IGNORECASE)
