"""The small picture of an entity's partner network on its page: the ego network (the
entity, its direct partners, and the links among those partners; Everett & Borgatti 2005,
"Ego network betweenness", Social Networks 27(1), doi:10.1016/j.socnet.2004.11.007) drawn
as inline SVG with the entity in the centre and its partners on a circle around it.

Partners are the actors and activities linked to the entity directly or through a role
node (a participation, membership, post, funding); the strongest links (most role nodes)
are kept when there are more than fit. The SVG itself is written by a Jinja template, so
every label is escaped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["EgoNetwork", "Node", "ego_network"]

WIDTH, HEIGHT = 760, 400
_RADIUS_X, _RADIUS_Y = 180, 140
_LABEL_CHARS = 26


@dataclass
class Node:
    """One drawn node: its ``iri``, the ``label`` shown (shortened to fit; ``title`` is
    the whole label), its position, and ``anchor`` for the text (start, middle, end)."""

    iri: str
    label: str
    title: str
    x: float
    y: float
    anchor: str = "middle"
    ego: bool = False


@dataclass
class EgoNetwork:
    """An ego network laid out for drawing: ``nodes`` (the ego first), ``edges`` as pairs
    of node indices with their ``weights``, and how many partners were ``left_out``."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[int, int, int]] = field(default_factory=list)
    left_out: int = 0
    width: int = WIDTH
    height: int = HEIGHT


def _shorten(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def ego_network(
    partners: dict[str, dict[str, set[str]]], ego: str, label, *, limit: int = 14
) -> EgoNetwork | None:
    """The ego network of ``ego`` in ``partners`` (node -> partner -> the links between
    them), with at most ``limit`` partners (the most strongly linked, then by label), laid
    out for drawing; ``label`` gives a node's label. None when the entity has no partner."""
    around = partners.get(ego, {})
    if not around:
        return None
    ranked = sorted(around, key=lambda p: (-len(around[p]), label(p), p))
    chosen = ranked[:limit]
    cx, cy = WIDTH / 2, HEIGHT / 2
    ego_label = label(ego)
    nodes = [Node(ego, _shorten(ego_label), ego_label, cx, cy, ego=True)]
    for i, iri in enumerate(chosen):
        angle = 2 * math.pi * i / len(chosen) - math.pi / 2
        x = cx + _RADIUS_X * math.cos(angle)
        y = cy + _RADIUS_Y * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if x > cx else "end")
        text = label(iri)
        nodes.append(Node(iri, _shorten(text), text, round(x, 1), round(y, 1), anchor))
    position = {node.iri: i for i, node in enumerate(nodes)}
    edges = [(0, position[p], len(around[p])) for p in chosen]
    for i, a in enumerate(chosen):
        for b in chosen[i + 1 :]:
            links = partners.get(a, {}).get(b)
            if links:
                edges.append((position[a], position[b], len(links)))
    return EgoNetwork(nodes, edges, len(ranked) - len(chosen))
