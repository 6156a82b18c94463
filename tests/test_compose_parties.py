"""A "får vi gynna sociala företag?" is not answered by the FAQ on favouring local firms: its
"Nej" would read as a no to social enterprises."""

from composer_kit import composer_over, ranked

from bot.answer.asked import holds_own, other_parties, paraphrase
from bot.knowledge.chunking import Passage
from bot.search.retrieval import Hit, SearchResult

FILES = {
    "faq-lokala": (
        "faq",
        "Får vi gynna lokala företag i upphandlingen?",
        "Nej, men ni kan dela upp kontrakten.",
    ),
    "sociala-foretag": (
        "guidance",
        "Sociala företag som leverantörer",
        "I en vanlig upphandling får sociala företag inte gynnas, men ni kan reservera.",
    ),
    "ord-foretag": ("glossary", "Socialt företag", "Ett företag som integrerar personer i arbete."),
}


def composer():
    comp, passages = composer_over(
        {(doc, kind, title): {"kort-svar": text} for doc, (kind, title, text) in FILES.items()}
    )
    own = "Hur kan vi få fler sociala företag att lämna anbud?"
    comp.documents["sociala-foretag"] |= {"questions": [own], "question": own}
    return comp, passages


def test_other_suppliers_in_the_faqs_question_make_it_no_paraphrase():
    own = "Får vi gynna lokala företag i upphandlingen?"
    assert not paraphrase("kan vi gynna sociala företag iaf lite?", own)
    assert paraphrase("får vi gynna lokala företag?", own)


def test_a_phrasing_on_only_or_local_firms_is_not_asked_by_a_question_on_neither():
    asked = "får kommunen dela upp upphandlingen så att små sociala företag kan lämna anbud"
    assert not paraphrase(asked, "kan vi göra en upphandling där bara sociala företag får lämna anbud")
    assert not paraphrase(asked, "får vi reservera upphandlingen för lokala sociala företag i kommunen")
    # ... while one that only reserves still asks the phrasing that says "bara"
    assert paraphrase(
        "får vi reservera en upphandling så att bara sociala företag får lämna anbud",
        "kan vi göra en upphandling där bara sociala företag får lämna anbud",
    )


def test_local_suppliers_asked_on_top_make_the_yes_on_reservation_no_answer():
    own = "Får vi reservera en upphandling för sociala företag?"
    assert not paraphrase("Kan vi reservera en upphandling för bara lokala sociala företag?", own)
    assert not paraphrase("får vi reservera för sociala företag som finns i vår egen kommun?", own)
    assert paraphrase("får vi reservera en upphandling för sociala företag?", own)
    # favouring local firms is a no whoever else is named: still the FAQ's question
    assert paraphrase("kan vi gynna lokala sociala företag?", "Får vi gynna lokala företag i upphandlingen?")


def test_a_yes_no_question_that_holds_the_faqs_words_but_its_frame_asks_it():
    own = "Får vi kräva att leverantören har kollektivavtal?"
    assert paraphrase("facket vill ha kollektivavtal i avtalet, kan vi?", own)
    assert paraphrase("kollektivavtalskrav ok eller ej", own)
    # more than two words more, or a how, is another question
    assert not holds_own(
        "kan vi kräva att underleverantörerna till städfirman har kollektivavtal för hela kedjan?", own
    )
    assert not holds_own("Hur följer vi upp kollektivavtal?", own)


def test_a_quoted_phrasing_on_top_of_which_local_firms_are_asked_does_not_lead_with_its_yes():
    comp, passages = composer_over(
        {
            ("faq-reservera", "faq", "Får vi reservera en upphandling för sociala företag?"): {
                "kort-svar": "Ja, enligt 4 kap. 18 § LOU.",
                "forklaring": "Reservationen gäller alla sociala företag, inte bara lokala.",
            }
        }
    )
    comp.documents["faq-reservera"] |= {"question": "Får vi reservera en upphandling för sociala företag?"}
    result = ranked(passages, {"faq-reservera": 0.03})
    result.quoted = "faq-reservera"
    lead = comp.lead(result, "Kan vi reservera en upphandling för bara lokala sociala företag?", "permission")
    assert not lead.text.startswith("Ja")
    assert lead.asks is None


