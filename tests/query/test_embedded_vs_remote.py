"""Every named query in ``queries/`` (the competency questions included) gives the same
answer on the embedded store as on a real SPARQL server loaded by ``push``, queried through
SPARQLWrapper; and pushing again leaves the server as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic

from regiokg.config import Project
from regiokg.query import QueryResult, load_queries, run
from regiokg.remote import push

REPO = Path(__file__).resolve().parents[2]
NAMES = sorted(load_queries(Project(REPO)))


def exact(term):
    """A term as the stores write it; blank-node labels are arbitrary, so they all match."""
    if term is None or isinstance(term, URIRef):
        return term
    if isinstance(term, BNode):
        return "_:"
    return (str(term), term.datatype, term.language)


def by_value(term):
    """A term by its value, for stores that spell literals their own way."""
    if isinstance(term, Literal):
        value = term.toPython()
        return (str(value) if not isinstance(value, (int, float)) else float(value), term.language)
    return exact(term)


def answer(result: QueryResult, key=exact, as_set=False):
    if result.graph is not None:
        return result.graph
    if result.boolean is not None:
        return result.boolean
    rows = [tuple(key(v) for v in row) for row in result]
    return set(rows) if as_set else sorted(rows, key=repr)


def assert_same(local: QueryResult, remote: QueryResult, **how) -> None:
    assert remote.form == local.form
    if local.graph is not None:
        assert isomorphic(local.graph, remote.graph)
        return
    assert remote.variables == local.variables
    assert answer(remote, **how) == answer(local, **how)


@pytest.mark.parametrize("name", NAMES)
def test_oxigraph_server_gives_the_embedded_answer(name, project, embedded, oxigraph_server):
    query = load_queries(project)[name]
    local = run(embedded, query)
    remote = run(oxigraph_server + "/query", query)
    assert_same(local, remote)


def test_every_named_query_has_an_answer(project, embedded):
    # Queries tagged "analysis" read results that `regiokg analyse --save` writes later;
    # those tagged "imported-data" read what only `regiokg import` brings (EU money).
    later = {"analysis", "imported-data"}
    queries = {n: q for n, q in load_queries(project).items() if not later & set(q.tags)}
    empty = [name for name, q in queries.items() if not len(run(embedded, q))]
    assert empty == []
    assert len([n for n in NAMES if not n.startswith("cq")]) >= 20


def _count(endpoint: str) -> tuple[int, int]:
    result = run(
        endpoint,
        "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }",
    )
    row = result.rows[0]
    return int(row.n), int(row.graphs)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_push_twice_leaves_no_duplicates(protocol, embedded, oxigraph_server, project):
    target = oxigraph_server + ("/store" if protocol == "gsp" else "/update")
    graphs = {q.graph_name.value for q in embedded}
    for _ in range(2):
        sent = push(embedded, target, protocol=protocol)
    assert set(sent) == graphs
    assert project.graph_iri("ontology") in graphs
    assert _count(oxigraph_server + "/query") == (len(embedded), len(graphs))


def test_remote_parameters_are_bound_like_embedded(project, embedded, oxigraph_server):
    query = load_queries(project)["events_in_year"]
    local = run(embedded, query, {"year": "2006"})
    remote = run(oxigraph_server + "/query", query, {"year": 2006})
    assert_same(local, remote)
    assert [str(row.event).rsplit("/", 1)[-1] for row in local] == [
        "2006-05-29-conference-future-eu-energy-mix"
    ]


# Measured with Virtuoso 7.2.5 (Debian): it evaluates SPARQL 1.1 property paths (`*`, `+`)
# wrongly when their start is not a constant (unbound, or bound through VALUES), answers an
# ASK that has a VALUES row with a result row, and rejects a VALUES-bound predicate inside
# GRAPH. Those queries are expected to differ there; every other one must agree.
PATHS = "Virtuoso 7.2.5 mis-evaluates property paths whose start is not a constant"
ASK_VALUES = "Virtuoso 7.2.5 answers an ASK with a VALUES row as a SELECT"
SYSTEM_GRAPHS = "Virtuoso's default graph also holds its system graphs (virtrdf:, ldp:)"
VIRTUOSO_DIFFERS = {
    "co_participation_network": PATHS,
    "cq04_mission_participants": PATHS,
    "cq19_parent_organisation": PATHS,
    "cross_border_events": PATHS,
    "entity_places": PATHS,
    "events_in_year": PATHS,
    "events_per_year_and_kind": PATHS,
    "funded_projects": PATHS,
    "organisation_kinds_per_region": PATHS,
    "organisations_by_kind_in_region": PATHS,
    "partner_links": PATHS,
    "partner_profiles": PATHS,
    "is_stated": ASK_VALUES,
    "entity_mentioned": ASK_VALUES,
    # Counts over the whole default graph: Virtuoso's also holds its own system graphs.
    "class_partitions": SYSTEM_GRAPHS,
    "dataset_statistics": SYSTEM_GRAPHS,
    "property_partitions": SYSTEM_GRAPHS,
    "source_graphs": SYSTEM_GRAPHS,
    "vocabularies_used": "Virtuoso 7.2.5 refuses a REPLACE pattern that can match the empty string",
    "network_activities": "Virtuoso 7.2.5 fails with internal error SQ156 (Bad dfe)",
    "statement_provenance": "Virtuoso 7.2.5 rejects a VALUES-bound predicate inside GRAPH",
}


def virtuoso_case(name):
    reason = VIRTUOSO_DIFFERS.get(name)
    # Strict: a difference that goes away (a fixed Virtuoso, a rewritten query) must be
    # noticed and its entry removed, not pass silently.
    mark = pytest.mark.xfail(reason=reason, strict=True)
    return pytest.param(name, marks=mark) if reason else name


# Virtuoso spells some literals its own way (numbers, dates), and may repeat a solution
# that is stated in two named graphs; compare answer sets by value.
@pytest.mark.parametrize("name", [virtuoso_case(n) for n in NAMES])
def test_virtuoso_gives_the_embedded_answer(name, project, embedded, virtuoso_server):
    query = load_queries(project)[name]
    local = run(embedded, query)
    remote = run(virtuoso_server + "/sparql", query)
    assert_same(local, remote, key=by_value, as_set=True)
