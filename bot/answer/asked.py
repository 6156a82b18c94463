"""Whether the user asked a file's own question: a FAQ's title or a file's first phrasing that
the question nearly repeats. Only then does the file's yes or no stand under that question."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..search.phrasings import normalise_question
from ..search.scope import laws_in, settings_in
from ..search.textproc import without_filler, words
from .filters import detect_instruments
from .wording import RULINGS

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
    tiden"), about the same law ("… i en byggentreprenad?" does not paraphrase "… i ett
    valfrihetssystem enligt LOV?") and about the same thing (`narrows`)."""
    if laws_in(asked) != laws_in(own) or narrows(asked, own) or settings_in(own) - settings_in(asked):
        return False
    if bool(RULINGS.search(asked)) != bool(RULINGS.search(own)):  # "finns det domar om X" is not "vad är X"
        return False
    mine, theirs = instruments_in(asked), instruments_in(own)
    if mine and theirs and not mine & theirs:  # "köpa direkt" is not "reservera"
        return False
    return (
        fuzz.token_set_ratio(normalise_question(without_filler(asked)), normalise_question(own)) >= PARAPHRASE
    )


def instruments_in(text: str) -> set[str]:
    return set(detect_instruments(text, words(text)))


def narrows(asked: str, own: str) -> bool:
    """Does the question use a compound of one of the own question's words that names another
    thing ("kollektivavtalslön", "kollektivavtalsnivå" beside "kollektivavtal": the wages, not
    the agreement)? "kollektivavtalskrav" is still a requirement of one."""
    mine = set(words(own))
    for word in set(words(asked)) - mine:
        for base in mine:
            rest = word[len(base) :]
            if len(base) >= 6 and word.startswith(base) and rest not in SAME_THING:
                return True
    return False


# What may follow a word and still name the same thing: its endings, and a requirement of it
# ("kollektivavtalskrav") or its label ("Fairtrade-märkt").
SAME_THING = frozenset(
    "e a n t s en et na er ar or re erna arna orna ernas arnas ens ets ade ande are "
    "skrav skraven skravet krav kraven kravet märkt märkta märkning märkningen".split()
)
