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
    from bot.answer.asked import paraphrase

    lov = "Kan vi ställa sysselsättningskrav i ett valfrihetssystem enligt LOV?"
    assert not paraphrase("Kan vi ställa sysselsättningskrav i en byggentreprenad?", lov)
    assert paraphrase("kan vi ställa sysselsättningskrav i lov?", lov)


LUF_FAQ = """---
id: faq-luf
title: Gäller samma sociala hänsyn i LUF som i LOU?
kind: faq
refs: ["4 kap. 18 § LOU"]
sources:
  - url: https://www.upphandlingsmyndigheten.se/
    title: Upphandlingsmyndigheten
checked: 2026-12-03
---
# Gäller samma sociala hänsyn i LUF som i LOU?

## Kort svar
I stort sett ja: LUF har motsvarande regler om reserverade kontrakt och särskilda kontraktsvillkor.
"""


def test_a_short_question_naming_a_law_whose_file_ranks_first_is_answered(kb_dir, settings):
    from bot.answer.pipeline import Pipeline

    (kb_dir / "faq" / "faq-luf.md").write_text(LUF_FAQ, encoding="utf-8")
    answer = Pipeline(settings).ask("Vilket lagrum i LUF gäller?")
    assert answer.answered
    assert answer.parts[0].doc_id == "faq-luf"


def test_chat_filler_does_not_stop_a_question_from_being_the_faqs_own():
    from bot.answer.asked import paraphrase

    own = "Får vi kräva att leverantören har kollektivavtal?"
    # so the FAQ's "Nej, men …" stands under its own question, not a neighbour's "Ja, …"
    assert paraphrase("får man ens kräva kollektivavtal nu för tiden", own)
    assert not paraphrase("asf vad e det", "Får vi reservera en upphandling för sociala företag?")


def test_a_compound_that_names_another_thing_is_not_the_faqs_own_question():
    from bot.answer.asked import narrows, paraphrase

    own = "Får vi kräva att leverantören har kollektivavtal?"
    # the wages, not the agreement: its "Nej, men …" must not stand as the reply
    assert not paraphrase("Får vi kräva att leverantören betalar svensk kollektivavtalslön?", own)
    assert not paraphrase("får vi kräva kollektivavtalsnivå på lönerna", own)
    # endings, a requirement of it and its label still name the same thing
    assert paraphrase("får vi kräva att leverantörerna har kollektivavtalen", own)
    assert not narrows("Får vi kräva Fairtrade-märkt kaffe?", "Får vi kräva Fairtrade eller rättvis handel?")


def test_a_question_on_one_instrument_is_not_one_on_another():
    from bot.answer.asked import paraphrase

    # buying directly is not reserving: the reservation FAQ's "Ja" must not stand as the reply
    own = "kan vi välja ett lokalt socialt företag direkt genom att reservera upphandlingen?"
    assert not paraphrase("kan vi köpa direkt från ett socialt företag utan upphandling??", own)
    assert paraphrase("kan vi välja ett lokalt socialt företag genom att reservera upphandlingen", own)
    # asking for judgments on a thing is not asking what it is
    assert not paraphrase("finns det domar om reserverad upphandling", "Vad är en reserverad upphandling?")


def test_a_question_on_one_kind_of_purchase_is_not_one_on_another():
    from bot.answer.asked import paraphrase
    from bot.search.phrasings import Phrasings
    from bot.search.scope import SettingScope, settings_in

    own = "Får vi ställa sysselsättningskrav i en direktupphandling?"
    assert paraphrase("får vi ställa sysselsättningskrav vid direktupphandling", own)
    assert not paraphrase("Får vi ställa sysselsättningskrav i ett ramavtal?", own)
    assert not paraphrase("Får vi ställa sysselsättningskrav i en byggupphandling?", own)
    # a question that names no kind of purchase may still be this one
    assert settings_in("Får vi ställa sysselsättningskrav?") == frozenset()
    docs = {"direkt": {"id": "direkt", "kind": "faq", "title": own, "questions": [own]}}
    assert Phrasings(docs).quoted_file("Får vi ställa sysselsättningskrav i en direktupphandling") == "direkt"
    assert Phrasings(docs).quoted_file("Får vi ställa sysselsättningskrav i en byggupphandling") is None
    scope = SettingScope(docs)
    assert scope.factor("direkt", settings_in("… i ett ramavtal?")) < 1.0
    assert scope.factor("direkt", settings_in("… vid direktupphandling?")) == 1.0
    assert scope.factor("direkt", settings_in("… över huvud taget?")) == 1.0


