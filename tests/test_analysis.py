"""Question analysis: what a question asks for, its parts and sides, and the places, buyers,
sectors, instruments and years it names, in Swedish as people type it and with English mixed in."""

import pytest

from bot.answer.analysis import analyse, asks_meaning, comparison_sides, part_intent, split_parts
from bot.answer.matching import precedent_matches
from bot.answer.names import Names

NAMES = Names.from_records(
    [
        {"id": "goteborg-social-hansyn", "buyer": "Göteborgs Stad", "suppliers": []},
        {"id": "kristianstad-samhall", "buyer": "Kristianstads kommun", "suppliers": ["Samhall"]},
        {"id": "hfab", "buyer": "Halmstads Fastighets AB (HFAB)", "suppliers": []},
    ]
)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Får vi reservera städupphandlingen för sociala företag?", "permission"),
        ("måste vi ha arbetsrättsliga villkor i hemtjänsten", "permission"),
        ("kan vi require kollektivavtal?", "permission"),
        ("is it ok att kräva fairtrade kaffe", "permission"),
        ("Hur gör vi en reserverad upphandling, steg för steg?", "how-to"),
        ("hur följer vi upp sysselsättningskraven?", "how-to"),
        ("Vad bör vi tänka på när vi utvärderar sociala kriterier i anbuden?", "how-to"),
        ("how do we write social clauses i avtalet", "how-to"),
        ("Vad är skillnaden mellan IOP och reserverad upphandling?", "comparison"),
        ("IOP eller reservation för idéburna – vad passar bäst för kvinnojouren?", "comparison"),
        ("Fairtrade – ska vi ha det som krav eller som tilldelningskriterium?", "comparison"),
        ("Vilka kommuner i Skåne har reserverat upphandlingar?", "precedents"),
        ("finns det ngt exempel från norrbotten", "precedents"),
        ("Har någon statlig myndighet ställt sysselsättningskrav?", "precedents"),
        ("Hur gjorde Göteborg med sina sysselsättningskrav?", "precedents"),
        ("Vem har upphandlat tvätt från ett socialt företag?", "precedents"),
        ("någon som köpt IT-tjänster med sysselsättningskrav?", "precedents"),
        ("Vad betyder skyddad verkstad?", "definition"),
        ("reserverad upphandling wtf is that", "definition"),
        ("IOP, what is that?", "definition"),
        ("Vad säger 4 kap. 18 § LOU?", "provision"),
        ("Får vi kräva kollektivavtal eller inte?", "permission"),
        ("Ska vi direktupphandla från föreningen eller annonsera – vilket är säkrast?", "comparison"),
        ("Tvättjobbet: reservera för sociala företag eller ställa sysselsättningskrav?", "comparison"),
        ("Vad gäller för LOU eller LOV?", "permission"),
        ("Bygget: ska vi ge poäng för praktikplatser eller kräva dem i avtalet?", "comparison"),
        ("Vilka har ställt krav på praktikplatser i städupphandlingar?", "precedents"),
        ("Har någon i Västernorrland reserverat ett kontrakt?", "precedents"),
        ("finns det IOP i Norrbotten", "precedents"),
        ("finns det upphandling av kontorsmaterial från skyddad verkstad?", "precedents"),
        ("tips på formuleringar för sysselsättningskrav", "how-to"),
        # the best way to do something is a way, not what a word means
        ("vad är bästa sättet att stödja arbetsintegrerande sociala företag", "how-to"),
        # how a social enterprise goes about it is asked as much as how we do
        ("ett socialt företag vill sälja till kommunen, hur gör dom", "how-to"),
        # ... but how they do it in a named place asks for its cases
        ("hur gör de i Malmö med sociala företag", "precedents"),
        ("nån som vet hur man formulerar ett sysselsättningskrav", "how-to"),
        ("vilka kommunala bolag har använt sysselsättningskrav?", "precedents"),
        ("parkskötsel via socialt företag, finns prejudikat?", "precedents"),
        ("vilka har IOP med idéburna?", "precedents"),
        ("Vilka har rätt att lämna anbud i en reserverad upphandling?", "permission"),
        ('politikerna vill ha "social upphandling" i budgeten, vad betyder det konkret', "definition"),
        ("finns det nån mall för arbetsrättsliga villkor", "how-to"),
        ("Vilka regler har vi gjort om?", "permission"),
        ("vad har de allmännyttiga bostadsbolagen gjort med sysselsättningskrav?", "precedents"),
        ("vilka i stockholms län har ställt sysselsättningskrav?", "precedents"),
        ("IOP med stadsmissionen någonstans?", "precedents"),
        ("har någon låtit ett socialt företag sköta parkerna?", "precedents"),
        ("Kronoberg – har Växjö eller någon annan där gjort sociala upphandlingar?", "precedents"),
        ("vad har vi gjort för fel?", "permission"),
        ("dalarna, finns nåt?", "precedents"),
        ("blekinge, något där?", "precedents"),
        ("Har Samhall vunnit någon reserverad upphandling?", "precedents"),
        ("samhall direkt utan upphandling ok?", "permission"),
        ("Var i LOU regleras uteslutning av leverantörer?", "provision"),
        ("Var står reglerna om obligatorisk uteslutning?", "provision"),
        ("ASF – vad står det för och vad är grejen med såna företag?", "definition"),
        ("vad har en matchningsansvarig för uppgift när vi ställt sysselsättningskrav?", "definition"),
        ("social procurement – är det samma som sociala hänsyn?", "definition"),
        ("ok så vad är sociala hänsyn egentligen", "definition"),
        ("vad e sysselsattningskrav typ", "definition"),
        ("ok vad är 4 kap. 18 § LOU", "provision"),
        ("Vilka offentliga köpare har Samhall som leverantör via upphandling?", "precedents"),
        ("vem har direktupphandlat cykelservice från ett socialt företag", "precedents"),
        ("Känner du till fall där en kommun uteslutit en leverantör?", "precedents"),
        ("vilka byggupphandlingar i Stockholms län har haft krav på lärlingar", "precedents"),
        ("Kan du visa upphandlingar där sociala aspekter poängsatts vid utvärderingen?", "precedents"),
        ("Visa reserverade upphandlingar som gjorts från 2020 och framåt", "precedents"),
        ("anbudet e sjukt lågt, misstänker lönedumpning, vad gör vi nu", "how-to"),
        ("Vilka arbetsintegrerande sociala företag har vunnit kontrakt hos kommuner?", "precedents"),
        ("kan du ge ett bra exempel att visa i KF på tisdag?", "precedents"),
        ("gör ngn annan kommun sånt här eller är vi först??", "precedents"),
        ("nån i Västra Götaland som reserverat städ för sociala företag typ Borås?", "precedents"),
        ("sociala hansyn i upphandling, va e det", "definition"),
        ("en leverantör hotar att överpröva vår tilldelning – kan de det?", "permission"),
        ("Är det smartare att dela upp upphandlingen i delar eller att reservera den?", "comparison"),
        ("Tillgänglighetskrav – ska de in i kravspecen eller som särskilda kontraktsvillkor?", "comparison"),
        (
            "ska sysselsättningskravet ligga som kontraktsvillkor eller som tilldelningskriterium?",
            "comparison",
        ),
        # a place and topic words, no question asked: what is known there
        ("uppsala kommun arbetsintegrerande sociala företag avtal?", "precedents"),
        # whether a named supplier is a kind of supplier is no lookup of its cases
        ("är samhall ett socialt företag", "permission"),
        # chat filler does not make a question on a term too long to be one
        ("what are social considerations in swedish public procurement, short pls", "definition"),
        ("sitter i kommunstyrelsen och vill göra mer för folk långt från jobb, var börjar man", "how-to"),
        ("tips för att följa upp sociala krav i avtalet", "how-to"),
        ("finns det sociala företag som gör trädgårdsskötsel som kommuner anlitat", "precedents"),
        ("Får vi som kommun kräva att leverantören anställer långtidsarbetslösa?", "permission"),
        # a word's meaning asked after words on the asker, or after chat filler
        ("jag e ny i nämnden, vad betyder sociala hänsyn rent konkret?", "definition"),
        ("asså vad är grejen med sociala hänsyn, sammanfatta snabbt", "definition"),
        # ... but not what a situation means for the asker
        ("en leverantör hotar att överpröva vår tilldelning – vad betyder det?", "permission"),
        # how it went for a named buyer asks for its case
        ("Göteborgs Stad och sysselsättningskrav – hur gick det egentligen?", "precedents"),
        # a named buyer and topic words, no question: what is known there
        ("HFAB sociala företag upphandling avtal?", "precedents"),
        # what can be done to get there asks how
        ("hej, vad kan vi göra för att fler unga ska få sommarjobb via våra avtal?", "how-to"),
        # whether there are collaborations between municipalities asks for their cases
        ("nån samverkan mellan flera kommuner kring sociala hänsyn i upphandling?", "precedents"),
    ],
)
def test_the_intent_is_what_the_question_asks_for(question, intent):
    assert analyse(question, NAMES).intent == intent


def test_two_actions_asked_in_one_breath_are_two_parts():
    # "kan vi reservera den och kräva villkor …": whether it may reserve, and whether it may demand
    assert split_parts(
        "vi ska upphandla lokalvård: kan vi reservera den OCH kräva villkor om lön och semester?"
    ) == [
        "vi ska upphandla lokalvård: kan vi reservera den",
        "kan vi kräva villkor om lön och semester",
    ]
    # ("kan vi både reservera och ställa …" too)
    assert (
        len(split_parts("kan vi både reservera och ställa arbetsrättsliga villkor i samma upphandling?")) == 2
    )
    # ... but two things of one action are one question
    assert split_parts("kan vi reservera städ och tvätt?") == ["kan vi reservera städ och tvätt"]


def test_a_short_part_that_names_nothing_asks_about_what_the_part_before_named():
    from bot.answer.queries import part_queries

    nivåer = part_queries(["Måste vi ställa arbetsrättsliga villkor", "vilka nivåer får vi kräva"])[1]
    assert "arbetsrättsliga" in nivåer
    # "får det användas …": "det" is the term the part before asked about
    assert part_queries(["Vad är IOP", "får det användas för att köpa tjänster"])[1] == (
        "får iop användas för att köpa tjänster"
    )
    # "hur många är rimligt" after a demand asks how many of what was demanded
    many = part_queries(["kan vi kräva att leverantören tar emot praktikanter", "hur många är rimligt"])[1]
    assert "kräva" in many and many.startswith("hur många är rimligt")
    # a part that names its own instrument stands alone
    assert part_queries(["Vad är IOP", "får vi reservera städningen"])[1] == "får vi reservera städningen"