def test_the_faq_on_other_suppliers_gives_way_to_the_next_rule():
    comp, passages = composer()
    result = ranked(passages, {"faq-lokala": 0.030, "ord-foretag": 0.029, "sociala-foretag": 0.028})
    lead = comp.lead(result, "kan vi gynna sociala företag iaf lite?", "permission")
    assert lead.doc_id == "sociala-foretag"  # not the glossary, and not the "Nej" on local firms
    assert comp.lead(result, "får vi gynna lokala företag?", "permission").doc_id == "faq-lokala"


def test_a_part_that_leans_on_the_one_before_is_read_with_its_topic():
    from bot.answer.analysis import analyse
    from bot.answer.compose import Searches
    from bot.answer.model import Answer

    comp, passages = composer()
    analysis = analyse("Vad är ett socialt företag, och får vi gynna dem?")
    first = SearchResult(
        "Vad är ett socialt företag", [Hit(passages["ord-foretag#kort-svar"], 0.03)], 1.0, 1.0
    )
    # the second part searched as the pipeline does, with the topic it points back to
    second = ranked(passages, {"faq-lokala": 0.030, "sociala-foretag": 0.028})
    second.query = "får vi gynna socialt företag"
    answer = Answer(question=analysis.question, answered=True, intent=analysis.intent, confidence=1.0)
    comp._compound(answer, analysis, Searches(first, [first, second]))
    assert [p.doc_id for p in answer.parts] == ["ord-foretag", "sociala-foretag"]
    assert answer.parts[1].label == "får vi gynna dem"


def test_a_file_on_the_instrument_asked_leads_over_a_close_one_on_another():
    from bot.answer.permission_lead import on_the_instrument

    def passage(doc, kind):
        return Passage(f"{doc}#kort-svar", doc, kind, doc, "Kort svar", "Text.", (), None, "2026-12-01")

    documents = {
        "troskelvarden": {"title": "Tröskelvärden och direktupphandlingsgränsen"},
        "lou-4-18": {"title": "4 kap. 18 § LOU – reserverad upphandling för skyddade verkstäder"},
    }
    docs = [Hit(passage("troskelvarden", "guidance"), 0.0215), Hit(passage("lou-4-18", "law"), 0.0202)]
    asked = "Får en region använda reserverad upphandling även över EU:s tröskelvärden?"
    assert on_the_instrument(docs[0].passage, docs, asked, documents).doc_id == "lou-4-18"
    # a question that names no instrument, or the best file's, keeps the best file
    for other in ("Vad är tröskelvärdet för varor?", "Får vi direktupphandla över tröskelvärdet?"):
        assert on_the_instrument(docs[0].passage, docs, other, documents).doc_id == "troskelvarden"
    # and a file far below does not take the lead
    far = [docs[0], Hit(passage("lou-4-18", "law"), 0.010)]
    assert on_the_instrument(far[0].passage, far, asked, documents).doc_id == "troskelvarden"


def test_pay_at_the_agreements_level_is_no_paraphrase_of_having_an_agreement():
    own = "Får vi kräva att leverantören har kollektivavtal?"
    assert not paraphrase(
        "Kan vi kräva att utstationerade arbetstagare får lön enligt svenskt kollektivavtal?", own
    )
    assert paraphrase("får vi kräva att leverantören har kollektivavtal", own)


def test_a_phrasing_that_names_a_share_the_question_does_not_ask_is_no_paraphrase():
    own = "måste 30% ha funktionsnedsättning"
    assert not paraphrase(
        "Måste vi kräva att verksamhetssystemet funkar för personer med funktionsnedsättning?", own
    )
    assert paraphrase("hur stor andel måste ha funktionsnedsättning", own)


def test_a_question_that_says_much_more_than_a_short_phrasing_is_no_paraphrase_of_it():
    own = "Måste vi ställa arbetsrättsliga villkor?"
    # subcontractors and the main supplier are the question; the phrasing names neither
    assert not paraphrase(
        "Får vi kräva att underleverantörerna följer samma arbetsrättsliga villkor som huvudleverantören?",
        own,
    )
    assert paraphrase("måste vi verkligen ställa arbetsrättsliga villkor?", own)
    # a few words more may still ask the same thing (the wording then decides)
    from bot.answer.asked import says_more

    assert not says_more(
        "funkar sysselsättningskrav på små kontrakt ens", "Får vi ställa sysselsättningskrav?"
    )


