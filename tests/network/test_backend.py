"""The igraph backend gives networkx's numbers, and the SPARQL projection the network that
pairing participations up in Python gives."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from regiokg.network import backend, centrality


def _random_graphs():
    for seed in range(4):
        G = nx.gnp_random_graph(60, 0.08, seed=seed)
        rng = nx.utils.create_py_random_state(seed)
        for u, v in G.edges():
            G.edges[u, v]["weight"] = rng.randint(1, 4)
        G.add_node("isolated")
        yield nx.relabel_nodes(G, {n: f"n{n}" for n in G})


GRAPHS = list(_random_graphs())


def _close(a: dict, b: dict, tol: float = 1e-9) -> None:
    assert a.keys() == b.keys()
    for node in a:
        assert a[node] == pytest.approx(b[node], abs=tol), node


@pytest.mark.parametrize("G", GRAPHS)
@pytest.mark.parametrize("weighted", [False, True])
def test_pagerank_equals_networkx(G, weighted):
    _close(
        centrality.pagerank(G, weighted=weighted, backend="igraph"),
        centrality.pagerank(G, weighted=weighted),
    )


@pytest.mark.parametrize("G", GRAPHS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("normalized", [False, True])
def test_exact_betweenness_equals_networkx(G, weighted, normalized):
    ours = centrality.betweenness(G, weighted=weighted, normalized=normalized, backend="igraph")
    _close(ours, centrality.betweenness(G, weighted=weighted, normalized=normalized))


@pytest.mark.parametrize("G", GRAPHS)
def test_sampled_betweenness_uses_networkx_pivots(G):
    ours = centrality.betweenness(G, k=15, seed=3, backend="igraph")
    _close(ours, centrality.betweenness(G, k=15, seed=3))


def test_empty_and_bad_k():
    assert centrality.pagerank(nx.Graph(), backend="igraph") == {}
    assert centrality.betweenness(nx.Graph(), backend="igraph") == {}
    with pytest.raises(ValueError, match="k must be"):
        centrality.betweenness(nx.path_graph(3), k=4, backend="igraph")
    with pytest.raises(ValueError, match="unknown backend"):
        centrality.pagerank(nx.path_graph(3), backend="graph-tool")


def test_to_igraph_keeps_order_and_weights():
    G = nx.Graph()
    G.add_edge("b", "a", weight=3)
    G.add_edge("a", "c")
    H = backend.to_igraph(G)
    assert H.vcount() == 3 and H.ecount() == 2
    assert sorted(H.es["weight"]) == [1, 3]


def test_sparql_projection_equals_python_pairing(tmp_path):
    import pyoxigraph as ox

    from regiokg.config import Project
    from regiokg.network import collaboration_network
    from regiokg.sources import discover, read_triples
    from regiokg.synth import synthesise

    project = Project(Path(__file__).resolve().parents[2])
    summary = synthesise(tmp_path, organisations=60, years=(2014, 2015), seed=2)
    store = ox.Store()
    store.bulk_load(path=summary.path, format=ox.RdfFormat.N_QUADS)
    ontology = ox.NamedNode(project.graph_iri("ontology"))
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object, ontology)
        for s in discover(project)
        if s.is_ontology
        for t in read_triples(s.path)
    )
    slow = collaboration_network(store, include_memberships=False, project=project)
    slow.remove_nodes_from([n for n in list(slow) if slow.degree(n) == 0])
    for method in ("incidence", "aggregate"):
        fast = backend.co_participation_graph(store, project, method=method)
        assert fast.number_of_edges() > 100
        assert set(map(frozenset, fast.edges())) == set(map(frozenset, slow.edges()))
        assert all(
            fast.edges[u, v]["weight"] == slow.edges[u, v]["weight"] for u, v in fast.edges()
        )
