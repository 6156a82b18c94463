"""The structured fields of a precedent (`kind: example`) and their vocabularies.

Precedents are searched by county, municipality, sector, instrument, buyer type and year, so
these fields take values from fixed lists (documented in knowledge/README.md); `check_example`
reports every field that does not.
"""

from __future__ import annotations

from .places import counties, county_of, municipalities
from .refs import RefError, parse_ref

BUYER_TYPES = ("kommun", "region", "statlig myndighet", "kommunalt bolag", "samverkan", "annan")
SECTORS = (
    "städ och lokalvård",
    "fastighetsskötsel",
    "bygg och anläggning",
    "tvätt",
    "livsmedel och måltider",
    "fordon och transport",
    "IT och telefoni",
    "vård och omsorg",
    "arbetskläder och textil",
    "avfall och återvinning",
    "park och grönyta",
    "kontor och tryck",
    "arbetsmarknadstjänster",
    "flera områden",
    "annat",
)
INSTRUMENTS = {
    "reserverad-4-18": "reserverad upphandling (4 kap. 18 § LOU)",
    "reserverad-19-25": "reserverad upphandling av välfärdstjänster (19 kap. 25 § LOU)",
    "reserverad-19-25a": "reserverad för idéburna organisationer (19 kap. 25 a § LOU)",
    "sysselsattningskrav": "sysselsättningskrav",
    "arbetsrattsliga-villkor": "arbetsrättsliga villkor (17 kap. 2–5 §§ LOU)",
    "socialt-tilldelningskriterium": "socialt tilldelningskriterium",
    "sociala-kontraktsvillkor": "sociala kontraktsvillkor (17 kap. 1 § LOU)",
    "direktupphandling-socialt-foretag": "direktupphandling från socialt företag",
    "iop": "idéburet offentligt partnerskap (IOP)",
    "uteslutning": "uteslutning av leverantör",
    "lov": "valfrihetssystem (LOV)",
    "kunskapsstod": "samverkan och kunskapsstöd",
    "annat": "annat",
}
RESERVATIONS = ("reserverad-4-18", "reserverad-19-25", "reserverad-19-25a")
HOME = "Sverige"


def instrument_label(key: str, country: str | None = None) -> str:
    """The instrument's name; for a case abroad without the Swedish provision, which did not
    apply there ("reserverad upphandling", not "… (4 kap. 18 § LOU)" for a contract in Wales)."""
    label = INSTRUMENTS.get(key, key)
    return label.split(" (")[0] if (country or HOME) != HOME and "LOU)" in label else label


def _text(meta: dict, name: str) -> str:
    value = meta.get(name)
    return str(value).strip() if isinstance(value, (str, int)) else ""


def _vocabulary_list(meta, name, allowed, where, problems) -> None:
    value = meta.get(name)
    if not isinstance(value, list) or not value:
        problems.append(
            f"{where}: {name}: ska vara en lista med minst ett värde ur listan i knowledge/README.md"
        )
        return
    for item in value:
        if item not in allowed:
            problems.append(f"{where}: {name}: okänt värde '{item}' (tillåtna: {', '.join(allowed)})")


def check_example(meta: dict, where: str, problems: list[str]) -> None:
    """Append a `path: field: problem` line for each precedent field that is missing or wrong."""
    if not _text(meta, "buyer"):
        problems.append(f"{where}: buyer: saknas (exempel ska ange köparen)")
    if meta.get("buyer_type") not in BUYER_TYPES:
        problems.append(f"{where}: buyer_type: ska vara ett av {', '.join(BUYER_TYPES)}")
    country = _text(meta, "country") or HOME
    county = meta.get("county")
    if county is not None and county not in counties():
        problems.append(f"{where}: county: '{county}' är inget av de 21 länen (t.ex. 'Skåne län') eller null")
    if county is not None and country != HOME:
        problems.append(f"{where}: county: ska vara null för ett exempel utanför Sverige")
    municipality = _text(meta, "municipality")
    if municipality and country == HOME:
        home = county_of(municipality)
        if municipality.lower() not in municipalities() and home is None:
            problems.append(f"{where}: municipality: '{municipality}' är ingen svensk kommun")
        elif county in counties() and home and home != county:
            problems.append(f"{where}: municipality: {municipality} ligger i {home}, inte i {county}")
    year = meta.get("year")
    if year is not None and not (isinstance(year, int) and 1990 <= year <= 2100):
        problems.append(f"{where}: year: ska vara ett årtal eller null, inte {year!r}")
    _vocabulary_list(meta, "sector", SECTORS, where, problems)
    _vocabulary_list(meta, "instrument", tuple(INSTRUMENTS), where, problems)
    for name in ("procedure", "supplier_type", "outcome"):
        if not _text(meta, name):
            problems.append(f"{where}: {name}: saknas (skriv 'okänt' om källorna inte säger det)")
    if not isinstance(meta.get("suppliers"), list):
        problems.append(f"{where}: suppliers: ska vara en lista (tom om ingen leverantör är känd)")
    review = meta.get("court_review")
    if review is not None and not isinstance(review, str):
        problems.append(f"{where}: court_review: ska vara en text eller null")
    provisions = meta.get("swedish_provisions")
    if country != HOME and not provisions:
        problems.append(f"{where}: swedish_provisions: saknas (vad som skulle gälla i Sverige)")
    for item in provisions or []:
        try:
            parse_ref(str(item))
        except RefError as exc:
            problems.append(f"{where}: swedish_provisions: {exc}")
    if "social_consideration" in meta:
        problems.append(f"{where}: social_consideration: används inte längre; ange instrument i stället")


def precedent_record(meta: dict) -> dict:
    """The structured fields of a precedent as stored in the index (defaults filled in)."""
    return {
        "buyer": _text(meta, "buyer"),
        "buyer_type": meta.get("buyer_type"),
        "municipality": _text(meta, "municipality") or None,
        "county": meta.get("county"),
        "country": _text(meta, "country") or HOME,
        "year": meta.get("year"),
        "sector": list(meta.get("sector") or []),
        "instrument": list(meta.get("instrument") or []),
        "procedure": _text(meta, "procedure") or None,
        "suppliers": [str(s) for s in meta.get("suppliers") or []],
        "supplier_type": _text(meta, "supplier_type") or None,
        "outcome": _text(meta, "outcome") or None,
        "court_review": meta.get("court_review"),
        "swedish_provisions": [str(p) for p in meta.get("swedish_provisions") or []],
    }
