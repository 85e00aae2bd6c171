"""Fixtures of the network tests: the seed graph in an in-memory store, and seeded random
graphs with their igraph twins (same nodes in the same order, same weights)."""

from __future__ import annotations

import random

import igraph as ig
import networkx as nx
import pytest

from regiokg.store import store_from_dataset

ID = "https://w3id.org/regiokg/id/"


@pytest.fixture(scope="session")
def seed_store(dataset):
    """The built seed graph in an in-memory pyoxigraph store (the tests may write to it
    only into analysis graphs of their own)."""
    return store_from_dataset(dataset)


def random_graph(n: int, m: int, *, weighted: bool, seed: int) -> nx.Graph:
    """A G(n, m) random graph with, when ``weighted``, integer weights 1..5 (the kind a
    collaboration network has)."""
    G = nx.gnm_random_graph(n, m, seed=seed)
    rng = random.Random(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = rng.randint(1, 5) if weighted else 1
    return G


def to_igraph(G: nx.Graph) -> ig.Graph:
    """The same graph in igraph: vertex i is node i of ``G`` (nodes are 0..n-1), and edge
    attribute ``weight`` as in ``G``."""
    H = ig.Graph(n=len(G), edges=list(G.edges), directed=G.is_directed())
    H.es["weight"] = [d.get("weight", 1) for _, _, d in G.edges(data=True)]
    return H


#: (nodes, ties, seed) of the random graphs, up to 1,000 nodes, sparse as partner networks.
SIZES = [(12, 20, 1), (60, 150, 2), (300, 900, 3), (1000, 2500, 4)]


@pytest.fixture(
    params=[(*size, weighted) for size in SIZES for weighted in (False, True)],
    ids=lambda p: f"n{p[0]}-{'weighted' if p[3] else 'plain'}",
)
def random_pair(request):
    """A seeded random graph, whether it is weighted, and its igraph twin."""
    n, m, seed, weighted = request.param
    G = random_graph(n, m, weighted=weighted, seed=seed)
    return G, weighted, to_igraph(G)
