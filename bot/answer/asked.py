"""Whether the user asked a file's own question: a FAQ's title or a file's first phrasing that
the question nearly repeats. Only then does the file's yes or no stand under that question.
Also whether a file is about something else than the question: other suppliers to favour
(`other_parties`). Which file leads a permission question is bot/answer/permission_lead.py."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ..search.phrasings import normalise_question
from ..search.scope import LOCAL, LOCAL_SUPPLIERS, SIGNED, laws_in, settings_in
from ..search.textproc import tokens, without_filler, words
from .filters import detect_instruments
from .modality import other_action, other_modality
from .names import is_name
from .wording import PERMISSION, RULINGS

# How close (rapidfuzz token-set ratio on folded text) the user's question must be to a file's
# own question for the answer to say "Svar på frågan ”…”".
PARAPHRASE = 75


def own_question(record: dict) -> str | None:
    """The question a file answers: an FAQ's title, else its first `questions:` phrasing."""
    if record.get("kind") == "faq" and record.get("title", "").rstrip().endswith("?"):
        return record["title"]
    return record.get("question")


def asks_own(asked: str, own: str | None, record: dict, either_way: bool = False) -> bool:
    """Did the user ask the file's own question: in one of its phrasings (a title of two
    questions is asked by either: "Måste vi ta sociala hänsyn? Är bör-regeln …?"), and for no
    other suppliers than it names? Another phrasing may ask more than the question the short
    answer answers ("… ett lokalt socialt företag …"); a phrasing that asks what or how does not
    ask a yes/no own question ("Vad är en reserverad upphandling?" among the phrasings of "Får vi
    reservera …?"), nor does a phrasing that asks in another mode than the own question ("Måste
    leverantören ha anställt folk redan när anbudet lämnas?" among those of "Får vi ställa
    sysselsättningskrav?", whose "Ja" is no answer to it); and a question of how much or which
    asks no yes/no phrasing ("Hur stor får en direktupphandling vara" does not ask
    "direktupphandling ASF ok?")."""
    if not own or more_parties(asked, own):
        return False
    halves = [f"{q.strip()}?" for q in own.split("?") if q.strip()] if own.count("?") > 1 else []
    how_much = bool(ASKS_HOW_MUCH.match(asked))
    return any(
        paraphrase(asked, q, either_way)
        for q in [own, *halves, *(record.get("questions") or [])]
        if (not ASKS_WHAT_OR_HOW.search(q) or ASKS_WHAT_OR_HOW.search(own))
        and (not how_much or ASKS_WHAT_OR_HOW.search(q))
        and (q in (own, *halves) or not other_modality(q, own))
    )


# An own question about a contract already signed (scope.SIGNED: the words that ask about one)
SIGNED_OWN = re.compile(r"tecknad|tecknat|befintlig|pågående|påskriv|already signed", re.IGNORECASE)


def paraphrase(asked: str, own: str, either_way: bool = False) -> bool:
    """Near enough in words, chat filler left out ("får man ens kräva kollektivavtal nu för
    tiden"), about the same law ("… i en byggentreprenad?" does not paraphrase "… i ett
    valfrihetssystem enligt LOV?") and about the same thing (`narrows`). An answer that holds
    `either_way` ("Det beror på …") answers "får vi" as well as "måste vi"."""
    asked = asked[: asked.rfind("?") + 1] or asked  # ("…? facket tjatar": said after, not asked)
    if laws_in(asked) != laws_in(own) or narrows(asked, own) or settings_in(own) - settings_in(asked):
        return False
    if bool(RULINGS.search(asked)) != bool(RULINGS.search(own)):  # "finns det domar om X" is not "vad är X"
        return False
    if (
        conflicts(asked, own)
        or wages_not_agreement(asked, own)
        or more_parties(asked, own)
        or other_subject(asked, own)
    ):
        return False
    if more_parties(own, asked):  # "… reservera … för lokala sociala företag i kommunen" asks of local firms
        return False
    if SIGNED_OWN.search(own) and not SIGNED.search(asked):
        return False  # "sociala krav i ett ramavtal" is not "… i ett ramavtal som redan är tecknat"
    if ONLY.search(own) and not (ONLY.search(asked) or RESERVES.search(asked)):
        return False  # "… där bara sociala företag får lämna anbud" is not "dela upp … så att små … kan"
    if not either_way and other_modality(asked, own):
        return False
    if other_action(asked, own):  # "måste vi följa upp …" is not "Måste vi ställa …?"
        return False
    if not ASKS_QUANTITY.search(asked) and figures(own) - figures(asked):
        return False  # "måste 30% ha funktionsnedsättning" names a share the question does not ask
    if says_more(asked, own):
        return False
    if not shares_a_core_word(asked, own):  # "… lokala ungdomar får sommarjobb hos leverantören"
        return False  # is not "Får vi kräva att leverantören har kontor här i stan?"
    return fuzz.token_set_ratio(
        normalise_question(without_filler(asked)), normalise_question(own)
    ) >= PARAPHRASE or holds_own(asked, own)


