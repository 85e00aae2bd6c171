"""The network measures by name, and a table of one measure for every node.

:data:`MEASURES` is the registry the command line and notebooks use: each :class:`Measure`
names the function that computes it (in :mod:`~regiokg.network.centrality`,
:mod:`~regiokg.network.structural_holes`, :mod:`~regiokg.network.brokerage`,
:mod:`~regiokg.network.communities` or :mod:`~regiokg.network.cohesion`, whose docstrings
give the definitions and papers) and whether a high or a low value ranks first.
:func:`measure_table` runs one and returns a ranked pandas DataFrame.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from regiokg.network import brokerage, centrality, cohesion, communities, structural_holes

__all__ = ["MEASURES", "Measure", "measure_table"]


@dataclass(frozen=True)
class Measure:
    """One network measure: its ``name``, the ``function`` computing ``{node: value}`` (for
    brokerage ``{node: {role: count}}``, for communities a
    :class:`~regiokg.network.communities.Partition`), whether a *low* value ranks first
    (``ascending``, as for Burt's constraint), whether its value is a group id
    (``partition``: communities, components; rank 1 is then the largest group), and a
    one-line ``summary``."""

    name: str
    function: Callable
    summary: str
    ascending: bool = False
    partition: bool = False

    @property
    def options(self) -> tuple[str, ...]:
        """The keyword options the measure takes (``weighted``, ``k``, ``seed``, ...)."""
        parameters = inspect.signature(self.function).parameters.values()
        return tuple(
            p.name for p in parameters if p.kind is p.KEYWORD_ONLY or p.default is not p.empty
        )


#: Every measure by name.
MEASURES: dict[str, Measure] = {
    m.name: m
    for m in [
        Measure("degree", centrality.degree, "share of possible partners (Freeman 1979)"),
        Measure(
            "weighted_degree",
            centrality.weighted_degree,
            "summed tie weight: shared events and projects (strength)",
        ),
        Measure(
            "betweenness",
            centrality.betweenness,
            "share of shortest paths through the node (Freeman 1977; Brandes 2001; "
            "k pivots: Brandes & Pich 2007)",
        ),
        Measure("closeness", centrality.closeness, "inverse mean distance (Freeman 1979)"),
        Measure(
            "eigenvector", centrality.eigenvector, "central partners make central (Bonacich 1987)"
        ),
        Measure("pagerank", centrality.pagerank, "random-walk importance (Page et al. 1999)"),
        Measure(
            "constraint",
            structural_holes.constraint,
            "Burt's constraint: low = spans structural holes (Burt 1992)",
            ascending=True,
        ),
        Measure(
            "effective_size",
            structural_holes.effective_size,
            "non-redundant partners (Burt 1992)",
        ),
        Measure(
            "brokerage",
            brokerage.brokerage_roles,
            "Gould-Fernandez brokerage roles between regions or countries (1989)",
        ),
        Measure(
            "communities",
            communities.louvain,
            "Louvain communities maximising modularity (Blondel et al. 2008)",
            partition=True,
        ),
        Measure(
            "components", cohesion.components, "connected components, largest first", partition=True
        ),
        Measure("kcore", cohesion.kcore, "core number (Seidman 1983)"),
    ]
}


def _compute(measure: Measure, G: nx.Graph, options: dict):
    unknown = sorted(set(options) - set(measure.options))
    if unknown:
        takes = ", ".join(measure.options) or "no options"
        raise ValueError(
            f"measure {measure.name!r} takes no option {', '.join(unknown)} (it takes: {takes})"
        )
    return measure.function(G, **options)


def measure_table(G: nx.Graph, name: str, *, top: int | None = None, **options):
    """A pandas DataFrame of measure ``name`` (a key of :data:`MEASURES`) on ``G``, one row
    per node, with columns ``entity`` (the node), ``label`` (its ``label`` attribute, else
    the node), ``value`` and ``rank`` (1 = first; equal values share the better rank;
    missing values, such as the constraint of an isolated node, rank last), sorted by rank
    and cut to the ``top`` rows when given. Brokerage adds one column per role
    (coordinator, gatekeeper, representative, itinerant, liaison) and ``total``, and its
    ``value`` is the total. For communities and components the value is the group id and
    the rank the group's place by size. ``options`` go to the measure's function
    (``weighted``, ``k`` and ``seed`` for betweenness, ``groups`` for brokerage, ...); an
    option the measure does not take raises ValueError naming the ones it takes.

    The table's ``attrs`` keep ``measure``, ``options``, the network's ``definition``
    (when the network has one) and, for communities, the partition's ``modularity``."""
    import pandas as pd

    if name not in MEASURES:
        raise ValueError(f"unknown measure {name!r}; choose one of {', '.join(MEASURES)}")
    measure = MEASURES[name]
    result = _compute(measure, G, options)
    modularity = None
    if isinstance(result, communities.Partition):
        result, modularity = result.membership, result.modularity
    nodes = list(G)
    table = pd.DataFrame(
        {
            "entity": pd.Series(nodes, dtype="object"),
            "label": pd.Series([G.nodes[n].get("label") or str(n) for n in nodes], dtype="object"),
        }
    )
    if name == "brokerage":
        for role in (*brokerage.ROLES, "total"):
            table[role] = pd.Series([result[n][role] for n in nodes], dtype="int64")
        table["value"] = table["total"].astype("float64")
    else:
        values = [result.get(n) for n in nodes]
        table["value"] = pd.Series(
            [math.nan if v is None else float(v) for v in values], dtype="float64"
        )
    if measure.partition:
        table["rank"] = (table["value"] + 1).astype("Int64")
    else:
        ranks = table["value"].rank(method="min", ascending=measure.ascending, na_option="bottom")
        table["rank"] = ranks.astype("Int64")
    table = table.sort_values(["rank", "label", "entity"], kind="stable").reset_index(drop=True)
    if top is not None:
        table = table.head(top)
    table.attrs["measure"] = name
    table.attrs["options"] = dict(options)
    if "definition" in G.graph:
        table.attrs["definition"] = G.graph["definition"]
    if modularity is not None:
        table.attrs["modularity"] = modularity
    return table
