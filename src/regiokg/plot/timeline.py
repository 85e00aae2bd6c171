"""A timeline of events: when each kind of event took place, and where.

Each event is one dot on the row of its kind (business mission, seminar, study visit …),
at its start date, coloured by the region (or country) it took place in. Planned events are
hollow; planned events without a date stand in a column of their own at the right. The
table comes from the named query ``events_timeline``
(:func:`regiokg.network.events.events_table`).
"""

from __future__ import annotations

import datetime as dt
import re

from regiokg.plot.style import (
    MISSING,
    category_colours,
    category_legend,
    humanise_kind,
    new_axes,
    styled,
)

__all__ = ["plot_timeline"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_PLANNED = "planned"
_CLOSE = 0.2  # years: dots of one row nearer than this are stacked
_OFFSETS = [0.0] + [sign * 0.17 * step for step in range(1, 50) for sign in (1, -1)]


def _decimal_year(value) -> float | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.date):
        value = value.isoformat()
    match = _DATE.match(str(value))
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 7), int(match[3] or 1)
    # A date given to the month only sits mid-month, to the year only mid-year.
    day = day if match[3] else 15
    return year + (dt.date(year, month, day).timetuple().tm_yday - 1) / 365.25


def _place(row, color_by: str) -> str:
    order = ["region_label", "country_label"] if color_by == "region" else ["country_label"]
    for column in order:
        value = row.get(column)
        if isinstance(value, str) and value:
            return value
    return MISSING


def plot_timeline(table, ax=None, *, color_by: str = "region", title: str | None = None):
    """Draw the events of ``table`` (see :func:`regiokg.network.events_table`; columns
    ``event``, ``kind``,
    ``start``, ``status`` and ``region_label``/``country_label``) as a dot strip: one row
    per kind, one dot per event at its start date, coloured by region (``color_by=
    "region"``, falling back to the country where no region is known) or by ``"country"``,
    with a legend. Planned events are hollow; undated ones stand in a "planned, no date"
    column. Returns the figure; the dots are the collections whose gid starts with
    ``events``."""
    if color_by not in ("region", "country"):
        raise ValueError(f"color_by must be 'region' or 'country', not {color_by!r}")
    rows = [dict(r) for _, r in table.iterrows()]
    for r in rows:
        r["x"] = _decimal_year(r.get("start"))
        r["place"] = _place(r, color_by)
        r["kind_words"] = humanise_kind(r.get("kind"))
        r["planned"] = str(r.get("status") or "").endswith(_PLANNED)
    kinds = sorted({r["kind_words"] for r in rows}, key=str.casefold)
    dated = [r["x"] for r in rows if r["x"] is not None]
    first = int(min(dated)) if dated else dt.date.today().year
    last = int(max(dated)) if dated else first
    undated_x = last + 1.7
    colours = category_colours(r["place"] for r in rows)
    with styled():
        fig, ax = new_axes(ax, size=(9.5, max(2.8, 0.55 * len(kinds) + 1.6)))
        placed: dict[int, list[tuple[float, float]]] = {}
        points: dict[tuple[str, bool], list] = {}
        for r in sorted(rows, key=lambda r: (r["x"] is None, r["x"] or 0, str(r["event"]))):
            x = r["x"] if r["x"] is not None else undated_x
            row_y = kinds.index(r["kind_words"])
            # Events of one kind close in time are stacked above and below the row's line
            # rather than drawn over each other.
            taken = placed.setdefault(row_y, [])
            offset = next(
                o for o in _OFFSETS if not any(abs(x - px) < _CLOSE and o == po for px, po in taken)
            )
            taken.append((x, offset))
            points.setdefault((r["place"], r["planned"]), []).append((x, row_y + offset))
        for (place, planned), xy in sorted(points.items()):
            ax.scatter(
                [p[0] for p in xy],
                [p[1] for p in xy],
                s=70,
                facecolors="white" if planned else colours[place],
                edgecolors=colours[place],
                linewidths=1.6 if planned else 0.8,
                zorder=3,
                gid=f"events:{place}:{'planned' if planned else 'held'}",
            )
        ax.set_yticks(range(len(kinds)), kinds)
        ax.set_ylim(-0.7, len(kinds) - 0.3)
        # A year's label stands in the middle of its span, between the lines at its ends.
        years = list(range(first, last + 1))
        ticks, labels = [y + 0.5 for y in years], [str(y) for y in years]
        if any(r["x"] is None for r in rows):
            ticks.append(undated_x)
            labels.append("planned,\nno date")
            ax.axvline(last + 1.2, color="#999999", linewidth=0.8, linestyle=":")
        ax.set_xticks(ticks, labels)
        ax.set_xlim(first - 0.1, undated_x + 0.5 if ticks[-1] == undated_x else last + 1.1)
        for y in range(first, last + 2):
            ax.axvline(y, color="#e0e0e0", linewidth=0.7, zorder=0)
        ax.tick_params(axis="x", length=0)
        ax.grid(axis="y", color="#eeeeee", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        counts = {}
        for r in rows:
            counts[r["place"]] = counts.get(r["place"], 0) + 1
        legend = category_legend(
            ax, colours, counts, title="region" if color_by == "region" else "country"
        )
        if any(r["planned"] for r in rows):
            legend.set_title(legend.get_title().get_text() + " (hollow: planned)")
        if title:
            ax.set_title(title)
    return fig