def holds_own(asked: str, own: str) -> bool:
    """Does a yes/no question hold every word of the own yes/no question but who is asked to do
    what, and at most two more ("facket vill ha kollektivavtal i avtalet, kan vi?" asks "Får vi
    kräva att leverantören har kollektivavtal?")?"""
    if not OWN_WHETHER.match(own) or not OWN_WHETHER.search(asked):
        return False
    mine = words_of_question(own)
    have = asked_words(SET_DEMAND.sub("kräva", asked))  # "ställa krav på kollektivavtal": kräva it
    core = mine - FRAME
    if not core or not all(any(one_stem(word, h) for h in have) for word in core):
        return False
    return len({h for h in have if not any(one_stem(h, m) for m in mine)}) <= CLOSE_EXTRA


# The frame of a yes/no question on a requirement, which a question may leave out
# (and of one on excluding: "måste vi utesluta en leverantör som …" says nothing of the grounds)
FRAME = frozenset(tokens("kräva krav ställa leverantören leverantörer upphandlingen upphandling utesluta"))
OWN_WHETHER = re.compile(
    r"^\W*(får|kan|måste|ska|bör|är)\b|\b(ok|okej|lagligt|tillåtet|legal|kan vi|får vi|kan man|får man|går det)\b",
    re.IGNORECASE,
)
CLOSE_EXTRA = 2
SET_DEMAND = re.compile(r"\bställ\w*\s+(ett\s+|några\s+)?krav\s+på\b", re.IGNORECASE)
# "Hur stor får en direktupphandling vara", "vilken paragraf …": no yes or no answers it
ASKS_HOW_MUCH = re.compile(
    r"^\W*((typ|alltså|asså|så|men|ok|okej|hej|btw)\W+)?(hur (stor|stort|mycket|mkt|många|länge|hög)|vilken|vilket|vilka|när)\b",
    re.IGNORECASE,
)
# A phrasing that asks what something is or how it works ("Vad är en reserverad upphandling?",
# "reserverad upphandlig hur funkar det")
ASKS_WHAT_OR_HOW = re.compile(
    r"^\W*(vad|va|hur|vilk\w*|vem|när|varför|what|how|which)\b|\bhur (funkar|fungerar)\b"
    r"|\b(vad|hur) (kan|gör|ska|bör) (vi|man|ni)\b",  # "Vite, avdrag eller hävning – vad kan vi göra …?"
    re.IGNORECASE,
)


def shares_a_core_word(asked: str, own: str) -> bool:
    """Does the question hold a word of the own question beyond the frame of a requirement
    ("kräva att leverantören …")? Two questions that share only the frame ask different things."""
    core = words_of_question(own) - FRAME
    have = asked_words(asked)
    return not core or any(one_stem(word, h) for word in core for h in have)


def narrower(asked: str, own: str) -> bool:
    """Is the own yes/no question the asked one with a setting added ("Får vi ställa
    sysselsättningskrav i en direktupphandling?" for "Får vi ställa sysselsättningskrav?")?"""
    setting = SETTING.search(own)
    if not setting or setting.group(2).lower() in asked.lower():
        return False
    # ("kan vi kräva praktikplats för nyanlända i städavtalet?": the same requirement, in other words)
    return holds_own(own, asked) or bool(instruments_in(own) & instruments_in(asked))


# A procedure or kind of contract a yes/no question is asked in ("… i en direktupphandling?")
SETTING = re.compile(
    r"\b(i|vid|under|inom) (?:en |ett )?(direktupphandl|lov\b|valfrihetssystem|ramavtal|luf\b|luk\b|koncession|avrop)",
    re.IGNORECASE,
)


