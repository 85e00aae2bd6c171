"""A remote SPARQL 1.1 endpoint as a query target, asked through SPARQLWrapper.

The endpoint should expose the union of its named graphs as its default graph, as the
embedded store does (``oxigraph serve --union-default-graph``); then every named query
answers there as it does at home. Queries are checked by pyoxigraph before they are sent,
so a syntax error reads the same as on the embedded store, whatever the server would say.
"""

from __future__ import annotations

import contextlib
import json
import urllib.error
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from regiokg.query.errors import QueryError, check_syntax
from regiokg.query.results import QueryResult, graph_of

__all__ = ["EndpointTarget", "RemoteError", "http_error_text", "remote_query"]


class RemoteError(RuntimeError):
    """A remote endpoint refused or failed a request; the message names the endpoint, the
    HTTP status and what the server said."""


def first_lines(text: str, n: int = 3) -> str:
    """The first ``n`` lines of a server's message, on one line."""
    return " ".join(line.strip() for line in text.strip().splitlines()[:n])


def http_error_text(exc: urllib.error.HTTPError) -> str:
    """What a server said with an HTTP error: its JSON ``message`` or the first lines of
    the body, else the reason phrase."""
    try:
        text = exc.read().decode("utf-8", "replace")
    except OSError:
        return exc.reason or ""
    with contextlib.suppress(ValueError, AttributeError):
        text = json.loads(text).get("message", text)
    return first_lines(text) or (exc.reason or "")


def remote_query(
    endpoint: str,
    text: str,
    form: str,
    *,
    timeout: float = 60,
    prefixes: Mapping[str, str] | None = None,
) -> QueryResult:
    """Send the SPARQL query ``text`` (already bound) to ``endpoint`` with SPARQLWrapper
    and return the :class:`~regiokg.query.results.QueryResult` the embedded store would:
    SELECT and ASK answers are read as SPARQL JSON results, CONSTRUCT and DESCRIBE answers
    as Turtle into an rdflib Graph. Failures raise :class:`RemoteError`."""
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setMethod(POST)
    client.setTimeout(int(timeout))
    graph_answer = form in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(TURTLE if graph_answer else JSON)
    try:
        raw = client.query().response.read()
    except SPARQLWrapperException as exc:
        raise RemoteError(f"{endpoint}: {first_lines(str(exc))}") from exc
    except urllib.error.HTTPError as exc:
        raise RemoteError(f"{endpoint}: HTTP {exc.code} {http_error_text(exc)}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise RemoteError(f"{endpoint}: cannot connect ({getattr(exc, 'reason', exc)})") from exc
    if graph_answer:
        graph = graph_of((), prefixes or {})
        graph.parse(data=raw, format="turtle")
        return QueryResult(form, graph=graph)
    try:
        answer = ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        raise RemoteError(f"{endpoint}: unreadable SPARQL JSON results ({exc})") from exc
    return QueryResult.from_oxigraph(answer, form, prefixes or {})


class EndpointTarget:
    """The SPARQL 1.1 query endpoint at ``url``, waiting at most ``timeout`` seconds for
    an answer."""

    def __init__(self, url: str, *, timeout: float = 60):
        self.url, self.timeout, self.where = url, timeout, url

    def execute(
        self, text: str, form: str, *, prefixes: Mapping[str, str], where: str | None = None
    ) -> QueryResult:
        """Answer ``text`` (see :class:`~regiokg.query.targets.SparqlTarget`)."""
        check_syntax(text, where)
        return remote_query(self.url, text, form, timeout=self.timeout, prefixes=prefixes)

    def quads(self) -> Iterator[ox.Quad]:
        """Not offered: a remote store is dumped by its own tools."""
        raise QueryError(
            f"{self.url} is a remote endpoint: dump or push from the embedded store or a "
            "dataset, not from an endpoint"
        )
