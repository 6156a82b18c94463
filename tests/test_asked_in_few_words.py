"""Questions typed in few words, as people do on a phone: "ex" for "exempel", a term followed by
"vad betyder det", a provision asked for by number or by "var står det", a part that says only
"måste vi annonsera", a bare organisation name, and the broad question asked of a sector."""

import pytest

from bot.answer.analysis import analyse
from bot.answer.chat import chat_forms
from bot.answer.names import Names
from bot.answer.overview import asks_overview
from bot.answer.queries import part_queries
from bot.search.textproc import normalise_chat

NAMES = Names.from_records(
    [
        {"id": "ord-sociala-hansyn", "kind": "glossary", "title": "Sociala hänsyn"},
        {"id": "ord-samhall", "kind": "glossary", "title": "Samhall"},
        {"id": "kristianstad-samhall", "buyer": "Kristianstads kommun", "suppliers": ["Samhall"]},
    ]
)


@pytest.mark.parametrize(
    "question",
    [
        "IT-upphandling med sociala krav, finns ex? datorer mobiler",
        "ex på arbetsrättsliga villkor från en region",
    ],
)
def test_ex_typed_for_exempel_asks_for_precedents(question):
    assert analyse(question).intent == "precedents"


def test_t_ex_is_left_as_it_is():
    assert chat_forms("t.ex. städning") == "t.ex. städning"


def test_a_term_followed_by_what_does_it_mean_asks_what_the_term_means():
    assert analyse("sociala hänsyn vad betyder det egentligen", NAMES).intent == "definition"


def test_a_comma_before_räknas_starts_a_new_part():
    parts = analyse("Vad är en skyddad verkstad, räknas Samhall dit och kan vi reservera för dem?").parts
    assert parts[0] == "Vad är en skyddad verkstad"


def test_a_part_that_only_asks_must_we_advertise_is_searched_with_the_topic_before_it():
    queries = part_queries(
        ["reserverad upphandling: hur stor andel måste vara funktionsnedsatta", "måste vi annonsera"]
    )
    assert "reserverad" in queries[1]


def test_not_paying_tax_is_no_breach_of_contract_but_tax_debts():
    queries = part_queries(["när måste vi utesluta en leverantör", "vad gäller om de inte betalt skatt"])
    assert "skatt" in queries[1]
    assert "skatteskulder" in normalise_chat(queries[1])


def test_must_exclude_names_mandatory_exclusion():
    assert "obligatorisk uteslutning" in normalise_chat("när måste vi utesluta en leverantör")


@pytest.mark.parametrize(
    "question",
    [
        "måltider socialt hur",
        "vi ska upphandla parkskötsel, nåt socialt vi kan göra?",
        "nyanlända jobb via kommunens inköp?",
        "kan upphandling användas för att minska arbetslösheten i kommunen",
    ],
)
def test_broad_questions_typed_tersely_get_the_overview(question):
    assert asks_overview(analyse(question))


def test_a_reservation_question_is_no_broad_question():
    assert not asks_overview(analyse("får vi reservera parkskötseln för sociala företag?"))


def test_weighing_hiring_in_the_evaluation_asks_for_award_criteria_not_employment_requirements():
    analysis = analyse(
        "nån som viktat anställning av arbetslösa i utvärderingen? socialt tilldelningskriterium exempel"
    )
    assert analysis.instruments == ["socialt-tilldelningskriterium"]


def test_laptops_are_it():
    assert "IT och telefoni" in analyse("sociala krav när vi köper laptops, nåt vi kan göra?").sectors


def test_a_municipal_company_in_a_county_keeps_the_kind_of_buyer_asked():
    from bot.answer.precedent_list import without_generic_buyer_type

    analysis = analyse("har nåt kommunalt bolag i västra götaland köpt från socialt företag")
    assert without_generic_buyer_type(analysis).buyer_types == ["kommunalt bolag"]


