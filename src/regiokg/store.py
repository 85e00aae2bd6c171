"""The embedded SPARQL store: a persistent pyoxigraph store in the project directory.

A load never changes the store in place: the new contents are written to a fresh store
beside it, which is renamed into place only when complete. A failed or interrupted load
therefore leaves the previous store exactly as it was.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from regiokg.convert import dataset_to_quads, quads_to_dataset

__all__ = ["load_dataset", "open_store", "store_from_dataset", "dataset_from_store"]


def store_from_dataset(dataset: Dataset, path: Path | None = None) -> ox.Store:
    """A pyoxigraph store (in memory, or on disk at ``path``) holding the quads of
    ``dataset``, named graphs kept."""
    store = ox.Store(str(path)) if path is not None else ox.Store()
    store.extend(dataset_to_quads(dataset))
    return store


def dataset_from_store(store: ox.Store) -> Dataset:
    """An rdflib Dataset with the quads of ``store``, named graphs kept."""
    return quads_to_dataset(
        store.quads_for_pattern(None, None, None, None), Dataset(default_union=True)
    )


def open_store(store_dir: Path) -> ox.Store:
    """Open the persistent store at ``store_dir``; a missing store is an error that says to
    run ``regiokg build`` first."""
    store_dir = Path(store_dir)
    if not store_dir.is_dir():
        raise FileNotFoundError(f"no store at {store_dir}: run 'regiokg build' first")
    return ox.Store(str(store_dir))


def load_dataset(store_dir: Path, dataset: Dataset) -> int:
    """Replace the store at ``store_dir`` with the quads of ``dataset`` and return their
    number. The new store is built in a sibling directory and swapped in with two renames,
    so readers and failures never see a half-loaded store."""
    store_dir = Path(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = store_dir.with_name(f".{store_dir.name}.{uuid.uuid4().hex}.new")
    try:
        store = store_from_dataset(dataset, fresh)
        count = len(store)
        store.flush()
        del store  # release the store's lock before renaming its directory
        old = store_dir.with_name(f".{store_dir.name}.{uuid.uuid4().hex}.old")
        if store_dir.exists():
            store_dir.rename(old)
        fresh.rename(store_dir)
        shutil.rmtree(old, ignore_errors=True)
        return count
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
