"""Documents a linked-data client or a person meets beside the entity pages: a named
graph's page and data, the VoID description as a page, the index of dumps, and JSON-LD for
a client that asks for plain JSON."""

from __future__ import annotations

import re

import pyoxigraph as ox


def _graph_iri(served) -> str:
    names = sorted(g.value for g in served.named_graphs() if "katowice" in g.value)
    return names[0]


def test_a_named_graph_page_lists_what_it_holds_and_its_source(client, served):
    iri = _graph_iri(served)
    key = iri.split("/graph/", 1)[1]
    page = client.get(f"/page/graph/{key}")
    assert page.status_code == 200
    quads = served.quads_for_pattern(None, None, None, ox.NamedNode(iri))
    named = [q for q in quads if isinstance(q.subject, ox.NamedNode)]
    held = {q.subject.value for q in named}
    assert f"of {len(named)} statements about {len(held)} named subjects" in page.text
    assert "all from the source" in page.text
    assert page.text.count("<tr>") >= len(held)


def test_a_named_graph_data_document_is_its_statements(client, served):
    iri = _graph_iri(served)
    key = iri.split("/graph/", 1)[1]
    response = client.get(f"/data/graph/{key}.nt")
    assert response.status_code == 200
    got = {
        (t.subject, t.predicate, t.object)
        for t in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)
    }
    expected = {q.triple for q in served.quads_for_pattern(None, None, None, ox.NamedNode(iri))}
    assert got == {(t.subject, t.predicate, t.object) for t in expected}


def test_void_has_a_page_for_people(client):
    page = client.get("/void", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Dataset description" in page.text and "triples" in page.text
    turtle = client.get("/void", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")


def test_the_dumps_have_an_index(client):
    page = client.get("/dumps/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    links = re.findall(r'href="(/dumps/regiokg\.[a-z]+)"', page.text)
    assert len(links) >= 6
    for link in links:
        assert client.head(link).status_code == 200
    listing = client.get("/dumps/", headers={"Accept": "application/json"}).json()
    assert {entry["href"] for entry in listing} == set(links)


def test_an_entity_asked_for_as_json_gets_json_ld(client):
    response = client.get("/id/org/pppt", headers={"Accept": "application/json"})
    assert response.status_code == 303
    assert response.headers["location"].endswith(".jsonld")