def test_may_we_is_no_paraphrase_of_must_we_and_either_half_of_a_two_question_title_is_asked():
    own = "Måste vi ta sociala hänsyn? Är bör-regeln i 4 kap. 3 § LOU tvingande?"
    # "Nej" (we need not) would read as a no to "får vi" (we may not)
    assert not paraphrase("Får vi ta sociala hänsyn i våra upphandlingar?", "Måste vi ta sociala hänsyn?")
    assert not paraphrase("får vi ställa sociala krav enligt lou", "måste vi ställa sociala krav enligt lou")
    comp, _ = composer_over({("faq-bor", "faq", own): {"kort-svar": "Nej, bör-regeln är en rekommendation."}})
    comp.documents["faq-bor"] |= {"question": own, "questions": []}
    passage = comp.section("faq-bor", "kort-svar")
    # the provision's numbers in the title are no figure the question leaves out
    assert comp.part(passage, asked="Måste vi ta sociala hänsyn i våra upphandlingar?").asks == own
    assert comp.part(passage, asked="Får vi ta sociala hänsyn i våra upphandlingar?").asks is None


def test_setting_a_demand_for_a_collective_agreement_in_chat_asks_whether_we_may_require_one():
    own = "Får vi kräva att leverantören har kollektivavtal?"
    # the politically sensitive question gets its "Nej, men …" whatever the greeting or afterthought
    assert paraphrase(
        "tjena, kan man ställa krav på kollektivavtal i en städupphandling?? facket tjatar", own
    )
    assert paraphrase("kan man ställa krav på kollektivavtal i en städupphandling?", own)
    # ... but not a question on combining two other things
    assert not holds_own(
        "ska vi reservera eller bara ställa sysselsättningskrav när vi köper städ",
        "Kan vi kombinera en reserverad upphandling med sysselsättningskrav i samma kontrakt?",
    )


def test_of_two_tied_faqs_the_one_asking_what_the_user_asks_leads():
    comp, passages = composer_over(
        {
            ("faq-fel", "faq", "Vad händer om vi direktupphandlar fel?"): {
                "kort-svar": "Nej, en otillåten direktupphandling kan ge upphandlingsskadeavgift.",
                "forklaring": "Konkurrensverket beslutar om avgiften.",
            },
            ("faq-direkt", "faq", "Får vi direktupphandla från ett socialt företag?"): {
                "kort-svar": "Ja, under direktupphandlingsgränsen.",
                "forklaring": "Gränsen står i 19 a kap. LOU.",
            },
        }
    )
    asked = "får en kommun direktupphandla från samhall utan annons?"
    lead = comp.lead(ranked(passages, {"faq-fel": 0.0240, "faq-direkt": 0.0239}), asked, "permission")
    assert lead.doc_id == "faq-direkt"
    # no tie, no change
    lead = comp.lead(ranked(passages, {"faq-fel": 0.0240, "faq-direkt": 0.020}), asked, "permission")
    assert lead.doc_id == "faq-fel"


def test_it_depends_answers_may_we_as_well_as_must_we():
    # "Måste vi utesluta … skatt?" answers "Det beror på": no no that "får vi" could misread, so
    # that FAQ leads "får vi utesluta ett företag som inte betalt skatt" and not a guidance text
    # whose phrasing on another ground shares the frame
    own = "Måste vi utesluta en leverantör som inte betalt skatt?"
    comp, passages = composer_over(
        {
            ("faq-skatt", "faq", own): {"kort-svar": "Det beror på. Över tröskelvärdena ska ni utesluta …"},
            ("faq-noll", "faq", "Måste vi ställa krav?"): {"kort-svar": "Nej, men ni bör."},
        }
    )
    comp.documents["faq-skatt"] |= {"question": own, "questions": []}
    asked = "får vi utesluta ett företag som inte betalt skatt"
    assert comp.part(comp.section("faq-skatt", "kort-svar"), asked=asked).asks == own
    assert not paraphrase(asked, own)  # a plain yes or no still answers only its own kind