def test_a_compound_question_is_split_into_its_parts():
    assert split_parts("Får vi reservera städningen, och måste vi då ställa arbetsrättsliga villkor?") == [
        "Får vi reservera städningen",
        "måste vi då ställa arbetsrättsliga villkor",
    ]
    assert split_parts("Kan vi ställa sysselsättningskrav? Och hur följer vi upp dem?") == [
        "Kan vi ställa sysselsättningskrav",
        "hur följer vi upp dem",
    ]
    assert split_parts(
        "Vi har en upphandling under tröskelvärdet. Får vi ställa sociala krav där, och gäller de arbetsrättsliga villkoren då?"
    ) == [
        "Vi har en upphandling under tröskelvärdet. Får vi ställa sociala krav där",
        "gäller de arbetsrättsliga villkoren då",
    ]
    assert split_parts("Finns det kommuner som har IOP? Exempel?") == [
        "Finns det kommuner som har IOP Exempel"
    ]
    assert split_parts("Vad är ett socialt företag, hur hittar vi sådana och får vi gynna dem?") == [
        "Vad är ett socialt företag",
        "hur hittar vi sådana",
        "får vi gynna dem",
    ]


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        (
            "Vad är skillnaden mellan ett arbetsintegrerande socialt företag och en idéburen organisation?",
            ["arbetsintegrerande socialt företag", "idéburen organisation"],
        ),
        (
            "Var ska sociala krav in – som kvalificeringskrav, tilldelningskriterium eller kontraktsvillkor?",
            ["kvalificeringskrav", "tilldelningskriterium", "kontraktsvillkor"],
        ),
        (
            "Samhall jämfört med ett arbetsintegrerande socialt företag – kan båda vinna?",
            ["Samhall", "arbetsintegrerande socialt företag"],
        ),
        (
            "Vad skiljer ett sysselsättningskrav från ett socialt tilldelningskriterium?",
            ["sysselsättningskrav", "socialt tilldelningskriterium"],
        ),
        (
            "Beentjes och Nord-Pas-de-Calais handlar båda om arbetslöshet – vad är skillnaden mellan domarna?",
            ["Beentjes", "Nord-Pas-de-Calais"],
        ),
        ("Får vi kräva kollektivavtal?", []),
        (
            "hur skiljer sig sysselsättningskrav från sociala tilldelningskriterier, och vilket ger mest jobb?",
            ["sysselsättningskrav", "sociala tilldelningskriterier"],
        ),
        # the question asked of the sides is no side
        (
            "sysselsättningskrav kontra sociala tilldelningskriterier, vilket är bäst",
            ["sysselsättningskrav", "sociala tilldelningskriterier"],
        ),
        ("samhall eller ett lokalt asf, vem ska vi välja", ["samhall", "lokalt asf"]),
        # "4:18" is a provision, not a colon that ends a clause
        ("4:18 eller 19:25a – vilken passar för hemtjänst?", ["4:18", "19:25a"]),
    ],
)
def test_the_sides_of_a_comparison(question, sides):
    assert comparison_sides(question) == sides


def test_places_buyers_sectors_instruments_and_years():
    a = analyse("Vilka kommuner i Dalarna har reserverat städningen sedan 2020?", NAMES)
    assert a.counties == {"Dalarnas län"} and a.sectors == ["städ och lokalvård"]
    assert a.instruments == ["reserverad"] and (a.year_from, a.year_to) == (2020, None)
    assert a.buyer_types == ["kommun"]
    b = analyse("Finns det tidiga exempel, före 2015, på sysselsättningskrav i bygg?", NAMES)
    assert (b.year_from, b.year_to) == (None, 2014) and b.sectors == ["bygg och anläggning"]
    assert b.instruments == ["sysselsattningskrav"]
    c = analyse("Hur jobbar franska kommuner med sociala klausuler?", NAMES)
    assert c.countries == ["Frankrike"] and c.instruments == []  # "jobbar" is no employment requirement
    d = analyse("Har någon använt ett socialt tilldelningskriterium i praktiken?", NAMES)
    assert d.instruments == ["socialt-tilldelningskriterium"]  # "i praktiken" is no internship
    # "hur många fick jobb?" asks what came of a case, not for employment requirements
    assert analyse("Hur gick det med biltvätten, hur många fick jobb?", NAMES).instruments == []
    assert analyse("Vilka har krav på jobb för unga?", NAMES).instruments == ["sysselsattningskrav"]
    e = analyse("exempel på reserverade kontrakt i andra EU-länder", NAMES)
    assert e.abroad and e.intent == "precedents"


def test_municipalities_guessed_beside_their_county_do_not_narrow_it():
    a = analyse(
        "ngn kommun i Skåne som reserverat för sociala företag? Kristianstad eller Lund kanske", NAMES
    )
    assert a.counties == {"Skåne län"} and a.municipalities == []
    assert a.guessed_docs == {"kristianstad-samhall"}  # still ranked first, but no filter
    landskrona = {
        "id": "x",
        "buyer": "Landskrona stad",
        "municipality": "Landskrona",
        "county": "Skåne län",
        "buyer_type": "kommun",
    }
    assert precedent_matches(landskrona | {"instrument": ["reserverad-4-18"]}, a)
    # "Kristianstad i Skåne" locates the municipality; a municipality outside the county is asked too
    assert analyse("Vad har Kristianstad i Skåne gjort?", NAMES).municipalities == ["Kristianstad"]
    assert analyse("Exempel från Skåne eller Umeå?", NAMES).municipalities == ["Umeå"]


def test_where_the_asker_sits_is_no_filter_when_they_ask_about_other_buyers():
    a = analyse("Upphandlare i Kristianstad här. Vilka kommuner har ingått IOP med kvinnojourer?", NAMES)
    assert a.places == [] and a.organisation_docs == set()
    b = analyse("Vi är en liten kommun i Värmland, finns ngn liknande kommun som reserverat?", NAMES)
    assert b.counties == set()
    # a place the question asks about stays, and so does one near the asker
    assert analyse("jag undrar om någon kommun i Skåne har reserverat något?", NAMES).counties == {
        "Skåne län"
    }
    assert analyse("Vi sitter i Lund, har någon kommun här i Skåne reserverat?", NAMES).counties == {
        "Skåne län"
    }
    here = analyse("Vi sitter i Skåne – finns det nån kommun här som reserverat?", NAMES)
    assert here.counties == {"Skåne län"}


def test_organisations_the_precedents_name_are_found_in_any_form():
    a = analyse("Hur gjorde Göteborg med sysselsättningskraven?", NAMES)
    assert a.organisation_docs == {"goteborg-social-hansyn"}
    assert analyse("vad tvättar samhall åt kristianstad", NAMES).organisation_docs == {"kristianstad-samhall"}
    assert analyse("krav från HFAB på städning", NAMES).organisation_docs == {"hfab"}
    assert analyse("Får vi reservera städningen?", NAMES).organisation_docs == set()
    # a buyer's present name in brackets names it too
    joint = {
        "id": "regionerna",
        "buyer": "Sveriges regioner i samverkan (bland andra SLL, nu Region Stockholm)",
    }
    names = Names.from_records([joint | {"suppliers": []}])
    assert analyse("Har Region Stockholm ställt krav?", names).organisation_docs == {"regionerna"}


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("va e skillnaden på lou o lov egentligen", ["lou", "lov"]),
        (
            "skillnad tilldelningskriterium o kontraktsvillkor?? asap",
            ["tilldelningskriterium", "kontraktsvillkor"],
        ),
        (
            "Bygget: ska vi ge poäng för praktikplatser eller kräva dem i avtalet?",
            ["ge poäng för praktikplatser", "kräva dem i avtalet"],
        ),
        ("whats the diff mellan lov o lou", ["lov", "lou"]),
        ("iop vs upphandling whats the diff", ["iop", "upphandling"]),
        ("lov o iop, vad funkar för daglig verksamhet", ["lov", "iop"]),
        ("LOV eller IOP för daglig verksamhet enligt LSS?", ["LOV", "IOP"]),
        # two things at once
        (
            "sysselsättningskrav och tilldelningskriterier samtidigt, går det?",
            ["sysselsättningskrav", "tilldelningskriterier"],
        ),
        # the question after the last side is no part of it
        (
            "reserverad upphandling vs sysselsättningskrav vad ger mest jobb",
            ["reserverad upphandling", "sysselsättningskrav"],
        ),
        # a question of its own after the last side is no part of it
        ("samhall vs vanligt städbolag, får vi välja samhall direkt?", ["samhall", "vanligt städbolag"]),
        # "what's best" in English asks to choose, and is no side
        (
            "sysselsättningskrav som kontraktsvillkor eller som tilldelningskriterium, what's best?",
            ["sysselsättningskrav som kontraktsvillkor", "tilldelningskriterium"],
        ),
    ],
)
def test_chat_shorthand_and_choices_give_the_sides(question, sides):
    assert analyse(question, NAMES).sides == sides


def test_a_precedent_question_keeps_its_other_parts():
    analysis = analyse("Får vi reservera tvätten för sociala företag? Och har någon kommun gjort så?", NAMES)
    assert analysis.intent == "precedents"
    assert analysis.parts == ["Får vi reservera tvätten för sociala företag", "har någon kommun gjort så"]


def test_hyphenated_words_name_their_sector_and_instrument():
    it = analyse("har någon svensk kommun ställt sociala krav i en IT-upphandling?", NAMES)
    assert it.sectors == ["IT och telefoni"]
    assert it.countries == ["Sverige"]
    assert "lov" in analyse("finns det exempel på sociala villkor i ett LOV-system?", NAMES).instruments


def test_a_cafe_spelt_the_swedish_way_is_food_and_meals():
    for question in ("exempel på kaféer som drivs av sociala företag?", "nån kommun med ett socialt fik?"):
        assert analyse(question, NAMES).sectors == ["livsmedel och måltider"]


def test_scotland_wales_and_england_are_looked_for_in_the_united_kingdom():
    for question in (
        "hur gör man i skottland med sociala klausuler, finns det exempel därifrån?",
        "finns det exempel från england på reserverade kontrakt",
    ):
        assert analyse(question, NAMES).countries == ["Storbritannien"]
    assert analyse("kan ni svara på engelska?", NAMES).countries == []


def test_reserved_purchases_in_a_field_ask_for_the_cases():
    assert analyse("finns det reserverade upphandlingar inom bygg?", NAMES).intent == "precedents"
    assert analyse("finns det reserverade kontrakt av städning", NAMES).intent == "precedents"


def test_swedish_as_a_language_is_not_a_country():
    assert analyse("får vi kräva att personalen kan prata på svenska?", NAMES).countries == []


def test_a_place_inside_a_named_buyer_does_not_filter_by_county():
    names = Names.from_records([{"id": "region-orebro", "buyer": "Region Örebro län", "suppliers": []}])
    analysis = analyse("vad har Region Örebro län gjort?", names)
    assert analysis.organisation_docs == {"region-orebro"}
    assert analysis.counties == set()


def test_a_county_is_not_the_city_of_the_same_name():
    names = Names.from_records([{"id": "stockholm-stad", "buyer": "Stockholms stad", "suppliers": []}])
    analysis = analyse("vilka i Stockholms län har ställt sysselsättningskrav?", names)
    assert analysis.organisation_docs == set()
    assert analysis.counties == {"Stockholms län"}


def test_a_precedent_part_after_a_comma_is_a_part_of_its_own():
    assert split_parts("vad är IOP för nåt, och har någon region gjort det ihop med en stadsmission?") == [
        "vad är IOP för nåt",
        "har någon region gjort det ihop med en stadsmission",
    ]


