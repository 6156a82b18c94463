"""Whether the user asked a file's own question: a FAQ's title or a file's first phrasing that
the question nearly repeats. Only then does the file's yes or no stand under that question."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..search.phrasings import normalise_question
from ..search.scope import laws_in
from ..search.textproc import without_filler

# How close (rapidfuzz token-set ratio on folded text) the user's question must be to a file's
# own question for the answer to say "Svar på frågan ”…”".
PARAPHRASE = 75


def own_question(record: dict) -> str | None:
    """The question a file answers: an FAQ's title, else its first `questions:` phrasing."""
    if record.get("kind") == "faq" and record.get("title", "").rstrip().endswith("?"):
        return record["title"]
    return record.get("question")


def paraphrase(asked: str, own: str) -> bool:
    """Near enough in words, chat filler left out ("får man ens kräva kollektivavtal nu för
    tiden"), and about the same law ("… i en byggentreprenad?" does
    not paraphrase "… i ett valfrihetssystem enligt LOV?")."""
    if laws_in(asked) != laws_in(own):
        return False
    return (
        fuzz.token_set_ratio(normalise_question(without_filler(asked)), normalise_question(own)) >= PARAPHRASE
    )
