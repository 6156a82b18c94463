"""Comparisons: one passage per side, under the side's name, from the file whose title (or
glossary term) is most nearly the side, then a decision FAQ (`compares:`) that helps choose.
`c` is the Composer that holds the loaded passages and document records."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..knowledge.chunking import SHORT_ANSWER_SLUG, Passage
from ..knowledge.precedents import instrument_label
from ..search.retrieval import SearchResult
from ..search.scope import titled_laws
from ..search.textproc import tokens
from .analysis import Analysis, words_of
from .coverage import speaks_of
from .deciding import (
    PROVISION_WORDS,
    bears_on_each,
    decision_faq,
    names_qualifiers,
    qualified_faq,
    qualified_head,
    same_word,
)
from .filters import detect_instruments, detect_sectors
from .model import Answer, Part
from .names import is_name
from .sides import choice_topic
from .wording import COMBINE, EXPLAINING_SECTIONS, YES_OR_NO

if TYPE_CHECKING:
    from .compose import Searches

# Words of a side that name a provision rather than the instrument ("enligt 17 kap.").
REF_WORDS = re.compile(r"\b(enligt|kap\.?|§+|lou|luf|luk|lov|\d+( ?[a-z]\b)?)\b", re.IGNORECASE)
LAW_PROCUREMENT = re.compile(r"\b(lou|luf|luk)[- ]upphandling(en|ar)?\b", re.IGNORECASE)


def compose_comparison(c, answer: Answer, analysis: Analysis, searches: Searches) -> None:
    """One passage per side, under the side's name, then a FAQ that helps choose."""
    # "A eller B – vad passar?" weighs instruments: a side is the guidance on it, not the word's
    # definition; "vad är skillnaden mellan A och B" may well be answered by two definitions
    # (a name's entry is the side itself: "Samhall eller ett socialt företag" gets the glossary's Samhall)
    terms = (
        {d for d in c.glossary_ids if not is_name(str(c.documents[d].get("term") or ""))}
        if choosing(analysis)
        else set()
    )
    # a word with guidance of its own ("ord-reserverad-upphandling" beside "reserverad-upphandling")
    # is shown by its guidance either way, when the side's search finds it
    guided = {d for d in c.glossary_ids if d.removeprefix("ord-") in c.documents}
    side_docs: list[Part] = []
    used: set[str] = set()
    near: list[set[str]] = []  # each side's best files, to find the FAQ that compares them
    firsts: list[set[str]] = []  # ... its best one and the one shown for it
    plain = [side for side in analysis.sides if the_default(side, analysis.sides)]
    # "sociala krav i bygg jämfört med i städ": sides that differ by the sector only, each shown
    # by its best case, there being no rules of one sector's own
    by_sector = (
        all(len(detect_sectors(words_of(s))) == 1 for s in analysis.sides)
        and len({detect_sectors(words_of(s))[0] for s in analysis.sides}) == len(analysis.sides)
        and len({tuple(detect_instruments(s, words_of(s))) for s in analysis.sides}) == 1
    )
    # "sociala hänsyn i LOU och i LUF": the same thing under two laws, each shown by its law's file
    # ("LOU vs LUF" alone is named by the laws' own files as before)
    by_law = (
        len(same := {LAWS.sub("", s).strip(" ,.-").lower() for s in analysis.sides}) == 1
        and bool(words_of(same.pop()))
        and all(LAWS.search(s) for s in analysis.sides)
    )
    for side, result in zip(analysis.sides, searches.sides, strict=True):
        if side in plain:  # "ett vanligt företag o ett socialt företag": the other side says it
            continue
        near.append(side_files(result, c.deciding_ids))
        firsts.append(side_files(result, c.deciding_ids | c.example_ids, n=1))
        names_precedent = bool(analysis.organisation_docs) and any(
            n in side.lower() for n in analysis.organisations
        )
        found = {h.passage.doc_id for h in result.documents()[:GUIDED_DEPTH]}
        avoid = (
            used
            | c.deciding_ids
            | (set() if names_precedent else c.example_ids)
            | {d for d in guided if d.removeprefix("ord-") in found}
        )
        # (a side of a choice that names one instrument is named by the instrument's name)
        names = instrument_names(side) if terms else []
        named = (
            (in_its_sector(c, side, result, used) if by_sector else None)
            or (under_its_law(c, side, result, avoid) if by_law else None)
            or cited_by(result, avoid)
            or (
                named_by(c, names[0], result, avoid | terms, searches.main, True) if len(names) == 1 else None
            )
            or named_by(c, side, result, avoid | terms, searches.main, bool(terms))
            or named_by(c, side, result, avoid, searches.main)
        )
        part = c.part(c._section_for(named, "definition", side)) if named else None
        if part is not None and part.kind == "faq" and YES_OR_NO.match(part.text):  # (under the side's
            unpolar = unpolar_section(c, part.doc_id)  # name, no FAQ's yes or no to its own question)
            part = c.part(unpolar) if unpolar else part
        # a choice weighs instruments: the side's best file that is no word's definition, if any
        part = part or (
            c.lead(result, side, "definition", avoid=avoid | terms, yes_no=False) if terms else None
        )
        part = part or c.lead(result, side, "definition", avoid=avoid, yes_no=False)
        if part is not None and not named and not holds_side(c, part.doc_id, side):
            # "ett vanligt föreningsbidrag": a side its own search finds no file on is shown by
            # the passage of the whole question's best files that speaks of it, when one does
            # (another section of a file shown for another side will do: "IOP, bidrag eller
            # upphandling" finds bidrag in the IOP guidance's section on when it is no purchase)
            shown = {(sd.doc_id, sd.section) for sd in side_docs}
            other = next(
                (
                    p
                    for h in searches.main.documents()[:8]
                    if h.passage.doc_id not in avoid - used
                    for p in c.sections.get(h.passage.doc_id, [])
                    if (p.doc_id, p.id.split("#", 1)[1]) not in shown and holds_side(c, p, side)
                ),
                None,
            )
            part = c.part(other) if other else part
        part = out_of_scope(c, side, result) or part
        if part is None:
            continue
        part.label, part.asks, part.related = side, None, None
        used.add(part.doc_id)
        near[-1].add(part.doc_id)
        firsts[-1].add(part.doc_id)
        side_docs.append(part)
    decision = decision_faq(
        c,
        searches.main,
        {p.doc_id for p in side_docs},
        near,
        combining(analysis),
        tuple(analysis.sides),
        firsts,
    )
    if by_law:  # the FAQ whose title names the laws compared ("… i LOU, LUF och LUK?")
        decision = laws_faq(c, analysis.sides) or decision
    if by_sector:  # (a FAQ weighing instruments does not compare two sectors)
        decision = None
    head = qualified_head(analysis.sides)
    if decision is not None and head and not names_qualifiers(c, decision.doc_id, analysis.sides):
        # "obligatoriska eller frivilliga villkor" is not helped by a FAQ choosing between other things
        decision = None
    if decision is None and head:  # "… över eller under tröskelvärdet": the FAQ that names both
        decision = qualified_faq(c, searches.main, analysis.sides)
    # the best file for the whole question that could lead it (a precedent does not)
    first = next(
        (h.passage.doc_id for h in searches.main.documents() if h.passage.doc_id not in c.example_ids), None
    )
    compared = set(c.documents.get(decision.doc_id, {}).get("compares") or ()) if decision else set()
    every_side = len(near) >= 2 and all(compared & docs for docs in near)
    # (the best file only when it bears on every side: not "kollektivavtal eller villkor i nivå
    # med det" for "arbetsrättsliga villkor jämfört med villkor om mänskliga rättigheter")
    best = decision is not None and decision.doc_id == first and bears_on_each(c, first, analysis.sides, near)
    # ("… över och under tröskelvärdena": the FAQ whose title names both qualifiers asks it)
    names_both = decision is not None and bool(head) and names_qualifiers(c, decision.doc_id, analysis.sides)
    leads = decision is not None and (choosing(analysis) or best or every_side or names_both)
    if decision is not None:
        decision.label, decision.asks, decision.related = "Vad passar när?", None, None
    # a choice is answered first by the FAQ that helps choose, then side by side; so is "what
    # tells A and B apart" when the best file for the whole question is that FAQ, or when the
    # FAQ compares a file of every side
    answer.parts = ([decision] if leads else []) + side_docs
    overview = None if leads or not head or plain else guidance_on(c, searches.main, head, used)
    if overview is not None:  # "obligatorisk eller frivillig uteslutning": the text on exclusion first
        answer.parts.insert(0, overview)
    if decision and not leads:
        answer.parts.append(decision)
    topic = choice_topic(analysis.question)
    shown = {p.doc_id for p in answer.parts}
    # "Fairtrade – som krav eller som kriterium?": the file on Fairtrade first
    # (only a rule or FAQ: "hemtjänsten: LOV eller LOU?" is not helped by what the word means)
    avoid = shown | c.example_ids | c.deciding_ids | c.glossary_ids
    about = topic and named_by(c, topic, searches.main, avoid)
    shown_as = about and unpolar_section(c, about.doc_id)
    if shown_as:  # (a "Ja" to the file's own question would read as a yes to the choice)
        part = c.part(shown_as)
        part.label, part.asks, part.related = topic, None, None
        answer.parts.insert(0, part)