def _provision_composer():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(
        {
            ("lou-4-3", "law", "4 kap. 3 § LOU – hållbarhetshänsyn"): {
                "kort-svar": "Enligt 4 kap. 3 § LOU bör ni beakta miljöhänsyn, sociala och arbetsrättsliga hänsyn."
            },
            ("faq-bor", "faq", "Måste vi ta sociala hänsyn?"): {
                "kort-svar": "Nej, bör-regeln är en rekommendation, inte ett tvång."
            },
        }
    )
    comp.documents["faq-bor"]["questions"] = ["måste man ta sociala hänsyn i upphandling"]
    return comp, ranked(passages, {"lou-4-3": 0.03, "faq-bor": 0.029})


def test_where_the_law_says_it_is_answered_by_the_law_not_by_a_faqs_no():
    comp, main = _provision_composer()
    answer = comp.compose(analyse("var i LOU står det att man bör ta sociala hänsyn"), _searches(main))
    assert answer.parts[0].doc_id == "lou-4-3"


def _searches(main):
    from bot.answer.pipeline import Searches

    return Searches(main, [], [])


@pytest.mark.parametrize("question", ["samhall upphandling", "Samhall?", "samhall och upphandling"])
def test_an_organisation_named_alone_is_answered_by_who_it_is(question):
    from composer_kit import composer_over

    from bot.answer.precedent_answer import name_alone

    comp, _ = composer_over(
        {("ord-samhall", "glossary", "Samhall"): {"kort-svar": "Samhall är ett statligt ägt bolag."}}
    )
    comp.documents["ord-samhall"]["term"] = "Samhall"
    assert name_alone(comp, question).doc_id == "ord-samhall"
    assert name_alone(comp, "har samhall fått några kontrakt i skåne") is None


def test_the_same_thing_under_another_law_is_a_side_of_its_own():
    from bot.answer.sides import comparison_sides

    assert comparison_sides("sociala hänsyn i LUF jämfört med LOU") == [
        "sociala hänsyn i LUF",
        "sociala hänsyn i LOU",
    ]


def test_a_side_under_a_law_is_shown_by_that_laws_file_and_the_faq_naming_both_laws_decides():
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import laws_faq, under_its_law

    comp, passages = composer_over(
        {
            ("ord-sociala-hansyn", "glossary", "Sociala hänsyn"): {"kort-svar": "Hänsyn till människor."},
            ("ord-luf", "glossary", "LUF – lagen om upphandling inom försörjningssektorerna"): {
                "kort-svar": "LUF gäller försörjningssektorerna."
            },
            ("faq-lagar", "faq", "Gäller samma regler om sociala hänsyn i LOU, LUF och LUK?"): {
                "kort-svar": "I stort sett, men inte allt."
            },
            ("faq-annan", "faq", "Sysselsättningskrav eller tilldelningskriterium?"): {
                "kort-svar": "Det beror på."
            },
        }
    )
    for doc in ("faq-lagar", "faq-annan"):
        comp.documents[doc]["compares"] = ["x", "y"]
    comp.deciding_ids = frozenset({"faq-lagar", "faq-annan"})
    side = ranked(passages, {"ord-sociala-hansyn": 0.03, "ord-luf": 0.02})
    assert under_its_law(comp, "sociala hänsyn i LUF", side, set()).doc_id == "ord-luf"
    assert laws_faq(comp, ["sociala hänsyn i LUF", "sociala hänsyn i LOU"]).doc_id == "faq-lagar"


def test_complying_with_conditions_is_not_following_them_up():
    from bot.search.phrasings import Phrasings

    phrasings = Phrasings(
        {
            "uppf": {
                "id": "uppf",
                "kind": "guidance",
                "questions": ["Måste vi följa upp kraven på lön och arbetstid?"],
            }
        }
    )
    assert (
        phrasings.quoted_file("Får vi kräva att underleverantörerna följer villkoren om lön och arbetstid?")
        is None
    )
    assert phrasings.quoted_file("måste vi följa upp kraven på lön och arbetstid i avtalet") == "uppf"


