"""The SPARQL 1.1 Protocol endpoint, through SPARQLWrapper and plain HTTP, against the
same queries run on the served store with :func:`regiokg.query.run`."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from regiokg.query import get_query, run

# Named queries without parameters, so the text the server gets is the text run here.
SELECT_QUERIES = ["people_and_posts", "co_participation_network", "source_documents"]
GRAPH_QUERY = """PREFIX rkg: <https://w3id.org/regiokg/ontology#>
CONSTRUCT { ?cluster ?p ?o } WHERE { ?cluster a rkg:ClusterInitiative ; ?p ?o }"""


def _wrapper(server: str, text: str, fmt: str) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(server + "/sparql")
    wrapper.setQuery(text)
    wrapper.setReturnFormat(fmt)
    return wrapper


def _expected_rows(result) -> set[tuple]:
    return {tuple(None if v is None else str(v) for v in row) for row in result.rows}


def _json_rows(document: dict) -> set[tuple]:
    names = document["head"]["vars"]
    return {
        tuple(b[v]["value"] if v in b else None for v in names)
        for b in document["results"]["bindings"]
    }


@pytest.mark.parametrize("name", SELECT_QUERIES)
def test_select_as_json_matches_the_store(server, served, project, name):
    query = get_query(project, name)
    expected = run(served, query)
    document = _wrapper(server, query.text, JSON).query().convert()
    assert document["head"]["vars"] == expected.variables
    assert _json_rows(document) == _expected_rows(expected)
    assert expected.rows, "the comparison needs a non-empty answer"


@pytest.mark.parametrize("name", SELECT_QUERIES)
def test_select_as_xml_matches_the_store(server, served, project, name):
    query = get_query(project, name)
    expected = run(served, query)
    response = _wrapper(server, query.text, XML).query()
    assert response.response.headers["Content-Type"].startswith("application/sparql-results+xml")
    parsed = ox.parse_query_results(response.response.read(), format=ox.QueryResultsFormat.XML)
    names = [v.value for v in parsed.variables]
    rows = {tuple(None if s[v] is None else s[v].value for v in names) for s in parsed}
    assert names == expected.variables
    assert rows == _expected_rows(expected)


@pytest.mark.parametrize("fmt, delimiter", [(CSV, ","), (TSV, "\t")])
def test_select_as_csv_and_tsv_matches_the_store(server, served, project, fmt, delimiter):
    query = get_query(project, "people_and_posts")
    expected = run(served, query)
    body = _wrapper(server, query.text, fmt).query().convert().decode("utf-8")
    if fmt == CSV:
        table = list(csv.reader(io.StringIO(body)))
        assert table[0] == expected.variables
        assert {tuple(r) for r in table[1:]} == {
            tuple("" if v is None else str(v) for v in row) for row in expected.rows
        }
    else:
        parsed = ox.parse_query_results(body.encode(), format=ox.QueryResultsFormat.TSV)
        names = [v.value for v in parsed.variables]
        rows = {tuple(None if s[v] is None else s[v].value for v in names) for s in parsed}
        assert names == expected.variables
        assert rows == _expected_rows(expected)
        assert delimiter in body.splitlines()[0]


def test_ask_answers_a_boolean(server):
    document = _wrapper(server, "ASK { ?s a ?class }", JSON).query().convert()
    assert document["boolean"] is True


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, XML])
def test_construct_in_every_rdf_syntax_matches_the_store(server, served, fmt):
    expected = run(served, GRAPH_QUERY).graph
    converted = _wrapper(server, GRAPH_QUERY, fmt).query().convert()
    # SPARQLWrapper parses RDF/XML and JSON-LD itself and hands Turtle over as bytes.
    graph = converted if isinstance(converted, Graph) else Graph().parse(data=converted, format=fmt)
    assert len(expected) > 0
    assert set(graph) == set(expected)


@pytest.mark.parametrize(
    "media, rdflib_format",
    [
        ("application/n-triples", "nt"),
        ("application/n-quads", "nquads"),  # what Trifid asks for
        ("application/trig", "trig"),
    ],
)
def test_construct_in_line_and_dataset_syntaxes_by_accept(client, served, media, rdflib_format):
    response = client.get("/sparql", params={"query": GRAPH_QUERY}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    parsed = Dataset().parse(data=response.text, format=rdflib_format)
    triples = {(s, p, o) for s, p, o, _ in parsed.quads((None, None, None, None))}
    assert triples == set(run(served, GRAPH_QUERY).graph)


def test_format_parameter_names_dataset_syntaxes(client):
    for name, media in [("nq", "application/n-quads"), ("trig", "application/trig")]:
        response = client.get("/sparql", params={"query": GRAPH_QUERY, "format": name})
        assert response.headers["content-type"].startswith(media)


def test_post_as_form_and_as_sparql_query_body(client):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/regiokg/ontology#City> }"
    accept = {"Accept": "application/sparql-results+json"}
    form = client.post("/sparql", data={"query": text}, headers=accept)
    body = client.post(
        "/sparql",
        content=text.encode(),
        headers=accept | {"Content-Type": "application/sparql-query"},
    )
    assert form.status_code == body.status_code == 200
    assert form.json() == body.json()
    assert int(form.json()["results"]["bindings"][0]["n"]["value"]) > 0


def test_default_graph_is_the_union_and_default_graph_uri_narrows_it(client, project):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    accept = {"Accept": "application/sparql-results+json"}

    def count(**extra) -> int:
        response = client.get("/sparql", params={"query": text, **extra}, headers=accept)
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    union = count()
    reference = count(**{"default-graph-uri": project.graph_iri("reference")})
    assert 0 < reference < union


def test_format_parameter_overrides_accept(client):
    response = client.get(
        "/sparql",
        params={"query": "SELECT ?s WHERE { ?s a ?c } LIMIT 1", "format": "csv"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines()[0] == "s"


def test_syntax_error_is_400_with_line_and_column(client):
    response = client.get("/sparql", params={"query": "SELECT *\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "line 2, column" in response.text


def test_a_browser_gets_an_html_table(client):
    response = client.get(
        "/sparql",
        params={"query": "SELECT ?city WHERE { ?city a <https://w3id.org/regiokg/ontology#City> }"},
        headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
    )
    assert response.headers["content-type"].startswith("text/html")
    assert "<table" in response.text and "/page/city/katowice" in response.text


def test_unsupported_type_is_406(client):
    response = client.get(
        "/sparql",
        params={"query": "SELECT * { ?s ?p ?o } LIMIT 1"},
        headers={"Accept": "image/png"},
    )
    assert response.status_code == 406


def test_literal_terms_keep_language_and_datatype(client, served):
    text = (
        "SELECT ?label WHERE { <https://w3id.org/regiokg/id/city/katowice> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    )
    response = client.get("/sparql", params={"query": text, "format": "json"})
    got = {
        Literal(b["label"]["value"], lang=b["label"].get("xml:lang"))
        for b in response.json()["results"]["bindings"]
    }
    assert got == {row["label"] for row in run(served, text)}
    assert {label.language for label in got} >= {"pl"}


def test_a_query_with_from_sees_exactly_that_graph(client, served, project):
    ontology = project.graph_iri("ontology")
    in_graph = sum(1 for _ in served.quads_for_pattern(None, None, None, ox.NamedNode(ontology)))
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ontology}> WHERE {{ ?s ?p ?o }}"
    response = client.get("/sparql", params={"query": query, "format": "json"})
    counted = int(response.json()["results"]["bindings"][0]["n"]["value"])
    assert counted == in_graph < len(served)
    # FROM NAMED alone leaves the default graph empty, as the SPARQL dataset rules say.
    named_only = f"ASK FROM NAMED <{ontology}> WHERE {{ ?s ?p ?o }}"
    answer = client.get("/sparql", params={"query": named_only, "format": "json"})
    assert answer.json()["boolean"] is False


@pytest.mark.parametrize(
    "query",
    ["CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5", "DESCRIBE <https://w3id.org/regiokg/id/org/pppt>"],
)
def test_graph_answers_render_as_html(client, query):
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "<table" in response.text and "subject" in response.text


def test_an_unknown_function_is_a_client_error(client):
    response = client.get("/sparql", params={"query": "SELECT (<http://x.example/f>(1) AS ?x) {}"})
    assert response.status_code == 400 and "not supported" in response.text


def test_the_endpoint_describes_itself_in_rdf(client, server):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = next(graph.subjects(RDF.type, sd.Service))
    assert (service, sd.endpoint, URIRef(server + "/sparql")) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert len(list(graph.objects(service, sd.resultFormat))) >= 6


@pytest.mark.parametrize("path", ["/sparql", "/id/org/pppt", "/data/org/pppt.ttl", "/void", "/"])
def test_head_answers_like_get_without_a_body(client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    assert head.headers.get("content-type") == got.headers.get("content-type")


@pytest.mark.parametrize("path", ["/id/org/pppt", "/data/org/pppt.ttl", "/void", "/context.jsonld"])
def test_linked_data_documents_allow_cross_origin_reads(client, path):
    assert client.get(path).headers["access-control-allow-origin"] == "*"


def test_a_preflight_request_is_answered(client):
    response = client.options(
        "/sparql",
        headers={
            "Origin": "https://app.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert response.status_code == 204
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()
