"""Two words asked at once ("vad betyder sysselsättningskrav och praktikplats?") get both
definitions, each under its term, in the order the question names them; one word gets one."""

from composer_kit import composer_over, ranked

from bot.answer.analysis import analyse
from bot.answer.compose import Searches
from bot.answer.names import Names

FILES = {
    ("ord-syss", "glossary", "Sysselsättningskrav"): {
        "kort-svar": "Ett sysselsättningskrav är ett kontraktsvillkor."
    },
    ("ord-praktik", "glossary", "Praktikplats"): {
        "kort-svar": "En praktikplats är en plats på en arbetsplats."
    },
}


def answer_to(question: str):
    comp, passages = composer_over(FILES)
    for doc_id, term in (("ord-syss", "sysselsättningskrav"), ("ord-praktik", "praktikplats")):
        comp.documents[doc_id]["term"] = term
    names = Names.from_records([{"id": d, "kind": k, "title": t} for d, k, t in FILES])
    result = ranked(passages, {"ord-praktik": 0.03, "ord-syss": 0.02})
    return comp.compose(analyse(question, names), Searches(result, [result]), min_confidence=0.0)


def test_two_words_asked_at_once_get_both_definitions_in_the_order_asked():
    answer = answer_to("vad betyder sysselsättningskrav och praktikplats")
    assert [(p.label, p.doc_id) for p in answer.parts] == [
        ("sysselsättningskrav", "ord-syss"),
        ("praktikplats", "ord-praktik"),
    ]


def test_one_word_gets_one_definition():
    answer = answer_to("vad betyder sysselsättningskrav")
    assert len(answer.parts) == 1 and answer.parts[0].label is None


def test_a_term_named_as_the_owner_of_another_is_not_asked():
    # "sysselsättningskravs praktikplats" is no Swedish, but "LOU:s tröskelvärde" is: the colon form
    answer = answer_to("vad är sysselsättningskrav:s praktikplats")
    assert [p.doc_id for p in answer.parts] == ["ord-praktik"]


def test_a_supplier_only_the_precedents_name_is_answered_by_its_precedent():
    from composer_kit import composer_over, ranked

    from bot.answer.analysis import analyse
    from bot.answer.definitions import supplier_named
    from bot.answer.names import Names

    files = {
        ("ord-sociala-hansyn", "glossary", "Sociala hänsyn"): {
            "kort-svar": "Sociala hänsyn är ett samlingsbegrepp."
        },
        ("goteborg-social-trade", "example", "Göteborgs Stad – fruktkorgar från Social Trade"): {
            "kort-svar": "Social Trade är de sociala företagens gemensamma säljbolag."
        },
    }
    comp, passages = composer_over(files)
    names = Names.from_records(
        [{"id": "goteborg-social-trade", "buyer": "Göteborgs Stad", "suppliers": ["Social Trade"]}]
    )
    analysis = analyse("vad är Social Trade?", names)
    result = ranked(passages, {"ord-sociala-hansyn": 0.05, "goteborg-social-trade": 0.03})
    assert [p.doc_id for p in supplier_named(comp, analysis, result)] == ["goteborg-social-trade"]
