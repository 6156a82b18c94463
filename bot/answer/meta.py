"""Questions about Hänsyn itself ("vad kan du hjälpa mig med?", "vem är du", "what can you
do"): they are answered by saying what Hänsyn is for, not by a knowledge file that happens to
share a word, and not by a referral elsewhere."""

from __future__ import annotations

import re

from .model import Answer
from .overview import overview_docs

ABOUT_BOT = re.compile(
    r"^\W*((hej|hallå|hejsan|tja|ok|okej)\W+)?(hänsyn\W+)?("  # "Hej Hänsyn, vad kan du …?"
    r"vad kan (du|ni|hänsyn)( (hjälpa|svara)( (mig|oss))?( med| på)?)?( (göra|egentligen))?"
    r"|vem är (du|ni)|vad är (du|hänsyn)( för (nåt|något|en bot))?|vad gör (du|hänsyn)"
    r"|hur (funkar|fungerar|använder (jag|man|vi)) (du|dig|hänsyn|boten|den här boten|tjänsten)"
    r"|vad (vet|kan) du( om)?|kan du hjälpa (mig|oss)|hjälp|help|what can you do|who are you|what are you"
    r")\W*$",
    re.IGNORECASE,
)


def asks_about_bot(text: str) -> bool:
    return bool(ABOUT_BOT.match(text.strip()))


def about_bot(answer: Answer, documents: dict[str, dict]) -> Answer:
    """No answer from the knowledge base, but what Hänsyn is for and the overview file to start
    from (a "Menar du …?" topic); no referral."""
    answer.answered = False
    answer.about_bot = True
    answer.near_miss = [{"doc_id": d, "title": documents[d]["title"]} for d in overview_docs(documents)]
    return answer