def test_hiring_locally_is_about_local_people_not_social_enterprises():
    asked = "får vi ge poäng för att anbudsgivaren anställer lokalt"
    assert other_parties(asked, "Får vi ge poäng för att anbudsgivaren är ett socialt företag?")
    # ... nor about a target group of an employment requirement
    assert other_parties(asked, "får vi ge mervärde för att anbudsgivaren anställer ungdomar")
    assert not other_parties(
        "får vi kräva att de anställer unga", "får vi kräva att de anställer långtidsarbetslösa"
    )


def test_what_a_word_means_gives_way_to_a_rule_when_another_party_may_do_something():
    comp, passages = composer_over(
        {
            ("ord-myndighet", "glossary", "Upphandlande myndighet"): {"kort-svar": "En myndighet som …"},
            ("lou-4-18", "law", "4 kap. 18 § LOU"): {
                "kort-svar": "Enligt 4 kap. 18 § LOU får ni reservera …"
            },
            ("ord-samhall", "glossary", "Samhall"): {"kort-svar": "Samhall är ett statligt bolag …"},
        }
    )
    comp.documents["ord-samhall"]["term"] = "Samhall"
    comp.documents["ord-myndighet"]["term"] = "upphandlande myndighet"
    result = ranked(passages, {"ord-myndighet": 0.030, "lou-4-18": 0.027, "ord-samhall": 0.020})
    asked = "får kommunala bolag använda reserverad upphandling"
    assert comp.lead(result, asked, "permission").doc_id == "lou-4-18"
    # ... but a name's entry says who the organisation is
    named = ranked(passages, {"ord-samhall": 0.030, "lou-4-18": 0.027})
    assert comp.lead(named, "kan Samhall få ett reserverat kontrakt", "permission").doc_id == "ord-samhall"


def test_a_phrasing_that_asks_what_something_is_does_not_ask_the_yes_or_no():
    from bot.answer.asked import asks_own

    own = "Får vi reservera en upphandling för sociala företag?"
    record = {"questions": [own, "Vad är en reserverad upphandling?", "kan vi reservera städningen?"]}
    assert not asks_own("Vad är en reserverad upphandling", own, record)
    assert asks_own("kan vi reservera städningen?", own, record)
    # a phrasing that asks whether in chat words still asks the yes or no
    own = "Får vi direktupphandla från ett socialt företag?"
    record = {"questions": [own, "direktupphandling ASF ok?"]}
    assert asks_own("direktupphandling asf ok?", own, record)


def test_whom_a_rule_binds_is_not_whether_it_binds():
    # its "Nej, bör-regeln är en rekommendation" would read as "it does not apply to you"
    asked = "vi är ett kommunalt bolag, gäller bör-regeln oss"
    assert not paraphrase(asked, "Är bör-regeln tvingande?")
    assert paraphrase(
        "gäller arbetsrättsliga villkor för UE också", "gäller arbetsrättsliga villkor för UE också?"
    )


def test_reserving_for_only_local_firms_is_answered_by_the_faq_on_favouring_local_ones():
    comp, passages = composer_over(
        {
            ("faq-reservera", "faq", "Får vi reservera en upphandling för sociala företag?"): {
                "kort-svar": "Ja, enligt 4 kap. 18 § LOU."
            },
            ("faq-lokala", "faq", "Får vi gynna lokala företag i upphandlingen?"): {
                "kort-svar": "Nej, men ni kan dela upp kontrakten."
            },
            ("faq-hitta", "faq", "Kan vi ta reda på vilka sociala företag som finns i vår kommun?"): {
                "kort-svar": "Ja, men det finns ingen lista."
            },
        }
    )
    result = ranked(passages, {"faq-reservera": 0.03, "faq-hitta": 0.02, "faq-lokala": 0.01})
    lead = comp.lead(result, "Kan vi reservera en upphandling för bara lokala sociala företag?", "permission")
    assert lead.doc_id == "faq-lokala" and lead.text.startswith("Nej")
    # reserving with no word on local firms keeps the FAQ on reserving
    assert comp.lead(result, "får vi reservera en upphandling för sociala företag?", "permission").doc_id == (
        "faq-reservera"
    )