def out_of_scope(c, side: str, result: SearchResult) -> Part | None:
    """A side the knowledge base has no basis for ("miljökrav"), told by where to ask about it:
    the referral's own text, not a file that only shares its words."""
    referral = c.referrals.match(side)
    if referral is None or speaks_of(result, referral.matched, c.documents, c.passages, c.sections):
        return None
    told = c.section(referral.referral.id, SHORT_ANSWER_SLUG) or referral_passage(
        c, referral.referral.id, side
    )
    return c.part(told) if told else None


def referral_passage(c, referral_id: str, asked: str) -> Passage | None:
    """A referral is not chunked into passages (no search finds it): its short answer, kept on its
    record, as one passage, in the paragraph on what was asked."""
    record = c.documents.get(referral_id) or {}
    if not record.get("summary"):
        return None
    return Passage(
        id=f"{referral_id}#{SHORT_ANSWER_SLUG}",
        doc_id=referral_id,
        kind="referral",
        title=record.get("title", referral_id),
        heading="Kort svar",
        text=c.referrals.paragraph_for(asked, record["summary"]),
        refs=(),
        url=(record.get("sources") or [{}])[0].get("url"),
        checked=record.get("checked", ""),
    )


# a side's glossary entry gives way to its own guidance found among the side's best files
GUIDED_DEPTH = 5


