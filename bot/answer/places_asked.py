"""Which places a question asks about: not where the asker sits ("Upphandlare i Västerås här.
Vilka kommuner har …?"), and not municipalities guessed inside a county the question names."""

from __future__ import annotations

import re

from ..knowledge.places import Place

# "Upphandlare i Västerås här. Vilka kommuner har …?", "Vi är en liten kommun i Värmland, finns ngn
# liknande kommun som …?": where the asker sits, not where the precedents asked for are
_ASKER_AT = re.compile(
    r"(\b(jag|vi)\s+(är|sitter|jobbar|arbetar|bor|finns)(\s+(en|ett))?(\s+[\wåäö]+){0,2}?"
    r"|\b(upphandlare|inköpare|politiker|tjänsteperson|upphandlingschef|nämndordförande))\s+(i|på|från|inom)\s*$",
    re.IGNORECASE,
)
_OTHER_BUYERS = re.compile(
    r"\b(vilka|någon|nån|ngn|några|nåra|andra|annan|liknande)\s+([\wåäö]+\s+)?(kommun|kommuner|region|regioner|köpare)\b",
    re.IGNORECASE,
)
_NEAR_US = re.compile(
    r"\b(här i|hos oss|i närheten|i vår (kommun|region|län)|i länet|grann\w*|närliggande"
    r"|(kommun|kommuner|region|regioner|någon|nån|ngn|något|nåt|några) här)\b",
    re.IGNORECASE,
)


def where_the_asker_sits(text: str, places: list[Place]) -> list[Place]:
    """The places a question names only as where the asker sits, when it asks about other buyers
    (and not about those near them)."""
    if not _OTHER_BUYERS.search(text) or _NEAR_US.search(text):
        return []
    out = []
    for place in places:
        named = re.search(rf"\b{re.escape(place.name)}", text, re.IGNORECASE)
        if named and _ASKER_AT.search(text[max(0, named.start() - 60) : named.start()]):
            out.append(place)
    return out


def guesses_dropped(text: str, places: list[Place]) -> list[str]:
    """The municipalities a question asks about. When it names a county too and every
    municipality lies in it, they are guesses or where the asker sits ("i Skåne? Helsingborg
    eller Lund kanske", "i Jämtland … vi sitter i Östersund"): the county is asked, not them.
    "Östersund i Jämtland" still names Östersund."""
    named = [p.name for p in places if p.kind == "kommun"]
    wider = [p for p in places if p.kind != "kommun"]
    counties = {c for p in wider for c in p.counties}
    if not named or not counties:
        return named
    inside = all(any(c in counties for c in p.counties) for p in places if p.kind == "kommun")
    located = any(
        re.search(rf"\b{re.escape(m)}s?\s*(,|i|in|inom)\s*{re.escape(w.name)}", text, re.IGNORECASE)
        for m in named
        for w in wider
    )
    return [] if inside and not located else named
