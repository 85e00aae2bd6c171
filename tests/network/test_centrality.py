"""Every centrality measure agrees with igraph on the same seeded random graphs (up to
1,000 nodes, weighted and not): within 1e-9, or the documented tolerance of the iterative
ones (eigenvector: ARPACK in both; PageRank: power iteration against igraph's PRPACK)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from regiokg.network import centrality

EXACT = 1e-9
ITERATIVE = 1e-8


def lengths(H, weighted: bool):
    """igraph edge lengths matching regiokg's convention: 1 / weight."""
    return [1.0 / w for w in H.es["weight"]] if weighted else None


def assert_close(ours: dict, theirs: list, tolerance: float) -> None:
    assert len(ours) == len(theirs)
    worst = max(abs(ours[i] - theirs[i]) for i in range(len(theirs)))
    assert worst <= tolerance, f"largest difference {worst:.3g}"


def test_degree(random_pair):
    G, _, H = random_pair
    n = len(G)
    assert_close(centrality.degree(G), [d / (n - 1) for d in H.degree()], EXACT)


def test_weighted_degree(random_pair):
    G, _, H = random_pair
    assert_close(centrality.weighted_degree(G), H.strength(weights="weight"), EXACT)


def test_betweenness(random_pair):
    G, weighted, H = random_pair
    n = len(G)
    pairs = (n - 1) * (n - 2) / 2
    theirs = [b / pairs for b in H.betweenness(weights=lengths(H, weighted), directed=False)]
    assert_close(centrality.betweenness(G, weighted=weighted), theirs, EXACT)


def test_closeness_without_correction(random_pair):
    G, weighted, H = random_pair
    theirs = H.closeness(weights=lengths(H, weighted), normalized=True)
    # igraph leaves isolated nodes undefined; regiokg (like networkx) gives them 0.
    theirs = [0.0 if math.isnan(c) else c for c in theirs]
    ours = centrality.closeness(G, weighted=weighted, wf_improved=False)
    assert_close(ours, theirs, EXACT)


def test_closeness_scaled_by_component_size(random_pair):
    G, weighted, H = random_pair
    n = len(G)
    sizes = H.connected_components().sizes()
    membership = H.connected_components().membership
    theirs = [
        0.0 if math.isnan(c) else c * (sizes[membership[i]] - 1) / (n - 1)
        for i, c in enumerate(H.closeness(weights=lengths(H, weighted), normalized=True))
    ]
    assert_close(centrality.closeness(G, weighted=weighted), theirs, EXACT)


# igraph warns that a disconnected graph's small components get (nearly) zero.
@pytest.mark.filterwarnings("ignore:Some eigenvector centralities")
def test_eigenvector(random_pair):
    G, weighted, H = random_pair
    theirs = H.eigenvector_centrality(scale=True, weights="weight" if weighted else None)
    assert_close(centrality.eigenvector(G, weighted=weighted), theirs, ITERATIVE)


def test_pagerank(random_pair):
    G, weighted, H = random_pair
    theirs = H.pagerank(damping=0.85, weights="weight" if weighted else None, directed=False)
    ours = centrality.pagerank(G, weighted=weighted)
    assert math.isclose(sum(ours.values()), 1.0, abs_tol=1e-12)
    assert_close(ours, theirs, ITERATIVE)


def test_sampled_betweenness_with_every_pivot_is_exact():
    G = nx.gnm_random_graph(80, 200, seed=5)
    exact = centrality.betweenness(G)
    sampled = centrality.betweenness(G, k=len(G), seed=3)
    assert max(abs(exact[v] - sampled[v]) for v in G) <= EXACT


def test_sampled_betweenness_is_reproducible_and_varies_with_the_seed():
    G = nx.gnm_random_graph(200, 600, seed=6)
    first = centrality.betweenness(G, k=20, seed=1)
    assert first == centrality.betweenness(G, k=20, seed=1)
    assert first != centrality.betweenness(G, k=20, seed=2)


def test_sampled_betweenness_refuses_more_pivots_than_nodes():
    with pytest.raises(ValueError, match="between 1 and the number of nodes"):
        centrality.betweenness(nx.path_graph(4), k=5)


def test_weighted_paths_prefer_strong_ties():
    # a-b-c strong (weight 4 each: length 1/2 in all), a-c weak (length 1): the path over b
    # is shorter only when weights count.
    G = nx.Graph()
    G.add_edge("a", "b", weight=4)
    G.add_edge("b", "c", weight=4)
    G.add_edge("a", "c", weight=1)
    assert centrality.betweenness(G)["b"] == 0
    assert centrality.betweenness(G, weighted=True)["b"] == 1


def test_eigenvector_lives_on_the_component_with_the_largest_eigenvalue():
    G = nx.complete_graph(4)
    G.add_edge("x", "y")
    values = centrality.eigenvector(G)
    assert values["x"] == values["y"] == 0
    assert all(math.isclose(values[v], 1.0) for v in range(4))


def test_tiny_and_empty_graphs():
    assert centrality.degree(nx.empty_graph(1)) == {0: 0.0}
    assert centrality.eigenvector(nx.empty_graph(3)) == {0: 0.0, 1: 0.0, 2: 0.0}
    assert centrality.eigenvector(nx.path_graph(2)) == {0: 1.0, 1: 1.0}
    assert centrality.pagerank(nx.Graph()) == {}
