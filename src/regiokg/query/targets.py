"""Where a query runs: a :class:`SparqlTarget`. Three kinds answer alike, with the default
graph the union of the named graphs and parameters bound by the same ``VALUES`` row (one
text, one meaning):

* :class:`StoreTarget`, the embedded pyoxigraph store (what the command line and the
  server use);
* :class:`DatasetTarget`, an rdflib Dataset or Graph in memory (a notebook's build);
* :class:`~regiokg.query.endpoint.EndpointTarget`, a remote SPARQL 1.1 endpoint.

A target is chosen once, at the edge: :func:`open_target` for the command line (the
project's store, or ``--endpoint``), :func:`as_target` for a library caller who hands over
a store, a dataset or a URL. Everything after that (networks, export, plots, the server)
takes the target and calls :func:`run` on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pyoxigraph as ox
from rdflib import Dataset, Graph

from regiokg.convert import dataset_to_quads, to_oxigraph
from regiokg.query.binding import bound_text
from regiokg.query.catalogue import NamedQuery, parse_query
from regiokg.query.endpoint import EndpointTarget
from regiokg.query.errors import QueryError, check_syntax, syntax_error
from regiokg.query.results import QueryResult, graph_of, result_rows

__all__ = [
    "DatasetTarget",
    "SparqlTarget",
    "StoreTarget",
    "as_target",
    "open_target",
    "run",
]


@runtime_checkable
class SparqlTarget(Protocol):
    """Something a query runs on. :meth:`execute` answers a query text (already bound, of
    ``form``; ``prefixes`` are bound in graph answers) as a
    :class:`~regiokg.query.results.QueryResult`; :meth:`quads` gives every quad, named
    graphs kept, for dumps and pushes. ``where`` names the target in messages."""

    where: str

    def execute(
        self, text: str, form: str, *, prefixes: Mapping[str, str], where: str | None = None
    ) -> QueryResult: ...

    def quads(self) -> Iterator[ox.Quad]: ...


class StoreTarget:
    """The embedded pyoxigraph ``store`` (on disk or in memory); the default graph is the
    union of its named graphs."""

    def __init__(self, store: ox.Store, *, where: str = "the embedded store"):
        self.store, self.where = store, where

    def execute(
        self, text: str, form: str, *, prefixes: Mapping[str, str], where: str | None = None
    ) -> QueryResult:
        """Answer ``text`` (see :class:`SparqlTarget`)."""
        try:
            answer = self.store.query(text, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise syntax_error(exc, where) from None
        except OSError as exc:
            raise QueryError(str(exc), where=where) from exc
        return QueryResult.from_oxigraph(answer, form, prefixes)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store."""
        return iter(self.store.quads_for_pattern(None, None, None, None))

    def __len__(self) -> int:
        return len(self.store)


class DatasetTarget:
    """An rdflib ``graph``: a Dataset (the default graph is then the union of its named
    graphs, as in the store) or a plain Graph. Queries are checked by pyoxigraph first, so
    syntax errors read as on the other targets, then run by rdflib's engine."""

    def __init__(self, graph: Graph, *, where: str = "the rdflib dataset"):
        self.graph, self.where = graph, where

    def execute(
        self, text: str, form: str, *, prefixes: Mapping[str, str], where: str | None = None
    ) -> QueryResult:
        """Answer ``text`` (see :class:`SparqlTarget`)."""
        check_syntax(text, where)
        dataset = self.graph if isinstance(self.graph, Dataset) else None
        union = getattr(dataset, "default_union", None)
        if dataset is not None:
            dataset.default_union = True
        try:
            answer = self.graph.query(text)
        finally:
            if dataset is not None:
                dataset.default_union = union
        if answer.type == "ASK":
            return QueryResult("ASK", boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult(answer.type, graph=graph_of(answer.graph, prefixes))
        variables = [str(v) for v in answer.vars]
        return QueryResult("SELECT", variables=variables, rows=result_rows(variables, answer))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad: a Dataset's named graphs kept, a Graph's triples in the default
        graph."""
        if isinstance(self.graph, Dataset):
            return iter(dataset_to_quads(self.graph))
        return (ox.Quad(*map(to_oxigraph, t), ox.DefaultGraph()) for t in self.graph)

    def __len__(self) -> int:
        return len(self.graph)


def as_target(value: Any, *, timeout: float = 60) -> SparqlTarget:
    """``value`` as a target: a :class:`SparqlTarget` as it is, a pyoxigraph Store as a
    :class:`StoreTarget`, an rdflib Dataset or Graph as a :class:`DatasetTarget`, an
    ``http(s)`` URL as an :class:`~regiokg.query.endpoint.EndpointTarget` (waiting
    ``timeout`` seconds). Anything else raises ``TypeError``. The one place where the kind
    of a target is decided."""
    if isinstance(value, SparqlTarget):
        return value
    if isinstance(value, ox.Store):
        return StoreTarget(value)
    if isinstance(value, Graph):
        return DatasetTarget(value)
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return EndpointTarget(value, timeout=timeout)
    raise TypeError(
        f"cannot run a query on {type(value).__name__}: give a pyoxigraph Store, an rdflib "
        "Dataset or Graph, or the URL of a SPARQL endpoint"
    )


def open_target(
    project,
    *,
    store_dir: str | Path | None = None,
    endpoint: str | None = None,
    timeout: float = 60,
    writable: bool = False,
) -> SparqlTarget:
    """The target a command names: the remote ``endpoint`` when given (waiting ``timeout``
    seconds), else the embedded store in ``store_dir`` (default: the project's), opened
    read-only unless ``writable``. A missing store raises
    :class:`regiokg.store.StoreNotFound` saying to run ``regiokg build``."""
    if endpoint:
        return EndpointTarget(endpoint, timeout=timeout)
    from regiokg.store import open_store

    directory = Path(store_dir) if store_dir is not None else project.store_dir
    return StoreTarget(open_store(directory, read_only=not writable), where=str(directory))


def run(
    target, query: NamedQuery | str, params: Mapping[str, Any] | None = None, *, timeout: float = 60
) -> QueryResult:
    """Run ``query`` (a :class:`~regiokg.query.catalogue.NamedQuery` or SPARQL text) with
    ``params`` on ``target`` (a :class:`SparqlTarget`, or anything :func:`as_target` takes;
    ``timeout`` is for a remote endpoint given as a URL). The parameters are bound as one
    ``VALUES`` row (:func:`~regiokg.query.binding.bound_text`), the same text for every
    target. Returns a :class:`~regiokg.query.results.QueryResult`; bad parameters and
    syntax errors raise :class:`QueryError`."""
    if not isinstance(query, NamedQuery):
        query = parse_query(query, "query")
    text = bound_text(query, params)
    return as_target(target, timeout=timeout).execute(
        text, query.form, prefixes=query.prefixes, where=query.where
    )
