"""Which file leads a "får vi …?" or "måste vi …?" when the best-ranked file answers another
question: the FAQ on local people over the one on local firms, the guidance on award criteria
over the FAQ on requiring jobs, the law text on a provision the question names, and a FAQ that
asks "Måste vi …?" over a law text that names no duty."""

from composer_kit import composer_over, ranked

FILES = {
    ("faq-gynna-lokala", "faq", "Får vi gynna lokala företag i upphandlingen?"): {
        "kort-svar": "Nej. Ni får inte gynna företag för att de finns i kommunen.",
        "forklaring": "Förklaring för faq-gynna-lokala.",
    },
    ("faq-boende", "faq", "Får vi kräva att leverantören anställer personer som bor i kommunen?"): {
        "kort-svar": "Nej, i regel inte. Ett krav på bostadsort diskriminerar.",
        "forklaring": "Förklaring för faq-boende.",
    },
    ("faq-langtidsarbetslosa", "faq", "Får vi kräva att leverantören anställer långtidsarbetslösa?"): {
        "kort-svar": "Ja, som ett sysselsättningskrav under avtalstiden.",
        "forklaring": "Förklaring för faq-langtidsarbetslosa.",
    },
    ("sociala-tilldelningskriterier", "guidance", "Sociala tilldelningskriterier"): {
        "kort-svar": "Ja, ni får ge poäng för sociala mervärden som har koppling till kontraktet."
    },
    ("sysselsattningskrav", "guidance", "Sysselsättningskrav i upphandling"): {
        "kort-svar": "Ja, ni får ställa krav på att leverantören erbjuder jobb eller praktik."
    },
    ("faq-direkt-socialt", "faq", "Får vi direktupphandla från ett socialt företag?"): {
        "kort-svar": "Ja, om köpet är så litet att direktupphandling är tillåten.",
        "forklaring": "Förklaring för faq-direkt-socialt.",
    },
    ("faq-poang-socialt", "faq", "Får vi ge poäng för att anbudsgivaren är ett socialt företag?"): {
        "kort-svar": "Nej. Att vara ett socialt företag är ingen egenskap hos det som köps.",
        "forklaring": "Förklaring för faq-poang-socialt.",
    },
    ("lou-16", "law", "16 kap. LOU – utvärdering av anbud och tilldelning"): {
        "kort-svar": "Enligt 16 kap. 1 § LOU ska ni anta det ekonomiskt mest fördelaktiga anbudet."
    },
    (
        "faq-lagsta-pris",
        "faq",
        "Måste vi välja lägsta pris, eller kan sociala hänsyn vara tilldelningskriterium?",
    ): {
        "kort-svar": "Nej, ni måste inte välja lägsta pris.",
        "forklaring": "Förklaring för faq-lagsta-pris.",
    },
    ("faq-lagt-anbud", "faq", "Vad gör vi om ett anbud verkar misstänkt lågt?"): {
        "kort-svar": "Begär en förklaring av priset innan ni förkastar anbudet.",
        "forklaring": "Förklaring för faq-lagt-anbud.",
    },
    ("reserverad-upphandling", "guidance", "Reserverad upphandling för sociala företag"): {
        "kort-svar": "Ja, enligt 4 kap. 18 § LOU får ni reservera en upphandling."
    },
    ("ord-ramavtal", "glossary", "Ramavtal"): {
        "kort-svar": "Ett ramavtal fastställer villkoren för senare avrop."
    },
}


def composer():
    comp, passages = composer_over(FILES)
    comp.documents["faq-gynna-lokala"]["questions"] = ["får vi ge extrapoäng till lokala företag"]
    comp.documents["faq-boende"]["questions"] = ["kan vi kräva att de som jobbar i uppdraget bor hos oss"]
    comp.documents["lou-16"]["refs"] = ["16 kap. LOU"]
    comp.documents["faq-poang-socialt"]["refs"] = ["16 kap. 1 § LOU"]
    return comp, passages


def test_staff_who_must_live_in_the_municipality_is_the_faq_on_local_people_not_on_local_firms():
    comp, passages = composer()
    result = ranked(passages, {"faq-gynna-lokala": 0.027, "faq-boende": 0.025, "faq-lagt-anbud": 0.01})
    lead = comp.lead(result, "Får vi kräva att personalen ska bo i kommunen?", "permission")
    assert lead.doc_id == "faq-boende"
    assert lead.text.startswith("Nej")
    # ... and favouring firms in the municipality is still the FAQ on local firms
    firms = ranked(passages, {"faq-gynna-lokala": 0.027, "faq-boende": 0.025, "faq-lagt-anbud": 0.01})
    assert comp.lead(firms, "Får vi gynna företag som har kontor i kommunen?", "permission").doc_id == (
        "faq-gynna-lokala"
    )


