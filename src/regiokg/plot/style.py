"""The look shared by every regiokg picture: one font that has every Polish letter, one
qualitative palette assigned to categories in a fixed order, and the wording of class names.

DejaVu Sans ships with matplotlib and covers Latin Extended-A, so labels such as "Śląski
Klaster Lotniczy" or "Płocki Park Przemysłowo-Technologiczny" render without missing glyphs
whatever fonts the machine has.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

__all__ = [
    "FONT",
    "MISSING",
    "RC",
    "category_colours",
    "category_legend",
    "humanise_kind",
    "marker_areas",
    "marker_boxes",
    "new_axes",
    "ordered_categories",
    "place_labels",
    "styled",
    "wrap_label",
]

FONT = "DejaVu Sans"

#: The name a category gets when a node has none (no region known, no kind stated).
MISSING = "not stated"

#: matplotlib settings applied while a picture is drawn.
RC = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "legend.title_fontsize": 9,
}

# Tableau 20 reordered so that the first ten are the strong colours: small graphs have few
# categories, and those should be the easiest to tell apart.
_PALETTE = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#9edae5",
    "#dbdb8d",
    "#393b79",
]
_GREY = "#c7c7c7"


@contextmanager
def styled() -> Iterator[None]:
    """Apply :data:`RC` while a picture is drawn, and keep matplotlib's interactive mode as
    the drawing left it: a notebook's inline backend is set up on the first figure and
    switches interactive mode on, which leaving the settings must not undo (later figures
    would no longer show)."""
    import matplotlib

    interactive = matplotlib.is_interactive()
    try:
        with matplotlib.rc_context(RC):
            try:
                yield
            finally:
                interactive = matplotlib.is_interactive()
    finally:
        matplotlib.interactive(interactive)


def category_colours(categories: Iterable[str]) -> dict[str, str]:
    """A colour for each distinct category, assigned in sorted order so that the same set of
    categories always gets the same colours; :data:`MISSING` is always light grey. Beyond
    twenty categories the palette repeats."""
    present = sorted({c for c in categories if c != MISSING})
    colours = {c: _PALETTE[i % len(_PALETTE)] for i, c in enumerate(present)}
    if MISSING in set(categories) or not present:
        colours[MISSING] = _GREY
    return colours


def humanise_kind(kind: str | None) -> str:
    """The local name of an ontology class as words for a legend: ``ClusterInitiative`` ->
    ``cluster initiative``, ``EUDirectorateGeneral`` -> ``EU directorate general``;
    acronyms stay upper case, and no kind gives :data:`MISSING`."""
    if not kind:
        return MISSING
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", kind)
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words) or kind


def marker_areas(
    values: dict, nodes, *, smallest: float = 40.0, largest: float = 700.0
) -> dict[object, float]:
    """Marker areas in points² for ``nodes``, growing linearly with their ``values`` from
    ``smallest`` to ``largest`` (area, not radius, so the eye reads sizes in proportion);
    when all values are equal (or there are none) every node gets one middling size."""
    low = min(values.values(), default=0.0)
    high = max(values.values(), default=0.0)
    if high == low:
        return dict.fromkeys(nodes, smallest + (largest - smallest) / 3)
    span = high - low
    return {n: smallest + (largest - smallest) * (values.get(n, low) - low) / span for n in nodes}


def wrap_label(text: str, width: int = 24) -> str:
    """``text`` broken into lines of at most ``width`` characters at spaces (never inside a
    word), so that long organisation names take less room beside a node or a bar."""
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def new_axes(ax=None, *, size: tuple[float, float] = (8, 6)):
    """The axes to draw on: ``ax`` when given, else a new figure's only axes (created through
    pyplot so that notebooks show it). Returns ``(figure, axes)``."""
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=size, layout="constrained")
    return fig, ax


def ordered_categories(categories: Iterable[str]) -> list[str]:
    """The distinct ``categories`` in the order legends list them: alphabetical regardless
    of case, :data:`MISSING` last."""
    return sorted(set(categories), key=lambda c: (c == MISSING, c.casefold(), c))


def category_legend(ax, colours: dict[str, str], counts=None, *, title=None, marker="o"):
    """A legend beside ``ax`` with one equal-sized ``marker`` per category of ``colours``
    (in :func:`ordered_categories` order), followed by its count in ``counts`` (a mapping
    from category to a number or a collection) when given. Returns the legend."""
    from matplotlib.lines import Line2D

    handles = []
    for category in ordered_categories(colours):
        n = None if counts is None else counts.get(category)
        if counts is not None and not n:
            continue
        n = len(n) if hasattr(n, "__len__") else n
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=marker,
                markersize=7,
                markerfacecolor=colours[category],
                markeredgecolor="white",
                label=category if n is None else f"{category} ({n})",
            )
        )
    return ax.legend(handles=handles, title=title, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def marker_boxes(ax, markers: Mapping) -> dict:
    """The display-space box of each round marker of ``markers`` (key -> ((x, y) in data
    coordinates, area in points²)), for :func:`place_labels` to keep labels off them."""
    from matplotlib.transforms import Bbox

    to_pixels = ax.figure.dpi / 72
    boxes = {}
    for key, ((x, y), area) in markers.items():
        cx, cy = ax.transData.transform((x, y))
        r = (area**0.5) / 2 * to_pixels
        boxes[key] = Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
    return boxes


_SIDES = (
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
)


def _annotate(ax, renderer, text, xy, side, gap, gid, style):
    dx, dy, ha, va = side
    label = ax.annotate(
        text,
        xy,
        xytext=(dx * gap, dy * gap),
        textcoords="offset points",
        ha=ha,
        va=va,
        gid=gid,
        **style,
    )
    return label, label.get_window_extent(renderer).padded(3)


def place_labels(ax, items, markers: Mapping, *, required: bool = True, gid=None, **style):
    """Annotate ``items`` (``(key, (x, y), text, gap in points)``, most important first) on
    ``ax``, each above its point, else below, right or left of it, whichever first clears
    the labels already placed and the ``markers`` boxes (a box or a list of boxes per key,
    see :func:`marker_boxes`) of the other keys. When no side is clear the label goes on
    the side that covers the fewest if ``required``, else it is left out. ``style`` goes
    to ``annotate``. Call it once the figure's layout is final
    (``figure.draw_without_rendering()``) so the boxes are true. Returns the keys that got
    a label."""
    renderer = ax.figure.canvas.get_renderer()
    placed, labelled = [], []
    style = {
        "zorder": 4,
        "bbox": {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        **style,
    }
    for key, xy, text, gap in items:
        obstacles = placed + [
            box
            for other, found in markers.items()
            if other != key
            for box in (found if isinstance(found, list) else [found])
        ]
        tried = []
        for side in _SIDES:
            label, box = _annotate(ax, renderer, text, xy, side, gap, gid, style)
            clashes = sum(box.overlaps(other) for other in obstacles)
            if not clashes:
                break
            tried.append((clashes, len(tried), side))
            label.remove()
        else:
            if not required:
                continue
            # No side is clear: take the one that covers the fewest others.
            side = min(tried)[2]
            label, box = _annotate(ax, renderer, text, xy, side, gap, gid, style)
        placed.append(box)
        labelled.append(key)
    return labelled
