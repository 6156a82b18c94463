"""The faster paths of the search give what the plain ones gave: the same scores, corrections,
rewrites and rankings (answers must not change when the search gets faster)."""

import re

import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.search.glossary import Glossary, _contains
from bot.search.phrasings import Phrasings, normalise_question
from bot.search.textproc import CHAT_PHRASES, CHAT_WORDS, PARTICLE_VERBS, SpellingCorrector, normalise_chat

ASKED = [
    "Får vi kräva kollektivavtal av leverantören?",
    "can we require collective agreements and a code of conduct in a framework agreement",
    "Hur följer vi upp sysselsättningskraven? 30% ska vara långtidsarbetslösa",
    "kicka ut en lev som dumpar lönerna, asap pls",
    "Social enterprises and reserved contracts – what does case law say?",
    "vad e ngn bra tips för direct award till social enterprise",
    "följde ni upp det",
]


def normalise_chat_as_before(text: str) -> str:
    """normalise_chat as it was written before its patterns were compiled once."""
    lowered = re.sub(r"(\d)\s?%", r"\1 procent", text.lower())
    for phrase, swedish in CHAT_PHRASES.items():
        lowered = re.sub(rf"\b{re.escape(phrase)}\b", swedish, lowered)
    for verb, noun in PARTICLE_VERBS.items():
        lowered = re.sub(verb, rf"\g<0> {noun}", lowered)
    return re.sub(r"[a-zåäö]+", lambda m: CHAT_WORDS.get(m.group(), m.group()), lowered)


@pytest.mark.parametrize("text", ASKED)
def test_normalise_chat_rewrites_as_before(text):
    assert normalise_chat(text) == normalise_chat_as_before(text)


def test_the_spelling_corrector_finds_what_the_whole_vocabulary_gives():
    freq = {
        "kollektivavtal": 40,
        "kollektivavtalet": 5,
        "kollektivtrafik": 3,
        "reserverad": 9,
        "reserverat": 9,
    }
    freq |= {"reserverar": 2, "sysselsättningskrav": 12, "upphandling": 50, "upphandlingar": 7}
    speller = SpellingCorrector(freq)
    for token in [
        "kollektivavtl",
        "kollektivavtalt",
        "reserverab",
        "upphandlin",
        "upphandlingarr",
        "xyzxyzxyz",
    ]:
        found = process.extract(token, speller.terms, scorer=OSA.distance, score_cutoff=1, limit=None)
        expected = max(sorted(t for t, _, _ in found), key=lambda t: freq[t]) if found else None
        assert speller.correct(token) == expected, token


def test_a_phrase_is_found_as_consecutive_tokens_only():
    seq = ["reserv", "kontrakt", "social", "företag", "kontrakt"]
    assert _contains(seq, ("social", "företag"))
    assert _contains(seq, ("kontrakt",))
    assert not _contains(seq, ("företag", "social"))
    assert not _contains(seq, ("kontrakt", "social", "företag", "kontrakt", "x"))
    glossary = Glossary([("ord-iop", ["IOP", "idéburet offentligt partnerskap"])])
    extra, matched, _ = glossary.expand(["idébur", "offent", "partnerskap"])
    assert matched == ["ord-iop"] and extra == ["iop"]


DOCS = {
    "faq-kollektivavtal": {
        "kind": "faq",
        "title": "Får vi kräva kollektivavtal av leverantören?",
        "questions": ["Kan vi ställa krav på kollektivavtal i städupphandlingen?"],
    },
    "reserverad-upphandling": {
        "kind": "guidance",
        "title": "Reserverad upphandling",
        "questions": ["Får vi reservera en upphandling för sociala företag enligt 4 kap. 18 §?"],
    },
}
for _id, _record in DOCS.items():
    _record["id"] = _id


@pytest.mark.parametrize("text", ASKED + ["kollektivavtal kräva vi får av leverantören"])
def test_near_quotes_and_likeness_score_as_rapidfuzz_does_pair_by_pair(text):
    phrasings = Phrasings(DOCS)
    asked = normalise_question(text)
    expected = process.extract(asked, phrasings.texts, scorer=fuzz.token_sort_ratio, score_cutoff=88, limit=5)
    numbers = re.findall(r"\d+", asked)
    near = next(
        (phrasings.docs[n] for _, _, n in expected if re.findall(r"\d+", phrasings.texts[n]) == numbers), None
    )
    assert phrasings._near_quoted(asked, numbers) == near
    likeness = {
        doc: max(fuzz.token_set_ratio(asked, phrasings.texts[n]) / 100 for n in phrasings.of[doc])
        for doc in DOCS
    }
    assert phrasings.likeness(text, [*DOCS, "unknown-file"]) == likeness


def test_a_search_read_beforehand_ranks_as_one_read_by_itself(pipeline):
    retriever = pipeline._engine.retriever
    for text in ["Får vi reservera upphandlingen för sociala företag?", "4 kap. 18 § LOU", "vad är IOP"]:
        plain = retriever.search(text, prefer={"faq": 1.1})
        read = retriever.search(text, prefer={"faq": 1.1}, reading=retriever.read(text))
        assert [(h.passage.id, h.score) for h in read.hits] == [(h.passage.id, h.score) for h in plain.hits]
        assert (read.confidence, read.features, read.quoted) == (
            plain.confidence,
            plain.features,
            plain.quoted,
        )
