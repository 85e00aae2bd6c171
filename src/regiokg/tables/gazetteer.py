"""Places and organisations an import links to: the curated ones first, new ones minted.

The curated graph (``graph/*.ttl`` with the ontology) and the earlier imports
(``imports/*.nt``) are read once into an in-memory store and asked two named queries
(``import_places``, ``import_organisations``); "curated" below means any of them, so a
member list imported after CORDIS links to the CORDIS organisations too. Then:

* a **country** is the curated one with the same ISO code (CORDIS writes ``EL`` for Greece
  and ``UK`` for the United Kingdom; both are read as ISO codes), else
  ``country/{slug of its English name}``;
* a **region** is the curated region whose NUTS code is the longest prefix of the row's NUTS
  code (``PL227`` lies in ``PL22``, Śląskie), else a region minted at NUTS level 2,
  ``region/nuts-pl21``, linked to ``http://data.europa.eu/nuts/code/PL21``;
* a **city** is the curated city of the same country one of whose names agrees with the
  row's city after :func:`~regiokg.tables.cleaning.normalise_name`, else
  ``city/{slug}-{country code}``, placed in the row's region (or country);
* an **organisation** is the curated one that shares an identifier with the row (PIC or VAT
  number), or one of whose names (any label, alternative label or legal name) agrees with
  one of the row's names after normalisation and without a legal form at the end
  (:func:`organisation_name_key`) *and* that is based in the same city. A match
  means one IRI: the import adds its statements to the curated organisation's IRI, so the
  network commands see one node.

Everything minted is recorded once as a row of :attr:`Gazetteer.new_places`, for the
mapping to describe (with the file and line it was first seen on).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SDO, SKOS

from regiokg.config import DEFAULT_BASE, Project
from regiokg.namespace import RKG
from regiokg.query import get_query, run
from regiokg.sources import discover, read_triples
from regiokg.tables.cleaning import FieldError, normalise_name, slug

__all__ = ["Gazetteer", "Origin", "organisation_name_key"]

ID = DEFAULT_BASE + "id/"
NUTS = "http://data.europa.eu/nuts/code/"
_NUTS_CODE = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")
# CORDIS (like Eurostat) uses EL for Greece and UK for the United Kingdom.
_COUNTRY_ALIASES = {"EL": "GR", "UK": "GB"}
# The predicates the identity queries read (import_places.rq, import_organisations.rq).
_INDEXED = {
    str(term)
    for term in (
        RDF.type,
        RDFS.label,
        SKOS.prefLabel,
        SKOS.altLabel,
        SKOS.notation,
        SDO.legalName,
        SDO.containedInPlace,
        SDO.vatID,
        RKG.basedIn,
        RKG.pic,
    )
}
# Legal forms at the end of a name ("S.A.", "sp. z o.o.", "SAS", "GmbH") do not tell two
# organisations apart: the identity rule compares names without them.
_LEGAL_FORM = re.compile(
    r"( (s a|sa|sp z o o|spolka z o o|sp k|sp j|ltd|limited|plc|gmbh|ag|sas|sarl|sasu|"
    r"srl|spa|bv|nv|oy|ab|as|asbl|vzw|eg|e v|ev))+$"
)


def organisation_name_key(name: str) -> str:
    """A name as the identity rule of organisations compares it: normalised
    (:func:`~regiokg.tables.cleaning.normalise_name`) and without a legal form at the end
    ("PŁOCKI PARK PRZEMYSŁOWO-TECHNOLOGICZNY SA" and "Płocki Park
    Przemysłowo-Technologiczny S.A." agree)."""
    return _LEGAL_FORM.sub("", normalise_name(name)) or normalise_name(name)


@dataclass(frozen=True)
class Origin:
    """Where a record comes from: the source-table key and the line."""

    table: str
    line: int


@dataclass
class Gazetteer:
    """The curated places and organisations of a project, and the places minted so far.
    Build it with :meth:`from_project`; it is then asked one row at a time."""

    countries: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    cities: dict[tuple[str, str], str] = field(default_factory=dict)
    org_names: dict[tuple[str, str | None], str] = field(default_factory=dict)
    org_ids: dict[str, str] = field(default_factory=dict)
    org_by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    minted_orgs: dict[tuple[str, str | None], str] = field(default_factory=dict)
    _taken_org_iris: set[str] = field(default_factory=set)
    curated: set[str] = field(default_factory=set)
    new_places: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def from_project(cls, project: Project, *, exclude: Path | None = None) -> Gazetteer:
        """Read the ontology, the curated files and the earlier imports of ``project``
        (all but ``exclude``, the file an import is about to replace) and index their
        countries, regions, cities and organisations."""
        store = ox.Store()
        skip = Path(exclude).resolve() if exclude is not None else None
        for source in discover(project):
            if source.path.resolve() == skip:
                continue
            graph = ox.NamedNode(project.graph_iri(source.graph_name))
            if source.is_import:
                # An import may hold millions of triples: stream it, keeping only what
                # the two queries read.
                triples = (
                    t
                    for t in ox.parse(path=str(source.path), format=ox.RdfFormat.N_TRIPLES)
                    if t.predicate.value in _INDEXED
                )
            else:
                triples = read_triples(source.path)
            store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        gazetteer = cls()
        for row in run(store, get_query(project, "import_places")):
            place, code = str(row.place), str(row.code or "")
            country = str(row.countryCode or "")
            gazetteer.curated.add(place)
            if row.kind.value == "country":
                gazetteer.countries[code] = place
            elif row.kind.value == "region":
                gazetteer.regions[code] = place
            elif row.name is not None:
                gazetteer.cities[(country, normalise_name(str(row.name)))] = place
        for row in run(store, get_query(project, "import_organisations")):
            org = str(row.org)
            gazetteer.curated.add(org)
            gazetteer._taken_org_iris.add(org)
            city = str(row.city) if row.city is not None else None
            key = organisation_name_key(str(row.name))
            gazetteer.org_names.setdefault((key, city), org)
            gazetteer.org_by_name[key].add(org)
            for prefix, value in (("pic:", row.pic), ("vat:", row.vat)):
                if value is not None:
                    gazetteer.org_ids[prefix + str(value)] = org
        return gazetteer

    def is_curated(self, iri: str) -> bool:
        """Whether ``iri`` names a place or organisation of the curated graph."""
        return iri in self.curated

    def country(self, code: str, origin: Origin, field_name: str = "country") -> str:
        """The country IRI for an ISO 3166 alpha-2 code (or CORDIS's EL, UK)."""
        import pycountry

        code = _COUNTRY_ALIASES.get(code.upper(), code.upper())
        if code in self.countries:
            return self.countries[code]
        found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        if found is None:
            raise FieldError(field_name, f"{code!r} is not an ISO 3166 country code")
        name = getattr(found, "common_name", None) or found.name
        iri = f"{ID}country/{slug(name)}"
        self.countries[code] = iri
        self.new_places["countries"].append(
            {"iri": iri, "code": code, "label": name, **_origin(origin)}
        )
        return iri

    def region(self, nuts: str, country_iri: str, origin: Origin) -> str | None:
        """The region IRI for a NUTS code of any level: the curated region with the longest
        matching code, else one minted at level 2; None for codes that name no region
        (country level, or the extra-regio ``…Z`` codes)."""
        nuts = nuts.upper()
        if not _NUTS_CODE.match(nuts):
            raise FieldError("nutsCode", f"{nuts!r} is not a NUTS code")
        for length in range(len(nuts), 2, -1):
            if nuts[:length] in self.regions:
                return self.regions[nuts[:length]]
        code = nuts[:4]
        if len(code) < 3 or "Z" in code[2:]:
            return None
        iri = f"{ID}region/nuts-{code.lower()}"
        self.regions[code] = iri
        self.new_places["regions"].append(
            {
                "iri": iri,
                "code": code,
                "nuts": NUTS + code,
                "label": f"NUTS {code}",
                "country": country_iri,
                **_origin(origin),
            }
        )
        return iri

    def city(
        self, name: str, country_code: str, within: str, origin: Origin, *, language: str = "en"
    ) -> str:
        """The city IRI for a city name in a country: a curated city of that country with
        the same name after normalisation, else one minted (placed ``within`` the region or
        country IRI given). Names written all in capitals, as CORDIS has them, are labelled
        in title case."""
        country_code = _COUNTRY_ALIASES.get(country_code.upper(), country_code.upper())
        key = (country_code, normalise_name(name))
        if key in self.cities:
            return self.cities[key]
        iri = f"{ID}city/{slug(name)}-{country_code.lower()}"
        self.cities[key] = iri
        label = name.title() if name.isupper() else name
        self.new_places["cities"].append(
            {"iri": iri, f"label_{language}": label, "within": within, **_origin(origin)}
        )
        return iri

    def organisation(
        self, names: list[str], city_iri: str | None, identifiers: dict[str, str | None]
    ) -> str | None:
        """The curated organisation this one is the same as, by the identity rule (a shared
        PIC or VAT number; or a shared name, after normalisation, and the same city; or,
        when the row gives no city, a name only one curated organisation has), or None."""
        for kind, value in identifiers.items():
            if value and f"{kind}:{value}" in self.org_ids:
                return self.org_ids[f"{kind}:{value}"]
        for name in names:
            if name:
                found = self.org_names.get((organisation_name_key(name), city_iri))
                if found is not None:
                    return found
                same_name = self.org_by_name.get(organisation_name_key(name), set())
                if city_iri is None and len(same_name) == 1:
                    return next(iter(same_name))
        return None

    def mint_organisation(self, name: str, city_iri: str | None) -> tuple[str, bool]:
        """The IRI for an organisation no curated one matches, ``org/{slug}`` (with the
        city's slug added when another organisation of that name has the short IRI), and
        whether it is new to this import. The same name in the same city is one
        organisation."""
        key = (organisation_name_key(name), city_iri)
        if key in self.minted_orgs:
            return self.minted_orgs[key], False
        iri = f"{ID}org/{slug(name)}"
        taken = self._taken_org_iris
        if iri in taken and city_iri:
            iri = f"{iri}-{city_iri.rsplit('/', 1)[-1]}"
        n = 2
        base = iri
        while iri in taken:
            iri, n = f"{base}-{n}", n + 1
        self.minted_orgs[key] = iri
        taken.add(iri)
        return iri, True

    def drain(self) -> dict[str, list[dict]]:
        """The places minted since the last call, by kind, and forget them (their IRIs stay
        known, so each is described once)."""
        drained = {kind: rows for kind, rows in self.new_places.items() if rows}
        self.new_places = defaultdict(list)
        return drained


def _origin(origin: Origin) -> dict:
    return {"table": origin.table, "line": origin.line}
