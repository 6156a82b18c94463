"""Does a precedent match what a question asks for (place, buyer, sector, instrument, from
whom, country, years)? `precedent_list` and the composer use this on the examples' front matter."""

from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge.places import county_of
from ..knowledge.precedents import RESERVATIONS
from .analysis import Analysis
from .filters import detect_instruments, from_social_supplier
from .precedent_words import PRECEDENT, tried_in_court
from .wording import COMBINE, words_of


def asks_swedish_buyers(analysis: Analysis) -> bool:
    """ "Vilka regioner har …" asks about Swedish regions (and "kommuner", "myndigheter",
    "bostadsbolag" about Swedish ones), unless the question asks abroad; joint buyers anywhere."""
    return bool(set(analysis.buyer_types) - {"samverkan"}) and not (analysis.countries or analysis.abroad)


def precedent_matches(record: dict, analysis: Analysis, home_only: bool = True) -> bool:
    """Does a precedent match every filter the question states? (`home_only`: "vilka kommuner"
    asks for Swedish ones; see `precedent_list.lookup` for when it does not.)"""
    country = record.get("country") or "Sverige"
    if analysis.counties:
        county = record.get("county") or county_of(record.get("municipality") or "")
        if county not in analysis.counties and record["id"] not in analysis.buyer_docs:
            return False
    if analysis.municipalities and record["id"] not in analysis.buyer_docs:
        place = {m.lower() for m in analysis.municipalities}
        municipality = (record.get("municipality") or "").lower()
        if municipality not in place and not any(m in record["buyer"].lower() for m in place):
            return False
        if (
            municipality not in place
            and record.get("buyer_type") == "region"
            and any(
                re.search(rf"\b{re.escape(m)}s? (stad|kommun)\b", analysis.question.lower()) for m in place
            )
        ):
            return False  # "Stockholms stad" is not Region Stockholm (a region contract in the city is)
    if analysis.organisations and not analysis.places and record["id"] not in analysis.organisation_docs:
        return False
    # "Samhall som leverantör i Uppsala län": a place asked beside a supplier does not replace it
    if analysis.places and analysis.supplier_docs and record["id"] not in analysis.supplier_docs:
        return False
    if analysis.in_court and not tried_in_court(record):
        return False
    if analysis.sectors and not set(analysis.sectors) & set(record.get("sector", [])):
        return False
    if analysis.not_reserved and set(record.get("instrument", [])) & set(RESERVATIONS):
        return False
    if "lov" in analysis.instruments and "lov" not in record.get("instrument", []):
        return False  # "sysselsättningskrav i LOV": a choice system is where it was done, not one way of many
    if analysis.instruments:
        have = set(record.get("instrument", []))
        wanted = {i for i in analysis.instruments if i != "reserverad"}
        reserved = bool(have & set(RESERVATIONS))
        if "reserverad" in analysis.instruments and re.search(r"\beller\b", analysis.question):
            # "reservera eller ställa sysselsättningskrav – finns det kommuner som gjort det?": either
            if not (reserved or wanted & have):
                return False
        elif "reserverad" in analysis.instruments:
            if not reserved or (both_asked(analysis) and not wanted <= have):
                return False
        elif wanted and not (wanted <= have if both_asked(analysis) else wanted & have):
            return False
    # "Vad har Västerås gjort med sociala företag?" asks what that buyer did ("någon kommun i
    # Jämtland med sociala företag" still asks for social enterprises)
    named = analysis.municipalities or (analysis.organisation_docs - analysis.guessed_docs)
    if analysis.social_suppliers and not named and not from_social_supplier(record):
        return False
    # "någon kommun som …" takes in the municipalities' own companies too
    accepted = set(analysis.buyer_types) | (
        {"kommunalt bolag"} if "kommun" in analysis.buyer_types else set()
    )
    if analysis.buyer_types and record.get("buyer_type") not in accepted and not joint_of(record, accepted):
        return False
    if home_only and asks_swedish_buyers(analysis) and country != "Sverige":
        return False
    if analysis.countries and country not in analysis.countries:
        return False
    if analysis.abroad and country == "Sverige":
        return False
    if analysis.year_from and not (record.get("year") and record["year"] >= analysis.year_from):
        return False
    return not (analysis.year_to and not (record.get("year") and record["year"] <= analysis.year_to))


def joint_of(record: dict, buyer_types: set[str]) -> bool:
    """A joint procurement by buyers of the kind asked: "Sveriges regioner i samverkan" is one
    for "har någon region …"."""
    buyer = (record.get("buyer") or "").lower()
    return record.get("buyer_type") == "samverkan" and any(
        t in ("kommun", "region") and t in buyer for t in buyer_types
    )


def both_asked(analysis: Analysis) -> bool:
    """ "Kan man kombinera sysselsättningskrav med reserverad upphandling? nån som gjort det?" asks
    for cases of both at once; "… finns det exempel på reserverade upphandlingar?" names its own."""
    return _both_asked(analysis.question, tuple(analysis.parts))


@lru_cache(maxsize=256)
def _both_asked(question: str, parts: tuple[str, ...]) -> bool:
    # (cached: a lookup asks this of every precedent it weighs)
    if not COMBINE.search(question):
        return False
    asking = [p for p in parts if PRECEDENT.search(p)]
    return not any(detect_instruments(p, words_of(p)) for p in asking)