def test_glossary_terms_and_their_synonyms_are_found_as_whole_words():
    names = Names.from_records(
        [
            {
                "id": "ord-asf",
                "kind": "glossary",
                "title": "Arbetsintegrerande socialt företag",
                "synonyms": ["ASF"],
            },
            {"id": "ord-match", "kind": "glossary", "title": "Matchningsansvarig vid sysselsättningskrav"},
        ]
    )
    assert analyse("ASF – vad står det för?", names).term_docs == {"ord-asf"}
    assert analyse("vad gör en matchningsansvarig?", names).term_docs == {"ord-match"}
    assert analyse("vad är en matchning?", names).term_docs == set()
    # typed without å, ä and ö
    assert analyse("vad gor en matchningsansvarig", names).term_docs == {"ord-match"}
    syss = Names.from_records([{"id": "ord-syss", "kind": "glossary", "title": "Sysselsättningskrav"}])
    assert analyse("vad e sysselsattningskrav typ", syss).term_docs == {"ord-syss"}
    assert names.variants == {}  # a glossary file names no buyer


def test_two_things_at_once_and_a_listed_comparison_give_their_sides():
    assert analyse(
        "Kan vi ha ett socialt tilldelningskriterium och samtidigt ett sysselsättningskrav?"
    ).sides == [
        "socialt tilldelningskriterium",
        "sysselsättningskrav",
    ]
    assert analyse("kan vi kombinera reservation med sysselsättningskrav?").sides == [
        "reservation",
        "sysselsättningskrav",
    ]
    assert analyse(
        "Jämför reserverad upphandling, sysselsättningskrav och IOP – vad ger flest jobb?"
    ).sides == [
        "reserverad upphandling",
        "sysselsättningskrav",
        "IOP",
    ]


def test_a_year_span_a_joint_procurement_and_a_place_typed_without_diacritics():
    span = analyse("Exempel på sysselsättningskrav från åren 2015–2018?")
    assert (span.year_from, span.year_to) == (2015, 2018)
    assert analyse("exempel där flera kommuner samverkat om social upphandling?").buyer_types == ["samverkan"]
    assert analyse("har någon kommun samverkat med stadsmissionen?").buyer_types == ["kommun"]
    went_together = analyse("exempel där flera kommuner gått ihop och upphandlat med sociala hänsyn")
    assert went_together.buyer_types == ["samverkan"]
    assert analyse("reserverade upphandlingar där köparen är ett kommunalt bolag?").buyer_types == [
        "kommunalt bolag"
    ]
    assert analyse("ngn kommun i skane som gjort reserverad upphandling?").counties == {"Skåne län"}
    assert analyse("I vilka upphandlingar har Skanska haft sociala krav?").places == []  # a company
    later = analyse("Vilka har ställt sysselsättningskrav, alltså 2020 och framåt?")
    assert (later.year_from, later.year_to) == (2020, None)


@pytest.mark.parametrize(
    "question, years",
    [
        ("Finns det exempel från 2021 på reserverade upphandlingar?", (2021, 2021)),  # that year
        ("Exempel på sysselsättningskrav från 2019 eller tidigare", (None, 2019)),
        ("sysselsättningskrav från och med 2020?", (2020, None)),
        ("exempel fr.o.m. 2020 på IOP", (2020, None)),
    ],
)
def test_the_years_a_precedent_question_asks_for(question, years):
    a = analyse(question)
    assert (a.year_from, a.year_to) == years


def test_what_has_been_done_in_a_place_asks_for_its_precedents():
    a = analyse("Vad har gjorts i Dalarna när det gäller reserverade kontrakt för sociala företag?", NAMES)
    assert a.intent == "precedents" and a.counties == {"Dalarnas län"}


def test_a_municipality_inside_a_named_buyer_still_filters():
    names = Names.from_records([{"id": "malmo-stad", "buyer": "Malmö stad", "suppliers": []}])
    assert analyse("Har Malmö stad gjort någon social upphandling?", names).municipalities == ["Malmö"]


def test_a_provision_typed_without_its_paragraph_sign_is_a_provision():
    assert analyse("vad ar 4 kap 18 lou").intent == "provision"


def test_a_law_named_as_context_is_not_the_term_asked_about():
    names = Names.from_records(
        [
            {"id": "ord-lou", "kind": "glossary", "title": "LOU"},
            {"id": "ord-missgynnad", "kind": "glossary", "title": "Missgynnad person"},
        ]
    )
    assert analyse("Vad är en missgynnad person enligt LOU?", names).term_docs == {"ord-missgynnad"}
    assert analyse("vad är LOU?", names).term_docs == {"ord-lou"}


def test_a_part_that_points_back_is_searched_with_the_topic_before_it():
    from bot.answer.queries import part_queries

    assert part_queries(
        ["Måste vi ställa arbetsrättsliga villkor i städupphandlingen", "vilka nivåer gäller då"]
    ) == [
        "Måste vi ställa arbetsrättsliga villkor i städupphandlingen",
        "vilka nivåer gäller då arbetsrättsliga villkor städupphandlingen",
    ]
    # "dem" in a later part are the requirements the part before named
    assert part_queries(["Hur funkar sysselsättningskrav", "hur följer man upp dem sen"])[1] == (
        "hur följer man upp sysselsättningskrav sen"
    )
    # "… och hur många år bakåt gäller det?": "det" is what the part before asked about
    assert part_queries(
        ["Får vi utesluta en leverantör som dömts för människohandel", "hur många år bakåt gäller det"]
    )[1].startswith("hur många år bakåt gäller det utesluta")
    # a part that names its own topic is searched as asked
    assert part_queries(["Måste vi ta sociala hänsyn", "är tillgänglighetskrav obligatoriska"])[1] == (
        "är tillgänglighetskrav obligatoriska"
    )
    # "det" after "vad är X" is X; a follow-up ("om inte, … istället") is about the part before
    assert part_queries(["vad är lov", "kan en kommun använda det för hemtjänst"])[1] == (
        "kan en kommun använda lov för hemtjänst"
    )
    assert part_queries(["får vi kräva kollektivavtal", "om inte, vad kan vi kräva istället"])[1] == (
        "om inte, vad kan vi kräva istället kollektivavtal"
    )
    # "… och vad behöver vi ha för underlag?" is the evidence for what the part before asked
    assert part_queries(
        ["Kan vi utesluta en leverantör som inte betalat ut löner", "och vad behöver vi ha för underlag"]
    )[1].startswith("och vad behöver vi ha för underlag utesluta")
    # a chain of parts: "dem" in the third are what the second was searched for
    assert (
        "socialt företag"
        in part_queries(["Vad är ett socialt företag", "hur hittar vi dem", "får vi gynna dem"])[2]
    )
    # but not a follow-up that names its own topic
    assert part_queries(["får vi kräva kollektivavtal", "annars, hur ställer vi arbetsrättsliga villkor"])[
        1
    ] == ("annars, hur ställer vi arbetsrättsliga villkor")


def test_a_supplier_named_is_not_a_buyer_named():
    samhall = analyse("samhall – kan vi köpa direkt från dom?", NAMES)
    assert samhall.organisation_docs == {"kristianstad-samhall"}
    assert samhall.buyer_docs == set()
    assert analyse("Får vi göra som Kristianstad?", NAMES).buyer_docs == {"kristianstad-samhall"}


def test_a_precedent_question_then_how_to_do_the_same():
    from bot.answer.queries import part_queries

    parts = split_parts(
        "Har någon kommun reserverat tvätt för sociala företag, och hur går vi till väga om vi vill göra likadant?"
    )
    assert parts == [
        "Har någon kommun reserverat tvätt för sociala företag",
        "hur går vi till väga om vi vill göra likadant",
    ]
    assert "reserverat" in part_queries(parts)[1]


def test_what_a_named_supplier_did_and_for_whom_asks_for_its_cases():
    names = Names.from_records(
        [{"id": "region-orebro-cykelreturen", "buyer": "Region Örebro län", "suppliers": ["Cykelreturen"]}]
    )
    analysis = analyse("Vad gjorde Cykelreturen och vem köpte av dem?", names)
    assert analysis.intent == "precedents"
    assert analysis.sectors == []  # "Cykel…" in a supplier's name is not the vehicle sector
    assert analyse("Vilka offentliga köpare har avtal med Samhall?", NAMES).intent == "precedents"


def test_buyers_named_first_then_what_they_did():
    analysis = analyse("Kommunala bolag, t.ex. bostadsbolag, som använt sysselsättningskrav?")
    assert analysis.intent == "precedents"
    assert analysis.buyer_types == ["kommunalt bolag"]


def test_swedish_buyer_types_ask_for_swedish_cases_unless_abroad_is_asked():
    toscana = {"id": "t", "buyer": "Regione Toscana", "buyer_type": "region", "country": "Italien"}
    orebro = {"id": "o", "buyer": "Region Örebro län", "buyer_type": "region", "country": "Sverige"}
    asked = analyse("Har någon region använt sociala hänsyn?")
    assert [precedent_matches(r, asked) for r in (toscana, orebro)] == [False, True]
    assert precedent_matches(toscana, analyse("Har någon region i andra EU-länder använt sociala hänsyn?"))


def test_buyers_and_country_asked_in_english():
    analysis = analyse("need examples of social procurement in swedish municipalities pls")
    assert analysis.intent == "precedents"
    assert analysis.buyer_types == ["kommun"]
    assert analysis.countries == ["Sverige"]


def test_a_choice_between_two_figures_asks_for_the_rule_not_a_comparison():
    assert analyse("reserverat kontrakt 30% eller 50% funktionsnedsatta?").sides == []
    assert analyse("4 kap 18, 19 kap 25 eller 25 a – vilken reservation ska vi välja?").intent == "comparison"


def test_judgments_asked_in_general_weigh_the_rulings():
    from bot.answer.pipeline import prior_of

    asked = analyse("Finns det domar om sysselsättningskrav?")
    assert prior_of(asked.question, asked.intent, asked) == "rulings"
    # "Vilken EU-dom …?" asks which judgment it is
    which = analyse("Vilken EU-dom handlar om krav att anställa långtidsarbetslösa?")
    assert prior_of(which.question, which.intent, which) == "rulings"
    one_case = analyse("Stockholmshem och Belstroj, vad var det domstolen kom fram till?")
    assert prior_of(one_case.question, one_case.intent, one_case) != "rulings"
    # "vad säger kammarrätten om …" asks what the courts said, as "finns det domar om …" does
    court = analyse("vad säger kammarrätten om sociala krav")
    assert prior_of(court.question, court.intent, court) == "rulings"


def test_a_claim_to_check_is_searched_as_the_claim_itself():
    from bot.search.textproc import normalise_chat, without_filler

    assert (
        normalise_chat("stämmer det att EU förbjuder sociala krav").split()
        == "eu förbjuder sociala krav".split()
    )
    assert (
        without_filler("är det sant att vi måste välja lägsta pris?").split()
        == "vi måste välja lägsta pris?".split()
    )


def test_a_pronoun_is_not_a_side_and_a_question_mid_clause_is_a_part():
    luk = analyse("Reserverad upphandling i LUK – går det, och hur skiljer det sig från LOU?")
    assert luk.sides == []
    assert comparison_sides(
        "kan vi kräva att leverantören tar emot praktikanter, eller är det bättre att reservera hela kontraktet?"
    ) == ["kräva att leverantören tar emot praktikanter", "reservera hela kontraktet"]
    assert split_parts("IOP med stadsmissionen – hur gör man och finns det kommuner som gjort det?") == [
        "IOP med stadsmissionen – hur gör man",
        "finns det kommuner som gjort det",
    ]


