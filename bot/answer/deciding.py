"""The FAQ that helps choose between the sides of a comparison (its `compares:` names files of
each side), and how a title names a side."""

from __future__ import annotations

import re

from ..knowledge.chunking import SHORT_ANSWER_SLUG
from ..search.retrieval import POLAR_TITLE, SearchResult
from ..search.scope import laws_in
from ..search.textproc import normalise_chat, tokens
from .asked import instruments_in
from .model import Part
from .wording import COMBINE, RULINGS

# Words of a side that cite a provision ("enligt 17 kap.") rather than name it.
PROVISION_WORDS = re.compile(r"\b(enligt|kap\.?|§+|\d+( ?[a-z]\b)?)\b", re.IGNORECASE)


def qualified_head(sides: list[str]) -> list[str]:
    """The words two sides share when they are one thing qualified two ways ("obligatorisk
    uteslutning", "frivillig uteslutning" -> uteslutning); empty otherwise."""
    words = [tokens(PROVISION_WORDS.sub(" ", side)) for side in sides]
    if len(words) < 2 or any(len(w) < 2 for w in words) or any(w[1:] != words[0][1:] for w in words):
        return []
    return words[0][1:]


def bears_on_each(c, doc_id: str, sides: list[str], near: list[set[str]]) -> bool:
    """Does a FAQ compare a close file of each side, or name a word of it that the other sides
    do not have? Of three sides or more, all but one will do ("LOV, IOP eller reserverad
    upphandling": the FAQ on LOV or LOU still helps choose)."""
    record = c.documents.get(doc_id, {})
    compared, title = set(record.get("compares") or ()), tokens(record.get("title") or "")
    own = [set(tokens(normalise_chat(side))) for side in sides]  # ("procurement": upphandling)
    shared = set.intersection(*own) if own else set()
    if len(near) != len(sides):
        return False
    borne = sum(
        bool(compared & files) or any(same_word(w, t) for w in words - shared for t in title)
        for words, files in zip(own, near, strict=True)
    )
    return borne >= len(sides) - (len(sides) > 2)


def speaks_of_each(c, doc_id: str, sides: list[str], near: list[set[str]]) -> bool:
    """Does a FAQ bear on each side (`bears_on_each`), or compare a close file of each or name
    in its title the instrument a side names ("kräva att vinnaren anställer folk": the FAQ whose
    title names employment requirements)?"""
    if bears_on_each(c, doc_id, sides, near):
        return True
    record = c.documents.get(doc_id, {})
    compared, named = set(record.get("compares") or ()), instruments_in(record.get("title") or "")
    return all(
        compared & files or instruments_in(side) & named for side, files in zip(sides, near, strict=True)
    )


def names_qualifiers(c, doc_id: str, sides: list[str]) -> bool:
    """Does a file's title name what tells the sides apart (the first word of each)?"""
    title = tokens(c.documents.get(doc_id, {}).get("title") or "")
    firsts = [tokens(PROVISION_WORDS.sub(" ", side))[:1] for side in sides]
    return all(f and any(same_word(f[0], t) for t in title) for f in firsts)


def qualified_faq(c, result: SearchResult, sides: list[str]) -> Part | None:
    """Of the three files best for the whole question, the first FAQ that compares and whose title
    names what tells the sides apart ("Är det någon skillnad på sociala hänsyn över och under
    tröskelvärdena?" for a reserved procurement above or below the threshold)."""
    for hit in result.documents()[:3]:
        doc_id = hit.passage.doc_id
        if doc_id in c.deciding_ids and names_qualifiers(c, doc_id, sides):
            return c.part(c.section(doc_id, SHORT_ANSWER_SLUG) or hit.passage)
    return None


