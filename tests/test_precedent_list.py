"""Precedent lookups: when nothing has everything the question asks for, the closest of each kind."""

from bot.answer.analysis import analyse
from bot.answer.precedent_list import lookup
from bot.search.retrieval import SearchResult


def example(id_, municipality, sector, instrument, country="Sverige"):
    return {
        "id": id_,
        "kind": "example",
        "title": id_,
        "buyer": f"{municipality} kommun",
        "buyer_type": "kommun",
        "municipality": municipality,
        "country": country,
        "sector": [sector],
        "instrument": [instrument],
        "year": 2020,
    }


def region_example(id_, region, place, sector, instrument, **more):
    """A region's precedent in a place, with no municipality of its own."""
    return example(id_, place, sector, instrument) | {
        "buyer": region,
        "buyer_type": "region",
        "municipality": None,
        **more,
    }


EXAMPLES = [
    example("falun-praktik", "Falun", "bygg och anläggning", "sysselsattningskrav"),
    example("vanersborg-reserverad", "Vänersborg", "park och grönyta", "reserverad-4-18"),
    example("brescia-reserverad", "Brescia", "park och grönyta", "reserverad-4-18", country="Italien"),
    example("boden-stad", "Boden", "städ och lokalvård", "sysselsattningskrav"),
]
NOTHING_FOUND = SearchResult("", [], 0.0, 0.0)


def test_a_place_and_an_instrument_that_never_met_give_the_place_and_the_instrument_elsewhere():
    found, match, _ = lookup(
        analyse("har någon kommun i Dalarna reserverat en upphandling?"), NOTHING_FOUND, EXAMPLES
    )
    assert match == "none"
    # Falun's own precedent, and the reservation in Sweden before the one abroad
    assert [r["id"] for r in found][:2] == ["falun-praktik", "vanersborg-reserverad"]


def test_a_sector_and_an_instrument_that_never_met_give_what_was_bought_in_that_sector():
    found, match, _ = lookup(analyse("exempel på reserverad städning?"), NOTHING_FOUND, EXAMPLES)
    assert match == "none"
    # the cleaning contracts, not reservations of parks: what was bought is what is closest
    assert [r["id"] for r in found] == ["boden-stad"]
    found, match, _ = lookup(analyse("exempel på städning från sociala företag?"), NOTHING_FOUND, EXAMPLES)
    assert match == "none" and [r["id"] for r in found] == ["boden-stad"]


def test_asked_for_municipalities_their_companies_come_too_but_after_them():
    company = example("njudung-stad", "Vetlanda", "städ och lokalvård", "reserverad-4-18") | {
        "buyer": "Njudung Energi",
        "buyer_type": "kommunalt bolag",
    }
    region = example("region-stad", "Örebro", "städ och lokalvård", "reserverad-4-18") | {
        "buyer_type": "region"
    }
    municipality = example("gavle-stad", "Gävle", "städ och lokalvård", "reserverad-4-18")
    found, match, _ = lookup(
        analyse("Finns det någon kommun som reserverat städningen?"),
        NOTHING_FOUND,
        [company, region, municipality],
    )
    assert match == "some"
    assert [r["id"] for r in found] == ["gavle-stad", "njudung-stad"]


def test_swedish_precedents_come_first_unless_the_question_asks_abroad():
    found, match, _ = lookup(analyse("exempel på reserverade kontrakt?"), NOTHING_FOUND, EXAMPLES)
    assert match == "some"
    assert [r["id"] for r in found] == ["vanersborg-reserverad", "brescia-reserverad"]
    found, _, _ = lookup(
        analyse("exempel från danmark eller andra EU-länder på reserverade kontrakt?"),
        NOTHING_FOUND,
        EXAMPLES,
    )
    # "Danmark eller andra EU-länder" is anywhere abroad, not Denmark alone
    assert [r["id"] for r in found] == ["brescia-reserverad"]


def test_a_supplier_named_with_a_county_is_looked_for_in_that_county():
    from bot.answer.names import Names

    iop = example("uppsala-iop", "Uppsala", "vård och omsorg", "iop") | {
        "suppliers": ["Uppsala Stadsmission"]
    }
    names = Names.from_records([iop])
    analysis = analyse("vilka kommuner i västra götaland har ett IOP med stadsmissionen?", names)
    assert analysis.organisation_docs == {"uppsala-iop"}
    found, match, _ = lookup(analysis, NOTHING_FOUND, [iop, *EXAMPLES])
    # Uppsala's IOP with its Stadsmission is not in Västra Götaland: nothing matches
    assert match == "none"


