"""Burt's constraint agrees with igraph's; effective size agrees with Burt's definition
computed independently (Borgatti's n - 2t/n without weights, the full redundancy sum with
them), on seeded random graphs."""

from __future__ import annotations

import math

import pytest

from regiokg.network import structural_holes

from .conftest import random_graph, to_igraph

SMALL = [(12, 20, 1), (60, 150, 2), (300, 900, 3)]


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize(("n", "m", "seed"), SMALL)
def test_constraint_matches_igraph(n, m, seed, weighted):
    G = random_graph(n, m, weighted=weighted, seed=seed)
    theirs = to_igraph(G).constraint(weights="weight" if weighted else None)
    ours = structural_holes.constraint(G, weighted=weighted)
    for v in G:
        if G.degree(v) == 0:
            assert math.isnan(ours[v])
        else:
            assert abs(ours[v] - theirs[v]) <= 1e-9


@pytest.mark.parametrize(("n", "m", "seed"), SMALL)
def test_unweighted_effective_size_is_n_minus_2t_over_n(n, m, seed):
    G = random_graph(n, m, weighted=False, seed=seed)
    H = to_igraph(G)
    ours = structural_holes.effective_size(G)
    for v in G:
        partners = H.neighbors(v)
        if not partners:
            assert math.isnan(ours[v])
            continue
        ties_among = H.induced_subgraph(partners).ecount()
        expected = len(partners) - 2 * ties_among / len(partners)
        assert abs(ours[v] - expected) <= 1e-9


def burt_effective_size(G, i):
    """Burt (1992): sum over partners j of 1 - sum_q p_iq m_jq, q != i, j."""

    def w(a, b):
        return G[a][b]["weight"] if G.has_edge(a, b) else 0

    total_i = sum(2 * w(i, q) for q in G[i])
    size = 0.0
    for j in G[i]:
        strongest_j = max(w(j, q) for q in G[j])
        redundancy = sum((2 * w(i, q) / total_i) * (w(j, q) / strongest_j) for q in G[i] if q != j)
        size += 1 - redundancy
    return size


@pytest.mark.parametrize(("n", "m", "seed"), SMALL[:2])
def test_weighted_effective_size_follows_burt(n, m, seed):
    G = random_graph(n, m, weighted=True, seed=seed)
    ours = structural_holes.effective_size(G, weighted=True)
    for v in G:
        if G.degree(v):
            assert abs(ours[v] - burt_effective_size(G, v)) <= 1e-9


def test_a_broker_between_two_groups_is_less_constrained_than_their_members():
    import networkx as nx

    G = nx.barbell_graph(4, 0)  # two 4-cliques joined by the tie 3-4
    values = structural_holes.constraint(G)
    assert values[3] < values[0] and values[4] < values[7]
