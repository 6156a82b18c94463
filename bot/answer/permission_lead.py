"""Which file leads a "får vi …?" or "måste vi …?": the file on the instrument asked before one
on another (`on_the_instrument`), the file on the law named (`on_the_law`), and the guidance on the
one instrument asked when the best file is a word's definition or guidance on another instrument
(`guide_on`), whose "Ja, ni får …" then answers a "får vi …?" (`says_yes_to`). Whether the user
asked a file's own question is bot/answer/asked.py."""

from __future__ import annotations

import re

from ..knowledge.refs import find_refs
from ..search.scope import LOCAL, laws_in, titled_laws
from ..search.textproc import tokens, words
from .asked import (
    MAY,
    RESERVATION_KINDS,
    instruments_in,
    on_locals,
    one_instrument,
    word_is_no_answer,
)
from .filters import detect_instruments
from .modality import modalities
from .names import is_name
from .ties import TIE

# Instruments named by words that mean nothing else (not "jobb", which may be an outcome)
PLAIN_INSTRUMENTS = RESERVATION_KINDS | {"direktupphandling-socialt-foretag", "iop", "lov", "uteslutning"}
# A file on the instrument asked leads when it scores at least this share of the best file
ON_THE_INSTRUMENT = 0.85


def on_the_instrument(top, docs: list, asked: str, documents: dict[str, dict]):
    """ "Får en region använda reserverad upphandling över tröskelvärdena?" is answered by a file
    on reservation, not by the one on thresholds and direct awards that ranks first: when the best
    file's title names another instrument than the one asked, a close file whose title names the
    one asked leads."""
    mine = instruments_in(asked) & PLAIN_INSTRUMENTS
    theirs = instruments_in(documents.get(top.doc_id, {}).get("title") or "")
    if not mine or mine & theirs:
        return top
    # a best file titled on no instrument ("Onormalt låga anbud" for "får man utesluta ett bolag
    # som fuskat med lönerna?") gives way only to one the search cannot tell from it
    return titled_on(docs, mine, documents, ON_THE_INSTRUMENT if theirs else TIE) or top


def on_the_law(top, docs: list, asked: str, documents: dict[str, dict]):
    """ "Får ett energibolag som följer LUF reservera …?", "Vilken bestämmelse i LUF motsvarar
    4:18 LOU?": a question that names LUF, LUK or LOV is answered by a close file whose title
    names that law (a FAQ, guidance or law text), when the best file's title does not. One that
    names LOU ("vilken paragraf i LOU handlar om reserverade kontrakt?") is answered by the LOU
    text before the directive's article or the EU judgment behind it."""
    if (
        law := on_the_provision(top, docs, asked, documents)
        or law_titled_as_asked(top, docs, asked, documents)
    ) is not None:
        return law
    mine, named = laws_in(asked), laws_in
    if not mine and NAMES_LOU.search(asked) and is_eu_law(documents.get(top.doc_id, {})):
        mine, named = {"LOU"}, titled_laws
    if not mine or named(documents.get(top.doc_id, {}).get("title") or "") & mine:
        return top
    for hit in docs[1:ON_THE_LAW_DEPTH]:
        title = documents.get(hit.passage.doc_id, {}).get("title") or ""
        if hit.passage.kind in ("faq", "guidance", "law") and named(title) & mine:
            return hit.passage
    return top


def on_the_provision(top, docs: list, asked: str, documents: dict[str, dict]):
    """ "16 kap. 1 § LOU – får man ha sociala tilldelningskriterier enligt den?" names the
    provision: a close law text on its chapter leads before a FAQ or guidance that cites it."""
    named = {(ref.law or "LOU", ref.chapter) for ref in find_refs(asked) if ref.chapter and ref.paragraph}
    if not named or top.kind == "law":
        return None
    for hit in docs[1:3]:
        first = first_ref(documents.get(hit.passage.doc_id, {}))
        if (
            hit.passage.kind == "law"
            and hit.score >= ON_THE_INSTRUMENT * docs[0].score
            and first is not None
            and (first.law or "LOU", first.chapter) in named
        ):
            return hit.passage
    return None


