"""The embedded store: loads whole, keeps named graphs, and survives a failed load."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef

import regiokg.store as store_module
from regiokg.store import dataset_from_store, load_dataset, open_store


def test_load_keeps_every_named_graph(tmp_path, project, dataset):
    count = load_dataset(tmp_path / "store", dataset)
    assert count == len(list(dataset.quads()))
    store = open_store(tmp_path / "store")
    graphs = {g.value for g in store.named_graphs()}
    assert project.graph_iri("ontology") in graphs
    assert project.graph_iri("2011-katowice-saint-etienne") in graphs


def test_round_trip_between_rdflib_and_oxigraph(dataset):
    back = dataset_from_store(store_module.store_from_dataset(dataset))
    # Oxigraph writes literals in canonical form ("19.2740" becomes "19.274"), so compare
    # literal values, not their spelling.
    assert _by_value(back) == _by_value(dataset)


def _by_value(dataset):
    return {
        (
            s,
            p,
            o.toPython() if isinstance(o, Literal) else o,
            o.language if isinstance(o, Literal) else None,
            g,
        )
        for s, p, o, g in dataset.quads()
    }


def test_failed_load_leaves_previous_store(tmp_path, monkeypatch, dataset):
    target = tmp_path / "store"
    small = Dataset()
    small.graph(URIRef("http://example.org/g")).add(
        (URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("kept"))
    )
    load_dataset(target, small)

    def broken(data, path=None):
        store = store_module.ox.Store(str(path))
        store.extend(store_module.dataset_to_quads(data)[:10])
        raise KeyboardInterrupt("interrupted mid-load")

    monkeypatch.setattr(store_module, "store_from_dataset", broken)
    with pytest.raises(KeyboardInterrupt):
        load_dataset(target, dataset)
    store = open_store(target)
    assert len(store) == 1
    assert [q.object.value for q in store] == ["kept"]
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_missing_store_says_to_build(tmp_path):
    with pytest.raises(FileNotFoundError, match="regiokg build"):
        open_store(tmp_path / "nothing")
