"""A file about LOV, LUF or LUK ranks by whether the question names that law."""

from bot.search.scope import MATCH, MISS, LawScope, laws_in

DOCS = {
    "faq-sysselsattningskrav-i-lov": {
        "title": "Kan vi ställa sysselsättningskrav i ett valfrihetssystem enligt LOV?"
    },
    "faq-lou-luf-luk": {"title": "Gäller samma regler om sociala hänsyn i LOU, LUF och LUK?"},
    "sysselsattningskrav": {"title": "Sysselsättningskrav"},
}


def test_the_laws_a_question_names_in_any_form():
    assert laws_in("Kan vi ställa sysselsättningskrav i ett ramavtal?") == frozenset()
    assert laws_in("lov eller lou for boendestod?") == {"LOV"}
    assert laws_in("gäller det i valfrihetssystemet") == {"LOV"}
    assert laws_in("Vad säger LUF om reserverade kontrakt jämfört med LOU?") == {"LUF"}
    assert laws_in("tjänstekoncessioner och försörjningssektorerna") == {"LUK", "LUF"}


def test_a_file_about_another_law_sinks_and_one_about_the_law_asked_rises():
    scope = LawScope(DOCS)
    ramavtal = laws_in("Kan vi ställa sysselsättningskrav i ett ramavtal?")
    assert scope.factor("faq-sysselsattningskrav-i-lov", ramavtal) == MISS < 1.0
    assert scope.factor("sysselsattningskrav", ramavtal) == 1.0
    assert (
        scope.factor("faq-lou-luf-luk", laws_in("Vilket lagrum i LUF motsvarar reservation?")) == MATCH > 1.0
    )


def test_a_question_about_another_context_is_not_a_paraphrase_of_the_lov_faq():
    from bot.answer.compose import paraphrase

    lov = "Kan vi ställa sysselsättningskrav i ett valfrihetssystem enligt LOV?"
    assert not paraphrase("Kan vi ställa sysselsättningskrav i en byggentreprenad?", lov)
    assert paraphrase("kan vi ställa sysselsättningskrav i lov?", lov)
