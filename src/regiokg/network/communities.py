"""Communities: groups of organisations more densely tied to each other than to the rest.

Found by the Louvain method (Blondel et al. 2008), which greedily moves nodes between
groups, then merges groups, as long as the modularity ``Q`` grows (Newman & Girvan 2004):
``Q = 1/(2m) sum_ij (A_ij - gamma k_i k_j / (2m)) delta(c_i, c_j)``, with ``m`` the total
tie weight, ``k_i`` the (weighted) degree and ``gamma`` the resolution. The method is
randomised: a ``seed`` makes the partition reproducible.

References
----------
Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of
communities in large networks. *Journal of Statistical Mechanics* P10008.
doi:10.1088/1742-5468/2008/10/P10008.
Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in
networks. *Physical Review E* 69, 026113. doi:10.1103/PhysRevE.69.026113.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

__all__ = ["Partition", "louvain"]

WEIGHT = "weight"


@dataclass(frozen=True)
class Partition:
    """A partition of a network into communities: ``membership`` maps each node to its
    community id (0 = the largest community), ``modularity`` is the partition's ``Q``."""

    membership: dict
    modularity: float

    @property
    def communities(self) -> list[set]:
        """The communities as sets of nodes, largest first."""
        groups: dict[int, set] = {}
        for node, community in self.membership.items():
            groups.setdefault(community, set()).add(node)
        return [groups[i] for i in sorted(groups)]


def louvain(
    G: nx.Graph,
    *,
    weighted: bool = True,
    resolution: float = 1.0,
    seed: int | None = 0,
    weight: str = WEIGHT,
) -> Partition:
    """Communities by the Louvain method (Blondel et al. 2008) maximising modularity at
    ``resolution`` (1 = Newman--Girvan modularity), with the tie weights unless
    ``weighted=False``. Returns a :class:`Partition`; communities are numbered by size
    (largest first; equal sizes in the order of their smallest node). Isolated nodes form
    communities of their own. A network without ties has modularity 0 by convention."""
    key = weight if weighted else None
    if G.number_of_edges() == 0:
        ordered = sorted(({n} for n in G), key=lambda c: str(next(iter(c))))
        return Partition({next(iter(c)): i for i, c in enumerate(ordered)}, 0.0)
    found = nx.community.louvain_communities(G, weight=key, resolution=resolution, seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    modularity = nx.community.modularity(G, ordered, weight=key, resolution=resolution)
    return Partition({n: i for i, c in enumerate(ordered) for n in sorted(c, key=str)}, modularity)
