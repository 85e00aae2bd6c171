"""Reading data files for validation: each file a source of its own, into an rdflib
dataset (:func:`read_data_files`, for pySHACL) or, streamed, into a pyoxigraph store
(:func:`read_data_store`, for the SPARQL engine); unreadable files raise
:class:`regiokg.sources.SourceError` naming file, line and column."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from regiokg.config import Project
from regiokg.convert import quads_to_dataset
from regiokg.formats import RDF_SYNTAXES
from regiokg.sources import ONTOLOGY_GRAPH, SourceError, discover, read_triples

__all__ = ["DATA_FORMATS", "read_data_files", "read_data_store"]

#: File name endings :func:`read_data_files` understands, and the syntax of each.
# JSON-LD is read without fetching: a remote @context is refused with a clear error.
DATA_FORMATS = {"." + f.suffix: f.oxigraph for f in RDF_SYNTAXES}


def read_data_files(paths: Iterable[Path], project: Project) -> tuple[Dataset, dict[str, str]]:
    """Read data files and the project's ontology into a dataset shaped like the built one,
    and say which file each named graph came from (see :func:`validate_files`)."""
    ontology_iri = project.graph_iri(ONTOLOGY_GRAPH)
    dataset = Dataset(default_union=True)
    sources: dict[str, str] = {}
    for path in map(Path, paths):
        file_graph = path.resolve().as_uri()
        quads = []
        for quad in _read_quads(path):
            graph = quad.graph_name
            name = file_graph if isinstance(graph, ox.DefaultGraph) else graph.value
            if name == ontology_iri:
                continue
            sources.setdefault(name, str(path))
            quads.append(ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(name)))
        quads_to_dataset(quads, dataset)
    ontology = [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(ontology_iri))
        for source in discover(project)
        if source.is_ontology
        for t in read_triples(source.path)
    ]
    quads_to_dataset(ontology, dataset)
    return dataset, sources


def _read_quads(path: Path) -> list[ox.Quad]:
    return list(_stream_quads(path))


def _stream_quads(path: Path) -> Iterator[ox.Quad]:
    fmt = DATA_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(DATA_FORMATS)
        raise SourceError(path, f"unknown RDF syntax; the file name should end in {known}")
    if fmt == ox.RdfFormat.TURTLE:
        yield from (ox.Quad(t.subject, t.predicate, t.object) for t in read_triples(path))
        return
    try:
        yield from ox.parse(path=path, format=fmt, base_iri=path.resolve().as_uri())
    except (OSError, SyntaxError) as exc:
        raise _source_error(path, exc) from exc


def _source_error(path: Path, exc: OSError | SyntaxError) -> SourceError:
    if isinstance(exc, OSError):
        return SourceError(path, f"cannot read file: {exc.strerror or exc}")
    reason = (exc.msg or str(exc)).split(": ", 1)[-1]
    if "LoadDocumentCallback" in reason:
        reason = (
            "a remote JSON-LD @context is never fetched (regiokg works offline); "
            "put the context in the file"
        )
    return SourceError(path, reason, exc.lineno, exc.offset)


def read_data_store(paths: Iterable[Path], project: Project) -> tuple[ox.Store, dict[str, str]]:
    """Like :func:`read_data_files`, but into an in-memory pyoxigraph store: N-Quads, TriG
    and N-Triples are loaded by Oxigraph's bulk loader without passing through Python, for
    inputs too large for rdflib; Turtle files are parsed as :func:`read_data_files` does."""
    ontology = ox.NamedNode(project.graph_iri(ONTOLOGY_GRAPH))
    store = ox.Store()
    sources: dict[str, str] = {}
    for path in map(Path, paths):
        file_graph = ox.NamedNode(path.resolve().as_uri())
        before = set(store.named_graphs())
        fmt = DATA_FORMATS.get(path.suffix.lower())
        if fmt in (None, ox.RdfFormat.TURTLE):
            store.bulk_extend(
                ox.Quad(q.subject, q.predicate, q.object, file_graph) for q in _stream_quads(path)
            )
        else:
            _bulk_load(store, path, fmt, file_graph)
        for graph in set(store.named_graphs()) - before:
            sources.setdefault(graph.value, str(path))
    # An ontology graph among the files is replaced by the project's ontology.
    store.remove_graph(ontology)
    sources.pop(ontology.value, None)
    store.bulk_extend(
        ox.Quad(t.subject, t.predicate, t.object, ontology)
        for source in discover(project)
        if source.is_ontology
        for t in read_triples(source.path)
    )
    return store, sources


def _bulk_load(store: ox.Store, path: Path, fmt: ox.RdfFormat, file_graph: ox.NamedNode) -> None:
    base = path.resolve().as_uri()
    try:
        if fmt.supports_datasets:
            store.bulk_load(path=path, format=fmt, base_iri=base)
            # Quads in the default graph belong to the file, as read_data_files has it.
            if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None):
                store.update(f"ADD DEFAULT TO <{file_graph.value}> ; CLEAR DEFAULT")
        else:
            store.bulk_load(path=path, format=fmt, base_iri=base, to_graph=file_graph)
    except (OSError, SyntaxError) as exc:
        raise _source_error(path, exc) from exc
