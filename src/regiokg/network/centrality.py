"""Centrality: how central each organisation (or place) is in the collaboration network.

Each function takes a networkx graph and returns ``{node: value}``. Collaboration ties carry
a ``weight`` that is a *strength* (how many events and projects two organisations shared).
The measures built on shortest paths (betweenness, closeness) need a *length* instead; with
``weighted=True`` they take the length of a tie as ``1 / weight``, so that partners who meet
often are close (the convention of Newman 2001, *Phys. Rev. E* 64, 016132,
doi:10.1103/PhysRevE.64.016132). Eigenvector centrality and PageRank use the weights as
they are. All measures are unweighted unless ``weighted=True``.

References
----------
Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
*Sociometry* 40(1), 35--41. doi:10.2307/3033543.
Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
*Social Networks* 1(3), 215--239. doi:10.1016/0378-8733(78)90021-7.
Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
Mathematical Sociology* 25(2), 163--177. doi:10.1080/0022250X.2001.9990249.
Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. *International
Journal of Bifurcation and Chaos* 17(7), 2303--2318. doi:10.1142/S0218127407018403.
Bonacich, P. (1987). Power and centrality: a family of measures. *American Journal of
Sociology* 92(5), 1170--1182. doi:10.1086/228631.
Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
bringing order to the web. Stanford InfoLab technical report 1999-66.
Wasserman, S. & Faust, K. (1994). *Social Network Analysis: Methods and Applications*.
Cambridge University Press. doi:10.1017/CBO9780511815478.
"""

from __future__ import annotations

import math

import networkx as nx

__all__ = [
    "betweenness",
    "closeness",
    "degree",
    "eigenvector",
    "pagerank",
    "weighted_degree",
]

WEIGHT = "weight"
_LENGTH = "_length"


def degree(G: nx.Graph) -> dict:
    """Degree centrality (Freeman 1979): the number of partners of a node divided by the
    largest possible number, ``n - 1``; 0 for a graph of one node.

    >>> degree(nx.path_graph(3))
    {0: 0.5, 1: 1.0, 2: 0.5}
    """
    if len(G) <= 1:
        return dict.fromkeys(G, 0.0)
    return nx.degree_centrality(G)


def weighted_degree(G: nx.Graph, *, weight: str = WEIGHT) -> dict:
    """Weighted degree (strength): the sum of the weights of a node's ties, i.e. in a
    collaboration network the number of shared events and projects counted with
    multiplicity (Barrat et al. 2004, *PNAS* 101(11), 3747--3752,
    doi:10.1073/pnas.0400087101). Ties without the attribute count 1.

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2); G.add_edge("b", "c", weight=3)
    >>> weighted_degree(G)
    {'a': 2, 'b': 5, 'c': 3}
    """
    return dict(G.degree(weight=weight))


