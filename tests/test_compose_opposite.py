"""A close second FAQ that answers the other way is shown beside the lead, under its own question."""

from composer_kit import composer_over, ranked

from bot.answer.opposite import opposite_answer
from bot.knowledge.chunking import Passage
from bot.search.retrieval import Hit, SearchResult

FAQS = {
    "faq-lon": (
        "Får vi kräva att leverantören betalar kollektivavtalsenlig lön?",
        "Ja, i form av villkor om lön.",
    ),
    "faq-avtal": (
        "Får vi kräva att leverantören har kollektivavtal?",
        "Nej, men ni kan ställa krav på villkorens nivå.",
    ),
    "faq-annat": ("Får vi kräva praktikplatser?", "Ja, som ett särskilt kontraktsvillkor."),
}


def composer():
    return composer_over({(doc, "faq", title): {"kort-svar": text} for doc, (title, text) in FAQS.items()})


def test_a_close_faq_that_says_no_is_shown_beside_a_yes():
    comp, passages = composer()
    result = ranked(passages, {"faq-lon": 0.030, "faq-avtal": 0.028, "faq-annat": 0.020})
    lead = comp.lead(result, "lön och kollektivavtal i upphandlingen, vad gäller", "permission")
    other = opposite_answer(comp, result, lead, "lön och kollektivavtal i upphandlingen, vad gäller")
    assert lead.doc_id == "faq-lon"
    assert other is not None and other.doc_id == "faq-avtal"
    assert other.related == "Får vi kräva att leverantören har kollektivavtal?"  # under its own question


def test_a_distant_or_agreeing_faq_is_not_added():
    comp, passages = composer()
    far = ranked(passages, {"faq-lon": 0.030, "faq-avtal": 0.015})
    assert opposite_answer(comp, far, comp.lead(far, "lön", "permission"), "lön") is None
    agreeing = ranked(passages, {"faq-lon": 0.030, "faq-annat": 0.029})
    assert opposite_answer(comp, agreeing, comp.lead(agreeing, "lön", "permission"), "lön") is None


def test_a_question_that_asks_what_happens_gets_no_opposite_yes_or_no():
    comp, passages = composer()
    result = ranked(passages, {"faq-lon": 0.030, "faq-avtal": 0.028})
    asked = "vad händer om leverantören inte betalar lön enligt kollektivavtal?"
    assert opposite_answer(comp, result, comp.lead(result, asked, "permission"), asked) is None


def test_a_may_we_question_is_not_led_by_the_definition_of_a_word_it_uses():
    term = Passage(
        id="ord-forening#kort-svar",
        doc_id="ord-forening",
        kind="glossary",
        title="Ideell förening",
        heading="Kort svar",
        text="En ideell förening är en sammanslutning med ett ideellt syfte.",
        refs=(),
        url=None,
        checked="2026-12-05",
    )
    comp, passages = composer()
    comp.passages[term.id] = term
    comp.documents["ord-forening"] = {"id": "ord-forening", "kind": "glossary", "title": "Ideell förening"}
    result = SearchResult("", [Hit(term, 0.030), Hit(passages["faq-annat#kort-svar"], 0.027)], 1.0, 1.0)
    assert (
        comp.lead(result, "måste vi upphandla om det är en ideell förening?", "permission").doc_id
        == "faq-annat"
    )
    assert (
        comp.lead(result, "vad är en ideell förening?", "permission", yes_no=False).doc_id == "ord-forening"
    )
    far = SearchResult("", [Hit(term, 0.030), Hit(passages["faq-annat#kort-svar"], 0.020)], 1.0, 1.0)
    assert (
        comp.lead(far, "måste vi upphandla om det är en ideell förening?", "permission").doc_id
        == "ord-forening"
    )
