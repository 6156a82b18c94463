"""Questions as people type them: "sen 2020", "när regioner köper", "biltvätt av kommunens
bilar", "vilken § …", "kan vi ge dom städet direkt", and the parts of a compound question that
lean on the one before ("vilken paragraf reglerar det", "vilken lag gäller då", "göra likadant")."""

from types import SimpleNamespace

import pytest

from bot.answer.analysis import analyse, split_parts
from bot.answer.asked import narrower
from bot.answer.filters import buyer_types_asked, detect_sectors, words_of, years_asked
from bot.answer.names import Names
from bot.answer.permission_lead import law_titled_as_asked
from bot.answer.queries import part_queries
from bot.search.scope import NarrowScope
from bot.search.textproc import normalise_chat

NAMES = Names.from_records([])


def test_sen_a_year_asks_for_that_year_and_later():
    assert years_asked("vilka reserverade upphandlingar har gjorts sen 2020?") == (2020, None)
    assert years_asked("exempel från 2021") == (2021, 2021)


def test_buyers_named_as_those_who_buy_are_the_kind_of_buyer_asked():
    assert buyer_types_asked("krav på mänskliga rättigheter när regioner köper IT-utrustning?") == ["region"]
    # "när vi som kommun köper" speaks for the buyer, it asks about no kind of buyer
    assert buyer_types_asked("vad gäller när vi som kommun köper IT?") == []


def test_recycling_of_it_is_it_not_every_kind_of_recycling():
    it_reuse = "exempel på IT-återvinning eller återbruk av datorer från ett socialt företag?"
    assert detect_sectors(words_of(it_reuse)) == ["IT och telefoni"]
    assert "avfall och återvinning" in detect_sectors(words_of("återvinning av avfall och IT"))


@pytest.mark.parametrize(
    "question",
    [
        "Var regleras obligatorisk uteslutning av leverantörer i LOU?",
        "vilken § handlar om idéburna leverantörer i LOU",
    ],
)
def test_where_a_rule_is_found_is_a_provision_question(question):
    assert analyse(question, NAMES).intent == "provision"


def test_which_paragraph_after_a_comma_is_a_part_of_its_own_and_leans_on_the_term():
    parts = split_parts(
        "Vad är ett socialt tilldelningskriterium, vilken paragraf reglerar det och finns det exempel?"
    )
    assert parts == [
        "Vad är ett socialt tilldelningskriterium",
        "vilken paragraf reglerar det",
        "finns det exempel",
    ]
    queries = part_queries(parts)
    assert queries[1] == "vilken paragraf reglerar socialt tilldelningskriterium"
    assert "paragraf" not in queries[2] and "tilldelningskriterium" in queries[2]


def test_then_after_a_definition_and_doing_the_same_lean_on_the_part_before():
    assert "iop" in part_queries(["vad är IOP", "vilken lag gäller då, LOU eller nåt annat"])[1].lower()
    same = part_queries(
        ["Hur har Helsingborg jobbat med sociala hänsyn", "kan vi göra likadant i en mindre kommun"]
    )
    assert "helsingborg" in same[1].lower()


def test_giving_a_contract_directly_is_a_direct_award_but_not_to_a_non_profit():
    assert "direktupphandling" in normalise_chat("kan vi ge dom städet direkt")
    assert "direktupphandling" not in normalise_chat("får vi ge uppdraget direkt till en ideell förening")
    assert "direktupphandling" not in normalise_chat(
        "får vi ge kontraktet direkt till Samhall utan konkurrens"
    )


def test_a_yes_no_question_asked_in_a_narrower_setting_is_not_the_one_asked():
    own = "Får vi ställa sysselsättningskrav i en direktupphandling?"
    assert narrower("Får vi ställa sysselsättningskrav?", own)
    assert not narrower("får vi ställa sysselsättningskrav i en direktupphandling", own)
    # ... nor is the same requirement in other words
    assert narrower("kan vi kräva praktikplats för nyanlända i städavtalet", own)
    # other words for the same thing are no narrower setting
    skatt = "Måste vi utesluta en leverantör som har skulder för skatter eller socialförsäkringsavgifter?"
    assert not narrower("Måste vi utesluta en leverantör som har skatteskulder?", skatt)


