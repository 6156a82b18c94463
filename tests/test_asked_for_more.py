"""Lists that hold what was asked: a short Swedish list of municipalities gains the cities abroad
that did the same, and an area's support to social enterprises counts as something done with them."""

from types import SimpleNamespace

import pytest

from bot.answer.analysis import analyse, split_parts
from bot.answer.declining import told_elsewhere
from bot.answer.how_to import how_to_top
from bot.answer.meta import asks_about_bot
from bot.answer.precedent_list import lookup
from bot.answer.queries import part_queries
from bot.answer.sides import comparison_sides
from bot.search.referrals import Referrals
from bot.search.retrieval import SearchResult
from bot.search.scope import NarrowScope
from bot.search.surface import SurfaceWords

NOTHING_FOUND = SearchResult("", [], 0.0, 0.0)


def laundry(id_, town, country="Sverige"):
    return {
        "id": id_,
        "kind": "example",
        "title": id_,
        "buyer": f"{town} kommun",
        "buyer_type": "kommun",
        "municipality": town if country == "Sverige" else None,
        "country": country,
        "sector": ["tvätt"],
        "instrument": ["reserverad-4-18"],
        "year": 2020,
    }


def test_five_swedish_municipalities_that_bought_laundry_from_social_enterprises_gain_one_abroad():
    towns = ["Luleå", "Ludvika", "Kramfors", "Kristianstad", "Söderköping"]
    examples = [laundry(t.lower(), t) for t in towns] + [laundry("tingvoll", "Tingvoll", "Norge")]
    found, match, _ = lookup(
        analyse("tvätt från socialt företag – nån kommun som gjort det??"), NOTHING_FOUND, examples
    )
    ids = [r["id"] for r in found]
    assert match == "some"
    assert ids[-1] == "tingvoll" and len(ids) == 6  # the Swedish ones first, then the one abroad


def test_either_instrument_asked_of_a_named_town_lists_both_kinds_of_case():
    examples = [
        laundry("ferlin", "Uppsala") | {"instrument": ["reserverad-4-18"]},
        laundry("uppsalahem", "Uppsala")
        | {"instrument": ["sysselsattningskrav"], "buyer_type": "kommunalt bolag"},
    ]
    found, match, _ = lookup(
        analyse("Uppsala, har de några exempel på sysselsättningskrav eller reserverade upphandlingar?"),
        NOTHING_FOUND,
        examples,
    )
    assert match == "some" and {r["id"] for r in found} == {"ferlin", "uppsalahem"}


def test_a_case_described_then_finns_det_sant_asks_for_precedents():
    assert (
        analyse("cykelverkstad drivs av socialt företag åt en region, finns det sånt").intent == "precedents"
    )


@pytest.mark.parametrize(
    ("question", "leaning"),
    [
        ("Kan vi reservera en upphandling av lokalvård, och vilken paragraf gäller?", "reservera"),
        ("Vad är reserverad upphandling och hur gör man i praktiken?", "reserverad"),
        (
            "vad är direktupphandlingsgränsen nu och får vi välja ett socialt företag under den?",
            "direktupphandlingsgränsen",
        ),
    ],
)
def test_a_bare_later_part_is_searched_with_the_topic_of_the_part_before(question, leaning):
    queries = part_queries(split_parts(question))
    assert len(queries) == 2 and leaning in queries[1]


def test_may_we_and_which_paragraph_governs_asks_for_the_provision():
    assert analyse("Kan vi reservera städningen, och vilken paragraf gäller?").intent == "provision"


def test_black_pay_typed_as_meant_is_not_read_as_hard():
    texts = ["det är svårt att följa upp"] * 12 + ["leverantören anlitat svart arbetskraft"]
    surface = SurfaceWords(texts, phrases=["betala svart"])
    assert surface.respell("vår städfirma verkar betala svart") == "vår städfirma verkar betala svart"
    # a word typed without its å, ä and ö is no word before to go by
    assert surface.respell("det var svart att hinna") == "det var svårt att hinna"


