"""Named queries: exact answers that follow from the seed documents, safe and typed
parameters, clear errors, DataFrames and graphs, and the ``query``/``queries``/``push``
commands."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef

from regiokg.cli import main
from regiokg.query import QueryError, get_query, load_queries, parse_query, run, to_dataframe
from regiokg.remote import RemoteError
from regiokg.store import load_dataset

ID = "https://w3id.org/regiokg/id/"
RKG = "https://w3id.org/regiokg/ontology#"


def q(project, name):
    return load_queries(project)[name]


def column(result, name):
    return {str(row[name]) for row in result}


def test_seed_facts(project, embedded):
    twins = run(embedded, q(project, "twinned_cities"))
    assert [(str(r.city), str(r.partner), str(r.since)) for r in twins] == [
        (ID + "city/katowice", ID + "city/saint-etienne", "1994")
    ]
    chain = {
        str(r.project).rsplit("/", 1)[-1]: (r.measure, r.programme, r.fund)
        for r in run(embedded, q(project, "funded_projects"))
    }
    assert chain["iskctw"] == (
        URIRef(ID + "measure/zporr-2-6"),
        URIRef(ID + "programme/zporr"),
        URIRef(ID + "fund/erdf"),
    )
    assert chain["clustrat"] == (
        None,
        URIRef(ID + "programme/central-europe"),
        URIRef(ID + "fund/erdf"),
    )
    brussels = ID + "event/2012-12-12-workshop-brussels"
    countries = {
        str(r.country)
        for r in run(embedded, q(project, "cross_border_events"))
        if str(r.event) == brussels
    }
    assert countries == {ID + "country/" + c for c in ("belgium", "spain", "france")}
    silesian = run(embedded, q(project, "organisations_by_kind_in_region"))
    assert (URIRef(RKG + "Company"), URIRef(ID + "org/scntpl")) in {
        (r.kind, r.org) for r in silesian
    }
    per_year = {
        (int(r.year), str(r.kind)): int(r.events)
        for r in run(embedded, q(project, "events_per_year_and_kind"))
    }
    assert per_year[(2011, RKG + "Seminar")] == 2
    docs = run(embedded, q(project, "source_documents"))
    assert len(docs) == 6  # the five seeds and the reference compilation
    assert "reference.ttl" in column(docs, "file")


def test_parameters_are_typed_and_change_the_answer(project, embedded):
    query = q(project, "events_in_year")
    assert [p.type_label for p in query.parameters] == ["xsd:integer"]
    in_2006 = run(embedded, query, {"year": 2006})
    assert column(in_2006, "event") == {ID + "event/2006-05-29-conference-future-eu-energy-mix"}
    with pytest.raises(QueryError, match=r"year.*'20x6' is not a valid xsd:integer"):
        run(embedded, query, {"year": "20x6"})
    # the variable name is accepted as well as the grlc name
    people = run(
        embedded, q(project, "person_activities"), {"person_iri": ID + "person/jaroslaw-bulanda"}
    )
    assert column(people, "onBehalfOf") == {
        ID + "org/klastry-polskie",
        ID + "org/slaski-klaster-lotniczy",
    }


def test_parameter_values_are_never_query_text(embedded):
    query = parse_query(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?s WHERE { ?s skos:notation ?_code }"
    )
    assert column(run(embedded, query, {"code": "2.6"}), "s") == {ID + "measure/zporr-2-6"}
    evil = '2.6" } UNION { ?s ?p ?o } #'
    assert len(run(embedded, query, {"code": evil})) == 0
    with pytest.raises(QueryError, match="not an IRI"):
        run(embedded, parse_query("SELECT * { ?_x_iri ?p ?o }"), {"x": "<a> } #"})


def test_prefixed_iri_parameters_use_the_query_prefixes(embedded):
    query = parse_query(
        "PREFIX city: <https://w3id.org/regiokg/id/city/>\n"
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?r WHERE { ?_c_iri schema:containedInPlace ?r }"
    )
    assert column(run(embedded, query, {"c": "city:gliwice"}), "r") == {ID + "region/slaskie"}


def test_errors_name_the_problem(project, embedded):
    query = parse_query("SELECT ?x WHERE { ?_a_iri ?p ?_b }", "mine")
    with pytest.raises(QueryError, match=r"missing parameter a \(IRI\), b \(xsd:string\)"):
        run(embedded, query)
    with pytest.raises(QueryError, match=r"unknown parameter\(s\) c"):
        run(embedded, query, {"a": "http://x", "b": "y", "c": 1})
    with pytest.raises(QueryError) as err:
        run(embedded, parse_query("SELECT ?s\nWHERE { ?s ?p }", "bad"))
    assert (err.value.line, err.value.where) == (2, "bad")
    assert str(err.value).startswith("bad:2:")
    with pytest.raises(QueryError, match="did you mean events_in_year"):
        get_query(project, "event_in_year")


def test_remote_errors_are_clear(project, embedded, oxigraph_server):
    with pytest.raises(QueryError) as err:
        run(oxigraph_server + "/query", "SELECT * WHERE {\n ?s ?p }")
    assert err.value.line == 2
    with pytest.raises(RemoteError, match="cannot connect"):
        run("http://127.0.0.1:9/query", "ASK {}", timeout=2)


def test_dataframe_columns_are_typed(project, embedded):
    frame = to_dataframe(run(embedded, q(project, "source_documents")))
    assert pd.api.types.is_datetime64_any_dtype(frame["issued"])
    assert str(frame["statements"].dtype) == "Int64"
    assert all(isinstance(v, URIRef) for v in frame["document"])
    twins = run(embedded, q(project, "twinned_cities")).to_dataframe()
    assert twins.loc[0, "since"] == 1994


def test_construct_gives_a_graph_and_ask_a_boolean(project, embedded):
    result = run(embedded, q(project, "entity_neighbourhood"))
    assert isinstance(result.graph, Graph)
    assert (URIRef(ID + "org/gapp"), RDF.type, URIRef(RKG + "DevelopmentAgency")) in result.graph
    assert run(embedded, q(project, "is_stated")).boolean is True
    params = {"property": "https://schema.org/foundingDate"}
    assert run(embedded, q(project, "is_stated"), params).boolean is False


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_result_formats(project, embedded, fmt):
    data = run(embedded, q(project, "twinned_cities")).serialize(fmt).decode()
    assert "1994" in data and "saint-etienne" in data
    if fmt == "json":
        assert json.loads(data)["head"]["vars"][0] == "city"


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory, dataset):
    store = tmp_path_factory.mktemp("cli") / "store"
    load_dataset(store, dataset)
    return store


def cli(store, *args):
    return CliRunner(env={"REGIOKG_STORE": str(store)}).invoke(main, list(args))


def test_cli_query_embedded_and_remote_agree(cli_store, oxigraph_server):
    args = ["query", "events_in_year", "--param", "year=2006", "--format", "csv"]
    local = cli(cli_store, *args)
    remote = cli(cli_store, *args, "--endpoint", oxigraph_server + "/query")
    assert local.exit_code == 0, local.output
    assert local.output == remote.output
    rows = list(csv.DictReader(io.StringIO(local.output)))
    assert rows[0]["start"] == "2006-05-29"
    table = cli(cli_store, "query", "twinned_cities")
    assert "r:city/katowice" in table.output


def test_cli_errors_have_no_traceback(cli_store):
    bad = cli(cli_store, "query", "events_in_year", "--param", "year=soon")
    assert bad.exit_code == 1 and "not a valid xsd:integer" in bad.output
    syntax = cli(cli_store, "query", "-e", "SELECT * WHERE {\n ?s }")
    assert syntax.exit_code == 1 and "-e:2:" in syntax.output
    assert "Traceback" not in bad.output + syntax.output


def test_cli_queries_lists_names_summaries_and_parameters(cli_store, project):
    listing = json.loads(cli(cli_store, "queries", "--format", "json").output)
    by_name = {entry["name"]: entry for entry in listing}
    assert set(by_name) == set(load_queries(project))
    assert by_name["events_in_year"]["parameters"][0]["type"] == "xsd:integer"


def test_cli_push_twice(cli_store, oxigraph_server, embedded):
    for _ in range(2):
        result = cli(cli_store, "push", "--endpoint", oxigraph_server + "/store")
        assert result.exit_code == 0, result.output
    count = run(oxigraph_server + "/query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert int(count.rows[0].n) == len(embedded)
