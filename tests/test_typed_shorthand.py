"""Shorthand typed in chat that changes what a question asks: "o" after "§" or a comma, "e" for
"är", a chapter of LOU typed in lower case, "basically" before the question, everyday words for
the files' terms ("straffa", "schysst"), and a general procurement question that a file on social
requirements only mentions."""

import pytest

from bot.answer.analysis import analyse, part_intent
from bot.answer.declining import told_elsewhere
from bot.search.referrals import Referrals
from bot.search.textproc import normalise_chat


def test_and_typed_as_o_after_a_paragraph_sign_starts_the_question_on_cases():
    parts = analyse("vad säger 4 kap 18 § o finns det exempel på att ngn använt den").parts
    assert len(parts) == 2
    assert parts[1].startswith("finns det exempel")


def test_and_typed_as_o_after_a_comma_starts_a_question_of_its_own():
    parts = analyse("vad e en skyddad verkstad, o räknas samhall som en?").parts
    assert len(parts) == 2
    assert "samhall" in parts[1]


def test_a_chapter_of_lou_typed_in_lower_case_is_the_chapter_and_its_part_asks_for_the_law():
    analysis = analyse("vad står det i 16 kap lou om tilldelning, kan man ha sociala kriterier där")
    assert len(analysis.parts) == 2
    assert "16 kap. LOU om tilldelning" in analysis.parts[0]  # not split at "kap. L…"
    assert part_intent(analysis.parts[0]) == "provision"
    assert part_intent(analysis.parts[1]) == "permission"


def test_whether_there_is_a_provision_on_something_asks_for_the_provision():
    assert analyse("finns det en bestämmelse om tillgänglighet i LOU, vilken").intent == "provision"


def test_e_for_is_and_a_leading_basically_still_ask_what_a_term_means_and_whether_it_is_legal():
    analysis = analyse("basically vad e grejen med sociala hänsyn, e det ens lagligt?")
    assert analysis.intent == "definition"
    assert len(analysis.parts) == 2
    assert part_intent(analysis.parts[0]) == "definition"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("kan vi straffa en leverantör som inte betalar lön", "vite"),
        ("kan vi kräva ngt schysst när vi köper kaffe", "rättvist"),
        ("kan man stryka en leverantör som fuskat med skatter", "utesluta"),
    ],
)
def test_everyday_words_are_read_as_the_files_terms(typed, meant):
    assert meant in normalise_chat(typed)


def test_we_want_to_do_something_tips_asks_how():
    assert analyse("vi vill hjälpa nyanlända få jobb via byggprojekten, tips?").intent == "how-to"


def _option_composer():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(
        {
            ("faq-tecknat", "faq", "Kan vi lägga till sociala krav i ett avtal som redan är tecknat?"): {
                "kort-svar": "Bara om avtalet har en option eller en ändringsklausul som tillåter det."
            }
        }
    )
    comp.referrals = Referrals(
        [
            {
                "id": "fragservice",
                "kind": "referral",
                "title": "Andra upphandlingsfrågor",
                "topics": ["option"],
                "default": True,
            }
        ]
    )
    return comp, ranked(passages, {"faq-tecknat": 0.05})


def test_a_general_procurement_question_a_social_file_only_mentions_is_told_where_to_ask():
    comp, main = _option_composer()
    assert told_elsewhere(comp, analyse("kan vi köra option på avtalet fast det redan löpt ut"), main)
    # ... not when it asks about the social requirements themselves
    assert not told_elsewhere(comp, analyse("kan vi lägga till sociala krav som en option i avtalet?"), main)


def test_what_sets_two_things_apart_names_both_sides():
    from bot.answer.sides import comparison_sides

    assert comparison_sides("vad skiljer iop och lov åt") == ["iop", "lov"]
    assert analyse("vad skiljer 4 kap 18 och 19 kap 25 a åt").intent == "comparison"


@pytest.mark.parametrize(
    "question", ["vilka krav kan vi ställa vid inköp av datorer", "vilka krav kan vi ställa på arbetskläder"]
)
def test_which_requirements_for_goods_made_in_supply_chains_is_the_broad_question(question):
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse(question))


def test_which_requirements_for_a_service_is_not_the_supply_chain_overview():
    from bot.answer.overview import asks_overview

    assert not asks_overview(analyse("vilka krav kan vi ställa på städtjänster"))


def test_a_place_abroad_the_knowledge_base_never_names_is_not_a_word_of_what_is_asked(pipeline):
    retriever = pipeline.refresh().retriever
    with_place, _ = retriever.query_tokens("vilka krav kan vi ställa på kläder som sys i bangladesh")
    without, _ = retriever.query_tokens("vilka krav kan vi ställa på kläder som sys")
    assert with_place == without


def test_a_tag_of_the_best_faq_that_its_text_names_makes_the_topic_its_own():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(
        {
            ("faq-fel", "faq", "Vad händer om vi direktupphandlar fel?"): {
                "kort-svar": "Då kan Konkurrensverket ansöka om upphandlingsskadeavgift.",
                "forklaring": "En otillåten direktupphandling kan kosta upp till tio miljoner kronor.",
            }
        }
    )
    comp.documents["faq-fel"]["tags"] = ["otillåten direktupphandling"]
    comp.referrals = Referrals(
        [
            {
                "id": "konkurrensverket",
                "kind": "referral",
                "title": "Tillsyn",
                "topics": ["otillåten direktupphandling"],
            }
        ]
    )
    main = ranked(passages, {"faq-fel": 0.05})
    assert not told_elsewhere(
        comp, analyse("vad kostar det oss om vi gör en otillåten direktupphandling"), main
    )
    # ... while a precedent's tags list what the case held, not what it is about
    comp.documents["faq-fel"]["kind"] = "example"
    assert told_elsewhere(comp, analyse("vad kostar det oss om vi gör en otillåten direktupphandling"), main)


