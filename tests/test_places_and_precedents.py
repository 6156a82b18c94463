"""Places named in questions, and the structured fields every precedent must have."""

import json
from pathlib import Path

import pytest

from bot.knowledge.loader import parse_document
from bot.knowledge.places import counties, county_of, find_places, municipalities


def test_the_list_holds_every_municipality_and_county():
    assert len(municipalities()) == 290
    assert len(counties()) == 21
    assert county_of("Falun") == "Dalarnas län"
    assert county_of("Heby") == "Uppsala län"
    assert county_of("Göteborgs stad") == "Västra Götalands län"
    assert county_of("Region Skåne") == "Skåne län"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("finns det exempel i Dalarna?", ["Dalarna"]),
        ("hur gjorde Göteborgs stad med städningen", ["Göteborg"]),
        ("reserverat i Region Örebro län och i Malmö", ["Region Örebro län", "Malmö"]),
        ("skånska kommuner som reserverat tvätt", ["skånska"]),
        ("nåt från upplands väsby?", ["Upplands Väsby"]),
        ("exempel på sysselsättningskrav i Lund", ["Lund"]),
        ("exempel från lund", ["Lund"]),
        # an English name is the place itself
        ("any social procurement examples from Gothenburg?", ["Göteborg"]),
    ],
)
def test_places_named_in_a_question_are_found(question, names):
    assert [p.name for p in find_places(question)] == names


@pytest.mark.parametrize(
    "question",
    [
        "ska det vara en reserverad upphandling?",
        "vi köper mark för att bygga en skola",
        "kan en lund vara med",
        "Vara kan vi kräva kollektivavtal?",
    ],
)
def test_everyday_words_are_not_taken_for_places(question):
    assert find_places(question) == []


def test_an_english_name_is_not_a_municipality_a_precedent_may_give():
    assert "göteborg" in municipalities() and "gothenburg" not in municipalities()


def test_a_landscape_spanning_counties_names_them_all():
    (place,) = find_places("några exempel från Småland?")
    assert set(place.counties) == {"Jönköpings län", "Kronobergs län", "Kalmar län"}


PRECEDENT = """---
id: {id}
title: Exempel
kind: example
refs: []
sources: [{{url: "https://example.se/a", title: A}}]
checked: 2026-12-03
buyer: Falu kommun
{fields}
---
# Exempel
## Kort svar
Text.
## Det vet vi inte
Allt.
"""
GOOD = """buyer_type: kommun
municipality: Falun
county: Dalarnas län
year: 2021
sector: [städ och lokalvård]
instrument: [reserverad-4-18]
procedure: öppet förfarande
suppliers: [Städkooperativet]
supplier_type: arbetsintegrerande socialt företag
outcome: Två anställda.
court_review: null"""


def problems_of(tmp_path: Path, fields: str) -> list[str]:
    path = tmp_path / "knowledge" / "example" / "exempel.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PRECEDENT.format(id="exempel", fields=fields), encoding="utf-8")
    return parse_document(path, tmp_path / "knowledge")[1]


def test_a_complete_precedent_is_valid(tmp_path):
    assert problems_of(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("sector: [städ och lokalvård]", "sector: [städ]"), "sector"),
        (("instrument: [reserverad-4-18]", "instrument: []"), "instrument"),
        (("county: Dalarnas län", "county: Skåne län"), "municipality"),
        (("county: Dalarnas län", "county: Dalarna"), "county"),
        (("buyer_type: kommun", "buyer_type: stad"), "buyer_type"),
        (("outcome: Två anställda.", "outcome: ''"), "outcome"),
        (("year: 2021", "year: förra året"), "year"),
        (
            ("court_review: null", "court_review: null\nsocial_consideration: reserverad"),
            "social_consideration",
        ),
        (("county: Dalarnas län", "county: null\ncountry: Frankrike"), "swedish_provisions"),
    ],
)
def test_each_wrong_field_is_named(tmp_path, change, field):
    old, new = change
    problems = problems_of(tmp_path, GOOD.replace(old, new))
    assert problems and all(f": {field}: " in p for p in problems), problems
    assert all(p.startswith("knowledge/example/exempel.md: ") for p in problems)


def test_examples_filter_by_county_sector_instrument_and_year(env):
    from click.testing import CliRunner

    from bot.cli.main import main

    def ids(*topic: str) -> list[str]:
        result = CliRunner().invoke(main, ["examples", "--json", *topic])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["id"] for line in result.stdout.splitlines()]

    assert set(ids()) == {
        "region-orebro-cykelreturen",
        "vanersborg-servicekompaniet",
        "kristianstad-samhall-arbetsklader",
    }
    assert ids("tvätt") == ["kristianstad-samhall-arbetsklader"]
    assert ids("Skåne län") == ["kristianstad-samhall-arbetsklader"]
    assert ids("i", "Dalarna") == []
    assert set(ids("reserverad")) == {"vanersborg-servicekompaniet", "kristianstad-samhall-arbetsklader"}
    assert ids("reserverad", "2017") == ["vanersborg-servicekompaniet"]
    assert ids("reserverad", "Västra", "Götaland", "2022") == []
    text = CliRunner().invoke(main, ["examples", "reserverad"]).output
    assert text.startswith("2 prejudikat om ”reserverad”.")
    assert "Vänersborgs kommun (2017), Västra Götalands län – gatustädning" in text


def test_a_lookup_that_filters_ranks_the_precedents_it_lists_first(pipeline):
    from bot.answer.analysis import analyse
    from bot.answer.pipeline import matching_precedents

    engine = pipeline.refresh()
    asked = "Vilka exempel finns det i Västra Götaland?"
    analysis = analyse(asked, engine.names)
    assert matching_precedents(engine, asked, analysis, "precedents") == {"vanersborg-servicekompaniet"}
    # the rules asked about a place lift no case, nor does a part of the question
    assert matching_precedents(engine, asked, analysis, "permission") == set()
    assert matching_precedents(engine, "i Västra Götaland", analysis, "precedents") == set()
    answer = pipeline.ask(asked)
    assert answer.sources[0].doc_id == "vanersborg-servicekompaniet"
