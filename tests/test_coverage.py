"""Whether the best files speak of a referral's topic (bot/answer/coverage.py): a question on a
topic the knowledge base only touches is sent on, not answered from a file that names it once."""

from bot.answer.coverage import speaks_of
from bot.knowledge.chunking import Passage
from bot.search.retrieval import Hit, SearchResult


def passage(doc: str, heading: str, slug: str, text: str) -> Passage:
    return Passage(f"{doc}#{slug}", doc, "example", doc, heading, text, (), None, "2026-01-01")


def check(tags: list[str], text: str) -> bool:
    short = passage("gavle", "Kort svar", "kort-svar", "Gävle ställde krav på praktikplatser i städningen.")
    body = passage("gavle", "Vad som krävdes", "vad", text)
    result = SearchResult("q", [Hit(short, 1.0)], 0.9, 0.5)
    documents = {"gavle": {"id": "gavle", "title": "Gävle – praktikplatser i städningen", "tags": tags}}
    passages = {p.id: p for p in (short, body)}
    return speaks_of(result, ("miljökrav",), documents, passages, {"gavle": [short, body]})


def test_a_tag_the_text_never_names_does_not_make_a_file_speak_of_it():
    assert not check(["städ", "miljökrav"], "Leverantören ska ta emot praktikanter.")


def test_a_tag_the_text_names_too_does():
    assert check(["städ", "miljökrav"], "Miljökrav: städprodukterna ska vara Svanenmärkta.")


def test_a_word_inside_another_is_not_named():
    # "arbetsmiljö" twice in a text on the costs of employment requirements does not make it
    # answer how to set environmental requirements ("miljö")
    text = "Arbetsmiljö och handledning kostar. Leverantören ansvarar för arbetsmiljön."
    short = passage("kostnad", "Kort svar", "kort-svar", "Det beror på kravet.")
    body = passage("kostnad", "Förklaring", "forklaring", text)
    result = SearchResult("q", [Hit(short, 1.0)], 0.9, 0.5)
    documents = {"kostnad": {"id": "kostnad", "title": "Blir det dyrare?", "tags": []}}
    passages = {p.id: p for p in (short, body)}
    assert not speaks_of(result, ("miljö",), documents, passages, {"kostnad": [short, body]})
    body = passage("kostnad", "Förklaring", "forklaring", "Miljö är en sak. Miljökrav en annan.")
    assert speaks_of(result, ("miljö",), documents, passages, {"kostnad": [short, body]})


def test_a_topic_in_its_definite_form_is_named_by_a_text_on_the_word_but_a_verb_is_not_by_its_noun():
    # "överprövning efter tilldelningsbeslutet" is answered by a text on review after a
    # "tilldelningsbeslut"; "diskriminerad" is not named by a text on "diskriminering"
    short = passage(
        "overprovning", "Kort svar", "kort-svar", "Efter ett tilldelningsbeslut kan en leverantör ansöka."
    )
    result = SearchResult("q", [Hit(short, 1.0)], 0.9, 0.5)
    documents = {"overprovning": {"id": "overprovning", "title": "Överprövning", "tags": []}}
    passages = {short.id: short}
    sections = {"overprovning": [short]}
    assert speaks_of(result, ("tilldelningsbeslutet",), documents, passages, sections)
    short = passage("overprovning", "Kort svar", "kort-svar", "Krav mot diskriminering i avtalet.")
    passages = {short.id: short}
    assert not speaks_of(result, ("diskriminerad",), documents, passages, {"overprovning": [short]})


def test_what_a_buyer_may_require_of_its_supplier_is_not_sent_on():
    from bot.answer.analysis import analyse
    from bot.answer.coverage import asks_of_the_supplier

    assert asks_of_the_supplier(
        analyse("får vi kräva att leverantören anställer nån från etableringsprogrammet")
    )
    assert asks_of_the_supplier(analyse("kan vi utesluta ett bolag som fått böter av Arbetsmiljöverket?"))
    assert not asks_of_the_supplier(
        analyse("kan vi få lönebidrag om vi anställer nån från etableringsprogrammet")
    )


def test_an_environmental_question_goes_to_the_criteria_service_though_files_name_the_word_in_passing():
    from composer_kit import composer_over, ranked

    from bot.answer.analysis import analyse
    from bot.answer.declining import told_elsewhere
    from bot.search.referrals import Referrals

    comp, passages = composer_over(
        {
            ("faq-fairtrade", "faq", "Får vi kräva Fairtrade?"): {
                "kort-svar": "Ja, som ett villkor om rättvis handel i kontraktet.",
                "forklaring": "Ekologiska krav är något annat; ekologiska märken prövas på samma sätt.",
            },
            ("max-havelaar", "case-law", "Max Havelaar (C-368/10)"): {
                "kort-svar": "Domstolen godtog att en myndighet vill köpa ekologiska och rättvisemärkta varor."
            },
        }
    )
    comp.referrals = Referrals(
        [
            {
                "id": "kriterietjansten",
                "kind": "referral",
                "title": "Miljökrav",
                "topics": ["ekologisk", "ekologiska"],
            }
        ]
    )
    found = ranked(passages, {"faq-fairtrade": 0.03, "max-havelaar": 0.02})
    # no social consideration is asked, and the best file names the topic only in its text
    assert told_elsewhere(comp, analyse("vilken andel ekologiska livsmedel bör vi kräva?"), found)
    # ... while the same topic beside a social one is answered from the files
    assert not told_elsewhere(comp, analyse("får vi kräva ekologiska och fairtrade-märkta livsmedel?"), found)