def says_more(asked: str, own: str) -> bool:
    """Does the question hold more words the own question lacks than the own question has
    ("Får vi kräva att underleverantörerna följer samma arbetsrättsliga villkor som
    huvudleverantören?" is more than "Måste vi ställa arbetsrättsliga villkor?")?"""
    mine = words_of_question(own)
    extra = {t for t in asked_words(asked) if not any(one_stem(t, m) for m in mine)}
    return len(extra) > max(len(mine), MORE_WORDS)


@lru_cache(maxsize=8192)
def words_of_question(text: str) -> frozenset[str]:
    """A question's stemmed content words. Cached: an answer compares the question with the same
    files' phrasings again and again."""
    return frozenset(tokens(text))


@lru_cache(maxsize=1024)
def asked_words(text: str) -> frozenset[str]:
    """The user's question's stemmed content words, chat filler left out."""
    return frozenset(tokens(without_filler(text)))


def one_stem(a: str, b: str) -> bool:
    """ "socialt" and "social", "direktupphandl" and "direktupphandling": one starts the other."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


# ... and at least this many more ("funkar sysselsättningskrav på små kontrakt" still asks
# "Får vi ställa sysselsättningskrav?")
MORE_WORDS = 4


# "lön enligt svenskt kollektivavtal" asks for pay at the agreement's level, not for the supplier
# to have an agreement ("Får vi kräva att leverantören har kollektivavtal?")
WAGES = re.compile(
    r"\b(lön|löner|lönen|lönerna|lönenivå\w*|minimilön\w*|semester\w*|arbetstid\w*|wages?)\b", re.I
)


NUMBER = re.compile(r"\d+")
# "4 kap. 3 §" names a provision, not a figure: "Måste vi ta sociala hänsyn? Är bör-regeln i
# 4 kap. 3 § LOU tvingande?" is still what "måste vi ta sociala hänsyn?" asks
PROVISION_NUMBERS = re.compile(r"\b\d+\s*(?:[a-z]\s*)?(?:kap\b\.?|§+)", re.IGNORECASE)


def figures(text: str) -> set[str]:
    return set(NUMBER.findall(PROVISION_NUMBERS.sub(" ", text)))


ASKS_QUANTITY = re.compile(
    r"\d|\bhur (stor|många|mycket|mkt|hög)|andel|procent|belopp|gräns|tröskel", re.IGNORECASE
)


def wages_not_agreement(asked: str, own: str) -> bool:
    return bool(WAGES.search(asked)) and "kollektivavtal" in own.lower() and not WAGES.search(own)


@lru_cache(maxsize=20_000)
def instruments_in(text: str) -> frozenset[str]:
    """The instruments a text names; a reservation of no stated kind is any of them."""
    found = frozenset(detect_instruments(text, words(text)))
    return found | RESERVATION_KINDS if "reserverad" in found else found


RESERVATION_KINDS = frozenset({"reserverad", "reserverad-4-18", "reserverad-19-25", "reserverad-19-25a"})


def one_instrument(text: str) -> str | None:
    """The instrument a text names, when it names exactly one."""
    found = detect_instruments(text, words(text))
    return found[0] if len(found) == 1 else None


# Whom a question is about favouring or hiring: "gynna sociala företag" is not "gynna lokala
# företag", though the words are near.
PARTIES = {
    "sociala": re.compile(
        r"\b(social(a|t)? ?(företag|kooperativ)\w*|soc\.? företag\w*|socialföretag\w*|arbetsintegrerande|"
        r"skyddade? verkst\w*|samhall)\b",
        re.IGNORECASE,
    ),
    "lokala": re.compile(
        rf"\b({LOCAL_SUPPLIERS}|från (vår|den egna) kommun\w*)\b",
        re.IGNORECASE,
    ),
    "idéburna": re.compile(r"\b(idéburn\w*|ideburn\w*|ideell\w*|föreningar|föreningen)\b", re.IGNORECASE),
    # those hired as the requirement's target group: not the same as people who live locally
    # ("anställer lokalt" is not "anställer ungdomar")
    "målgrupp": re.compile(
        r"\b(ungdom\w*|unga|långtidsarbetslös\w*|arbetslös\w*|nyanlända|funktionsnedsätt\w*|funktionshind\w*)\b",
        re.IGNORECASE,
    ),
}


def parties_in(text: str) -> set[str]:
    return {party for party, pattern in PARTIES.items() if pattern.search(text)}


def conflicts(asked: str, own: str) -> bool:
    """Do the question and a file's own question name different instruments ("köpa direkt" is not
    "reservera") or different suppliers to favour?"""
    mine, theirs = instruments_in(asked), instruments_in(own)
    return bool(mine and theirs and not mine & theirs) or other_parties(asked, own)


def other_parties(asked: str, own: str) -> bool:
    """ "Gynna sociala företag" is not "gynna lokala företag"."""
    mine, theirs = parties_in(asked), parties_in(own)
    return bool(mine and theirs and not mine & theirs)


def more_parties(asked: str, own: str) -> bool:
    """ "Kan vi reservera en upphandling för bara lokala sociala företag?" asks more than "Får vi
    reservera en upphandling för sociala företag?": its "Ja" would read as a yes to favouring
    local ones. Only local suppliers count: "gynna lokala sociala företag" is still asked by
    "Får vi gynna lokala företag?", whose "Nej" holds whoever else is named."""
    return bool(LOCAL.search(asked)) and not LOCAL.search(own)


# "Får Samhall lämna anbud …?": a named party as the subject of the question
NAMED_SUBJECT = re.compile(r"^\W*(?i:får|kan|måste|behöver|ska) ([A-ZÅÄÖ][\wåäö:-]+)")


def other_subject(asked: str, own: str) -> bool:
    """ "Får Samhall lämna anbud i en reserverad upphandling?" is not asked by "kan en avdelning i
    en stiftelse lämna anbud …": the party named is what the question is about."""
    named = NAMED_SUBJECT.match(asked)
    return bool(named) and named.group(1).lower() not in own.lower()


