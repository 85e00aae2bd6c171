"""The partner network picture, drawn from the seed graph's collaboration network: one
marker per organisation, one line per tie, the legend names the kinds present, the top
organisations by the measure are named, and the same graph always gives the same layout."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from regiokg.network import measure_table, place_network
from regiokg.plot import layout, plot_network, save_figure
from regiokg.plot.style import MISSING, humanise_kind
from tests.plot.conftest import collections, legend_entries, marker_count, render, texts


def test_one_marker_per_node_and_one_line_per_tie(organisations):
    fig = plot_network(organisations)
    assert marker_count(fig) == organisations.number_of_nodes()
    (edges,) = collections(fig, "edges")
    assert len(edges.get_segments()) == organisations.number_of_edges()


def test_the_legend_names_the_kinds_present(organisations):
    fig = plot_network(organisations, color_by="kind")
    kinds = {humanise_kind(d["kind"]) for _, d in organisations.nodes(data=True)}
    assert sorted(legend_entries(fig)) == sorted(kinds)
    counts = {t.get_text() for t in fig.axes[0].get_legend().get_texts()}
    n = sum(1 for _, d in organisations.nodes(data=True) if d["kind"] == "ClusterInitiative")
    assert f"cluster initiative ({n})" in counts


def test_colour_by_region_lists_regions_and_the_unplaced(organisations):
    fig = plot_network(organisations, color_by="region")
    regions = {d["region_label"] or MISSING for _, d in organisations.nodes(data=True)}
    assert sorted(legend_entries(fig)) == sorted(regions)
    assert "województwo śląskie" in legend_entries(fig)


def test_no_colour_means_no_legend(organisations):
    assert legend_entries(plot_network(organisations, color_by=None)) == []


def test_the_top_nodes_by_the_measure_carry_their_names(organisations):
    table = measure_table(organisations, "betweenness")
    # The three best are strictly ahead of the rest on the seed graph, so which three is
    # not a matter of tie-breaking.
    best = table[table["rank"] <= 3]
    assert len(best) == 3 and table["value"].nlargest(4).is_unique
    fig = plot_network(organisations, sizes=table, top=3)
    assert sorted(texts(fig, "label")) == sorted(best["label"])
    assert "Śląski Klaster Lotniczy" in texts(fig, "label")


def test_node_area_follows_the_measure(organisations):
    table = measure_table(organisations, "betweenness")
    fig = plot_network(organisations, sizes=table, color_by=None)
    (nodes,) = collections(fig, "nodes")
    sizes = list(nodes.get_sizes())
    ordered = sorted(organisations.nodes, key=str)
    value = dict(zip(table["entity"], table["value"], strict=True))
    assert ordered[sizes.index(max(sizes))] == max(value, key=value.get)
    assert min(sizes) < max(sizes)


def test_communities_colour_the_nodes(organisations):
    table = measure_table(organisations, "communities")
    pairs = zip(table["entity"], table["value"], strict=True)
    groups = {entity: f"community {int(value) + 1}" for entity, value in pairs}
    fig = plot_network(organisations, color_by=groups, legend_title="community")
    assert sorted(legend_entries(fig)) == sorted(set(groups.values()))
    assert fig.axes[0].get_legend().get_title().get_text() == "community"


def test_a_place_network_draws_with_its_own_labels(organisations):
    cities = place_network(organisations, "city")
    fig = plot_network(cities, color_by="region", top=len(cities))
    assert marker_count(fig) == cities.number_of_nodes()
    assert sorted(texts(fig, "label")) == sorted(d["label"] for _, d in cities.nodes(data=True))


def test_the_same_graph_gives_the_same_layout(organisations):
    first = layout(organisations)
    assert layout(organisations) == first
    # Built again with nodes and ties in another order, it is still the same graph.
    nodes = list(organisations.nodes(data=True))
    edges = list(organisations.edges(data=True))
    random.Random(3).shuffle(nodes)
    random.Random(4).shuffle(edges)
    shuffled = nx.Graph()
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from((v, u, d) for u, v, d in edges)
    assert layout(shuffled) == first
    assert layout(organisations, seed=8) != first


def test_the_picture_uses_the_layout(organisations):
    pos = layout(organisations)
    fig = plot_network(organisations, color_by=None)
    (nodes,) = collections(fig, "nodes")
    ordered = sorted(organisations.nodes, key=str)
    assert [tuple(p) for p in nodes.get_offsets()] == [pos[n] for n in ordered]


def test_components_do_not_overlap(organisations):
    pos = layout(organisations)
    boxes = []
    for component in nx.connected_components(organisations):
        xs = [pos[n][0] for n in component]
        ys = [pos[n][1] for n in component]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_renders_without_missing_glyphs(organisations, fmt):
    data = render(plot_network(organisations, top=12), fmt)
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data


def test_save_figure_writes_the_format_its_suffix_names(organisations, tmp_path):
    fig = plot_network(organisations)
    assert save_figure(fig, tmp_path / "a.svg").read_bytes().lstrip().startswith(b"<?xml")
    assert save_figure(fig, tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(ValueError, match=r"\.gif"):
        save_figure(fig, tmp_path / "a.gif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "a.svg"]
