"""Fixtures for the export tests: the built dataset in a temporary on-disk pyoxigraph store
(never the project's own store), and the helpers that compare RDF independently of the
writers: pyoxigraph's canonical form of a dataset, so blank nodes compare by structure."""

from __future__ import annotations

import gc

import pyoxigraph as ox
import pytest

from regiokg.convert import dataset_to_quads
from regiokg.store import open_store, store_from_dataset


def canonical(quads) -> set[ox.Quad]:
    """The quads canonicalised by W3C RDFC-1.0 (pyoxigraph's implementation): two
    isomorphic datasets (blank nodes relabelled) give the same set."""
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def merged(quads) -> list[ox.Quad]:
    """The distinct triples of ``quads`` in the default graph (what a triple format holds)."""
    triples = {q.triple for q in quads}
    return [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory, dataset):
    """A temporary on-disk store holding the built dataset, closed again so that it can be
    opened read-only like the embedded store."""
    path = tmp_path_factory.mktemp("export") / "store"
    store = store_from_dataset(dataset, path)
    store.flush()
    del store
    gc.collect()
    return path


@pytest.fixture(scope="session")
def store(store_dir):
    """The temporary store, opened read-only as ``regiokg export`` opens it."""
    return open_store(store_dir, read_only=True)


@pytest.fixture(scope="session", params=["store", "dataset"])
def source(request, store, dataset):
    """What a dump is written from, each way the export takes it: the read-only pyoxigraph
    store and the rdflib Dataset, with the quads each holds (the store keeps literals in
    canonical form, "19.2740"^^xsd:decimal as "19.274", so the two differ in lexical form
    and each dump is compared with its own source)."""
    if request.param == "store":
        return store, list(store)
    return dataset, dataset_to_quads(dataset)
