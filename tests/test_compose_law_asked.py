"""A question that names LOU is answered by the LOU text, not by the directive's article or
the EU judgment behind it, however close they rank."""

from composer_kit import composer_over, ranked

FILES = {
    ("direktiv-art-20", "law", "Art. 20 direktiv 2014/24/EU – reserverade kontrakt"): {
        "kort-svar": "Medlemsstaterna får reservera rätten att delta för skyddade verkstäder."
    },
    ("lou-4-18", "law", "4 kap. 18 § LOU – reserverad upphandling"): {
        "kort-svar": "En upphandlande myndighet får reservera rätten att delta för vissa leverantörer."
    },
    ("faq-reservera", "faq", "Får vi reservera en upphandling?"): {
        "kort-svar": "Ja, för leverantörer vars huvudsyfte är att integrera personer i arbetslivet."
    },
}


def composer():
    comp, passages = composer_over(FILES)
    comp.documents["direktiv-art-20"]["refs"] = ["art. 20 direktiv 2014/24/EU", "4 kap. 18 § LOU"]
    comp.documents["lou-4-18"]["refs"] = ["4 kap. 18 § LOU", "art. 20 direktiv 2014/24/EU"]
    return comp, passages


def test_a_question_naming_lou_is_led_by_the_lou_text_before_the_directive_behind_it():
    comp, passages = composer()
    result = ranked(passages, {"direktiv-art-20": 0.028, "faq-reservera": 0.022, "lou-4-18": 0.021})
    lead = comp.lead(result, "Vilken paragraf i LOU handlar om reserverade kontrakt?", "provision")
    assert lead.doc_id == "lou-4-18"


def test_a_question_naming_no_law_or_the_directive_keeps_the_best_file():
    comp, passages = composer()
    result = ranked(passages, {"direktiv-art-20": 0.028, "faq-reservera": 0.022, "lou-4-18": 0.021})
    assert comp.lead(result, "Vilken artikel handlar om reserverade kontrakt?", "provision").doc_id == (
        "direktiv-art-20"
    )
    # a FAQ that leads a question naming LOU is no EU law: it keeps the lead
    faq_first = ranked(passages, {"faq-reservera": 0.03, "lou-4-18": 0.021})
    assert comp.lead(faq_first, "får vi reservera enligt LOU?", "permission").doc_id == "faq-reservera"
