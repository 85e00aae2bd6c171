"""The JSON-LD ``@context`` the project ships: well-formed for a JSON-LD processor, naming
only terms that exist, and used by the JSON-LD dump."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from rdflib import RDF, Literal, URIRef

from regiokg.config import Project
from regiokg.export import ExportError, jsonld_context, serialize_dump
from regiokg.export.jsonld import context_path, context_prefixes


@pytest.fixture(scope="module")
def context(project) -> dict:
    return jsonld_context(project)["@context"]


def expand_term(context: dict, term: str) -> str:
    # pyld expands one property with the context, so the check does not rely on our reading.
    expanded = jsonld.expand({"@context": context, term: {"@id": "http://example.org/x"}})
    (key,) = expanded[0]
    return key


def test_context_has_the_prefixes_of_the_reused_vocabularies(context):
    wanted = {
        "rkg": "https://w3id.org/regiokg/ontology#",
        "schema": "https://schema.org/",
        "org": "http://www.w3.org/ns/org#",
        "prov": "http://www.w3.org/ns/prov#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dcterms": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    }
    assert {k: context.get(k) for k in wanted} == wanted


def test_every_term_names_a_property_or_class_the_graph_uses(context, dataset):
    # A misspelt term would silently mint a new IRI; each must be something the graph uses.
    used = {p for _, p, _, _ in dataset.quads()} | set(dataset.objects(None, RDF.type))
    used |= set(dataset.subjects(RDF.type, None))
    prefixes = set(context_prefixes_of(context))
    for term, definition in context.items():
        if term in prefixes:
            continue
        iri = expand_term(context, term)
        assert URIRef(iri) in used, f"term {term!r} expands to {iri}, which the graph never uses"
        coercion = definition.get("@type") if isinstance(definition, dict) else None
        # A coercion must fit every value the graph has for the property.
        for value in dataset.objects(None, URIRef(iri)):
            if coercion == "@id":
                assert isinstance(value, URIRef), (term, value)
            elif coercion is not None:
                datatype = expand_term({**context, "_": coercion}, "_")
                assert isinstance(value, Literal) and str(value.datatype) == datatype, (term, value)


def context_prefixes_of(context: dict) -> list[str]:
    return [k for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))]


def test_context_prefixes_are_the_namespaces_of_the_context(project, context):
    assert context_prefixes(project) == {k: context[k] for k in context_prefixes_of(context)}


def test_jsonld_dump_embeds_the_shipped_context_and_uses_its_terms(store, project, context):
    document = json.loads(serialize_dump(store, "jsonld", project=project))
    assert document["@context"] == context
    text = json.dumps(document)
    for term in ("basedIn", "wasDerivedFrom", "prefLabel", "hasRole", "inSector"):
        assert f'"{term}"' in text
    # The coerced terms carry plain IRIs, not {"@id": ...} objects.
    places = [n for g in document["@graph"] for n in g.get("@graph", []) if "basedIn" in n]
    assert places and all(isinstance(n["basedIn"], (str, list)) for n in places)


def test_a_broken_context_file_is_named_with_its_line(tmp_path):
    # A project with an ontology/ of its own reads its context there (without one it
    # would use the packaged ontology and context).
    (tmp_path / "ontology").mkdir()
    project = Project(tmp_path)
    with pytest.raises(ExportError, match="no JSON-LD context at"):
        jsonld_context(project)
    context_path(project).write_text('{\n  "@context": {\n    "rkg": \n}\n}\n', encoding="utf-8")
    with pytest.raises(ExportError, match=r"context\.jsonld:4:1"):
        jsonld_context(project)