def test_the_faq_on_favouring_local_suppliers_does_not_answer_a_question_that_names_none():
    comp, passages = composer_over(
        {
            ("faq-lokala", "faq", "Får vi ge extrapoäng till leverantörer från vår kommun?"): {
                "kort-svar": "Nej, men ni kan dela upp kontrakten.",
                "forklaring": "Icke-diskriminering betyder att ingen gynnas för var den har sitt säte.",
            },
            ("tilldelning", "guidance", "Sociala tilldelningskriterier"): {
                "kort-svar": "Kvalitet kan omfatta sociala aspekter, som ger mervärde i utvärderingen.",
            },
        }
    )
    result = ranked(passages, {"faq-lokala": 0.026, "tilldelning": 0.025})
    apprentices = comp.lead(result, "får vi ge extrapoäng till anbud som anställer lärlingar?", "permission")
    assert apprentices.doc_id == "tilldelning"
    locals_ = comp.lead(result, "får vi ge extrapoäng till företag från orten?", "permission")
    assert locals_.doc_id == "faq-lokala"


def test_following_a_requirement_up_is_not_setting_it():
    own = "Måste vi ställa arbetsrättsliga villkor i upphandlingen?"
    assert not paraphrase("måste vi följa upp arbetsrättsliga villkor", own)
    assert paraphrase("måste vi ställa arbetsrättsliga villkor", own)


def test_a_close_faq_on_the_instrument_asked_leads_before_the_far_guidance_on_it():
    comp, passages = composer_over(
        {
            ("direktupphandling", "guidance", "Sociala hänsyn vid direktupphandling"): {
                "kort-svar": "Direktupphandling är ett köp utan annonsering."
            },
            ("faq-syss-direkt", "faq", "Får vi ställa sysselsättningskrav i en direktupphandling?"): {
                "kort-svar": "Ja, men kravet ska stå i proportion till köpet.",
                "forklaring": "Sysselsättningskrav får ställas även i direktupphandlingar.",
            },
            ("sysselsattningskrav", "guidance", "Sysselsättningskrav i upphandling"): {
                "kort-svar": "Ett sysselsättningskrav är ett särskilt kontraktsvillkor."
            },
        }
    )
    result = ranked(
        passages, {"direktupphandling": 0.025, "faq-syss-direkt": 0.025, "sysselsattningskrav": 0.01}
    )
    lead = comp.lead(result, "får vi kräva praktikplatser i ett avtal under 700 000 kr", "permission")
    assert lead.doc_id == "faq-syss-direkt"


def test_two_questions_that_share_only_the_frame_of_a_requirement_are_no_paraphrase():
    # their answers ("Nej …" on offices in town, on collective agreements) would read as replies
    assert not paraphrase(
        "kan vi kräva att lokala ungdomar får sommarjobb hos leverantören",
        "Får vi kräva att leverantören har kontor här i stan?",
    )
    assert not paraphrase(
        "kan vi kräva att leverantören inte har varit dömd för brott",
        "Får vi kräva att leverantören har kollektivavtal?",
    )
    assert paraphrase(
        "kan vi kräva att leverantören har kollektivavtal",
        "Får vi kräva att leverantören har kollektivavtal?",
    )


