"""Maps on the server's pages without a tile server: the places of an entity (an
organisation's city, an event's venue, the cities of a region) or of the whole graph,
drawn as inline SVG over Natural Earth country outlines (public domain; the ``maps`` extra
ships them, see :func:`regiokg.plot.map.country_outlines`), so the browser fetches nothing
from another host. Without the outlines the map is a plain frame with the same points.

The projection is equirectangular with the horizontal scale corrected for the mean
latitude, as in :func:`regiokg.plot.map.plot_map`. Outlines are reduced to the drawing's
resolution (points closer than half a pixel merge), which keeps a map of Europe small.
The coordinates come from the named query ``entity_places``; the SVG is written by a Jinja
template, so every label is escaped.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from regiokg.plot.map import country_outlines
from regiokg.serve.site import Site

__all__ = ["MapPoint", "MapView", "entity_map", "graph_map", "map_view"]

WIDTH = 640
MAX_HEIGHT = 440
RKG = "https://w3id.org/regiokg/ontology#"
CATEGORIES = {
    RKG + "Organisation": "organisations",
    RKG + "Event": "events",
    RKG + "Project": "projects",
}


@dataclass
class MapPoint:
    """A place drawn on a map: its ``iri``, ``label``, the ``href`` of its page, where it
    is (``lat``, ``long``), what lies there (``counts`` by category) and, once laid out,
    its position ``x``, ``y`` and marker radius ``r``."""

    iri: str
    label: str
    href: str | None
    lat: float
    long: float
    counts: dict[str, int] = field(default_factory=dict)
    x: float = 0.0
    y: float = 0.0
    r: float = 5.0
    named: bool = True

    @property
    def title(self) -> str:
        """The tooltip: the label and what lies there."""
        parts = [f"{n} {what}" for what, n in sorted(self.counts.items()) if n]
        return self.label + (f": {', '.join(parts)}" if parts else "")


@dataclass
class MapView:
    """A laid-out map: ``width`` and ``height`` of the drawing, the country ``outlines``
    as SVG path data with their names, and the ``points``."""

    width: int
    height: int
    outlines: list[tuple[str, str]]
    points: list[MapPoint]
    plain: bool = False


def _extent(points: list[MapPoint]) -> tuple[float, float, float, float]:
    xs = [p.long for p in points]
    ys = [p.lat for p in points]
    # At least a country's breadth, so that a single city is seen among its neighbours.
    width = max((max(xs) - min(xs)) * 1.3, 14.0)
    height = max((max(ys) - min(ys)) * 1.3, 8.0)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def _simplified(ring: list[tuple[float, float]], width: float, height: float) -> list[str]:
    # Inside the drawing a point is kept when it lies a pixel or more from the last one
    # kept; outside, where nobody sees the detail, only every 25 pixels.
    kept: list[tuple[float, float]] = []
    for x, y in ring:
        inside = -10 <= x <= width + 10 and -10 <= y <= height + 10
        tolerance = 1.0 if inside else 25.0
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= tolerance:
            kept.append((x, y))
    return [f"{x:.1f},{y:.1f}" for x, y in kept]


def _paths(bbox, project, width: float, height: float) -> list[tuple[str, str]]:
    shapes = country_outlines(bbox) or []
    paths = []
    for shape in shapes:
        commands = []
        for ring in shape.rings:
            xy = [project(x, y) for x, y in ring]
            xs, ys = [p[0] for p in xy], [p[1] for p in xy]
            outside = max(xs) < 0 or min(xs) > width or max(ys) < 0 or min(ys) > height
            if outside or (max(xs) - min(xs) < 1.5 and max(ys) - min(ys) < 1.5):
                continue
            points = _simplified(xy, width, height)
            if len(points) >= 3:
                commands.append("M" + "L".join(points) + "Z")
        if commands:
            paths.append((shape.name_en, "".join(commands)))
    return paths


def map_view(site: Site, points: list[MapPoint]) -> MapView | None:
    """Lay out ``points`` on a map fitted around them, with the country outlines of that
    area (cached per area); None without points."""
    if not points:
        return None
    west, south, east, north = _extent(points)
    squash = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * squash)
    height = min(MAX_HEIGHT, math.ceil((north - south) * scale))
    if height == MAX_HEIGHT:
        # A tall area: fit the height and widen the longitude range to keep the aspect.
        scale = MAX_HEIGHT / (north - south)
        half = WIDTH / (scale * squash) / 2
        middle = (east + west) / 2
        west, east = middle - half, middle + half

    def project(long: float, lat: float) -> tuple[float, float]:
        return (long - west) * squash * scale, (north - lat) * scale

    key = ("map-outlines", round(west, 3), round(south, 3), round(east, 3), round(north, 3))
    if key not in site.cache:
        site.cache[key] = _paths((west, south, east, north), project, WIDTH, height)
    largest = max(sum(p.counts.values()) for p in points) or 1
    for point in points:
        point.x, point.y = (round(v, 1) for v in project(point.long, point.lat))
        total = sum(point.counts.values())
        point.r = round(4 + 10 * math.sqrt(total / largest), 1) if total else 5.0
    # Name the busiest places first; a name that would overlap one already placed is left
    # to the tooltip.
    taken: list[tuple[float, float, float, float]] = []
    for point in sorted(points, key=lambda p: (-sum(p.counts.values()), p.label)):
        left = point.x + point.r + 2
        box = (left, point.y - 8, left + 6 + 6.5 * len(point.label), point.y + 4)
        point.named = not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken
        )
        if point.named:
            taken.append(box)
    outlines = site.cache[key]
    return MapView(WIDTH, height, outlines, points, plain=not outlines)


def _points(site: Site, rows) -> list[MapPoint]:
    places: dict[str, MapPoint] = {}
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in rows:
        place = str(row["place"])
        if place not in places:
            places[place] = MapPoint(
                place,
                site.label(place) or site.curie(place),
                site.iris.href(place),
                float(row["lat"]),
                float(row["long"]),
            )
        what = CATEGORIES.get(str(row["category"]))
        entity = str(row["entity"])
        if what and (entity, what) not in seen[place]:
            seen[place].add((entity, what))
            places[place].counts[what] = places[place].counts.get(what, 0) + 1
    return sorted(places.values(), key=lambda p: p.iri)


def entity_map(site: Site, iri: str) -> MapView | None:
    """The map of where ``iri`` is: its own coordinates, its city or venue, or the cities
    inside it; None when it has no place with coordinates."""
    points = _points(site, site.run("entity_places", entity_iri=iri))
    for point in points:
        point.counts = {}
    return map_view(site, points)


def graph_map(site: Site) -> MapView | None:
    """The map of the whole graph: every city with organisations, events or projects,
    sized by how many (cached)."""

    def make() -> MapView | None:
        points = [p for p in _points(site, site.run("entity_places")) if p.counts]
        return map_view(site, points)

    return site.cached("graph_map", make)