def test_a_name_many_suppliers_share_names_all_of_them_for_a_list_not_for_the_rules():
    from bot.answer.pipeline import named_files

    names = Names.from_records(
        [
            {"id": "orebro-iop", "buyer": "Örebro kommun", "suppliers": ["Örebro Stadsmission"]},
            {
                "id": "ostergotland-iop",
                "buyer": "Region Östergötland",
                "suppliers": ["Stadsmissionen i Linköping"],
            },
            {"id": "malmo-natt", "buyer": "Malmö stad", "suppliers": ["Förenade Care"]},
        ]
    )
    listed = analyse("Exempel på IOP med en stadsmission?", names)
    assert listed.organisation_docs == {"orebro-iop", "ostergotland-iop"}
    assert named_files(listed.question, listed, names) == {"orebro-iop", "ostergotland-iop"}
    rules = analyse("kan vi göra ett IOP med stadsmissionen i stället för att upphandla?", names)
    assert named_files(rules.question, rules, names) == set()


def test_bought_from_social_enterprises_lists_only_those_unless_a_buyer_is_named():
    fourm = {
        "id": "lulea",
        "buyer": "Luleå kommun",
        "municipality": "Luleå",
        "sector": ["tvätt"],
        "instrument": ["sysselsattningskrav"],
        "supplier_type": "arbetsintegrerande socialt företag",
    }
    samhall = {
        "id": "kramfors",
        "buyer": "Kramfors kommun",
        "municipality": "Kramfors",
        "sector": ["tvätt"],
        "instrument": ["direktupphandling-socialt-foretag"],
        "supplier_type": "okänt",
    }
    big = {
        "id": "vasteras",
        "buyer": "Västerås stad",
        "municipality": "Västerås",
        "sector": ["tvätt"],
        "instrument": ["arbetsrattsliga-villkor"],
        "supplier_type": "okänt",
    }
    asked = analyse("Vem har upphandlat tvätt från ett socialt företag?")
    assert asked.intent == "precedents" and asked.social_suppliers
    assert [precedent_matches(r, asked) for r in (fourm, samhall, big)] == [True, True, False]
    assert not analyse("Vem har upphandlat tvätt med arbetsrättsliga villkor?").social_suppliers
    # what a named buyer did with social enterprises is whatever that buyer did
    assert precedent_matches(big, analyse("Vad har Västerås gjort med sociala företag?"))


def test_the_nordic_countries_and_a_choice_of_instruments_filter_as_any_of():
    assert set(analyse("Exempel i Norden, typ Danmark eller Finland?").countries) >= {
        "Danmark",
        "Finland",
        "Norge",
    }
    reserved = {
        "id": "a",
        "buyer": "A kommun",
        "buyer_type": "kommun",
        "sector": ["städ och lokalvård"],
        "instrument": ["reserverad-4-18"],
    }
    employed = {
        "id": "b",
        "buyer": "B kommun",
        "buyer_type": "kommun",
        "sector": ["städ och lokalvård"],
        "instrument": ["sysselsattningskrav"],
    }
    choice = analyse(
        "ska vi reservera eller ställa sysselsättningskrav när vi köper städ? finns det kommuner som gjort det?"
    )
    assert [precedent_matches(r, choice) for r in (reserved, employed)] == [True, True]
    both = analyse(
        "kan vi kombinera en reservation med sysselsättningskrav? finns det exempel på reserverade upphandlingar?"
    )
    assert [precedent_matches(r, both) for r in (reserved, employed)] == [True, False]
    # ... but "nån som gjort det?" after "kombinera A med B" asks for cases of both at once
    combined = dict(reserved, id="c", instrument=["reserverad-4-18", "sysselsattningskrav"])
    together = analyse("kan man kombinera sysselsättningskrav med reserverad upphandling? nån som gjort det?")
    assert [precedent_matches(r, together) for r in (reserved, employed, combined)] == [False, False, True]


def test_what_a_long_term_means_is_a_definition():
    assert analyse("Vad menas med personer som står långt från arbetsmarknaden?").intent == "definition"


def test_a_term_followed_by_what_is_that_is_a_definition():
    assert analyse("asf vad e det").intent == "definition"
    assert analyse("LOV, vad är det?").intent == "definition"
    assert analyse("vad är det som gäller när vi reserverar, och hur gör vi?").intent != "definition"
    # chat shorthand: "X def?", "X = Y?"
    assert analyse("socialt företag def?").intent == "definition"
    assert asks_meaning("socialt företag def?")
    names = Names.from_records(
        [{"id": "kramfors-samhall", "buyer": "Kramfors kommun", "suppliers": ["Samhall"]}]
    )
    assert analyse("skyddad verkstad = samhall?", names).intent == "definition"
    assert analyse("samhall?", names).intent == "precedents"


def test_what_a_term_means_asked_in_chat_is_a_definition_and_no_yes_or_no():
    # a trailing filler word, a term in single quotes, and "in english" ask only what it means
    for question in (
        "sociala hänsyn vad e det ens",
        "politikerna vill ha 'social upphandling' i budgeten, vad betyder det i praktiken",
        "what's sociala hänsyn in english, ska förklara för en konsult",
    ):
        assert analyse(question).intent == "definition", question
        assert asks_meaning(question), question
    assert analyse("vi har reserverat förut, vad är det som gäller nu?").intent != "definition"


def test_two_things_at_once_are_the_sides_of_a_combination():
    assert comparison_sides(
        "Kan vi ha både tillgänglighetskrav och sysselsättningskrav i samma upphandling?"
    ) == [
        "tillgänglighetskrav",
        "sysselsättningskrav",
    ]
    assert comparison_sides(
        "Om vi reserverar kontraktet för sociala företag, kan vi då också kräva att de anställer folk?"
    ) == ["reserverar kontraktet för sociala företag", "kräva att de anställer folk"]
    assert analyse("Hur gör vi med både stora och små leverantörer?").sides == []


def test_alternatives_listed_before_the_comparison_asked_are_its_sides():
    assert comparison_sides("reserverat kontrakt, iop och lov – kan du jämföra de tre") == [
        "reserverat kontrakt",
        "iop",
        "lov",
    ]
    assert comparison_sides("iop och föreningsbidrag, vad är bäst för oss") == ["iop", "föreningsbidrag"]
    assert analyse("19 kap 25 § och 19 kap 25 a § lou, vad är skillnaden").intent == "comparison"
    # two things named, then a question that compares nothing
    assert comparison_sides("städ och tvätt, vad gäller där") == []


def test_an_abbreviation_does_not_end_a_part():
    assert split_parts("vilka regioner har jobbat med sociala hänsyn, t.ex. inom vården") == [
        "vilka regioner har jobbat med sociala hänsyn, t.ex. inom vården"
    ]
    assert len(split_parts("Får vi reservera städ. Hur följer vi upp det sen?")) == 2


def test_whether_municipal_companies_have_done_something_asks_for_precedents():
    assert (
        analyse("har kommunala bostadsbolag haft sysselsättningskrav i sina byggprojekt").intent
        == "precedents"
    )
    assert analyse("har kommuner krävt kollektivavtal?").intent == "precedents"


def test_in_a_region_means_its_county_but_the_region_itself_is_its_own_buyer():
    names = Names.from_records([{"id": "region-gavleborg-iop", "buyer": "Region Gävleborg", "suppliers": []}])
    inside = analyse("asf i region gävleborg nån?", names)
    assert inside.counties == {"Gävleborgs län"} and inside.organisation_docs == set()
    assert analyse("vad har region gävleborg gjort med iop", names).organisation_docs == {
        "region-gavleborg-iop"
    }


def test_a_judgment_named_by_its_parties_is_found_in_any_form():
    names = Names.from_records(
        [
            {
                "id": "eu-ruffert",
                "kind": "case-law",
                "title": "Rüffert (C-346/06) – krav på lön enligt kollektivavtal",
            },
            {
                "id": "eu-concordia",
                "kind": "case-law",
                "title": "Concordia Bus (C-513/99) – kriterier vid tilldelning",
            },
            {
                "id": "se-alingsas",
                "kind": "case-law",
                "title": "Alingsås kommun och Bräcke diakoni – ett IOP",
            },
        ]
    )
    assert names.find_cases("vad sa EU-domstolen i Rüffertmålet?") == {"eu-ruffert"}
    assert names.find_cases("ruffert-domen, vad gällde den") == {"eu-ruffert"}
    assert names.find_cases("Vad kom EU-domstolen fram till i Concordia Bus?") == {"eu-concordia"}
    # a Swedish judgment is named by places and organisations, which precedents share: not here
    assert names.find_cases("vad hände i Alingsås?") == set()
    assert names.find_cases("ett concordiaavtal") == set()


def test_two_judgments_named_are_set_side_by_side():
    names = Names.from_records(
        [
            {
                "id": "eu-ruffert",
                "kind": "case-law",
                "title": "Rüffert (C-346/06) – lön enligt kollektivavtal",
            },
            {
                "id": "eu-regiopost",
                "kind": "case-law",
                "title": "RegioPost (C-115/14) – lagstadgad minimilön",
            },
        ]
    )
    asked = analyse("Varför fick Tyskland kräva minimilön i RegioPost men inte i Rüffert?", names)
    assert asked.intent == "comparison" and asked.sides == ["RegioPost", "Rüffert"]
    assert analyse("Vad sa EU-domstolen i Rüffert?", names).sides == []


def test_an_apology_before_what_a_word_means_is_still_a_definition():
    assert analyse("sorry dum fråga men vad betyder sociala hänsyn").intent == "definition"
    assert analyse("förlåt, vad är ett reserverat kontrakt?").intent == "definition"


def test_english_it_is_not_the_it_sector():
    assert analyse("ok so what's the deal med sysselsättningskrav, is it even legal?").sectors == []
    assert analyse("exempel på IT-upphandlingar med sociala krav").sectors == ["IT och telefoni"]
    assert analyse("har någon köpt it med sysselsättningskrav?").sectors == ["IT och telefoni"]


def test_whether_any_municipal_company_has_done_something_asks_for_precedents():
    assert analyse("har något kommunalt bolag ställt sysselsättningskrav?").intent == "precedents"
    energy = analyse("Har ett kommunalt energibolag ställt sociala krav i en upphandling?")
    assert energy.intent == "precedents" and energy.buyer_types == ["kommunalt bolag"]
    # a right, not a case: "har en statlig myndighet rätt att …"
    assert analyse("har en statlig myndighet rätt att kräva kollektivavtal?").intent == "permission"


def test_two_named_buyers_and_what_they_did_asks_for_their_precedents():
    names = Names.from_records(
        [
            {"id": "orebro-iop", "buyer": "Örebro kommun", "suppliers": []},
            {"id": "region-orebro-cykel", "buyer": "Region Örebro län", "suppliers": []},
        ]
    )
    question = "Har Örebro kommun eller Region Örebro län gjort något med sociala företag?"
    assert analyse(question, names).intent == "precedents"
    assert analyse("Har Örebro kommun sociala krav i sina städupphandlingar?", names).intent == "precedents"
    assert analyse("har någon i Halland direktupphandlat från ett socialt företag?").intent == "precedents"
    # what a named buyer has: "Har Göteborgs stad något IOP?"
    assert analyse("Har Örebro kommun något IOP?", names).intent == "precedents"
    assert analyse("Har vi något stöd för att reservera?", names).intent != "precedents"