def test_a_faq_on_other_suppliers_gives_way_to_the_guidance_on_the_instrument_asked():
    comp, passages = composer_over(
        {
            ("faq-poang", "faq", "Får vi ge poäng för att anbudsgivaren är ett socialt företag?"): {
                "kort-svar": "Nej, inte för vad företaget är."
            },
            ("faq-anstalla", "faq", "Får vi kräva att leverantören anställer folk långt från arbete?"): {
                "kort-svar": "Ja, som ett sysselsättningskrav."
            },
            ("kriterier", "guidance", "Sociala tilldelningskriterier"): {
                "kort-svar": "Ett socialt tilldelningskriterium ger mervärde i utvärderingen."
            },
            ("ord-fn", "glossary", "Personer med funktionsnedsättning"): {"kort-svar": "Personer som …"},
        }
    )
    for doc in ("faq-poang", "faq-anstalla"):
        comp.documents[doc] |= {"question": comp.documents[doc]["title"], "questions": []}
    comp.documents["kriterier"] |= {"kind": "guidance"}
    comp.guides = {"socialt-tilldelningskriterium": "kriterier"}
    asked = "får vi ge extra poäng till anbud där leverantören anställer personer med funktionsnedsättning?"
    result = ranked(passages, {"faq-poang": 0.03, "faq-anstalla": 0.028, "ord-fn": 0.027, "kriterier": 0.02})
    # not the FAQ on employment requirements, an instrument not asked, though it ranks higher
    assert comp.lead(result, asked, "permission").doc_id == "kriterier"


def test_a_definition_the_rules_know_little_of_is_answered_by_the_precedent_that_names_it():
    from bot.answer.analysis import analyse

    comp, passages = composer_over(
        {
            ("stockholm-it", "example", "Region Stockholm – IT med uppföljning via Electronics Watch"): {
                "kort-svar": "Regionen följde upp villkoren genom Electronics Watch."
            },
            ("ord-iop", "glossary", "IOP"): {"kort-svar": "IOP är en samverkansform."},
        }
    )
    asked = analyse("vad är Electronics Watch")
    result = ranked(passages, {"stockholm-it": 0.03, "ord-iop": 0.008})
    assert comp._rule_lead(result, asked.question, "definition", asked).doc_id == "stockholm-it"
    # ... but a rule close to it still answers first
    close = ranked(passages, {"stockholm-it": 0.03, "ord-iop": 0.025})
    assert comp._rule_lead(close, asked.question, "definition", asked).doc_id == "ord-iop"


def test_must_we_is_not_answered_by_the_yes_to_may_we():
    comp, passages = composer_over(
        {
            ("faq-reservera", "faq", "Får vi reservera en upphandling för sociala företag?"): {
                "kort-svar": "Ja. Enligt 4 kap. 18 § LOU får ni reservera.",
                "forklaring": "Reserverad upphandling bygger på en frivillig regel.",
            },
        }
    )
    own = "Får vi reservera en upphandling för sociala företag?"
    comp.documents["faq-reservera"] |= {"question": own, "questions": [own]}
    result = ranked(passages, {"faq-reservera": 0.08})
    result.quoted = "faq-reservera"  # the words nearly quote the FAQ's own question
    lead = comp.lead(result, "måste vi reservera upphandlingar för sociala företag?", "permission")
    assert (lead.section, lead.text) == ("forklaring", "Reserverad upphandling bygger på en frivillig regel.")
    # ... while "får vi …" still gets its yes
    assert comp.lead(
        result, "får vi reservera upphandlingar för sociala företag?", "permission"
    ).text.startswith("Ja")


def test_may_we_buy_from_a_named_organisation_gets_what_it_means_for_a_buyer_not_who_it_is():
    comp, passages = composer_over(
        {
            ("ord-samhall", "glossary", "Samhall"): {
                "kort-svar": "Samhall är ett statligt ägt aktiebolag.",
                "tank-pa": "Samhall kan vara leverantör i upphandlingar; om villkoren för en reservation är uppfyllda får bedömas.",
            },
            ("ord-socialt", "glossary", "Socialt företag"): {
                "kort-svar": "Ett socialt företag integrerar människor i arbete.",
                "tank-pa": "Kontrollera andelen anställda.",
            },
        }
    )
    comp.documents["ord-samhall"]["term"] = "Samhall"
    comp.documents["ord-socialt"]["term"] = "socialt företag"
    result = ranked(passages, {"ord-samhall": 0.03, "ord-socialt": 0.01})
    lead = comp.lead(result, "får vi köpa från samhall?", "permission")
    assert (lead.doc_id, lead.section) == ("ord-samhall", "tank-pa")
    # what it is, asked, is its definition; a word that is no name keeps its definition
    assert comp.lead(result, "vad är samhall?", "definition").section == "kort-svar"
    other = comp.lead(
        ranked(passages, {"ord-socialt": 0.03}), "får vi köpa från ett socialt företag?", "permission"
    )
    assert other.section == "kort-svar"


