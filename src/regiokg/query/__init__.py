"""Asking the graph: one way in, from the command line, the library, the server and the
notebooks alike.

* :mod:`~regiokg.query.catalogue`: the named queries of ``queries/*.rq`` and their grlc
  headers (:func:`load_queries`, :func:`get_query`, :class:`NamedQuery`);
* :mod:`~regiokg.query.binding`: typed parameters as one ``VALUES`` row, the only way
  parameters enter a query (:func:`bind`, :func:`bound_text`);
* :mod:`~regiokg.query.targets` and :mod:`~regiokg.query.endpoint`: where a query runs
  (:class:`SparqlTarget`: the embedded store, an rdflib dataset or a remote endpoint),
  chosen once with :func:`open_target` or :func:`as_target`, and :func:`run`;
* :mod:`~regiokg.query.results`: the answer (:class:`QueryResult`) as rows, a typed
  DataFrame, a graph or a SPARQL results document;
* :mod:`~regiokg.query.lexer` and :mod:`~regiokg.query.errors`: the one SPARQL lexer and
  the one wording of errors.

Example::

    target = open_target(Project.discover())          # the embedded store
    speakers = run(target, get_query(project, "cq09_event_speakers")).to_dataframe()
"""

from regiokg.query.binding import bind, bound_text
from regiokg.query.catalogue import NamedQuery, Parameter, get_query, load_queries, parse_query
from regiokg.query.endpoint import EndpointTarget, RemoteError
from regiokg.query.errors import QueryError
from regiokg.query.results import RESULT_FORMATS, QueryResult, to_dataframe
from regiokg.query.targets import (
    DatasetTarget,
    SparqlTarget,
    StoreTarget,
    as_target,
    open_target,
    run,
)

__all__ = [
    "RESULT_FORMATS",
    "DatasetTarget",
    "EndpointTarget",
    "NamedQuery",
    "Parameter",
    "QueryError",
    "QueryResult",
    "RemoteError",
    "SparqlTarget",
    "StoreTarget",
    "as_target",
    "bind",
    "bound_text",
    "get_query",
    "load_queries",
    "open_target",
    "parse_query",
    "run",
    "to_dataframe",
]