def _hit(doc_id, kind, score):
    return SimpleNamespace(passage=SimpleNamespace(doc_id=doc_id, kind=kind), score=score)


def test_of_two_close_law_texts_the_one_titled_as_asked_leads():
    documents = {
        "lou-13-3": {
            "kind": "law",
            "title": "13 kap. 3 § LOU – uteslutning vid brott mot sociala skyldigheter",
        },
        "lou-13-1": {"kind": "law", "title": "13 kap. 1 § LOU – obligatorisk uteslutning vid brott"},
        "art-57": {
            "kind": "law",
            "title": "Art. 57 direktiv 2014/24/EU – obligatorisk uteslutning",
            "refs": [],
        },
    }
    docs = [_hit("lou-13-3", "law", 0.0236), _hit("lou-13-1", "law", 0.0226)]
    asked = "Var regleras obligatorisk uteslutning av leverantörer i LOU?"
    assert law_titled_as_asked(docs[0].passage, docs, asked, documents).doc_id == "lou-13-1"
    # not one far below, nor when the best one's title already holds the words asked
    far = [_hit("lou-13-3", "law", 0.0236), _hit("lou-13-1", "law", 0.015)]
    assert law_titled_as_asked(far[0].passage, far, asked, documents) is None
    assert (
        law_titled_as_asked(docs[0].passage, docs, "uteslutning vid brott mot sociala krav?", documents)
        is None
    )


FILES = {
    ("faq-sk-direkt", "faq", "Får vi ställa sysselsättningskrav i en direktupphandling?"): {
        "kort-svar": "Ja, men 17 kap. 1 § LOU gäller inte formellt vid direktupphandling.",
        "forklaring": "Förklaring för faq-sk-direkt.",
    },
    ("sysselsattningskrav", "guidance", "Sysselsättningskrav i upphandling"): {
        "kort-svar": "Ja, ni får ställa krav på att leverantören erbjuder jobb eller praktik."
    },
    ("faq-lagt-anbud", "faq", "Vad gör vi om ett anbud verkar misstänkt lågt?"): {
        "kort-svar": "Begär en förklaring av priset innan ni förkastar anbudet.",
        "forklaring": "Förklaring för faq-lagt-anbud.",
    },
    ("faq-langtidsarbetslosa", "faq", "Får vi kräva att leverantören anställer långtidsarbetslösa?"): {
        "kort-svar": "Ja, som ett sysselsättningskrav under avtalstiden.",
        "forklaring": "Förklaring för faq-langtidsarbetslosa.",
    },
}


def test_a_plain_may_we_is_answered_by_the_guidance_not_the_faq_on_a_narrower_setting():
    from composer_kit import composer_over, ranked

    comp, passages = composer_over(FILES)
    comp.guides = {"sysselsattningskrav": "sysselsattningskrav"}
    result = ranked(passages, {"faq-sk-direkt": 0.026, "faq-lagt-anbud": 0.021, "sysselsattningskrav": 0.019})
    lead = comp.lead(result, "Får vi ställa sysselsättningskrav?", "permission")
    assert lead.doc_id == "sysselsattningskrav"
    # ... and with the guidance far below, the next FAQ asked in no narrower setting
    far = ranked(passages, {"faq-sk-direkt": 0.023, "faq-langtidsarbetslosa": 0.022, "faq-lagt-anbud": 0.02})
    asked = "kan vi kräva praktikplats för nyanlända i städavtalet"
    assert comp.lead(far, asked, "permission").doc_id == "faq-langtidsarbetslosa"
    # the question in that setting keeps its FAQ
    asked = "Får vi ställa sysselsättningskrav i en direktupphandling?"
    assert comp.lead(result, asked, "permission").doc_id == "faq-sk-direkt"