def test_a_question_that_asks_how_does_not_quote_one_that_asks_whether():
    from bot.search.phrasings import Phrasings

    whether = "kan vi göra en upphandling där bara sociala företag får lämna anbud"
    docs = {"reservera": {"id": "reservera", "kind": "faq", "title": "Reservera?", "questions": [whether]}}
    phrasings = Phrasings(docs)
    assert phrasings.quoted_file("kan vi göra en upphandling där bara sociala företag får lämna anbud?") == (
        "reservera"
    )
    assert (
        phrasings.quoted_file("Hur delar vi upp en upphandling så att sociala företag kan lämna anbud?")
        is None
    )


def test_the_reservation_of_welfare_services_sinks_unless_the_question_names_welfare():
    from bot.search.scope import WELFARE_MISS, WelfareScope

    scope = WelfareScope(
        {
            "reserverad-upphandling": {
                "kind": "guidance",
                "title": "Reserverad upphandling för sociala företag",
            },
            "valfard": {"kind": "guidance", "title": "Reserverad upphandling av vissa välfärdstjänster"},
            "uppsala-ferlin": {
                "kind": "example",
                "title": "Uppsala – Ferlin upphandlat bland idéburna organisationer",
            },
        }
    )
    assert scope.factor("valfard", "whats the deal med reserverade kontrakt") == WELFARE_MISS < 1.0
    assert scope.factor("valfard", "kan vi reservera hemtjänsten för idéburna?") == 1.0
    assert scope.factor("valfard", "19 kap 25 eller 25 a, vilken passar?") == 1.0
    assert scope.factor("reserverad-upphandling", "whats the deal med reserverade kontrakt") == 1.0
    assert scope.factor("uppsala-ferlin", "reserverade kontrakt") == 1.0  # a precedent is what it is
    # a service bought for a care setting is no welfare service
    assert scope.factor("valfard", "kan vi reservera städningen av vårdcentraler") == WELFARE_MISS
    assert scope.factor("valfard", "får vi reservera tvätten till äldreomsorgen") == WELFARE_MISS
    assert scope.factor("valfard", "får vi reservera städningen för idéburna organisationer") == 1.0


def test_a_file_on_one_side_of_the_threshold_sinks_for_the_other_side_or_for_the_thresholds_alone():
    from bot.search.scope import MISS, SettingScope, settings_in

    scope = SettingScope(
        {
            "faq-under": {
                "title": "Kan vi ställa sociala krav i upphandlingar under tröskelvärdena?",
                "kind": "faq",
            }
        }
    )
    over = "får man reservera upphandlingar som ligger över EU:s tröskelvärden?"
    assert scope.factor("faq-under", settings_in(over), over) == MISS
    assert scope.factor("faq-under", settings_in("tröskelvärdena nu?"), "tröskelvärdena nu?") == MISS
    under = "Kan vi reservera en upphandling som ligger under tröskelvärdet?"
    assert scope.factor("faq-under", settings_in(under), under) == 1.0
    # both sides asked: neither narrows the question
    both = "Är det samma regler under och över tröskelvärdena?"
    assert settings_in(both) == frozenset()
    assert scope.factor("faq-under", settings_in(both), both) == 1.0


