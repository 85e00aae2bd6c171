"""Gould--Fernandez brokerage: who mediates between regions (or countries).

Gould & Fernandez (1989) count, for each node ``b``, the two-paths ``a -> b -> c`` in which
``a`` has no tie to ``c`` (``b`` mediates between them), and classify each by the groups of
``a``, ``b`` and ``c``; here the groups are the regions or countries the organisations are
located in:

==================  ==================================  =========================
role                groups                              ``b`` ...
==================  ==================================  =========================
coordinator         ``g(a) = g(b) = g(c)``              mediates inside its group
itinerant           ``g(a) = g(c) != g(b)``             (consultant) mediates for another group
representative      ``g(a) = g(b) != g(c)``             passes its group's ties out
gatekeeper          ``g(b) = g(c) != g(a)``             lets ties from outside into its group
liaison             all three groups differ             mediates between two other groups
==================  ==================================  =========================

The paper defines the roles on *directed* transaction networks. Collaboration ties have no
direction, so an undirected tie is taken as a reciprocated pair of directed ties (as
UCINET does with symmetric data): every mediated pair ``{a, c}`` of ``b`` is counted once in
each direction. Coordinator, itinerant and liaison counts are therefore even, and a pair
that counts as ``b``'s representative role in one direction counts as its gatekeeper role
in the other, so the two coincide. A directed network (``nx.DiGraph``) is counted as the
paper does. Two-paths through a node whose group is unknown are not counted, since they
cannot be classified.

References
----------
Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
brokerage in transaction networks. *Sociological Methodology* 19, 89--126.
doi:10.2307/270949.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

import networkx as nx

__all__ = ["ROLES", "brokerage_roles"]

#: The five roles in the order of Gould & Fernandez (1989).
ROLES = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")


def _role(ga: Hashable, gb: Hashable, gc: Hashable) -> str:
    if ga == gb == gc:
        return "coordinator"
    if ga == gc:
        return "itinerant"
    if ga == gb:
        return "representative"
    if gb == gc:
        return "gatekeeper"
    return "liaison"


def _group_of(G: nx.Graph, groups: str | Mapping | Callable) -> Callable[[Hashable], Hashable]:
    if callable(groups):
        return groups
    if isinstance(groups, Mapping):
        return groups.get
    return lambda node: G.nodes[node].get(groups)


def brokerage_roles(G: nx.Graph, groups: str | Mapping | Callable = "region") -> dict:
    """The Gould--Fernandez (1989) brokerage profile of every node: ``{node: {role:
    count}}`` for the roles of :data:`ROLES` plus ``total`` (their sum, the number of
    mediated two-paths ``a -> b -> c`` with no tie ``a -> c``). ``groups`` says which group
    each node is in: the name of a node attribute (``"region"``, ``"country"``), a mapping or
    a function of the node; nodes whose group is None are skipped. Undirected ties count as
    reciprocated (see the module's notes), so ``gatekeeper == representative`` there.

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> brokerage_roles(G, {"a": "X", "b": "Y", "c": "Z"})["b"]["liaison"]
    2
    """
    group = _group_of(G, groups)
    profile = {node: dict.fromkeys(ROLES, 0) for node in G}
    senders = G.predecessors if G.is_directed() else G.neighbors
    receivers = G.successors if G.is_directed() else G.neighbors
    for b in G:
        gb = group(b)
        if gb is None:
            continue
        counts = profile[b]
        targets = [(c, group(c)) for c in receivers(b) if c != b]
        for a in senders(b):
            ga = group(a)
            if a == b or ga is None:
                continue
            for c, gc in targets:
                if c == a or gc is None or G.has_edge(a, c):
                    continue
                counts[_role(ga, gb, gc)] += 1
    for counts in profile.values():
        counts["total"] = sum(counts[role] for role in ROLES)
    return profile
