"""The VoID/DCAT description: its figures equal counts made independently, by walking the
rdflib dataset in Python, and it names the licence, publisher, dates, endpoint and dumps."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, FOAF, OWL, VOID

from regiokg.build import build_dataset
from regiokg.config import Project
from regiokg.export import FORMATS, dataset_figures, describe_dataset
from regiokg.export.void import LICENSE, dataset_iri, write_description
from regiokg.store import store_from_dataset

ENDPOINT = "https://kg.example.org/sparql"
DUMPS = "https://kg.example.org/dumps/"
WIKIDATA = "http://www.wikidata.org/entity/"


def namespace(iri) -> str:
    return re.sub(r"[^#/]*$", "", str(iri))


def counted(dataset, project: Project) -> dict:
    """The figures, counted with plain Python over the dataset's quads."""
    triples = {(s, p, o) for s, p, o, _ in dataset.quads()}
    members = defaultdict(set)
    for s, p, o in triples:
        if p == RDF.type:
            members[o].add(s)
    space = project.instance_iri("")
    links = {(s, p, o) for s, p, o in triples if str(o).startswith(WIKIDATA)}
    return {
        "triples": len(triples),
        "entities": len({s for s, _, _ in triples if str(s).startswith(space)}),
        "classes": {str(c): len(m) for c, m in members.items()},
        "links": len(links),
        "vocabularies": {namespace(t) for t in members if isinstance(t, URIRef)}
        | {namespace(p) for _, p, _ in triples},
    }


@pytest.fixture(scope="module")
def description(dataset, project) -> Graph:
    return describe_dataset(dataset, project, sparql_endpoint=ENDPOINT, dumps_base=DUMPS)


def value(graph: Graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def test_figures_equal_independent_counts(description, dataset, project):
    expected = counted(dataset, project)
    ds = dataset_iri(project)
    assert int(value(description, ds, VOID.triples)) == expected["triples"]
    assert int(value(description, ds, VOID.entities)) == expected["entities"]
    partitions = {
        str(value(description, part, VOID["class"])): int(value(description, part, VOID.entities))
        for part in description.objects(ds, VOID.classPartition)
    }
    assert partitions == expected["classes"]
    (linkset,) = description.subjects(RDF.type, VOID.Linkset)
    assert int(value(description, linkset, VOID.triples)) == expected["links"] > 0
    assert value(description, linkset, VOID.linkPredicate) == OWL.sameAs
    vocabularies = {str(v) for v in description.objects(ds, VOID.vocabulary)}
    assert vocabularies == expected["vocabularies"]
    assert {"http://www.w3.org/ns/org#", "https://w3id.org/regiokg/ontology#"} <= vocabularies


def test_the_store_and_the_dataset_give_the_same_figures(dataset, store, project):
    from_store, from_dataset = dataset_figures(store, project), dataset_figures(dataset, project)
    assert from_store.entities == from_dataset.entities
    assert from_store.classes == from_dataset.classes
    assert from_store.wikidata_links == from_dataset.wikidata_links


def test_publication_facts(description, project):
    ds = dataset_iri(project)
    assert {ds} == set(description.subjects(RDF.type, ns.DCAT.Dataset))
    assert (ds, RDF.type, VOID.Dataset) in description
    assert value(description, ds, DCTERMS.license) == LICENSE
    assert str(LICENSE) == "http://creativecommons.org/licenses/by/4.0/"
    publisher = value(description, ds, DCTERMS.publisher)
    assert value(description, publisher, FOAF.name)
    assert {t.language for t in description.objects(ds, DCTERMS.title)} == {"en", "pl"}
    issued = value(description, ds, DCTERMS.issued)
    modified = value(description, ds, DCTERMS.modified)
    assert issued.datatype == modified.datatype == ns.XSD.date
    assert issued.toPython() <= modified.toPython() <= dt.date.today()
    assert value(description, ds, VOID.uriSpace) == Literal(project.instance_iri(""))
    assert value(description, ds, VOID.sparqlEndpoint) == URIRef(ENDPOINT)


def test_every_format_has_a_dump_and_a_distribution(description, project):
    ds = dataset_iri(project)
    dumps = set(description.objects(ds, VOID.dataDump))
    assert dumps == {URIRef(DUMPS + f"regiokg.{fmt.extension}") for fmt in FORMATS.values()}
    media = {}
    for distribution in description.objects(ds, ns.DCAT.distribution):
        url = value(description, distribution, ns.DCAT.downloadURL)
        media[url] = str(value(description, distribution, ns.DCAT.mediaType))
    assert media == {
        URIRef(DUMPS + f"regiokg.{fmt.extension}"): (
            f"https://www.iana.org/assignments/media-types/{fmt.media_type}"
        )
        for fmt in FORMATS.values()
    }


def test_another_base_moves_the_uri_space_and_keeps_the_counts(project, dataset, tmp_path):
    moved = Project(project.root, base_iri="https://example.org/kg/")
    store = store_from_dataset(build_dataset(moved))
    graph = describe_dataset(store, moved, sparql_endpoint=ENDPOINT, dumps_base=DUMPS)
    ds = dataset_iri(moved)
    assert str(ds).startswith("https://example.org/kg/")
    assert value(graph, ds, VOID.uriSpace) == Literal("https://example.org/kg/id/")
    assert int(value(graph, ds, VOID.entities)) == counted(dataset, project)["entities"]


def test_write_description_writes_turtle(store, project, tmp_path):
    path = write_description(store, project, tmp_path, sparql_endpoint=ENDPOINT, dumps_base=DUMPS)
    assert path == tmp_path / "void.ttl"
    graph = Graph().parse(path, format="turtle")
    assert (dataset_iri(project), VOID.sparqlEndpoint, URIRef(ENDPOINT)) in graph