def _with_lengths(G: nx.Graph, weight: str, *, exact: bool = False) -> nx.Graph:
    # A length is the inverse of a strength; the copy leaves the caller's graph untouched.
    # With ``exact`` and whole-number weights, lengths are lcm / weight: whole numbers in
    # the same proportions as 1 / weight, so that equally short paths compare equal (sums
    # of floats like 1/3 + 1/6 and 1/2 need not), which betweenness depends on.
    weights = [d.get(weight, 1) for _, _, d in G.edges(data=True)]
    scale = None
    if exact and weights and all(float(w).is_integer() and w > 0 for w in weights):
        scale = math.lcm(*{int(w) for w in weights})
    H = G.__class__()
    H.add_nodes_from(G)
    H.add_edges_from(
        (u, v, {_LENGTH: scale // int(w) if scale else 1.0 / w})
        for (u, v), w in zip(G.edges(), weights, strict=True)
    )
    return H


def betweenness(
    G: nx.Graph,
    *,
    weighted: bool = False,
    normalized: bool = True,
    k: int | None = None,
    seed: int | None = None,
    weight: str = WEIGHT,
    backend: str = "networkx",
) -> dict:
    """Betweenness centrality (Freeman 1977): the share of shortest paths between other
    pairs of nodes that pass through a node, ``c_B(v) = sum_{s != v != t} sigma_st(v) /
    sigma_st``, computed with Brandes' (2001) algorithm. ``normalized`` divides by the
    number of pairs, ``(n - 1)(n - 2) / 2`` for undirected graphs. With ``k`` the sum runs
    over ``k`` source pivots drawn with ``seed`` and is scaled up by ``n / k``, the unbiased
    estimator of Brandes & Pich (2007) for large networks; ``k = n`` gives the exact value.
    With ``weighted`` a tie's length is ``1 / weight`` (computed exactly, as whole numbers
    in the same proportions, when the weights are whole numbers, so that ties between
    equally short paths are found). ``backend="igraph"`` computes the same numbers (the
    same pivots for the same ``seed``) in C, tens of times faster on large networks.

    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    if k is not None and not 1 <= k <= len(G):
        raise ValueError(f"k must be between 1 and the number of nodes ({len(G)}), not {k}")
    if _backend(backend) == "igraph":
        from regiokg.network.backend import igraph_betweenness

        return igraph_betweenness(G, weighted, normalized, k, seed, weight)
    H = _with_lengths(G, weight, exact=True) if weighted else G
    return nx.betweenness_centrality(
        H, k=k, normalized=normalized, weight=_LENGTH if weighted else None, seed=seed
    )


def closeness(
    G: nx.Graph, *, weighted: bool = False, wf_improved: bool = True, weight: str = WEIGHT
) -> dict:
    """Closeness centrality (Freeman 1979): the inverse of the mean distance from a node
    to the nodes it can reach, ``c_C(u) = (r - 1) / sum_v d(u, v)`` over the ``r`` nodes of
    its component. In a disconnected network, ``wf_improved`` (the default) scales it by
    ``(r - 1) / (n - 1)``, the correction of Wasserman & Faust (1994), so that a node central
    in a small component does not outrank one central in the large component. Isolated nodes
    get 0. With ``weighted`` a tie's length is ``1 / weight``.

    >>> closeness(nx.path_graph(3))
    {0: 0.6666666666666666, 1: 1.0, 2: 0.6666666666666666}
    """
    H = _with_lengths(G, weight) if weighted else G
    return nx.closeness_centrality(
        H, distance=_LENGTH if weighted else None, wf_improved=wf_improved
    )


def _leading(C: nx.Graph, weight: str | None) -> tuple[float, dict]:
    """The largest eigenvalue of a connected graph's adjacency matrix and its eigenvector
    scaled to a largest entry of 1."""
    if C.number_of_edges() == 0:
        return 0.0, dict.fromkeys(C, 0.0)
    if len(C) == 2:
        # Too small for ARPACK, and known: both ends equal, eigenvalue = the tie's weight.
        ((u, v, data),) = C.edges(data=True)
        return float(data.get(weight, 1) if weight else 1), dict.fromkeys(C, 1.0)
    x = nx.eigenvector_centrality_numpy(C, weight=weight)
    # The sign of an eigenvector is arbitrary and the scale a convention: most central = 1.
    top = max(x.values(), key=abs)
    x = {node: abs(value / top) for node, value in x.items()}
    # Rayleigh quotient x'Ax / x'x recovers the eigenvalue ARPACK found.
    ax = sum(
        2 * d.get(weight, 1) * x[u] * x[v] if weight else 2 * x[u] * x[v]
        for u, v, d in C.edges(data=True)
    )
    return ax / sum(value * value for value in x.values()), x


def eigenvector(G: nx.Graph, *, weighted: bool = False, weight: str = WEIGHT) -> dict:
    """Eigenvector centrality (Bonacich 1987, with the attenuation factor at the inverse of
    the largest eigenvalue): the entries of the leading eigenvector ``x`` of the adjacency
    matrix, ``lambda x_i = sum_j A_ij x_j``, scaled so that the most central node has 1. A
    node is central when its partners are. The eigenvector is computed with ARPACK (an
    iterative solver, so values agree with other tools to about 1e-9, not to the last
    digit). In a disconnected network the leading eigenvector lives on the component with
    the largest eigenvalue and every other node gets 0; components that tie for the largest
    eigenvalue each get their own eigenvector scaled to 1. With ``weighted`` the matrix
    holds the weights. Undirected graphs only."""
    if G.is_directed():
        raise ValueError("eigenvector centrality is computed here for undirected networks only")
    key = weight if weighted else None
    values = dict.fromkeys(G, 0.0)
    found = [_leading(G.subgraph(c), key) for c in nx.connected_components(G)]
    if not found:
        return values
    largest = max(value for value, _ in found)
    for value, x in found:
        if largest > 0 and math.isclose(value, largest, rel_tol=1e-9):
            values.update(x)
    return values


def pagerank(
    G: nx.Graph,
    *,
    alpha: float = 0.85,
    weighted: bool = False,
    tol: float = 1e-12,
    weight: str = WEIGHT,
    backend: str = "networkx",
) -> dict:
    """PageRank (Page et al. 1999): the stationary distribution of a random walk that
    follows a tie with probability ``alpha`` (the damping factor, 0.85 by default) and
    otherwise jumps to a node chosen uniformly; from a node without ties it always jumps.
    Values sum to 1. Computed by power iteration until the change is below ``tol`` (summed
    over nodes), so results agree with exact solvers to about ``1e-10``. With ``weighted`` a
    walker follows ties in proportion to their weights. ``backend="igraph"`` solves it
    exactly with igraph's PRPACK instead (same values to about ``1e-10``, much faster)."""
    if len(G) == 0:
        return {}
    if _backend(backend) == "igraph":
        from regiokg.network.backend import igraph_pagerank

        return igraph_pagerank(G, alpha, weighted, weight)
    return nx.pagerank(
        G, alpha=alpha, weight=weight if weighted else None, tol=tol / len(G), max_iter=10_000
    )


def _backend(name: str) -> str:
    if name not in BACKENDS:
        raise ValueError(f"unknown backend {name!r}; one of {', '.join(BACKENDS)}")
    return name


#: Where betweenness and PageRank are computed: networkx (pure Python), igraph (C).
BACKENDS = ("networkx", "igraph")