def test_a_supplier_named_with_a_county_it_never_sold_in_is_not_replaced_by_the_countys_others():
    from bot.answer.names import Names
    from bot.answer.precedent_list import wanted_text

    samhall = example("boden-samhall", "Boden", "städ och lokalvård", "reserverad-4-18") | {
        "suppliers": ["Samhall"]
    }
    local = example("uppsala-iop", "Uppsala", "vård och omsorg", "iop") | {"suppliers": ["Stadsmissionen"]}
    names = Names.from_records([samhall, local])
    analysis = analyse("Några exempel med Samhall som leverantör i Uppsala län?", names)
    found, match, _ = lookup(analysis, NOTHING_FOUND, [samhall, local])
    # Uppsala's own IOP is no Samhall contract: none is known there, Samhall's elsewhere is closest
    assert match == "none" and [r["id"] for r in found] == ["boden-samhall"]
    assert wanted_text(analysis) == "i Uppsala län med Samhall"
    found, match, _ = lookup(
        analyse("Har Samhall gjort något i Norrbotten?", names), NOTHING_FOUND, [samhall, local]
    )
    assert match == "some" and [r["id"] for r in found] == ["boden-samhall"]


def test_a_thing_bought_narrower_than_its_sector_gets_the_precedents_that_name_it():
    bikes = {**example("orebro-cykel", "Örebro", "fordon och transport", "direktupphandling-socialt-foretag")}
    bikes["tags"] = ["cykelservice"]
    partnership = {
        **example("orebro-partnerskap", "Örebro", "flera områden", "direktupphandling-socialt-foretag")
    }
    partnership["suppliers"] = ["Cykelreturen"]
    cars = example(
        "karlskrona-bilvard", "Karlskrona", "fordon och transport", "direktupphandling-socialt-foretag"
    )
    examples = [bikes, partnership, cars]
    found, match, _ = lookup(
        analyse("vem har köpt cykelreparationer av sociala företag?"), NOTHING_FOUND, examples
    )
    assert match == "some" and {r["id"] for r in found} == {"orebro-cykel", "orebro-partnerskap"}
    # an illustration, or a broader word asked too, does not narrow the sector
    found, _, _ = lookup(analyse("biltvätt eller fordonsvård från sociala företag?"), NOTHING_FOUND, examples)
    assert {"orebro-cykel", "karlskrona-bilvard"} <= {r["id"] for r in found}


def test_a_partner_no_precedent_mentions_is_named_as_unknown():
    from bot.answer.precedent_answer import unknown_partner
    from bot.search.textproc import stem

    known = frozenset(stem(w) for w in "kvinnojouren stadsmissionen samhall kommun".split())
    assert unknown_partner("har nån kommun gjort iop m röda korset", known) == "röda korset"
    # a partner the precedents name, in another form, and words that end the name are not one
    assert unknown_partner("exempel på IOP med kvinnojourer", known) is None
    assert unknown_partner("IOP med stadsmissionen någonstans?", known) is None
    assert unknown_partner("IOP med en stadsmission i Skåne", known) is None
    # a company named by its form, wherever it stands in the question
    assert unknown_partner("Har Misa AB fått några reserverade kontrakt?", known) == "Misa AB"
    assert unknown_partner("Har Samhall AB fått reserverade kontrakt?", known) is None


def test_a_buyer_named_as_an_example_of_a_kind_lists_every_buyer_of_that_kind():
    from bot.answer.names import Names

    agencies = [
        example(name, "Stockholm", "bygg och anläggning", "sysselsattningskrav")
        | {"buyer": buyer, "buyer_type": "statlig myndighet"}
        for name, buyer in [("trafikverket-krav", "Trafikverket"), ("sic-taxi", "Statens inköpscentral")]
    ]
    names = Names.from_records(agencies)
    found, match, _ = lookup(
        analyse("har någon statlig myndighet ställt krav, typ Trafikverket eller liknande?", names),
        NOTHING_FOUND,
        agencies + EXAMPLES,
    )
    # the one named first, then the other agency; no municipality
    assert match == "some" and [r["id"] for r in found] == ["trafikverket-krav", "sic-taxi"]
    found, _, _ = lookup(
        analyse("har någon statlig myndighet, t.ex. Trafikverket, ställt krav?", names),
        NOTHING_FOUND,
        agencies + EXAMPLES,
    )
    assert [r["id"] for r in found] == ["trafikverket-krav", "sic-taxi"]
    # named without "typ": what that agency did
    found, _, _ = lookup(analyse("har Trafikverket ställt krav?", names), NOTHING_FOUND, agencies)
    assert [r["id"] for r in found] == ["trafikverket-krav"]


