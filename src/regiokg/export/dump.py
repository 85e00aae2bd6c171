"""Dumps: the whole graph in one file per format, written atomically.

A dataset format (N-Quads, TriG, JSON-LD) keeps one named graph per source document, as
the store holds them; a triple format (Turtle, N-Triples, RDF/XML) holds the merged graph,
each triple once however many sources state it. Statements are sorted, so a dump of the
same graph is the same file from one run to the next (blank-node labels aside).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from regiokg.atomic import atomic_path
from regiokg.config import Project
from regiokg.export.formats import DumpFormat, ExportError, get_format
from regiokg.query import QueryError, as_target

__all__ = ["dump_statements", "serialize_dump", "source_quads", "write_dump"]


def source_quads(source) -> Iterable[ox.Quad]:
    """Every quad of ``source``: a query target (:class:`regiokg.query.SparqlTarget`) or
    anything :func:`regiokg.query.as_target` takes (a pyoxigraph Store, an rdflib Dataset
    with its named graphs, an rdflib Graph in the default graph). Anything else raises
    :class:`~regiokg.export.formats.ExportError`."""
    try:
        return as_target(source).quads()
    except TypeError:
        raise ExportError(
            f"cannot export a {type(source).__name__}: give a pyoxigraph Store, an rdflib "
            "Dataset or a query target"
        ) from None
    except QueryError as exc:
        raise ExportError(str(exc)) from None


def _quad_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
    return graph, str(quad.subject), str(quad.predicate), str(quad.object)


def dump_statements(source, fmt: str | DumpFormat) -> list[ox.Quad] | list[ox.Triple]:
    """What a dump of ``source`` in ``fmt`` holds: for a dataset format its quads sorted by
    graph, subject, predicate and object; for a triple format the distinct triples of all
    graphs merged, sorted likewise."""
    fmt = get_format(fmt)
    quads = sorted(source_quads(source), key=_quad_key)
    if fmt.datasets:
        return quads
    merged = dict.fromkeys(quad.triple for quad in quads)
    return sorted(merged, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def serialize_dump(source, fmt: str | DumpFormat, *, project: Project) -> bytes:
    """The dump of ``source`` (a pyoxigraph Store or an rdflib Dataset) in format ``fmt``
    (a name of :data:`~regiokg.export.formats.FORMATS` or a format) as bytes, e.g. to serve
    it over HTTP."""
    fmt = get_format(fmt)
    buffer = io.BytesIO()
    fmt.load_writer()(dump_statements(source, fmt), buffer, project)
    return buffer.getvalue()


def write_dump(source, fmt: str | DumpFormat, out_dir: str | Path, *, project: Project) -> Path:
    """Write the dump of ``source`` (a pyoxigraph Store, e.g. the embedded store opened
    read-only, or an rdflib Dataset) in format ``fmt`` to ``out_dir/regiokg.<extension>``
    and return its path. The file is written beside the target and renamed into place when
    complete, so a failure leaves the previous dump as it was."""
    fmt = get_format(fmt)
    target = Path(out_dir) / fmt.filename
    statements = dump_statements(source, fmt)
    writer = fmt.load_writer()
    with atomic_path(target) as tmp, tmp.open("wb") as out:
        writer(statements, out, project)
    return target