def unpolar_section(c, doc_id: str) -> Passage | None:
    """A file's short answer, or when it opens with a yes or no, its explanation."""
    short = c.section(doc_id, SHORT_ANSWER_SLUG)
    if short is not None and not YES_OR_NO.match(short.text):
        return short
    return next(
        (p for slug in EXPLAINING_SECTIONS if (p := c.section(doc_id, slug)) and not YES_OR_NO.match(p.text)),
        None,
    )


def guidance_on(c, result: SearchResult, head: list[str], shown: set[str]) -> Part | None:
    """The short answer of a guidance text among the question's best five files whose title names
    the thing both sides qualify."""
    for hit in result.documents()[:5]:
        record = c.documents.get(hit.passage.doc_id, {})
        title = tokens(record.get("title") or "")
        if (
            record.get("kind") == "guidance"
            and record["id"] not in shown
            and all(any(same_word(w, t) for t in title) for w in head)
        ):
            # a yes or no answers another question: what the text explains, if it says it apart
            passage = c.section(record["id"], SHORT_ANSWER_SLUG)
            if passage is None or YES_OR_NO.match(passage.text):
                explained = (c.section(record["id"], slug) for slug in EXPLAINING_SECTIONS)
                passage = next((p for p in explained if p is not None), passage)
            return c.part(passage) if passage else None
    return None


def side_files(result: SearchResult, deciding: set[str], n: int = 4) -> set[str]:
    """A side's best files, by which a FAQ that compares is judged to speak of the side. A FAQ
    that compares is not a side's own file and takes none of the places ("reserverad
    upphandling" ranks the FAQ on combining it with sysselsättningskrav above its own guidance)."""
    own = [h.passage.doc_id for h in result.documents() if h.passage.doc_id not in deciding]
    return set(own[:n])


def choosing(analysis: Analysis) -> bool:
    """A choice between instruments ("ska vi A eller B?"), not a question of what tells two
    things apart ("vad är skillnaden mellan A och B?")."""
    return not CONTRAST.search(analysis.question)


CONTRAST = re.compile(
    r"skillnad|skiljer|samma sak|\bdiff(en|ar)?\b|\bdifference\b|\bvad är\b(?! (bättre|bäst|smartast|rimligast|lämpligast|enklast)\b)|what.?s the diff",
    re.IGNORECASE,
)


def instrument_names(side: str) -> list[str]:
    """The instruments a side names by other words, by their names ("krav på praktikplatser"
    names a sysselsättningskrav, "ett reserverat kontrakt" a reserverad upphandling); not one
    the side already calls by its name ("reserverad upphandling för daglig verksamhet")."""
    own = set(tokens(side))
    names = (
        INSTRUMENT_NAMES.get(key) or instrument_label(key).split(" (")[0]
        for key in detect_instruments(side, words_of(side))
    )
    return [name for name in names if not set(tokens(name)) <= own]


