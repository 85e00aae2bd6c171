"""The bytes of an answer in the media type negotiated for it: SPARQL results (JSON, XML,
CSV, TSV) re-serialised from the Results JSON a query worker sends, and graphs (Turtle,
JSON-LD, N-Triples, RDF/XML, N-Quads, TriG) written by pyoxigraph with the project's prefixes."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from fastapi import Response

from regiokg.serve.negotiation import GRAPH_TYPES, RESULT_TYPES

__all__ = ["EXTENSIONS", "bytes_response", "graph_bytes", "graph_response", "results_bytes"]

#: File extension of a data document -> its media type (``/data/<key>.<ext>``).
EXTENSIONS = {
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
    "nq": "application/n-quads",
    "trig": "application/trig",
}
_TEXT = ("text/", "application/n-triples", "application/n-quads", "application/trig")


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith(_TEXT) else media


def results_bytes(results_json: bytes, media: str) -> bytes:
    """A SELECT or ASK answer given as SPARQL Results JSON, in the results ``media``
    type."""
    if media == "application/sparql-results+json":
        return results_json
    parsed = ox.parse_query_results(results_json, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=RESULT_TYPES[media])


def graph_bytes(triples: Iterable[ox.Triple], media: str, prefixes: dict[str, str]) -> bytes:
    """``triples`` in the RDF ``media`` type (in the default graph of a dataset syntax);
    Turtle, TriG and RDF/XML use ``prefixes``."""
    fmt = GRAPH_TYPES[media]
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML):
        return ox.serialize(list(triples), format=fmt, prefixes=prefixes) or b""
    return ox.serialize(list(triples), format=fmt) or b""


def graph_response(
    triples: Iterable[ox.Triple],
    media: str,
    prefixes: dict[str, str],
    headers: dict[str, str] | None = None,
) -> Response:
    """An HTTP response holding ``triples`` in the RDF ``media`` type."""
    return Response(
        graph_bytes(triples, media, prefixes),
        media_type=_content_type(media),
        headers=headers,
    )


def bytes_response(body: bytes, media: str, headers: dict[str, str] | None = None) -> Response:
    """An HTTP response of ``body`` as ``media`` (text types declared as UTF-8)."""
    return Response(body, media_type=_content_type(media), headers=headers)
