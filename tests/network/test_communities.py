"""Louvain communities: the obvious split is found, the modularity equals igraph's
modularity of the same partition, and the seed makes runs reproducible."""

from __future__ import annotations

import networkx as nx
import pytest

from regiokg.network.communities import louvain

from .conftest import random_graph, to_igraph


def test_two_cliques_joined_by_one_tie_are_two_communities():
    G = nx.barbell_graph(5, 0)
    partition = louvain(G)
    assert [sorted(c) for c in partition.communities] == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
    assert partition.membership[0] == 0 and partition.membership[9] == 1


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize(("n", "m", "seed"), [(60, 150, 2), (300, 900, 3)])
def test_modularity_matches_igraph(n, m, seed, weighted):
    G = random_graph(n, m, weighted=weighted, seed=seed)
    partition = louvain(G, weighted=weighted, seed=seed)
    H = to_igraph(G)
    theirs = H.modularity(
        [partition.membership[v] for v in range(n)], weights="weight" if weighted else None
    )
    assert abs(partition.modularity - theirs) <= 1e-9
    # Louvain is a heuristic: it should get near igraph's own Louvain result.
    best = H.community_multilevel(weights="weight" if weighted else None).modularity
    assert partition.modularity >= best - 0.05


def test_the_seed_makes_the_partition_reproducible_and_ids_follow_size():
    G = random_graph(200, 500, weighted=True, seed=9)
    first, second = louvain(G, seed=4), louvain(G, seed=4)
    assert first == second
    sizes = [len(c) for c in first.communities]
    assert sizes == sorted(sizes, reverse=True)


def test_a_network_without_ties_has_singletons_and_zero_modularity():
    partition = louvain(nx.empty_graph(3))
    assert partition.modularity == 0.0
    assert sorted(partition.membership.values()) == [0, 1, 2]