def test_hellre_before_an_alternative_is_not_part_of_it():
    question = "ska vi utesluta leverantörer som inte betalar avtalsenliga löner eller hellre ställa arbetsrättsliga villkor?"
    assert analyse(question).sides[-1] == "ställa arbetsrättsliga villkor"


def test_how_a_criterion_should_be_worded_is_a_how_to_question():
    assert analyse("hur bör ett socialt tilldelningskriterium formuleras och viktas?").intent == "how-to"


def test_where_to_find_templates_is_not_a_precedent_lookup():
    assert analyse("finns det färdiga mallar för sysselsättningskrav nånstans?").intent != "precedents"
    assert analyse("har någon kommun nånstans ställt sysselsättningskrav?").intent == "precedents"


def test_what_a_word_means_is_told_from_what_is_asked_about_it():
    from bot.answer.analysis import asks_meaning

    assert asks_meaning("vad betyder direktupphandling?")
    assert asks_meaning("vad är IOP?")
    assert not asks_meaning("vad är gränsen för direktupphandling nu")
    assert not asks_meaning("vad e det där med 30 % i reserverad upphandling")


def test_och_vilket_starts_a_new_part_and_a_named_paragraph_is_the_instrument():
    parts = analyse(
        "vad gäller för välfärdstjänster enligt 19 kap, och vilket tröskelvärde gäller för sociala tjänster?"
    ).parts
    assert len(parts) == 2 and parts[1].startswith("vilket tröskelvärde")
    assert analyse("vad innebär 4 kap 18 §? och vilka kommuner har använt den?").instruments == [
        "reserverad-4-18"
    ]


def test_breaches_named_as_the_ground_for_exclusion_are_not_a_second_instrument():
    question = "finns det exempel på att en leverantör uteslutits pga arbetsrättsliga brott?"
    assert analyse(question).instruments == ["uteslutning"]


def test_jobs_an_award_criterion_gives_points_for_are_not_a_second_instrument():
    question = "exempel på sociala tilldelningskriterier som gett poäng för praktikplatser"
    assert analyse(question).instruments == ["socialt-tilldelningskriterium"]
    both = "exempel där man både haft sysselsättningskrav och ett socialt tilldelningskriterium"
    assert set(analyse(both).instruments) == {"sysselsattningskrav", "socialt-tilldelningskriterium"}


def test_how_large_a_share_is_read_as_a_percentage():
    from bot.search.textproc import normalise_chat

    assert "procent" in normalise_chat("hur stor andel av de anställda måste ha funktionsnedsättning?")


def test_english_comparison_words_set_the_sides():
    analysis = analyse("whats the difference between reserved contracts and social clauses, snabbt")
    assert analysis.intent == "comparison"
    assert analysis.sides == ["reserved contracts", "social clauses"]  # "snabbt" is how, not a side


def test_a_precedent_question_about_social_enterprises_is_not_sent_to_a_referral():
    from bot.answer.precedent_answer import asks_social_precedents

    assert asks_social_precedents(analyse("Exempel på återvinning som gått till sociala företag?"))
    assert not asks_social_precedents(analyse("Exempel på miljökrav vid upphandling av avfallshantering?"))


def test_does_a_suffice_or_must_we_b_sets_two_sides():
    question = (
        "Textilier från Asien: räcker arbetsrättsliga villkor enligt LOU eller behöver vi en uppförandekod?"
    )
    assert analyse(question).sides == ["arbetsrättsliga villkor enligt LOU", "uppförandekod"]
    assert analyse("får vi reservera städ eller tvätt?").sides == []


def test_any_municipality_that_buys_something_asks_for_precedents():
    # present tense, one buyer: "någon kommun som köper …" asks who does it
    assert analyse("Någon kommun som köper återbruk från ett socialt företag?").intent == "precedents"
    assert analyse("Får en kommun som köper städ kräva kollektivavtal?").intent != "precedents"


def test_chat_abbreviations_for_social_enterprises_filter_precedents():
    assert analyse("nåt bra exempel på städ med soc företag?").social_suppliers
    assert analyse("asf städ tvätt mat, ngn kommun som gjort?").social_suppliers


def test_an_example_of_a_municipal_company_filters_by_buyer_type():
    asked = analyse("Exempel på ett kommunalt bolag som ställt sysselsättningskrav i fastighetsskötsel?")
    assert asked.buyer_types == ["kommunalt bolag"]


def test_a_question_for_an_amount_or_a_limit_asks_for_a_figure_not_a_yes_or_no():
    from bot.answer.figures import asks_figure

    assert asks_figure("max belopp for direktupphandling 2025?")
    assert asks_figure("hur mkt får vi direktupphandla för nu")
    assert asks_figure("tröskelvärdena nu 2026?")
    assert asks_figure("hur lång tid tar en reserverad upphandling")
    assert asks_figure("hur många % måste vara funktionsnedsatta for att rakna som socialt foretag")
    assert not asks_figure("Får vi reservera en upphandling över tröskelvärdena?")
    assert not asks_figure("Får vi kräva kollektivavtal?")


def test_each_part_of_a_compound_question_has_its_own_intent():
    parts = split_parts(
        "Hur formulerar vi ett socialt tilldelningskriterium och hur mycket får det väga mot priset?"
    )
    assert [part_intent(p) for p in parts] == ["how-to", "permission"]
    assert part_intent("hur bestämmer vi lönenivån i arbetsrättsliga villkor") == "how-to"
    assert part_intent("vad betyder IOP") == "definition"


def test_kontraktet_is_not_kontra_and_a_question_of_two_parts_is_answered_part_by_part():
    analysis = analyse(
        "Vad innebär proportionalitetsprincipen för sociala krav? Får kraven gälla hela företaget eller bara kontraktet?"
    )
    assert analysis.intent != "comparison" and len(analysis.parts) == 2
    assert analyse("IOP kontra upphandling?").sides == ["IOP", "upphandling"]


def test_a_judgment_whose_title_names_a_supplier_is_named_with_it():
    names = Names.from_records(
        [
            {"id": "goteborg-iop", "buyer": "Göteborgs Stad", "suppliers": ["Bräcke diakoni"]},
            {
                "id": "se-alingsas-iop",
                "kind": "case-law",
                "title": "Alingsås kommun och Bräcke diakoni – ett IOP som egentligen var en upphandling",
            },
        ]
    )
    # "vad hände med Alingsås och Bräcke diakoni?" is as much about the judgment as about Göteborg's IOP
    assert analyse("vad hände med Alingsås och Bräcke diakoni?", names).organisation_docs == {
        "goteborg-iop",
        "se-alingsas-iop",
    }


def test_countries_given_as_instances_of_other_eu_countries_do_not_narrow_the_list():
    a = analyse(
        "Finns det exempel från andra EU-länder, t.ex. Frankrike eller Italien, på reserverade kontrakt?"
    )
    assert a.abroad and a.countries == []
    assert analyse("Finns det exempel från Frankrike på reserverade kontrakt?").countries == ["Frankrike"]


def test_two_adjectives_share_the_noun_after_the_last():
    assert comparison_sides("Obligatorisk eller frivillig uteslutning – vad är skillnaden?") == [
        "Obligatorisk uteslutning",
        "frivillig uteslutning",
    ]
    assert comparison_sides("Vad är skillnaden mellan öppet och förenklat förfarande?") == [
        "öppet förfarande",
        "förenklat förfarande",
    ]
    # a noun before "eller" is a side of its own
    assert comparison_sides("IOP eller reserverad upphandling – vad passar?") == [
        "IOP",
        "reserverad upphandling",
    ]


def test_a_statement_ending_in_a_tag_question_is_a_part_of_its_own():
    question = (
        "Vi vill köpa fruktkorgar direkt från ett socialt företag – går det, och hur mycket får vi köpa för?"
    )
    assert split_parts(question) == [
        "Vi vill köpa fruktkorgar direkt från ett socialt företag – går det",
        "hur mycket får vi köpa för",
    ]


def test_a_statement_after_the_last_question_says_why_and_is_no_part_of_its_own():
    assert (
        len(split_parts("är det ok att ge extrapoäng för lokala leverantörer? vill stötta näringslivet")) == 1
    )
    # a request for cases after a question is a part of its own
    assert split_parts("Får vi reservera städningen? Exempel från Skåne") == [
        "Får vi reservera städningen",
        "Exempel från Skåne",
    ]


def test_a_threshold_for_direct_awards_asks_for_an_amount_a_share_does_not():
    from bot.answer.figures import asks_amount, asks_figure

    assert asks_figure("tröskelvärdet för direktupphandling 2025 nån som vet?")
    assert asks_amount("tröskelvärdet för direktupphandling 2025 nån som vet?")
    assert asks_amount("hur mkt får vi direktupphandla för nu")
    assert not asks_amount("hur stor andel av de anställda måste ha en funktionsnedsättning?")
    assert not asks_amount("hur mkt admin blir det att köra reserverad upphandling?")


def test_a_buyer_in_general_is_no_state_agency_and_office_printing_is_a_sector():
    excluded = analyse("Känner du till fall där en upphandlande myndighet uteslutit en leverantör?")
    assert excluded.buyer_types == [] and excluded.instruments == ["uteslutning"]
    assert analyse("Exempel på tryck- eller kontorstjänster från Samhall?").sectors == ["kontor och tryck"]
    assert analyse("vilka stadsmissioner har partnerskap med kommuner?").buyer_types == ["kommun"]


def test_a_word_of_filler_before_men_is_no_part_of_its_own():
    assert split_parts("ok men hur funkar IOP rent praktiskt") == ["ok. hur funkar IOP rent praktiskt"]
    assert split_parts("Vad är IOP och vilka kommuner har använt det?") == [
        "Vad är IOP",
        "vilka kommuner har använt det",
    ]


def test_a_question_word_alone_asks_for_more_of_the_part_before_it():
    asked = "Har någon upphandling med sociala krav blivit överprövad i domstol? Vilka?"
    assert split_parts(asked) == ["Har någon upphandling med sociala krav blivit överprövad i domstol? Vilka"]
    assert analyse(asked).intent == "precedents"


def test_who_counts_as_something_asks_what_a_word_covers():
    from bot.answer.analysis import asks_meaning, part_intent

    assert asks_meaning("Vem räknas som långt från arbetsmarknaden")
    assert part_intent("vilka räknas som långtidsarbetslösa") == "definition"
    assert not asks_meaning("hur många kan vi kräva att leverantören anställer")


def test_a_thing_bought_is_found_as_the_last_part_of_a_compound():
    assert analyse("Vad gjorde Region Örebro län med sina tjänstecyklar?").objects == ["cykel"]
    assert analyse("har någon köpt kontorsmöbler från ett socialt företag?").objects == ["möbler"]


