"""Fast paths for large networks: the measures on igraph, the projection in SPARQL.

The measures of :mod:`regiokg.network.centrality` run on networkx, which is pure Python:
exact betweenness of a 2,400-node partner network takes about a minute, PageRank of a
100,000-node one many seconds. With ``backend="igraph"`` they call the functions here,
which take the same networkx graph and options and return the same ``{node: value}``
dictionaries, computed by igraph (C) on a copy (:func:`to_igraph`); the numbers agree with
networkx's to rounding (the tests compare them on random graphs).

:func:`co_participation_graph` builds the co-participation network without pairing
participation rows in Python. By default it fetches the incidence list (the named query
``co_participation_incidence``: which organisation took part in which activity, one row
each) and projects it with one sparse matrix product, ``W = BᵀB`` for the
activity-by-organisation incidence matrix ``B``, whose off-diagonal cells count the
activities two organisations share (the weighted one-mode projection of a two-mode
network; Newman 2001). With ``method="aggregate"`` the projection is one SPARQL
aggregation where the data is (the named query ``co_participation_network``), so only the
edge list travels; on Oxigraph's on-disk store that self-join is the slower of the two.

References
----------
Csárdi, G. & Nepusz, T. (2006). The igraph software package for complex network research.
*InterJournal Complex Systems* 1695.
Newman, M. E. J. (2001). Scientific collaboration networks. II. Shortest paths, weighted
networks, and centrality. *Physical Review E* 64, 016132. doi:10.1103/PhysRevE.64.016132.
Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. *International
Journal of Bifurcation and Chaos* 17(7), 2303--2318. doi:10.1142/S0218127407018403.
"""

from __future__ import annotations

import math
import random

import networkx as nx

__all__ = ["co_participation_graph", "igraph_betweenness", "igraph_pagerank", "to_igraph"]

WEIGHT = "weight"


def to_igraph(G: nx.Graph, *, weight: str = WEIGHT):
    """An undirected igraph copy of ``G`` with its nodes in ``G``'s order (vertex ``i`` is
    ``list(G)[i]``) and ``weight`` as the edge attribute ``weight`` (1 where missing)."""
    import igraph as ig

    index = {node: i for i, node in enumerate(G)}
    edges, weights = [], []
    for u, v, w in G.edges(data=weight, default=1):
        edges.append((index[u], index[v]))
        weights.append(w)
    H = ig.Graph(n=len(index), edges=edges)
    H.es["weight"] = weights
    return H


def igraph_pagerank(G: nx.Graph, alpha: float, weighted: bool, weight: str = WEIGHT) -> dict:
    """PageRank as :func:`regiokg.network.centrality.pagerank` defines it (a walk that
    follows a tie with probability ``alpha``, else jumps to any node; from an isolated node
    it always jumps), solved exactly by igraph's PRPACK; values sum to 1."""
    if len(G) == 0:
        return {}
    H = to_igraph(G, weight=weight)
    values = H.pagerank(damping=alpha, weights="weight" if weighted else None, directed=False)
    return dict(zip(G, values, strict=True))


def igraph_betweenness(G: nx.Graph, weighted: bool, normalized: bool, k, seed, weight) -> dict:
    """Betweenness as :func:`regiokg.network.centrality.betweenness` defines it, on
    igraph: exact, or with ``k`` estimated from ``k`` source pivots and scaled by ``n / k``
    (Brandes & Pich 2007). The pivots are those networkx would draw for the same ``seed``,
    so both estimates are the same numbers. With ``weighted`` a tie's length is
    ``1 / weight``."""
    n = len(G)
    if k is not None and not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and the number of nodes ({n}), not {k}")
    if n == 0:
        return {}
    H = to_igraph(G, weight=weight)
    lengths = None
    if weighted:
        weights = H.es["weight"]
        if all(float(w).is_integer() and w > 0 for w in weights):
            # Whole-number lengths in the proportions of 1 / weight, so that equally short
            # paths compare equal (as in centrality.betweenness).
            scale = math.lcm(*{int(w) for w in weights})
            lengths = [scale // int(w) for w in weights]
        else:
            lengths = [1.0 / w for w in weights]
    if k is None or k == n:
        values = H.betweenness(directed=False, weights=lengths)
        if normalized and n > 2:
            values = [v * 2 / ((n - 1) * (n - 2)) for v in values]
        return dict(zip(G, values, strict=True))
    pivots = set(random.Random(seed).sample(list(G), k))
    index = {node: i for i, node in enumerate(G)}
    half = H.betweenness(directed=False, weights=lengths, sources=[index[v] for v in pivots])
    # igraph gives half the sum of the pivots' dependencies. networkx (3.6) scales the sum
    # up to all sources, a pivot by the k - 1 other pivots, any other node by k.
    values = []
    for node, value in zip(G, half, strict=True):
        sources = k - 1 if node in pivots else k
        scale = 2 / (sources * (n - 2)) if normalized else (n - 1) / sources
        values.append(value * scale if sources else math.nan)
    return dict(zip(G, values, strict=True))


def co_participation_graph(target, project=None, *, method: str = "incidence") -> nx.Graph:
    """The co-participation network of organisations from ``target`` (a pyoxigraph Store,
    rdflib Dataset or endpoint URL): two organisations are tied when they took part in the
    same event or project, with ``weight`` the number of activities they share;
    organisations without a shared activity are left out. ``method`` is "incidence" (fetch
    who took part in what and project it with a sparse product, the default) or
    "aggregate" (one SPARQL aggregation computes the edge list where the data is)."""
    from regiokg.config import Project
    from regiokg.query import load_queries, run

    if method not in ("incidence", "aggregate"):
        raise ValueError(f"unknown method {method!r}: use 'incidence' or 'aggregate'")
    project = project if project is not None else Project.discover()
    queries = load_queries(project)
    G = nx.Graph()
    if method == "aggregate":
        for row in run(target, queries["co_participation_network"]):
            G.add_edge(str(row["a"]), str(row["b"]), weight=int(row["shared"]))
        return G
    rows = run(target, queries["co_participation_incidence"]).rows
    G.add_weighted_edges_from(_projected(rows))
    return G


def _projected(rows) -> list[tuple[str, str, int]]:
    """The weighted edge list of the one-mode projection of (activity, organisation) rows:
    the upper triangle of BᵀB, in organisation order."""
    from scipy import sparse

    activities: dict = {}
    organisations: dict = {}
    cells = [
        (activities.setdefault(a, len(activities)), organisations.setdefault(o, len(organisations)))
        for a, o in rows
    ]
    if not cells:
        return []
    r, c = zip(*cells, strict=True)
    B = sparse.csr_matrix(
        ([1] * len(cells), (r, c)), shape=(len(activities), len(organisations)), dtype="int64"
    )
    W = sparse.triu(B.T @ B, k=1).tocoo()
    names = [str(o) for o in organisations]
    return [
        (names[i], names[j], int(w))
        for i, j, w in zip(W.row.tolist(), W.col.tolist(), W.data.tolist(), strict=True)
    ]
