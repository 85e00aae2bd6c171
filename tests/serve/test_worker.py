"""Time and row limits: a query past the time limit is stopped with a clear error and the
server keeps answering; an answer past the row limit is cut and flagged in the headers."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from regiokg.serve.pool import WorkerPool
from regiokg.serve.worker import QuerySyntaxError, QueryTimeout, answer_query

from .conftest import MAX_ROWS, TIMEOUT

# Five copies of every triple joined with each other: far more rows than any limit allows.
CROSS_JOIN = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
)


def test_a_long_query_is_stopped_at_the_limit_and_the_server_stays_up(client):
    response = client.get("/sparql", params={"query": CROSS_JOIN})
    assert response.status_code == 503
    assert f"stopped after {TIMEOUT:g} s" in response.text
    # Both workers answer again (the stopped one is replaced).
    for _ in range(3):
        again = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "format": "json"})
        assert again.status_code == 200 and again.json()["boolean"] is True


def test_the_row_limit_cuts_and_flags_the_answer(client, served):
    assert len(served) > MAX_ROWS
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert response.headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(response.json()["results"]["bindings"]) == MAX_ROWS


def test_an_answer_within_the_limit_is_not_flagged(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"})
    assert "X-SPARQL-Truncated" not in response.headers
    assert len(response.json()["results"]["bindings"]) == 3


def test_the_row_limit_applies_to_graphs(served):
    answer = answer_query(served, {"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, max_rows=7)
    assert answer.form == "GRAPH" and answer.truncated and answer.size == 7
    assert len(answer.payload.decode().strip().splitlines()) == 7


def test_the_pool_reports_syntax_errors_and_timeouts(serve_store):
    pool = WorkerPool(serve_store, size=1, timeout=1.0, max_rows=10, spares=0)
    try:
        with pytest.raises(QuerySyntaxError) as caught:
            pool.run({"query": "SELECT * WHERE {\n ?s ?p }"})
        assert caught.value.line == 2
        with pytest.raises(QueryTimeout):
            pool.run({"query": CROSS_JOIN})
        assert pool.run({"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2"}).size == 2
    finally:
        pool.close()


def _two_graphs() -> ox.Store:
    store = ox.Store()
    for name in ("http://example.org/g1", "http://example.org/g2"):
        graph = ox.NamedNode(name)
        store.add(ox.Quad(graph, ox.NamedNode("http://example.org/p"), graph, graph))
    return store


def _graphs_seen(store: ox.Store, **dataset) -> tuple[int, set[str]]:
    """Triples in the default graph and names of the named graphs a query sees."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = json.loads(answer_query(store, {"query": count, **dataset}, 10).payload)
    graphs = json.loads(answer_query(store, {"query": named, **dataset}, 10).payload)
    n = int(rows["results"]["bindings"][0]["n"]["value"])
    return n, {b["g"]["value"] for b in graphs["results"]["bindings"]}


def test_protocol_graphs_are_the_whole_dataset():
    store, g1, g2 = _two_graphs(), "http://example.org/g1", "http://example.org/g2"
    assert _graphs_seen(store) == (2, {g1, g2})  # the union, and every named graph
    # named-graph-uri alone: an empty default graph (SPARQL 1.1 Protocol, 2.1.4)
    assert _graphs_seen(store, named_graphs=[g2]) == (0, {g2})
    # default-graph-uri alone: no named graphs
    assert _graphs_seen(store, default_graph=[g1]) == (1, set())
    assert _graphs_seen(store, default_graph=[g1], named_graphs=[g1, g2]) == (1, {g1, g2})
