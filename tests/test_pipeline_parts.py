"""A compound question's own vector is first the mean of its parts' vectors: it points between
them, the longer part weighing more, and stays a unit vector for cosine scores."""

import numpy as np

from bot.answer.pipeline import mean_of


def test_the_parts_mean_leans_to_the_longer_part_and_is_a_unit_vector():
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    mean = mean_of(vectors, ["får vi reservera städningen för sociala företag", "exempel?"])
    assert abs(float(np.linalg.norm(mean)) - 1.0) < 1e-6
    assert mean[0] > mean[1] > 0


def test_a_compound_question_is_answered_part_by_part(pipeline):
    answer = pipeline.ask("Får vi reservera upphandlingen för sociala företag? Och hur följer vi upp det?")
    assert answer.answered and answer.parts


def test_a_part_that_names_the_thing_before_it_again_is_searched_with_its_topic():
    from bot.answer.pipeline import part_queries

    parts = [
        "vad betyder proportionalitet när man ställer sociala krav",
        "måste kravet ha med kontraktet att göra",
    ]
    assert "proportionalitet" in part_queries(parts)[1]
    # a part about something new stands alone
    parts = [
        "vad betyder proportionalitet när man ställer sociala krav",
        "måste leverantören ha kollektivavtal",
    ]
    assert part_queries(parts)[1] == "måste leverantören ha kollektivavtal"


def test_a_part_about_them_or_it_is_searched_with_the_topic_before_it():
    from bot.answer.analysis import analyse
    from bot.answer.pipeline import part_queries

    # "de" are the suppliers with unpaid taxes; "det" is IOP
    taxes = analyse(
        "Kan vi utesluta en leverantör som inte betalat skatt? Och vad gäller om de betalar i efterhand?"
    )
    assert "skatt" in part_queries(taxes.parts)[1]
    iop = analyse("Vad är IOP, är det förenligt med LOU och finns det exempel från Skåne?")
    assert iop.parts == ["Vad är IOP", "är det förenligt med LOU", "finns det exempel från Skåne"]
    assert "iop" in part_queries(iop.parts)[1].lower()
    # "dem" after "för" are those the part before named, even beside an instrument ("reserveras")
    ideburna = analyse(
        "Vad räknas som idéburen organisation enligt 19 kap. 25 a § LOU och vilka tjänster kan reserveras för dem?"
    )
    assert "idéburen" in part_queries(ideburna.parts)[1]


def test_a_rules_question_naming_a_supplier_lifts_no_case_of_it():
    from bot.answer.analysis import analyse
    from bot.answer.names import Names
    from bot.answer.pipeline import named_files

    names = Names.from_records(
        [{"id": "kristianstad-samhall", "buyer": "Kristianstads kommun", "suppliers": ["Samhall"]}]
    )
    asked = "Får en kommun reservera en upphandling enbart för Samhall?"
    assert named_files(asked, analyse(asked, names), names) == set()
    # a lookup of its cases, or a rules question naming the buyer, still lifts the case
    cases = "Vilka kommuner har köpt av Samhall?"
    assert named_files(cases, analyse(cases, names), names) == {"kristianstad-samhall"}
    buyer = "Får vi göra som Kristianstad och reservera tvätten?"
    assert named_files(buyer, analyse(buyer, names), names) == {"kristianstad-samhall"}


def test_a_side_of_a_choice_is_searched_with_the_instrument_it_names():
    from bot.answer.analysis import analyse
    from bot.answer.queries import side_query

    choice = analyse(
        "vad är bättre, ett reserverat kontrakt eller krav på praktikplatser i ett vanligt avtal?"
    )
    assert [side_query(s, choice) for s in choice.sides] == [
        "reserverat kontrakt reserverad upphandling",
        "krav på praktikplatser i ett vanligt avtal sysselsättningskrav",
    ]
    # what tells two things apart is searched as asked
    contrast = analyse("vad är skillnaden mellan ett reserverat kontrakt och krav på praktikplatser?")
    assert "sysselsättningskrav" not in " ".join(side_query(s, contrast) for s in contrast.sides)