def test_an_amount_in_kr_is_read_as_kronor():
    assert "kronor" in normalise_chat("måste vi annonsera en upphandling på 500 000 kr")


def test_asking_someone_to_explain_a_term_asks_what_it_means():
    assert analyse("nån som kan förklara reserverad upphandling enkelt").intent == "definition"
    assert analyse("kan du förklara IOP").intent == "definition"


def test_anyone_who_has_excluded_a_supplier_asks_for_the_cases():
    assert analyse("någon som uteslutit en leverantör för arbetsrättsbrott").intent == "precedents"


def test_cleaning_typed_short_is_cleaning():
    assert "städning" in normalise_chat("reservera städ åt samhall direkt")


def test_a_broad_question_on_the_topic_is_answered_whatever_the_search_scored():
    from types import SimpleNamespace

    from bot.answer.gate import answerable

    analysis = analyse("tips på sociala krav när vi ska köpa städning")
    assert answerable(analysis, SimpleNamespace(confidence=0.002), [], 0.59)


def test_a_term_alone_asks_what_it_is():
    from bot.answer.names import Names

    names = Names.from_records(
        [{"id": "ord-iop", "kind": "glossary", "title": "IOP", "term": "IOP", "synonyms": []}]
    )
    assert analyse("IOP??", names).intent == "definition"


def test_a_topic_then_how_asks_how_it_is_done():
    assert analyse("sysselsättningskrav hur").intent == "how-to"
    assert analyse("hur funkar det me sysselsättningskrav rent praktiskt").intent == "how-to"


def test_work_training_is_a_social_consideration():
    from bot.answer.core_topics import names_core_topic

    assert names_core_topic("arbetsträning via upphandling")


def test_three_alternatives_for_a_purpose_are_the_sides_of_a_choice():
    from bot.answer.sides import comparison_sides

    sides = comparison_sides("IOP, LOV eller reserverad upphandling för ett boende för ensamkommande?")
    assert sides == ["IOP", "LOV", "reserverad upphandling"]


def test_which_instruments_there_are_for_social_considerations_is_the_broad_question():
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse("vilka instrument finns för sociala hänsyn och vilket är enklast"))


def test_following_up_a_requirement_is_led_by_the_faq_on_following_it_up():
    from composer_kit import composer_over, ranked

    from bot.answer.how_to import how_to_top

    _, passages = composer_over(
        {
            ("faq-folja-upp", "faq", "Hur följer vi upp sysselsättningskrav?"): {
                "kort-svar": "Begär underlag."
            },
            ("syss", "guidance", "Sysselsättningskrav"): {"kort-svar": "Krav på att anställa."},
        }
    )
    docs = ranked(passages, {"faq-folja-upp": 0.027, "syss": 0.0268}).documents()
    assert (
        how_to_top(docs, "uppföljning av sysselsattningskrav hur??", lambda d: True).doc_id == "faq-folja-upp"
    )
    # ... but not when another requirement's follow-up is asked
    asked = "hur följer man upp krav på mänskliga rättigheter"
    assert how_to_top(docs, asked, lambda d: True).doc_id == "syss"


def test_how_to_do_it_after_a_question_is_a_part_of_its_own():
    parts = analyse("får vi reservera tvätten och hur gör man då").parts
    assert len(parts) == 2
    assert parts[1] == "hur gör man då"


def test_a_bare_how_after_a_part_gets_the_how_to_section_of_that_parts_file():
    from composer_kit import composer_over

    comp, passages = composer_over(
        {
            ("faq-reservera", "faq", "Får vi reservera för sociala företag?"): {
                "kort-svar": "Ja, enligt 4 kap. 18 § LOU.",
                "sa-gor-du": "Skriv i annonsen att upphandlingen är reserverad.",
            },
            ("lou-4-18", "law", "4 kap. 18 § LOU"): {"kort-svar": "Lagtexten.", "tank-pa": "Tänk på."},
        }
    )
    shown = [comp.part(passages["faq-reservera#kort-svar"])]
    way = comp._its_way("hur gör man då", shown)
    assert way is not None and (way.doc_id, way.section) == ("faq-reservera", "sa-gor-du")
    # ... and a part that asks something else is left to the search
    assert comp._its_way("hur kontrollerar man det", shown) is None


def test_how_a_term_works_with_nothing_else_asked_is_what_the_term_is():
    from bot.answer.names import Names

    names = Names.from_records(
        [
            {
                "id": "ord-sociala-hansyn",
                "kind": "glossary",
                "title": "Sociala hänsyn",
                "term": "sociala hänsyn",
            }
        ]
    )
    assert analyse("hur funkar sociala hänsyn i upphandling egentligen", names).intent == "definition"
    # ... while how it works in a sector asks for more than the term
    assert analyse("hur funkar sociala hänsyn i städupphandling", names).intent != "definition"
