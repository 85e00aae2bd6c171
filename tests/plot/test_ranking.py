"""The ranked bar chart: one bar per row, the best at the top, brokerage stacked by role."""

from __future__ import annotations

import pytest

from regiokg.network import measure_table
from regiokg.plot import plot_ranking
from regiokg.plot.ranking import BROKERAGE_ROLES
from tests.plot.conftest import render


def bars_by_height(ax):
    return sorted(ax.patches, key=lambda p: -p.get_y())


def test_one_bar_per_row_best_at_the_top(organisations):
    table = measure_table(organisations, "betweenness")
    fig = plot_ranking(table, top=5, measure="betweenness")
    ax = fig.axes[0]
    assert len(ax.patches) == 5
    widths = [p.get_width() for p in bars_by_height(ax)]
    assert widths == sorted(widths, reverse=True)
    assert widths[0] == pytest.approx(table["value"].max())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert max(zip(ax.get_yticks(), labels, strict=True))[1] == "Miasto Katowice"
    assert ax.get_xlabel() == "betweenness"


def test_all_rows_without_top(organisations):
    table = measure_table(organisations, "degree")
    assert len(plot_ranking(table, top=None).axes[0].patches) == len(table)


def test_brokerage_bars_are_stacked_by_role(organisations):
    table = measure_table(organisations, "brokerage", groups="region")
    top = 6
    fig = plot_ranking(table, top=top)
    ax = fig.axes[0]
    assert len(ax.containers) == len(BROKERAGE_ROLES)
    assert all(len(c.patches) == top for c in ax.containers)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(BROKERAGE_ROLES)
    best = table.sort_values("total", ascending=False).iloc[0]
    stacked = sum(c.patches[0].get_width() for c in ax.containers)
    assert stacked == best["total"]


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_renders_without_missing_glyphs(organisations, fmt):
    table = measure_table(organisations, "brokerage", groups="region")
    data = render(plot_ranking(table, top=10, title="Pośrednictwo między regionami"), fmt)
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data