def test_chat_words_around_a_comparison_are_not_searched_as_its_topic():
    from bot.answer.analysis import analyse
    from bot.answer.queries import side_query

    for question in ("iop vs upphandling vad e grejen", "iop vs upphandling, vad ar skillnaden kort"):
        asked = analyse(question)
        searched = [side_query(s, asked).split() for s in asked.sides]
        assert [words[0] for words in searched] == ["iop", "upphandling"], question
        assert not {"grejen", "vad", "e", "ar", "skillnaden", "kort"} & {
            w for words in searched for w in words
        }


def test_a_bare_side_that_is_an_instrument_in_other_words_is_searched_by_its_name():
    from bot.answer.analysis import analyse
    from bot.answer.queries import side_query

    asked = analyse("vad funkar bäst för att få ut långtidsarbetslösa i jobb: krav eller reservation?")
    assert side_query("reservation", asked).startswith("reservation reserverad upphandling")


def test_what_a_named_buyer_did_and_how_it_went_is_answered_by_its_case(pipeline):
    answer = pipeline.ask("Har Region Örebro län köpt cykelservice från ett socialt företag? Hur gick det?")
    assert answer.intent == "precedents"
    # the case leads, and neither part is answered by the rules above it
    assert [p.doc_id for p in answer.parts] == ["region-orebro-cykelreturen"]


def test_reserving_for_local_social_enterprises_gets_no_yes(pipeline):
    answer = pipeline.ask("Kan vi reservera en upphandling för bara lokala sociala företag?")
    assert answer.answered
    assert not answer.parts[0].text.startswith("Ja")
    assert answer.parts[0].asks is None


def test_a_side_is_named_by_the_instrument_not_by_what_is_done_with_it():
    from composer_kit import composer_over, ranked

    from bot.answer.comparison import named_by

    c, passages = composer_over(
        {
            ("sysselsattningskrav", "guidance", "Sysselsättningskrav"): {"kort-svar": "Ett villkor."},
            ("faq-direkt", "faq", "Får vi ställa sysselsättningskrav i en direktupphandling?"): {
                "kort-svar": "Ja."
            },
        }
    )
    result = ranked(passages, {"faq-direkt": 1.0, "sysselsattningskrav": 0.9})
    assert named_by(c, "ställa sysselsättningskrav", result, set()).doc_id == "sysselsattningskrav"


def test_a_kind_of_buyer_with_no_case_of_the_purchase_is_answered_by_other_buyers_cases():
    from types import SimpleNamespace

    from test_precedent_list import example

    from bot.answer.analysis import analyse
    from bot.answer.precedent_answer import known_elsewhere

    laundry = example("tvatt", "Luleå", "tvätt", "reserverad")
    jobs = example("bygg", "Umeå", "bygg och anläggning", "sysselsattningskrav")
    asked = analyse("Har någon region upphandlat tvätt med sysselsättningskrav?")
    # municipalities bought laundry and set employment requirements: their cases answer
    assert known_elsewhere(SimpleNamespace(examples=[laundry, jobs]), asked)
    # ... but no one bought laundry at all: what the rules say answers
    assert not known_elsewhere(SimpleNamespace(examples=[jobs]), asked)


def test_how_it_differs_after_what_it_is_is_a_part_of_its_own_about_the_term():
    from bot.answer.analysis import analyse
    from bot.answer.pipeline import part_queries

    asked = analyse("Vad är LOV, hur skiljer det sig från vanlig upphandling, och kan idéburna vara med?")
    assert asked.parts == [
        "Vad är LOV",
        "hur skiljer det sig från vanlig upphandling",
        "kan idéburna vara med",
    ]
    assert part_queries(asked.parts)[1].lower() == "hur skiljer lov sig från vanlig upphandling"
