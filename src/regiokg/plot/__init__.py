"""Pictures of the knowledge graph: the partner network, a map, a timeline of events and
ranked measures. Each is a function that takes a graph or a table (made by
:mod:`regiokg.network`; plots compute no networks and run no queries) and ``ax=None`` and
returns the matplotlib figure; :func:`save_figure` writes one to PNG, SVG or PDF atomically.
matplotlib is imported only when a picture is drawn.
"""

from __future__ import annotations

from pathlib import Path

from regiokg.atomic import atomic_path
from regiokg.plot.map import plot_map
from regiokg.plot.network import layout, plot_network
from regiokg.plot.ranking import plot_ranking
from regiokg.plot.timeline import plot_timeline

__all__ = [
    "FORMATS",
    "layout",
    "plot_map",
    "plot_network",
    "plot_ranking",
    "plot_timeline",
    "save_figure",
]

#: file suffix -> matplotlib format name
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def save_figure(figure, path: str | Path, *, dpi: int = 150) -> Path:
    """Write ``figure`` to ``path`` in the format its suffix names (``.png``, ``.svg`` or
    ``.pdf``; anything else raises ``ValueError``), atomically: a reader sees the old file or
    the complete new one. SVG and PDF carry no creation date, so the same picture gives the
    same bytes."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"{path}: cannot tell the picture format from {path.suffix or 'no suffix'!r}; "
            f"use one of {', '.join(FORMATS)}"
        )
    metadata = {"Date": None} if fmt == "svg" else {"CreationDate": None} if fmt == "pdf" else {}
    with atomic_path(path) as tmp:
        figure.savefig(tmp, format=fmt, dpi=dpi, metadata=metadata, bbox_inches="tight")
    return path
