"""The landing page's figures, named queries and query form, and running a named query."""

from __future__ import annotations

import csv
import io

from regiokg.query import get_query, run
from tests.serve.conftest import MAX_ROWS


def test_landing_page_shows_figures_queries_and_forms(client, served, project):
    page = client.get("/").text
    assert f'<span class="number" id="triples">{len(served)}</span>' in page
    assert "/ontology#ClusterInitiative" in page
    assert "/page/document/003_490560eea1f98e05" in page
    summary = get_query(project, "cq15_entity_sources").summary
    assert summary.split("(")[0].strip() in page
    assert 'action="/queries/cq15_entity_sources"' in page
    assert 'name="entity" value="https://w3id.org/regiokg/id/city/katowice"' in page
    assert 'action="/sparql"' in page and "<textarea" in page


def test_a_named_query_runs_with_its_parameters(client, served, project):
    query = get_query(project, "cq15_entity_sources")
    params = {"entity": "https://w3id.org/regiokg/id/org/pppt"}
    page = client.get("/queries/cq15_entity_sources", params=params)
    assert page.status_code == 200 and "<table" in page.text
    body = client.get("/queries/cq15_entity_sources", params=params | {"format": "csv"}).text
    rows = list(csv.reader(io.StringIO(body)))
    expected = run(served, query, params)
    assert rows[0] == expected.variables
    assert {tuple(r) for r in rows[1:]} == {tuple(str(v) for v in row) for row in expected}


def test_a_bad_parameter_is_400_naming_it(client):
    response = client.get("/queries/cq15_entity_sources", params={"entity": "not an iri"})
    assert response.status_code == 400 and "entity" in response.text
    assert client.get("/queries/no_such_query").status_code == 404


def test_a_named_query_is_held_to_the_row_limit(client, served, project):
    # Named queries run in the query workers, under /sparql's limits, not in the server.
    query = get_query(project, "label_index")
    assert len(run(served, query)) > MAX_ROWS
    response = client.get("/queries/label_index", params={"format": "csv"})
    assert response.headers["X-SPARQL-Truncated"] == "true"
    assert len(list(csv.reader(io.StringIO(response.text)))) == MAX_ROWS + 1
    page = client.get("/queries/label_index")
    assert 'id="truncated"' in page.text


def test_an_unknown_download_format_is_400(client):
    response = client.get("/queries/cq01_twinning_year", params={"format": "pdf"})
    assert response.status_code == 400 and "csv" in response.text