def test_accessibility_sinks_when_the_question_is_about_the_suppliers_staff_not_what_is_bought():
    from bot.search.scope import ACCESS_MISS, AccessScope

    scope = AccessScope(
        {
            "tillganglighetskrav": {
                "kind": "guidance",
                "title": "Krav på tillgänglighet för personer med funktionsnedsättning",
            },
            "faq-30-procent-kravet": {"kind": "faq", "title": "Måste 30 procent ha funktionsnedsättning?"},
        }
    )
    # the people a supplier employs: reservation or employment requirements, not accessibility
    staff = "Får vi kräva att en viss andel av personalen har funktionsnedsättning?"
    assert scope.factor("tillganglighetskrav", staff) == ACCESS_MISS < 1.0
    assert scope.factor("tillganglighetskrav", "vi vill ge jobb åt folk med funktionsnedsättning, hur?") < 1.0
    assert scope.factor("faq-30-procent-kravet", staff) == 1.0
    # the conditions of those who make what is bought are no accessibility question either
    factories = "vi ska köpa in datorer, vilka krav kan vi ställa på arbetsvillkoren i fabrikerna"
    assert scope.factor("tillganglighetskrav", factories) == ACCESS_MISS
    # what is bought, or accessibility named: the accessibility file keeps its place
    assert scope.factor("tillganglighetskrav", "måste webbplatsen vi köper vara tillgänglig?") == 1.0
    assert scope.factor("tillganglighetskrav", "kan personalen kräva att systemet funkar för alla?") == 1.0
    assert (
        scope.factor("tillganglighetskrav", "krav för personer med funktionsnedsättning i upphandlingen?")
        == 1.0
    )


def test_a_file_titled_with_lou_sinks_only_when_the_question_names_another_law():
    scope = LawScope({**DOCS, "lou-4-18": {"title": "4 kap. 18 § LOU – reserverad upphandling"}})
    assert scope.factor("lou-4-18", laws_in("Vad säger 4 kap. 18 § LOU?")) == 1.0
    assert scope.factor("lou-4-18", laws_in("Finns det en motsvarighet till 4 kap. 18 § LOU i LUF?")) == MISS


def test_a_question_about_a_named_party_is_not_one_about_another_kind_of_bidder():
    from bot.answer.asked import paraphrase

    asked = "Får Samhall lämna anbud i en upphandling som är reserverad enligt 4 kap. 18 §?"
    assert not paraphrase(asked, "kan en avdelning i en stiftelse lämna anbud i reserverad upphandling")
    assert paraphrase(
        "Får Samhall lämna anbud i en reserverad upphandling?",
        "får samhall lämna anbud i en reserverad upphandling",
    )


def test_a_question_that_names_luf_is_led_by_a_close_file_on_luf():
    from composer_kit import composer_over, ranked

    from bot.answer.permission_lead import on_the_law

    comp, passages = composer_over(
        {
            ("reserverad-upphandling", "guidance", "Reserverad upphandling"): {
                "kort-svar": "Ja, enligt 4 kap. 18 §."
            },
            ("ord-luf", "glossary", "LUF"): {
                "kort-svar": "LUF är lagen om upphandling inom försörjningssektorerna."
            },
            ("faq-lou-luf-luk", "faq", "Gäller samma regler om sociala hänsyn i LOU, LUF och LUK?"): {
                "kort-svar": "I stort sett ja; reservation finns i 4 kap. 16 § LUF."
            },
        }
    )
    docs = ranked(
        passages, {"reserverad-upphandling": 0.03, "ord-luf": 0.02, "faq-lou-luf-luk": 0.01}
    ).documents()
    asked = "får ett energibolag som följer LUF reservera kontrakt för sociala företag?"
    # the FAQ whose title names LUF, not the guidance that does not nor the word's definition
    assert on_the_law(docs[0].passage, docs, asked, comp.documents).doc_id == "faq-lou-luf-luk"
    assert (
        on_the_law(docs[0].passage, docs, "får vi reservera?", comp.documents).doc_id
        == "reserverad-upphandling"
    )


