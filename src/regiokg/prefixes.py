"""The one prefix table of the project, beside the generated :mod:`regiokg.namespace`: the
short names every output uses for the vocabularies the graph draws on (Turtle written by
the build and the export, the validation report, the server's pages and answers, the
command line's tables), and :func:`curie`, the one way an IRI is shortened with them.

The JSON-LD context the project publishes (``ontology/context.jsonld``) declares the same
prefixes; a test keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

from regiokg.namespace import HELIX, LABEL, RKG, ROLE, SECTOR, STATUS

__all__ = ["PREFIXES", "curie", "project_prefixes"]

#: prefix -> namespace IRI, for every vocabulary the graph and its description use.
PREFIXES: dict[str, str] = {
    "rkg": str(RKG),
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "vann": "http://purl.org/vocab/vann/",
    "void": str(VOID),
    "dcat": str(DCAT),
    "sector": str(SECTOR),
    "role": str(ROLE),
    "status": str(STATUS),
    "helix": str(HELIX),
    "excellence": str(LABEL),
    "nace": "http://data.europa.eu/ux2/nace2/",
    "nuts": "http://data.europa.eu/nuts/code/",
    "wd": "http://www.wikidata.org/entity/",
}


def project_prefixes(project) -> dict[str, str]:
    """:data:`PREFIXES` and the project's own: ``r:`` for its instances (``{base}id/``)
    and ``graph:`` for its named graphs (``{base}graph/``), under its base IRI."""
    return {**PREFIXES, "r": project.instance_iri(""), "graph": project.graph_iri("")}


def curie(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str | None:
    """``iri`` as ``prefix:local`` with the longest namespace of ``prefixes`` it starts
    with (``r:org/gapp`` rather than a shorter match), or None when no namespace fits or
    nothing would be left after the prefix. The caller decides how to show an IRI that
    has no CURIE (whole, in angle brackets …)."""
    fitting = [p for p, ns in prefixes.items() if ns and iri.startswith(ns) and len(iri) > len(ns)]
    if not fitting:
        return None
    best = max(fitting, key=lambda p: len(prefixes[p]))
    return f"{best}:{iri[len(prefixes[best]) :]}"
