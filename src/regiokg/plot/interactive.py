"""The interactive partner network: one view of a networkx collaboration network (node
positions, sizes by a measure, colours by kind, labels, regions and years) that the
server's ``/network`` page draws with sigma.js and a notebook draws with ipysigma, so the
browser and the notebook show the same picture of the same graph.

Positions come from :func:`regiokg.plot.network.layout` (seeded, so the picture is the same
every time); sizes from :func:`regiokg.network.measure_table`; colours from
:func:`regiokg.plot.style.category_colours`, as in the static pictures.
"""

from __future__ import annotations

import math

import networkx as nx

from regiokg.network import measure_table
from regiokg.plot.network import layout
from regiokg.plot.style import category_colours, humanise_kind

__all__ = ["SIZE_MEASURES", "network_view", "sigma_widget", "write_sigma_html"]

#: Measures a reader can size nodes by.
SIZE_MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "eigenvector")


def _sizes(G: nx.Graph, measure: str) -> dict[str, float]:
    if G.number_of_nodes() == 0:
        return {}
    table = measure_table(G, measure)
    return {str(row["entity"]): float(row["value"]) for _, row in table.iterrows()}


def network_view(
    G: nx.Graph,
    *,
    measure: str = "degree",
    positions: dict | None = None,
    kinds: list[str] | None = None,
    smallest: float = 4.0,
    largest: float = 18.0,
) -> dict:
    """The view of ``G`` as plain data: ``nodes`` (``key``, ``label``, ``kind`` and its
    readable ``kind_label``, ``region``, ``region_label``, ``x``, ``y``, ``value`` of
    ``measure``, ``degree`` (number of ties), marker ``size`` from ``smallest`` to
    ``largest`` by the square root of the value, ``color`` by kind), ``edges``
    (``source``, ``target``, ``weight``, ``years``), and the ``kinds`` (with colours) and
    ``regions`` present. ``positions`` (node -> (x, y)) keeps nodes where a larger network
    put them; nodes it does not place get the layout of ``G``. ``kinds`` (all the kinds of
    a larger network) keeps each kind's colour when a part of the network is shown."""
    if measure not in SIZE_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; use one of {', '.join(SIZE_MEASURES)}")
    placed = layout(G, weight="weight") if G.number_of_nodes() else {}
    if positions:
        placed.update({n: positions[n] for n in G if n in positions})
    values = _sizes(G, measure)
    top = max(values.values(), default=0.0)
    present = sorted({str(d.get("kind") or "unknown") for _, d in G.nodes(data=True)})
    colours = category_colours(sorted(set(kinds or []) | set(present)))
    kinds = present
    nodes = []
    for n, data in sorted(G.nodes(data=True), key=lambda nd: str(nd[0])):
        value = values.get(str(n), 0.0)
        share = math.sqrt(value / top) if top > 0 else 0.0
        kind = str(data.get("kind") or "unknown")
        x, y = placed.get(n, (0.0, 0.0))
        nodes.append(
            {
                "key": str(n),
                "label": str(data.get("label") or n),
                "kind": kind,
                "kind_label": humanise_kind(kind),
                "region": data.get("region"),
                "region_label": data.get("region_label"),
                "x": round(float(x), 5),
                "y": round(float(y), 5),
                "value": value,
                "degree": G.degree(n),
                "size": round(smallest + (largest - smallest) * share, 2),
                "color": colours[kind],
            }
        )
    edges = [
        {
            "source": str(u),
            "target": str(v),
            "weight": data.get("weight", 1),
            "years": list(data.get("years", [])),
        }
        for u, v, data in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
    ]
    regions = sorted(
        {(d.get("region"), d.get("region_label")) for _, d in G.nodes(data=True)} - {(None, None)},
        key=lambda r: str(r[1] or r[0]),
    )
    return {
        "measure": measure,
        "nodes": nodes,
        "edges": edges,
        "kinds": [{"kind": k, "label": humanise_kind(k), "color": colours[k]} for k in kinds],
        "regions": [{"region": r, "label": label or r} for r, label in regions if r],
    }


def _view_graph(view: dict) -> nx.Graph:
    graph = nx.Graph()
    for node in view["nodes"]:
        graph.add_node(
            node["key"],
            label=node["label"],
            kind=node["kind_label"],
            region=node["region_label"] or "",
            x=node["x"],
            y=-node["y"],
            size=node["size"],
            color=node["color"],
            value=node["value"],
        )
    for edge in view["edges"]:
        graph.add_edge(edge["source"], edge["target"], weight=edge["weight"])
    return graph


def sigma_widget(G: nx.Graph, *, measure: str = "degree", height: int = 600):
    """An ipysigma widget of ``G`` showing the same view as the server's ``/network``
    page (:func:`network_view`): same positions, sizes by ``measure``, colours by kind;
    hover for the label, click to select. Needs the ``ipysigma`` package."""
    from ipysigma import Sigma

    graph = _view_graph(network_view(G, measure=measure))
    return Sigma(
        graph,
        height=height,
        layout={n: {"x": d["x"], "y": d["y"]} for n, d in graph.nodes(data=True)},
        raw_node_color="color",
        node_size="size",
        node_size_range=(3, 15),
        edge_size="weight",
        node_label="label",
    )


def write_sigma_html(G: nx.Graph, path, *, measure: str = "degree", height: int = 600) -> None:
    """Write the :func:`sigma_widget` of ``G`` as a standalone HTML page at ``path`` (the
    widget's state embedded, for sharing a notebook's network outside Jupyter)."""
    sigma_widget(G, measure=measure, height=height).to_html(str(path))
