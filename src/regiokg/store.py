"""The embedded SPARQL store: a persistent pyoxigraph store in the project directory, loaded
all or nothing, and the hand-over between it and rdflib.

rdflib stays the in-memory model for pySHACL and small jobs; pyoxigraph answers SPARQL over
the whole graph. :func:`store_from_dataset` and :func:`dataset_from_store` pass a dataset
from one to the other in memory (through :mod:`regiokg.convert`), never through files.

A load never changes the store in place: :func:`load_dataset` writes the new content into a
fresh directory beside the store and swaps it in with two renames, so a failure or an
interruption at any point leaves the previous store as it was. An interruption between the
two renames is repaired the next time the store is opened. :func:`update_store` changes a
store the same way, on a cheap copy (a RocksDB checkpoint, hard links to the immutable
files) instead of a fresh directory. Small files the caller keeps about the store (what it
was built from) can be written into its directory before the swap, so that they are
replaced together with it.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from regiokg.convert import dataset_to_quads, quads_to_dataset

__all__ = [
    "QUAD_FORMATS",
    "StoreError",
    "StoreNotFound",
    "dataset_from_store",
    "load_dataset",
    "load_files",
    "open_store",
    "read_store_file",
    "replace_store",
    "store_from_dataset",
    "update_store",
]

#: Files :func:`load_files` streams into the store, by name ending.
QUAD_FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
}

_NEW = ".new-"
_OLD = ".old-"


class StoreError(OSError):
    """The embedded store cannot be opened; the message says where and why."""


class StoreNotFound(StoreError, FileNotFoundError):
    """There is no store yet; the message says to run ``regiokg build``."""


def _siblings(store_dir: Path, marker: str) -> list[Path]:
    return sorted(store_dir.parent.glob(f".{store_dir.name}{marker}*"))


def _recover(store_dir: Path) -> None:
    # A load interrupted between its two renames leaves the previous store under its
    # ".old-" name and none under the real one: put it back. Leftover ".new-" directories
    # are unfinished loads and are never used.
    if not store_dir.exists():
        old = [p for p in _siblings(store_dir, _OLD) if any(p.iterdir())]
        if old:
            os.replace(old[-1], store_dir)
    for leftover in _siblings(store_dir, _NEW) + _siblings(store_dir, _OLD):
        shutil.rmtree(leftover, ignore_errors=True)


def open_store(store_dir: str | Path, *, read_only: bool = False) -> ox.Store:
    """Open the persistent store in ``store_dir``. ``read_only`` opens it without taking
    the write lock, so queries can run while another process holds the store. A missing
    store raises :class:`StoreNotFound` (a ``FileNotFoundError``) saying to run
    ``regiokg build``; a store that cannot be opened raises :class:`StoreError`."""
    store_dir = Path(store_dir)
    if not store_dir.exists() and _siblings(store_dir, _OLD):
        _recover(store_dir)
    if not store_dir.is_dir():
        raise StoreNotFound(f"no store at {store_dir}: run 'regiokg build' first")
    try:
        return ox.Store.read_only(str(store_dir)) if read_only else ox.Store(str(store_dir))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {store_dir}: {exc}") from exc


def store_from_dataset(dataset: Dataset, path: str | Path | None = None) -> ox.Store:
    """A pyoxigraph store holding the quads of an rdflib ``dataset``, named graphs and
    blank-node identifiers kept: in memory, or on disk at ``path`` when given. The quads
    are added in one transaction."""
    store = ox.Store(str(path)) if path is not None else ox.Store()
    store.extend(dataset_to_quads(dataset))
    return store


def dataset_from_store(store: ox.Store) -> Dataset:
    """An rdflib Dataset holding every quad of a pyoxigraph ``store`` (the default graph
    stays the default graph; the dataset's default view is the union of its graphs), e.g.
    to validate the stored graph with pySHACL."""
    from regiokg.prefixes import PREFIXES

    dataset = quads_to_dataset(
        store.quads_for_pattern(None, None, None, None), Dataset(default_union=True)
    )
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri)
    return dataset


#: Files kept in the store directory: name -> bytes, made from the complete new store.
StoreFiles = Callable[[ox.Store], Mapping[str, bytes]]


def read_store_file(store_dir: str | Path, name: str) -> bytes | None:
    """The content of the file ``name`` written into the store directory by the last load
    (see ``files`` of :func:`load_dataset`), or None when there is no store or no such
    file."""
    store_dir = Path(store_dir)
    if not store_dir.exists() and _siblings(store_dir, _OLD):
        _recover(store_dir)
    try:
        return (store_dir / name).read_bytes()
    except OSError:
        return None


def load_dataset(
    store_dir: str | Path,
    dataset: Dataset,
    *,
    before_swap: Callable[[ox.Store], None] | None = None,
    files: StoreFiles | None = None,
) -> int:
    """Replace the content of the store in ``store_dir`` by ``dataset`` (every named graph
    kept) and return the number of quads loaded. The quads go into a fresh directory beside
    the store, which is flushed and renamed into place only when complete: an exception or
    an interruption during the load leaves the previous store untouched and no stray
    directory behind. ``before_swap`` is called with the complete new store just before the
    swap (a hook for checks); ``files``, called after it, returns files (name -> bytes) to
    write into the new store directory, swapped in with it."""
    return _replace(
        store_dir, lambda new_dir: store_from_dataset(dataset, new_dir), before_swap, files
    )


def update_store(
    store_dir: str | Path,
    change: Callable[[ox.Store], None],
    *,
    before_swap: Callable[[ox.Store], None] | None = None,
    files: StoreFiles | None = None,
) -> int:
    """Change the store in ``store_dir`` with ``change`` (called with a writable copy of it)
    and return the number of quads it then holds. The copy is a checkpoint of the store
    beside it (hard links, so it costs little whatever the size) and replaces the store as
    in :func:`load_dataset`: an exception or an interruption leaves the store as it was.
    ``before_swap`` and ``files`` are as in :func:`load_dataset`. A missing store raises
    :class:`StoreNotFound`."""
    store_dir = Path(store_dir)
    current = open_store(store_dir, read_only=True)

    def fill(new_dir: Path) -> ox.Store:
        nonlocal current
        # The checkpoint must make its directory itself.
        new_dir.rmdir()
        current.backup(str(new_dir))
        current = None
        gc.collect()
        store = ox.Store(str(new_dir))
        change(store)
        return store

    try:
        return _replace(store_dir, fill, before_swap, files)
    finally:
        current = None


def replace_store(
    store_dir: str | Path,
    fill: Callable[[ox.Store], None],
    *,
    before_swap: Callable[[ox.Store], None] | None = None,
    files: StoreFiles | None = None,
) -> int:
    """Replace the store in ``store_dir`` by what ``fill`` puts into a fresh, empty store
    (on disk beside it, so that pyoxigraph's bulk loader can stream millions of quads into
    it) and return the number of quads it holds. The swap is as in :func:`load_dataset`:
    an exception or an interruption leaves the previous store as it was; ``before_swap``
    and ``files`` are as there. There need be no store yet."""

    def fresh(new_dir: Path) -> ox.Store:
        store = ox.Store(str(new_dir))
        fill(store)
        return store

    return _replace(store_dir, fresh, before_swap, files)


def load_files(
    store_dir: str | Path,
    paths: Iterable[str | Path],
    *,
    graph_of: Callable[[Path], str],
    extra: Iterable[ox.Quad] = (),
    before_swap: Callable[[ox.Store], None] | None = None,
) -> int:
    """Replace the content of the store in ``store_dir`` by the quads of RDF files, and of
    ``extra`` (the ontology graph, say), and return the number of quads. The files are
    streamed by pyoxigraph's bulk loader, never held in memory, so this is the way to load
    millions of quads; N-Quads and TriG keep their named graphs, the triples of Turtle and
    N-Triples files go into the graph ``graph_of(path)``. The swap is atomic as in
    :func:`load_dataset`; a syntax error raises ``SyntaxError`` and leaves the store as it
    was."""
    paths = [Path(p) for p in paths]
    for path in paths:
        if path.suffix.lower() not in QUAD_FORMATS:
            known = ", ".join(QUAD_FORMATS)
            raise ValueError(f"{path}: unknown RDF syntax; the file name should end in {known}")

    def fill(new_dir: Path) -> ox.Store:
        store = ox.Store(str(new_dir))
        for path in paths:
            fmt = QUAD_FORMATS[path.suffix.lower()]
            graph = None if fmt.supports_datasets else ox.NamedNode(graph_of(path))
            store.bulk_load(path=path, format=fmt, to_graph=graph, base_iri=path.resolve().as_uri())
        store.bulk_extend(extra)
        return store

    return _replace(store_dir, fill, before_swap)


def _replace(
    store_dir: str | Path,
    fill: Callable[[Path], ox.Store],
    before_swap: Callable[[ox.Store], None] | None,
    files: StoreFiles | None = None,
) -> int:
    store_dir = Path(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover(store_dir)
    new_dir = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}{_NEW}", dir=store_dir.parent))
    old_dir: Path | None = None
    store = None
    try:
        store = fill(new_dir)
        count = len(store)
        store.flush()
        if before_swap is not None:
            before_swap(store)
        for name, data in (files(store) if files is not None else {}).items():
            (new_dir / name).write_bytes(data)
        # RocksDB keeps its files and lock until the Python object is gone.
        store = None
        gc.collect()
        if store_dir.exists():
            old_dir = Path(
                tempfile.mkdtemp(prefix=f".{store_dir.name}{_OLD}", dir=store_dir.parent)
            )
            os.replace(store_dir, old_dir)
        os.replace(new_dir, store_dir)
    except BaseException as exc:
        if old_dir is not None and not store_dir.exists():
            os.replace(old_dir, store_dir)
        # The half-made store must be closed before its directory goes, or RocksDB goes on
        # writing into it; the traceback's frames (a before_swap hook's) hold it too.
        store = None  # noqa: F841 (the last reference: this closes it)
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
        shutil.rmtree(new_dir, ignore_errors=True)
        if old_dir is not None:
            shutil.rmtree(old_dir, ignore_errors=True)
        raise
    if old_dir is not None:
        shutil.rmtree(old_dir, ignore_errors=True)
    return count
