"""Networks of places: a collaboration network aggregated to the cities, regions or
countries its organisations are located in."""

from __future__ import annotations

from dataclasses import replace

import networkx as nx

from regiokg.network.definition import NetworkDefinition, local_name

__all__ = ["PLACE_KINDS", "PLACE_LEVELS", "place_network"]

#: Levels :func:`place_network` aggregates to, and the network kind each gives.
PLACE_LEVELS = ("city", "region", "country")
PLACE_KINDS = {"city": "cities", "region": "regions", "country": "countries"}


def place_network(G: nx.Graph, level: str = "city") -> nx.Graph:
    """The network of places (``level`` "city", "region" or "country") that a
    collaboration network ``G`` spans: each organisation counts for the place it is located
    in (its ``city``, ``region`` or ``country`` attribute), and two places are tied with the
    summed ``weight`` of the ties between their organisations. Nodes are place IRIs with
    ``label``, ``lat``/``long`` (the city's, for cities; None otherwise), the levels above
    (``region``, ``country`` and their labels, as the first organisation there has them),
    ``organisations``
    (how many nodes of ``G`` are there) and ``internal_weight`` (summed weight of the ties
    inside the place, which the network keeps out as self-loops). Organisations whose place
    is unknown are left out. Edges also keep ``activities`` (sorted union)."""
    if level not in PLACE_LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(PLACE_LEVELS)}")
    P = nx.Graph()
    definition = G.graph.get("definition", NetworkDefinition())
    P.graph["definition"] = replace(definition, kind=PLACE_KINDS[level])
    label_key = f"{level}_label"
    for _, data in G.nodes(data=True):
        place = data.get(level)
        if place is None:
            continue
        if place not in P:
            P.add_node(
                place,
                label=data.get(label_key) or local_name(place),
                lat=data.get("lat") if level == "city" else None,
                long=data.get("long") if level == "city" else None,
                organisations=0,
                internal_weight=0,
            )
            # The levels above a place, so that brokerage can group cities by region.
            for above in PLACE_LEVELS[PLACE_LEVELS.index(level) + 1 :]:
                P.nodes[place][above] = data.get(above)
                P.nodes[place][f"{above}_label"] = data.get(f"{above}_label")
        P.nodes[place]["organisations"] += 1
    for a, b, data in G.edges(data=True):
        pa, pb = G.nodes[a].get(level), G.nodes[b].get(level)
        if pa is None or pb is None:
            continue
        weight = data.get("weight", 1)
        if pa == pb:
            P.nodes[pa]["internal_weight"] += weight
            continue
        if P.has_edge(pa, pb):
            P[pa][pb]["weight"] += weight
            P[pa][pb]["activities"] = sorted(
                set(P[pa][pb]["activities"]) | set(data.get("activities", []))
            )
        else:
            P.add_edge(pa, pb, weight=weight, activities=sorted(data.get("activities", [])))
    return P
