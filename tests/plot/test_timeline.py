"""The event timeline: one dot per event on its kind's row, coloured by region, planned
events hollow and undated ones in a column of their own."""

from __future__ import annotations

import pytest

from regiokg.network import events_table
from regiokg.plot import plot_timeline
from regiokg.plot.style import humanise_kind
from tests.plot.conftest import collections, legend_entries, marker_count, render


@pytest.fixture(scope="module")
def events(plot_store, project):
    return events_table(plot_store, project)


def test_one_row_per_event(events):
    assert events["event"].is_unique
    assert {"BusinessMission", "Seminar", "StudyVisit"} <= set(events["kind"])


def test_a_window_keeps_the_events_of_its_years(plot_store, project, events):
    window = events_table(plot_store, project, start=2011, end=2012)
    assert len(window) > 0
    assert window["year"].between(2011, 2012).all()
    expected = events["year"].between(2011, 2012).fillna(False).sum()
    assert len(window) == expected


def test_one_dot_per_event_on_its_kinds_row(events):
    fig = plot_timeline(events)
    assert marker_count(fig, "events") == len(events)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(rows) == sorted({humanise_kind(k) for k in events["kind"]})


def test_planned_events_are_hollow_and_undated_ones_stand_apart(events):
    fig = plot_timeline(events)
    planned = (events["status"] == "planned").sum()
    hollow = sum(
        len(c.get_offsets()) for c in collections(fig, "events") if "planned" in c.get_gid()
    )
    assert planned > 0 and hollow == planned
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks[-1] == "planned,\nno date"
    assert str(int(events["year"].min())) == ticks[0]


def test_colour_by_region_falls_back_to_the_country(events):
    fig = plot_timeline(events, color_by="region")
    expected = {
        r if isinstance(r, str) else c
        for r, c in zip(events["region_label"], events["country_label"], strict=True)
    }
    assert sorted(legend_entries(fig)) == sorted(expected)
    assert "Tunezja" in legend_entries(fig)


def test_colour_must_be_a_place(events):
    with pytest.raises(ValueError, match="region or 'country'|'region' or 'country'"):
        plot_timeline(events, color_by="kind")


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_renders_without_missing_glyphs(events, fmt):
    data = render(plot_timeline(events, title="Wydarzenia według lat"), fmt)
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data