def test_asking_which_environmental_requirements_to_set_goes_to_the_criteria_service():
    referrals = Referrals(
        [
            {
                "id": "kriterietjansten",
                "kind": "referral",
                "title": "Miljökrav",
                "topics": ["miljö", "miljökrav"],
            }
        ]
    )
    assert referrals.match("vilka miljökrav bör vi ställa på bussar").matched == ("miljökrav",)
    assert referrals.match("hur tar vi hänsyn till miljön").matched == ("miljö",)


def test_three_instruments_side_by_side_are_three_sides():
    question = "IOP, LOV och reserverad upphandling side by side – när ska man välja vad"
    assert comparison_sides(question) == ["IOP", "LOV", "reserverad upphandling"]
    assert analyse(question).intent == "comparison"


def test_what_a_word_means_then_a_remark_asks_what_it_means():
    question = "jaha men vad är ett socialt företag då, alla företag är väl sociala på nåt sätt"
    assert analyse(question).intent == "definition"


def test_what_can_you_help_with_typ_asks_about_the_bot():
    assert asks_about_bot("hej! vad kan du hjälpa mig med typ")
    assert not asks_about_bot("vad kan du om LOV typ")


BREACH_FAQ = (
    "Vite, avdrag eller hävning – vad kan vi göra när leverantören bryter mot de sociala kraven i avtalet?"
)


@pytest.mark.parametrize(
    "question",
    [
        "hjälp, leverantören skiter i sysselsättningskravet, vad gör vi",
        "vad händer om de inte klarar sysselsättningskravet, blir det vite då?",
        "leverantören vi anlitat betalar sina städare skitdåligt, vad kan vi göra nu",
    ],
)
def test_a_supplier_that_does_not_keep_the_contract_lifts_the_faq_on_breaches(question):
    scope = NarrowScope({"faq-bryter": {"title": BREACH_FAQ}})
    assert scope.factor("faq-bryter", question) > 1.0
    # ... but a supplier's breach of labour law in general is no breach of our contract
    assert (
        scope.factor("faq-bryter", "vilken paragraf gäller när leverantören bryter mot arbetsrätten") == 1.0
    )


def test_the_faq_on_breaches_leads_a_how_to_on_them_before_the_guidance_steps():
    def hit(doc, kind, title, score):
        return SimpleNamespace(passage=SimpleNamespace(doc_id=doc, kind=kind, title=title), score=score)

    docs = [
        hit("faq-bryter", "faq", BREACH_FAQ, 0.025),
        hit("sysselsattningskrav", "guidance", "Sysselsättningskrav i upphandling", 0.024),
    ]
    asked = "hjälp, leverantören skiter i sysselsättningskravet, vad gör vi"
    assert how_to_top(docs, asked, lambda d: d == "sysselsattningskrav").doc_id == "faq-bryter"


def test_asking_for_a_guide_or_a_link_lifts_the_files_on_where_to_get_support():
    scope = NarrowScope({"stod": {"title": "Var du får stöd – och vem som granskar upphandlingar"}})
    assert scope.factor("stod", "har upphandlingsmyndigheten ngn guide om sociala hänsyn? länk tack") > 1.0
    assert scope.factor("stod", "får vi ställa sysselsättningskrav?") == 1.0


def test_a_procedure_question_that_only_a_definition_speaks_of_is_told_where_to_ask():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(
        {
            ("ord-ramavtal", "glossary", "Ramavtal"): {
                "kort-svar": "Ett ramavtal fastställer villkoren för kontrakt under en viss tid; kontraktsvärdet räknas för hela tiden."
            }
        }
    )
    comp.referrals = Referrals(
        [{"id": "fragservice", "kind": "referral", "title": "Andra frågor", "topics": ["kontraktsvärdet"]}]
    )
    main = ranked(passages, {"ord-ramavtal": 0.03})
    asked = "Hur beräknar vi kontraktsvärdet för ett ramavtal?"
    assert told_elsewhere(comp, analyse(asked), main)
    # ... while what the word means is what the glossary answers
    assert not told_elsewhere(comp, analyse("vad betyder kontraktsvärdet i ett ramavtal?"), main)


def test_the_stockholm_area_is_stockholm_county():
    analysis = analyse("exempel på arbetsrättsliga villkor i bygg i stockholmsområdet")
    assert analysis.counties == {"Stockholms län"}
