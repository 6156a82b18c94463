"""Swedish places: the 290 municipalities with their county, the regions, the 21 counties and the
everyday names people use for them ("Dalarna", "Sörmland", "skånska"). Used to validate the
`county` and `municipality` of precedents and to find the places a question names.

The list is `data/places.tsv`, kept in the repository (facts from SCB's county and municipality
codes); a municipality maps to one county, a landscape such as Småland to several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "places.tsv"
ABROAD = Path(__file__).with_name("data") / "abroad.txt"

# Municipality names that are also everyday Swedish (or English) words: they count as places
# only when capitalised or right after "i", "från", "hos" or before "kommun"/"stad".
COMMON_WORDS = frozenset(
    "vara mark berg kil lund boden ale nora mora sala salem åre skara klippan köping kinda eda "
    "habo hjo orsa flen heby".split()
)
_PREPOSITIONS = ("i", "från", "hos", "för", "inom")


@dataclass(frozen=True)
class Place:
    name: str  # as written in the list: "Göteborg", "Region Skåne", "Dalarna"
    kind: str  # kommun | region | län | landskap | adjektiv
    counties: tuple[str, ...]

    @property
    def county(self) -> str | None:
        return self.counties[0] if len(self.counties) == 1 else None


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, name, counties = line.split("\t")
        rows.append((kind, name, counties))
    return tuple(rows)


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    return tuple(
        Place(name, kind, tuple(counties.split(";"))) for kind, name, counties in _rows() if kind != "alias"
    )


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Another language's name for a place -> the place's name in the list ("Gothenburg" ->
    "Göteborg"): rows of kind `alias`, whose third column is the place, not a county."""
    return {name: target for kind, name, target in _rows() if kind == "alias"}


@lru_cache(maxsize=1)
def counties() -> tuple[str, ...]:
    return tuple(p.name for p in places() if p.kind == "län")


@lru_cache(maxsize=1)
def municipalities() -> dict[str, str]:
    """Municipality (lower case) -> county."""
    return {p.name.lower(): p.counties[0] for p in places() if p.kind == "kommun"}


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Single words (lower case) that name a place: a Swedish municipality, county or region
    whose name is no everyday word, or a country or continent abroad ("asien", "kina")."""
    swedish = {p.name.lower() for p in places() if " " not in p.name} | {
        a.lower() for a in aliases() if " " not in a
    }
    abroad = {
        line.strip()
        for line in ABROAD.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return frozenset((swedish - COMMON_WORDS) | {w for w in abroad if " " not in w})


def county_of(name: str) -> str | None:
    """The county of a municipality, region or county name ("Falun" -> "Dalarnas län")."""
    wanted = _norm(name)
    for candidate in (wanted, wanted[:-1] if wanted.endswith("s") else None):
        place = _by_name().get(candidate) if candidate else None
        if place and place.county:
            return place.county
    return None


def _norm(text: str) -> str:
    text = re.sub(r"\s+(kommun|stad|kommuns|stads)$", "", text.strip().lower())
    return text.replace("-", " ")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    names = sorted({p.name for p in places()} | set(aliases()), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\-", "[- ]").replace(r"\ ", "[- ]") for n in names)
    # a name, optionally in the genitive ("Göteborgs", "Skånes"), as a whole word
    return re.compile(rf"(?<![\wåäö])({alternatives})(s)?(?![\wåäö])", re.IGNORECASE)


def find_places(text: str) -> list[Place]:
    """The places a text names, in order, each once. Longer names win ("Region Örebro län"
    over "Örebro"); a name that is also a common word needs a capital or a preposition."""
    by_name = _by_name()
    found: list[Place] = []
    for match in _pattern().finditer(text):
        raw = match.group(1)
        if raw.lower() in COMMON_WORDS and not _looks_like_place(text, match):
            continue
        place = by_name.get(_norm(raw))
        if place and place not in found:
            found.append(place)
    if not found:  # typed without å, ä and ö, in lower case as in a chat ("ngn kommun i skane")
        folded = text.translate(_FOLD)
        for match in _folded_pattern().finditer(folded):
            raw = match.group(1)
            if not text[match.start(1) : match.end(1)].islower():
                continue  # "Skanska" is a company, not "Skånska"
            if raw.lower() in COMMON_WORDS and not _looks_like_place(folded, match):
                continue
            place = _by_folded_name().get(_norm(raw))
            if place and place not in found:
                found.append(place)
    return found


_FOLD = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")


@lru_cache(maxsize=1)
def _by_folded_name() -> dict[str, Place]:
    """Places whose name changes when å, ä and ö are dropped, by that folded name (five letters
    at least: "Åre" folded is the English "are")."""
    out: dict[str, Place] = {}
    for place in places():
        folded = _norm(place.name).translate(_FOLD)
        if folded != _norm(place.name) and len(folded) >= 5:
            out.setdefault(folded, place)
    return out


@lru_cache(maxsize=1)
def _folded_pattern() -> re.Pattern:
    names = sorted(_by_folded_name(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", "[- ]") for n in names)
    return re.compile(rf"(?<![\w])({alternatives})(s)?(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for place in places():
        out.setdefault(_norm(place.name), place)
    for alias, target in aliases().items():
        out.setdefault(_norm(alias), out[_norm(target)])
    return out


def _looks_like_place(text: str, match: re.Match) -> bool:
    raw = match.group(1)
    if raw[0].isupper() and match.start() > 0 and text[: match.start()].rstrip()[-1:] not in ".?!":
        return True
    before = text[: match.start()].split()[-1:] or [""]
    after = text[match.end() :].split()[:1] or [""]
    return before[0].lower() in _PREPOSITIONS or after[0].lower().startswith(("kommun", "stad"))
