"""Query targets: chosen once from what the caller has, each sent the same bound text, each
answering and failing alike."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from regiokg.query import (
    DatasetTarget,
    EndpointTarget,
    QueryError,
    QueryResult,
    SparqlTarget,
    StoreTarget,
    as_target,
    bound_text,
    load_queries,
    open_target,
    run,
)
from regiokg.store import StoreNotFound


class Recording:
    """A target of our own that keeps the text it is sent."""

    where = "recording"

    def __init__(self):
        self.texts = []

    def execute(self, text, form, *, prefixes, where=None):
        self.texts.append(text)
        return QueryResult("ASK", boolean=True)

    def quads(self):
        return iter(())


def test_each_kind_of_value_becomes_its_target():
    assert isinstance(as_target(ox.Store()), StoreTarget)
    assert isinstance(as_target(Dataset()), DatasetTarget)
    assert isinstance(as_target(Graph()), DatasetTarget)
    endpoint = as_target("http://127.0.0.1:9/query", timeout=5)
    assert isinstance(endpoint, EndpointTarget) and endpoint.timeout == 5
    recording = Recording()
    assert isinstance(recording, SparqlTarget)
    assert as_target(recording) is recording
    with pytest.raises(TypeError, match="cannot run a query on dict"):
        as_target({})
    with pytest.raises(TypeError, match="cannot run a query on str"):
        as_target("queries/x.rq")


def test_every_target_is_sent_the_one_bound_text(project):
    query = load_queries(project)["cq15_entity_sources"]
    params = {"entity": "https://w3id.org/regiokg/id/org/pppt"}
    recording = Recording()
    run(recording, query, params)
    assert recording.texts == [bound_text(query, params)]
    assert (
        "VALUES (?_entity_iri) { (<https://w3id.org/regiokg/id/org/pppt>) }" in (recording.texts[0])
    )


def test_syntax_errors_read_the_same_on_every_target(dataset):
    broken = "SELECT * WHERE { ?s ?p }"
    messages = set()
    for target in (StoreTarget(ox.Store()), DatasetTarget(dataset)):
        with pytest.raises(QueryError) as error:
            run(target, broken)
        messages.add(str(error.value))
        assert (error.value.line, error.value.column) == (1, 25)
    assert len(messages) == 1
    assert "SPARQL syntax error at line 1, column 25" in messages.pop()


def test_a_missing_store_says_to_build(tmp_path, project):
    with pytest.raises(StoreNotFound, match="regiokg build"):
        open_target(project, store_dir=tmp_path / "none")
    assert isinstance(open_target(project, endpoint="http://127.0.0.1:9/q"), EndpointTarget)


def test_quads_keep_named_graphs_and_an_endpoint_offers_none(dataset):
    quads = list(DatasetTarget(dataset).quads())
    assert len(quads) == len(list(dataset.quads()))
    assert not any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    with pytest.raises(QueryError, match="remote endpoint"):
        EndpointTarget("http://127.0.0.1:9/query").quads()