# "måste vi …?" asks whether it is required; "får vi …?" whether it is allowed
MUST = re.compile(
    r"^\W*(måste|behöver|ska) (vi|man|kommunen|regionen|ni)\b|\b(är vi|är kommunen) (skyldig|tvungen|tvungna)",
    re.I,
)
MAY = re.compile(r"^\W*(får|kan) (vi|man|kommunen|regionen|ni)\b", re.I)


def other_modal(asked: str, own: str) -> bool:
    """ "Måste vi reservera …?" is not asked by "Får vi reservera …?": its "Ja" would read as a
    duty. (Nor the other way round.)"""
    return bool((MUST.search(asked) and MAY.search(own)) or (MAY.search(asked) and MUST.search(own)))


def unasked_locals(asked: str, doc_id: str, locals_: dict[str, str]) -> bool:
    """ "Får vi ge extrapoäng till anbud som anställer lärlingar?" is not answered by the FAQ on
    extra points "till leverantörer från vår kommun": a question that names no local supplier
    or local people is not asked by an FAQ on favouring them."""
    return doc_id in locals_ and not LOCAL.search(asked)


def local_faqs(documents: dict[str, dict]) -> dict[str, str]:
    """FAQ id -> its question, for the FAQs that ask whether local suppliers or local people may
    be favoured ("Får vi gynna lokala företag …?"; not "Kan vi ta reda på vilka … som finns i vår
    kommun?")."""
    return {
        doc_id: own
        for doc_id, record in documents.items()
        if record.get("kind") == "faq"
        and (own := own_question(record))
        and LOCAL.search(own)
        and re.match(r"\s*(får|måste) vi\b", own, re.IGNORECASE)
    }


def on_locals(asked: str, top, documents: dict[str, dict], locals_: dict[str, str]) -> str | None:
    """ "Får vi reservera en upphandling för bara lokala sociala företag?" is answered by the FAQ
    on favouring local firms, not by the one on reserving ("Ja …"), when the question limits who
    may take part (reserves, favours, or "bara" …); the FAQ with the phrasing closest in words
    ("… för företag som har sitt säte i kommunen" is on local firms, not on hiring local people)."""
    if not locals_ or not RESTRICTS.search(asked):
        return None
    if not more_parties(asked, own_question(documents.get(top.doc_id, {})) or ""):
        return None
    return max(
        locals_, key=lambda doc_id: _likeness(asked, [locals_[doc_id], *_phrasings(documents, doc_id)])
    )


# ... when the guidance ranked among this many files
NARROWER_DEPTH = 5


def not_narrower(asking: list[tuple], asked: str, docs: list, documents: dict, guides: dict) -> list[tuple]:
    """The (hit, part) pairs whose own question was asked, but a FAQ that asks it in a narrower
    setting (`narrower`) when the guidance on the one instrument asked ranked close."""
    guide = guides.get(one_instrument(asked))
    if not guide or not any(h.passage.doc_id == guide for h in docs[:NARROWER_DEPTH]):
        return asking
    return [
        (hit, part)
        for hit, part in asking
        if not (
            hit.passage.kind == "faq"
            and narrower(asked, own_question(documents.get(hit.passage.doc_id, {})) or "")
        )
    ]