def test_cases_tried_in_court_are_those_with_a_court_review():
    a = analyse("Finns det något exempel på en reserverad upphandling som överprövats?", NAMES)
    assert a.in_court and a.intent == "precedents"
    base = {"id": "x", "buyer": "Uppsala kommun", "instrument": ["reserverad-19-25a"]}
    assert precedent_matches(base | {"court_review": "Förvaltningsrätten gav kommunen rätt."}, a)
    assert not precedent_matches(base | {"court_review": None}, a)
    assert not precedent_matches(base | {"court_review": "Ingen domstolsprövning känd."}, a)
    # a rule asked about a court is no lookup of cases
    assert not analyse("Får vi reservera, eller kan det överprövas?", NAMES).in_court


def test_chat_forms_of_definitions_and_precedent_lookups():
    assert analyse("asf va är det").intent == "definition"
    latest = analyse("Vilka är de senaste exemplen på reserverad upphandling, från 2022 och framåt?")
    assert latest.intent == "precedents" and latest.year_from == 2022
    assert analyse("samhall biltvätt, how did they do it", NAMES).intent == "precedents"


def test_a_buyer_and_a_supplier_named_together_ask_for_what_passed_between_them():
    names = Names.from_records(
        [
            {"id": "orebro-cykel", "buyer": "Region Örebro län", "suppliers": ["Cykelreturen"]},
            {"id": "orebro-bilpool", "buyer": "Region Örebro län", "suppliers": ["Samhall"]},
            {"id": "orebro-partnerskap", "buyer": "Region Örebro län", "suppliers": ["Cykelreturen"]},
        ]
    )
    a = analyse("Vad köpte Region Örebro län av Cykelreturen och hur gick det till?", names)
    assert a.intent == "precedents"
    assert a.organisation_docs == {"orebro-cykel", "orebro-partnerskap"}


def test_clipped_and_foreign_spellings_are_written_as_the_files_write_them():
    from bot.search.textproc import normalise_chat

    assert "arbetsrättsliga" in normalise_chat("behöver vi ha arb.rättsliga villkor i städ??")
    assert "kafé" in normalise_chat("köpa fika av ett socialt café")
    # the buyer asking is no term asked about
    assert "myndighet" not in normalise_chat("hur bör den upphandlande myndigheten lägga upp det")


def test_for_example_is_no_request_for_examples():
    asked = "Hur granskar vi risker längre bak i leverantörskedjan, till exempel vid inköp av arbetskläder?"
    assert analyse(asked).intent == "how-to"
    assert analyse("finns det exempel på det i Skåne?").intent == "precedents"


def test_goes_it_asks_whether_it_is_allowed_but_how_does_it_work_does_not():
    from bot.answer.wording import PERMISSION

    assert PERMISSION.search("vi vill hjälpa ungdomar få sommarjobb via upphandling, går det?")
    assert not PERMISSION.search("social procurement hur funkar det i sverige")


def test_under_the_thresholds_names_a_kind_of_procurement_not_a_figure():
    from bot.answer.figures import asks_figure

    assert asks_figure("tröskelvärdena nu?")
    assert not asks_figure("sociala hänsyn under tröskelvärdena samma regler?")


def test_who_counts_as_a_term_asked_first_is_a_definition():
    assert analyse("Vem räknas som missgynnad person i LOU:s mening?").intent == "definition"
    assert analyse("vad räknas som ett socialt företag").intent == "definition"
    # "hur vet jag om …" asks what counts, not how to find out
    assert analyse("hur vet jag om ett företag räknas som socialt företag enl lou").intent == "definition"
    assert analyse("hur vet vi om det finns sociala företag i kommunen?").intent == "how-to"
    # "vad betyder det" after a situation asks what it means for us, not what a word means
    assert (
        analyse("en leverantör hotar att överpröva vår tilldelning – vad betyder det?").intent != "definition"
    )


def test_a_bare_percent_sign_is_read_as_procent():
    from bot.search.textproc import normalise_chat

    assert "procent" in normalise_chat("hur många % missgynnade behövs?")
    assert "30 procent" in normalise_chat("måste 30% ha funktionsnedsättning")


def test_a_clause_on_the_purchase_after_the_last_side_is_not_part_of_it():
    asked = "Ska vi direktupphandla från ett socialt företag eller göra en reserverad upphandling när vi köper städning av våra lokaler?"
    assert comparison_sides(asked) == ["direktupphandla från ett socialt företag", "reserverad upphandling"]
    # "om det är bättre socialt" qualifies the side: it stays
    asked = "Kan vi anta ett dyrare anbud om det är bättre socialt, eller måste vi ta det billigaste?"
    assert comparison_sides(asked)[0] == "anta ett dyrare anbud om det är bättre socialt"


def test_better_to_do_one_thing_than_another_and_pros_and_cons_are_comparisons():
    asked = "Är det bättre att dela upp upphandlingen i mindre delar än att reservera den, om målet är att sociala företag ska kunna lämna anbud?"
    assert comparison_sides(asked) == ["dela upp upphandlingen i mindre delar", "reservera den"]
    asked = (
        "Socialt tilldelningskriterium eller kontraktsvillkor för att få praktikplatser – för- och nackdelar?"
    )
    assert analyse(asked).intent == "comparison"
    assert comparison_sides(asked) == ["Socialt tilldelningskriterium", "kontraktsvillkor"]


def test_how_a_thing_is_done_and_where_to_find_it_are_how_to_questions():
    assert analyse("Hur går en leverantörsdialog med sociala företag till i praktiken?").intent == "how-to"
    assert analyse("Var hittar vi nivåerna för lön och semester när vi ställer villkor?").intent == "how-to"
    # where the rules are written is a provision lookup
    assert analyse("var hittar vi reglerna om reservation").intent == "provision"


def test_others_of_a_kind_are_that_kind_as_a_side():
    asked = (
        "Samhall jämfört med andra arbetsintegrerande sociala företag – gäller samma sak när vi reserverar?"
    )
    assert comparison_sides(asked) == ["Samhall", "arbetsintegrerande sociala företag"]


def test_a_second_question_opening_with_behövs_or_riskerar_is_a_part_of_its_own():
    asked = "Hur ordnar vi en dialog med sociala företag före en upphandling, och riskerar vi att bryta mot likabehandlingsprincipen?"
    assert analyse(asked).parts == [
        "Hur ordnar vi en dialog med sociala företag före en upphandling",
        "riskerar vi att bryta mot likabehandlingsprincipen",
    ]
    assert (
        len(analyse("Får vi kräva sommarjobb i städavtalet, och behövs det en matchningsansvarig?").parts)
        == 2
    )


def test_other_eu_countries_asked_in_english_are_abroad():
    assert analyse("Examples from other EU countries of reserved contracts for sheltered workshops?").abroad
    assert not analyse("Examples of reserved contracts for sheltered workshops?").abroad


def test_a_region_named_is_the_buyer_asked_about_but_in_the_region_is_only_where():
    assert analyse("Region Uppsala sociala hänsyn upphandling, finns nåt dokumenterat?").buyer_types == [
        "region"
    ]
    assert analyse("finns det reserverade upphandlingar i Region Skåne?").buyer_types == []


def test_chat_before_what_is_still_asks_what_a_word_means():
    # "sorry dum fråga men vad e …" opened the question, so the yes of the guidance on
    # reservation answered it instead of the definition
    assert asks_meaning("sorry dum fråga men vad e ett socialt företag")
    assert analyse("what are social considerations in public procurement, in short?").intent == "definition"
    assert not asks_meaning("sorry dum fråga men får vi reservera städningen")


def test_a_buyer_named_with_what_it_did_in_the_past_asks_for_its_cases():
    assert analyse("har göteborg direktupphandlat från sociala företag nån gång").intent == "precedents"
    assert analyse("nån kommun i värmland med sysselsättningskrav?").intent == "precedents"
    assert analyse("har vi upphandlat städning från ett socialt företag?").intent != "precedents"


def test_who_has_done_it_after_a_question_is_a_part_of_its_own():
    # merged into the first part, the question whether one may combine the two went unanswered
    assert split_parts(
        "kan man kombinera sysselsättningskrav med reserverad upphandling? nån som gjort det?"
    ) == [
        "kan man kombinera sysselsättningskrav med reserverad upphandling",
        "nån som gjort det",
    ]


def test_two_adjectives_in_a_jurists_word_share_the_noun_after_them():
    assert comparison_sides("obligatorisk vs fakultativ uteslutning, vad e skillnaden") == [
        "obligatorisk uteslutning",
        "fakultativ uteslutning",
    ]
    assert comparison_sides("fattar inte skillnaden mellan krav och kriterier lol") == ["krav", "kriterier"]


def test_a_new_question_after_a_comma_or_after_a_topic_and_colon_is_a_part():
    assert split_parts("vad är IOP, när får man använda det och finns det exempel i västra götaland?") == [
        "vad är IOP",
        "när får man använda det",
        "finns det exempel i västra götaland",
    ]
    assert split_parts("arbetsrättsliga villkor: när är de obligatoriska och vilka nivåer ska vi ange?") == [
        "arbetsrättsliga villkor: när är de obligatoriska",
        "vilka nivåer ska vi ange",
    ]


def test_things_listed_then_asked_if_they_are_the_same_are_sides():
    assert comparison_sides(
        "socialt företag, arbetsintegrerande socialt företag och skyddad verkstad – samma sak?"
    ) == [
        "socialt företag",
        "arbetsintegrerande socialt företag",
        "skyddad verkstad",
    ]


def test_how_to_get_more_jobs_is_broad_but_a_policy_document_is_not():
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse("hur får vi in fler jobb via upphandlingarna typ"))
    assert not asks_overview(analyse("hur får vi in sociala hänsyn i vår upphandlingspolicy"))


def test_the_topic_in_a_sector_and_nothing_else_is_broad_and_so_is_a_broad_part():
    from bot.answer.overview import asks_overview, part_asks_overview

    assert asks_overview(analyse("bygg + sociala hänsyn = ?"))
    # a small purchase is asked about, not the topic as a whole; a building contract still is the topic
    assert not asks_overview(analyse("lättaste sättet att få in sociala krav i en liten upphandling?"))
    assert not asks_overview(analyse("tips på sociala krav under tröskelvärdet"))
    assert asks_overview(analyse("tips på sociala krav i en byggentreprenad"))
    # "socialt" as an adverb names the topic too
    assert asks_overview(analyse("vi köper bygg för 80 miljoner, vad kan vi kräva socialt?"))
    assert not asks_overview(analyse("sociala hänsyn i bygg, får vi reservera?"))
    assert part_asks_overview("Vilka sociala hänsyn kan vi ta i byggprojekt")
    assert not part_asks_overview("Vilka sociala hänsyn kan vi ta när vi reserverar")  # an instrument
    assert not part_asks_overview("Vad säger EU-direktivet om sociala hänsyn")  # a provision


def test_a_buyer_kind_asked_for_examples_from_is_the_kind_of_buyer():
    assert analyse(
        "Vad är en reserverad upphandling och finns det något exempel från en region?"
    ).buyer_types == ["region"]


