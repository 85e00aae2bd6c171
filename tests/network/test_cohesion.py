"""Components and core numbers agree with igraph on seeded random graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from regiokg.network.cohesion import components, kcore

from .conftest import SIZES, random_graph, to_igraph


@pytest.mark.parametrize(("n", "m", "seed"), SIZES)
def test_components_match_igraph(n, m, seed):
    G = random_graph(n, m, weighted=False, seed=seed)
    ours = components(G)
    theirs = to_igraph(G).connected_components()
    # Same partition (ids may differ), numbered by size.
    ours_sets = sorted(sorted(v for v in G if ours[v] == c) for c in set(ours.values()))
    assert ours_sets == sorted(sorted(part) for part in theirs)
    sizes = [sum(1 for v in G if ours[v] == c) for c in range(len(theirs))]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(("n", "m", "seed"), SIZES)
def test_core_numbers_match_igraph(n, m, seed):
    G = random_graph(n, m, weighted=False, seed=seed)
    assert [kcore(G)[v] for v in range(n)] == to_igraph(G).coreness()


def test_core_number_ignores_self_loops():
    G = nx.Graph([(1, 2), (2, 3), (3, 1), (3, 3)])
    assert kcore(G) == {1: 2, 2: 2, 3: 2}
