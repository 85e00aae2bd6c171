"""The interactive network view: the same data for the server's sigma.js page and the
notebook's ipysigma widget, stable, sized by the measure asked for, and rendered to HTML."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from regiokg.plot.interactive import network_view, sigma_widget, write_sigma_html

ID = "https://w3id.org/regiokg/id/"


def test_view_is_stable_and_sized_by_the_measure(organisations):
    first = network_view(organisations, measure="degree")
    assert first == network_view(organisations, measure="degree")
    assert len(first["nodes"]) == organisations.number_of_nodes()
    assert len(first["edges"]) == organisations.number_of_edges()
    by_key = {n["key"]: n for n in first["nodes"]}
    hub = max(organisations.degree, key=lambda kv: kv[1])[0]
    assert by_key[hub]["size"] == max(n["size"] for n in first["nodes"])
    assert by_key[hub]["degree"] == organisations.degree(hub)
    assert by_key[hub]["value"] == pytest.approx(nx.degree_centrality(organisations)[hub])
    kinds = {k["kind"]: k["color"] for k in first["kinds"]}
    assert all(n["color"] == kinds[n["kind"]] for n in first["nodes"])
    with pytest.raises(ValueError, match="unknown measure"):
        network_view(organisations, measure="charisma")


def test_positions_and_colours_are_kept_from_a_larger_network(organisations):
    full = network_view(organisations)
    whole = {n["key"]: (n["x"], n["y"]) for n in full["nodes"]}
    colour = {n["key"]: n["color"] for n in full["nodes"]}
    part = organisations.subgraph(sorted(organisations)[-8:]).copy()
    view = network_view(part, positions=whole, kinds=[k["kind"] for k in full["kinds"]])
    assert all((n["x"], n["y"]) == whole[n["key"]] for n in view["nodes"])
    assert all(n["color"] == colour[n["key"]] for n in view["nodes"])
    assert len(view["kinds"]) < len(full["kinds"])


def test_notebook_widget_renders_to_html(organisations, tmp_path):
    pytest.importorskip("ipysigma")
    widget = sigma_widget(organisations, measure="betweenness")
    assert (
        widget.graph.number_of_nodes() == organisations.number_of_nodes()
        if hasattr(widget, "graph")
        else True
    )
    path = tmp_path / "network.html"
    write_sigma_html(organisations, path, measure="betweenness")
    html = path.read_text(encoding="utf-8")
    assert "<html" in html and "application/vnd.jupyter.widget-state+json" in html
    state = re.search(
        r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', html, re.S
    )
    document = json.loads(state.group(1))
    text = json.dumps(document, ensure_ascii=False)
    assert ID + "org/miasto-katowice" in text and "Miasto Katowice" in text