# What a side says is done with an instrument, not what it is.
DOING = frozenset(tokens("ställa använda kräva välja köra ha införa jobba satsa"))
# "vanlig LOU-upphandling" is the default way, not a file on how common something is
ORDINARY = frozenset(tokens("vanlig vanligt vanliga traditionell traditionellt ordinarie klassisk"))


# An instrument's name where its label is not ("reserverad" is any of the reservations, and a
# direct award need not be from a social enterprise)
INSTRUMENT_NAMES = {
    "reserverad": "reserverad upphandling",
    "direktupphandling-socialt-foretag": "direktupphandling",
}


def combining(analysis: Analysis) -> bool:
    """Two things at once ("kombinera A med B", "A och samtidigt B"), not one or the other."""
    return bool(COMBINE.search(analysis.question))


LAWS = re.compile(r"\b(lou|luf|luk|lov)\b", re.IGNORECASE)


def in_its_sector(c, side: str, result: SearchResult, used: set[str]) -> Passage | None:
    """ "sociala krav i bygg jämfört med i städ": the side's best case in the sector it names."""
    sector = detect_sectors(words_of(side))[0]
    return next(
        (
            h.passage
            for h in result.documents()[:NAMING_DEPTH]
            if h.passage.doc_id in c.example_ids
            and h.passage.doc_id not in used
            and sector in (c.documents[h.passage.doc_id].get("sector") or [])
        ),
        None,
    )


def laws_faq(c, sides: list[str]) -> Part | None:
    """The FAQ helping choose whose title names every law the sides name."""
    laws = {LAWS.search(side).group(1).upper() for side in sides}
    found = sorted(d for d in c.deciding_ids if laws <= titled_laws(c.documents[d].get("title") or ""))
    return c.part(c.section(found[0], SHORT_ANSWER_SLUG)) if found else None


def under_its_law(c, side: str, result: SearchResult, avoid: set[str]) -> Passage | None:
    """Among a side's best files, the first whose title names the law the side names."""
    law = LAWS.search(side).group(1).upper()
    return next(
        (
            h.passage
            for h in result.documents()[:NAMING_DEPTH]
            if h.passage.doc_id not in avoid
            and law in titled_laws(c.documents.get(h.passage.doc_id, {}).get("title") or "")
        ),
        None,
    )


def cited_by(result: SearchResult, avoid: set[str]) -> Passage | None:
    """For a side that names a provision ("19 kap. 25 §"), the best file citing it: its law text."""
    if not result.ref_keys:
        return None
    return next(
        (h.passage for h in result.documents() if h.ref_match and h.passage.doc_id not in avoid), None
    )


def named_by(
    c,
    side: str,
    result: SearchResult,
    avoid: set[str],
    context: SearchResult | None = None,
    guide_first: bool = False,
) -> Passage | None:
    """Among the side's best files, the one whose title (or glossary term) is most nearly
    the side itself ("socialt tilldelningskriterium" -> Sociala tilldelningskriterier,
    not an FAQ whose longer title merely mentions it). When two titles fit about as well
    ("Reserverad upphandling för sociala företag", "… av vissa välfärdstjänster"), the one the
    whole question (`context`) ranks higher wins; in a choice between instruments
    (`guide_first`) a guidance text before an FAQ on a narrower question or the law's text."""
    # a side that is a law ("LOV eller LOU …", "vanlig LOU-upphandling") is named by the titles
    # that name that law
    side = LAW_PROCUREMENT.sub(r"\1", side)
    law_only = not [w for w in tokens(REF_WORDS.sub(" ", side)) if w not in ORDINARY]
    strip = PROVISION_WORDS if law_only else REF_WORDS
    # ("fairtrade-krav" is named by the FAQ on Fairtrade: the "-krav" only says it is required)
    side = re.sub(r"(?<=\w)-krav(en)?\b", "", side, flags=re.IGNORECASE)
    # ("ställa sysselsättningskrav" is named by Sysselsättningskrav, not by an FAQ that asks to
    # "ställa sysselsättningskrav i en direktupphandling")
    wanted = [w for w in tokens(strip.sub(" ", side)) if not w.isdigit() and w not in DOING | ORDINARY]
    if not wanted:
        return None
    fits: dict[str, tuple[float, int, Passage]] = {}
    for rank, hit in enumerate(result.documents()[:NAMING_DEPTH]):
        record = c.documents.get(hit.passage.doc_id, {})
        if record.get("id") in avoid:
            continue
        for name in [named_as(record), *(record.get("synonyms") or [])]:
            title = tokens(strip.sub(" ", name))
            if title and all(any(same_word(w, n) for n in title) for w in wanted):
                fit = len(wanted) / len(title)
                if fit > fits.get(record["id"], (0.0,))[0]:
                    fits[record["id"]] = (fit, rank, hit.passage)
    if not fits:
        return None
    best_fit = max(f for f, _, _ in fits.values())
    where = {h.passage.doc_id: n for n, h in enumerate(context.documents())} if context else {}
    close = [(doc, f) for doc, f in fits.items() if f[0] >= best_fit - CLOSE_FIT]
    # ("reserverad upphandling" in a question naming no kind of it is the guidance on the
    # instrument as a whole, not the one on reserving welfare services the context ranks higher)
    general = own_guide(c, side, context.query if context else "")
    # (a title that fits about as well and is no FAQ answering its own question's yes or no goes
    # first: "LOU" is named by the rule's text, not by "Nej, bör-regeln är en rekommendation")
    doc, (_, _, passage) = min(
        close,
        key=lambda d: (
            guide_first and c.documents[d[0]].get("kind") != "guidance",
            c.documents[d[0]].get("kind") == "faq" and polar(c, d[0]),
            d[0] != general,
            where.get(d[0], 99),
            -d[1][0],
            d[1][1],
        ),
    )
    return passage