def test_the_sides_come_from_the_sentence_that_asks_not_the_one_before():
    sides = comparison_sides(
        "Vi misstänker lönedumpning hos en anbudsgivare. Ska vi utesluta dem eller behandla det som ett onormalt lågt anbud?"
    )
    assert sides == ["utesluta dem", "behandla det som ett onormalt lågt anbud"]
    # ... but "17 kap. LOU" ends no sentence
    assert comparison_sides(
        "Vad skiljer arbetsrättsliga villkor enligt 17 kap. LOU från att kräva kollektivavtal?"
    ) == [
        "arbetsrättsliga villkor enligt 17 kap. LOU",
        "kräva kollektivavtal",
    ]


def test_the_topic_named_before_a_choice_is_what_the_choice_is_about():
    from bot.answer.sides import choice_topic

    assert choice_topic("Fairtrade – ska vi ha det som krav eller som tilldelningskriterium?") == "Fairtrade"
    assert choice_topic("Tvätten: reservera eller ställa sysselsättningskrav?") == "Tvätten"
    assert choice_topic("IOP eller reserverad upphandling – vad passar bäst?") is None
    assert choice_topic("Får vi reservera städningen?") is None


def test_who_has_made_a_direct_award_asks_for_cases_but_a_question_on_us_does_not():
    assert analyse("Vilka har direktupphandlat från sociala företag från 2020 och framåt?", NAMES).intent == (
        "precedents"
    )
    assert analyse("vilka har vi direktupphandlat från?", NAMES).intent != "precedents"


def test_a_known_supplier_weighed_against_a_kind_of_enterprise_is_a_comparison_not_a_lookup():
    a = analyse("ASF vs samhall skillnad?", NAMES)
    assert a.intent == "comparison"
    assert [s.lower() for s in a.sides] == ["asf", "samhall"]


def test_asking_for_ideas_or_how_others_do_it_in_a_sector_is_broad():
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse("vill ha sociala hänsyn i måltidsupphandlingen, ideer?"))
    assert asks_overview(analyse("sociala hänsyn i städupphandling hur gör ni"))
    assert not asks_overview(analyse("sociala hänsyn i städupphandling, får vi reservera?"))


def test_a_sector_word_that_describes_the_thing_asked_does_not_widen_it_to_the_sector():
    # "återbrukade möbler" asks for furniture, not for every recycling contract ...
    assert analyse("Har någon köpt renoverade eller återbrukade möbler från ett socialt företag?").objects

    # ... while a broader word beside the thing does
    assert analyse("biltvätt eller fordonsvård från socialt företag, exempel?").objects == []
    # ... and so does a noun before it: "sjukvårdsupphandlingar (handskar o sånt)" asks for healthcare
    assert (
        analyse(
            "vilka regioner har krav på mänskliga rättigheter i sjukvårdsupphandlingar (handskar o sånt)"
        ).objects
        == []
    )


def test_a_statement_before_the_question_does_not_change_what_it_asks():
    greeting = analyse("hej, vi är nya i nämnden. vad är sociala hänsyn egentligen?")
    assert greeting.intent == analyse("vad är sociala hänsyn egentligen?").intent == "definition"
    assert asks_meaning("hej, vi är nya i nämnden. vad är sociala hänsyn egentligen?")
    # a statement that asks something keeps its say
    assert analyse("Vi ska upphandla städ. Får vi reservera den?").intent == "permission"


def test_a_rhetorical_or_is_no_comparison_and_counts_as_parts():
    # "funkar A på riktigt eller e det mest …" asks whether A works, not which of two
    assert (
        analyse("funkar sysselsättningskrav på riktigt eller e det mest pappersexercis").intent
        != "comparison"
    )
    assert analyse("Reservera eller sysselsättningskrav – vilket ger mest jobb?").intent == "comparison"
    # "… och räknas samhall dit?" is a second question; "IOP – vad är det, och …" a first one
    assert split_parts("vad betyder skyddad verkstad i lou och räknas samhall dit?") == [
        "vad betyder skyddad verkstad i lou",
        "räknas samhall dit",
    ]
    assert len(split_parts("IOP – vad är det, och finns det exempel i skåne?")) == 2


def test_someone_doubting_that_anyone_does_it_asks_for_the_cases():
    assert analyse("känns som att ingen gör reserverat i sverige, stämmer det?").intent == "precedents"
    assert analyse("gör nån kommun verkligen det, reserverar alltså?").intent == "precedents"
    assert analyse("ingen leverantör har kollektivavtal, får vi kräva det?").intent == "permission"


def test_everyday_words_for_small_and_the_job_centre_are_the_files_words():
    from bot.search.textproc import normalise_chat

    assert normalise_chat("sysselsättningskrav i pyttesmå kontrakt, är det lönt").split()[2:] == [
        "små",
        "kontrakt,",
        "är",
        "det",
        "värt",
    ]
    assert "arbetsmarknadsenheten" in normalise_chat("anställer folk från vår jobbcentrum")


def test_how_a_term_is_defined_is_a_definition_part():
    assert part_intent("Hur definieras ett arbetsintegrerande socialt företag") == "definition"


def test_meal_boxes_are_food():
    assert analyse("har någon kommun upphandlat matlådor från ett socialt företag").sectors == [
        "livsmedel och måltider"
    ]


def test_a_car_wash_goes_by_several_names():
    from bot.answer.filters import names_object

    tagged = {"title": "Region Örebro län – bilpool", "tags": ["biltvätt"], "suppliers": ["Samhall"]}
    assert names_object(tagged, ["fordonstvätt"]) and names_object(tagged, ["bilvård"])
    assert not names_object(tagged, ["cykel"])


def test_english_words_for_the_lowest_price_and_the_law_are_the_files_words():
    from bot.search.textproc import normalise_chat

    assert normalise_chat("lowest price only, is that required by law?").split()[:2] == ["lägsta", "pris"]
    assert "måste by lagen" in normalise_chat("is that required by law?")


def test_only_non_profits_allowed_reads_as_reserving():
    from bot.search.textproc import normalise_chat

    assert "reserverad" in normalise_chat("är det lagligt att bara låta ideella föreningar driva vårt boende")


def test_whether_two_things_are_the_same_compares_them():
    assert comparison_sides("asf och samhall samma sak?") == ["asf", "samhall"]
    assert comparison_sides("är skyddad verkstad och samhall samma sak") == ["skyddad verkstad", "samhall"]
    assert comparison_sides("gäller samma regler för LOU och LUF?") == []


def test_who_was_first_and_which_public_buyers_do_it_ask_for_the_cases():
    assert analyse("Vilken kommun var först i Sverige med en reserverad upphandling?").intent == "precedents"
    assert analyse("Vilka offentliga köpare köper cykelservice av sociala företag?").intent == "precedents"


def test_a_statement_then_a_question_after_a_dash_asks_something():
    from bot.answer.analysis import asks_something

    assert asks_something("vi vill reservera tvätten – vad krävs av leverantören")
    assert not asks_something("vi vill reservera tvätten")


def test_a_plus_sign_or_a_granted_point_is_read_as_a_person_types_it():
    # "+" joins two questions like "och"
    assert split_parts("vad är ett socialt företag enligt lagen + hur hittar vi sådana i vår kommun") == [
        "vad är ett socialt företag enligt lagen",
        "hur hittar vi sådana i vår kommun",
    ]
    # "X ok men …" grants X and asks the rest: one question, about X
    assert split_parts("sociala hänsyn ok men vad säger EU om det, är inte det konkurrensbegränsande") == [
        "sociala hänsyn. vad säger EU om det, är inte det konkurrensbegränsande"
    ]


def test_a_compound_with_the_sector_first_names_the_sector():
    assert "livsmedel och måltider" in analyse("exempel på sociala krav i matupphandlingar", NAMES).sectors


def test_outside_sweden_is_abroad_not_sweden():
    a = analyse("finns nåt exempel utanför sverige, t.ex. frankrike eller skottland, på reserved contracts")
    assert a.abroad and a.countries == []
    assert analyse("exempel utanför sverige på sysselsättningskrav").countries == []


def test_how_often_after_a_question_asks_more_of_it_not_how_common_something_is():
    assert split_parts("måste vi följa upp arbetsrättsliga villkor, och hur ofta?") == [
        "måste vi följa upp arbetsrättsliga villkor? hur ofta"
    ]


def test_the_term_whose_meaning_is_asked_is_the_one_defined_however_long_the_others():
    names = Names.from_records(
        [
            {
                "id": "ord-missgynnade",
                "kind": "glossary",
                "title": "Missgynnade personer",
                "synonyms": ["missgynnade"],
            },
            {
                "id": "ord-reserverad",
                "kind": "glossary",
                "title": "Reserverad upphandling",
                "synonyms": ["reserverade kontrakt"],
            },
        ]
    )
    asked = "vad menas med personer som är missgynnade i lagtexten om reserverade kontrakt"
    assert analyse(asked, names).term_docs == {"ord-missgynnade"}


def test_somewhere_in_our_own_procurement_asks_no_precedents():
    assert (
        analyse("ok så vi kör lägsta pris, kan vi ändå få in sociala grejer nånstans").intent != "precedents"
    )
    # ... but "has a social enterprise won somewhere" does
    assert analyse("har ett socialt företag vunnit en städupphandling nånstans?").intent == "precedents"


def test_what_was_it_about_follows_up_the_part_before_it():
    asked = analyse("Har någon kommun köpt något från Samhall? Vad gällde det i så fall")
    assert len(asked.parts) == 1


def test_where_do_i_start_is_broad_but_tips_on_following_up_is_not():
    from bot.answer.overview import asks_overview

    assert asks_overview(analyse("helt ny som upphandlare, var börjar jag med sociala hänsyn lol"))
    assert not asks_overview(analyse("tips på uppföljning av sociala krav efter avtalsstart, har noll koll"))


def test_how_the_asker_feels_after_a_comma_is_no_side():
    assert comparison_sides("LOU eller LOV, fattar inte skillnaden") == ["LOU", "LOV"]
    assert comparison_sides("IOP vs upphandling, mkt förvirrad just nu") == ["IOP", "upphandling"]


def test_two_requirements_in_one_breath_are_two_parts_with_the_frame_in_front():
    asked = analyse("kan vi kräva att leverantören har F-skattsedel och att personalen har schyssta villkor?")
    assert asked.parts == [
        "kan vi kräva att leverantören har F-skattsedel",
        "kan vi kräva att personalen har schyssta villkor",
    ]


def test_a_purchase_where_something_was_done_asks_for_precedents():
    assert analyse("nån bussupphandling där förarna fick behålla jobbet vid byte av operatör?").intent == (
        "precedents"
    )


def test_choosing_between_two_things_is_a_comparison_of_them():
    asked = analyse("Hur väljer vi mellan att reservera enligt 4 kap 18 § och 19 kap 25 a §?")
    assert asked.intent == "comparison" and len(asked.sides) == 2
    assert analyse("hur ska vi välja mellan LOV och LOU för hemtjänsten").sides[0] == "LOV"


