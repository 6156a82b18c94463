"""A yes/no question on one instrument ("får vi kräva sommarjobb …?") is answered by the guidance
on that instrument when the best file is a word's definition or the guidance on another one,
wherever the instrument's guidance ranked."""

from composer_kit import composer_over, ranked

FILES = {
    ("sysselsattningskrav", "guidance", "Sysselsättningskrav i upphandling"): {
        "kort-svar": "Ni får kräva att leverantören erbjuder jobb eller praktik under kontraktstiden."
    },
    ("sociala-tilldelningskriterier", "guidance", "Sociala tilldelningskriterier"): {
        "kort-svar": "Ett socialt tilldelningskriterium ger poäng för en social kvalitet."
    },
    ("ord-byggentreprenad", "glossary", "Byggentreprenad"): {
        "kort-svar": "En byggentreprenad är ett kontrakt om byggnadsarbete."
    },
    ("proportionalitet", "guidance", "Proportionalitet och koppling till det som köps"): {
        "kort-svar": "Ett krav ska vara lämpligt, nödvändigt och rimligt."
    },
}


def test_the_guidance_on_the_instrument_asked_answers_for_another_instruments_or_a_words_file():
    comp, passages = composer_over(FILES)
    asked = "får vi kräva sommarjobb för ungdomar i parkskötseln?"
    other = comp.lead(ranked(passages, {"sociala-tilldelningskriterier": 0.025}), asked, "permission")
    assert other.doc_id == "sysselsattningskrav"
    asked = "får vi ställa krav på lärlingar i byggentreprenader"
    word = comp.lead(ranked(passages, {"ord-byggentreprenad": 0.025}), asked, "permission")
    assert word.doc_id == "sysselsattningskrav"


def test_a_text_on_no_instrument_or_a_question_naming_none_keeps_its_best_file():
    comp, passages = composer_over(FILES)
    asked = "får vi kräva praktikplatser i ett litet kontrakt?"
    general = comp.lead(ranked(passages, {"proportionalitet": 0.025}), asked, "permission")
    assert general.doc_id == "proportionalitet"
    asked = "får vi ge poäng för lokala företag?"
    criteria = comp.lead(ranked(passages, {"sociala-tilldelningskriterier": 0.025}), asked, "permission")
    assert criteria.doc_id == "sociala-tilldelningskriterier"


def test_a_question_of_how_many_gets_no_yes_or_no_even_from_a_phrasing_it_resembles():
    files = {
        ("faq-juridisk-form", "faq", "Måste ett socialt företag vara kooperativ?"): {
            "kort-svar": "Nej. Ingen särskild juridisk form krävs.",
            "forklaring": "Ett socialt företag kan drivas i vilken form som helst; andelen anställda avgör.",
        }
    }
    comp, passages = composer_over(files)
    asked = "typ hur många procent måste va funktionsnedsatta i ett socialt företag"
    lead = comp.lead(ranked(passages, {"faq-juridisk-form": 0.025}), asked, "permission", yes_no=False)
    assert lead.section == "forklaring"


def test_two_instruments_asked_keep_the_best_file_and_points_name_the_award_criteria():
    comp, passages = composer_over(FILES)
    asked = "måste de vara ett socialt företag i en reserverad upphandling, eller räcker det att de anställer folk?"
    both = comp.lead(ranked(passages, {"sociala-tilldelningskriterier": 0.025}), asked, "permission")
    assert both.doc_id == "sociala-tilldelningskriterier"
    # "pluspoäng till anbud som anställer …" asks for award criteria, not an employment requirement
    asked = "får vi ge pluspoäng till anbud som anställer folk med försörjningsstöd"
    points = comp.lead(ranked(passages, {"sysselsattningskrav": 0.025}), asked, "permission")
    assert points.doc_id == "sociala-tilldelningskriterier"


def test_the_instruments_yes_answers_a_may_we_but_not_a_must_we():
    # the guidance answers "Får vi ställa sysselsättningskrav?" with "Ja, ni får …": a "får vi
    # kräva lärlingar …?" is that question for one kind of job, a "måste vi …?" is not
    files = dict(FILES)
    files[("sysselsattningskrav", "guidance", "Sysselsättningskrav i upphandling")] = {
        "kort-svar": "Ja, ni får kräva att leverantören erbjuder jobb eller praktik under kontraktstiden.",
        "vad-lagen-sager": "Kravet ställs som ett särskilt kontraktsvillkor enligt 17 kap. 1 § LOU.",
    }
    comp, passages = composer_over(files)
    comp.documents["sysselsattningskrav"]["question"] = "Får vi ställa sysselsättningskrav?"
    result = ranked(passages, {"ord-byggentreprenad": 0.025})
    may = comp.lead(result, "får vi ställa krav på lärlingar i byggentreprenader", "permission")
    assert may.doc_id == "sysselsattningskrav" and may.text.startswith("Ja, ni får") and may.related is None
    must = comp.lead(result, "måste vi ställa krav på lärlingar i byggentreprenader", "permission")
    assert must.doc_id == "sysselsattningskrav" and not must.text.startswith("Ja")