def decision_faq(
    c,
    result: SearchResult,
    sides: set[str],
    near: list[set[str]] | None = None,
    together: bool = False,
    side_texts: tuple[str, ...] = (),
    firsts: list[set[str]] | None = None,
) -> Part | None:
    """A FAQ that helps choose: the one that compares files of the most sides (a side counts
    when the FAQ compares its file or one of the side's best four), then the one about
    combining them when the question combines (`together`) and otherwise one that is not,
    then the most of the sides' own files, then the best ranked for the whole question; or
    the best file itself when it is such a FAQ and among the top three."""
    near = near or [{d} for d in sides]
    rank = {hit.passage.doc_id: n for n, hit in enumerate(result.documents()[:5])}
    asked = set(tokens(result.query))
    best = None
    other_laws = laws_in(result.query)  # a FAQ whose title names LOV, LUF or LUK compares that law
    # the FAQ on what courts have said about A and B does not help choose between them, unless
    # rulings are asked about
    rulings = frozenset() if RULINGS.search(result.query) else c.ruling_ids
    for record in c.documents.values():
        compared = set(record.get("compares") or ())
        laws = laws_in(record.get("title", ""))
        # (nor does one that asks "Får vi …?": it answers that question, as a FAQ)
        polar = POLAR_TITLE.match(record.get("title", ""))
        if not compared or polar or record["id"] in rulings or (laws and not laws & other_laws):
            # "17 kap. 2 § eller 17 kap. 1 §?" is not helped by the FAQ comparing LOU with LUF and LUK
            continue
        title = set(tokens(record.get("title", "")))
        # a side counts when the FAQ compares one of its files or its title names the side
        # ("IOP eller upphandling – …" speaks of "en vanlig upphandling" whatever ranks for it)
        named = [bool(side_texts) and in_title(side_texts[n], title) for n in range(len(near))]
        covered = sum(bool(compared & docs) or named[n] for n, docs in enumerate(near))
        about_combining = bool(COMBINE.search(record.get("title", "")))
        score = (
            covered,
            about_combining == together,
            words_in_title(side_texts, title),
            len(compared & sides),
            len(title & asked),
            -rank.get(record["id"], 99),
        )
        # ... and speaks of two sides by the file shown or found first for each (`firsts`) or by
        # its title ("dela upp … än att reservera" is not helped by the FAQ on reserving and
        # employment requirements)
        own = (
            sum(bool(compared & docs) or named[n] for n, docs in enumerate(firsts)) >= min(2, len(firsts))
            if firsts
            else len(compared & sides) >= 1
        ) or all(named)
        if covered >= min(2, len(near)) and own and (best is None or score > best[0]):
            best = (score, record["id"])
    side_words = {w for side in side_texts for w in tokens(side)}
    if best is None:  # the best file itself, when it is such a FAQ; one on combining two things
        for hit in result.documents()[:3]:  # speaks only of those two
            record = c.documents.get(hit.passage.doc_id, {})
            compared = set(record.get("compares") or ())
            on_others = COMBINE.search(record.get("title", "")) and not all(compared & d for d in near)
            # ... and it speaks of one side at least, by the files it compares or by its title
            # ("öppet eller förenklat förfarande" is not helped by the FAQ on collective agreements)
            speaks = any(compared & d for d in near) or set(tokens(record.get("title", ""))) & side_words
            if len(side_texts) >= 2 and len(near) == len(side_texts):
                # ... and of every side ("iop vs lov" is not helped by the FAQ on LOV or LOU)
                speaks = speaks and speaks_of_each(c, hit.passage.doc_id, list(side_texts), near)
            if compared and not on_others and speaks and not POLAR_TITLE.match(record.get("title", "")):
                best = (0, hit.passage.doc_id)
                break
    if best is None:
        return None
    short = c.section(best[1], SHORT_ANSWER_SLUG)
    return c.part(short) if short else None


def named_in(side: str, title: set[str]) -> list[bool]:
    """For each word of the side, whether the title names it (the words that cite a provision,
    "enligt 4 kap 18 §", are not the side's name)."""
    return [
        any(same_word(w, t) for t in title) for w in tokens(PROVISION_WORDS.sub(" ", side)) if not w.isdigit()
    ]


def in_title(side: str, title: set[str]) -> bool:
    """Does a title name the side: every word of it, or for a side of one or two words ("en
    vanlig upphandling") its last, the head of the phrase?"""
    named = named_in(side, title)
    return bool(named) and (all(named) or (len(named) <= 2 and named[-1]))


def words_in_title(sides: tuple[str, ...], title: set[str]) -> int:
    """How many of the sides' words a title names."""
    return sum(sum(named_in(side, title)) for side in sides)


def same_word(a: str, b: str) -> bool:
    """Two stems of one word ("tilldelningskriterium", "tilldelningskriteri"): equal, or the
    shorter is all but the last two letters of the longer's start (six letters at least)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 6 and long.startswith(short[:-2]) and len(long) - len(short) <= 4