def law_titled_as_asked(top, docs: list, asked: str, documents: dict[str, dict]):
    """ "Var regleras obligatorisk uteslutning …?": of two close law texts, the one whose title
    holds two words of the question side by side ("13 kap. 1 § LOU – obligatorisk uteslutning …")
    leads before one whose title does not."""
    if top.kind != "law":
        return None
    pairs = _pairs(asked)
    if not pairs or pairs & _pairs(documents.get(top.doc_id, {}).get("title") or ""):
        return None
    for hit in docs[1:3]:
        title = documents.get(hit.passage.doc_id, {}).get("title") or ""
        if (
            hit.passage.kind == "law"
            and hit.score >= TITLED_LAW * docs[0].score
            and is_eu_law(documents.get(hit.passage.doc_id, {})) == is_eu_law(documents.get(top.doc_id, {}))
            and pairs & _pairs(title)
        ):
            return hit.passage
    return None


TITLED_LAW = 0.9


def _pairs(text: str) -> set[tuple[str, str]]:
    """Two content words side by side, cut to their first five letters ("obligatorisk uteslutning")."""
    words = [w[:5] for w in re.findall(r"[a-zåäöé]{4,}", text.lower())]
    return set(zip(words, words[1:], strict=False))


NAMES_LOU = re.compile(r"\bLOU\b", re.IGNORECASE)


def is_eu_law(record: dict) -> bool:
    """Is a file an article of the directive or a judgment of the EU Court (by its first ref)?"""
    first = first_ref(record)
    return record.get("kind") in ("law", "case-law") and first is not None and first.kind in ("eu", "cjeu")


def first_ref(record: dict):
    """A file's first ref, parsed (what the file is about), if it has one."""
    refs = find_refs(" ".join((record.get("refs") or [])[:1]))
    return refs[0] if refs else None


ON_THE_LAW_DEPTH = 8


def permission_top(top, docs: list, asked: str, documents: dict, guides: dict, locals_: dict, yes_no: bool):
    """(the passage that leads a "får vi …?", the guidance file to lead with instead, if any): the
    FAQ on favouring local suppliers when the question restricts to them; else the file on the
    instrument asked; else a close file whose title names it ("… praktikplatser i ett avtal
    under 700 000 kr": the FAQ on employment requirements in direct awards), before the guidance
    on it that ranked far below."""
    top = on_the_instrument(top, docs, asked, documents)
    local = on_locals(asked, top, documents, locals_)
    if local:
        return top, local
    guide = guide_on(top, asked, documents, guides) if yes_no else None
    close = titled_on(docs, instruments_in(asked), documents) if guide else None
    return (close, None) if close is not None else (top, guide)


def titled_on(
    docs: list,
    instruments: frozenset[str] | set[str],
    documents: dict[str, dict],
    share: float = ON_THE_INSTRUMENT,
):
    """The close file after the best (at least `share` of its score) whose title names one of
    these instruments, if any."""
    best = docs[0].score
    for hit in docs[1:3]:
        title = documents.get(hit.passage.doc_id, {}).get("title") or ""
        if (
            hit.passage.kind not in ("example", "glossary")
            and instruments_in(title) & instruments
            and hit.score >= share * best
        ):
            return hit.passage
    return None


def instrument_guides(documents: dict[str, dict]) -> dict[str, str]:
    """Instrument -> the guidance file on it, for each instrument only one guidance title names."""
    named: dict[str, list[str]] = {}
    general: list[
        str
    ] = []  # reservation in general ("kan vi reservera en del av ett ramavtal?"): 4 kap. 18 §
    for doc_id, record in documents.items():
        if record.get("kind") == "guidance":
            titled = instruments_in(record.get("title") or "")
            if len(found := titled - {"reserverad"}) == 1:
                named.setdefault(next(iter(found)), []).append(doc_id)
            if "reserverad-4-18" in titled:
                general.append(doc_id)
    guides = {instrument: ids[0] for instrument, ids in named.items() if len(ids) == 1}
    if "reserverad" not in guides and len(general) == 1:
        guides["reserverad"] = general[0]
    return guides


