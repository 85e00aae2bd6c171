"""Cohesion: which parts of the collaboration network hang together.

* :func:`components` -- connected components (weakly connected for directed graphs):
  sets of organisations joined by some chain of ties;
* :func:`kcore` -- the core number (Seidman 1983): the largest ``k`` such that the node
  belongs to the ``k``-core, the maximal subgraph in which every node has at least ``k``
  partners. Computed with the ``O(m)`` algorithm of Batagelj & Zaversnik (2003).

References
----------
Seidman, S. B. (1983). Network structure and minimum degree. *Social Networks* 5(3),
269--287. doi:10.1016/0378-8733(83)90028-X.
Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
networks. arXiv:cs/0310049.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["components", "kcore"]


def components(G: nx.Graph) -> dict:
    """The connected component of each node as ``{node: id}``, numbered from 0 by size
    (largest first; equal sizes in the order of their smallest node).

    >>> components(nx.Graph([(1, 2), (3, 4), (4, 5)]))
    {3: 0, 4: 0, 5: 0, 1: 1, 2: 1}
    """
    found = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    ordered = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    return {node: i for i, part in enumerate(ordered) for node in sorted(part, key=str)}


def kcore(G: nx.Graph) -> dict:
    """The core number of each node (Seidman 1983): the largest ``k`` for which the node
    lies in the ``k``-core, the maximal subgraph whose nodes all have degree at least
    ``k``. Self-loops are ignored.

    >>> kcore(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)]))
    {1: 2, 2: 2, 3: 2, 4: 1}
    """
    H = G
    if nx.number_of_selfloops(G):
        H = G.copy()
        H.remove_edges_from(nx.selfloop_edges(H))
    return nx.core_number(H)