def test_a_ruling_on_another_requirement_does_not_lead_a_may_we_question_over_a_word():
    from composer_kit import composer_over, ranked

    from bot.answer.permission_lead import rule_over_term

    comp, passages = composer_over(
        {
            ("ord-bygg", "glossary", "Byggentreprenad"): {
                "kort-svar": "En byggentreprenad är ett byggarbete."
            },
            ("dom-avstand", "case-law", "Dom om avståndskrav"): {
                "kort-svar": "Avståndskravet var otillåtet."
            },
        }
    )
    docs = ranked(passages, {"ord-bygg": 0.021, "dom-avstand": 0.020}).documents()
    asked = "Får vi kräva lärlingsplatser i en byggentreprenad?"
    assert rule_over_term(docs[0].passage, docs, asked, comp.documents).doc_id == "ord-bygg"


@pytest.mark.parametrize(
    "question", ["får vi reservera ett HVB-uppdrag för sociala företag", "daglig verksamhet lss, reservera?"]
)
def test_welfare_services_by_their_everyday_names_are_reserved_as_welfare_services(question):
    assert (
        "reserverad-19-25" in analyse(question).instruments
        or "reserverad-19-25a" in analyse(question).instruments
    )


def test_requiring_the_supplier_to_be_a_non_profit_is_reserving():
    assert "reserverad" in normalise_chat("får vi kräva att leverantören är idéburen")


def test_where_it_works_best_is_the_question_not_a_side():
    from bot.answer.sides import comparison_sides

    assert comparison_sides("sysselsättningskrav i bygg eller i städ, var funkar det bäst") == [
        "sysselsättningskrav i bygg",
        "sysselsättningskrav i städ",
    ]


def _reservation_composer():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(
        {
            ("res-valfard", "guidance", "Reserverad upphandling av vissa välfärdstjänster"): {
                "kort-svar": "Vissa välfärdstjänster får reserveras."
            },
            ("res-allman", "guidance", "Reserverad upphandling för sociala företag"): {
                "kort-svar": "Ni får reservera för sociala företag."
            },
        }
    )
    comp.guides = {"reserverad": "res-allman"}
    return comp, ranked(passages, {"res-valfard": 0.03, "res-allman": 0.02})


def test_a_reservation_named_in_general_is_shown_by_the_guidance_on_reservation_as_a_whole():
    from bot.answer.comparison import named_by

    comp, result = _reservation_composer()
    context = result
    context.query = "sysselsättningskrav eller reserverad upphandling, vilket ger flest jobb?"
    assert named_by(comp, "reserverad upphandling", result, set(), context).doc_id == "res-allman"
    context.query = "reserverad upphandling eller IOP om vi vill att en idéburen organisation driver boendet"
    assert named_by(comp, "reserverad upphandling", result, set(), context).doc_id == "res-valfard"


def test_sides_that_differ_by_sector_are_shown_by_a_case_in_each_sector():
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import in_its_sector

    comp, passages = composer_over(
        {
            ("ord-bygg", "glossary", "Byggentreprenad"): {"kort-svar": "Ett byggarbete."},
            ("bygg-fall", "example", "Karlstad – socialt ansvarsfull byggupphandling"): {
                "kort-svar": "Karlstad krävde."
            },
            ("stad-fall", "example", "Gävle – praktikplatser i städ"): {"kort-svar": "Gävle krävde."},
        }
    )
    comp.example_ids = frozenset({"bygg-fall", "stad-fall"})
    comp.documents["bygg-fall"]["sector"] = ["bygg och anläggning"]
    comp.documents["stad-fall"]["sector"] = ["städ och lokalvård"]
    result = ranked(passages, {"ord-bygg": 0.03, "stad-fall": 0.02, "bygg-fall": 0.01})
    assert in_its_sector(comp, "sociala krav i bygg", result, set()).doc_id == "bygg-fall"
    assert in_its_sector(comp, "sociala krav i städ", result, set()).doc_id == "stad-fall"


