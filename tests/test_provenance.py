"""Every fact of the curated graph can be traced to its source document."""

from __future__ import annotations

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

RKG = "https://w3id.org/regiokg/ontology#"
NARY = {
    URIRef(RKG + "Participation"),
    URIRef(RKG + "Funding"),
    URIRef(RKG + "Twinning"),
    URIRef("http://www.w3.org/ns/org#Membership"),
    URIRef("http://www.w3.org/ns/org#Post"),
}


def _curated_graphs(dataset, project):
    ontology = URIRef(project.graph_iri("ontology"))
    return [g for g in dataset.graphs() if len(g) and g.identifier != ontology]


def _documents(dataset):
    kinds = {URIRef(RKG + k) for k in ("NewsItem", "Presentation", "CuratedReference")}
    return {s for k in kinds for s in dataset.subjects(RDF.type, k)}


def test_every_typed_instance_names_a_source_document(dataset, project):
    documents = _documents(dataset)
    missing = []
    for graph in _curated_graphs(dataset, project):
        for subject in set(graph.subjects(RDF.type, None)):
            if subject in documents or not isinstance(subject, URIRef):
                continue
            if (subject, RDF.type, PROV.Derivation) in graph:
                # Evidence names the document it points into, or its reference.
                assert graph.value(subject, PROV.entity) is not None, subject
                continue
            sources = set(graph.objects(subject, PROV.wasDerivedFrom))
            if not sources & documents:
                missing.append((graph.identifier, subject))
    assert missing == []


def test_each_file_credits_its_own_document(dataset, project):
    """A subject a seed's file says anything about is credited to that seed, so the named
    graph and prov:wasDerivedFrom agree on where a statement comes from."""
    for graph in _curated_graphs(dataset, project):
        own = {d for d in _documents(dataset) if (d, None, None) in graph}
        assert len(own) == 1, graph.identifier
        (document,) = own
        for subject in set(graph.subjects()):
            if (subject, RDF.type, PROV.Derivation) in graph:
                continue
            if isinstance(subject, URIRef) and subject != document:
                assert (subject, PROV.wasDerivedFrom, document) in graph, (
                    graph.identifier,
                    subject,
                )


def test_nary_statements_have_sources(dataset):
    documents = _documents(dataset)
    count = 0
    for cls in NARY:
        for node in dataset.subjects(RDF.type, cls):
            count += 1
            assert set(dataset.objects(node, PROV.wasDerivedFrom)) & documents, node
    assert count > 50


def test_shared_entities_have_one_iri_across_documents(dataset):
    katowice = URIRef("https://w3id.org/regiokg/id/city/katowice")
    aviation = URIRef("https://w3id.org/regiokg/id/org/slaski-klaster-lotniczy")
    assert len(set(dataset.objects(katowice, PROV.wasDerivedFrom))) >= 3
    assert len(set(dataset.objects(aviation, PROV.wasDerivedFrom))) == 2


def test_entities_have_labels_in_polish_or_english(dataset, project):
    unlabelled = []
    for graph in _curated_graphs(dataset, project):
        for subject, cls in graph.subject_objects(RDF.type):
            evidence = (subject, RDF.type, PROV.Derivation) in graph
            if cls in NARY or evidence or not isinstance(subject, URIRef):
                continue
            labels = [
                label
                for p in (RDFS.label, SKOS.prefLabel, DCTERMS.title, FOAF.name)
                for label in dataset.objects(subject, p)
            ]
            if not labels:
                unlabelled.append(subject)
    assert unlabelled == []


def test_source_documents_describe_date_and_language(dataset):
    for document in _documents(dataset):
        assert dataset.value(document, DCTERMS.language) is not None, document
        assert dataset.value(document, URIRef(RKG + "sourceFile")) is not None, document
    seeds = [d for d in _documents(dataset) if "/document/0" in d]
    assert len(seeds) == 5
    for document in seeds:
        dated = dataset.value(document, DCTERMS.issued) or dataset.value(document, DCTERMS.date)
        assert dated is not None, document
