"""Results written back into the store come back from SPARQL: the top_brokers query
returns what was saved, each value is tied to its entity, measure, network definition and
run, and a run is one named graph."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from regiokg.namespace import MEASURE, RKG
from regiokg.network import analysis_graph, collaboration_network, measure_table, save_analysis
from regiokg.query import get_query, run
from regiokg.store import store_from_dataset

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture
def store(dataset):
    """A fresh store per test, so that saved runs do not meet."""
    return store_from_dataset(dataset)


@pytest.fixture(scope="module")
def network_2011(dataset, project):
    return collaboration_network(store_from_dataset(dataset), start=2011, end=2013, project=project)


def test_saved_brokers_come_back_from_the_top_brokers_query(store, project, network_2011):
    table = measure_table(network_2011, "brokerage", groups="region")
    graph = analysis_graph(network_2011, table, project=project)
    assert save_analysis(store, graph) == graph.identifier
    assert str(graph.identifier).startswith(project.graph_iri("analysis/"))

    answer = run(store, get_query(project, "top_brokers")).to_dataframe()
    saved = table[table["total"] > 0]
    assert sorted(map(str, answer["entity"])) == sorted(saved["entity"])
    for _, row in answer.iterrows():
        mine = saved[saved["entity"] == str(row["entity"])].iloc[0]
        assert (row["value"], row["rank"]) == (mine["total"], mine["rank"])
    assert set(answer["network_kind"]) == {"organisations"}

    liaison = MEASURE["brokerage-liaison"]
    answer = run(store, get_query(project, "top_brokers"), {"measure": liaison}).to_dataframe()
    assert sorted(map(str, answer["entity"])) == sorted(table[table["liaison"] > 0]["entity"])
    # Asked for country groups, nothing was saved.
    assert len(run(store, get_query(project, "top_brokers"), {"groups": "country"})) == 0


def test_the_latest_run_wins(store, project, network_2011):
    early = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    table = measure_table(network_2011, "brokerage", groups="region")
    save_analysis(store, analysis_graph(network_2011, table, project=project, started=early))
    smaller = table.head(1)
    later = analysis_graph(network_2011, smaller, project=project)
    save_analysis(store, later)
    answer = run(store, get_query(project, "top_brokers")).to_dataframe()
    assert list(map(str, answer["entity"])) == list(smaller["entity"])
    assert {str(r) for r in answer["run"]} == {
        str(next(later.subjects(RDF.type, RKG.NetworkAnalysis)))
    }


def test_the_run_is_a_prov_activity_with_its_network_and_parameters(project, network_2011):
    table = measure_table(network_2011, "betweenness", k=5, seed=2)
    graph = analysis_graph(network_2011, table, project=project, run_id="test-run")
    run_iri = URIRef(project.instance_iri("analysis/test-run"))
    assert (run_iri, RDF.type, RKG.NetworkAnalysis) in graph
    assert (run_iri, RKG.networkMeasure, MEASURE.betweenness) in graph
    assert graph.value(run_iri, PROV.startedAtTime).datatype == URIRef(XSD + "dateTime")
    parameters = {
        str(graph.value(p, URIRef("https://schema.org/name"))): graph.value(
            p, URIRef("https://schema.org/value")
        ).toPython()
        for p in graph.objects(run_iri, RKG.parameter)
    }
    assert parameters == {"k": 5, "seed": 2}
    network = graph.value(run_iri, PROV.used)
    assert graph.value(network, RKG.networkKind) == Literal("organisations")
    assert graph.value(network, RKG.fromYear) == Literal("2011", datatype=XSD + "gYear")
    assert graph.value(network, RKG.toYear) == Literal("2013", datatype=XSD + "gYear")
    values = list(graph.subjects(RDF.type, RKG.MeasureValue))
    assert len(values) == len(table)
    for value in values:
        assert graph.value(value, PROV.wasGeneratedBy) == run_iri
        assert graph.value(value, RKG.inNetwork) == network
        entity = str(graph.value(value, RKG.measuredEntity))
        row = table[table["entity"] == entity].iloc[0]
        assert graph.value(value, RDF.value).toPython() == pytest.approx(row["value"])
        assert graph.value(value, RKG.rank).toPython() == row["rank"]


def test_equal_definitions_share_one_network_node(project, network_2011):
    first = analysis_graph(network_2011, measure_table(network_2011, "degree"), project=project)
    second = analysis_graph(network_2011, measure_table(network_2011, "kcore"), project=project)
    assert set(first.subjects(RDF.type, RKG.NetworkDefinition)) == set(
        second.subjects(RDF.type, RKG.NetworkDefinition)
    )


def test_communities_record_the_modularity(project, network_2011):
    table = measure_table(network_2011, "communities")
    graph = analysis_graph(network_2011, table, project=project)
    (value,) = graph.subjects(RKG.networkMeasure, MEASURE.modularity)
    assert graph.value(value, RDF.value).toPython() == pytest.approx(table.attrs["modularity"])
    assert (graph.value(value, RKG.measuredEntity), RDF.type, RKG.NetworkDefinition) in graph


def test_a_run_is_one_named_graph_and_is_never_overwritten(store, project, network_2011):
    graph = analysis_graph(network_2011, measure_table(network_2011, "degree"), project=project)
    save_analysis(store, graph)
    name = ox.NamedNode(str(graph.identifier))
    assert len(list(store.quads_for_pattern(None, None, None, name))) == len(graph)
    with pytest.raises(ValueError, match="already holds"):
        save_analysis(store, graph)
