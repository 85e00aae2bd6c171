"""The partner network as a node-link picture: who works with whom, who is central.

Nodes are placed by a force-directed layout (Fruchterman and Reingold, "Graph drawing by
force-directed placement", Software: Practice and Experience 21(11), 1991,
doi:10.1002/spe.4380211102) started from a fixed seed over the nodes in sorted order, so the
same graph always gives the same picture, however it was assembled. Node area follows a
chosen measure (a table from :func:`regiokg.network.measure_table` or a mapping), node colour
a category (organisation kind, region, country, community), edge width the number of shared
activities; the top nodes by the measure carry their names.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np

from regiokg.plot.style import (
    category_colours,
    category_legend,
    humanise_kind,
    marker_areas,
    marker_boxes,
    new_axes,
    ordered_categories,
    place_labels,
    styled,
    wrap_label,
)

__all__ = [
    "COLOR_ATTRIBUTES",
    "draw_edges",
    "draw_nodes",
    "layout",
    "node_categories",
    "node_values",
    "plot_network",
]

#: ``color_by`` name -> node attribute holding the category (``kind`` is worded for people).
COLOR_ATTRIBUTES = {
    "kind": "kind",
    "region": "region_label",
    "country": "country_label",
    "city": "city_label",
}

_MIN_DISTANCE = 1.0  # layout units between node centres; a unit is about 40 points


def layout(
    graph: nx.Graph, *, seed: int = 7, weight: str | None = None
) -> dict[Hashable, tuple[float, float]]:
    """Positions of the nodes of ``graph``: each connected component gets a spring layout
    seeded with ``seed`` over its nodes and edges in sorted order, scaled so that its area
    grows with its node count, and the components are packed in rows, largest first, with
    single nodes last. Equal graphs get equal positions whatever order their nodes and
    edges were added in. Edges pull with their ``weight``."""
    components = sorted(
        (sorted(c, key=str) for c in nx.connected_components(graph)),
        key=lambda c: (-len(c), str(c[0])),
    )
    shapes = [_component_layout(graph, c, seed, weight) for c in components]
    return _pack(shapes)


def _component_layout(graph, nodes, seed, weight) -> dict:
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    edges = {tuple(sorted(e, key=str)) for e in graph.subgraph(nodes).edges}
    for u, v in sorted(edges, key=str):
        ordered.add_edge(u, v, weight=graph.edges[u, v].get(weight, 1) if weight else 1)
    # Spread a component over a disc whose area grows with its nodes, so that dense
    # clusters keep room between their markers.
    radius = len(nodes) ** 0.5 * 0.8
    pos = nx.spring_layout(
        ordered, k=2.2 / len(nodes) ** 0.5, seed=seed, weight="weight", iterations=300
    )
    points = _spread(np.array([pos[n] for n in nodes]) * radius, _MIN_DISTANCE)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, points, strict=True)}


def _spread(points, distance: float, rounds: int = 60):
    # A spring layout packs a clique (all delegates of one mission) into a knot; push apart
    # every pair closer than ``distance``, each by half the shortfall, a fixed number of
    # rounds, so markers of equal size do not cover each other. Deterministic: no noise.
    for _ in range(rounds):
        delta = points[:, None, :] - points[None, :, :]
        gap = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(gap, distance * 2)
        short = gap < distance
        if not short.any():
            break
        push = np.where(short, (distance - gap) / 2 / np.where(gap > 0, gap, 1), 0.0)
        points = points + (delta * push[..., None]).sum(axis=1)
    return points


def _pack(shapes: list[dict]) -> dict:
    # Shelf packing: fill rows left to right up to a width near the square root of the
    # total area; the first (largest) component sets the first row's height.
    boxes = []
    for shape in shapes:
        xs = [x for x, _ in shape.values()]
        ys = [y for _, y in shape.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + 1.0, max(ys) - min(ys) + 1.0))
    if not boxes:
        return {}
    row_width = max(max(w for _, _, w, _ in boxes), sum(w * h for *_, w, h in boxes) ** 0.5 * 1.3)
    out, x, y, row_height = {}, 0.0, 0.0, 0.0
    for shape, (left, bottom, width, height) in zip(shapes, boxes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for n, (px, py) in shape.items():
            out[n] = (x + (px - left) + 0.5, y - height + (py - bottom) + 0.5)
        x += width
        row_height = max(row_height, height)
    return out


def node_values(values, nodes) -> dict[Hashable, float]:
    """A number per node of ``nodes`` from ``values``: a measure table (a DataFrame with
    ``entity`` and ``value`` columns, as :func:`regiokg.network.measure_table` returns), a
    pandas Series or a mapping; ``None`` gives each node its weighted degree later.
    Nodes the values do not mention get 0."""
    if values is None:
        return {}
    if hasattr(values, "columns"):
        mapping = dict(zip(values["entity"].astype(str), values["value"], strict=True))
    elif isinstance(values, Mapping) or hasattr(values, "items"):
        mapping = {str(k): v for k, v in values.items()}
    else:
        raise TypeError(f"node values must be a measure table or a mapping, not {type(values)}")
    return {n: float(mapping.get(str(n), 0.0) or 0.0) for n in nodes}


def node_categories(graph: nx.Graph, color_by) -> dict[Hashable, str] | None:
    """The category each node is coloured by: ``color_by`` is a name of
    :data:`COLOR_ATTRIBUTES`, another node attribute, or a mapping from node to category
    (e.g. community numbers); ``None`` colours every node alike. A node without the
    attribute falls in :data:`regiokg.plot.style.MISSING`."""
    if color_by is None:
        return None
    if isinstance(color_by, Mapping):
        return {n: _category_name(color_by.get(n)) for n in graph.nodes}
    attribute = COLOR_ATTRIBUTES.get(color_by, color_by)
    out = {}
    for n, data in graph.nodes(data=True):
        value = data.get(attribute)
        # pandas NA and NaN are missing too; only a non-empty value names a category.
        value = str(value) if isinstance(value, (str, int)) and str(value) else None
        out[n] = humanise_kind(value) if attribute == "kind" else (value or humanise_kind(None))
    return out


def _category_name(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "" if value is None or value != value else str(value)
    return text or humanise_kind(None)


def _top_nodes(graph: nx.Graph, values: dict, top: int) -> list:
    # Ties (many nodes have betweenness 0) go to the better connected node.
    strength = dict(graph.degree(weight="weight"))
    score = values or strength
    ranked = sorted(graph.nodes, key=lambda n: (-score.get(n, 0), -strength[n], str(n)))
    return ranked[: max(top, 0)]


def plot_network(
    graph: nx.Graph,
    ax=None,
    *,
    sizes=None,
    color_by="kind",
    top: int = 10,
    seed: int = 7,
    pos: Mapping | None = None,
    title: str | None = None,
    legend_title: str | None = None,
    label_attribute: str = "label",
):
    """Draw ``graph`` (a collaboration, participation or place network) on ``ax`` (a new
    figure when ``None``) and return the figure. Node area follows ``sizes`` (see
    :func:`node_values`; weighted degree when ``None``), colour follows ``color_by`` (see
    :func:`node_categories`) with a legend, edge width follows ``weight``; the ``top`` nodes
    by size (ties to the better connected) are labelled with their ``label_attribute``.
    Positions come from ``pos`` or from :func:`layout` with ``seed``; ``legend_title``
    replaces the legend's default title.

    Node markers are the axes' collections whose gid starts with ``nodes``, the edges the
    collection with gid ``edges`` and the node labels the texts with gid ``label``, for
    tests and for restyling."""

    nodes = sorted(graph.nodes, key=str)
    pos = dict(pos) if pos is not None else layout(graph, seed=seed)
    values = node_values(sizes, nodes) if sizes is not None else {}
    if not values:
        values_for_size = {n: float(d) for n, d in graph.degree(nodes, weight="weight")}
    else:
        values_for_size = values
    areas = marker_areas(values_for_size, nodes)
    categories = node_categories(graph, color_by)
    with styled():
        fig, ax = new_axes(ax, size=(10, 7.5))
        draw_edges(ax, graph, graph.edges, pos, widest=4.0, colour="#8a8a8a", alpha=0.45)
        colours, groups = draw_nodes(ax, nodes, pos, areas, categories)
        _fit_limits(ax, pos.values())
        ax.set_axis_off()
        if title:
            ax.set_title(title)
        if categories:
            category_legend(ax, colours, groups, title=legend_title or _legend_title(color_by))
        # Labels are placed last, on the final axes size, so their overlap test is true.
        fig.draw_without_rendering()
        labelled = _top_nodes(graph, values, top)
        _label_nodes(ax, graph, pos, areas, labelled, label_attribute)
    return fig


def draw_edges(ax, graph, edges, pos, *, widest: float, colour: str, alpha: float):
    """Draw ``edges`` of ``graph`` between their ends' positions ``pos`` as one line
    collection (gid ``edges``) whose widths grow with the edge ``weight`` up to
    ``widest`` points; returns it, or None when there are no edges."""
    from matplotlib.collections import LineCollection

    edges = list(edges)
    if not edges:
        return None
    weights = [graph.edges[e].get("weight", 1) for e in edges]
    top_w = max(weights)
    lines = LineCollection(
        [(pos[u], pos[v]) for u, v in edges],
        linewidths=[0.5 + (widest - 0.5) * (w - 1) / max(top_w - 1, 1) for w in weights],
        colors=colour,
        alpha=alpha,
        zorder=1,
    )
    lines.set_gid("edges")
    ax.add_collection(lines)
    return lines


def draw_nodes(ax, nodes, pos, areas, categories):
    """Draw ``nodes`` at ``pos`` with marker ``areas``, one scatter per category of
    ``categories`` (a node -> category mapping, or None for one colour), each with gid
    ``nodes:CATEGORY``. Colours are assigned over every category of ``categories``, drawn
    or not, so a picture of part of a network colours a category as one of the whole
    does. Returns the colour of each drawn category and its nodes."""
    groups: dict[str, list] = {}
    for n in nodes:
        groups.setdefault(categories[n] if categories else "", []).append(n)
    if categories:
        palette = category_colours(categories.values())
        colours = {category: palette[category] for category in groups}
    else:
        colours = {"": "#1f77b4"}
    for category in ordered_categories(groups):
        members = groups[category]
        ax.scatter(
            [pos[n][0] for n in members],
            [pos[n][1] for n in members],
            s=[areas[n] for n in members],
            c=colours[category],
            edgecolors="white",
            linewidths=0.7,
            zorder=2,
            gid=f"nodes:{category}",
        )
    return colours, groups


def _fit_limits(ax, points, margin: float = 0.1) -> None:
    xs, ys = zip(*points, strict=True) if points else ((0.0,), (0.0,))
    for setter, low, high in ((ax.set_xlim, min(xs), max(xs)), (ax.set_ylim, min(ys), max(ys))):
        pad = (high - low) * margin or 0.5
        setter(low - pad, high + pad)


def _legend_title(color_by) -> str:
    if isinstance(color_by, Mapping):
        return "group"
    return {"kind": "organisation kind"}.get(color_by, str(color_by))


def _label_nodes(ax, graph, pos, areas, labelled, attribute) -> None:
    markers = marker_boxes(ax, {n: (pos[n], areas[n]) for n in pos})
    items = []
    for n in labelled:
        data = graph.nodes[n]
        text = wrap_label(data.get(attribute) or data.get("label_en") or str(n), 26)
        items.append((n, pos[n], text, (areas[n] ** 0.5) / 2 + 2))
    place_labels(ax, items, markers, gid="label", fontsize=7.5)
