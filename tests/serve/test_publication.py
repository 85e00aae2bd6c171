"""The export stage's documents as served: VoID, every dump, the ontology by content
negotiation and the JSON-LD context."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, VOID

from regiokg.export import FORMATS


def test_void_names_this_servers_endpoint_and_dumps(client, server):
    response = client.get("/void", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    assert (None, VOID.sparqlEndpoint, URIRef(server + "/sparql")) in graph
    assert (None, VOID.dataDump, URIRef(server + "/dumps/regiokg.ttl")) in graph
    assert any(graph.subjects(RDF.type, VOID.Dataset))


def test_void_never_names_the_host_a_client_sends(client, server):
    # A Host header is the client's word: copied into the description it would make the
    # published dataset link to any host an attacker names.
    for host in ("evil.example.org", "another.example"):
        response = client.get("/void", headers={"Accept": "text/turtle", "Host": host})
        assert host not in response.text
        graph = Graph().parse(data=response.text, format="turtle")
        assert (None, VOID.sparqlEndpoint, URIRef(server + "/sparql")) in graph


def test_void_names_the_configured_public_address(project, dataset):
    from fastapi.testclient import TestClient

    from regiokg.serve import create_app
    from regiokg.store import store_from_dataset

    public = "https://kg.example.org/regiokg/"
    app = create_app(project, store=store_from_dataset(dataset), workers=1, public_url=public)
    with TestClient(app) as http:
        graph = Graph().parse(data=http.get("/void").text, format="turtle")
    assert (None, VOID.sparqlEndpoint, URIRef(public + "sparql")) in graph
    assert (None, VOID.dataDump, URIRef(public + "dumps/regiokg.ttl")) in graph


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_dump_parses_and_holds_the_store(client, served, name):
    fmt = FORMATS[name]
    response = client.get(f"/dumps/{fmt.filename}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(fmt.media_type)
    distinct = {(q.subject, q.predicate, q.object) for q in served}
    if fmt.media_type == "application/ld+json":
        # JSON-LD through rdflib's parser, a second reader beside pyoxigraph.
        dataset = Dataset().parse(data=response.content, format="json-ld")
        assert len({(s, p, o) for s, p, o, _ in dataset.quads()}) == len(distinct)
        return
    parsed = ox.parse(response.content, format=ox.RdfFormat.from_media_type(fmt.media_type))
    assert {(q.subject, q.predicate, q.object) for q in parsed} == distinct


def test_the_ontology_is_html_for_browsers_and_turtle_for_rdf_clients(client):
    html = client.get("/ontology", headers={"Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "ClusterInitiative" in html.text
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef("https://w3id.org/regiokg/ontology"), None, None) in graph
    assert html.headers["vary"] == turtle.headers["vary"] == "Accept"


def test_the_jsonld_context_is_served(client):
    response = client.get("/context.jsonld")
    assert response.headers["content-type"].startswith("application/ld+json")
    assert "rkg" in response.json()["@context"]


def test_an_unknown_dump_is_404(client):
    assert client.get("/dumps/regiokg.exe").status_code == 404
