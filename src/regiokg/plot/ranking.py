"""A ranked bar chart of one network measure: who is most central, who brokers most.

The input is a measure table as :func:`regiokg.network.measure_table` returns it (columns
``entity``, ``label``, ``value``, ``rank``). A brokerage table, which also counts each
Gould–Fernandez role (Gould and Fernandez, "Structures of mediation: a formal approach to
brokerage in transaction networks", Sociological Methodology 19, 1989, doi:10.2307/270949),
is drawn as stacked bars, one segment per role, so the chart shows both how much and what
kind of brokering each organisation does.
"""

from __future__ import annotations

from regiokg.plot.style import new_axes, styled, wrap_label

__all__ = ["BROKERAGE_ROLES", "plot_ranking"]

#: The five brokerage roles in the order their segments are stacked, with their colours.
BROKERAGE_ROLES = {
    "coordinator": "#1f77b4",
    "gatekeeper": "#ff7f0e",
    "representative": "#2ca02c",
    "itinerant": "#9467bd",
    "liaison": "#d62728",
}


def plot_ranking(table, ax=None, *, top: int | None = 15, measure: str | None = None, title=None):
    """Draw the ``top`` rows of a measure ``table`` (all rows when ``None``) as horizontal
    bars, the highest value at the top, each labelled with the entity's ``label`` and its
    value, on ``ax`` (a new figure when ``None``); return the figure. When the table has
    the brokerage role columns the bars are stacked by role (their sum is the ``total``
    column, or ``value`` when there is none) with a legend of the roles. ``measure`` names
    the value axis. Bars are the axes' patches; each role's bars form one container."""
    rows = _ranked(table, top)
    roles = [r for r in BROKERAGE_ROLES if r in rows.columns]
    height = max(2.5, 0.42 * len(rows) + 1.3)
    with styled():
        fig, ax = new_axes(ax, size=(8.5, height))
        y = list(range(len(rows)))[::-1]
        labels = [wrap_label(text, 40) for text in rows["_label"]]
        if roles:
            left = [0.0] * len(rows)
            for role in roles:
                widths = [float(v) for v in rows[role].fillna(0)]
                ax.barh(y, widths, left=left, color=BROKERAGE_ROLES[role], label=role, height=0.7)
                left = [a + b for a, b in zip(left, widths, strict=True)]
            totals = left
            ax.legend(title="brokerage role", loc="upper left", bbox_to_anchor=(1.0, 1.0))
        else:
            totals = [float(v) for v in rows["value"]]
            ax.barh(y, totals, color="#1f77b4", height=0.7)
        ax.set_yticks(y, labels)
        ax.tick_params(axis="y", length=0)
        top_value = max(totals, default=0) or 1.0
        for yi, total in zip(y, totals, strict=True):
            ax.annotate(
                _number(total),
                (total, yi),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.set_xlim(0, top_value * 1.12)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ax.set_xlabel(measure or ("brokerage (all roles)" if roles else "value"))
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
        ax.set_axisbelow(True)
        if title:
            ax.set_title(title)
    return fig


def _ranked(table, top):
    # The table may come sorted or not, from the network module or from a SPARQL answer:
    # order it here, ties by label so the chart is stable.
    key = "total" if "total" in table.columns else "value"
    ordered = table.assign(_label=table.apply(_label, axis=1)).sort_values(
        [key, "_label"], ascending=[False, True], kind="stable"
    )
    return ordered.head(top) if top is not None else ordered


def _label(row) -> str:
    label = getattr(row, "label", None)
    if isinstance(label, str) and label:
        return label
    return str(getattr(row, "entity", "")).rsplit("/", 1)[-1]


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.3g}"