def test_choices_with_a_purpose_a_same_thing_or_the_same_way_have_two_sides():
    assert comparison_sides("LOU eller LOV om vi vill att små idéburna aktörer ska kunna vara med?") == [
        "LOU",
        "LOV",
    ]
    assert comparison_sides("reserverad upphandling i LOU vs reserverade kontrakt i LUF, samma sak?") == [
        "reserverad upphandling i LOU",
        "reserverade kontrakt i LUF",
    ]
    assert comparison_sides("Gäller sociala hänsyn på samma sätt i LUF som i LOU?") == ["LUF", "LOU"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # a past passive asks what was done: the cases of that year
        ("Vilka upphandlingar med sociala hänsyn gjordes 2019?", "precedents"),
        # "vad står X för" asks what an abbreviation means
        ("Vad står förkortningen IOP för?", "definition"),
        # a named party as the subject asks whether it may, even when a paragraph is named
        ("Får Samhall lämna anbud i en upphandling som är reserverad enligt 4 kap. 18 §?", "permission"),
        ("Precedents for arbetskläder där man krävt mänskliga rättigheter?", "precedents"),
        # which social enterprises there are asks how to find them
        ("vilka arbetsintegrerande sociala företag finns i kommunen?", "how-to"),
    ],
)
def test_what_the_question_asks_for_in_more_wordings(question, intent):
    assert analyse(question, NAMES).intent == intent


def test_the_year_and_the_paragraph_a_precedent_question_filters_on():
    asked = analyse("Vilka upphandlingar med sociala hänsyn gjordes 2019?", NAMES)
    assert (asked.year_from, asked.year_to) == (2019, 2019)
    # "19 kap. 25 a §" is the reservation for non-profits, whether or not "reservera" is said
    named = analyse("Vad innebär 19 kap. 25 a § och har någon region använt den?", NAMES)
    assert named.instruments == ["reserverad-19-25a"]


def test_a_second_question_that_uses_the_term_the_first_asks_about():
    from bot.answer.queries import part_queries

    parts = split_parts("Vad är LOV och går det att kombinera med sociala hänsyn?")
    assert parts == ["Vad är LOV", "går det att kombinera med sociala hänsyn"]
    assert part_queries(parts)[1].lower().startswith("går lov att kombinera")


def test_chat_intensifiers_and_skipping_the_procurement_in_the_files_words():
    from bot.search.textproc import normalise_chat

    assert "dåligt" in normalise_chat("de betalar sina städare skitdåligt").split()
    assert (
        "direktupphandling" in normalise_chat("kan vi skippa upphandling helt om vi köper av ett asf").split()
    )
    assert normalise_chat("ngn som vet om man kan ge pluspoäng").split()[:2] == ["man", "kan"]


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        # the same thing on either side of a line
        (
            "är det skillnad på sociala hänsyn över och under tröskelvärdet?",
            ["sociala hänsyn över tröskelvärdet", "sociala hänsyn under tröskelvärdet"],
        ),
        # the alternatives, then what is asked of them; "bara" is no part of a side
        (
            "krav på kollektivavtalsenliga villkor eller bara minimilön, vad får vi?",
            ["krav på kollektivavtalsenliga villkor", "minimilön"],
        ),
        (
            "direktupphandling från socialt företag vs reserverad upphandling, när ska vi välja vilket?",
            ["direktupphandling från socialt företag", "reserverad upphandling"],
        ),
        ("ASF eller Samhall, vem ska vi satsa på för lokalvården?", ["ASF", "Samhall"]),
        (
            "är arbetsrättsliga villkor samma sak som sociala klausuler?",
            ["arbetsrättsliga villkor", "sociala klausuler"],
        ),
        # the second side is the first's thing elsewhere, or a paragraph of the same chapter
        (
            "sociala krav i bygg kontra i städ, gäller samma regler?",
            ["sociala krav i bygg", "sociala krav i städ"],
        ),
        (
            "19 kap 25 § eller 25 a §, vilken ska vi använda för ett HVB-hem?",
            ["19 kap 25 §", "19 kap 25 a §"],
        ),
    ],
)
def test_more_ways_of_naming_the_sides(question, sides):
    assert comparison_sides(question) == sides


def test_a_second_question_about_meeting_what_the_first_defines_leans_on_it():
    from bot.answer.queries import part_queries

    parts = ["hur definierar lagen ett socialt företag", "hur kollar vi att anbudsgivaren uppfyller det"]
    assert "socialt" in part_queries(parts)[1].split()


def test_whether_a_named_buyer_has_a_partnership_asks_for_its_cases():
    assert analyse("har stockholms stad IOP med stadsmissionen?", NAMES).intent == "precedents"


def test_a_supplier_not_doing_what_was_required_is_a_breach_in_the_files_words():
    from bot.search.textproc import normalise_chat

    assert "bryter" in normalise_chat("vad händer om leverantören inte anställer dem vi krävt?").split()


def test_throwing_out_a_supplier_we_already_have_is_ending_the_contract():
    from bot.search.textproc import normalise_chat

    words = normalise_chat("vår kaffeleverantör anlitar visst barnarbete, kan vi slänga ut dem?").split()
    assert "hävning" in words
    assert "hävning" not in normalise_chat("kan vi slänga ut en leverantör som anlitar barnarbete?").split()


def test_a_supplier_that_does_not_follow_a_requirement_breaks_it():
    from bot.search.textproc import normalise_chat

    assert "bryter" in normalise_chat("leverantören följer inte sysselsättningskravet, vad gör vi nu").split()


def test_the_risk_of_a_review_is_its_own_part_and_no_filter_on_the_cases_asked_for():
    question = "reserverad upphandling: hur gör man, vad är risken för överprövning, och finns det exempel från Skåne?"
    analysis = analyse(question, NAMES)
    assert len(analysis.parts) == 3 and analysis.parts[1].startswith("vad är risken")
    # Skåne's reserved procurements are asked for, not only those tried in court
    assert analysis.intent == "precedents" and not analysis.in_court


def test_purchases_something_was_done_to_are_cases_asked_for():
    for question in (
        "finns det reserverade upphandlingar som överprövats?",
        "har någon reserverad upphandling överprövats?",
    ):
        analysis = analyse(question, NAMES)
        assert analysis.intent == "precedents" and analysis.in_court, question


def test_a_greeting_and_who_wants_it_asked_are_no_parts():
    parts = split_parts("tjena, kan man ställa krav på kollektivavtal i en städupphandling?? facket tjatar")
    assert len(parts) == 1 and parts[0].startswith("kan man ställa krav på kollektivavtal")


def test_how_many_there_are_is_declined_when_no_file_counts_them():
    from bot.answer.figures import unanswered_count

    reservation = "Minst 30 procent av de sysselsatta ska tillhöra målgruppen (4 kap. 18 § LOU)."
    assert unanswered_count("hur många sociala företag finns det i sverige?", [reservation])
    assert not unanswered_count(
        "hur många sociala företag finns det i sverige?", ["Det finns 350 sociala företag."]
    )
    # a share or a figure asked another way is no count of things
    assert not unanswered_count("hur många procent måste ha funktionsnedsättning?", [reservation])


def test_what_a_word_entails_asks_its_meaning_and_no_yes_or_no():
    assert asks_meaning("Vad innebär ett valfrihetssystem?")
    assert asks_meaning("vad innebär reserverad upphandling")
    assert not asks_meaning("vad innebär det för oss om vi reserverar städningen?")


def test_a_question_after_a_comma_on_the_amount_is_a_part_of_its_own():
    parts = split_parts("Får vi köpa direkt från ett socialt företag, vad är beloppsgränsen?")
    assert parts == ["Får vi köpa direkt från ett socialt företag", "vad är beloppsgränsen"]


def test_a_provision_a_who_may_take_part_and_a_named_buyers_cases_are_three_parts():
    parts = split_parts("Vad säger 4 kap 18 § LOU, vilka får delta och har Region Örebro län använt den?")
    assert len(parts) == 3
    assert parts[1] == "vilka får delta"


def test_how_others_do_it_asks_for_precedents():
    assert (
        analyse("byggupphandling på g och vi vill ha med praktikplatser, hur gör andra?").intent
        == "precedents"
    )


def test_two_things_demanded_of_one_party_are_two_parts():
    parts = split_parts("är det tillåtet att kräva F-skattsedel och kollektivavtal av underleverantörer?")
    assert parts == [
        "är det tillåtet att kräva F-skattsedel av underleverantörer",
        "är det tillåtet att kräva kollektivavtal av underleverantörer",
    ]
    # ... but pay and holidays at the agreement's level are one demand
    assert len(split_parts("kan vi kräva lön och semester enligt kollektivavtal?")) == 1


def test_how_we_know_a_firm_is_a_social_enterprise_asks_what_makes_one():
    assert (
        analyse("hur vet vi om ett företag är ett arbetsintegrerande socialt företag?").intent == "definition"
    )


def test_what_happens_if_they_do_not_asks_what_the_buyer_can_do_about_a_breach():
    from bot.answer.queries import part_queries

    breach = part_queries(
        ["kan vi kräva att leverantören anställer långtidsarbetslösa", "vad händer om de inte gör det"]
    )[1]
    assert breach.startswith("vad gör vi när leverantören inte uppfyller kraven i avtalet")
    assert "långtidsarbetslösa" not in breach  # the demand's words would find the demand again
    struntar = part_queries(
        ["får vi kräva kollektivavtalsenliga löner", "vad gör vi om leverantören struntar i det"]
    )
    assert struntar[1].startswith("vad gör vi när leverantören inte uppfyller")
    # a first part asks on its own, and "om de inte" in another sense is no breach
    assert part_queries(["vad händer om de inte gör det"]) == ["vad händer om de inte gör det"]


def test_dividing_a_contract_and_reserving_a_part_of_it_is_one_question():
    assert split_parts("kan vi dela upp städupphandlingen och reservera en del för sociala företag") == [
        "kan vi dela upp städupphandlingen och reservera en del för sociala företag"
    ]
    # two actions on their own stay two questions
    assert len(split_parts("kan vi dela upp städupphandlingen och kräva kollektivavtalsenliga löner")) == 2


def test_a_request_for_more_examples_stays_with_the_precedent_question_it_follows():
    asked = "Finns det kommunala bostadsbolag som kräver praktikplatser när de renoverar? Ge flera exempel"
    assert len(split_parts(asked)) == 1
    assert analyse(asked).intent == "precedents"
    assert len(split_parts("Har någon region reserverat städning? Ge gärna några exempel.")) == 1


def test_a_part_that_checks_or_names_such_a_thing_takes_the_topic_of_the_part_before():
    from bot.answer.queries import part_queries

    checked = part_queries(
        [
            "Kan vi utesluta en leverantör som brutit mot arbetsrätten",
            "hur kontrollerar vi det innan tilldelning",
        ]
    )[1]
    assert "utesluta" in checked and "arbetsrätten" in checked
    verified = part_queries(
        ["vad betyder socialt företag enligt LOU", "hur kontrollerar vi att en anbudsgivare är det"]
    )[1]
    assert "socialt" in verified and "företag" in verified
    such = part_queries(
        ["Vilka tjänster omfattas av 19 kap. 25 a § LOU", "hur annonserar man en sådan reservation"]
    )[1]
    assert "19 kap. 25 a § LOU" in such
    # a part that names its own subject ("räknas Samhall som ett sådant …") is searched as it is
    samhall = part_queries(
        [
            "Hur definieras ett arbetsintegrerande socialt företag",
            "räknas Samhall som ett sådant när vi reserverar",
        ]
    )[1]
    assert samhall == "räknas Samhall som ett sådant när vi reserverar"