def test_saying_no_to_a_tender_for_what_the_company_has_done_is_excluding_it():
    assert "utesluta" in normalise_chat(
        "kan vi säga nej till ett anbud för att företaget har dålig arbetsmiljö"
    )
    assert "utesluta" not in normalise_chat("kan vi säga nej till ett anbud som är orimligt lågt")
    assert (
        "uteslutning"
        in analyse("kan vi säga nej till ett anbud för att företaget har dålig arbetsmiljö").instruments
    )


def test_which_paragraph_is_answered_by_the_law_text_not_by_the_faqs_explanation():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(
        {
            ("faq-maste", "faq", "Måste vi ställa arbetsrättsliga villkor?"): {
                "kort-svar": "Ja, över tröskelvärdena när det behövs.",
                "forklaring": "Skyldigheten gäller när det behövs, vilket det ofta gör i tjänster.",
            },
            ("lou-17", "law", "17 kap. 2–5 §§ LOU – arbetsrättsliga villkor"): {
                "kort-svar": "Enligt 17 kap. 2 § LOU ska ni ställa villkor om lön, semester och arbetstid."
            },
        }
    )
    main = ranked(passages, {"faq-maste": 0.03, "lou-17": 0.02})
    answer = comp.compose(
        analyse("vilken paragraf säger att vi måste ställa arbetsrättsliga villkor"), _searches(main)
    )
    assert answer.parts[0].doc_id == "lou-17"
    # ... but a yes-or-no question on the law is answered by the FAQ's yes
    answer = comp.compose(analyse("måste vi ställa arbetsrättsliga villkor enligt lagen"), _searches(main))
    assert answer.parts[0].doc_id == "faq-maste"


def test_x_equals_more_expensive_asks_whether_not_what_a_word_means():
    assert analyse("sociala krav = dyrare?").intent == "permission"
    assert analyse("IOP = idéburet offentligt partnerskap?").intent == "definition"


def test_the_easiest_social_requirement_is_the_broad_question():
    assert asks_overview(analyse("vi e en liten kommun, orkar inte med krångel, enklaste sociala kravet?"))


def test_a_bare_choice_before_a_request_for_cases_is_a_question_of_its_own():
    from bot.answer.analysis import asks_something

    assert asks_something("reservera eller sysselsättningskrav för städningen")
    assert not asks_something("gärna i Skåne eller Blekinge")


def test_the_choice_part_of_a_precedent_question_is_answered_by_the_faq_that_helps_choose():
    from composer_kit import composer_over, ranked

    from bot.answer.precedent_answer import choice_faq

    comp, passages = composer_over(
        {
            ("faq-kombinera", "faq", "Kan vi kombinera reservation och sysselsättningskrav?"): {
                "kort-svar": "Ja."
            },
            ("faq-valja", "faq", "Reservation, sysselsättningskrav eller arbetsrättsliga villkor?"): {
                "kort-svar": "Det beror på vad ni vill uppnå."
            },
        }
    )
    comp.deciding_ids = frozenset({"faq-kombinera", "faq-valja"})
    result = ranked(passages, {"faq-kombinera": 0.03, "faq-valja": 0.02})
    assert (
        choice_faq(comp, result, "reservera eller sysselsättningskrav för städningen", set()).doc_id
        == "faq-valja"
    )
    assert choice_faq(comp, result, "finns det exempel på reserverad städning", set()) is None


def test_swedish_wages_are_wages_by_collective_agreement_unless_posted_workers_are_asked_about():
    assert "kollektivavtal" in normalise_chat("mitt parti vill kräva svenska löner i alla avtal")
    assert "kollektivavtal" not in normalise_chat("får vi kräva svenska löner för utländska arbetare")
