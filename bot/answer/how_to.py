"""Which file leads a how-to question ("hur gör vi …?"): the one that says how, when it ranks close
to a best file that does not, and the text on following up when that is what is asked."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..knowledge.chunking import Passage
from ..search.scope import asks_its_case
from ..search.textproc import tokens

# A file with a how-to section within this share of the best file's score leads a how-to
# question when the best file has none; a guidance text within the second, when it is an FAQ.
HOW_TO_SHARE = 0.85
GUIDANCE_SHARE = 0.95
# "hur följer man upp lönevillkoren?": a how-to on following up (not "hur konstruerar vi ett
# kriterium som går att följa upp?"), for the text on follow-up
ASKS_HOW_TO_FOLLOW_UP = re.compile(
    r"\bhur\s+((ska|skall|kan|bör|gör)\s+(vi|man|ni)\s+)?följ\w*(\s+(man|vi|ni))?\s+upp\b"
    r"|\buppföljning(en)? av\b",  # "uppföljning av sysselsättningskrav hur??"
    re.IGNORECASE,
)
ON_FOLLOW_UP = re.compile(r"\buppföljning|\bfölj\w*(\s+(vi|man|ni))?\s+upp\b", re.IGNORECASE)


def how_to_top(docs: list, asked: str, says_how: Callable[[str], bool]) -> Passage:
    """The file that leads a how-to question: a close text on following up when that is what is
    asked, a close guidance text that says how before an FAQ's steps on another question, a close
    file that says how (`says_how`) before one that does not."""
    best = docs[0]
    follow_up = ASKS_HOW_TO_FOLLOW_UP.search(asked) and not ON_FOLLOW_UP.search(best.passage.title)
    rules = [(HOW_TO_SHARE, "follow-up")] if follow_up else []
    # (not before an FAQ on the question asked: "hur hittar vi arbetsintegrerande sociala företag
    # i vår kommun?" is "Kan vi ta reda på vilka arbetsintegrerande sociala företag som finns i
    # vår kommun …?", whatever verb it uses)
    # ("leverantören skiter i sysselsättningskravet, vad gör vi": the FAQ on a supplier that
    # does not keep the contract, not the guidance's steps for setting the requirement)
    if asks_its_case(best.passage.title, asked):
        return best.passage
    # (... nor before the FAQ on following up, when following up is what is asked)
    on_it = covers(best.passage.title, asked) or bool(
        ASKS_HOW_TO_FOLLOW_UP.search(asked)
        and ON_FOLLOW_UP.search(best.passage.title)
        and named(best.passage.title, asked)
    )
    rules += [(GUIDANCE_SHARE, "guidance")] if best.passage.kind == "faq" and not on_it else []
    if not says_how(best.passage.doc_id):
        rules.append((HOW_TO_SHARE, None))
    for share, kind in rules:
        for hit in docs[1:3]:
            fits = kind in (None, hit.passage.kind) or (
                kind == "follow-up" and ON_FOLLOW_UP.search(hit.passage.title)
            )
            if fits and says_how(hit.passage.doc_id) and hit.score >= share * best.score:
                return hit.passage
    return best.passage


def named(title: str, asked: str) -> bool:
    """Does the question name every word of a title but the how and follow-up words ("Hur följer
    vi upp sysselsättningskrav?" for "uppföljning av sysselsättningskrav hur")?"""
    held = {t[:SAME_START] for t in tokens(asked)}
    rest = [t for t in tokens(title) if t not in HOW_WORDS and t not in FOLLOW_WORDS]
    return bool(rest) and all(t[:SAME_START] in held for t in rest)


def covers(title: str, asked: str) -> bool:
    """Does a title hold all but one of the question's content words (the "how" words left out)?"""
    wanted = set(tokens(asked)) - HOW_WORDS
    held = {t[:SAME_START] for t in tokens(title)}  # ("socialt", "sociala")
    return len(wanted) >= MIN_WORDS and len([w for w in wanted if w[:SAME_START] not in held]) <= 1


HOW_WORDS = frozenset(tokens("hur gör går ska kan vi man ni jag"))
FOLLOW_WORDS = frozenset(tokens("följer följa upp uppföljning"))
MIN_WORDS = 4
SAME_START = 5