def test_a_supplier_in_the_municipality_is_a_local_one_but_its_name_in_a_phrase_is_not():
    from bot.search.scope import LOCAL

    assert LOCAL.search("kan vi kräva att leverantören finns i kommunen")
    assert not LOCAL.search(
        "Får vi kräva att leverantören anställer någon från kommunens arbetsmarknadsenhet?"
    )


def test_the_local_faq_with_the_nearest_phrasing_answers_a_reservation_for_local_firms():
    from bot.answer.asked import on_locals

    documents = {
        "faq-boende": {
            "kind": "faq",
            "title": "Får vi kräva att leverantören anställer personer som bor i kommunen?",
            "questions": ["kan vi kräva att de som jobbar i uppdraget är folkbokförda hos oss"],
        },
        "faq-lokala": {
            "kind": "faq",
            "title": "Får vi gynna lokala företag i upphandlingen?",
            "questions": ["får vi reservera upphandlingen för lokala sociala företag i kommunen"],
        },
        "reserverad": {"kind": "guidance", "title": "Reserverad upphandling"},
    }
    locals_ = {d: r["title"] for d, r in documents.items() if d.startswith("faq")}
    _, passages = composer_over({("reserverad", "guidance", "Reserverad upphandling"): {"kort-svar": "Ja."}})
    top = passages["reserverad#kort-svar"]
    asked = "Får kommunen reservera en upphandling för företag som har sitt säte i kommunen?"
    assert on_locals(asked, top, documents, locals_) == "faq-lokala"


def test_a_phrasing_in_another_mode_than_the_files_own_question_is_not_asked():
    from bot.answer.asked import asks_own

    own = "Får vi ställa sysselsättningskrav i en upphandling?"
    record = {
        "kind": "guidance",
        "questions": [own, "Måste leverantören ha anställt folk redan när anbudet lämnas?"],
    }
    # the file's "Ja, ni får kräva …" is no answer to whether the supplier must have hired already
    assert not asks_own(
        "måste leverantören redan ha anställt personer från målgruppen när anbudet lämnas?", own, record
    )
    assert asks_own("får vi ställa sysselsättningskrav?", own, record)


def test_a_question_on_contracts_in_general_does_not_ask_the_one_on_a_signed_contract():
    own = "Får vi lägga till sociala krav i ett avtal eller ramavtal som redan är tecknat?"
    assert not paraphrase("kan vi ha sociala krav i ett ramavtal", own)
    assert paraphrase("får vi lägga till sociala krav i ett ramavtal som redan är tecknat?", own)


def test_a_no_to_another_question_stands_under_that_question_in_a_compound_answer():
    # "Nej" answers "Måste ett socialt företag ha en viss juridisk form?"; under the user's part
    # "Kan en stiftelse lämna anbud …" alone it read as "no, a foundation cannot bid"
    from bot.answer.analysis import analyse
    from bot.answer.compose import Searches
    from bot.answer.model import Answer
    from bot.answer.render_text import render_text

    form = "Måste ett socialt företag ha en viss juridisk form?"
    comp, passages = composer_over(
        {
            ("faq-form", "faq", form): {"kort-svar": "Nej. Ingen särskild juridisk form krävs."},
            ("ord-samhall", "glossary", "Samhall"): {"kort-svar": "Samhall är ett statligt bolag."},
        }
    )
    comp.documents["faq-form"] |= {"questions": [form], "question": form}
    analysis = analyse("Kan en stiftelse lämna anbud i en reserverad upphandling? Och räknas Samhall?")
    first = ranked(passages, {"faq-form": 0.03})
    second = ranked(passages, {"ord-samhall": 0.03})
    answer = Answer(question=analysis.question, answered=True, intent=analysis.intent, confidence=1.0)
    comp._compound(answer, analysis, Searches(first, [first, second]))
    assert answer.parts[0].related == form and answer.parts[0].label
    text = render_text(answer)
    assert f"Närliggande fråga i kunskapsbanken: ”{form}”\nNej." in text
    assert text.index(answer.parts[0].label) < text.index("Närliggande fråga")
