"""Remote SPARQL 1.1 stores: push the built graph into a store, one named graph per source
document. (Querying a remote endpoint is a query target:
:class:`regiokg.query.EndpointTarget`.)

:func:`push` replaces each named graph whole, in one of two ways:

* ``protocol="update"`` sends the whole push as **one** SPARQL 1.1 Update request
  (``DROP SILENT GRAPH`` for every graph, then one ``INSERT DATA`` holding them all),
  made and sent graph by graph as the request body. A server that runs an update request
  as one transaction (oxigraph does) applies all of it or none of it: a push cut off at
  any moment, or one the server rejects, leaves the store as it was.
* ``protocol="gsp"`` PUTs each graph through the SPARQL 1.1 Graph Store HTTP Protocol,
  one request per graph. The protocol has no transaction across requests, so a push cut
  off half way leaves some graphs new and some old.

Either way pushing the same graph twice leaves the store as after the first push: no
duplicates.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox

from regiokg.query.endpoint import RemoteError, http_error_text, remote_query
from regiokg.query.targets import as_target

__all__ = ["RemoteError", "push", "remote_query", "graphs_of", "update_request"]

_NTRIPLES = "application/n-triples"
_SPARQL_UPDATE = "application/sparql-update"
Progress = Callable[[str | None, int], None]


def graphs_of(source) -> dict[str | None, list[ox.Triple]]:
    """The triples of each named graph of ``source`` (a query target, or a pyoxigraph
    Store or rdflib Dataset), by graph IRI; ``None`` holds the default graph when it is
    not empty."""
    graphs: dict[str | None, list[ox.Triple]] = {}
    for quad in as_target(source).quads():
        key = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(key, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
    return dict(sorted(graphs.items(), key=lambda kv: (kv[0] is not None, kv[0] or "")))


def update_request(
    graphs: dict[str | None, list[ox.Triple]], progress: Progress | None = None
) -> Iterator[bytes]:
    """The SPARQL 1.1 Update that replaces every graph of ``graphs`` (as from
    :func:`graphs_of`) in one request, as UTF-8 pieces made one at a time: the ``DROP
    SILENT`` of every graph and the opening of one ``INSERT DATA``, then one ``GRAPH`` block
    per graph, then the closing brace. A single ``INSERT DATA`` keeps a blank node shared by
    two graphs one node (SPARQL forbids a blank node label in two blocks of a request).
    Graph IRIs are written by pyoxigraph, which refuses a malformed one. ``progress(graph,
    n)`` is called when the piece of a graph has been taken (sent, when streaming)."""
    names = {graph: None if graph is None else str(ox.NamedNode(graph)) for graph in graphs}
    drops = [f"DROP SILENT {'DEFAULT' if n is None else 'GRAPH ' + n} ;\n" for n in names.values()]
    yield ("".join(drops) + "INSERT DATA {\n").encode("utf-8")
    for graph, triples in graphs.items():
        text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        if names[graph] is not None:
            text = f"GRAPH {names[graph]} {{\n".encode() + text + b"}\n"
        yield text
        if progress is not None:
            progress(graph, len(triples))
    yield b"}\n"


def push(
    source,
    endpoint: str,
    *,
    protocol: str = "gsp",
    timeout: float = 120,
    progress: Progress | None = None,
) -> dict[str | None, int]:
    """Load every named graph of ``source`` into the remote store at ``endpoint``,
    replacing the graph of the same name there, and return the triples sent per graph.
    ``protocol="update"`` POSTs one SPARQL Update carrying every graph to the update
    ``endpoint`` (oxigraph: ``…/update``), so a store that runs a request as one
    transaction takes all of the push or none of it; ``protocol="gsp"`` PUTs N-Triples to
    the Graph Store Protocol ``endpoint`` (oxigraph: ``…/store``, Virtuoso:
    ``…/sparql-graph-crud``) one graph per request, which is not atomic. Either way running
    the push again adds no duplicates. ``progress(graph, n)`` is called per graph sent."""
    if protocol not in ("gsp", "update"):
        raise ValueError(f"unknown protocol {protocol!r}: use 'gsp' or 'update'")
    graphs = graphs_of(source)
    sent = {graph: len(triples) for graph, triples in graphs.items()}
    if not graphs:
        return sent
    if protocol == "update":
        # Serialised twice: once for the length, once while sending, so the request is
        # never held whole in memory and needs no chunked encoding (which Virtuoso
        # refuses). Serialising costs little beside sending and applying.
        length = sum(len(piece) for piece in update_request(graphs))
        body = update_request(graphs, progress)
        _request("POST", endpoint, body, _SPARQL_UPDATE, timeout, length=length)
        return sent
    for graph, triples in graphs.items():
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
        url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
        _request("PUT", url, body, _NTRIPLES, timeout)
        if progress is not None:
            progress(graph, len(triples))
    return sent


def _request(
    method: str,
    url: str,
    body: bytes | Iterable[bytes],
    content_type: str,
    timeout: float,
    *,
    length: int | None = None,
) -> None:
    # An iterable body is sent piece by piece, so the pieces are never joined into one
    # copy of the whole request.
    headers = {"Content-Type": content_type}
    if length is not None:
        headers["Content-Length"] = str(length)
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        raise RemoteError(f"{method} {url}: HTTP {exc.code} {http_error_text(exc)}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RemoteError(f"{method} {url}: cannot connect ({reason})") from exc