def test_a_thing_no_precedent_names_is_not_known_and_the_named_buyers_own_come_first():
    from bot.answer.names import Names

    social = example("kasak-bilvard", "Karlskrona", "annat", "direktupphandling-socialt-foretag")
    found, match, _ = lookup(
        analyse("har någon kommun köpt renoverade möbler från ett socialt företag?"),
        NOTHING_FOUND,
        [social, *EXAMPLES],
    )
    # no precedent mentions furniture: none known, the social enterprises' contracts closest
    assert match == "none" and found[0]["id"] == "kasak-bilvard"
    names = Names.from_records([{"id": "boden-stad", "buyer": "Boden kommun", "suppliers": []}])
    found, match, _ = lookup(
        analyse("Har Boden kommun arbetsrättsliga villkor i sina parkupphandlingar?", names),
        NOTHING_FOUND,
        EXAMPLES,
    )
    assert match == "none" and found[0]["id"] == "boden-stad"


def test_regions_asked_for_take_in_a_joint_procurement_by_regions():
    joint = example("regionerna-sialkot", "Stockholm", "vård och omsorg", "sociala-kontraktsvillkor") | {
        "buyer": "Sveriges regioner i samverkan",
        "buyer_type": "samverkan",
    }
    others = example("upphandlingscenter", "Falun", "vård och omsorg", "sociala-kontraktsvillkor") | {
        "buyer": "UpphandlingsCenter",
        "buyer_type": "samverkan",
    }
    found, match, _ = lookup(
        analyse("har någon region ställt krav på uppförandekod?"), NOTHING_FOUND, [joint, others, *EXAMPLES]
    )
    assert match == "some" and [r["id"] for r in found] == ["regionerna-sialkot"]


def vanersborg() -> tuple[dict, dict]:
    """Vänersborg's reserved contract with a social enterprise, and its employment requirement."""
    social = example("vanersborg-social", "Vänersborg", "park och grönyta", "reserverad-4-18") | {
        "supplier_type": "arbetsintegrerande socialt företag"
    }
    return social, example("vanersborg-praktik", "Vänersborg", "bygg och anläggning", "sysselsattningskrav")


def test_a_named_place_asked_about_social_enterprises_gets_its_contracts_with_them():
    social, other = vanersborg()
    found, match, _ = lookup(
        analyse("Har Vänersborg gjort något med sociala företag?"), NOTHING_FOUND, [other, social]
    )
    assert match == "some" and [r["id"] for r in found] == ["vanersborg-social"]
    # a place with no such contract: none is known, and what that buyer did is the closest
    found, match, _ = lookup(analyse("Har Falun gjort något med sociala företag?"), NOTHING_FOUND, EXAMPLES)
    assert match == "none" and [r["id"] for r in found] == ["falun-praktik"]


def test_what_a_named_buyer_did_and_its_contracts_with_social_enterprises_lists_all_those_first():
    social, other = vanersborg()
    found, match, _ = lookup(
        analyse("Vad har Vänersborg gjort med sociala hänsyn? Några avtal med sociala företag?"),
        NOTHING_FOUND,
        [other, social],
    )
    assert match == "some" and [r["id"] for r in found] == ["vanersborg-social", "vanersborg-praktik"]


def test_buyer_kinds_and_joint_buyers_asked_in_other_words():
    agency = example("af-reserverad", "Stockholm", "annat", "reserverad-4-18") | {
        "buyer_type": "statlig myndighet"
    }
    found, _, _ = lookup(
        analyse("Finns det exempel där en statlig myndighet reserverat en upphandling?"),
        NOTHING_FOUND,
        [agency, *EXAMPLES],
    )
    assert [r["id"] for r in found] == ["af-reserverad"]
    assert analyse("Finns det exempel på att en statlig myndighet har reserverat?").buyer_types == [
        "statlig myndighet"
    ]
    assert analyse("Exempel på samverkan mellan flera kommuner kring sociala hänsyn?").buyer_types == [
        "samverkan"
    ]
    assert analyse(
        "fastighetsskötsel + sysselsättningskrav, ngt allmännyttigt bolag som gjort det?"
    ).buyer_types == ["kommunalt bolag"]


def test_iop_with_womens_shelters_lists_only_those_naming_one():
    shelter = example("kalmar-iop", "Kalmar", "vård och omsorg", "iop") | {"tags": ["kvinnojour"]}
    mission = example("uppsala-iop", "Uppsala", "vård och omsorg", "iop") | {"suppliers": ["Stadsmissionen"]}
    found, match, _ = lookup(
        analyse("Vilka har tecknat IOP med kvinnojourer?"), NOTHING_FOUND, [mission, shelter]
    )
    assert match == "some" and [r["id"] for r in found] == ["kalmar-iop"]


