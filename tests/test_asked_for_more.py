"""Lists that hold what was asked: a short Swedish list of municipalities gains the cities abroad
that did the same, and an area's support to social enterprises counts as something done with them."""

from bot.answer.analysis import analyse
from bot.answer.precedent_list import lookup
from bot.search.retrieval import SearchResult

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
