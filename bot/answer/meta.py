"""Questions about Hänsyn itself ("vad kan du hjälpa mig med?", "vem är du", "what can you
do"): they are answered by saying what Hänsyn is for, not by a knowledge file that happens to
share a word, and not by a referral elsewhere."""

from __future__ import annotations

import re

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from .model import Answer
from .overview import overview_docs

ABOUT_BOT = re.compile(
    r"^\W*((hej|hallå|hejsan|tja|ok|okej)\W+)?(hänsyn\W+)?("  # "Hej Hänsyn, vad kan du …?"
    r"vad kan (du|ni|hänsyn)( (hjälpa|svara)( (mig|oss))?( med| på)?)?( (göra|egentligen))?"
    r"|vem är (du|ni)|vad är (du|hänsyn)( för (nåt|något|en bot))?|vad gör (du|hänsyn)"
    r"|hur (funkar|fungerar|använder (jag|man|vi)) (du|dig|hänsyn|boten|den här boten|tjänsten)"
    r"|vad (vet|kan) du( om)?|kan du hjälpa (mig|oss)|hjälp|help|what can you do|who are you|what are you"
    r")(\W+(typ|då|egentligen|liksom|nu|lol|eller))*\W*$",  # "vad kan du hjälpa mig med typ"
    re.IGNORECASE,
)


def asks_about_bot(text: str) -> bool:
    return bool(ABOUT_BOT.match(text.strip()))


def about_bot(c, answer: Answer) -> Answer:
    """What Hänsyn is for (the renderers say it first), then the short answer of the overview
    file, which shows what the instruments are for: a reply, not a decline; no referral. Other
    overview files are offered as "Menar du …?" topics. `c` is the composer."""
    answer.about_bot = True
    docs = overview_docs(c.documents)
    shown = [part for d in docs[:1] if (part := c.section(d, SHORT_ANSWER_SLUG)) is not None]
    answer.parts = [c.part(p) for p in shown]
    for part in answer.parts:
        part.asks, part.related = c.documents[part.doc_id]["title"], None
    answer.answered = bool(answer.parts)
    answer.near_miss = [{"doc_id": d, "title": c.documents[d]["title"]} for d in docs[len(shown) :]]
    return answer