def guide_on(top, asked: str, documents: dict[str, dict], guides: dict[str, str]) -> str | None:
    """ "Får vi kräva sommarjobb för ungdomar i parkskötseln?" asks about one instrument (an
    employment requirement): when the best file is a word's definition or the guidance on another
    instrument (award criteria), the guidance on the one asked answers, wherever it ranked."""
    mine = set(detect_instruments(asked, words(asked)))
    if len(mine) != 1 or not mine <= set(guides) or top.kind not in ("glossary", "guidance", "faq"):
        return None
    if top.kind == "faq" and (
        not mine <= PLAIN_INSTRUMENTS | {"socialt-tilldelningskriterium"} or LOCAL.search(asked)
    ):
        return None  # "ge jobbet direkt till …": "jobb" is no requirement; local people: the FAQ on them
    record = documents.get(top.doc_id, {})
    if top.kind == "glossary" and is_name(str(record.get("term") or "")):
        return None  # "samhall, får vi köpa direkt?": who the organisation is answers
    theirs = instruments_in(record.get("title") or "")
    if theirs & mine or (top.kind != "glossary" and not theirs):
        return None  # a file on the instrument asked, or a text on none (proportionality)
    guide = guides[next(iter(mine))]
    return guide if guide != top.doc_id else None


# A "får vi …?" whose best file is a glossary entry is led by the next rule or FAQ that scores
# at least this share of it
RULE_OVER_TERM = 0.85


def rule_over_term(top, docs: list, asked: str, documents: dict[str, dict]):
    """ "måste vi upphandla om det är en ideell förening?" is not answered by what the word
    means: a close rule or FAQ leads."""
    if not word_is_no_answer(asked, top, documents):
        return top
    return next(
        (
            h.passage
            for h in docs[1:3]
            # (a judgment on another requirement is no rule for this one: "lärlingsplatser i en
            # byggentreprenad" is not answered by the ruling on a distance requirement)
            if h.passage.kind not in ("glossary", "example", "case-law")
            and h.score >= RULE_OVER_TERM * docs[0].score
        ),
        top,
    )


def rule_over_law(top, docs: list, asked: str, documents: dict[str, dict]):
    """ "måste vi anta det billigaste anbudet?" names no provision: a close FAQ or guidance whose
    title asks "måste" too leads before the law text that ranked first."""
    if top.kind != "law" or top.doc_id != docs[0].passage.doc_id or find_refs(asked):
        return top
    mine = modalities(asked) & {"must"}  # ("får vi reservera …?": the law's "får" answers it)
    for hit in docs[1:4]:
        title = documents.get(hit.passage.doc_id, {}).get("title") or ""
        if (
            hit.passage.kind in ("faq", "guidance")
            and hit.score >= RULE_OVER_TERM * docs[0].score
            and mine & modalities(title)
        ):
            return hit.passage
    return top


def says_yes_to(doc_id: str, asked: str, guides: dict[str, str]) -> bool:
    """Is the file the guidance on the one instrument a "får vi …?" names, whose "Ja, ni får …"
    answers it ("får vi ställa krav på praktikplatser i skolmaten?": employment requirements)?
    Not a "måste vi …?", which its "Ja" would answer wrongly."""
    # (not one that keeps it to local firms: "… för bara lokala sociala företag?")
    return doc_id == guides.get(one_instrument(asked)) and bool(MAY.match(asked)) and not LOCAL.search(asked)


def law_among(docs: list, asked: str):
    """For a provision asked for whose best file is a FAQ (a yes or no to its own question), the
    best law text among the best three files whose title names what is asked, if any; not for a
    question on another law than LOU, which the FAQ comparing them answers."""
    if not docs or docs[0].passage.kind != "faq" or re.search(r"\b(luf|luk|lov)\b", asked, re.IGNORECASE):
        return None
    mine = {t for t in tokens(asked) if len(t) > 3 and not t.isdigit()} - {"kap"}
    return next(
        (h.passage for h in docs[1:3] if h.passage.kind == "law" and mine & set(tokens(h.passage.title))),
        None,
    )