def test_points_for_hiring_the_long_term_unemployed_are_award_criteria_not_a_requirement():
    comp, passages = composer()
    result = ranked(passages, {"faq-langtidsarbetslosa": 0.031, "faq-lagt-anbud": 0.024, "faq-boende": 0.023})
    lead = comp.lead(
        result, "Får vi ge poäng till anbud där leverantören anställer långtidsarbetslösa?", "permission"
    )
    assert lead.doc_id == "sociala-tilldelningskriterier"


def test_giving_the_job_to_a_social_enterprise_is_not_read_as_an_employment_requirement():
    comp, passages = composer()
    result = ranked(passages, {"faq-direkt-socialt": 0.029, "faq-lagt-anbud": 0.022, "faq-boende": 0.021})
    lead = comp.lead(
        result, "kan vi ge jobbet direkt till ett socialt företag utan upphandling", "permission"
    )
    assert lead.doc_id == "faq-direkt-socialt"


def test_a_question_naming_a_paragraph_is_led_by_the_law_text_on_its_chapter():
    comp, passages = composer()
    result = ranked(passages, {"faq-poang-socialt": 0.192, "lou-16": 0.167, "faq-lagt-anbud": 0.135})
    asked = "16 kap. 1 § LOU – får man ha sociala tilldelningskriterier enligt den?"
    assert comp.lead(result, asked, "permission").doc_id == "lou-16"
    # without the paragraph, the FAQ keeps the lead
    assert (
        comp.lead(result, "får man ge poäng för sociala företag?", "permission").doc_id == "faq-poang-socialt"
    )


def test_a_must_question_is_led_by_the_faq_that_asks_it_before_the_law_text():
    comp, passages = composer()
    result = ranked(passages, {"lou-16": 0.027, "faq-lagt-anbud": 0.0242, "faq-lagsta-pris": 0.0239})
    lead = comp.lead(result, "måste vi anta det billigaste anbudet?", "permission")
    assert lead.doc_id == "faq-lagsta-pris"
    # a "får vi …?" is answered by the law's "får" as before
    assert comp.lead(result, "får vi anta det billigaste anbudet?", "permission").doc_id == "lou-16"


def test_reserving_part_of_a_framework_agreement_is_not_answered_by_what_a_framework_agreement_is():
    comp, passages = composer()
    result = ranked(passages, {"ord-ramavtal": 0.023, "faq-lagt-anbud": 0.012, "faq-boende": 0.011})
    lead = comp.lead(result, "kan vi reservera en del av ett ramavtal", "permission")
    assert lead.doc_id == "reserverad-upphandling"


def test_excluding_a_firm_that_cheated_on_wages_is_led_by_the_file_on_exclusion_in_a_tie():
    files = {
        ("onormalt-laga-anbud", "guidance", "Onormalt låga anbud"): {
            "kort-svar": "Ett anbud som är onormalt lågt ska förkastas om priset inte förklaras."
        },
        ("faq-utesluta", "faq", "Får vi utesluta en leverantör som brutit mot arbetsrätten?"): {
            "kort-svar": "Ja, i vissa fall.",
            "forklaring": "Enligt 13 kap. 3 § LOU får ni utesluta en leverantör som allvarligt brutit mot sina skyldigheter.",
        },
        ("proportionalitet", "guidance", "Proportionalitet och koppling till kontraktet"): {
            "kort-svar": "Kraven ska stå i proportion till det som köps."
        },
    }
    comp, passages = composer_over(files)
    asked = "får man utesluta ett bolag som fuskat med lönerna?"
    tie = ranked(passages, {"onormalt-laga-anbud": 0.0241, "faq-utesluta": 0.0240, "proportionalitet": 0.01})
    assert comp.lead(tie, asked, "permission").doc_id == "faq-utesluta"
    # a file on no instrument that the search clearly prefers keeps the lead
    clear = ranked(passages, {"onormalt-laga-anbud": 0.0241, "faq-utesluta": 0.021, "proportionalitet": 0.01})
    assert comp.lead(clear, asked, "permission").doc_id == "onormalt-laga-anbud"