def test_a_file_on_a_narrow_case_sinks_for_a_question_that_does_not_name_it():
    from bot.search.scope import NARROW_MISS, NarrowScope

    scope = NarrowScope(
        {
            "faq-utstationerad": {
                "kind": "faq",
                "title": "Gäller arbetsrättsliga villkor även för utstationerad personal?",
            },
            "faq-policy": {
                "kind": "faq",
                "title": "Kan fullmäktige besluta om en policy för sociala hänsyn?",
            },
            "arbetsrattsliga-villkor": {"kind": "guidance", "title": "Arbetsrättsliga villkor"},
        }
    )
    assert (
        scope.factor("faq-utstationerad", "arbetsrättsliga villkor tvingande eller ej") == NARROW_MISS < 1.0
    )
    assert scope.factor("faq-utstationerad", "måste polska underleverantörer följa svenska löner?") == 1.0
    assert scope.factor("faq-policy", "social hänsyn i upphandling, vad kan en kommun göra") == NARROW_MISS
    assert scope.factor("faq-policy", "kan nämnden besluta att alla upphandlingar ska ha sociala krav") == 1.0
    assert scope.factor("arbetsrattsliga-villkor", "arbetsrättsliga villkor tvingande eller ej") == 1.0


def test_the_file_on_changing_a_signed_contract_sinks_for_questions_on_contracts_in_general():
    from bot.search.scope import NARROW_MISS, SIGNED_MISS, NarrowScope

    title = "Får vi lägga till sociala krav i ett avtal eller ramavtal som redan är tecknat?"
    scope = NarrowScope({"faq-tecknat": {"kind": "faq", "title": title}})
    # it speaks of contracts and framework agreements throughout: it sinks further than others
    assert (
        scope.factor("faq-tecknat", "får vi ställa sysselsättningskrav i ramavtalet?")
        == SIGNED_MISS
        < NARROW_MISS
    )
    for asked in (
        "kan vi lägga till krav på praktikplatser i avtalet vi redan har?",
        "politikerna vill ha sociala krav i pågående avtal",
        "får vi ändra avtalet med städfirman?",
        "kan vi kräva schyssta villkor när vi förlänger avtalet",
    ):
        assert scope.factor("faq-tecknat", asked) == 1.0, asked


def test_suppliers_with_an_office_in_the_municipality_are_local_suppliers():
    from bot.search.scope import LOCAL

    assert LOCAL.search("får vi begränsa anbudsgivare till dem som har kontor i kommunen?")
    assert LOCAL.search("leverantörer med säte på orten")
    assert not LOCAL.search("får vi begränsa upphandlingen till sociala företag?")


def test_the_social_economy_sinks_for_questions_that_do_not_name_it():
    from bot.search.scope import NARROW_MISS, NarrowScope

    scope = NarrowScope({"ord-social-ekonomi": {"kind": "glossary", "title": "Social ekonomi"}})
    assert (
        scope.factor("ord-social-ekonomi", "va e skillnaden på idéburen och socialt företag") == NARROW_MISS
    )
    assert scope.factor("ord-social-ekonomi", "vad betyder sociala ekonomin?") == 1.0
    assert scope.factor("ord-social-ekonomi", "what is the social economy") == 1.0


def test_files_on_subcontractors_rise_when_a_question_names_them_in_any_words():
    from bot.search.scope import SUBCONTRACTORS_HIT, NarrowScope

    title = "Gäller arbetsvillkoren även leverantörens underleverantörer?"
    scope = NarrowScope({"faq-ue": {"kind": "faq", "title": title}})
    for asked in (
        "Får vi kräva lön enligt kollektivavtal även hos underleverantörerna?",
        "gäller arbetsrättsliga villkor för UE också",
        "kan vi kräva schyssta villkor i alla led?",
    ):
        assert scope.factor("faq-ue", asked) == SUBCONTRACTORS_HIT > 1.0, asked
    # ... and keep their place for a question that does not
    assert scope.factor("faq-ue", "får vi kräva kollektivavtalsenlig lön?") == 1.0


def test_the_file_on_time_limits_rises_when_a_question_asks_how_long():
    from bot.search.scope import HOW_LONG_HIT, NarrowScope

    title = "13 kap. 1 § LOU – obligatorisk uteslutning vid brott, tidsgränser och självsanering"
    scope = NarrowScope({"lou-13-1": {"kind": "law", "title": title}})
    assert scope.factor("lou-13-1", "… och hur många år bakåt gäller det?") == HOW_LONG_HIT > 1.0
    assert scope.factor("lou-13-1", "måste vi utesluta en leverantör som dömts för mutbrott?") == 1.0