def test_a_broad_question_typed_in_two_pieces_is_one_broad_question():
    from bot.answer.overview import GOODS_OVERVIEW_TAG, OVERVIEW_TAG, broad_in_parts, part_overview_tag

    assert broad_in_parts(analyse("sociala hänsyn i upphandling?? vad kan vi göra typ", NAMES))
    # a second part with a topic of its own stays a part
    followed = (
        "Vilka sociala krav kan vi ställa när vi köper arbetskläder, och hur följer vi upp att de uppfylls?"
    )
    assert not broad_in_parts(analyse(followed, NAMES))
    # ... whose broad part on clothing gets the overview on the supply chain
    assert (
        part_overview_tag("Vilka sociala krav kan vi ställa när vi köper arbetskläder") == GOODS_OVERVIEW_TAG
    )
    assert part_overview_tag("vilka sociala krav kan vi ställa i bygg") == OVERVIEW_TAG


class _Composer:
    """The little of a Composer the named-party and precedent helpers read."""

    def __init__(self, documents, sections, guides=None):
        self.documents, self._sections, self.guides = documents, sections, guides or {}

    def section(self, doc_id, slug):
        return self._sections.get((doc_id, slug))

    def part(self, passage):
        return passage


def test_whether_a_named_organisation_is_a_social_enterprise_is_answered_by_the_note_on_it():
    from bot.answer.named_party import who_it_is

    c = _Composer({"ord-samhall": {"term": "Samhall"}}, {("ord-samhall", "tank-pa"): "Om Samhall"})
    analysis = SimpleNamespace(name_docs={"ord-samhall"})
    assert who_it_is(c, "samhall e väl ett socialt företag", analysis) == "Om Samhall"
    assert who_it_is(c, "kan vi ge dom städet direkt", analysis) is None


def test_doing_the_same_as_a_named_case_is_answered_by_the_guidance_on_its_instrument():
    from bot.answer.precedent_answer import how_they_did

    c = _Composer(
        {},
        {("sysselsattningskrav", "kort-svar"): "Ja, ni får."},
        {"sysselsattningskrav": "sysselsattningskrav"},
    )
    named = [{"id": "helsingborg", "instrument": ["sysselsattningskrav"]}]
    assert how_they_did(c, named, "kan vi göra likadant i en mindre kommun", set()) == "Ja, ni får."
    assert how_they_did(c, named, "hur gick det för dem", set()) is None
    assert how_they_did(c, named, "kan vi göra likadant", {"sysselsattningskrav"}) is None


@pytest.mark.parametrize(
    "question",
    [
        "sitter i kommunstyrelsen o vill att vi gör mer för folk som står långt från jobb, var börjar man",
        "sitter i KS och vill att fler ska få jobb via våra upphandlingar, var börjar vi?",
        "vi har typ 40 pers på försörjningsstöd, kan upphandlingen hjälpa",
        "kan man ha sociala hänsyn i upphandling av vinterväghållning?",
        "upphandlingar o arbetslöshet, hänger det ihop nåt?",
    ],
)
def test_broad_questions_on_jobs_through_procurement_ask_for_the_overview(question):
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse(question, NAMES))


@pytest.mark.parametrize(
    "question",
    ["har en person med missbruk rätt till försörjningsstöd?", "hur hög är arbetslösheten i kommunen?"],
)
def test_jobs_words_without_a_broad_ask_are_not_the_overview(question):
    from bot.answer.overview import asks_overview

    assert not asks_overview(analyse(question, NAMES))


def test_a_requirement_on_the_staffs_swedish_lifts_the_faq_on_language_requirements():
    from bot.search.scope import LANGUAGE_HIT

    title = "Får vi ställa krav på att personalen i hemtjänsten kan svenska?"
    scope = NarrowScope({"faq-sprak": {"kind": "faq", "title": title}})
    for asked in ("får vi kräva att städarna kan svenska", "krav på att de har svenska som modersmål?"):
        assert scope.factor("faq-sprak", asked) == LANGUAGE_HIT > 1
    assert scope.factor("faq-sprak", "kan vi kräva svenska lönenivåer för utstationerad personal?") == 1.0


def test_which_requirements_work_for_a_kind_of_goods_is_a_broad_question():
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse("vilka sociala krav funkar på IT-grejer", NAMES))


def test_is_one_provision_the_same_as_another_compares_the_two():
    from bot.answer.analysis import comparison_sides

    assert comparison_sides("e 4:18 samma som 19:25a?") == ["4:18", "19:25a"]


def test_social_clauses_in_a_sector_is_a_broad_question():
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse("hur funkar det m sociala klausuler i bygg asså", NAMES))