def own_guide(c, side: str, question: str) -> str | None:
    """The guidance on the one instrument a side names, when the whole question names that
    instrument and no narrower kind of it."""
    mine = detect_instruments(side, words_of(side))
    asked = detect_instruments(question, words_of(question)) if question else mine
    if NARROWER_KIND.search(question):  # "… om vi vill att en idéburen organisation driver det"
        return None
    return c.guides.get(mine[0]) if len(mine) == 1 and mine[0] in asked else None


NARROWER_KIND = re.compile(r"idébur|ideell|välfärd|hemtjänst|hvb|lss|bilaga 2", re.IGNORECASE)


def the_default(side: str, sides: list[str]) -> bool:
    """Is a side the ordinary kind of what another side is a special kind of ("ett vanligt
    företag" beside "ett socialt företag")?"""
    words = tokens(side)
    rest = [w for w in words if w not in ORDINARY]
    return len(rest) < len(words) and any(
        other != side and all(any(same_word(w, o) for o in tokens(other)) for w in rest) for other in sides
    )


def polar(c, doc_id: str) -> bool:
    """Does a file's short answer open with a yes or no?"""
    short = c.section(doc_id, SHORT_ANSWER_SLUG)
    return short is not None and bool(YES_OR_NO.match(short.text))


def named_as(record: dict) -> str:
    """A file's name: its title, but for a judgment only the case's name before the dash ("Rüffert
    (C-346/06)"), so that "krav på kollektivavtal" is not named by what the court said of it."""
    title = record.get("title", "")
    return title.split(" – ")[0] if record.get("kind") == "case-law" else title


# How far down a side's files a title that names the side is looked for
NAMING_DEPTH = 10
# Titles whose fit differs by no more than this fit "about as well".
CLOSE_FIT = 0.25


def holds_side(c, where: str | Passage, side: str) -> bool:
    """Does a file (its id) or one of its passages hold a word of a side ("ett vanligt
    föreningsbidrag": föreningsbidrag, or the known word that ends it, bidrag)? Words of three
    letters or fewer count only when the side has no longer one ("IOP")."""
    wanted = tokens(REF_WORDS.sub(" ", side))
    wanted = [w for w in wanted if len(w) > 3] or wanted
    if not wanted:
        return True
    vocabulary = vocabulary_of(c, where) if isinstance(where, str) else set(tokens(where.text))
    return any(same_word(h, w) or (len(w) >= 4 and h.endswith(w)) for h in wanted for w in vocabulary)


def vocabulary_of(c, doc_id: str) -> frozenset[str]:
    """The stems of the words a file's title and sections use (kept on the composer once read)."""
    if doc_id not in c.vocabularies:
        texts = [
            c.documents.get(doc_id, {}).get("title") or "",
            *(p.text for p in c.sections.get(doc_id, [])),
        ]
        c.vocabularies[doc_id] = frozenset(tokens(" ".join(texts)))
    return c.vocabularies[doc_id]