def test_a_supplier_named_keeps_the_narrower_kind_of_buyer_asked():
    from bot.answer.names import Names

    def iop(id_, buyer_type):
        return example(id_, "Uppsala", "vård och omsorg", "iop") | {
            "buyer_type": buyer_type,
            "suppliers": ["Stadsmissionen"],
        }

    examples = [iop("region-iop", "region"), iop("kommun-iop", "kommun")]
    names = Names.from_records(examples)
    found, _, _ = lookup(
        analyse("har någon region gjort IOP med stadsmissionen?", names), NOTHING_FOUND, examples
    )
    assert [r["id"] for r in found] == ["region-iop"]
    # "vilka kommuner" with a supplier named is any buyer of that supplier
    found, _, _ = lookup(
        analyse("vilka kommuner har gjort IOP med stadsmissionen?", names), NOTHING_FOUND, examples
    )
    assert {r["id"] for r in found} == {"region-iop", "kommun-iop"}


def test_bikes_asked_of_municipalities_when_only_a_region_bought_them_give_the_region_as_closest():
    bikes = example("region-cykel", "Örebro", "fordon och transport", "direktupphandling-socialt-foretag") | {
        "buyer_type": "region",
        "suppliers": ["Cykelreturen"],
    }
    cars = example("kommun-bilvard", "Karlskrona", "fordon och transport", "reserverad-4-18")
    found, match, _ = lookup(
        analyse("kolla om nån kommun gjort social procurement med cyklar"), NOTHING_FOUND, [cars, bikes]
    )
    # "cyklar" is the bikes, not any vehicle contract; no municipality bought them, so the
    # region's is the closest and the answer says none matched
    assert match == "none" and [r["id"] for r in found] == ["region-cykel"]


def test_the_kind_of_buyer_asked_is_kept_before_from_whom_when_nothing_has_both():
    idéburen = example("region-reserverad-ideburen", "Stockholm", "vård och omsorg", "reserverad-19-25a") | {
        "buyer_type": "region",
        "supplier_type": "idéburen organisation",
    }
    social = example("kommun-reserverad", "Vänersborg", "park och grönyta", "reserverad-4-18") | {
        "supplier_type": "arbetsintegrerande socialt företag"
    }
    found, match, _ = lookup(
        analyse("Har någon region reserverat en upphandling för sociala företag?"),
        NOTHING_FOUND,
        [social, idéburen],
    )
    # no region reserved for social enterprises: the region that reserved for idéburna is closest
    assert match == "none" and [r["id"] for r in found] == ["region-reserverad-ideburen"]


def test_a_kind_of_buyer_asked_in_an_area_is_kept_and_the_areas_other_buyers_are_closest():
    region = example("region-skane-catering", "Malmö", "livsmedel och måltider", "annat") | {
        "buyer": "Region Skåne",
        "buyer_type": "region",
        "county": "Skåne län",
        "supplier_type": "arbetsintegrerande socialt företag",
    }
    elsewhere = example("gavle-maltider", "Gävle", "livsmedel och måltider", "sysselsattningskrav")
    found, match, _ = lookup(
        analyse("Har någon kommun i Skåne köpt catering av ett socialt företag?"),
        NOTHING_FOUND,
        [elsewhere, region],
    )
    # the region's contract is not a municipality's: none matched, and it is the closest
    assert match == "none" and [r["id"] for r in found] == ["region-skane-catering"]
    # "kommunerna i Dalarna" names the place only: every buyer there matches
    assert lookup(analyse("Vad har kommunerna i Skåne köpt för mat?"), NOTHING_FOUND, [region])[1] == "some"


def test_the_city_is_not_the_region_of_the_same_name_but_a_region_contract_in_the_city_is():
    city = example("stockholm-klausuler", "Stockholm", "bygg och anläggning", "sysselsattningskrav")
    region = region_example(
        "region-stockholm", "Region Stockholm", "Stockholm", "vård och omsorg", "reserverad-4-18"
    )
    found, _, _ = lookup(
        analyse("Stockholm stad – vilka sociala krav har de ställt i upphandlingar?"),
        NOTHING_FOUND,
        [city, region],
    )
    assert [r["id"] for r in found] == ["stockholm-klausuler"]
    in_malmo = example("region-skane-catering", "Malmö", "livsmedel och måltider", "annat") | {
        "buyer": "Region Skåne",
        "buyer_type": "region",
    }
    found, _, _ = lookup(analyse("Vad har Malmö stad gjort med sociala hänsyn?"), NOTHING_FOUND, [in_malmo])
    assert [r["id"] for r in found] == ["region-skane-catering"]


def test_a_year_with_no_precedent_gives_the_nearest_years():
    years = {"early": 2011, "middle": 2016, "late": 2023}
    examples = []
    for id_, year in years.items():
        examples.append(example(id_, "Boden", "bygg och anläggning", "sysselsattningskrav") | {"year": year})
    found, match, _ = lookup(
        analyse("något exempel från 2010 på sysselsättningskrav?"), NOTHING_FOUND, examples
    )
    assert match == "none" and [r["id"] for r in found] == ["early", "middle", "late"]
    found, match, _ = lookup(analyse("exempel från 2016 på sysselsättningskrav?"), NOTHING_FOUND, examples)
    assert match == "some" and [r["id"] for r in found] == ["middle"]


