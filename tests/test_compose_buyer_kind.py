"""A question that speaks for a kind of buyer and asks whether the law binds it ("vi är ett
bostadsbolag, måste vi följa LOU …?") is answered by the FAQ on that kind of buyer, not by a
FAQ whose own question is only part of it."""

from composer_kit import composer_over, ranked

from bot.answer.buyer_kind import kind_of_buyer_files

MUST = ("faq-bor", "faq", "Måste vi ta sociala hänsyn? Är bör-regeln i 4 kap. 3 § LOU tvingande?")
COMPANIES = (
    "faq-bolag",
    "faq",
    "Får kommunala bolag använda reserverad upphandling och ställa sociala krav?",
)


def composer():
    comp, passages = composer_over(
        {
            MUST: {"kort-svar": "Nej, bör-regeln är en rekommendation."},
            COMPANIES: {"kort-svar": "Ja, i regel. De flesta kommunala bolag är upphandlande myndigheter."},
        }
    )
    comp.documents["faq-bor"]["questions"] = ["Måste vi ta sociala hänsyn?", "måste vi ställa sociala krav"]
    return comp, passages


def test_a_company_asking_whether_lou_binds_it_gets_the_faq_on_companies_not_a_no():
    comp, passages = composer()
    asked = "vi är ett bostadsbolag, måste vi följa LOU när vi ställer sociala krav?"
    lead = comp.lead(ranked(passages, {"faq-bor": 0.030, "faq-bolag": 0.029}), asked, "permission")
    assert lead.doc_id == "faq-bolag" and lead.text.startswith("Ja")


def test_only_whether_the_law_binds_a_company_it_speaks_for_lifts_that_faq():
    comp, _ = composer()
    for asked in (
        "vi är ett bostadsbolag, måste vi följa LOU när vi ställer sociala krav?",
        "gäller LOU för vårt energibolag?",
        "omfattas kommunala bolag av LOU?",
    ):
        assert kind_of_buyer_files(asked, comp.documents) == {"faq-bolag"}, asked
    for asked in (
        "måste vi följa LOU när vi ställer sociala krav?",  # no company
        "vi är ett bostadsbolag, hur följer vi upp sysselsättningskrav?",  # not whether the law binds it
        "Kan ett kommunalt energibolag som lyder under LUF reservera kontrakt?",  # the law is given
    ):
        assert kind_of_buyer_files(asked, comp.documents) == set(), asked
