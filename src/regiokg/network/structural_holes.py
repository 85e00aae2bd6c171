"""Structural holes: how far an organisation's partners are tied to each other.

An organisation whose partners are not tied among themselves spans *structural holes* and
can broker between them (Burt 1992). Both measures are networkx's implementations of
Burt's definitions; each function returns ``{node: value}``. With ``weighted=True`` the
proportional tie strengths use the ``weight`` attribute; otherwise every tie counts 1.

References
----------
Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*. Harvard
University Press. doi:10.4159/9780674029095.
Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
*Connections* 20(1), 35--38.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["constraint", "effective_size"]

WEIGHT = "weight"


def constraint(G: nx.Graph, *, weighted: bool = False, weight: str = WEIGHT) -> dict:
    """Burt's (1992) constraint: ``c_i = sum_{j in N(i)} (p_ij + sum_{q != i, j} p_iq
    p_qj)^2``, where ``p_ij`` is the share of ``i``'s ties (or tie weight) that go to
    ``j``. It is high when the partners of ``i`` are few and tied to one another, low when
    ``i`` spans structural holes: *low* constraint marks a broker, so tables rank it
    ascending. A node without ties has no constraint (NaN).

    >>> round(constraint(nx.star_graph(2))[0], 3)
    0.5
    """
    return nx.constraint(G, weight=weight if weighted else None)


def effective_size(G: nx.Graph, *, weighted: bool = False, weight: str = WEIGHT) -> dict:
    """Burt's (1992) effective size: the number of a node's partners minus their
    redundancy, ``e_i = sum_{j in N(i)} (1 - sum_{q != i, j} p_iq m_jq)`` with ``m_jq`` the
    strength of ``j``'s tie to ``q`` relative to ``j``'s strongest tie. Without weights it
    reduces to ``n - 2t / n`` for ``n`` partners with ``t`` ties among them (Borgatti 1997).
    A node without ties has no effective size (NaN).

    >>> effective_size(nx.star_graph(3))[0]
    3.0
    """
    if not weighted:
        return nx.effective_size(G)
    # networkx 3.6's vectorised path (taken when nodes=None) divides by the wrong row
    # maxima for weighted graphs (networkx PR #8906); naming the nodes takes the per-node
    # path, which follows Burt's definition.
    return nx.effective_size(G, nodes=list(G), weight=weight)