def test_a_thing_bought_that_no_precedent_names_is_said_to_be_unknown_even_alone():
    # "flyttjänster" is the only thing asked: no place, sector or instrument to fall back on
    _, match, _ = lookup(
        analyse("finns exempel på flyttjänster med sociala hänsyn?"), NOTHING_FOUND, EXAMPLES
    )
    assert match == "none"
    _, match, _ = lookup(analyse("något exempel på bevakning med sociala krav?"), NOTHING_FOUND, EXAMPLES)
    assert match == "none"


def test_none_in_the_municipality_asked_gives_the_same_kind_of_case_in_its_county_first():
    huddinge = example("huddinge-iop", "Huddinge", "vård och omsorg", "iop") | {"county": "Stockholms län"}
    kalmar = example("kalmar-iop", "Kalmar", "vård och omsorg", "iop") | {"county": "Kalmar län"}
    stockholm = example("stockholm-sysselsattning", "Stockholm", "bygg och anläggning", "sysselsattningskrav")
    found, match, _ = lookup(
        analyse("ngn exempel på iop i stockholm?"), NOTHING_FOUND, [kalmar, stockholm, huddinge]
    )
    # no IOP in Stockholm itself: the IOP in the county around it is the closest, not one far away
    assert match == "none" and [r["id"] for r in found] == ["huddinge-iop"]


def test_a_region_named_asks_for_that_region_and_not_the_towns_in_its_county():
    town = example("uppsala-ferlin", "Uppsala", "vård och omsorg", "reserverad-19-25a")
    region = region_example(
        "region-uppsala",
        "Region Uppsala",
        "Uppsala",
        "vård och omsorg",
        "sysselsattningskrav",
        county="Uppsala län",
    )
    # no case of the region's own: the town's case is the closest, and the answer says none matched
    found, match, _ = lookup(
        analyse("Region Uppsala sociala hänsyn upphandling, finns nåt dokumenterat?"), NOTHING_FOUND, [town]
    )
    assert match == "none" and [r["id"] for r in found] == ["uppsala-ferlin"]
    found, match, _ = lookup(
        analyse("Region Uppsala sociala hänsyn upphandling, finns nåt dokumenterat?"),
        NOTHING_FOUND,
        [town, region],
    )
    assert match == "some" and [r["id"] for r in found] == ["region-uppsala"]
    # "i Region Uppsala" is only where: the town's case is in it
    _, match, _ = lookup(
        analyse("finns det exempel på sociala hänsyn i Region Uppsala?"), NOTHING_FOUND, [town]
    )
    assert match == "some"


def test_with_no_known_case_the_guidance_on_the_instrument_asked_leads():
    from types import SimpleNamespace

    from composer_kit import composer_over, ranked

    from bot.answer.precedent_answer import on_the_instrument_asked

    comp, passages = composer_over(
        {
            ("sociala-foretag", "guidance", "Sociala företag som leverantörer"): {
                "kort-svar": "I en vanlig …"
            },
            ("lov-4-2", "law", "4 kap. 2 § LOV – särskilda villkor"): {
                "kort-svar": "Lagen om valfrihetssystem …"
            },
            ("lov", "guidance", "Sociala hänsyn i valfrihetssystem enligt LOV"): {
                "kort-svar": "I ett valfrihetssystem …"
            },
        }
    )
    result = ranked(passages, {"sociala-foretag": 0.030, "lov-4-2": 0.029, "lov": 0.028})
    asked = SimpleNamespace(instruments=["lov"])
    assert on_the_instrument_asked(comp, result, asked, set()).doc_id == "lov"
    assert on_the_instrument_asked(comp, result, SimpleNamespace(instruments=["iop"]), set()) is None


def test_a_work_integration_company_abroad_counts_as_a_social_enterprise():
    from bot.answer.filters import from_social_supplier

    assert from_social_supplier(
        {"supplier_type": "arbetsintegrerande företag (arbeids- og inkluderingsbedrift)"}
    )
    assert not from_social_supplier(
        {"supplier_type": "företag för återbruk och återvinning av IT-utrustning"}
    )


def test_municipalities_asked_for_with_one_swedish_case_get_the_cities_abroad_after_it():
    found, match, _ = lookup(
        analyse("Vilka kommuner har reserverat skötseln av parker?"), NOTHING_FOUND, EXAMPLES
    )
    assert match == "some"
    assert [r["id"] for r in found] == ["vanersborg-reserverad", "brescia-reserverad"]
    # with six Swedish cases or more, "vilka kommuner" stays with Swedish municipalities
    more = [*EXAMPLES] + [
        example(f"{m.lower()}-reserverad", m, "park och grönyta", "reserverad-4-18")
        for m in ("Lund", "Umeå", "Gävle", "Luleå", "Kiruna")
    ]
    found, _, _ = lookup(analyse("Vilka kommuner har reserverat skötseln av parker?"), NOTHING_FOUND, more)
    assert "brescia-reserverad" not in {r["id"] for r in found} and len(found) == 6


