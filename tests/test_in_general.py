"""A question about one buyer and one social enterprise the precedents name asks what the FAQ
asks about any buyer and any social enterprise; a reservation for a named firm does not."""

from composer_kit import composer_over, ranked

from bot.answer.in_general import in_general, social_supplier_names

EXAMPLES = [
    {
        "id": "skane-catering",
        "suppliers": ["Yalla Trappan"],
        "supplier_type": "arbetsintegrerande socialt företag",
    },
    {"id": "bygg", "suppliers": ["Skanska"], "supplier_type": "byggföretag"},
]


def test_a_named_social_enterprise_bought_from_is_one_and_the_buyer_is_we():
    names = social_supplier_names(EXAMPLES)
    assert in_general("får en region direktupphandla catering från Yalla Trappan?", names) == (
        "får vi direktupphandla catering från ett socialt företag?"
    )
    # a firm that is no social enterprise keeps its name, and so does one reserved for
    assert "Skanska" in in_general("får vi köpa direkt från Skanska?", names)
    assert "Yalla Trappan" in in_general("får vi reservera upphandlingen för Yalla Trappan?", names)


def test_the_faqs_yes_answers_a_direct_purchase_from_a_named_social_enterprise():
    comp, passages = composer_over(
        {
            ("faq-direkt", "faq", "Får vi direktupphandla från ett socialt företag?"): {
                "kort-svar": "Ja, om köpet är så litet att direktupphandling är tillåten.",
                "forklaring": "Direktupphandling är ett köp utan annonsering.",
            }
        }
    )
    comp.social_names = social_supplier_names(EXAMPLES)
    lead = comp.lead(
        ranked(passages, {"faq-direkt": 0.03}),
        "får en region direktupphandla catering från Yalla Trappan?",
        "permission",
    )
    assert (lead.doc_id, lead.section, lead.asks) == (
        "faq-direkt",
        "kort-svar",
        "Får vi direktupphandla från ett socialt företag?",
    )


def test_a_question_that_names_no_social_enterprise_stays_as_asked():
    names = social_supplier_names(EXAMPLES)
    asked = "får kommunen ge bidrag till ett socialt företag istället för att upphandla"
    assert in_general(asked, names) == asked
