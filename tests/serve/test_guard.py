"""Refusals of the read-only endpoint: updates and SERVICE, found outside strings,
comments and IRIs, and refused over HTTP before anything runs."""

from __future__ import annotations

import pytest

from regiokg.serve.guard import refusal

UPDATES = [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/evil.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <http://a>",
    "CREATE GRAPH <http://a>",
    "PREFIX x: <http://x/> WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "copy default to <http://a>",
]
HARMLESS = [
    'SELECT * WHERE { ?s ?p "DROP it; INSERT data" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> LOAD",
    "SELECT * WHERE { <http://example.org/load/service> ?p ?o }",
    "PREFIX load: <http://x/> SELECT * WHERE { load:a ?p ?o }",
    "SELECT ?service WHERE { ?service ?p ?o FILTER (?service < ?o) }",
    "SELECT * WHERE { ?s ?p '''multi\nline DELETE'''}",
]


@pytest.mark.parametrize("text", UPDATES)
def test_updates_are_refused_naming_the_operation(text):
    found = refusal(text)
    assert found is not None and found.status == 403
    assert "read-only" in str(found)
    assert text.split()[0].upper() in str(found) or "WITH" in str(found)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where{}service<http://x>{}",
        "SELECT * WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } }",
    ],
)
def test_service_is_refused(text):
    found = refusal(text)
    assert found is not None and "SERVICE" in str(found)


@pytest.mark.parametrize("text", HARMLESS)
def test_keywords_inside_strings_comments_iris_and_names_do_not_count(text):
    assert refusal(text) is None


@pytest.mark.parametrize(
    "params",
    [
        {"query": UPDATES[0]},
        {"query": UPDATES[2]},
        {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/q> { ?s ?p ?o } }"},
        {"update": UPDATES[0]},
    ],
)
def test_the_endpoint_refuses_with_403_and_a_message(client, params):
    response = client.get("/sparql", params=params)
    assert response.status_code == 403
    assert "refused" in response.text


def test_a_posted_sparql_update_is_refused(client, served):
    before = len(served)
    response = client.post(
        "/sparql",
        content=UPDATES[0].encode(),
        headers={"Content-Type": "application/sparql-update"},
    )
    assert response.status_code == 403
    assert len(served) == before