def test_a_plural_genitive_asks_for_that_kind_of_buyer_even_in_an_area():
    assert analyse("exempel på sociala hänsyn i regionernas upphandlingar").buyer_types == ["region"]
    falun_region = region_example(
        "region-dalarna-stad", "Region Dalarna", "Falun", "städ och lokalvård", "sysselsattningskrav"
    ) | {"county": "Dalarnas län"}
    found, match, _ = lookup(
        analyse("any good examples på sociala hänsyn i regionernas upphandlingar i Dalarna"),
        NOTHING_FOUND,
        [falun_region, *EXAMPLES],
    )
    assert match == "some" and [r["id"] for r in found] == ["region-dalarna-stad"]


def test_agencies_asked_for_with_one_swedish_case_get_the_agencies_abroad_after_it():
    agency = example("trafikverket", "Borlänge", "bygg och anläggning", "sysselsattningskrav") | {
        "buyer_type": "statlig myndighet"
    }
    abroad = example("ndfa", "Dublin", "bygg och anläggning", "sysselsattningskrav", country="Irland") | {
        "buyer_type": "statlig myndighet"
    }
    found, _, _ = lookup(
        analyse("Vilka statliga myndigheter har ställt sysselsättningskrav?"),
        NOTHING_FOUND,
        [abroad, agency, *EXAMPLES],
    )
    assert [r["id"] for r in found] == ["trafikverket", "ndfa"]


def test_none_in_a_named_city_lists_two_of_its_own_cases_then_the_countys_cases_of_that_kind():
    from bot.answer.names import Names

    huddinge = example("huddinge-iop", "Huddinge", "vård och omsorg", "iop") | {"county": "Stockholms län"}
    own = [
        example(f"stockholm-{n}", "Stockholm", "bygg och anläggning", "sysselsattningskrav")
        | {"year": 2020 - n}
        for n in range(3)
    ]
    names = Names.from_records(
        [{"id": r["id"], "buyer": "Stockholms stad", "suppliers": []} for r in own]
        + [{"id": "huddinge-iop", "buyer": "Huddinge kommun", "suppliers": []}]
    )
    found, match, _ = lookup(
        analyse("finns det exempel på IOP från Stockholms stad?", names), NOTHING_FOUND, [*own, huddinge]
    )
    # the city's own first, but not so many that the IOP next door drops off the list
    assert match == "none"
    assert [r["id"] for r in found][:3] == ["stockholm-0", "stockholm-1", "huddinge-iop"]


def test_a_supplier_left_out_is_not_listed_and_filters_nothing():
    from bot.answer.names import Names

    samhall = example(
        "orebro-samhall-biltvatt", "Örebro", "fordon och transport", "direktupphandling-socialt-foretag"
    )
    kasak = example(
        "karlskrona-kasak", "Karlskrona", "fordon och transport", "direktupphandling-socialt-foretag"
    )
    samhall |= {
        "title": "Örebro – biltvätt från Samhall",
        "suppliers": ["Samhall"],
        "supplier_type": "Samhall",
    }
    kasak |= {
        "title": "Karlskrona – biltvätt från KASAK",
        "suppliers": ["KASAK"],
        "supplier_type": "arbetsintegrerande socialt företag",
    }
    names = Names.from_records(
        [{"id": r["id"], "buyer": r["buyer"], "suppliers": r["suppliers"]} for r in (samhall, kasak)]
    )
    analysis = analyse("exempel på biltvätt från sociala företag förutom Samhall?", names)
    assert analysis.organisations == [] and analysis.excluded == ["samhall"]
    found, match, _ = lookup(analysis, NOTHING_FOUND, [samhall, kasak, *EXAMPLES])
    assert match == "some" and [r["id"] for r in found] == ["karlskrona-kasak"]


def test_what_was_asked_names_social_enterprises_once():
    from bot.answer.precedent_list import wanted_text

    asked = wanted_text(analyse("ge flera exempel på direktupphandling från sociala företag"))
    assert asked.count("socia") == 1, asked