def nearer_local(asking: list[tuple], asked: str, documents: dict[str, dict], locals_: dict) -> list[tuple]:
    """The (hit, part) pairs whose own question was asked, the FAQ on local suppliers or local
    people first whose phrasings come nearest in words, when the best is one of them ("får vi
    kräva att personalen ska bo i kommunen?" asks the FAQ on hiring local people, not the one on
    favouring local firms)."""
    mine = [pair for pair in asking if pair[0].passage.doc_id in locals_]
    if len(mine) < 2 or asking[0] is not mine[0]:
        return asking

    def nearness(pair: tuple) -> float:
        doc_id = pair[0].passage.doc_id
        return _likeness(asked, [locals_[doc_id], *_phrasings(documents, doc_id)])

    best = max(mine, key=nearness)
    return [best, *(pair for pair in asking if pair is not best)]


def _phrasings(documents: dict[str, dict], doc_id: str) -> list[str]:
    return list(documents.get(doc_id, {}).get("questions") or [])


def _likeness(asked: str, phrasings: list[str]) -> float:
    """How near the question comes to the nearest of these phrasings, in words."""
    return max(fuzz.token_set_ratio(asked.lower(), text.lower()) for text in phrasings)


ONLY = re.compile(r"\b(bara|endast|enbart|uteslutande)\b", re.IGNORECASE)
RESERVES = re.compile(r"\breserv\w*", re.IGNORECASE)
# limits who may take part: reserves, "bara" …, favours
RESTRICTS = re.compile(
    rf"{ONLY.pattern}|{RESERVES.pattern}|\b(begränsa\w*|gynna\w*|prioritera\w*|företräde|förtur)\b",
    re.IGNORECASE,
)


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


def word_is_no_answer(asked: str, top, documents: dict[str, dict]) -> bool:
    """Is `top` a glossary passage, and does the question ask whether something may or must be
    done ("måste vi upphandla om det är en ideell förening?", "får kommunala bolag använda
    reserverad upphandling?"), so that what a word means does not answer it? A name's entry
    ("samhall reserverat??") still may: it says who the organisation is."""
    if top.kind != "glossary" or is_name(str(documents.get(top.doc_id, {}).get("term") or "")):
        return False
    return bool(PERMISSION.search(asked) or MODAL_START.match(asked))


# "Får kommunala bolag …?", "Kan en förening …?": a yes/no question on what another party may do
MODAL_START = re.compile(r"^\W*(får|kan|måste|ska|bör|behöver)\s+(?!du\b)[\wåäö]+", re.IGNORECASE)


def not_about_others(top, docs: list, asked: str, documents: dict, locals_: dict, guide=None):
    """A file whose own question names other suppliers ("gynna lokala företag" for "gynna
    sociala företag") gives way to the guidance on the one instrument asked (`guide`) or the next
    rule or FAQ that does not: "extra poäng för att anställa personer med funktionsnedsättning"
    is answered by the text on award criteria, not the FAQ on employment requirements."""
    own = own_question(documents.get(top.doc_id, {}))
    # "Får vi ställa sysselsättningskrav?" is not "… i en direktupphandling?": the guidance on the
    # requirement answers, when it ranked close, else the next FAQ or guidance asked in no narrower
    # setting
    if own and top.kind == "faq" and narrower(asked, own):
        if guide is not None and any(h.passage.doc_id == guide.doc_id for h in docs[1:NARROWER_DEPTH]):
            return guide
        for hit in docs[1:3]:
            other = own_question(documents.get(hit.passage.doc_id, {})) or ""
            if hit.passage.kind in ("faq", "guidance") and not narrower(asked, other):
                return hit.passage
    if not own or not (other_parties(asked, own) or unasked_locals(asked, top.doc_id, locals_)):
        return top
    for passage in [p for p in (guide, *(h.passage for h in docs[1:3])) if p and p.doc_id != top.doc_id]:
        other = own_question(documents.get(passage.doc_id, {}))
        if passage.kind not in ("example", "glossary") and not (
            (other and other_parties(asked, other)) or unasked_locals(asked, passage.doc_id, locals_)
        ):
            return passage
    return top
