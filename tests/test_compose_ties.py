"""Two FAQs whose phrasings both ask what the user asked, and the search cannot tell apart: the
one whose title holds more of the question's words leads ("extra poäng till anbud från sociala
företag" is the FAQ on points for social enterprises, not the one on lowest price)."""

from composer_kit import composer_over, ranked

PRICE = (
    "faq-pris",
    "faq",
    "Måste vi välja lägsta pris, eller kan sociala hänsyn vara tilldelningskriterium?",
)
POINTS = ("faq-poang", "faq", "Får vi ge poäng för att anbudsgivaren är ett socialt företag?")


def composer():
    comp, passages = composer_over(
        {
            PRICE: {"kort-svar": "Nej, ni måste inte välja lägsta pris."},
            POINTS: {"kort-svar": "Nej, inte bara för att anbudsgivaren är ett socialt företag."},
        }
    )
    comp.documents["faq-pris"]["questions"] = ["kan sociala hänsyn ge poäng i utvärderingen"]
    comp.documents["faq-poang"]["questions"] = ["kan vi ge pluspoäng i utvärderingen till sociala företag"]
    return comp, passages


def test_the_faq_whose_title_holds_the_question_leads_a_tie():
    comp, passages = composer()
    asked = "Får vi ge extra poäng i utvärderingen till anbud från sociala företag?"
    lead = comp.lead(ranked(passages, {"faq-pris": 0.028, "faq-poang": 0.0279}), asked, "permission")
    assert lead.doc_id == "faq-poang"


def test_a_few_shared_words_do_not_overturn_the_better_ranked_faq():
    comp, passages = composer()
    asked = "kan vi belöna anbud som gör sociala grejer med poäng när vi utvärderar"
    lead = comp.lead(ranked(passages, {"faq-pris": 0.028, "faq-poang": 0.0279}), asked, "permission")
    assert lead.doc_id == "faq-pris"


def test_a_clear_lead_in_the_ranking_is_kept():
    comp, passages = composer()
    asked = "Får vi ge extra poäng i utvärderingen till anbud från sociala företag?"
    lead = comp.lead(ranked(passages, {"faq-pris": 0.040, "faq-poang": 0.028}), asked, "permission")
    assert lead.doc_id == "faq-pris"
