"""Precedent lookups: every precedent that matches the place, sector, instrument, buyer type and
years a question asks for, best first, one line each; or, when none matches, a plain statement
that the knowledge base knows none, with the closest ones."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import zip_longest

from ..knowledge.precedents import instrument_label
from ..search.retrieval import SearchResult
from .analysis import Analysis
from .filters import SOCIAL_SUPPLIER_WORDS, from_social_supplier, names_object, the_municipality
from .matching import asks_swedish_buyers, precedent_matches
from .model import PrecedentLine

MAX_LINES = 8
MAX_CLOSEST = 4
MAX_OWN = 2  # of the closest, the named buyer's own other cases listed first
# Fewer Swedish municipalities (or agencies) than this that did what is asked: those abroad too,
# after them, marked with their country. Cities abroad buy the same laundry and park care, so a
# list with room left gains them (five Swedish laundries and Tingvoll's); a state agency's tasks
# differ from country to country, so only when a single Swedish one did.
FEW_AT_HOME = {"kommun": 6, "statlig myndighet": 2}
# When nothing matches, filters are dropped in this order until something does.
RELAXATIONS = (
    ("year_from", "year_to"),
    ("social_suppliers",),
    ("buyer_types",),
    ("municipalities",),
    ("counties",),
    ("sectors",),
    ("instruments",),
    ("in_court",),
)


def line(record: dict, summary: str = "") -> PrecedentLine:
    first = (record.get("sources") or [{}])[0]
    return PrecedentLine(
        doc_id=record["id"],
        title=record["title"],
        buyer=record.get("buyer") or record["title"],
        county=record.get("county"),
        country=record.get("country") or "Sverige",
        year=record.get("year"),
        sector=list(record.get("sector") or []),
        instrument=[instrument_label(k, record.get("country")) for k in record.get("instrument") or []],
        suppliers=list(record.get("suppliers") or []),
        url=first.get("url"),
        summary=summary,
    )


def _ranked(examples: list[dict], result: SearchResult, analysis: Analysis) -> list[dict]:
    """Precedents the question names first, then those of the buyer type it asks for (a
    municipality before a municipal company for "vilka kommuner"; a municipality named as a
    buyer before other buyers in it), then by how well the search
    ranked them, then the newest."""
    rank = {hit.passage.doc_id: n for n, hit in enumerate(result.documents())}
    municipal = any(the_municipality(analysis.question, p) for p in analysis.places if p.kind == "kommun")
    return sorted(
        examples,
        key=lambda r: (
            r["id"] not in analysis.organisation_docs,
            bool(analysis.buyer_types) and r.get("buyer_type") not in analysis.buyer_types,
            # "Har Örebro kommun gjort något?": its own and its companies' before the region's
            municipal and r.get("buyer_type") not in ("kommun", "kommunalt bolag"),
            rank.get(r["id"], 10_000),
            -(r.get("year") or 0),
            r["title"],
        ),
    )


def has_filter(analysis: Analysis) -> bool:
    return bool(
        analysis.counties
        or analysis.municipalities
        or analysis.organisation_docs
        or analysis.sectors
        or analysis.objects
        or analysis.instruments
        or analysis.social_suppliers
        or analysis.countries
        or analysis.abroad
        or analysis.year_from
        or analysis.year_to
        or analysis.in_court
        or (analysis.buyer_types and not analysis.places)
    )


def lookup(analysis: Analysis, result: SearchResult, examples: list[dict]) -> tuple[list[dict], str, int]:
    """(precedents to list, "some" or "none", how many more match than are listed)."""
    examples = [r for r in examples if not left_out(r, analysis.excluded)]
    if not has_filter(analysis):
        ranked = [r for r in _ranked(examples, result, analysis) if _rank_of(r, result) is not None]
        return _swedish_first(ranked, analysis)[:MAX_LINES], "some", 0
    wanted = without_generic_buyer_type(analysis)
    matching = [r for r in examples if precedent_matches(r, wanted)]
    if (
        matching
        and analysis.organisation_docs
        and wanted.buyer_types != analysis.buyer_types
        and not any(precedent_matches(r, analysis) for r in examples)
    ):
        # "har någon kommun köpt något från Reform?" when only a region has: none, and it closest
        return _ranked(matching, result, analysis)[:MAX_CLOSEST], "none", 0
    social_first = False
    if analysis.objects:  # "cykelreparationer": the bike contracts, whatever sector they are filed under
        loose = replace(wanted, sectors=[])
        named = [r for r in examples if names_object(r, analysis.objects) and precedent_matches(r, loose)]
        # "renoverade möbler från sociala företag": when no precedent names the thing at all, none
        # is known, and the others are only the closest
        known = named or any(names_object(r, analysis.objects) for r in examples)
        if known and not named:  # "nån kommun … med cyklar" and only a region did it: the closest
            anyone = replace(loose, buyer_types=[], year_from=None, year_to=None)
            closest = [
                r for r in examples if names_object(r, analysis.objects) and precedent_matches(r, anyone)
            ]
            # ... then the other cases of the thing ("biltvätt direktupphandlad av en kommun": the
            # region that did, then the municipality that bought it another way; "reserverade
            # kaféer" and none reserved: the cafés run by social enterprises some other way)
            other_ways = replace(anyone, instruments=[], social_suppliers=False)
            closest = _ranked(closest, result, analysis)
            closest += [
                r
                for r in _ranked(examples, result, analysis)
                if r not in closest and names_object(r, analysis.objects) and precedent_matches(r, other_ways)
            ]
            if closest:
                return closest[:MAX_CLOSEST], "none", 0
        matching = named or (matching if known else [])
    if analysis.social_suppliers and (
        analysis.municipalities or analysis.organisation_docs - analysis.guessed_docs
    ):
        # "Har Örebro gjort något med sociala företag?": that buyer's contracts with social
        # enterprises when it has any, else all it did (matching.precedent_matches); "Vad har
        # Malmö stad gjort …? Några avtal med sociala företag?" asks for all, those first
        if all(SOCIAL_SUPPLIER_WORDS.search(part) for part in analysis.parts):
            social = [r for r in matching if from_social_supplier(r)]
            if matching and not social:  # "… på Gotland där ett socialt företag fått ett kontrakt?":
                # none known; what that buyer did is the closest
                return _ranked(matching, result, analysis)[:MAX_CLOSEST], "none", 0
            matching = social
        else:
            social_first = True
    if (
        asks_swedish_buyers(wanted)
        and set(wanted.buyer_types) <= set(FEW_AT_HOME)
        and len(matching) < min(FEW_AT_HOME[kind] for kind in wanted.buyer_types or FEW_AT_HOME)
    ):
        # "vilka kommuner har låtit sociala företag sköta parkerna?" and one Swedish one did:
        # the cities abroad that did it too, after it; so too for state agencies (a region
        # abroad is no Swedish region: "vilka regioner" stays with Sweden's)
        abroad = [
            r
            for r in examples
            if r not in matching
            and precedent_matches(r, wanted, home_only=False)
            and (not analysis.objects or names_object(r, analysis.objects))  # ("möbler": theirs too)
        ]
        if abroad and not matching:
            # ... and when no Swedish one did ("har någon kommun köpt IT från ett socialt
            # företag?"): none known in Sweden, and those abroad are the closest
            return _ranked(abroad, result, analysis)[:MAX_CLOSEST], "none", 0
        matching += abroad
    if matching:
        ranked = _procurements_first(_swedish_first(_ranked(matching, result, analysis), analysis), analysis)
        if social_first:
            ranked.sort(key=lambda r: not from_social_supplier(r))
        return ranked[:MAX_LINES], "some", max(0, len(ranked) - MAX_LINES)
    return _named_first(_closest(wanted, result, analysis, examples), analysis, examples), "none", 0


def _procurements_first(ranked: list[dict], analysis: Analysis) -> list[dict]:
    """ "Vilka upphandlingar med sociala hänsyn gjordes 2019?": what was procured before the
    partnerships (an IOP is no procurement) and the support to buyers, unless one is asked for."""
    if analysis.instruments or not PROCUREMENTS_ASKED.search(analysis.question):
        return ranked
    return sorted(ranked, key=lambda r: set(r.get("instrument") or []) <= NO_PROCUREMENT)


PROCUREMENTS_ASKED = re.compile(
    r"\b(upphandlingar(na)?|upphandlingarna|kontrakt(en)?|avtal(en)?)\b", re.IGNORECASE
)
NO_PROCUREMENT = frozenset({"iop", "kunskapsstod"})


def left_out(record: dict, names: list[str]) -> bool:
    """ "förutom Samhall", "mer än Cykelreturen": a precedent whose buyer is one of them, or all
    of whose suppliers are (Samhall and Reform together are still Reform's contract)."""
    suppliers = [s.lower() for s in record.get("suppliers") or []] or [record["title"].lower()]
    buyer = (record.get("buyer") or "").lower()
    return any(name in buyer or all(name in s for s in suppliers) for name in names)


def _swedish_first(ranked: list[dict], analysis: Analysis) -> list[dict]:
    """Swedish precedents before those abroad (in their order), unless the question asks abroad."""
    if analysis.countries or analysis.abroad:
        return ranked
    return sorted(ranked, key=lambda r: (r.get("country") or "Sverige") != "Sverige")


def _closest(wanted: Analysis, result: SearchResult, analysis: Analysis, examples: list[dict]) -> list[dict]:
    around = sorted({c for p in wanted.places if p.kind == "kommun" for c in p.counties})
    if around:
        # "IOP i Stockholm" and none there: the same kind of case in the county around it first
        nearby = replace(wanted, municipalities=[], counties=around)
        found = [r for r in examples if precedent_matches(r, nearby) and r["id"] not in analysis.buyer_docs]
        if found:
            return _swedish_first(_ranked(found, result, analysis), analysis)[:MAX_CLOSEST]
    if wanted.buyer_types and wanted.places:
        # "någon kommun i Skåne … catering": the area's other buyers first (Region Skåne's)
        kept = _relaxed_until(wanted, result, analysis, examples, RELAXATIONS[:3])
        if kept:
            return kept
    if wanted.buyer_types and (wanted.sectors or wanted.objects):
        # "en region som ställt arbetsrättsliga villkor i städupphandling": the same purchase by
        # other kinds of buyer is closest (with no purchase named, the kind of buyer is kept longer)
        # (still in Sweden when the kind of buyer asked meant Swedish ones)
        anyone = replace(wanted, buyer_types=[], countries=["Sverige"] if asks_swedish_buyers(wanted) else [])
        other_buyers = [
            r for r in examples if precedent_matches(r, anyone) and not precedent_matches(r, wanted)
        ]
        if other_buyers:
            return _swedish_first(_ranked(other_buyers, result, analysis), analysis)[:MAX_CLOSEST]
    both = _closest_both_ways(wanted, result, analysis, examples)
    if both:
        return both
    return (
        _relaxed_until(wanted, result, analysis, examples, RELAXATIONS)
        or [r for r in _ranked(examples, result, analysis) if _rank_of(r, result) is not None][:MAX_CLOSEST]
    )


def _relaxed_until(
    wanted: Analysis, result: SearchResult, analysis: Analysis, examples: list[dict], relaxations: tuple
) -> list[dict]:
    """The precedents that match once the filters are dropped in this order, as soon as some do."""
    relaxed = wanted
    for fields in relaxations:
        relaxed = replace(
            relaxed, **{f: (None if f.startswith("year") else type(getattr(relaxed, f))()) for f in fields}
        )
        closest = [r for r in examples if precedent_matches(r, relaxed)]
        if closest and has_filter(relaxed):
            ranked = _swedish_first(_ranked(closest, result, analysis), analysis)
            if "year_from" in fields:  # "från 2010" and none: the nearest years first
                ranked.sort(key=lambda r: _years_off(r, wanted))
            return ranked[:MAX_CLOSEST]
    return []


def _years_off(record: dict, wanted: Analysis) -> int:
    year = record.get("year")
    if not year:
        return 10_000
    low, high = wanted.year_from or year, wanted.year_to or year
    return max(low - year, year - high, 0)


def _named_first(closest: list[dict], analysis: Analysis, examples: list[dict]) -> list[dict]:
    """ "Har Stockholms stad arbetsrättsliga villkor i sina städupphandlingar?" and none known:
    what the buyer named did is the closest, then the others."""
    own = [r for r in examples if r["id"] in analysis.buyer_docs]
    others = [r for r in closest if r not in own]
    # ... but two of its own at most before the others: "exempel på IOP från Stockholm" and none
    # in the city itself: the IOPs in the county around it are as close as the city's other cases
    return (own[:MAX_OWN] + others + own[MAX_OWN:])[:MAX_CLOSEST]


def _closest_both_ways(
    wanted: Analysis, result: SearchResult, analysis: Analysis, examples: list[dict]
) -> list[dict]:
    """When a question asks for two things at once ("reserverat i Dalarna", "reserverad
    fastighetsskötsel") and no precedent has both: the precedents of what was bought when the
    question names it and some exist, else those of each alone, two of each, alternating (the
    place's own first)."""
    abroad = set(wanted.countries) - {"Sverige"}  # ("reserverat i Finland"; "i Sverige" is home)
    axes = [
        ("municipalities", "counties", "countries") if abroad else ("municipalities", "counties"),  # where
        ("sectors",),  # what was bought
        ("instruments", "social_suppliers"),  # how, and from whom
    ]
    asked = [axis for axis in axes if any(getattr(wanted, f) for f in axis)]
    if len(asked) < 2:
        return []
    loose = replace(wanted, year_from=None, year_to=None, buyer_types=[])
    home = not (wanted.countries or wanted.abroad)
    if len(asked) == 3:
        # "en kommun i Skåne som reserverat städningen" and none: those that have two of the
        # three (reserved cleaning elsewhere, reserved in Skåne, cleaning in Skåne), alternating
        pairs = [
            _ranked(
                [
                    r
                    for r in examples
                    if precedent_matches(r, replace(loose, **{f: type(getattr(loose, f))() for f in axis}))
                ],
                result,
                analysis,
            )
            for axis in asked
        ]
        for found in pairs:
            found.sort(key=lambda r: home and (r.get("country") or "Sverige") != "Sverige")
        mixed = [r for row in zip_longest(*(found[:2] for found in pairs)) for r in row if r is not None]
        if mixed:
            return list({r["id"]: r for r in mixed}.values())[:MAX_CLOSEST]
    groups = []
    for axis in asked:
        others = {f: type(getattr(loose, f))() for a in asked if a != axis for f in a}
        found = _ranked(
            [r for r in examples if precedent_matches(r, replace(loose, **others))], result, analysis
        )
        # in Sweden before abroad, unless the question asks abroad
        found.sort(key=lambda r: home and (r.get("country") or "Sverige") != "Sverige")
        if axis == ("sectors",) and found:  # what was bought is the closest: "avfall från
            return found[:MAX_CLOSEST]  # sociala företag" gets the waste contracts, not bike repair
        groups.append(found[:2])
    mixed = [r for row in zip_longest(*groups) for r in row if r is not None]
    return list({r["id"]: r for r in mixed}.values())[:MAX_CLOSEST]


def without_generic_buyer_type(analysis: Analysis) -> Analysis:
    """ "kommunerna i Dalarna" names a place, not a buyer type: with a place, the buyer type
    ("kommun") does not filter."""
    if (
        analysis.buyer_types
        and analysis.organisation_docs
        and not analysis.places
        and AS_AN_EXAMPLE.search(analysis.question)
    ):
        # "någon statlig myndighet, typ Trafikverket eller liknande": the kind of buyer is asked;
        # the one named is an example of it (and listed first)
        return replace(analysis, organisations=[], organisation_docs=set())
    if (
        analysis.places
        and KIND_IN_AREA.search(analysis.question)
        and not any(p.kind == "kommun" for p in analysis.places)
    ):
        # "någon kommun i Skåne", "en statlig myndighet i Västerbotten": that kind, in that area
        return analysis
    if analysis.buyer_types == ["region"] and any(p.kind == "region" for p in analysis.places):
        return analysis  # "Region Uppsala, finns nåt?": the region itself, not the county's towns
    if (
        analysis.places
        or analysis.buyer_docs
        or (analysis.organisation_docs and analysis.buyer_types == ["kommun"])
    ):
        # a supplier named with a narrower kind of buyer ("någon region … med en stadsmission")
        # leaves that kind asked; "vilka kommuner har köpt av Samhall" asks for any buyer
        return replace(analysis, buyer_types=[])
    return analysis


KIND_IN_AREA = re.compile(
    r"\b(någon|nån|ngn|en|ett|vilken|vilket)\s+(statlig\s+|kommunal\s+)?(kommun|region|myndighet|stad)\s+(i|inom|från)\b"
    # "har nåt kommunalt bolag i Västra Götaland …": a company, not the county's towns
    r"|\b(någon|nån|ngn|ett|något|nåt|ngt|vilket|några)\s+(kommunala?t?\s+|allmännyttiga?t?\s+)?"
    r"(bolag|bostadsbolag|fastighetsbolag|energibolag)\s+(i|inom|från)\b"
    r"|\b(kommunernas|regionernas|myndigheternas)\b",  # "i regionernas upphandlingar i Norrland"
    re.IGNORECASE,
)
AS_AN_EXAMPLE = re.compile(
    r"\b(typ|t\.? ?ex|till exempel|exempelvis|såsom)\b|\beller liknande\b", re.IGNORECASE
)


def _rank_of(record: dict, result: SearchResult) -> int | None:
    for n, hit in enumerate(result.documents()):
        if hit.passage.doc_id == record["id"]:
            return n
    return None


def wanted_text(analysis: Analysis, home: bool = True) -> str:
    """What the question asked for, with its prepositions, in words the knowledge base uses:
    "på reserverad upphandling, tvätt i Skåne län", "i Norrbottens län"."""
    bits = [
        instrument_label(i) if i != "reserverad" else "reserverad upphandling" for i in analysis.instruments
    ]
    bits += analysis.objects or analysis.sectors  # "möbler", narrower than its sector
    buyers = []
    # (a buyer named by more than its place: "Malmö stad", not "Göteborg", which is the place)
    places = {p.name.lower() for p in analysis.places}
    named = [n for n in analysis.organisations if n not in analysis.suppliers and n not in places]
    if named and analysis.buyer_docs:  # "hos Region Örebro län", not "hos regioner"
        buyers = [as_typed(n, analysis.question) for n in named]
    elif analysis.buyer_types and (not analysis.places or KIND_IN_AREA.search(analysis.question)):
        buyers = [BUYER_WORDS.get(t, t) for t in analysis.buyer_types]
    # "i Sverige" unless some of those listed are abroad
    swedish = home and asks_swedish_buyers(analysis) and not analysis.places
    # "i Norrland" as asked, not its five counties
    wide = [p.name for p in analysis.places if p.kind == "landskap" and len(p.counties) > 1]
    where = (
        analysis.municipalities  # "i Falun", not "i Dalarnas län"
        or wide
        or sorted(analysis.counties)
        or analysis.countries
        or (["Sverige"] if swedish else [])
    )
    if analysis.abroad:
        where = ["andra länder än Sverige"]
    if named and analysis.buyer_docs:  # the buyer says where
        where = []
    text = f"på {', '.join(bits)}" if bits else ""
    if buyers:  # "på cykel hos kommuner", "hos regioner"
        text = f"{text} hos {' och '.join(buyers)}".strip()
    if analysis.social_suppliers and not re.search(r"\bsocial(t|a) företag", text):
        # (not twice: "på direktupphandling från socialt företag")
        text = f"{text} från sociala företag".strip()
    if where:
        # ("på Gotland", as an island is spoken of)
        at = "på" if len(where) == 1 and where[0] in ISLANDS else "i"
        text = f"{text} {at} {' och '.join(where) if len(where) <= 2 else ', '.join(where[:-1]) + ' och ' + where[-1]}".strip()
    if (analysis.places or analysis.buyer_types) and analysis.supplier_docs:  # "i Uppsala län med Samhall"
        text = (
            f"{text} med {' och '.join(as_typed(n, analysis.question) for n in analysis.suppliers)}".strip()
        )
    if analysis.year_from and analysis.year_from == analysis.year_to:
        text = f"{text} från {analysis.year_from}".strip()
    elif analysis.year_from:
        text = f"{text} från {analysis.year_from} och senare".strip()
    elif analysis.year_to:
        text = f"{text} från {analysis.year_to} eller tidigare".strip()
    if analysis.in_court:
        text = f"{text} som prövats i domstol".strip()
    return text


# municipalities on islands, which Swedish puts "på" before
ISLANDS = frozenset(("Gotland", "Öland", "Orust", "Tjörn", "Lidingö", "Ekerö", "Värmdö", "Öckerö"))


def as_typed(name: str, question: str) -> str:
    """A name the question holds, spelt as the user wrote it ("Samhall", not "samhall"); typed
    all in lower case, as a name is spelt ("stockholms stad" -> "Stockholms stad")."""
    found = re.search(re.escape(name), question, re.IGNORECASE)
    typed = found.group(0) if found else name
    if not typed.islower():
        return typed
    return " ".join(w if w in LOWER_IN_NAMES else w[:1].upper() + w[1:] for w in typed.split())


# the words a Swedish organisation's name keeps in lower case ("Region Örebro län", "Malmö stad")
LOWER_IN_NAMES = frozenset("stad län kommun och i av för med".split())


BUYER_WORDS = {
    "kommun": "kommuner",
    "region": "regioner",
    "statlig myndighet": "statliga myndigheter",
    "kommunalt bolag": "kommunala bolag",
    "samverkan": "flera köpare tillsammans",
}
