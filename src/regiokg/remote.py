"""Remote SPARQL 1.1 stores: push the built graph into a store, one named graph per source
document. (Querying a remote endpoint is a query target:
:class:`regiokg.query.EndpointTarget`.)

:func:`push` replaces each named graph whole, through the SPARQL 1.1 Graph Store HTTP
Protocol (``PUT …?graph=IRI``) or, for stores that only take updates, through SPARQL 1.1
Update (``DROP SILENT GRAPH`` then ``INSERT DATA`` in one request). Either way pushing the
same graph twice leaves the store as after the first push: no duplicates.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

import pyoxigraph as ox

from regiokg.query.endpoint import RemoteError, http_error_text, remote_query
from regiokg.query.targets import as_target

__all__ = ["RemoteError", "push", "remote_query", "graphs_of"]

_NTRIPLES = "application/n-triples"


def graphs_of(source) -> dict[str | None, list[ox.Triple]]:
    """The triples of each named graph of ``source`` (a query target, or a pyoxigraph
    Store or rdflib Dataset), by graph IRI; ``None`` holds the default graph when it is
    not empty."""
    graphs: dict[str | None, list[ox.Triple]] = {}
    for quad in as_target(source).quads():
        key = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(key, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
    return dict(sorted(graphs.items(), key=lambda kv: (kv[0] is not None, kv[0] or "")))


def push(
    source,
    endpoint: str,
    *,
    protocol: str = "gsp",
    timeout: float = 120,
    progress: Callable[[str | None, int], None] | None = None,
) -> dict[str | None, int]:
    """Load every named graph of ``source`` into the remote store at ``endpoint``,
    replacing the graph of the same name there, and return the triples sent per graph.
    ``protocol="gsp"`` PUTs N-Triples to the Graph Store Protocol ``endpoint`` (oxigraph:
    ``…/store``, Virtuoso: ``…/sparql-graph-crud``); ``protocol="update"`` POSTs one SPARQL
    Update per graph to the update ``endpoint`` (oxigraph: ``…/update``). Each graph is
    replaced in one request, so running the push again adds no duplicates."""
    if protocol not in ("gsp", "update"):
        raise ValueError(f"unknown protocol {protocol!r}: use 'gsp' or 'update'")
    sent: dict[str | None, int] = {}
    for graph, triples in graphs_of(source).items():
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        if protocol == "gsp":
            query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
            url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
            _request("PUT", url, body, _NTRIPLES, timeout)
        else:
            target = "DEFAULT" if graph is None else f"GRAPH <{graph}>"
            inner = body.decode("utf-8")
            wrapped = inner if graph is None else f"GRAPH <{graph}> {{\n{inner}}}"
            update = f"DROP SILENT {target} ;\nINSERT DATA {{\n{wrapped}\n}}"
            form = urllib.parse.urlencode({"update": update}).encode("utf-8")
            _request("POST", endpoint, form, "application/x-www-form-urlencoded", timeout)
        sent[graph] = len(triples)
        if progress is not None:
            progress(graph, len(triples))
    return sent


def _request(method: str, url: str, body: bytes, content_type: str, timeout: float) -> None:
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        raise RemoteError(f"{method} {url}: HTTP {exc.code} {http_error_text(exc)}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RemoteError(f"{method} {url}: cannot connect ({reason})") from exc