def test_a_place_a_sector_and_an_instrument_never_met_give_those_with_two_of_the_three():
    examples = [
        example("kristianstad-reserverad-tvatt", "Kristianstad", "tvätt", "reserverad-4-18"),
        example("vetlanda-reserverad-stad", "Vetlanda", "städ och lokalvård", "reserverad-4-18"),
        example("malmo-stad-praktik", "Malmö", "städ och lokalvård", "sysselsattningskrav"),
        example("falun-praktik", "Falun", "bygg och anläggning", "sysselsattningskrav"),
        example("boden-stad", "Boden", "städ och lokalvård", "sysselsattningskrav"),
    ]
    found, match, _ = lookup(
        analyse("finns det nån kommun i skåne som reserverat städupphandlingen för sociala företag?"),
        NOTHING_FOUND,
        examples,
    )
    assert match == "none"
    # reserved cleaning elsewhere, reserved in Skåne, cleaning in Skåne: not every cleaning contract
    assert {r["id"] for r in found} == {
        "vetlanda-reserverad-stad",
        "kristianstad-reserverad-tvatt",
        "malmo-stad-praktik",
    }


def test_a_supplier_whose_name_is_a_common_word_is_found_only_as_written_and_by_no_other_buyer():
    from bot.answer.names import Names

    region = example("region-bilvard", "Örebro", "fordon", "direktupphandling-socialt-foretag") | {
        "buyer": "Region Örebro län",
        "buyer_type": "region",
        "suppliers": ["Reform"],
    }
    other = example("kommun-stad", "Örebro", "städ och lokalvård", "reserverad")
    names = Names.from_records([region, other])
    assert analyse("Har någon kommun köpt något från Reform?", names).organisation_docs == {"region-bilvard"}
    # the word, not the name: at the start of a sentence or in lower case
    assert not analyse("Reform av LOU, vad innebär den?", names).organisations
    assert not analyse("vad innebär den nya reform som regeringen föreslår", names).organisations
    # only a region bought from it: no municipality is known, and the region is the closest
    found, match, _ = lookup(
        analyse("Har någon kommun köpt något från Reform?", names), NOTHING_FOUND, [region, other]
    )
    assert (match, [r["id"] for r in found]) == ("none", ["region-bilvard"])


def test_a_kind_of_buyer_that_never_bought_it_gets_the_same_purchase_by_other_buyers_first():
    same = example("kommun-stad-villkor", "Malmö", "städ och lokalvård", "arbetsrattsliga-villkor")
    cleaning = example("kommun-stad-praktik", "Gävle", "städ och lokalvård", "sysselsattningskrav")
    found, match, _ = lookup(
        analyse("finns exempel där en region ställt arbetsrättsliga villkor i städupphandling"),
        NOTHING_FOUND,
        [cleaning, same],
    )
    assert (match, [r["id"] for r in found]) == ("none", ["kommun-stad-villkor"])


def test_a_thing_bought_in_no_way_asked_gets_its_cases_bought_another_way():
    cafe = example("kafe-socialt", "Landskrona", "livsmedel och måltider", "annat") | {
        "title": "Kaféet i konsthallen drevs av ett socialt företag"
    }
    fruit = example("frukt-reserverad", "Gävle", "livsmedel och måltider", "reserverad")
    found, match, _ = lookup(
        analyse("vilka kommuner har reserverat upphandlingar av kaféverksamhet?"),
        NOTHING_FOUND,
        [fruit, cafe],
    )
    # no café was reserved: the café run another way is closest, not the reserved fruit
    assert (match, [r["id"] for r in found]) == ("none", ["kafe-socialt"])


def test_a_wide_area_is_named_as_asked_and_several_counties_read_as_a_list():
    from bot.answer.precedent_list import wanted_text

    # "i Norrland", not its five counties joined by "och"
    assert wanted_text(analyse("har någon kommun i norrland reserverat något?")).endswith("i Norrland")
    assert wanted_text(analyse("exempel i skåne och blekinge och halland?")).endswith(
        "i Blekinge län, Hallands län och Skåne län"
    )


def test_a_list_of_procurements_puts_what_was_procured_before_partnerships_and_support():
    from bot.answer.precedent_list import _procurements_first

    ranked = [
        {"id": "iop", "instrument": ["iop"]},
        {"id": "stod", "instrument": ["kunskapsstod"]},
        {"id": "reserverad", "instrument": ["reserverad-4-18"]},
    ]
    asked = analyse("Vilka upphandlingar med sociala hänsyn gjordes 2019?")
    assert [r["id"] for r in _procurements_first(ranked, asked)] == ["reserverad", "iop", "stod"]
    # "exempel från 2019" asks for any case, in the order found
    assert [r["id"] for r in _procurements_first(ranked, analyse("exempel från 2019?"))] == [
        "iop",
        "stod",
        "reserverad",
    ]


def test_when_no_swedish_municipality_did_it_the_ones_abroad_are_the_closest_not_a_match():
    examples = [
        example("oslo-it", "Oslo", "IT och telefoni", "direktupphandling-socialt-foretag", country="Norge"),
        example("falun-it", "Falun", "IT och telefoni", "sysselsattningskrav"),
    ]
    analysis = analyse("Har någon kommun köpt IT från ett socialt företag?")
    records, match, _ = lookup(analysis, NOTHING_FOUND, examples)
    assert match == "none"
    assert [r["id"] for r in records] == ["oslo-it"]


