"""A how-to question is led by a file that says how ("Så gör du"), when one ranks close to a
best file that has no such section (a law text)."""

from composer_kit import composer_over, ranked

SECTIONS = {
    ("lou-4-18", "law", "kort-svar"): "Enligt 4 kap. 18 § LOU får ni reservera en upphandling.",
    ("reserverad", "guidance", "kort-svar"): "Ja, ni får reservera en upphandling.",
    ("reserverad", "guidance", "sa-gor-du"): "- Begär in uppgifter om andelen anställda i målgruppen.",
}


def composer():
    files: dict = {}
    for (doc, kind, slug), text in SECTIONS.items():
        files.setdefault((doc, kind, doc), {})[slug] = text
    return composer_over(files)


def test_a_close_file_that_says_how_leads_a_how_to_question():
    comp, passages = composer()
    asked = "hur kontrollerar vi att anbudsgivaren uppfyller kraven för en reserverad upphandling?"
    close = comp.lead(ranked(passages, {"lou-4-18": 0.025, "reserverad": 0.022}), asked, "how-to")
    assert (close.doc_id, close.section) == ("reserverad", "sa-gor-du")
    # far behind, it does not; nor for a question that is not how-to
    far = comp.lead(ranked(passages, {"lou-4-18": 0.025, "reserverad": 0.015}), asked, "how-to")
    assert far.doc_id == "lou-4-18"
    asked = "får vi reservera?"
    permission = comp.lead(ranked(passages, {"lou-4-18": 0.025, "reserverad": 0.022}), asked, "permission")
    assert permission.doc_id == "lou-4-18"


def test_a_question_on_following_up_is_led_by_the_close_text_on_follow_up():
    comp, passages = composer_over(
        {
            ("villkor", "guidance", "Arbetsrättsliga villkor – lön, semester och arbetstid"): {
                "kort-svar": "Ni ska ställa villkor om lön när det är behövligt.",
                "sa-gor-du": "- Gör en riskanalys.",
            },
            ("uppfoljning", "guidance", "Uppföljning av sociala krav under avtalstiden"): {
                "kort-svar": "Följ upp kraven i steg.",
                "sa-gor-du": "- Börja med egenrapportering och gå vidare till stickprov.",
            },
        }
    )
    result = ranked(passages, {"villkor": 0.023, "uppfoljning": 0.021})
    asked = "hur följer man upp lönevillkor hos underleverantörer typ, känns omöjligt"
    assert comp.lead(result, asked, "how-to").doc_id == "uppfoljning"
    # how to set the conditions is still told by the text on them
    assert comp.lead(result, "hur ställer vi lönevillkor i avtalet?", "how-to").doc_id == "villkor"


def test_a_faq_titled_with_how_to_follow_up_is_a_text_on_follow_up():
    comp, passages = composer_over(
        {
            ("faq-krav-anstalla", "faq", "Får vi kräva att leverantören anställer långtidsarbetslösa?"): {
                "kort-svar": "Ja, som ett särskilt kontraktsvillkor.",
                "sa-gor-du": "- Förankra beslutet politiskt.",
            },
            ("faq-folja-upp", "faq", "Hur följer vi upp sysselsättningskrav?"): {
                "kort-svar": "Begär in uppgifter om anställningarna.",
                "sa-gor-du": "- Stäm av varje kvartal.",
            },
        }
    )
    result = ranked(passages, {"faq-krav-anstalla": 0.028, "faq-folja-upp": 0.024})
    asked = "hur följer vi upp att leverantören verkligen anställt de långtidsarbetslösa?"
    assert comp.lead(result, asked, "how-to").doc_id == "faq-folja-upp"


def test_a_faq_on_the_question_asked_leads_a_how_to_whatever_verb_it_uses():
    comp, passages = composer_over(
        {
            (
                "faq-hitta",
                "faq",
                "Kan vi ta reda på vilka arbetsintegrerande sociala företag som finns i vår kommun?",
            ): {
                "kort-svar": "Ja, det finns flera vägar.",
                "sa-gor-du": "- Fråga kommunens arbetsmarknadsenhet.",
            },
            ("leverantorer", "guidance", "Göra det lättare för sociala företag att bli leverantörer"): {
                "kort-svar": "Sänk trösklarna.",
                "sa-gor-du": "- Bjud in till dialog.",
            },
        }
    )
    result = ranked(passages, {"faq-hitta": 0.027, "leverantorer": 0.026})
    asked = "hur hittar vi arbetsintegrerande socialt företag i vår kommun"
    assert comp.lead(result, asked, "how-to").doc_id == "faq-hitta"
    # an FAQ on another question still gives way to the guidance that says how
    assert (
        comp.lead(result, "hur gör vi upphandlingen enklare för små företag?", "how-to").doc_id
        == "leverantorer"
    )