def test_a_few_swedish_cases_are_followed_by_those_abroad():
    examples = [
        example("ludvika-tvatt", "Ludvika", "tvätt", "reserverad-4-18"),
        example("lulea-tvatt", "Luleå", "tvätt", "reserverad-4-18"),
        example("tingvoll-tvatt", "Tingvoll", "tvätt", "reserverad-4-18", country="Norge"),
    ]
    analysis = analyse("Har någon kommun reserverat en upphandling av tvätt?")
    records, match, _ = lookup(analysis, NOTHING_FOUND, examples)
    assert match == "some"
    assert [r["id"] for r in records][-1] == "tingvoll-tvatt" and len(records) == 3


def test_reuse_of_computers_is_it_not_any_reuse():
    from bot.answer.analysis import words_of
    from bot.answer.filters import detect_sectors

    assert detect_sectors(words_of("Har någon köpt IT-återbruk från ett socialt företag?")) == [
        "IT och telefoni"
    ]
    assert detect_sectors(words_of("återbruk av datorer")) == ["IT och telefoni"]
    assert "avfall och återvinning" in detect_sectors(words_of("återvinning och återbruk av it-utrustning"))


def test_none_known_for_a_named_buyer_says_that_buyer_not_its_kind():
    from bot.answer.names import Names
    from bot.answer.precedent_list import wanted_text

    names = Names.from_records([{"id": "orebro-cykel", "buyer": "Region Örebro län", "suppliers": []}])
    analysis = analyse("har Region Örebro län reserverat något?", names)
    assert wanted_text(analysis) == "på reserverad upphandling hos Region Örebro län"


def test_a_purchase_that_was_not_reserved_leaves_out_the_reserved_ones():
    examples = [
        example("kristianstad-reserverad", "Kristianstad", "tvätt", "reserverad-4-18")
        | {"suppliers": ["Samhall"]},
        example("gislaved-direkt", "Gislaved", "städ och lokalvård", "direktupphandling-socialt-foretag")
        | {"suppliers": ["Samhall"]},
    ]
    from bot.answer.names import Names

    names = Names.from_records(examples)
    analysis = analyse("exempel på när Samhall vunnit en upphandling som inte var reserverad", names)
    records, match, _ = lookup(analysis, NOTHING_FOUND, examples)
    assert [r["id"] for r in records] == ["gislaved-direkt"]


def test_employment_requirements_in_a_choice_system_are_none_known_when_none_was_in_one():
    examples = [example("falun-praktik", "Falun", "bygg och anläggning", "sysselsattningskrav")]
    records, match, _ = lookup(
        analyse("sysselsättningskrav i LOV, finns det exempel?"), NOTHING_FOUND, examples
    )
    assert match == "none"


def test_an_instrument_unknown_in_a_country_gives_that_countrys_cases_and_the_instrument_elsewhere():
    examples = [
        example("vantaa-syss", "Vantaa", "vård och omsorg", "sysselsattningskrav", country="Finland"),
        example(
            "tampere-villkor", "Tampere", "vård och omsorg", "sociala-kontraktsvillkor", country="Finland"
        ),
        example("brescia-reserverad", "Brescia", "park och grönyta", "reserverad-4-18", country="Italien"),
        example("vanersborg-reserverad", "Vänersborg", "park och grönyta", "reserverad-4-18"),
    ]
    analysis = analyse("finns det exempel från Finland på reserverade kontrakt")
    records, match, _ = lookup(analysis, NOTHING_FOUND, examples)
    assert match == "none"
    ids = [r["id"] for r in records]
    # the Finnish cases and the reserved contracts elsewhere, alternating
    assert {"vantaa-syss", "brescia-reserverad"} <= set(ids[:2]) | set(ids[2:3])
    assert any(i.endswith("reserverad") for i in ids[:2]) and any(
        i.startswith(("vantaa", "tampere")) for i in ids[:2]
    )


def test_a_buyer_typed_in_lower_case_is_named_as_its_name_is_spelt():
    from bot.answer.precedent_list import as_typed

    assert as_typed("stockholms stad", "har stockholms stad använt iop?") == "Stockholms stad"
    assert as_typed("region örebro län", "har region örebro län reserverat?") == "Region Örebro län"
    assert as_typed("samhall", "har SAMHALL gjort nåt") == "SAMHALL"  # as typed when not all lower case


def test_an_island_is_spoken_of_with_på():
    from bot.answer.precedent_list import wanted_text

    assert wanted_text(analyse("exempel på sysselsättningskrav på Gotland")).endswith("på Gotland")
    assert wanted_text(analyse("exempel på sysselsättningskrav i Falun")).endswith("i Falun")
